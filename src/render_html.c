/*
 * The HTML view of a report: one self-contained HTML5 file, with the
 * same content as the text report (the recommendation first, how sure it
 * is, the reasons, the criteria, the charts as inline SVG, checklist,
 * pitfalls, tooling, notes and gates).  It fetches nothing and runs no
 * script: its Content-Security-Policy allows its own style sheet and
 * nothing else, so it opens offline and in a strict viewer.  Every piece
 * of matrix, profile or file-name text goes through escape_xml().
 */
#include <math.h>

#include "stackpick/render.h"
#include "stackpick/screen.h"
#include "chart.h"
#include "escape.h"
#include "phrase.h"

/*
 * The style sheet, and its SHA-256 as the policy names it.  Change both
 * together: tests/cli/html.sh checks that they match.
 */
static const char css[] =
    ":root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;"
    "--line:#d1d9e0;--pro:#2e7d32;--con:#b45309;--flip:#1d4ed8;"
    "--score:#475569}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;"
    "--muted:#9198a1;--line:#3d444d;--pro:#4ade80;--con:#fbbf24;"
    "--flip:#60a5fa;--score:#94a3b8}}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);"
    "font:16px/1.5 system-ui,sans-serif}\n"
    "main{max-width:52rem;margin:0 auto;padding:1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .5rem}\n"
    "h2{font-size:1.25rem;margin-top:2rem;"
    "border-bottom:1px solid var(--line)}\n"
    "table{border-collapse:collapse;margin:1rem 0}\n"
    "th,td{border:1px solid var(--line);padding:.25rem .5rem;"
    "text-align:left;vertical-align:top}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;color:var(--muted)}\n"
    ".muted,footer{color:var(--muted)}\n"
    ".fail{color:var(--con);font-weight:bold}\n"
    "figure{margin:1.5rem 0}\n"
    "figcaption{margin-bottom:.5rem}\n"
    "svg.chart{max-width:100%;height:auto}\n"
    "svg .pro{fill:var(--pro)}svg .con{fill:var(--con)}"
    "svg .flip{fill:var(--flip)}svg .score{fill:var(--score)}\n"
    "ul.checklist{list-style:none;padding-left:1rem}\n"
    "ul.checklist li::before{content:\"\\2610\\a0\"}\n"
    "@media print{:root{--fg:#000;--bg:#fff;--muted:#333;--line:#999}"
    "main{max-width:none;padding:0}"
    "figure,table,li{break-inside:avoid}h2{break-after:avoid}}\n";

static const char css_sha256[] =
    "sha256-FS/V2z5DpLN8sy3nIj0WGAw5zcUmJmSUBGONOsQFKhI=";

static void
put(sp_buf *b, const char *s)
{
	escape_xml(b, s);
}

static void
head(sp_buf *b, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;

	sp_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src '%s'\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"generator\" content=\"stackpick\">\n<title>",
	    css_sha256);
	put(b, rep->title);
	if (rep->winner >= 0) {
		sp_buf_puts(b, ": ");
		put(b, m->options[rep->winner].label);
		sp_buf_puts(b, " recommended");
	} else if (rep->result == NULL && rep->only >= 0) {
		sp_buf_puts(b, ": ");
		put(b, rep->full->options[rep->only].label);
		sp_buf_puts(b, " recommended");
	} else
		sp_buf_puts(b, ": no recommendation");
	sp_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n"
	    "<main>\n", css);
}

