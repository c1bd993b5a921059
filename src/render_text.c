/*
 * The text view of a result: what carried the recommendation, what speaks
 * for the runner-up, every criterion in a table, then the checklist,
 * pitfalls and tooling that apply.  Fits the width it is given.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/analysis.h"
#include "stackpick/render.h"
#include "internal.h"

#define BAR_WIDTH 10
#define MAX_REASONS 4
#define MAX_FLIPS 3
#define SCORE_LABEL 40

struct out {
	FILE *f;
	const sp_text_opts *o;
};

static const char *
sgr(const struct out *o, const char *code)
{
	return o->o->color ? code : "";
}

#define BOLD(o) sgr(o, "\033[1m")
#define GREEN(o) sgr(o, "\033[32m")
#define YELLOW(o) sgr(o, "\033[33m")
#define DIM(o) sgr(o, "\033[2m")
#define RESET(o) sgr(o, "\033[0m")

/*
 * Columns a UTF-8 string takes, counting each code point as one and
 * colour sequences as none.
 */
static size_t
columns(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n && s[i]; i++) {
		if (s[i] == '\033') {
			while (i < n && s[i] && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	}
	return c;
}

/* Bytes of s that fit in width columns, never splitting a character. */
static size_t
fit(const char *s, size_t width)
{
	size_t i, c = 0;

	for (i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (c == width)
				break;
			c++;
		}
	}
	return i;
}

/*
 * Prints text wrapped at the output width, the first line after lead, the
 * others indented by indent columns.
 */
static void
wrap(const struct out *o, const char *lead, size_t indent, const char *text)
{
	size_t width = (size_t)o->o->width, col = indent;
	const char *p = text;

	fputs(lead, o->f);
	while (*p) {
		const char *w = p;
		size_t len, cols;

		while (*w == ' ' || *w == '\n')
			w++;
		len = strcspn(w, " \n");
		if (len == 0)
			break;
		cols = columns(w, len);
		if (col > indent && col + 1 + cols > width) {
			fprintf(o->f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', o->f);
			col++;
		}
		fwrite(w, 1, len, o->f);
		col += cols;
		p = w + len;
	}
	fputc('\n', o->f);
}

/* Writes s into a field of width columns, cut or padded. */
static void
field(const struct out *o, const char *s, size_t width, int right)
{
	size_t n = fit(s, width), cols = columns(s, n);

	if (right)
		fprintf(o->f, "%*s", (int)(width - cols), "");
	fwrite(s, 1, n, o->f);
	if (!right)
		fprintf(o->f, "%*s", (int)(width - cols), "");
}

void
sp_weight_from(char *buf, size_t size, const sp_crit_score *c)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < c->nfrom && used < size; i++) {
		int w = snprintf(buf + used, size - used, i == 0 ? "%s%s %g" :
		    "%s%s %+g", i ? ", " : "", c->from[i].text,
		    c->from[i].delta);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (c->clamped && used < size)
		snprintf(buf + used, size - used, ", capped at %g", c->weight);
}

static void
headline(const struct out *o, const sp_result *r, const char *input)
{
	const sp_matrix *m = r->matrix;
	const char *name = r->profile->name[0] ? r->profile->name : input;
	int best = r->rank[0], second = r->rank[1];
	char line[1024];

	if (r->ntied > 1) {
		snprintf(line, sizeof(line), "%s: no recommendation, %s and %s "
		    "tie at %.2f", name, m->options[best].label,
		    m->options[second].label, r->score[best]);
	} else if (r->method == SP_METHOD_TOPSIS) {
		snprintf(line, sizeof(line), "%s: %s recommended by TOPSIS, "
		    "closeness %.2f against %.2f for %s (0 to 1)", name,
		    m->options[best].label, r->score[best], r->score[second],
		    m->options[second].label);
	} else {
		snprintf(line, sizeof(line), "%s: %s recommended%s, %.2f against "
		    "%.2f for %s (margin %.2f on the %g-%g scale)", name,
		    m->options[best].label, r->method == SP_METHOD_WPM ?
		    " by the weighted product" : "", r->score[best],
		    r->score[second], m->options[second].label, r->margin,
		    m->scale_min, m->scale_max);
	}
	sp_utf8_trim(line);
	fputs(BOLD(o), o->f);
	wrap(o, "", 2, line);
	fputs(RESET(o), o->f);
	if (m->noptions > 2) {
		size_t col = 9, width = (size_t)o->o->width, n, cols;
		int i;

		/*
		 * One "Label 3.24" per option, never split; a label is cut to
		 * SCORE_LABEL columns so that every item fits a line.
		 */
		fputs("  Scores:", o->f);
		for (i = 0; i < m->noptions; i++) {
			const char *label = m->options[r->rank[i]].label;

			n = fit(label, SCORE_LABEL);
			cols = columns(label, n) + 6 + (i + 1 < m->noptions);
			if (col + 1 + cols > width) {
				fputs("\n   ", o->f);
				col = 3;
			}
			fputc(' ', o->f);
			fwrite(label, 1, n, o->f);
			fprintf(o->f, " %.2f%s", r->score[r->rank[i]],
			    i + 1 < m->noptions ? "," : "");
			col += 1 + cols;
		}
		fputc('\n', o->f);
	}
}

