/*
 * The Markdown view of a result, for pull-request comments and
 * architecture decision records: a heading with the recommendation, the
 * analysis of how sure it is, the reasons on both sides, the criteria
 * as a GitHub-flavoured pipe table,
 * the checklist as a task list, pitfalls, tooling, notes and gates.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stackpick/analysis.h"
#include "stackpick/render.h"
#include "internal.h"

#define MAX_REASONS 4

/*
 * Writes s so that it shows as written: Markdown punctuation is escaped
 * with a backslash (a table cell ends at an unescaped '|'), and line
 * breaks and other control bytes become spaces, since a newline would end
 * a list item or a table row.
 */
static void
put(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			fputc(' ', f);
		else if (strchr("\\`*_[]<|&~#", c) != NULL) {
			fputc('\\', f);
			fputc(c, f);
		} else
			fputc(c, f);
	}
}

static void
headline(FILE *f, const sp_result *r, const char *input)
{
	const sp_matrix *m = r->matrix;
	int best = r->rank[0], second = r->rank[1], i;

	fputs("## ", f);
	put(f, r->profile->name[0] ? r->profile->name : input);
	if (r->ntied > 1) {
		fputs(": no recommendation\n\n", f);
		for (i = 0; i < r->ntied; i++) {
			fputs(i == 0 ? "**" : i + 1 < r->ntied ? ", **" :
			    " and **", f);
			put(f, m->options[r->rank[i]].label);
			fputs("**", f);
		}
		fprintf(f, " tie at %.2f on the %g-%g scale: the matrix cannot "
		    "choose between them.\n", r->score[best], m->scale_min,
		    m->scale_max);
		return;
	}
	fputs(": ", f);
	put(f, m->options[best].label);
	fputs(" recommended\n\n**", f);
	put(f, m->options[best].label);
	fprintf(f, "** scores %.2f against %.2f for ", r->score[best],
	    r->score[second]);
	put(f, m->options[second].label);
	/* TOPSIS scores are a closeness from 0 to 1, not ratings. */
	if (r->method == SP_METHOD_TOPSIS)
		fprintf(f, ": a margin of %.2f in TOPSIS closeness (0 to 1).\n",
		    r->margin);
	else
		fprintf(f, ": a margin of %.2f points on the %g-%g scale.\n",
		    r->margin, m->scale_min, m->scale_max);
}

/* Writes "A, B and C", each escaped. */
static void
put_list(FILE *f, const char *const *items, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		fputs(i == 0 ? "" : i + 1 < n ? ", " : " and ", f);
		put(f, items[i]);
	}
}

/*
 * How sure the recommendation is: the label, the confidence, whether the
 * methods agree, the flip points as a table, the answers that would
 * change it, and a hybrid split when one is suggested.
 */