static void
headline(sp_buf *b, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int best = r->rank[0], second = rep->runner_up, i;

	sp_buf_puts(b, "<h1>");
	put(b, rep->title);
	if (rep->winner < 0) {
		sp_buf_puts(b, ": no recommendation</h1>\n<p class=\"verdict\">");
		for (i = 0; i < r->ntied; i++) {
			sp_buf_puts(b, i == 0 ? "<strong>" : i + 1 < r->ntied ?
			    ", <strong>" : " and <strong>");
			put(b, m->options[r->rank[i]].label);
			sp_buf_puts(b, "</strong>");
		}
		sp_buf_printf(b, " tie at %.2f on the %g-%g scale: the matrix "
		    "cannot choose between them.</p>\n", r->score[best],
		    m->scale_min, m->scale_max);
		return;
	}
	sp_buf_puts(b, ": ");
	put(b, m->options[best].label);
	sp_buf_puts(b, " recommended</h1>\n<p class=\"verdict\"><strong>");
	put(b, m->options[best].label);
	sp_buf_printf(b, "</strong> scores %.2f against %.2f for ",
	    r->score[best], r->score[second]);
	put(b, m->options[second].label);
	if (r->method == SP_METHOD_TOPSIS)
		sp_buf_printf(b, ": a margin of %.2f in TOPSIS closeness (0 to "
		    "1).</p>\n", r->margin);
	else
		sp_buf_printf(b, ": a margin of %.2f points on the %g-%g "
		    "scale.</p>\n", r->margin, m->scale_min, m->scale_max);
}

/* The flip points a reader is told about, as a table. */
static void
flips(sp_buf *b, const sp_report *rep)
{
	const sp_matrix *m = rep->matrix;
	int i;

	sp_buf_puts(b, "<table>\n<caption>What would change the answer"
	    "</caption>\n<thead><tr><th scope=\"col\">Criterion</th>"
	    "<th scope=\"col\" class=\"n\">Weight now</th><th scope=\"col\" "
	    "class=\"n\">Draws level at</th><th scope=\"col\">Option</th>"
	    "<th scope=\"col\" class=\"n\">Change needed</th>"
	    "<th scope=\"col\">What moves the weight</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < rep->nflips_shown; i++) {
		const sp_flip *fl = rep->flips[i].flip;

		sp_buf_puts(b, "<tr><th scope=\"row\">");
		put(b, m->criteria[fl->criterion].label);
		sp_buf_printf(b, "</th><td class=\"n\">%.2f</td><td "
		    "class=\"n\">%.2f</td><td>", fl->weight, fl->flip_weight);
		put(b, m->options[fl->option].label);
		if (isfinite(fl->relative_change))
			sp_buf_printf(b, "</td><td class=\"n\">%.0f%%</td><td>",
			    fl->relative_change * 100);
		else
			sp_buf_puts(b, "</td><td class=\"n\">from 0</td><td>");
		phrase_mover(b, put, rep, &rep->flips[i]);
		sp_buf_puts(b, "</td></tr>\n");
	}
	sp_buf_puts(b, "</tbody>\n</table>\n");
}

/* A paragraph made by one phrase. */
static void
para(sp_buf *b, const sp_report *rep,
    void (*phrase)(sp_buf *, sp_put_fn *, const sp_report *))
{
	sp_buf_puts(b, "<p>");
	phrase(b, put, rep);
	sp_buf_puts(b, "</p>\n");
}

static void
how_sure(sp_buf *b, const sp_report *rep)
{
	const sp_analysis *a = rep->analysis;
	int i;

	if (a == NULL)
		return;
	sp_buf_printf(b, "<section>\n<h2>How sure: %s</h2>\n",
	    sp_label_name(a->label));
	if (a->winner < 0) {
		sp_buf_puts(b, "<p>The top options tie: any change to a weight "
		    "on which they differ decides it.</p>\n</section>\n");
		return;
	}
	para(b, rep, phrase_confidence);
	para(b, rep, phrase_methods);
	if (rep->nflips_shown > 0)
		flips(b, rep);
	if (rep->critical >= 0)
		para(b, rep, phrase_critical);
	if (rep->result->method == SP_METHOD_TOPSIS)
		sp_buf_puts(b, "<p>TOPSIS has no closed form for flip points; "
		    "rank with <code>--method wsm</code> or <code>wpm</code> "
		    "to see them.</p>\n");
	if (rep->ntrait_flips_shown > 0)
		sp_buf_puts(b, "<p>Answers that alone would change the "
		    "recommendation:</p>\n<ul>\n");
	for (i = 0; i < rep->ntrait_flips_shown; i++) {
		sp_buf_puts(b, "<li>");
		phrase_trait_flip(b, put, rep, &a->trait_flips[i]);
		sp_buf_puts(b, "</li>\n");
	}
	if (rep->ntrait_flips_shown > 0)
		sp_buf_puts(b, "</ul>\n");
	if (a->hybrid)
		para(b, rep, phrase_hybrid);
	sp_buf_puts(b, "</section>\n");
}

