/*
 * A project profile: the traits a team gave (or their defaults), its
 * team's proficiency per option, and weight overrides.  Profiles are
 * decoded against a matrix, which declares the traits; see docs/profile.md.
 */
#ifndef SP_PROFILE_H
#define SP_PROFILE_H

#include "stackpick/doc.h"
#include "stackpick/error.h"
#include "stackpick/limits.h"
#include "stackpick/matrix.h"

#define SP_NAME_MAX 128

/* Where a weight override came from. */
typedef enum { SP_OVERRIDE_NONE, SP_OVERRIDE_PROFILE, SP_OVERRIDE_CLI,
    SP_OVERRIDE_PAIRWISE } sp_override;

/*
 * One pairwise judgement: criterion a matters ratio times as much as
 * criterion b (Saaty's scale, 1/9..9).  line and column locate it in the
 * profile, 0 when it came from elsewhere.
 */
typedef struct {
	int a, b;
	double ratio;
	int line, column;
} sp_judgement;

/* What a must asks of an option (see docs/profile.md). */
typedef enum {
	SP_MUST_MIN,     /* a rating of at least min on criterion target */
	SP_MUST_EXCLUDE, /* option target is out */
	SP_MUST_REQUIRE  /* only option target stays in */
} sp_must_kind;

typedef struct {
	sp_must_kind kind;
	int target;       /* criterion (MIN) or option */
	double min;       /* MIN: the lowest rating accepted */
	char why[SP_MUST_WHY_MAX + 1]; /* the reason given, or "" */
} sp_must;

typedef struct {
	char name[SP_NAME_MAX + 1];
	long value[SP_MAX_TRAITS];           /* every trait, defaults filled */
	unsigned char given[SP_MAX_TRAITS];  /* set by the profile */
	int team_given;
	int team[SP_MAX_OPTIONS];            /* proficiency, -1 if not given */
	double weight[SP_MAX_CRITERIA];
	unsigned char override[SP_MAX_CRITERIA]; /* sp_override */
	sp_must must[SP_MAX_MUSTS];          /* in file order */
	int nmusts;
	sp_judgement pair[SP_MAX_JUDGEMENTS]; /* pairwise:, each pair once */
	int npairs;
} sp_profile;

/* The index of p's judgement of criteria a and b, either way round, or
   -1 when p does not judge that pair. */
int sp_profile_pair(const sp_profile *p, int a, int b);

/* Fills p with the matrix's defaults: no name, no team, no overrides. */
void sp_profile_defaults(sp_profile *p, const sp_matrix *m);

/*
 * Decodes a parsed profile document against matrix m into p.  Fails with
 * SP_EDATA and a located message for unknown keys (with a suggestion),
 * wrong types, out-of-range numbers and unknown values.
 */
sp_status sp_profile_decode(sp_profile *p, const sp_matrix *m,
    const sp_doc *doc, sp_error *err);

/*
 * As sp_profile_decode(), and, when all is not NULL, goes on past a bad
 * value to list every error there (err holding the first).  On a failure
 * other than SP_EDATA (out of memory), all is emptied and err says why.
 */
sp_status sp_profile_decode_all(sp_profile *p, const sp_matrix *m,
    const sp_doc *doc, sp_error *err, sp_errors *all);

/*
 * Says what is wrong with s (len bytes) as a profile's name, or returns
 * NULL when it is a good one: at most SP_NAME_MAX bytes of UTF-8 without
 * control characters (C0, DEL, C1), line or paragraph separators, or the
 * bidirectional controls that reorder text (U+202A to U+202E, U+2066 to
 * U+2069).  A file and the questionnaire accept the same names.
 */
const char *sp_profile_name_problem(const char *s, size_t len);

/*
 * Applies "ID=N" from the command line as a weight override.  Fails with
 * SP_EUSAGE when the id is unknown or N is not a number in 0..10.
 */
sp_status sp_profile_set_weight(sp_profile *p, const sp_matrix *m,
    const char *spec, sp_error *err);

/*
 * Writes p as a commented YAML profile that loads back to the same
 * profile: every trait with its question, allowed values and default in a
 * comment, the team section and weight overrides when p has them.  Values
 * go through libyaml's emitter, so quoting is always right.  On success
 * *out holds the NUL-terminated text (the caller's, to free()) and *len
 * its length.
 */
sp_status sp_profile_write(char **out, size_t *len, const sp_profile *p,
    const sp_matrix *m, sp_error *err);

#endif
