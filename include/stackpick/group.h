/*
 * Decisions made by a group: the members' profiles become one group
 * profile (traits by weighted vote or median, weights set directly by the
 * weighted geometric mean, pairwise judgements by the weighted geometric
 * mean of each judgement), which the pipeline scores like any other.
 * The group model adds each member's own answer, how close each member's
 * weights are to the group's, and the disagreements, each with whether
 * it changes the group's answer.  See docs/weights.md.
 */
#ifndef SP_GROUP_H
#define SP_GROUP_H

#include "stackpick/ahp.h"
#include "stackpick/error.h"
#include "stackpick/limits.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/score.h"

/*
 * Members' weights for a criterion differ when the largest and smallest
 * are more than this apart (on the 0..10 scale).
 */
#define SP_GROUP_SPREAD 1.0

typedef struct {
	char *name;        /* the group file's name for it, the profile's,
	                      or its file name */
	char *file;        /* the profile's path */
	double say;        /* > 0; the shares are say / total say */
	sp_profile prof;   /* as the member gave it */
	int winner;        /* the member's own recommendation, -1: a tie */
	int runner_up;
	double margin;
	double *weight;    /* the member's own weights, per criterion */
	double agreement;  /* 0..1: the share of weight the member's
	                      weights and the group's put in the same
	                      places */
} sp_member;

/* What members disagree on. */
typedef enum { SP_DIS_TRAIT, SP_DIS_WEIGHT } sp_dis_kind;

/*
 * One disagreement: a trait the members answer differently, or a
 * criterion they weigh differently.  matters when taking one member's
 * answer (or weight) instead of the group's changes the group's
 * recommendation: member is the first such member, option what the
 * group would pick then (-1: a tie).
 */
typedef struct {
	sp_dis_kind kind;
	int index;         /* the trait or the criterion */
	int matters;
	int member;
	int option;
} sp_disagreement;

typedef struct sp_group {
	const sp_matrix *m;
	sp_method method;
	char *name;        /* the group file's name, or NULL */
	char *file;        /* the group file, or NULL */
	sp_member *member;
	int nmembers;
	double total_say;
	sp_profile prof;   /* the group's profile */
	int winner;        /* the group's recommendation, -1: a tie */
	double consensus;  /* the say-weighted mean of the agreements */
	sp_disagreement *dis;
	int ndis;
	int nmatter;       /* disagreements that matter */
	sp_result *scratch;
	double *w;         /* scratch weights, one per criterion */
	double *sc;        /* scratch scores, one per option */
} sp_group;

/*
 * Loads a group: either one group file (a mapping with members:, each a
 * profile path relative to the file, with an optional name and say) or
 * two or more profiles with a say of 1 each, against matrix m.  Fails
 * with a located error as profiles do.  *out is the caller's, released
 * with sp_group_free().
 */
sp_status sp_group_load(sp_group **out, const sp_matrix *m,
    const char *const *paths, int npaths, sp_method method, sp_error *err);

void sp_group_free(sp_group *g);

/* Whether the file at path is a group file (a mapping with members:). */
int sp_group_is_file(const char *path);

/*
 * Scores every member, then measures agreement and the disagreements
 * against the group's result r (the group profile's, scored and
 * explained by the pipeline).
 */
sp_status sp_group_explain(sp_group *g, const sp_result *r, sp_error *err);

/* The group's weight for every criterion, from a group profile gp that
   sp_group_load built (the pipeline derives the same). */
void sp_group_weights(double *w, const sp_group *g, sp_profile *gp);

#endif