/* The reasons for (sign > 0) or against the winner. */
static void
reasons(sp_buf *b, const sp_report *rep, int sign)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int side = sign > 0 ? r->rank[0] : rep->runner_up;
	int other = sign > 0 ? rep->runner_up : r->rank[0];
	const int *ks = sign > 0 ? rep->pro : rep->con;
	int i, n = sign > 0 ? rep->npro : rep->ncon;

	if (n == 0)
		return;
	sp_buf_puts(b, sign > 0 ? "<section>\n<h2>Why " :
	    "<section>\n<h2>What speaks for ");
	put(b, m->options[side].label);
	sp_buf_puts(b, "</h2>\n<ul>\n");
	for (i = 0; i < n; i++) {
		const sp_crit_score *c = &r->crit[ks[i]];
		const sp_criterion *cr = &m->criteria[ks[i]];

		sp_buf_puts(b, "<li><strong>");
		put(b, cr->label);
		sp_buf_printf(b, "</strong>: %+.2f, weight %g (", c->lead,
		    c->weight);
		phrase_weight_from(b, put, r, ks[i]);
		sp_buf_puts(b, "). ");
		if (cr->from_team) {
			put(b, m->options[side].label);
			sp_buf_printf(b, " rated %g, ", c->rating[side]);
			put(b, m->options[other].label);
			sp_buf_printf(b, " %g from the team section",
			    c->rating[other]);
		} else
			put(b, cr->why[side]);
		sp_buf_puts(b, "</li>\n");
	}
	sp_buf_puts(b, "</ul>\n</section>\n");
}

/*
 * The criteria table.  Like the text report's, it explains the weighted
 * sum whatever method ranked: its last row adds up the contributions.
 */
static void
table(sp_buf *b, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	int i, k;

	sp_buf_puts(b, "<section>\n<h2>Criteria</h2>\n<table>\n<thead><tr>"
	    "<th scope=\"col\">Criterion</th><th scope=\"col\" class=\"n\">"
	    "Weight</th>");
	for (i = 0; i < m->noptions; i++) {
		sp_buf_puts(b, "<th scope=\"col\" class=\"n\">");
		put(b, m->options[r->rank[i]].label);
		sp_buf_puts(b, "</th>");
	}
	sp_buf_puts(b, "<th scope=\"col\" class=\"n\">Lead</th></tr></thead>\n"
	    "<tbody>\n");
	for (k = 0; k < m->ncriteria; k++) {
		const sp_crit_score *c = &r->crit[k];

		sp_buf_puts(b, "<tr><th scope=\"row\">");
		put(b, m->criteria[k].label);
		sp_buf_printf(b, "</th><td class=\"n\">%.1f</td>", c->weight);
		for (i = 0; i < m->noptions; i++)
			sp_buf_printf(b, "<td class=\"n\">%.1f</td>",
			    c->rating[r->rank[i]]);
		sp_buf_printf(b, "<td class=\"n\">%+.2f</td></tr>\n", c->lead);
	}
	sp_buf_printf(b, "</tbody>\n<tfoot><tr><th scope=\"row\">%s</th>"
	    "<td class=\"n\">%.1f</td>", r->method == SP_METHOD_WSM ?
	    "Score" : "Weighted sum", r->total_weight);
	for (i = 0; i < m->noptions; i++)
		sp_buf_printf(b, "<td class=\"n\">%.2f</td>",
		    rep->sum[r->rank[i]]);
	sp_buf_printf(b, "<td class=\"n\">%+.2f</td></tr></tfoot>\n</table>\n"
	    "<p class=\"muted\">Lead: weight &times; rating gap / total weight, "
	    "what each criterion adds to ", rep->sum_lead);
	put(b, m->options[r->rank[0]].label);
	sp_buf_puts(b, "&#8217;s margin over ");
	put(b, m->options[r->rank[1]].label);
	sp_buf_puts(b, ".</p>\n</section>\n");
}

