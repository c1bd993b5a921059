/*
 * The sections of the Markdown and HTML reports (see markup.h): the
 * headline, the group, the musts, how sure, the evidence, rank
 * acceptability, the reasons, the criteria, the pairwise judgements, the
 * charts, the advice, notes and gates, in that order.  Each is written
 * through the format's sp_markup; the sentences come from phrase.c.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "stackpick/ahp.h"
#include "stackpick/group.h"
#include "stackpick/screen.h"
#include "markup.h"
#include "phrase.h"

/* The columns a table can have: a title, one per option, two more. */
#define MAX_COLUMNS (SP_MAX_OPTIONS + 3)

/* A phrase about the report, with or without an escaper, or about its
   i-th entry of something. */
typedef void phrase_fn(sp_buf *b, sp_put_fn *put, const sp_report *rep);
typedef void bare_phrase_fn(sp_buf *b, const sp_report *rep);
typedef void item_fn(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    int i);

static int
shows(const sp_markup *mk, unsigned part)
{
	return (mk->parts & part) != 0;
}

/* A section's heading, opened on its fixed words; the caller may add a
   label before heading_end(). */
static void
heading(sp_buf *b, const sp_markup *mk, const char *words)
{
	sp_buf_puts(b, mk->section[0]);
	sp_buf_puts(b, mk->h2[0]);
	sp_buf_puts(b, words);
}

static void
heading_end(sp_buf *b, const sp_markup *mk)
{
	sp_buf_puts(b, mk->h2[1]);
}

/* A section headed by fixed words. */
static void
section(sp_buf *b, const sp_markup *mk, const char *words)
{
	heading(b, mk, words);
	heading_end(b, mk);
}

static void
section_end(sp_buf *b, const sp_markup *mk)
{
	sp_buf_puts(b, mk->section[1]);
}

static void
para(sp_buf *b, const sp_markup *mk, int kind)
{
	sp_buf_puts(b, mk->p[kind][0]);
}

static void
para_end(sp_buf *b, const sp_markup *mk, int kind)
{
	sp_buf_puts(b, mk->p[kind][1]);
}

/* A paragraph of fixed words. */
static void
say(sp_buf *b, const sp_markup *mk, const char *words)
{
	para(b, mk, MARKUP_P);
	sp_buf_puts(b, words);
	para_end(b, mk, MARKUP_P);
}

/* A paragraph of one phrase. */
static void
say_phrase(sp_buf *b, const sp_markup *mk, const sp_report *rep,
    phrase_fn *phrase)
{
	para(b, mk, MARKUP_P);
	phrase(b, mk->put, rep);
	para_end(b, mk, MARKUP_P);
}

/* A paragraph of one phrase that names nothing from the inputs. */
static void
say_bare(sp_buf *b, const sp_markup *mk, const sp_report *rep,
    bare_phrase_fn *phrase)
{
	para(b, mk, MARKUP_P);
	phrase(b, rep);
	para_end(b, mk, MARKUP_P);
}

static void
strong(sp_buf *b, const sp_markup *mk, const char *s)
{
	sp_buf_puts(b, mk->strong[0]);
	mk->put(b, s);
	sp_buf_puts(b, mk->strong[1]);
}

static void
code(sp_buf *b, const sp_markup *mk, const char *s)
{
	sp_buf_puts(b, mk->code[0]);
	sp_buf_puts(b, s);
	sp_buf_puts(b, mk->code[1]);
}

static void
list(sp_buf *b, const sp_markup *mk)
{
	sp_buf_puts(b, mk->ul[MARKUP_UL][0]);
}

static void
list_end(sp_buf *b, const sp_markup *mk)
{
	sp_buf_puts(b, mk->ul[MARKUP_UL][1]);
}

/* n items of the open list, item i written by phrase. */
static void
entries(sp_buf *b, const sp_markup *mk, const sp_report *rep, int n,
    item_fn *phrase)
{
	int i;

	for (i = 0; i < n; i++) {
		sp_buf_puts(b, mk->li[MARKUP_UL][0]);
		phrase(b, mk->put, rep, i);
		sp_buf_puts(b, mk->li[MARKUP_UL][1]);
	}
}

