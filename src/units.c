/*
 * Value functions: piecewise linear through breakpoints, constant beyond
 * the ends.  Every look-up walks at most SP_MAX_BREAKPOINTS breakpoints.
 */
#include "stackpick/units.h"

double
sp_units_rating(const sp_units *u, double v)
{
	const double *x = u->bp_value, *y = u->bp_rating;
	int i, n = u->nbp;

	if (n == 1 || v <= x[0])
		return y[0];
	if (v >= x[n - 1])
		return y[n - 1];
	for (i = 1; i < n - 1 && v > x[i]; i++)
		;
	return y[i - 1] + (y[i] - y[i - 1]) * (v - x[i - 1]) /
	    (x[i] - x[i - 1]);
}

int
sp_units_value(const sp_units *u, double r, double *v)
{
	const double *x = u->bp_value, *y = u->bp_rating;
	int i;

	for (i = 1; i < u->nbp; i++) {
		double a = y[i - 1], b = y[i];

		if ((r - a) * (r - b) <= 0 && a != b) {
			*v = x[i - 1] + (x[i] - x[i - 1]) * (r - a) / (b - a);
			return 1;
		}
	}
	return 0;
}

int
sp_units_range(const sp_criterion *cr, int o, double *lo, double *hi)
{
	const sp_units *u = cr->units;

	if (u != NULL) {
		*lo = u->lo[o];
		*hi = u->hi[o];
	} else if (cr->lo != NULL) {
		*lo = cr->lo[o];
		*hi = cr->hi[o];
	} else
		return 0;
	return *lo < *hi;
}

int
sp_units_ranged(const sp_criterion *cr, int o)
{
	double lo, hi;

	return sp_units_range(cr, o, &lo, &hi);
}

double
sp_units_draw(const sp_criterion *cr, int o, double point, double u)
{
	double lo, hi, v;

	if (!sp_units_range(cr, o, &lo, &hi))
		return point;
	v = lo + u * (hi - lo);
	return cr->units != NULL ? sp_units_rating(cr->units, v) : v;
}