/* The numbers of chart c as a table, for those who cannot see it. */
static void
chart_table(sp_buf *b, const sp_report *rep, const chart *c)
{
	int i;

	sp_buf_printf(b, "<table class=\"chart-data\">\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">",
	    c->kind == CHART_SCORES ? "Option" : "Criterion");
	put(b, chart_axis_title(c));
	sp_buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < c->nbars; i++) {
		sp_buf_puts(b, "<tr><th scope=\"row\">");
		chart_bar_label(b, put, rep, c, i);
		sp_buf_puts(b, "</th><td class=\"n\">");
		chart_bar_value(b, c, i);
		sp_buf_puts(b, "</td></tr>\n");
	}
	sp_buf_puts(b, "</tbody>\n</table>\n");
}

/* Each chart as a figure: its summary, the SVG, and its numbers. */
static void
charts(sp_buf *b, const sp_report *rep)
{
	chart_set cs;
	int i;

	chart_build(&cs, rep);
	if (cs.ncharts == 0)
		return;
	sp_buf_puts(b, "<section>\n<h2>Charts</h2>\n");
	for (i = 0; i < cs.ncharts; i++) {
		sp_buf_puts(b, "<figure>\n<figcaption>");
		chart_summary(b, put, rep, &cs.chart[i]);
		sp_buf_puts(b, "</figcaption>\n");
		chart_svg(b, rep, &cs.chart[i], i + 1);
		chart_table(b, rep, &cs.chart[i]);
		sp_buf_puts(b, "</figure>\n");
	}
	sp_buf_puts(b, "</section>\n");
}

static void
advice(sp_buf *b, const char *heading, const char *class,
    const sp_advice *const *a, int n)
{
	int i;

	if (n == 0)
		return;
	sp_buf_printf(b, "<section>\n<h2>%s</h2>\n<ul%s>\n", heading, class);
	for (i = 0; i < n; i++) {
		sp_buf_puts(b, "<li>");
		put(b, a[i]->text);
		sp_buf_puts(b, "</li>\n");
	}
	sp_buf_puts(b, "</ul>\n</section>\n");
}

static void
pitfalls_and_notes(sp_buf *b, const sp_report *rep)
{
	const sp_result *r = rep->result;
	sp_buf h = SP_BUF_INIT;
	int i;

	sp_buf_puts(&h, "Pitfalls to avoid");
	if (rep->winner >= 0) {
		sp_buf_puts(&h, " with ");
		put(&h, rep->matrix->options[rep->winner].label);
	}
	advice(b, sp_buf_cstr(&h), "", r->pitfalls, r->npitfalls);
	b->oom |= h.oom;
	sp_buf_free(&h);
	advice(b, "Suggested frameworks and tooling", "", r->tools, r->ntools);
	if (r->nnotes == 0)
		return;
	sp_buf_puts(b, "<section>\n<h2>Notes</h2>\n<ul>\n");
	for (i = 0; i < r->nnotes; i++) {
		sp_buf_puts(b, "<li>");
		phrase_note(b, put, r, i);
		sp_buf_puts(b, "</li>\n");
	}
	sp_buf_puts(b, "</ul>\n</section>\n");
}

static void
baseline(sp_buf *b, const sp_report *rep)
{
	const sp_gate *base = rep->baseline;
	int i;

	sp_buf_puts(b, "<table>\n<caption>Moved since the baseline</caption>\n"
	    "<thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\" "
	    "class=\"n\">Weight before</th><th scope=\"col\" class=\"n\">"
	    "Weight now</th><th scope=\"col\" class=\"n\">Lead before</th>"
	    "<th scope=\"col\" class=\"n\">Lead now</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < base->nmoves; i++) {
		const sp_move *mv = &base->moves[i];

		sp_buf_puts(b, "<tr><th scope=\"row\">");
		put(b, rep->matrix->criteria[mv->criterion].label);
		sp_buf_printf(b, "</th><td class=\"n\">%.1f</td><td class=\"n\">"
		    "%.1f</td><td class=\"n\">%+.2f</td><td class=\"n\">%+.2f"
		    "</td></tr>\n", mv->weight_before, mv->weight_after,
		    mv->lead_before, mv->lead_after);
	}
	sp_buf_puts(b, "</tbody>\n</table>\n");
}