/* A list of n items, item i written by phrase; nothing when n is 0. */
static void
items(sp_buf *b, const sp_markup *mk, const sp_report *rep, int n,
    item_fn *phrase)
{
	if (n == 0)
		return;
	list(b, mk);
	entries(b, mk, rep, n, phrase);
	list_end(b, mk);
}

/* The same, after a paragraph of fixed words that leads into it. */
static void
listed(sp_buf *b, const sp_markup *mk, const sp_report *rep,
    const char *lead, int n, item_fn *phrase)
{
	if (n == 0)
		return;
	say(b, mk, lead);
	items(b, mk, rep, n, phrase);
}

/*
 * A table being written: the row and cell open, and each column's
 * alignment, which Markdown repeats in a row of its own.
 */
typedef struct {
	sp_buf *b;
	const sp_markup *mk;
	int row;                          /* MARKUP_HEAD, _BODY, _FOOT */
	int cell;                         /* the open cell's kind, or -1 */
	int ncolumns;
	unsigned char num[MAX_COLUMNS];   /* column i holds numbers */
} table;

/* Opens a table, with a caption when caption is not NULL, and its
   titles' row. */
static void
table_begin(table *t, sp_buf *b, const sp_markup *mk, const char *caption)
{
	t->b = b;
	t->mk = mk;
	t->ncolumns = 0;
	sp_buf_puts(b, mk->table);
	if (caption != NULL) {
		sp_buf_puts(b, mk->caption[0]);
		sp_buf_puts(b, caption);
		sp_buf_puts(b, mk->caption[1]);
	}
	t->row = MARKUP_HEAD;
	t->cell = -1;
	sp_buf_puts(b, mk->row[MARKUP_HEAD][0]);
}

/* Closes the open cell and opens one of kind. */
static void
cell(table *t, int kind)
{
	if (t->cell >= 0)
		sp_buf_puts(t->b, t->mk->cell[t->cell][1]);
	sp_buf_puts(t->b, t->mk->cell[kind][0]);
	t->cell = kind;
	if (t->row == MARKUP_HEAD && t->ncolumns < MAX_COLUMNS)
		t->num[t->ncolumns++] = kind == MARKUP_TH_NUM;
}

