/*
 * The screen stage: musts, kept apart from the weighted wants.  Before
 * any scoring, every option that fails a must (a minimum rating the
 * profile asks for, an option it excludes or another it requires, or a
 * matrix must whose condition holds) is screened out; scoring and the
 * analysis then run on a view of the matrix that holds only the options
 * that pass.  The screen also finds, for each must that alone keeps
 * options out, what relaxing it would bring back and which option would
 * then win.  Nothing here prints.  See docs/profile.md and docs/matrix.md.
 */
#ifndef SP_SCREEN_H
#define SP_SCREEN_H

#include "stackpick/error.h"
#include "stackpick/limits.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/score.h"

/* Musts one run can meet: the profile's and the matrix's. */
#define SP_SCREEN_MUSTS (SP_MAX_MUSTS + SP_MAX_MATRIX_MUSTS)

typedef enum { SP_MUST_FROM_PROFILE, SP_MUST_FROM_MATRIX } sp_must_from;

/* One must that applies to the profile. */
typedef struct {
	sp_must_from from;
	int index;          /* in the profile's must[] or the matrix's musts */
	sp_must_kind kind;  /* a matrix must is an exclusion */
	int target;         /* criterion (MIN) or option, full matrix */
	double min;         /* MIN: the lowest rating accepted */
	const char *why;    /* the reason, or NULL */
	int nout;           /* options it keeps out */
} sp_screen_must;

/* An option screened out, and the musts it fails. */
typedef struct {
	int option;         /* full matrix */
	const int *fails;   /* indices into the screen's musts */
	int nfails;
} sp_screened;

/* A must whose relaxing alone would bring options back. */
typedef struct {
	int must;           /* index into the screen's musts */
	const int *back;    /* the options it alone keeps out, full matrix */
	int nback;
	int scored;         /* two or more options would then be scored */
	int winner;         /* full matrix: who would win, -1 a tie; when
	                       not scored, the one option left */
	int wins;           /* a brought-back option would win */
} sp_relax;

typedef struct sp_screen {
	const sp_matrix *full;
	const sp_matrix *view;     /* the options that pass */
	const sp_profile *profile; /* the profile, as the view reads it */
	const int *keep;           /* view option -> full option */
	sp_screen_must musts[SP_SCREEN_MUSTS];
	int nmusts;                /* 0: nothing to screen */
	sp_screened *out;          /* full matrix order */
	int nout;
	sp_relax *relax;           /* in the order of musts */
	int nrelax;
	struct sp_screen_priv *priv;
} sp_screen;

/*
 * Allocates a screen for matrix m, with a view that holds every option
 * until sp_screen_apply() says otherwise: what scores against the view
 * is sized by sp_screen_view().  *out is the caller's, released with
 * sp_screen_free().
 */
sp_status sp_screen_new(sp_screen **out, const sp_matrix *m, sp_error *err);

void sp_screen_free(sp_screen *s);

/* The view a result, an analysis and a report are allocated for. */
const sp_matrix *sp_screen_view(const sp_screen *s);

/*
 * Screens profile p (decoded against the full matrix): fills the musts
 * that apply, the options screened out and the view with the options
 * that pass, in matrix order, and their profile.  p must stay alive
 * while s is read.  Time is linear in the matrix's size.
 */
void sp_screen_apply(sp_screen *s, const sp_profile *p);

/*
 * For each must that alone keeps some options out, scores the options
 * that pass with those brought back, by method, to say who would win.
 * One scoring per such must.
 */
void sp_screen_relax(sp_screen *s, sp_method method);

/* Whether full option o passed. */
int sp_screen_passed(const sp_screen *s, int o);

#endif