static void
gates(sp_buf *b, const sp_report *rep)
{
	const sp_gates *g = rep->gates;
	int i;

	if (g == NULL)
		return;
	sp_buf_puts(b, "<section>\n<h2>Gates</h2>\n<table>\n<thead><tr>"
	    "<th scope=\"col\">Gate</th><th scope=\"col\">Result</th>"
	    "<th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < g->ngates; i++) {
		const sp_gate *gt = &g->gate[i];

		sp_buf_puts(b, "<tr><th scope=\"row\">");
		put(b, gt->name);
		sp_buf_puts(b, gt->passed ? "</th><td>pass</td><td>" :
		    "</th><td class=\"fail\">FAIL</td><td>");
		put(b, gt->detail);
		sp_buf_puts(b, "</td></tr>\n");
	}
	sp_buf_puts(b, "</tbody>\n</table>\n");
	if (rep->baseline != NULL)
		baseline(b, rep);
	sp_buf_puts(b, "</section>\n");
}

/* The musts: what each option screened out fails, and what relaxing
   one would bring back. */
static void
musts(sp_buf *b, const sp_report *rep)
{
	const sp_screen *s = rep->screen;
	int i;

	if (s == NULL)
		return;
	sp_buf_puts(b, "<section>\n<h2>Musts</h2>\n<ul>\n");
	for (i = 0; i < s->nout; i++) {
		sp_buf_puts(b, "<li>Out: ");
		phrase_screened(b, put, rep, i);
		sp_buf_puts(b, "</li>\n");
	}
	for (i = 0; s->nout == 0 && i < s->nmusts; i++) {
		sp_buf_puts(b, "<li>Every option meets ");
		phrase_must(b, put, rep, i);
		sp_buf_puts(b, ".</li>\n");
	}
	for (i = 0; i < s->nrelax; i++) {
		sp_buf_puts(b, "<li>");
		phrase_relax(b, put, rep, i);
		sp_buf_puts(b, "</li>\n");
	}
	sp_buf_puts(b, "</ul>\n</section>\n");
}

static void
footer(sp_buf *b, const sp_report *rep)
{
	sp_buf_puts(b, "<footer><p>Scored by stackpick against the matrix "
	    "&#8220;");
	put(b, rep->matrix->name);
	sp_buf_puts(b, "&#8221; from ");
	put(b, rep->input);
	sp_buf_puts(b, ".</p></footer>\n</main>\n</body>\n</html>\n");
}

/* A run in which fewer than two options met the musts. */
static sp_status
screen_only(sp_buf *b, const sp_report *rep)
{
	head(b, rep);
	sp_buf_puts(b, "<h1>");
	put(b, rep->title);
	if (rep->decided == SP_DECIDED_NONE) {
		sp_buf_puts(b, ": no recommendation");
	} else {
		sp_buf_puts(b, ": ");
		put(b, rep->full->options[rep->only].label);
		sp_buf_puts(b, " recommended");
	}
	sp_buf_puts(b, "</h1>\n<p class=\"verdict\">");
	phrase_screen_verdict(b, put, rep);
	sp_buf_puts(b, "</p>\n");
	musts(b, rep);
	gates(b, rep);
	footer(b, rep);
	return b->oom ? SP_ENOMEM : SP_OK;
}

sp_status
sp_render_html(sp_buf *b, const sp_report *rep, const sp_render_opts *opts)
{
	const sp_result *r = rep->result;

	if (r == NULL)
		return screen_only(b, rep);
	head(b, rep);
	headline(b, rep);
	how_sure(b, rep);
	reasons(b, rep, 1);
	reasons(b, rep, -1);
	table(b, rep);
	if (!opts->no_charts)
		charts(b, rep);
	advice(b, "Checklist", " class=\"checklist\"", r->checklist,
	    r->nchecklist);
	pitfalls_and_notes(b, rep);
	musts(b, rep);
	gates(b, rep);
	footer(b, rep);
	return b->oom ? SP_ENOMEM : SP_OK;
}
