/*
 * Criteria measured in a unit: the value function that maps a raw value
 * (milliseconds, requests per second, euros a month) onto the matrix's
 * rating scale, its inverse, and the draw of a rating within its range.
 * See docs/matrix.md and docs/scoring.md.
 */
#ifndef SP_UNITS_H
#define SP_UNITS_H

#include "stackpick/matrix.h"

/* The rating value function u gives raw value v. */
double sp_units_rating(const sp_units *u, double v);

/*
 * The raw value at which u gives rating r, into *v; returns 0 when no
 * value gives it (r beyond what the breakpoints reach).  For a cost
 * criterion a lower value gives a higher rating.
 */
int sp_units_value(const sp_units *u, double r, double *v);

/*
 * The rating of option o on criterion cr for a draw at u in [0, 1): the
 * rating's range (or, measured in a unit, the raw value's range mapped
 * through the value function) at that point.  point is the rating the
 * result holds, returned as it is when the rating has no range.
 */
double sp_units_draw(const sp_criterion *cr, int o, double point, double u);

/* Whether option o's rating on cr has a range. */
int sp_units_ranged(const sp_criterion *cr, int o);

/*
 * Whether it has, as sp_units_ranged(); *lo and *hi get its ends (of the
 * raw value when the criterion is measured in a unit) when it has one.
 */
int sp_units_range(const sp_criterion *cr, int o, double *lo, double *hi);

#endif