#if defined(__GNUC__)
static void cellf(table *t, int kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#endif

/* A cell of kind holding a printf-style number. */
static void
cellf(table *t, int kind, const char *fmt, ...)
{
	va_list ap;

	cell(t, kind);
	va_start(ap, fmt);
	sp_buf_vprintf(t->b, fmt, ap);
	va_end(ap);
}

/*
 * Column titles, separated by '|'; a title written ">Title" heads a
 * column of numbers: "Criterion|>Weight".
 */
static void
titles(table *t, const char *spec)
{
	size_t n;

	for (;;) {
		int num = *spec == '>';

		spec += num;
		n = strcspn(spec, "|");
		cell(t, num ? MARKUP_TH_NUM : MARKUP_TH);
		sp_buf_putn(t->b, spec, n);
		if (spec[n] == '\0')
			return;
		spec += n + 1;
	}
}

/* Closes the open row; after the titles, the columns' alignments. */
static void
row_end(table *t)
{
	int i;

	sp_buf_puts(t->b, t->mk->cell[t->cell][1]);
	sp_buf_puts(t->b, t->mk->row[t->row][1]);
	if (t->row != MARKUP_HEAD)
		return;
	for (i = 0; i < t->ncolumns; i++)
		sp_buf_puts(t->b, t->mk->rule[t->num[i]]);
	sp_buf_puts(t->b, t->mk->rule_end);
}

/* Opens a row of the body or the foot and its title cell. */
static void
row(table *t, int which)
{
	sp_buf_puts(t->b, t->mk->row[which][0]);
	t->row = which;
	t->cell = -1;
	cell(t, MARKUP_TH_ROW);
}

/* A row of the body titled by label. */
static void
row_label(table *t, const char *label)
{
	row(t, MARKUP_BODY);
	t->mk->put(t->b, label);
}

static void
table_end(table *t)
{
	sp_buf_puts(t->b, t->mk->table_end[t->row == MARKUP_FOOT]);
}

/* The report's title line: "## NAME: Python recommended". */
static void
title(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	sp_buf_puts(b, mk->h1[0]);
	phrase_title(b, mk->put, rep);
	sp_buf_puts(b, mk->h1[1]);
}

static void
headline(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int best = r->rank[0], second = rep->runner_up, i;

	title(b, mk, rep);
	para(b, mk, MARKUP_P_VERDICT);
	if (rep->winner < 0) {
		for (i = 0; i < r->ntied; i++) {
			sp_buf_puts(b, i == 0 ? "" : i + 1 < r->ntied ? ", " :
			    " and ");
			strong(b, mk, m->options[r->rank[i]].label);
		}
		sp_buf_printf(b, " tie at %.2f on the %g-%g scale: the matrix "
		    "cannot choose between them.", r->score[best],
		    m->scale_min, m->scale_max);
	} else {
		strong(b, mk, m->options[best].label);
		sp_buf_printf(b, " scores %.2f against %.2f for ",
		    r->score[best], r->score[second]);
		mk->put(b, m->options[second].label);
		/* TOPSIS scores are a closeness from 0 to 1, not ratings. */
		if (r->method == SP_METHOD_TOPSIS)
			sp_buf_printf(b, ": a margin of %.2f in TOPSIS "
			    "closeness (0 to 1).", r->margin);
		else
			sp_buf_printf(b, ": a margin of %.2f points on the "
			    "%g-%g scale.", r->margin, m->scale_min,
			    m->scale_max);
	}
	para_end(b, mk, MARKUP_P_VERDICT);
}

/* The flip points a reader is told about, as a table. */
static void
flips(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;
	table t;
	int i;

	table_begin(&t, b, mk, shows(mk, MARKUP_FLIPS_CAPTION) ?
	    "What would change the answer" : NULL);
	titles(&t, "Criterion|>Weight now|>Draws level at|Option|"
	    ">Change needed|What moves the weight");
	row_end(&t);
	for (i = 0; i < rep->nflips_shown; i++) {
		const sp_flip *fl = rep->flips[i].flip;

		row_label(&t, m->criteria[fl->criterion].label);
		cellf(&t, MARKUP_TD_NUM, "%.2f", fl->weight);
		cellf(&t, MARKUP_TD_NUM, "%.2f", fl->flip_weight);
		cell(&t, MARKUP_TD);
		mk->put(b, m->options[fl->option].label);
		if (isfinite(fl->relative_change))
			cellf(&t, MARKUP_TD_NUM, "%.0f%%",
			    fl->relative_change * 100);
		else
			cellf(&t, MARKUP_TD_NUM, "from 0");
		cell(&t, MARKUP_TD);
		phrase_mover(b, mk->put, rep, &rep->flips[i]);
		row_end(&t);
	}
	table_end(&t);
}

static void
value_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	phrase_value_flip(b, put, rep, &rep->analysis->value_flips[i]);
}

static void
trait_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	phrase_trait_flip(b, put, rep, &rep->analysis->trait_flips[i]);
}

/* How sure: the confidence, whether the methods agree, and the flips. */
static void
confidence(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	para(b, mk, MARKUP_P);
	phrase_confidence(b, mk->put, rep);
	sp_buf_puts(b, mk->sentence);
	if (rep->analysis->ranged && shows(mk, MARKUP_SOURCES)) {
		phrase_sources(b, mk->put, rep);
		sp_buf_puts(b, mk->sentence);
	}
	phrase_methods(b, mk->put, rep);
	para_end(b, mk, MARKUP_P);
	if (rep->nflips_shown > 0)
		flips(b, mk, rep);
	if (shows(mk, MARKUP_VALUE_FLIPS))
		listed(b, mk, rep, "Values that alone would change the "
		    "recommendation:", rep->nvalue_flips_shown, value_flip);
	if (shows(mk, MARKUP_NO_FLIPS) &&
	    rep->nflips_shown + rep->ntrait_flips_shown == 0)
		say_bare(b, mk, rep, phrase_no_flips);
}

