/*
 * The charts of a report (see chart.h): their numbers, their words, and
 * the two ways to draw them, Mermaid and SVG.
 */
#include <math.h>
#include <string.h>

#include "chart.h"
#include "escape.h"
#include "phrase.h"

/* Leads this small are nothing, as the report's reasons count them. */
#define LEAD_EPSILON 1e-12

/*
 * Mermaid hides every label of an axis when one is too wide for it, so
 * labels are cut to this many columns as it measures them; the summary
 * and the criteria table have them whole.
 */
#define MERMAID_LABEL_COLS 40

/* Mermaid's width for a chart (700 by default): room for the labels. */
#define MERMAID_WIDTH 900

/* SVG layout, in pixels. */
#define SVG_WIDTH 640
#define SVG_LABEL_END 222  /* labels end here, right-aligned */
#define SVG_LABEL_COLS 30  /* a longer label is cut, whole in <title> */
#define SVG_TOP 12
#define SVG_ROW 26
#define SVG_BAR 18
#define SVG_BOTTOM 40      /* tick labels and the axis title */
#define SVG_TICKS 5

/* The smallest of 1, 2, 2.5 and 5 times a power of ten that is >= v. */
static double
nice_max(double v)
{
	double p, f;

	if (!(v > 0) || !isfinite(v))
		return 1;
	p = pow(10, floor(log10(v)));
	f = v / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) *
	    p;
}

static void
add_bar(chart *c, int index, double value, int direction)
{
	c->ncandidates++;
	if (c->nbars == CHART_BARS)
		return;
	c->bar[c->nbars].index = index;
	c->bar[c->nbars].value = value;
	c->bar[c->nbars].direction = direction;
	c->nbars++;
}

static void
init(chart *c, chart_kind kind)
{
	memset(c, 0, sizeof(*c));
	c->kind = kind;
}

static void
keep(chart_set *cs, const chart *c)
{
	if (c->nbars > 0 && cs->ncharts < CHART_MAX)
		cs->chart[cs->ncharts++] = *c;
}

/*
 * The criteria's leads (the result's, as the criteria table shows them),
 * largest first: those for the leader in one chart, those for the
 * runner-up in another, both on one axis so that bars compare.
 */
static void
build_leads(chart_set *cs, const sp_report *rep)
{
	const sp_result *r = rep->result;
	int n = rep->matrix->ncriteria, i, k;
	chart pro, con;

	init(&pro, CHART_FOR);
	init(&con, CHART_AGAINST);
	for (i = 0; i < n; i++) {
		k = r->by_lead[i];
		if (r->crit[k].lead > LEAD_EPSILON)
			add_bar(&pro, k, r->crit[k].lead, 0);
		k = r->by_lead[n - 1 - i];
		if (r->crit[k].lead < -LEAD_EPSILON)
			add_bar(&con, k, -r->crit[k].lead, 0);
	}
	pro.axis_max = con.axis_max = nice_max(fmax(
	    pro.nbars > 0 ? pro.bar[0].value : 0,
	    con.nbars > 0 ? con.bar[0].value : 0));
	keep(cs, &pro);
	keep(cs, &con);
}

/* The analysis' flip points, nearest first, as % change of the weight. */
static void
build_flips(chart_set *cs, const sp_report *rep)
{
	chart c;
	double top = 0;
	int i;

	init(&c, CHART_FLIP);
	for (i = 0; i < rep->nflips; i++) {
		const sp_flip *f = rep->flips[i].flip;

		if (!isfinite(f->relative_change))
			continue;
		add_bar(&c, f->criterion, f->relative_change * 100,
		    rep->flips[i].direction);
		top = fmax(top, f->relative_change * 100);
	}
	c.axis_max = nice_max(top);
	keep(cs, &c);
}

/* Every option's score in the ranking method, best first. */
static void
build_scores(chart_set *cs, const sp_report *rep)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	chart c;
	int i;

	if (m->noptions < 3)
		return;
	init(&c, CHART_SCORES);
	for (i = 0; i < m->noptions; i++)
		add_bar(&c, r->rank[i], r->score[r->rank[i]], 0);
	if (r->method == SP_METHOD_TOPSIS) {
		c.axis_max = 1;
	} else {
		c.axis_min = fmin(0, m->scale_min);
		c.axis_max = fmax(0, m->scale_max);
	}
	keep(cs, &c);
}

