/*
 * Evidence: the dated sources behind a matrix's ratings, and the two
 * things a report says about them: a figure older than its horizon
 * (stale_after) and entries of one criterion that favour different
 * options.  Dates are days since 1970-01-01; "today" is whatever the
 * caller says it is (the command line takes it from the clock, or from
 * SOURCE_DATE_EPOCH), so that every judgement can be reproduced.
 */
#ifndef SP_EVIDENCE_H
#define SP_EVIDENCE_H

#include "stackpick/matrix.h"

/*
 * Reads an ISO date, "YYYY", "YYYY-MM" or "YYYY-MM-DD", into *out (month
 * and day 0 when left out).  Returns 0, or -1 when s is not one (the year
 * from 1900 to 9999, a real month and day).
 */
int sp_date_parse(const char *s, sp_date *out);

/* Writes d as the matrix wrote it: "2025", "2025-12" or "2025-12-21". */
void sp_date_format(char *buf, size_t size, sp_date d);

/*
 * The days from 1970-01-01 to the last day d covers: a date of 2025 counts
 * from 2025-12-31, so that it is never called stale before its time.
 */
long sp_date_days(sp_date d);

/*
 * Compares dates as written: negative when a is earlier, with a part
 * left out counting as earlier than any given one (2025 < 2025-12-21).
 */
int sp_date_cmp(sp_date a, sp_date b);

/* The date of day number days since 1970-01-01. */
sp_date sp_date_of_days(long days);

/*
 * Reads a horizon, a whole number from 1 followed by y, m or d ("3y",
 * "18m", "90d"), of at most SP_MAX_STALE_YEARS years.  Returns 0, or -1
 * with *why saying what is wrong.
 */
int sp_horizon_parse(const char *s, sp_horizon *out, const char **why);

/* The horizon that applies to e in m: its own, else the matrix's. */
sp_horizon sp_evidence_horizon(const sp_evidence *e, const sp_matrix *m);

/*
 * Whether e is older than its horizon on day today (days since
 * 1970-01-01): today is past the last day its date covers plus the
 * horizon.  Never stale without a horizon.
 */
int sp_evidence_stale(const sp_evidence *e, const sp_matrix *m, long today);

/*
 * Whether two entries of criterion cr favour different options; *a and
 * *b get the first such pair (indices into cr->evidence), the older one
 * first.
 */
int sp_evidence_disagree(const sp_criterion *cr, int *a, int *b);

#endif
