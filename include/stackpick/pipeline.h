/*
 * The whole pipeline as one library call: a profile's bytes are loaded
 * and decoded, then scored, analysed, gated and explained into a report
 * that any format renders.  The command line, the fuzz targets and the
 * tests all run profiles through these functions.
 */
#ifndef SP_PIPELINE_H
#define SP_PIPELINE_H

#include <stddef.h>

#include "stackpick/gate.h"
#include "stackpick/group.h"
#include "stackpick/matrix.h"
#include "stackpick/profile.h"
#include "stackpick/report.h"
#include "stackpick/score.h"

typedef struct {
	sp_method method;            /* ranks the options */
	const char *const *weights;  /* "ID=N" overrides, as --weight */
	int nweights;
	const sp_gate_spec *spec;    /* gates to check, or NULL */
} sp_pipeline_opts;

typedef struct sp_pipeline sp_pipeline;

/*
 * Allocates what scoring against m needs, once for every profile: the
 * result, the analysis' tables, the gate results and the report.  Checks
 * the --weight overrides against m (SP_EUSAGE when one is wrong).  o is
 * copied; the strings it points to and m must outlive the pipeline.
 * *out is the caller's, released with sp_pipeline_free().
 */
sp_status sp_pipeline_new(sp_pipeline **out, const sp_matrix *m,
    const sp_pipeline_opts *o, sp_error *err);

void sp_pipeline_free(sp_pipeline *p);

/*
 * Sets the day evidence is judged on, in days since 1970-01-01: entries
 * older than their horizon by then are stale.  Until it is set (or with
 * 0), nothing is stale.  The library never reads the clock.
 */
void sp_pipeline_set_today(sp_pipeline *p, long today);

/*
 * Decodes len bytes of YAML or JSON into the profile prof, against m;
 * input names the bytes in errors.
 */
sp_status sp_pipeline_parse(sp_profile *prof, const sp_matrix *m,
    const char *buf, size_t len, const char *input, sp_error *err);

/* Reads the profile at path ("-" for stdin) and decodes it as above. */
sp_status sp_pipeline_load(sp_profile *prof, const sp_matrix *m,
    const char *path, const char *input, sp_error *err);

/*
 * As the two above, listing every error of the profile in all when it is
 * not NULL (see sp_profile_decode_all).
 */
sp_status sp_pipeline_parse_all(sp_profile *prof, const sp_matrix *m,
    const char *buf, size_t len, const char *input, sp_error *err,
    sp_errors *all);
sp_status sp_pipeline_load_all(sp_profile *prof, const sp_matrix *m,
    const char *path, const char *input, sp_error *err, sp_errors *all);

/*
 * Applies the overrides to prof, screens its options by the musts, then
 * scores the options that pass, analyses, checks the gates and explains
 * it.  When fewer than two options pass, nothing is scored: the report
 * says what the screen found (see sp_report.decided).  *out points into
 * p and prof and stays valid until the
 * next run or sp_pipeline_free(); prof must stay alive while it is read.
 */
sp_status sp_pipeline_run(sp_pipeline *p, sp_profile *prof,
    const char *input, const sp_report **out, sp_error *err);

/*
 * Runs the group profile of g as sp_pipeline_run() does, then explains
 * the group (each member's answer, agreement, disagreements) against its
 * result; the report's group points to g, which must outlive it.
 */
sp_status sp_pipeline_run_group(sp_pipeline *p, sp_group *g,
    const char *input, const sp_report **out, sp_error *err);

#endif
