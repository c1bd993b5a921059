/*
 * The table of output formats.  Adding a format is one renderer and one
 * row here: --format, --help, --list-formats (which the shell completions
 * read) and the tests all loop over this table.
 */
#include <string.h>

#include "stackpick/render.h"
#include "stackpick/render_matrix.h"

static const sp_format formats[] = {
	{ "text", "the report for people, wrapped to the terminal",
	    sp_render_text, sp_render_matrix_text, NULL, SP_FORMAT_SEPARATE },
	{ "json", "one JSON document per profile (JSON Lines)",
	    sp_render_json, sp_render_matrix_json, sp_render_json_error,
	    SP_FORMAT_LINES },
	{ "markdown", "GitHub-flavoured Markdown, for pull requests",
	    sp_render_markdown, NULL, NULL,
	    SP_FORMAT_SEPARATE | SP_FORMAT_CHARTS },
	{ "adr", "an architecture decision record (see --adr-style)",
	    sp_render_adr, NULL, NULL, SP_FORMAT_SEPARATE },
	{ "html", "one self-contained HTML page, with charts, for one profile",
	    sp_render_html, NULL, NULL, SP_FORMAT_CHARTS | SP_FORMAT_DOCUMENT },
};

const sp_format *
sp_formats(size_t *n)
{
	*n = sizeof(formats) / sizeof(formats[0]);
	return formats;
}

const sp_format *
sp_format_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}