void
chart_build(chart_set *cs, const sp_report *rep)
{
	cs->ncharts = 0;
	build_leads(cs, rep);
	build_flips(cs, rep);
	build_scores(cs, rep);
}

static const char *
label_of(const sp_report *rep, const chart *c, int i)
{
	int k = c->bar[i].index;

	return c->kind == CHART_SCORES ? rep->matrix->options[k].label :
	    rep->matrix->criteria[k].label;
}

/*
 * Bar i's label, unescaped, into tmp: cut to cols columns (as fit_fn
 * counts them) with an ellipsis when longer, and for a flip followed by
 * its direction.
 */
static void
short_label(sp_buf *tmp, const sp_report *rep, const chart *c, int i,
    size_t (*fit_fn)(const char *, size_t), size_t cols)
{
	size_t fit;

	sp_buf_clear(tmp);
	sp_buf_puts(tmp, label_of(rep, c, i));
	fit = fit_fn(sp_buf_cstr(tmp), cols);
	if (fit < tmp->len) {
		sp_buf_cut(tmp, fit);
		sp_buf_puts(tmp, "\xE2\x80\xA6");
	}
	if (c->kind == CHART_FLIP)
		sp_buf_puts(tmp, c->bar[i].direction > 0 ? " (raise)" :
		    " (lower)");
}

const char *
chart_axis_title(const chart *c)
{
	switch (c->kind) {
	case CHART_FOR:
	case CHART_AGAINST:
		return "points of lead";
	case CHART_FLIP:
		return "% change of the weight";
	default:
		return "score";
	}
}

void
chart_title(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c)
{
	const sp_result *r = rep->result;
	const sp_option *o = rep->matrix->options;
	int first = c->kind == CHART_FOR ? r->rank[0] : rep->runner_up;
	int second = c->kind == CHART_FOR ? rep->runner_up : r->rank[0];

	switch (c->kind) {
	case CHART_FOR:
	case CHART_AGAINST:
		sp_buf_puts(b, "What speaks for ");
		put(b, o[first].label);
		sp_buf_puts(b, " over ");
		put(b, o[second].label);
		break;
	case CHART_FLIP:
		sp_buf_puts(b, "How far each weight is from changing the answer");
		break;
	case CHART_SCORES:
		sp_buf_printf(b, "Score of each option%s",
		    r->method == SP_METHOD_TOPSIS ? " (TOPSIS closeness)" :
		    r->method == SP_METHOD_WPM ? " (weighted product)" : "");
		break;
	}
	sp_buf_puts(b, " (");
	if (c->kind != CHART_SCORES) {
		put(b, chart_axis_title(c));
		sp_buf_puts(b, ", ");
	}
	sp_buf_printf(b, "from %g)", c->axis_min);
}

void
chart_bar_label(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c, int i)
{
	put(b, label_of(rep, c, i));
	if (c->kind == CHART_FLIP)
		sp_buf_puts(b, c->bar[i].direction > 0 ? " (raise)" :
		    " (lower)");
}

void
chart_bar_value(sp_buf *b, const chart *c, int i)
{
	double v = c->bar[i].value;

	if (c->kind == CHART_FOR)
		sp_buf_printf(b, "+%.2f", v);
	else if (c->kind == CHART_FLIP)
		sp_buf_printf(b, "%.0f%%", v);
	else
		sp_buf_printf(b, "%.2f", v);
}

/* The summary of a flip chart: how many weights, and the nearest. */
static void
summary_flip(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c)
{
	const sp_flip *f = NULL;
	int i;

	for (i = 0; f == NULL && i < rep->nflips; i++)
		if (rep->flips[i].flip->criterion == c->bar[0].index)
			f = rep->flips[i].flip;
	if (f == NULL)
		return;
	sp_buf_printf(b, "%d weight%s can change the answer on %s own; the "
	    "nearest is ", c->ncandidates, c->ncandidates == 1 ? "" : "s",
	    c->ncandidates == 1 ? "its" : "their");
	put(b, label_of(rep, c, 0));
	sp_buf_printf(b, ", which would have to %s by %.0f%% (from ",
	    c->bar[0].direction > 0 ? "rise" : "fall", c->bar[0].value);
	phrase_weight(b, f->weight, f->flip_weight);
	sp_buf_puts(b, " to ");
	phrase_weight(b, f->flip_weight, f->weight);
	sp_buf_puts(b, ").");
}

