/*
 * The Markdown view of a report, for pull-request comments and
 * architecture decision records: a heading with the recommendation, how
 * sure it is, the reasons on both sides, the criteria as a
 * GitHub-flavoured pipe table, the checklist as a task list, pitfalls,
 * tooling, notes and gates.  markup.c walks the report's sections; this
 * file says how Markdown marks them up.
 */
#include <string.h>

#include "stackpick/render.h"
#include "chart.h"
#include "escape.h"
#include "markup.h"

/*
 * Writes s so that it shows as written: Markdown punctuation is escaped
 * with a backslash (a table cell ends at an unescaped '|'), line breaks
 * and other control bytes become spaces, since a newline would end a list
 * item or a table row, and characters that reorder text become U+FFFD.
 */
void
sp_markdown_put(sp_buf *b, const char *s)
{
	size_t n;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((n = escape_bidi_len(s)) > 0) {
			sp_buf_puts(b, "\xEF\xBF\xBD");
			s += n - 1;
		} else if (c < 0x20 || c == 0x7f)
			sp_buf_putc(b, ' ');
		else if (strchr("\\`*_[]<|&~#", c) != NULL) {
			sp_buf_putc(b, '\\');
			sp_buf_putc(b, c);
		} else
			sp_buf_putc(b, c);
	}
}

static void
charts(sp_buf *b, const sp_report *rep)
{
	chart_markdown(b, sp_markdown_put, rep);
}

/*
 * Markdown's blocks each begin with the blank line that separates them
 * from the one before; a table's second row aligns its columns.
 */
static const sp_markup markdown = {
	.put = sp_markdown_put,
	.parts = MARKUP_GROUP | MARKUP_MUSTS | MARKUP_SOURCES |
	    MARKUP_VALUE_FLIPS | MARKUP_NO_FLIPS | MARKUP_EVIDENCE |
	    MARKUP_RANKS | MARKUP_NO_REASONS | MARKUP_MEASURED |
	    MARKUP_PAIRWISE | MARKUP_CHARTS,
	.h1 = { "## ", "\n" },
	.section = { "", "" },
	.h2 = { "\n### ", "\n" },
	.p = { { "\n", "\n" }, { "\n", "\n" }, { "\n", "\n" } },
	.sentence = "  ",
	.ul = { { "\n", "" }, { "\n", "" } },
	.li = { { "- ", "\n" }, { "- [ ] ", "\n" } },
	.strong = { "**", "**" },
	.code = { "`", "`" },
	.table = "\n",
	.caption = { "", ":\n\n" },
	.row = { { "|", "\n|" }, { "|", "\n" }, { "|", "\n" } },
	.cell = { { " ", " |" }, { " ", " |" }, { " ", " |" }, { " ", " |" },
	    { " ", " |" }, { " **", "** |" } },
	.rule = { " :-- |", " --: |" },
	.rule_end = "\n",
	.table_end = { "", "" },
	.total = { "**", "**" },
	.times = "\xC3\x97",     /* U+00D7 */
	.apostrophe = "'",
	.charts = charts,
};

sp_status
sp_render_markdown(sp_buf *b, const sp_report *rep,
    const sp_render_opts *opts)
{
	return markup_render(b, rep, &markdown, opts);
}