/*
 * How sure the recommendation is: the label, the confidence, whether the
 * methods agree, the flip points as a table, the answers that would
 * change it, and a hybrid split when one is suggested.
 */
static void
how_sure(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;

	if (a == NULL)
		return;
	heading(b, mk, "How sure: ");
	sp_buf_puts(b, sp_label_name(a->label));
	heading_end(b, mk);
	if (a->winner < 0) {
		say(b, mk, "The top options tie: any change to a weight on "
		    "which they differ decides it.");
		section_end(b, mk);
		return;
	}
	confidence(b, mk, rep);
	if (rep->critical >= 0)
		say_phrase(b, mk, rep, phrase_critical);
	if (rep->result->method == SP_METHOD_TOPSIS) {
		para(b, mk, MARKUP_P);
		sp_buf_puts(b, "TOPSIS has no closed form for flip points; "
		    "rank with ");
		code(b, mk, "--method wsm");
		sp_buf_puts(b, " or ");
		code(b, mk, "wpm");
		sp_buf_puts(b, " to see them.");
		para_end(b, mk, MARKUP_P);
	}
	listed(b, mk, rep, "Answers that alone would change the "
	    "recommendation:", rep->ntrait_flips_shown, trait_flip);
	if (a->hybrid)
		say_phrase(b, mk, rep, phrase_hybrid);
	section_end(b, mk);
}

/*
 * Rank acceptability for three or more options: the share of first
 * places, a table of every option's share of each rank, and the central
 * weights named.
 */
static void
ranks(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	const sp_matrix *m = rep->matrix;
	int i, j, o, no = m->noptions;
	table t;

	if (a == NULL || rep->nranks == 0)
		return;
	section(b, mk, "Rank acceptability");
	say_phrase(b, mk, rep, phrase_first_places);
	table_begin(&t, b, mk, NULL);
	titles(&t, "Option");
	for (j = 0; j < rep->nranks; j++) {
		cell(&t, MARKUP_TH_NUM);
		phrase_ordinal(b, j + 1);
	}
	row_end(&t);
	for (i = 0; i < no; i++) {
		o = rep->result->rank[i];
		row_label(&t, m->options[o].label);
		for (j = 0; j < rep->nranks; j++)
			cellf(&t, MARKUP_TD_NUM, "%.0f%%",
			    a->accept[o * no + j] * 100);
		row_end(&t);
	}
	table_end(&t);
	for (i = 0; i < rep->ncentral; i++) {
		if (i == 0)
			para(b, mk, MARKUP_P);
		else
			sp_buf_puts(b, mk->sentence);
		phrase_central(b, mk->put, rep, i);
	}
	if (rep->ncentral > 0)
		para_end(b, mk, MARKUP_P);
	section_end(b, mk);
}

/* Criterion k as a reason for option side over option other. */
static void
reason(sp_buf *b, const sp_markup *mk, const sp_report *rep, int k,
    int side, int other)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	const sp_crit_score *c = &r->crit[k];
	const sp_criterion *cr = &m->criteria[k];

	strong(b, mk, cr->label);
	sp_buf_printf(b, ": %+.2f, weight %g (", c->lead, c->weight);
	phrase_weight_from(b, mk->put, r, k);
	sp_buf_puts(b, "). ");
	if (cr->from_team) {
		mk->put(b, m->options[side].label);
		sp_buf_printf(b, " rated %g, ", c->rating[side]);
		mk->put(b, m->options[other].label);
		sp_buf_printf(b, " %g from the team section",
		    c->rating[other]);
	} else
		mk->put(b, cr->why[side]);
}

