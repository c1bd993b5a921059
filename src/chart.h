/*
 * The charts of a report.  Their numbers come from the report model and
 * the result it explains, taken once (chart_build), never computed again
 * another way; then each is drawn as Mermaid for Markdown or as SVG for
 * HTML, with the same title, summary and labels in both.
 *
 * Every chart is of horizontal bars on an axis that starts at 0 (the
 * scores' axis at the scale's minimum when that is below 0), and says
 * so: a bar's length is its value.  What speaks against the recommended
 * option is a chart of its own rather than bars below zero, since Mermaid
 * draws every bar from the axis' minimum.
 */
#ifndef SP_CHART_H
#define SP_CHART_H

#include "stackpick/buf.h"
#include "stackpick/report.h"

/* Most bars one chart draws: the largest, or the nearest flips. */
#define CHART_BARS 16

#define CHART_MAX 4

typedef enum {
	CHART_FOR,     /* criteria that add to the leader's lead */
	CHART_AGAINST, /* criteria that speak for the runner-up instead */
	CHART_FLIP,    /* how far each weight is from changing the answer */
	CHART_SCORES   /* every option's score, with three or more options */
} chart_kind;

typedef struct {
	int index;     /* criterion, or option for CHART_SCORES */
	double value;  /* points of lead (FOR, AGAINST, as a positive
	                  number), % change of the weight (FLIP), score */
	int direction; /* CHART_FLIP: +1 the weight has to grow, -1 fall */
} chart_bar;

typedef struct {
	chart_kind kind;
	chart_bar bar[CHART_BARS];
	int nbars;
	int ncandidates; /* bars it would have without the CHART_BARS cap */
	double axis_min, axis_max;
} chart;

typedef struct {
	chart chart[CHART_MAX];
	int ncharts;
} chart_set;

/* Takes the charts of rep, in the order they are shown. */
void chart_build(chart_set *cs, const sp_report *rep);

/* "What speaks for NodeJS over Python (points of lead, from 0)". */
void chart_title(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c);

/* One sentence that says what the chart shows, for people who cannot
   see it and for renderers that cannot draw it. */
void chart_summary(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c);

/* Bar i's label: the criterion or option, and for a flip "(raise)" or
   "(lower)". */
void chart_bar_label(sp_buf *b, sp_put_fn *put, const sp_report *rep,
    const chart *c, int i);

/* Bar i's value as the chart's text shows it: "+0.57", "35%", "4.59". */
void chart_bar_value(sp_buf *b, const chart *c, int i);

/* What the value axis measures: "points of lead". */
const char *chart_axis_title(const chart *c);

/* The chart as a fenced Mermaid xychart-beta block. */
void chart_mermaid(sp_buf *b, const sp_report *rep, const chart *c);

/*
 * The Markdown charts section of rep: a heading, then each chart with its
 * summary above it.  Nothing when rep has no chart.
 */
void chart_markdown(sp_buf *b, sp_put_fn *put, const sp_report *rep);

/*
 * The chart as an SVG element with a <title> and a <desc>, usable inline
 * in HTML or on its own.  id makes its element ids unique in a document.
 * Bars are drawn from x = CHART_SVG_PLOT_X, CHART_SVG_PLOT_W wide for
 * the whole axis, which the root element's data-axis-min and
 * data-axis-max give.
 */
void chart_svg(sp_buf *b, const sp_report *rep, const chart *c, int id);

#define CHART_SVG_PLOT_X 230
#define CHART_SVG_PLOT_W 340

#endif