/* The criteria with the largest leads for (sign > 0) or against. */
static void
reasons(const struct out *o, const sp_result *r, int sign)
{
	const sp_matrix *m = r->matrix;
	int side = sign > 0 ? r->rank[0] : r->rank[1];
	int i, shown = 0, n = m->ncriteria;
	char head[512], from[1024], lead[2048];

	if (sign > 0)
		snprintf(head, sizeof(head), "Why %s", m->options[side].label);
	else
		snprintf(head, sizeof(head), "What speaks for %s",
		    m->options[side].label);
	for (i = 0; i < n && shown < MAX_REASONS; i++) {
		int k = sign > 0 ? r->by_lead[i] : r->by_lead[n - 1 - i];
		const sp_crit_score *c = &r->crit[k];
		const sp_criterion *cr = &m->criteria[k];

		if (!(c->lead * sign > 1e-12))
			break;
		if (shown++ == 0)
			fprintf(o->f, "\n%s%s%s\n", BOLD(o), head, RESET(o));
		sp_weight_from(from, sizeof(from), c);
		snprintf(lead, sizeof(lead), "%s%c%s %s: %+.2f, weight %g (%s)",
		    sign > 0 ? GREEN(o) : YELLOW(o), sign > 0 ? '+' : '-',
		    RESET(o), cr->label, c->lead, c->weight, from);
		sp_utf8_trim(lead);
		wrap(o, "  ", 4, lead);
		if (cr->from_team) {
			char why[512];

			snprintf(why, sizeof(why), "%s rated %g, %s %g from "
			    "the team section", m->options[side].label,
			    c->rating[side], m->options[sign > 0 ? r->rank[1] :
			    r->rank[0]].label, c->rating[sign > 0 ? r->rank[1] :
			    r->rank[0]]);
			sp_utf8_trim(why);
			wrap(o, "    ", 4, why);
		} else {
			wrap(o, "    ", 4, cr->why[side]);
		}
	}
	if (shown == 0 && sign < 0)
		fprintf(o->f, "\n%s%s%s\n  Nothing: it loses or ties on every "
		    "weighted criterion.\n", BOLD(o), head, RESET(o));
}

static void
table(const struct out *o, const sp_result *r)
{
	const sp_matrix *m = r->matrix;
	int w = r->rank[0], s = r->rank[1], k, bar;
	double maxlead = 0, sum_w = 0, sum_s = 0;
	char legend[512];

	for (k = 0; k < m->ncriteria; k++)
		maxlead = fmax(maxlead, fabs(r->crit[k].lead));
	fprintf(o->f, "\n%sCriteria%s%*s", BOLD(o), RESET(o), 22, "");
	fputs("weight ", o->f);
	field(o, m->options[w].label, 7, 1);
	fputc(' ', o->f);
	field(o, m->options[s].label, 7, 1);
	fputs("    lead\n", o->f);
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *c = &r->crit[k];

		fputs("  ", o->f);
		field(o, m->criteria[k].label, 28, 0);
		fprintf(o->f, "%s%6.1f %7.1f %7.1f %+7.2f ",
		    c->weight > 0 ? "" : DIM(o), c->weight, c->rating[w],
		    c->rating[s], c->lead);
		bar = maxlead > 0 ? (int)lround(fabs(c->lead) / maxlead *
		    BAR_WIDTH) : 0;
		fputs(c->lead >= 0 ? GREEN(o) : YELLOW(o), o->f);
		while (bar-- > 0)
			fputc(c->lead >= 0 ? '+' : '-', o->f);
		fprintf(o->f, "%s\n", RESET(o));
	}
	/*
	 * The table explains the weighted sum whatever method ranked, so its
	 * totals are the contributions' sums, not another method's scores.
	 */
	for (k = 0; k < m->ncriteria; k++) {
		sum_w += r->crit[k].contrib[w];
		sum_s += r->crit[k].contrib[s];
	}
	fputs("  ", o->f);
	field(o, r->method == SP_METHOD_WSM ? "total (score)" :
	    "total (weighted sum)", 28, 0);
	fprintf(o->f, "%6.1f %7.2f %7.2f %+7.2f\n", r->total_weight, sum_w,
	    sum_s, sum_w - sum_s);
	snprintf(legend, sizeof(legend), "%slead: weight x rating gap / total "
	    "weight, what each criterion adds to %s's margin over %s%s",
	    DIM(o), m->options[w].label, m->options[s].label, RESET(o));
	sp_utf8_trim(legend);
	wrap(o, "  ", 2, legend);
}