static void
how_sure(FILE *f, const sp_result *r)
{
	const sp_analysis *a = r->analysis;
	const sp_matrix *m = r->matrix;
	char hint[SP_HINT_MAX];
	int i;

	if (a == NULL)
		return;
	fprintf(f, "\n### How sure: %s\n\n", sp_label_name(a->label));
	if (a->winner < 0) {
		fputs("The top options tie: any change to a weight on which they "
		    "differ decides it.\n", f);
		return;
	}
	put(f, m->options[a->winner].label);
	fprintf(f, " stays ahead in %.0f%% of %d trials that move every "
	    "weight at random, by about %.0f%% for a criterion with a "
	    "quarter of the weight.  ", a->confidence * 100, a->draws,
	    SP_DRAW_SD * 200);
	if (a->methods_agree) {
		fputs("The weighted sum, the weighted product and TOPSIS all "
		    "pick ", f);
		put(f, m->options[a->winner].label);
		fputs(".\n", f);
	} else {
		fputs("The methods disagree (", f);
		for (i = 0; i < SP_NMETHODS; i++) {
			fprintf(f, "%s%s: ", i ? ", " : "",
			    sp_method_name((sp_method)i));
			put(f, a->method_winner[i] >= 0 ?
			    m->options[a->method_winner[i]].label : "a tie");
		}
		fputs(a->linear_agree ? ").\n" :
		    "), so treat this as a close call.\n", f);
	}
	if (a->nflips > 0) {
		fputs("\n| Criterion | Weight now | Draws level at | Option | "
		    "Change needed | What moves the weight |\n"
		    "| :-- | --: | --: | :-- | --: | :-- |\n", f);
		for (i = 0; i < a->nflips; i++) {
			const sp_flip *fl = &a->flips[i];

			fputs("| ", f);
			put(f, m->criteria[fl->criterion].label);
			fprintf(f, " | %.2f | %.2f | ", fl->weight,
			    fl->flip_weight);
			put(f, m->options[fl->option].label);
			if (isfinite(fl->relative_change))
				fprintf(f, " | %.0f%% | ",
				    fl->relative_change * 100);
			else
				fputs(" | from 0 | ", f);
			sp_flip_hint(hint, sizeof(hint), r, fl);
			put(f, hint);
			fputs(" |\n", f);
		}
		if (isfinite(a->flips[0].relative_change)) {
			fputs("\nMost critical: ", f);
			put(f, m->criteria[a->flips[0].criterion].label);
			fprintf(f, ", whose weight has to change by %.0f%% to "
			    "change the answer.\n",
			    a->flips[0].relative_change * 100);
		}
	} else if (r->method == SP_METHOD_TOPSIS) {
		fputs("\nTOPSIS has no closed form for flip points; rank with "
		    "`--method wsm` or `wpm` to see them.\n", f);
	}
	if (a->ntrait_flips > 0)
		fputs("\nAnswers that alone would change the recommendation:\n\n",
		    f);
	for (i = 0; i < a->ntrait_flips; i++) {
		const sp_trait_flip *t = &a->trait_flips[i];

		fputs("- ", f);
		put(f, m->traits[t->trait].id);
		fputs(": ", f);
		put(f, t->to_text);
		fputs(" instead of ", f);
		put(f, t->from_text);
		fputs(" gives ", f);
		put(f, t->option >= 0 ? m->options[t->option].label : "a tie");
		fputc('\n', f);
	}
	if (a->hybrid) {
		fputs("\nConsider a hybrid: ", f);
		for (i = 0; i < 2; i++) {
			fputs(i ? "; " : "", f);
			put(f, m->options[a->split[i].option].label);
			fputs(" for the ", f);
			put_list(f, a->split[i].components,
			    a->split[i].ncomponents);
			fprintf(f, " (%.0f%% of the weight)", a->share[i] * 100);
		}
		fputs(".\n", f);
	}
}

/* The criteria with the largest leads for (sign > 0) or against. */
static void
reasons(FILE *f, const sp_result *r, int sign)
{
	const sp_matrix *m = r->matrix;
	int side = sign > 0 ? r->rank[0] : r->rank[1];
	int other = sign > 0 ? r->rank[1] : r->rank[0];
	int i, shown = 0, n = m->ncriteria;
	char from[256];

	for (i = 0; i < n && shown < MAX_REASONS; i++) {
		int k = sign > 0 ? r->by_lead[i] : r->by_lead[n - 1 - i];
		const sp_crit_score *c = &r->crit[k];
		const sp_criterion *cr = &m->criteria[k];

		if (!(c->lead * sign > 1e-12))
			break;
		if (shown++ == 0) {
			fputs(sign > 0 ? "\n### Why " : "\n### What speaks for ",
			    f);
			put(f, m->options[side].label);
			fputs("\n\n", f);
		}
		sp_weight_from(from, sizeof(from), c);
		fputs("- **", f);
		put(f, cr->label);
		fprintf(f, "**: %+.2f, weight %g (", c->lead, c->weight);
		put(f, from);
		fputs("). ", f);
		if (cr->from_team) {
			put(f, m->options[side].label);
			fprintf(f, " rated %g, ", c->rating[side]);
			put(f, m->options[other].label);
			fprintf(f, " %g from the team section", c->rating[other]);
		} else {
			put(f, cr->why[side]);
		}
		fputc('\n', f);
	}
}

