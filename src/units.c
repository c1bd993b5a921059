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
sp_units_ranged(const sp_criterion *cr, int o)
{
	if (cr->units != NULL)
		return cr->units->lo[o] < cr->units->hi[o];
	return cr->lo != NULL && cr->lo[o] < cr->hi[o];
}

double
sp_units_draw(const sp_criterion *cr, int o, double point, double u)
{
	const sp_units *un = cr->units;

	if (!sp_units_ranged(cr, o))
		return point;
	if (un != NULL)
		return sp_units_rating(un, un->lo[o] + u * (un->hi[o] -
		    un->lo[o]));
	return cr->lo[o] + u * (cr->hi[o] - cr->lo[o]);
}
