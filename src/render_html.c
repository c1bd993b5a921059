/*
 * The HTML view of a report: one self-contained HTML5 file, with the
 * same content as the text report (the recommendation first, how sure it
 * is, the reasons, the criteria, the charts as inline SVG, checklist,
 * pitfalls, tooling, notes and gates).  It fetches nothing and runs no
 * script: its Content-Security-Policy allows its own style sheet and
 * nothing else, so it opens offline and in a strict viewer.  Every piece
 * of matrix, profile or file-name text goes through escape_xml().
 * markup.c walks the report's sections; this file says how HTML marks
 * them up, and writes the page around them and the charts' figures.
 */
#include "stackpick/render.h"
#include "chart.h"
#include "escape.h"
#include "markup.h"
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
head(sp_buf *b, const sp_report *rep)
{
	sp_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src '%s'\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"generator\" content=\"stackpick\">\n<title>",
	    css_sha256);
	phrase_title(b, escape_xml, rep);
	sp_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n"
	    "<main>\n", css);
}

/* The numbers of chart c as a table, for those who cannot see it. */
static void
chart_table(sp_buf *b, const sp_report *rep, const chart *c)
{
	int i;

	sp_buf_printf(b, "<table class=\"chart-data\">\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">",
	    c->kind == CHART_SCORES ? "Option" : "Criterion");
	escape_xml(b, chart_axis_title(c));
	sp_buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < c->nbars; i++) {
		sp_buf_puts(b, "<tr><th scope=\"row\">");
		chart_bar_label(b, escape_xml, rep, c, i);
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
		chart_summary(b, escape_xml, rep, &cs.chart[i]);
		sp_buf_puts(b, "</figcaption>\n");
		chart_svg(b, rep, &cs.chart[i], i + 1);
		chart_table(b, rep, &cs.chart[i]);
		sp_buf_puts(b, "</figure>\n");
	}
	sp_buf_puts(b, "</section>\n");
}

/* HTML's blocks are its elements; the charts draw as SVG figures. */
static const sp_markup html = {
	.put = escape_xml,
	.parts = MARKUP_GROUP | MARKUP_MUSTS | MARKUP_SOURCES |
	    MARKUP_VALUE_FLIPS | MARKUP_NO_FLIPS | MARKUP_EVIDENCE |
	    MARKUP_RANKS | MARKUP_NO_REASONS | MARKUP_MEASURED |
	    MARKUP_PAIRWISE | MARKUP_FLIPS_CAPTION | MARKUP_CHARTS,
	.h1 = { "<h1>", "</h1>\n" },
	.section = { "<section>\n", "</section>\n" },
	.h2 = { "<h2>", "</h2>\n" },
	.p = { { "<p>", "</p>\n" }, { "<p class=\"verdict\">", "</p>\n" },
	    { "<p class=\"muted\">", "</p>\n" } },
	.sentence = "</p>\n<p>",
	.ul = { { "<ul>\n", "</ul>\n" },
	    { "<ul class=\"checklist\">\n", "</ul>\n" } },
	.li = { { "<li>", "</li>\n" }, { "<li>", "</li>\n" } },
	.strong = { "<strong>", "</strong>" },
	.code = { "<code>", "</code>" },
	.table = "<table>\n",
	.caption = { "<caption>", "</caption>\n" },
	.row = { { "<thead><tr>", "</tr></thead>\n" }, { "<tr>", "</tr>\n" },
	    { "</tbody>\n<tfoot><tr>", "</tr></tfoot>\n" } },
	.cell = { { "<th scope=\"col\">", "</th>" },
	    { "<th scope=\"col\" class=\"n\">", "</th>" },
	    { "<th scope=\"row\">", "</th>" }, { "<td>", "</td>" },
	    { "<td class=\"n\">", "</td>" },
	    { "<td class=\"fail\">", "</td>" } },
	.rule = { "", "" },
	.rule_end = "<tbody>\n",
	.table_end = { "</tbody>\n</table>\n", "</table>\n" },
	.total = { "", "" },
	.times = "&times;",
	.apostrophe = "&#8217;",
	.charts = charts,
};

sp_status
sp_render_html(sp_buf *b, const sp_report *rep, const sp_render_opts *opts)
{
	head(b, rep);
	if (markup_render(b, rep, &html, opts) != SP_OK)
		return SP_ENOMEM;
	sp_buf_puts(b, "<footer><p>Scored by stackpick against the matrix "
	    "&#8220;");
	escape_xml(b, rep->matrix->name);
	sp_buf_puts(b, "&#8221; from ");
	escape_xml(b, rep->input);
	sp_buf_puts(b, ".</p></footer>\n</main>\n</body>\n</html>\n");
	return b->oom ? SP_ENOMEM : SP_OK;
}
