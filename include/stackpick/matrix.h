/*
 * The decision matrix: options, criteria with a rating per option and the
 * rules that turn profile traits into criterion weights, the traits a
 * profile may set (with the questions that ask for them), and the
 * checklist, pitfalls and tooling a report prints.  Everything about the
 * options compared lives in the matrix file; see docs/matrix.md.
 */
#ifndef SP_MATRIX_H
#define SP_MATRIX_H

#include <stdint.h>

#include "stackpick/doc.h"
#include "stackpick/error.h"

typedef enum { SP_TRAIT_ENUM, SP_TRAIT_BOOL, SP_TRAIT_INT } sp_trait_type;

typedef struct {
	const char *id;
	sp_trait_type type;
	const char **values; /* enum values, in order */
	int nvalues;
	const char **aliases; /* enum: other names accepted for values */
	int *alias_of;       /* the index of the value each alias names */
	int naliases;
	long min, max;       /* integer range */
	long def;            /* default: enum index, 0/1, or integer */
	const char *question;
	const char *help;
} sp_trait;

/* One test on one trait. */
typedef struct {
	int trait;
	uint64_t set;    /* enum: accepted indices; bool: bit 0 false, 1 true */
	long min, max;   /* integer: accepted range */
} sp_term;

/* A condition: true when every term of any one clause holds. */
typedef struct {
	sp_term *terms;
	int *clause_len; /* terms per clause, consecutive in terms */
	int nclauses;    /* 0: always true */
} sp_cond;

typedef struct {
	sp_cond when;
	double add;      /* added to the criterion's weight */
	const char *why; /* the reason for it, or NULL */
} sp_rule;

/*
 * How long a figure stays current: n years, months or days (unit 'y',
 * 'm' or 'd'); unit 0 when none is set.
 */
typedef struct {
	int n;
	char unit;
} sp_horizon;

/* A date as a matrix writes it: year, and month and day or 0. */
typedef struct {
	int year, month, day;
} sp_date;

/*
 * One piece of evidence behind a rating: what it claims, where the claim
 * comes from and when its figure was true.  See docs/matrix.md.
 */
typedef struct {
	int option;             /* the rating it backs */
	const char *claim;
	const char *title;      /* the source's title */
	const char *url;        /* or NULL */
	sp_date date;           /* of the figure */
	const char *figure;     /* the figure itself, or NULL */
	int favours;            /* the option it favours here, -1: none */
	int opinion;            /* the source's opinion, no figure behind it */
	sp_horizon stale_after; /* unit 0: the matrix's */
} sp_evidence;

/*
 * A criterion measured in a unit: each option has a raw value (and may
 * have a range of raw values), and a value function maps a raw value onto
 * the rating scale: piecewise linear through breakpoints given in
 * increasing value, constant beyond the first and the last.  Without
 * explicit breakpoints they are the best and the worst value (given in
 * value_function, or else those of the options).  See docs/matrix.md.
 */
typedef struct {
	const char *unit;      /* "ms", "requests/s", "EUR/month" */
	int cost;              /* lower values are better */
	double *value;         /* per option: the raw value */
	double *lo, *hi;       /* per option: its range (lo == hi: none) */
	double *bp_value;      /* breakpoints, values strictly increasing */
	double *bp_rating;     /* their ratings, strictly monotone */
	int nbp;               /* 1 when every value is the same */
} sp_units;

typedef struct {
	const char *id;
	const char *label;
	const char *component; /* the part of a system it concerns, or NULL */
	double weight;         /* base weight, 0..10 */
	const char *weight_why; /* the reason for the base weight, or NULL */
	int from_team;         /* ratings come from the profile's team */
	double *ratings;       /* one per option */
	const char **why;      /* one rationale per option */
	sp_rule *rules;
	int nrules;
	sp_evidence *evidence; /* every rating's, in file order */
	int nevidence;

	/*
	 * How sure the ratings are: per option the range a rating may take
	 * (lo == hi == the rating where the matrix gives none), drawn
	 * uniformly by the confidence analysis.  NULL for team ratings.
	 */
	double *lo, *hi;
	int nranges;           /* ratings with a range of their own */
	const sp_units *units; /* measured in a unit, or NULL */
} sp_criterion;

/* A checklist item, pitfall or tooling hint. */
typedef struct {
	int option;            /* option it concerns, -1 for any */
	sp_cond when;
	const char *text;
} sp_advice;

typedef struct {
	const char *id;
	const char *label;
	const char **aliases;
	int naliases;
} sp_option;

/* A must that follows from the traits: when holds, option is out. */
typedef struct {
	sp_cond when;
	int option;
	const char *why;
} sp_matrix_must;

typedef struct sp_matrix {
	const char *name;
	const char *source;
	double scale_min, scale_max;
	sp_option *options;
	int noptions;
	sp_criterion *criteria;
	int ncriteria;
	sp_trait *traits;
	int ntraits;
	sp_advice *checklist;
	int nchecklist;
	sp_advice *pitfalls;
	int npitfalls;
	sp_advice *tools;
	int ntools;
	sp_doc *doc; /* owns every string and array above */
	sp_matrix_must *musts;
	int nmusts;
	sp_horizon stale_after; /* unit 0: evidence never goes stale */
} sp_matrix;

/*
 * Loads and validates a matrix from len bytes of YAML; name labels errors.
 * On success *out is the caller's, released with sp_matrix_free().
 */
sp_status sp_matrix_parse(sp_matrix **out, const char *buf, size_t len,
    const char *name, sp_error *err);

/* Reads a matrix file ("-" for stdin) and loads it as sp_matrix_parse. */
sp_status sp_matrix_load(sp_matrix **out, const char *path, sp_error *err);

/*
 * As sp_matrix_parse() and sp_matrix_load(), and, when all is not NULL,
 * goes on past a bad value where the rest can still be checked, listing
 * every error there (err holding the first).  A problem that later parts
 * depend on (the scale, an option or trait that is not whole, a YAML
 * syntax error) still stops.  On a failure other than SP_EDATA, all is
 * emptied and err says why.
 */
sp_status sp_matrix_parse_all(sp_matrix **out, const char *buf, size_t len,
    const char *name, sp_error *err, sp_errors *all);
sp_status sp_matrix_load_all(sp_matrix **out, const char *path,
    sp_error *err, sp_errors *all);

/* Loads the matrix compiled into stackpick (data/matrix.yaml). */
sp_status sp_matrix_builtin(sp_matrix **out, sp_error *err);

/* The text of the built-in matrix file, as shipped. */
const char *sp_matrix_builtin_text(size_t *len);

void sp_matrix_free(sp_matrix *m);

/* Index of the option whose id or alias is name, or -1. */
int sp_matrix_option(const sp_matrix *m, const char *name);

/* Index of the criterion or trait with that id, or -1. */
int sp_matrix_criterion(const sp_matrix *m, const char *id);
int sp_matrix_trait(const sp_matrix *m, const char *id);

/*
 * Index of the value of enum trait tr whose name or alias is name,
 * exactly as written, or -1.
 */
int sp_trait_value(const sp_trait *tr, const char *name);

#endif