/* The reasons for (sign > 0) or against the winner. */
static void
reasons(sp_buf *b, const sp_markup *mk, const sp_report *rep, int sign)
{
	int side = sign > 0 ? rep->result->rank[0] : rep->runner_up;
	int other = sign > 0 ? rep->runner_up : rep->result->rank[0];
	const int *ks = sign > 0 ? rep->pro : rep->con;
	int i, n = sign > 0 ? rep->npro : rep->ncon;

	if (n == 0 && (sign > 0 || rep->winner < 0 ||
	    !shows(mk, MARKUP_NO_REASONS)))
		return;
	heading(b, mk, sign > 0 ? "Why " : "What speaks for ");
	mk->put(b, rep->matrix->options[side].label);
	heading_end(b, mk);
	if (n == 0)
		say(b, mk, "Nothing: it loses or ties on every weighted "
		    "criterion.");
	else
		list(b, mk);
	for (i = 0; i < n; i++) {
		sp_buf_puts(b, mk->li[MARKUP_UL][0]);
		reason(b, mk, rep, ks[i], side, other);
		sp_buf_puts(b, mk->li[MARKUP_UL][1]);
	}
	if (n > 0)
		list_end(b, mk);
	section_end(b, mk);
}

static void
reasons_for(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	reasons(b, mk, rep, 1);
}

static void
reasons_against(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	reasons(b, mk, rep, -1);
}

static void
measured(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	phrase_measured(b, put, rep, rep->measured[i]);
}

/* The criteria table's last row: what the weighted sums add up to. */
static void
totals(table *t, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_markup *mk = t->mk;
	int i;

	row(t, MARKUP_FOOT);
	sp_buf_puts(t->b, mk->total[0]);
	sp_buf_puts(t->b, r->method == SP_METHOD_WSM ? "Score" :
	    "Weighted sum");
	sp_buf_puts(t->b, mk->total[1]);
	cellf(t, MARKUP_TD_NUM, "%.1f", r->total_weight);
	for (i = 0; i < rep->matrix->noptions; i++) {
		cell(t, MARKUP_TD_NUM);
		sp_buf_puts(t->b, i == 0 ? mk->total[0] : "");
		sp_buf_printf(t->b, "%.2f", rep->sum[r->rank[i]]);
		sp_buf_puts(t->b, i == 0 ? mk->total[1] : "");
	}
	cellf(t, MARKUP_TD_NUM, "%+.2f", rep->sum_lead);
	row_end(t);
}

/*
 * The criteria table.  Like the text report's, it explains the weighted
 * sum whatever method ranked: its last row adds up the contributions.
 */
static void
criteria(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	table t;
	int i, k;

	section(b, mk, "Criteria");
	table_begin(&t, b, mk, NULL);
	titles(&t, "Criterion|>Weight");
	for (i = 0; i < m->noptions; i++) {
		cell(&t, MARKUP_TH_NUM);
		mk->put(b, m->options[r->rank[i]].label);
	}
	titles(&t, ">Lead");
	row_end(&t);
	for (k = 0; k < m->ncriteria; k++) {
		row_label(&t, m->criteria[k].label);
		cellf(&t, MARKUP_TD_NUM, "%.1f", r->crit[k].weight);
		for (i = 0; i < m->noptions; i++)
			cellf(&t, MARKUP_TD_NUM, "%.1f",
			    r->crit[k].rating[r->rank[i]]);
		cellf(&t, MARKUP_TD_NUM, "%+.2f", r->crit[k].lead);
		row_end(&t);
	}
	totals(&t, rep);
	table_end(&t);
	para(b, mk, MARKUP_P_NOTE);
	sp_buf_printf(b, "Lead: weight %s rating gap / total weight, what "
	    "each criterion adds to ", mk->times);
	mk->put(b, m->options[r->rank[0]].label);
	sp_buf_printf(b, "%ss margin over ", mk->apostrophe);
	mk->put(b, m->options[r->rank[1]].label);
	sp_buf_puts(b, ".");
	para_end(b, mk, MARKUP_P_NOTE);
	if (shows(mk, MARKUP_MEASURED))
		items(b, mk, rep, rep->nmeasured, measured);
	section_end(b, mk);
}