static void
advice(const struct out *o, const char *head, const char *mark,
    const sp_advice *const *a, int n)
{
	int i;

	if (n == 0)
		return;
	fprintf(o->f, "\n%s%s%s\n", BOLD(o), head, RESET(o));
	for (i = 0; i < n; i++)
		wrap(o, mark, 6, a[i]->text);
}

/* A weight as a person would say it: 6.2, 10, 0.35. */
static void
weight_text(char *buf, size_t size, double w, double other)
{
	snprintf(buf, size, fabs(w - other) < 0.05 ? "%.2f" : "%.1f", w);
	if (strchr(buf, '.') != NULL && strcmp(strchr(buf, '.'), ".0") == 0)
		*strchr(buf, '.') = '\0';
}

static void
sure_label(const struct out *o, const sp_result *r, const sp_analysis *a)
{
	const sp_matrix *m = r->matrix;
	char line[512];
	const char *win = a->winner >= 0 ? m->options[a->winner].label : "";

	fprintf(o->f, "\n%sHow sure: %s%s\n", BOLD(o),
	    sp_label_name(a->label), RESET(o));
	if (a->winner < 0) {
		wrap(o, "  ", 2, "The top options tie: any change to a weight "
		    "on which they differ decides it.");
		return;
	}
	snprintf(line, sizeof(line), "%s stays ahead in %.0f%% of %d trials "
	    "that move every weight up or down by as much as %.0f%%.", win,
	    a->confidence * 100, a->draws, SP_DRAW_SPREAD * 100);
	wrap(o, "  ", 2, line);
	if (a->methods_agree) {
		snprintf(line, sizeof(line), "The weighted sum, the weighted "
		    "product and TOPSIS all pick %s.", win);
	} else {
		const char *w[SP_NMETHODS];
		int i;

		for (i = 0; i < SP_NMETHODS; i++)
			w[i] = a->method_winner[i] >= 0 ?
			    m->options[a->method_winner[i]].label : "a tie";
		snprintf(line, sizeof(line), "The methods disagree: the "
		    "weighted sum picks %s, the weighted product %s and "
		    "TOPSIS %s, so treat this as a close call.", w[0], w[1],
		    w[2]);
	}
	wrap(o, "  ", 2, line);
}

static void
sure_changes(const struct out *o, const sp_result *r, const sp_analysis *a)
{
	const sp_matrix *m = r->matrix;
	char line[512], now[32], flip[32], hint[SP_HINT_MAX];
	int i, shown = 0;

	for (i = 0; i < a->nflips && i < MAX_FLIPS; i++) {
		const sp_flip *f = &a->flips[i];

		if (shown++ == 0)
			wrap(o, "  ", 2, "What would change the answer:");
		sp_flip_hint(hint, sizeof(hint), r, f);
		weight_text(now, sizeof(now), f->weight, f->flip_weight);
		weight_text(flip, sizeof(flip), f->flip_weight, f->weight);
		snprintf(line, sizeof(line), "%s would win if %s weighed more "
		    "than %s instead of %s%s%s%s.", m->options[f->option].label,
		    m->criteria[f->criterion].label, flip, now,
		    hint[0] ? " (" : "", hint, hint[0] ? ")" : "");
		if (f->flip_weight < f->weight)
			memcpy(strstr(line, "more than"), "less than", 9);
		wrap(o, "  - ", 4, line);
	}
	for (i = 0; i < a->ntrait_flips && i < MAX_FLIPS; i++) {
		const sp_trait_flip *t = &a->trait_flips[i];

		if (shown++ == 0)
			wrap(o, "  ", 2, "What would change the answer:");
		snprintf(line, sizeof(line), "If %s were %s instead of %s, "
		    "%s%s.", m->traits[t->trait].id, t->to_text, t->from_text,
		    t->option >= 0 ? m->options[t->option].label :
		    "the top options would tie", t->option >= 0 ?
		    " would win" : "");
		wrap(o, "  - ", 4, line);
	}
	if (shown == 0)
		wrap(o, "  ", 2, r->method == SP_METHOD_TOPSIS ?
		    "No single profile answer changes the answer." :
		    "No single weight within 0-10 and no single profile answer "
		    "changes the answer.");
	if (r->method == SP_METHOD_TOPSIS)
		wrap(o, "  ", 2, "TOPSIS has no closed form for flip points; "
		    "rank with --method wsm or wpm to see them.");
	if (shown == 0)
		return;
	if (a->nflips > 0 && isfinite(a->flips[0].relative_change)) {
		snprintf(line, sizeof(line), "Most critical: %s, whose weight "
		    "has to change by %.0f%% to change the answer.",
		    m->criteria[a->flips[0].criterion].label,
		    a->flips[0].relative_change * 100);
		wrap(o, "  ", 2, line);
	}
}

