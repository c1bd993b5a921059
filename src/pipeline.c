/*
 * The pipeline (see stackpick/pipeline.h): load, decode, score, analyse,
 * gate, explain.
 */
#include <stdio.h>
#include <stdlib.h>

#include "stackpick/ahp.h"
#include "stackpick/analysis.h"
#include "stackpick/doc.h"
#include "stackpick/file.h"
#include "stackpick/limits.h"
#include "stackpick/pipeline.h"
#include "stackpick/screen.h"

struct sp_pipeline {
	const sp_matrix *m;
	sp_pipeline_opts o;
	sp_gate_spec none;   /* no gate, when o.spec is NULL */
	sp_result *res;
	sp_analysis *an;
	sp_gates *gates;
	sp_ahp ahp;          /* the last run's pairwise weights */
	sp_report *rep;
	sp_screen *scr;      /* the musts; what is scored is its view */
	long today;          /* evidence is judged on; 0: not judged */
};

/* Applies the overrides to prof. */
static sp_status
set_weights(const sp_pipeline_opts *o, sp_profile *prof, const sp_matrix *m,
    sp_error *err)
{
	sp_status rc = SP_OK;
	int i;

	for (i = 0; rc == SP_OK && i < o->nweights; i++)
		rc = sp_profile_set_weight(prof, m, o->weights[i], err);
	return rc;
}

sp_status
sp_pipeline_new(sp_pipeline **out, const sp_matrix *m,
    const sp_pipeline_opts *o, sp_error *err)
{
	sp_pipeline *p = calloc(1, sizeof(*p));
	sp_profile probe;
	sp_status rc;

	*out = NULL;
	if (p == NULL)
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	p->m = m;
	p->o = *o;
	if (p->o.spec == NULL)
		p->o.spec = &p->none;
	/* The overrides are checked once, before any profile is read. */
	sp_profile_defaults(&probe, m);
	if ((rc = set_weights(o, &probe, m, err)) == SP_OK &&
	    (rc = sp_screen_new(&p->scr, m, err)) == SP_OK)
		m = sp_screen_view(p->scr);
	if (rc == SP_OK &&
	    (rc = sp_result_new(&p->res, m, err)) == SP_OK &&
	    (rc = sp_analysis_new(&p->an, m, err)) == SP_OK &&
	    (rc = sp_gates_new(&p->gates, m, err)) == SP_OK)
		rc = sp_report_new(&p->rep, m, err);
	if (rc != SP_OK) {
		sp_pipeline_free(p);
		return rc;
	}
	*out = p;
	return SP_OK;
}

void
sp_pipeline_free(sp_pipeline *p)
{
	if (p == NULL)
		return;
	sp_report_free(p->rep);
	sp_gates_free(p->gates);
	sp_analysis_free(p->an);
	sp_result_free(p->res);
	sp_screen_free(p->scr);
	free(p);
}

void
sp_pipeline_set_today(sp_pipeline *p, long today)
{
	p->today = today;
}

sp_status
sp_pipeline_parse(sp_profile *prof, const sp_matrix *m, const char *buf,
    size_t len, const char *input, sp_error *err)
{
	return sp_pipeline_parse_all(prof, m, buf, len, input, err, NULL);
}

sp_status
sp_pipeline_parse_all(sp_profile *prof, const sp_matrix *m, const char *buf,
    size_t len, const char *input, sp_error *err, sp_errors *all)
{
	sp_doc *doc = NULL;
	sp_status rc;

	if ((rc = sp_doc_parse(&doc, buf, len, input, err)) == SP_OK)
		rc = sp_profile_decode_all(prof, m, doc, err, all);
	sp_doc_free(doc);
	return rc;
}

sp_status
sp_pipeline_load(sp_profile *prof, const sp_matrix *m, const char *path,
    const char *input, sp_error *err)
{
	return sp_pipeline_load_all(prof, m, path, input, err, NULL);
}

sp_status
sp_pipeline_load_all(sp_profile *prof, const sp_matrix *m, const char *path,
    const char *input, sp_error *err, sp_errors *all)
{
	char *buf = NULL;
	size_t len;
	sp_status rc;

	rc = sp_read_file(&buf, &len, path, input, SP_MAX_PROFILE_BYTES, err);
	if (rc == SP_OK)
		rc = sp_pipeline_parse_all(prof, m, buf, len, input, err,
		    all);
	free(buf);
	return rc;
}

sp_status
sp_pipeline_run(sp_pipeline *p, sp_profile *prof, const char *input,
    const sp_report **out, sp_error *err)
{
	sp_status rc;

	*out = NULL;
	sp_ahp_apply(&p->ahp, prof, p->m);
	if ((rc = set_weights(&p->o, prof, p->m, err)) != SP_OK)
		return rc;
	sp_screen_apply(p->scr, prof);
	if (p->scr->view->noptions < 2) {
		sp_screen_relax(p->scr, p->o.method);
		sp_gates_eval_screened(p->gates, p->o.spec, NULL, p->scr,
		    input);
		sp_report_explain_screen(p->rep, p->scr, prof, input,
		    p->gates);
		p->rep->ahp = NULL;
		p->rep->group = NULL;
		*out = p->rep;
		return SP_OK;
	}
	p->res->method = p->o.method;
	if ((rc = sp_score(p->res, p->scr->view, p->scr->profile, err)) !=
	    SP_OK) {
		if (err != NULL && err->file[0] == '\0')
			snprintf(err->file, sizeof(err->file), "%s", input);
		return rc;
	}
	if ((rc = sp_analyse(p->an, p->res, err)) != SP_OK)
		return rc;
	sp_gates_eval_screened(p->gates, p->o.spec, p->res, p->scr, input);
	sp_report_explain(p->rep, p->res, input, p->gates);
	sp_screen_relax(p->scr, p->o.method);
	sp_report_musts(p->rep, p->scr);
	sp_report_evidence_check(p->rep, p->today);
	p->rep->ahp = p->ahp.n > 0 ? &p->ahp : NULL;
	p->rep->group = NULL;
	*out = p->rep;
	return SP_OK;
}

sp_status
sp_pipeline_run_group(sp_pipeline *p, sp_group *g, const char *input,
    const sp_report **out, sp_error *err)
{
	sp_status rc;

	if ((rc = sp_pipeline_run(p, &g->prof, input, out, err)) != SP_OK)
		return rc;
	/* When the musts leave fewer than two options nothing was scored,
	   and the screen is the whole report. */
	if ((*out)->result == NULL)
		return SP_OK;
	if ((rc = sp_group_explain(g, p->res, err)) != SP_OK) {
		*out = NULL;
		return rc;
	}
	p->rep->group = g;
	return SP_OK;
}