static void
evidence(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	if (rep->nevidence == 0)
		return;
	section(b, mk, "Evidence");
	items(b, mk, rep, rep->nevidence, phrase_evidence_note);
	section_end(b, mk);
}

/* The weights from pairwise judgements, and their consistency. */
static void
pairwise(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	if (rep->ahp == NULL)
		return;
	section(b, mk, "Pairwise judgements");
	say_bare(b, mk, rep, phrase_pairwise_how);
	items(b, mk, rep, rep->ahp->n, phrase_pairwise_item);
	para(b, mk, MARKUP_P);
	if (rep->ahp->inconsistent) {
		strong(b, mk, "Warning:");
		sp_buf_puts(b, " ");
	}
	phrase_pairwise_cr(b, rep);
	para_end(b, mk, MARKUP_P);
	if (rep->ahp->inconsistent && rep->ahp->worst >= 0)
		say_phrase(b, mk, rep, phrase_pairwise_worst);
	section_end(b, mk);
}

/* The group: how it decides, each member, the disagreements. */
static void
group(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_group *g = rep->group;
	int i;

	if (g == NULL)
		return;
	section(b, mk, "Group");
	say_bare(b, mk, rep, phrase_group_how);
	items(b, mk, rep, g->nmembers, phrase_member);
	say_bare(b, mk, rep, phrase_consensus);
	section_end(b, mk);
	section(b, mk, "Where the group disagrees");
	if (g->ndis == 0)
		say(b, mk, "Nowhere: every member gives the same answers and "
		    "weights.");
	else
		list(b, mk);
	for (i = 0; i < g->ndis; i++) {
		sp_buf_puts(b, mk->li[MARKUP_UL][0]);
		if (g->dis[i].matters) {
			strong(b, mk, "Matters:");
			sp_buf_puts(b, " ");
		}
		phrase_disagreement(b, mk->put, rep, i);
		sp_buf_puts(b, mk->li[MARKUP_UL][1]);
	}
	if (g->ndis > 0)
		list_end(b, mk);
	section_end(b, mk);
}

/* Out: the i-th option screened out, and what it fails. */
static void
screened(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	sp_buf_puts(b, "Out: ");
	phrase_screened(b, put, rep, i);
}

static void
met(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	sp_buf_puts(b, "Every option meets ");
	phrase_must(b, put, rep, i);
	sp_buf_puts(b, ".");
}

/* The musts: what each option screened out fails (or that every option
   meets each), and what relaxing one would bring back. */
static void
musts(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_screen *s = rep->screen;

	if (s == NULL)
		return;
	section(b, mk, "Musts");
	list(b, mk);
	if (s->nout > 0)
		entries(b, mk, rep, s->nout, screened);
	else
		entries(b, mk, rep, s->nmusts, met);
	entries(b, mk, rep, s->nrelax, phrase_relax);
	list_end(b, mk);
	section_end(b, mk);
}

/* A run in which fewer than two options met the musts. */
static void
screen_only(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	title(b, mk, rep);
	para(b, mk, MARKUP_P_VERDICT);
	phrase_screen_verdict(b, mk->put, rep);
	para_end(b, mk, MARKUP_P_VERDICT);
	if (shows(mk, MARKUP_MUSTS))
		musts(b, mk, rep);
}

static void
charts(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	mk->charts(b, rep);
}

/* The items of an advice list of kind, in a section headed already. */
static void
advice(sp_buf *b, const sp_markup *mk, int kind,
    const sp_advice *const *a, int n)
{
	int i;

	sp_buf_puts(b, mk->ul[kind][0]);
	for (i = 0; i < n; i++) {
		sp_buf_puts(b, mk->li[kind][0]);
		mk->put(b, a[i]->text);
		sp_buf_puts(b, mk->li[kind][1]);
	}
	sp_buf_puts(b, mk->ul[kind][1]);
	section_end(b, mk);
}

static void
note(sp_buf *b, sp_put_fn *put, const sp_report *rep, int i)
{
	phrase_note(b, put, rep->result, i);
}