void
chart_summary(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c)
{
	const sp_result *r = rep->result;
	int n = c->ncandidates, last = c->nbars - 1;

	switch (c->kind) {
	case CHART_FOR:
	case CHART_AGAINST:
		sp_buf_printf(b, "%d criteri%s speak%s for ", n, n == 1 ? "on" :
		    "a", n == 1 ? "s" : "");
		put(b, rep->matrix->options[c->kind == CHART_FOR ?
		    r->rank[0] : rep->runner_up].label);
		sp_buf_puts(b, n == 1 ? ": " : "; the most, ");
		put(b, label_of(rep, c, 0));
		sp_buf_printf(b, ", %s %.2f points of the weighted sum.",
		    n == 1 ? "worth" : "is worth", c->bar[0].value);
		break;
	case CHART_FLIP:
		summary_flip(b, put, rep, c);
		break;
	case CHART_SCORES:
		put(b, label_of(rep, c, 0));
		sp_buf_printf(b, " scores highest, %.2f, and ", c->bar[0].value);
		put(b, label_of(rep, c, last));
		sp_buf_printf(b, " lowest, %.2f, of %d options.",
		    c->bar[last].value, n);
		break;
	}
	if (c->nbars < n)
		sp_buf_printf(b, " The chart shows the first %d.", c->nbars);
}

void
chart_mermaid(sp_buf *b, const sp_report *rep, const chart *c)
{
	sp_buf tmp = SP_BUF_INIT;
	int i;

	sp_buf_printf(b, "```mermaid\n---\nconfig:\n  xyChart:\n    width: %d\n"
	    "---\nxychart-beta horizontal\n    title \"", MERMAID_WIDTH);
	chart_title(b, escape_mermaid, rep, c);
	sp_buf_puts(b, "\"\n    x-axis [");
	for (i = 0; i < c->nbars; i++) {
		sp_buf_puts(b, i > 0 ? ", \"" : "\"");
		short_label(&tmp, rep, c, i, escape_mermaid_fit,
		    MERMAID_LABEL_COLS);
		escape_mermaid(b, sp_buf_cstr(&tmp));
		sp_buf_putc(b, '"');
	}
	b->oom |= tmp.oom;
	sp_buf_free(&tmp);
	sp_buf_puts(b, "]\n    y-axis \"");
	escape_mermaid(b, chart_axis_title(c));
	sp_buf_printf(b, "\" %g --> %g\n    bar [", c->axis_min, c->axis_max);
	for (i = 0; i < c->nbars; i++)
		sp_buf_printf(b, "%s%.4f", i > 0 ? ", " : "", c->bar[i].value);
	sp_buf_puts(b, "]\n```\n");
}

void
chart_markdown(sp_buf *b, sp_put_fn *put, const sp_report *rep)
{
	chart_set cs;
	int i;

	chart_build(&cs, rep);
	if (cs.ncharts == 0)
		return;
	sp_buf_puts(b, "\n### Charts\n");
	for (i = 0; i < cs.ncharts; i++) {
		sp_buf_putc(b, '\n');
		chart_summary(b, put, rep, &cs.chart[i]);
		sp_buf_puts(b, "\n\n");
		chart_mermaid(b, rep, &cs.chart[i]);
	}
}

/* x of value v on the chart's axis. */
static double
svg_x(const chart *c, double v)
{
	double t = (v - c->axis_min) / (c->axis_max - c->axis_min);

	return CHART_SVG_PLOT_X + fmin(fmax(t, 0), 1) * CHART_SVG_PLOT_W;
}