static void
table(FILE *f, const sp_result *r)
{
	const sp_matrix *m = r->matrix;
	int i, k;

	fputs("\n### Criteria\n\n| Criterion | Weight |", f);
	for (i = 0; i < m->noptions; i++) {
		fputc(' ', f);
		put(f, m->options[r->rank[i]].label);
		fputs(" |", f);
	}
	fputs(" Lead |\n| :-- | --: |", f);
	for (i = 0; i < m->noptions; i++)
		fputs(" --: |", f);
	fputs(" --: |\n", f);
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *c = &r->crit[k];

		fputs("| ", f);
		put(f, m->criteria[k].label);
		fprintf(f, " | %.1f |", c->weight);
		for (i = 0; i < m->noptions; i++)
			fprintf(f, " %.1f |", c->rating[r->rank[i]]);
		fprintf(f, " %+.2f |\n", c->lead);
	}
	fprintf(f, "| **Score** | %.1f |", r->total_weight);
	for (i = 0; i < m->noptions; i++)
		fprintf(f, i == 0 ? " **%.2f** |" : " %.2f |",
		    r->score[r->rank[i]]);
	fprintf(f, " %+.2f |\n\nLead: weight × rating gap / total weight, "
	    "what each criterion adds to ", r->margin);
	put(f, m->options[r->rank[0]].label);
	fputs("'s margin over ", f);
	put(f, m->options[r->rank[1]].label);
	fputs(".\n", f);
}

static void
advice(FILE *f, const char *head, const char *mark,
    const sp_advice *const *a, int n)
{
	int i;

	if (n == 0)
		return;
	if (head != NULL)
		fprintf(f, "\n### %s\n\n", head);
	for (i = 0; i < n; i++) {
		fputs(mark, f);
		put(f, a[i]->text);
		fputc('\n', f);
	}
}

static void
gates(FILE *f, const sp_result *r, const sp_gates *g)
{
	const sp_gate *base = NULL;
	int i;

	if (g == NULL || g->ngates == 0)
		return;
	fputs("\n### Gates\n\n| Gate | Result | Detail |\n| :-- | :-- | :-- |\n",
	    f);
	for (i = 0; i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		fputs("| ", f);
		put(f, gt->name);
		fputs(gt->passed ? " | pass | " : " | **FAIL** | ", f);
		put(f, gt->detail);
		fputs(" |\n", f);
		if (gt->nmoves > 0)
			base = gt;
	}
	if (base == NULL)
		return;
	fputs("\nMoved since the baseline:\n\n| Criterion | Weight before | "
	    "Weight now | Lead before | Lead now |\n| :-- | --: | --: | --: | "
	    "--: |\n", f);
	for (i = 0; i < base->nmoves; i++) {
		const sp_move *mv = &base->moves[i];

		fputs("| ", f);
		put(f, r->matrix->criteria[mv->criterion].label);
		fprintf(f, " | %.1f | %.1f | %+.2f | %+.2f |\n",
		    mv->weight_before, mv->weight_after, mv->lead_before,
		    mv->lead_after);
	}
}

sp_status
sp_render_markdown(FILE *f, const sp_result *r, const char *input,
    const sp_gates *g)
{
	const sp_matrix *m = r->matrix;
	int i;

	headline(f, r, input);
	how_sure(f, r);
	reasons(f, r, 1);
	reasons(f, r, -1);
	table(f, r);
	advice(f, "Checklist", "- [ ] ", r->checklist, r->nchecklist);
	if (r->ntied > 1) {
		advice(f, "Pitfalls to avoid", "- ", r->pitfalls, r->npitfalls);
	} else if (r->npitfalls > 0) {
		fputs("\n### Pitfalls to avoid with ", f);
		put(f, m->options[r->rank[0]].label);
		fputs("\n\n", f);
		advice(f, NULL, "- ", r->pitfalls, r->npitfalls);
	}
	advice(f, "Suggested frameworks and tooling", "- ", r->tools,
	    r->ntools);
	if (r->nwarnings > 0) {
		fputs("\n### Notes\n\n", f);
		for (i = 0; i < r->nwarnings; i++) {
			fputs("- ", f);
			put(f, r->warning[i]);
			fputc('\n', f);
		}
	}
	gates(f, r, g);
	return ferror(f) ? SP_EOUTPUT : SP_OK;
}