/* The checklist, pitfalls, tooling and notes. */
static void
advices(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_result *r = rep->result;

	if (r->nchecklist > 0) {
		section(b, mk, "Checklist");
		advice(b, mk, MARKUP_UL_CHECK, r->checklist, r->nchecklist);
	}
	if (r->npitfalls > 0) {
		heading(b, mk, "Pitfalls to avoid");
		if (rep->winner >= 0) {
			sp_buf_puts(b, " with ");
			mk->put(b, rep->matrix->options[rep->winner].label);
		}
		heading_end(b, mk);
		advice(b, mk, MARKUP_UL, r->pitfalls, r->npitfalls);
	}
	if (r->ntools > 0) {
		section(b, mk, "Suggested frameworks and tooling");
		advice(b, mk, MARKUP_UL, r->tools, r->ntools);
	}
	if (r->nnotes > 0) {
		section(b, mk, "Notes");
		items(b, mk, rep, r->nnotes, note);
		section_end(b, mk);
	}
}

/* What moved since the baseline, criterion by criterion. */
static void
baseline(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_gate *base = rep->baseline;
	table t;
	int i;

	table_begin(&t, b, mk, "Moved since the baseline");
	titles(&t, "Criterion|>Weight before|>Weight now|>Lead before|"
	    ">Lead now");
	row_end(&t);
	for (i = 0; i < base->nmoves; i++) {
		const sp_move *mv = &base->moves[i];

		row_label(&t, rep->matrix->criteria[mv->criterion].label);
		cellf(&t, MARKUP_TD_NUM, "%.1f", mv->weight_before);
		cellf(&t, MARKUP_TD_NUM, "%.1f", mv->weight_after);
		cellf(&t, MARKUP_TD_NUM, "%+.2f", mv->lead_before);
		cellf(&t, MARKUP_TD_NUM, "%+.2f", mv->lead_after);
		row_end(&t);
	}
	table_end(&t);
}

static void
gates(sp_buf *b, const sp_markup *mk, const sp_report *rep)
{
	const sp_gates *g = rep->gates;
	table t;
	int i;

	if (g == NULL)
		return;
	section(b, mk, "Gates");
	table_begin(&t, b, mk, NULL);
	titles(&t, "Gate|Result|Detail");
	row_end(&t);
	for (i = 0; i < g->ngates; i++) {
		row_label(&t, g->gate[i].name);
		if (g->gate[i].passed)
			cellf(&t, MARKUP_TD, "pass");
		else
			cellf(&t, MARKUP_TD_FAIL, "FAIL");
		cell(&t, MARKUP_TD);
		mk->put(b, g->gate[i].detail);
		row_end(&t);
	}
	table_end(&t);
	if (rep->baseline != NULL)
		baseline(b, mk, rep);
	section_end(b, mk);
}

/*
 * The sections of a scored report, in order: each with the part that
 * shows it (0: every format shows it).
 */
static const struct {
	unsigned part;
	void (*write)(sp_buf *b, const sp_markup *mk, const sp_report *rep);
} sections[] = {
	{ 0, headline },
	{ MARKUP_GROUP, group },
	{ MARKUP_MUSTS, musts },
	{ 0, how_sure },
	{ MARKUP_EVIDENCE, evidence },
	{ MARKUP_RANKS, ranks },
	{ 0, reasons_for },
	{ 0, reasons_against },
	{ 0, criteria },
	{ MARKUP_PAIRWISE, pairwise },
	{ MARKUP_CHARTS, charts },
	{ 0, advices },
	{ 0, gates },
};

sp_status
markup_render(sp_buf *b, const sp_report *rep, const sp_markup *mk,
    const sp_render_opts *opts)
{
	unsigned parts = mk->parts;
	size_t i;

	if (opts->no_charts)
		parts &= ~(unsigned)MARKUP_CHARTS;
	if (rep->result == NULL)
		screen_only(b, mk, rep);
	else
		for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
			if (sections[i].part == 0 ||
			    (parts & sections[i].part) != 0)
				sections[i].write(b, mk, rep);
	return b->oom ? SP_ENOMEM : SP_OK;
}