/* The grid, the tick labels and the axis title below the bars. */
static void
svg_axis(sp_buf *b, const chart *c, int height)
{
	int bottom = height - SVG_BOTTOM, j;
	double v, x;

	sp_buf_printf(b, "<g class=\"axis\" stroke=\"currentColor\" "
	    "stroke-opacity=\"0.3\">");
	for (j = 0; j <= SVG_TICKS; j++) {
		x = CHART_SVG_PLOT_X + (double)CHART_SVG_PLOT_W * j / SVG_TICKS;
		sp_buf_printf(b, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" "
		    "y2=\"%d\"/>", x, SVG_TOP - 4, x, bottom + 4);
	}
	sp_buf_puts(b, "</g>\n<g class=\"ticks\" fill=\"currentColor\" "
	    "text-anchor=\"middle\">");
	for (j = 0; j <= SVG_TICKS; j++) {
		v = c->axis_min + (c->axis_max - c->axis_min) * j / SVG_TICKS;
		x = CHART_SVG_PLOT_X + (double)CHART_SVG_PLOT_W * j / SVG_TICKS;
		sp_buf_printf(b, "<text x=\"%.2f\" y=\"%d\">%g</text>", x,
		    bottom + 18, fabs(v) < 1e-12 ? 0 : v);
	}
	sp_buf_printf(b, "</g>\n<text class=\"axis-title\" x=\"%d\" y=\"%d\" "
	    "text-anchor=\"middle\" fill=\"currentColor\">", CHART_SVG_PLOT_X +
	    CHART_SVG_PLOT_W / 2, bottom + 34);
	escape_xml(b, chart_axis_title(c));
	sp_buf_printf(b, ", from %g</text>\n", c->axis_min);
}

/* One bar: its label (cut to fit; whole in the tooltip), rect, value. */
static void
svg_bar(sp_buf *b, sp_buf *tmp, const sp_report *rep, const chart *c,
    int i)
{
	static const char *const fill[] = { "#2e7d32", "#b45309", "#1d4ed8",
		"#475569" };
	static const char *const class[] = { "pro", "con", "flip", "score" };
	int y = SVG_TOP + i * SVG_ROW;
	double x0 = svg_x(c, c->axis_min), x1 = svg_x(c, c->bar[i].value);

	sp_buf_printf(b, "<g class=\"bar\"><title>");
	chart_bar_label(b, escape_xml, rep, c, i);
	sp_buf_puts(b, ": ");
	chart_bar_value(b, c, i);
	sp_buf_printf(b, "</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
	    "fill=\"currentColor\">", SVG_LABEL_END, y + SVG_BAR - 5);
	short_label(tmp, rep, c, i, sp_text_fit, SVG_LABEL_COLS);
	escape_xml(b, sp_buf_cstr(tmp));
	sp_buf_printf(b, "</text><rect class=\"%s\" x=\"%.2f\" y=\"%d\" "
	    "width=\"%.2f\" height=\"%d\" fill=\"%s\"/><text x=\"%.2f\" "
	    "y=\"%d\" fill=\"currentColor\">", class[c->kind], x0, y,
	    x1 - x0, SVG_BAR, fill[c->kind], x1 + 4, y + SVG_BAR - 5);
	chart_bar_value(b, c, i);
	sp_buf_puts(b, "</text></g>\n");
}

void
chart_svg(sp_buf *b, const sp_report *rep, const chart *c, int id)
{
	sp_buf tmp = SP_BUF_INIT;
	int height = SVG_TOP + c->nbars * SVG_ROW + SVG_BOTTOM, i;

	sp_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	    "height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" "
	    "aria-labelledby=\"chart%d-title chart%d-desc\" "
	    "data-axis-min=\"%g\" data-axis-max=\"%g\">\n<title "
	    "id=\"chart%d-title\">", SVG_WIDTH, height, SVG_WIDTH, height, id,
	    id, c->axis_min, c->axis_max, id);
	chart_title(b, escape_xml, rep, c);
	sp_buf_printf(b, "</title>\n<desc id=\"chart%d-desc\">", id);
	chart_summary(b, escape_xml, rep, c);
	sp_buf_puts(b, "</desc>\n");
	svg_axis(b, c, height);
	for (i = 0; i < c->nbars; i++)
		svg_bar(b, &tmp, rep, c, i);
	sp_buf_puts(b, "</svg>\n");
	b->oom |= tmp.oom;
	sp_buf_free(&tmp);
}
