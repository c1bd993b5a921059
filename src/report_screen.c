/*
 * The explain stage for musts and evidence (see stackpick/report.h):
 * what the screen found, and which evidence behind the criteria that
 * carry the verdict is stale or disagrees.
 */
#include "stackpick/evidence.h"
#include "stackpick/gate.h"
#include "stackpick/report.h"
#include "stackpick/screen.h"

void
sp_report_musts(sp_report *rep, const sp_screen *s)
{
	rep->screen = s != NULL && s->nmusts > 0 ? s : NULL;
	rep->full = s != NULL ? s->full : rep->matrix;
}

void
sp_report_explain_screen(sp_report *rep, const sp_screen *s,
    const sp_profile *p, const char *input, const sp_gates *g)
{
	int i;

	rep->result = NULL;
	rep->analysis = NULL;
	rep->gates = g != NULL && g->ngates > 0 ? g : NULL;
	rep->matrix = s->view;
	rep->full = s->full;
	rep->screen = s;
	rep->input = input;
	rep->title = p->name[0] ? p->name : input;
	rep->decided = s->view->noptions == 1 ? SP_DECIDED_ONLY :
	    SP_DECIDED_NONE;
	rep->only = s->view->noptions == 1 ? s->keep[0] : -1;
	rep->winner = rep->runner_up = -1;
	rep->ntied = 0;
	rep->npro = rep->ncon = rep->nflips = rep->nflips_shown = 0;
	rep->ntrait_flips_shown = rep->nsummary_pro = rep->nsummary_con = 0;
	rep->nhinges = rep->ncaveats = rep->gates_failed = 0;
	for (i = 0; rep->gates != NULL && i < g->ngates; i++)
		rep->gates_failed += !g->gate[i].passed;
	rep->critical = rep->team = -1;
	rep->baseline = NULL;
	rep->nevidence = 0;
}

/*
 * The oldest entry of cr that is stale on day today, and a newer one
 * that favours another option (or NULL).
 */
static const sp_evidence *
oldest_stale(const sp_criterion *cr, const sp_matrix *m, long today,
    const sp_evidence **newer)
{
	const sp_evidence *old = NULL;
	int i;

	*newer = NULL;
	for (i = 0; i < cr->nevidence; i++)
		if (sp_evidence_stale(&cr->evidence[i], m, today) &&
		    (old == NULL || sp_date_cmp(cr->evidence[i].date,
		    old->date) < 0))
			old = &cr->evidence[i];
	for (i = 0; old != NULL && i < cr->nevidence; i++) {
		const sp_evidence *e = &cr->evidence[i];

		if (sp_date_cmp(e->date, old->date) > 0 &&
		    e->favours >= 0 && old->favours >= 0 &&
		    e->favours != old->favours &&
		    !sp_evidence_stale(e, m, today)) {
			*newer = e;
			break;
		}
	}
	return old;
}

static void
add(sp_report *rep, sp_evidence_kind kind, int k, const sp_evidence *a,
    const sp_evidence *b)
{
	int i;

	for (i = 0; i < rep->nevidence; i++)
		if (rep->evidence[i].kind == kind &&
		    rep->evidence[i].criterion == k)
			return;
	if (rep->nevidence >= SP_REPORT_EVIDENCE)
		return;
	rep->evidence[rep->nevidence].kind = kind;
	rep->evidence[rep->nevidence].criterion = k;
	rep->evidence[rep->nevidence].entry = a;
	rep->evidence[rep->nevidence++].other = b;
}

/* The notes on criterion k: stale evidence, then disagreeing entries. */
static void
check(sp_report *rep, int k, long today)
{
	const sp_criterion *cr = &rep->full->criteria[k];
	const sp_evidence *old, *newer;
	int a, b;

	if (today > 0 && (old = oldest_stale(cr, rep->full, today,
	    &newer)) != NULL)
		add(rep, SP_EVIDENCE_STALE, k, old, newer);
	if (sp_evidence_disagree(cr, &a, &b))
		add(rep, SP_EVIDENCE_DISAGREE, k, &cr->evidence[a],
		    &cr->evidence[b]);
}

void
sp_report_evidence_check(sp_report *rep, long today)
{
	int i;

	rep->nevidence = 0;
	if (rep->result == NULL)
		return;
	for (i = 0; i < rep->npro; i++)
		check(rep, rep->pro[i], today);
	for (i = 0; i < rep->ncon; i++)
		check(rep, rep->con[i], today);
	for (i = 0; i < rep->matrix->ncriteria; i++)
		if (rep->result->crit[i].weight > 0)
			check(rep, i, 0);
}