static void
list_of(char *buf, size_t size, const char *const *items, int n)
{
	size_t used = 0;
	int i, w;

	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		w = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" :
		    i == n - 1 ? " and " : ", ", items[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

static void
sure_hybrid(const struct out *o, const sp_result *r, const sp_analysis *a)
{
	const sp_matrix *m = r->matrix;
	char one[480], two[480], line[sizeof(one) + sizeof(two) + 256];

	if (!a->hybrid)
		return;
	list_of(one, sizeof(one), a->split[0].components,
	    a->split[0].ncomponents);
	list_of(two, sizeof(two), a->split[1].components,
	    a->split[1].ncomponents);
	snprintf(line, sizeof(line), "Consider a hybrid: %s for the %s, and "
	    "%s for the %s.  Each clearly wins heavy needs there (%.0f%% and "
	    "%.0f%% of the total weight).", m->options[a->split[0].option].label,
	    one, m->options[a->split[1].option].label, two, a->share[0] * 100,
	    a->share[1] * 100);
	wrap(o, "  ", 2, line);
}

/* How sure the recommendation is, in words a tech lead reads at once. */
static void
how_sure(const struct out *o, const sp_result *r)
{
	const sp_analysis *a = r->analysis;

	if (a == NULL)
		return;
	sure_label(o, r, a);
	if (a->winner >= 0)
		sure_changes(o, r, a);
	sure_hybrid(o, r, a);
}

/* Each gate asked for, passed or failed, with what it found. */
static void
gates(const struct out *o, const sp_gates *g)
{
	int i, n;

	if (g == NULL || g->ngates == 0)
		return;
	fprintf(o->f, "\n%sGates%s\n", BOLD(o), RESET(o));
	for (i = 0; i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];
		const char *color = gt->passed ? GREEN(o) : YELLOW(o);
		const char *verdict = gt->passed ? "pass" : "FAIL";
		char *lead;

		/* A detail has no bound on its length. */
		n = snprintf(NULL, 0, "%s%s%s  %s: %s", color, verdict,
		    RESET(o), gt->name, gt->detail);
		lead = n < 0 ? NULL : malloc((size_t)n + 1);
		if (lead == NULL) {
			fprintf(o->f, "  %s  %s: %s\n", verdict, gt->name,
			    gt->detail);
			continue;
		}
		snprintf(lead, (size_t)n + 1, "%s%s%s  %s: %s", color, verdict,
		    RESET(o), gt->name, gt->detail);
		wrap(o, "  ", 8, lead);
		free(lead);
	}
}

sp_status
sp_render_text(FILE *f, const sp_result *r, const char *input,
    const sp_gates *g, const sp_text_opts *opts)
{
	const sp_matrix *m = r->matrix;
	struct out o = { f, opts };
	char head[512];
	int i;

	headline(&o, r, input);
	how_sure(&o, r);
	reasons(&o, r, 1);
	reasons(&o, r, -1);
	table(&o, r);
	advice(&o, "Checklist", "  [ ] ", r->checklist, r->nchecklist);
	if (r->ntied > 1)
		snprintf(head, sizeof(head), "Pitfalls to avoid");
	else
		snprintf(head, sizeof(head), "Pitfalls to avoid with %s",
		    m->options[r->rank[0]].label);
	sp_utf8_trim(head);
	advice(&o, head, "  !   ", r->pitfalls, r->npitfalls);
	advice(&o, "Suggested frameworks and tooling", "  *   ", r->tools,
	    r->ntools);
	if (r->nwarnings > 0) {
		fprintf(f, "\n%sNotes%s\n", BOLD(&o), RESET(&o));
		for (i = 0; i < r->nwarnings; i++)
			wrap(&o, "  - ", 4, r->warning[i]);
	}
	gates(&o, g);
	return ferror(f) ? SP_EOUTPUT : SP_OK;
}
