/*
 * What a run does besides scoring profiles: the version, the starter
 * profile of --init, the lists of formats, options and criteria, and the
 * whole matrix; and the check of --expect against the matrix.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#include "stackpick/file.h"
#include "stackpick/limits.h"
#include "stackpick/render_matrix.h"
#include "actions.h"
#include "decode.h"
#include "msg.h"

#ifndef SP_VERSION
#define SP_VERSION "0.0.0"
#endif

/* The version and, when asked, the libraries it runs with. */
void
actions_version(sp_buf *b, int verbose)
{
	sp_buf_printf(b, "stackpick %s\n", SP_VERSION);
	if (!verbose) {
		sp_buf_puts(b, "Copyright (c) 2026 The stackpick authors.\n"
		    "License: MIT <https://opensource.org/licenses/MIT>.\n"
		    "This is free software: you are free to change and "
		    "redistribute it.\nThere is NO WARRANTY, to the extent "
		    "permitted by law.\n");
		return;
	}
	sp_buf_printf(b, "libyaml %s\n", yaml_get_version_string());
#if JANSSON_VERSION_HEX >= 0x020d00
	sp_buf_printf(b, "jansson %s\n", jansson_version_str());
#else
	sp_buf_printf(b, "jansson %s\n", JANSSON_VERSION);
#endif
}

/*
 * Writes m's starter profile (its defaults, and any --weight given) to
 * the --init file, or to stdout without one or with "-".
 */
static sp_status
write_init(sp_buf *out, const struct config *cfg, const sp_matrix *m,
    sp_error *err)
{
	const char *path = cfg->init_path;
	sp_profile prof;
	char *text = NULL;
	size_t len;
	sp_status rc = SP_OK;
	int i;

	sp_profile_defaults(&prof, m);
	for (i = 0; rc == SP_OK && i < cfg->nweights; i++)
		rc = sp_profile_set_weight(&prof, m,
		    cfg->weights[i], err);
	if (rc == SP_OK)
		rc = sp_profile_write(&text, &len, &prof, m, err);
	if (rc == SP_OK && (path == NULL || strcmp(path, "-") == 0))
		sp_buf_putn(out, text, len);
	else if (rc == SP_OK)
		rc = sp_file_write_atomic(path, text, len, cfg->force, err);
	free(text);
	return rc;
}

/* The usage error for --list-criteria ID with an ID m does not know. */
static sp_status
unknown_criterion(const sp_matrix *m, const char *id, sp_error *err)
{
	const char *ids[SP_MAX_CRITERIA], *guess;
	int i;

	for (i = 0; i < m->ncriteria; i++)
		ids[i] = m->criteria[i].id;
	guess = dec_suggest(id, ids, m->ncriteria);
	return sp_error_set(err, SP_EUSAGE, "", 0, 0, "--list-criteria: "
	    "unknown criterion '%s'%s%s%s", id, guess ? " (did you mean '" :
	    "", guess ? guess : "", guess ? "'?)" : "");
}

/* The actions that print something about the matrix or the program. */
sp_status
actions_run(sp_buf *out, const struct config *cfg, const sp_matrix *m,
    sp_render_opts *ro, sp_error *err)
{
	const sp_format *f;
	size_t i, n;

	switch (cfg->action) {
	case ACTION_INIT:
		return write_init(out, cfg, m, err);
	case ACTION_LIST_FORMATS:
		for (f = sp_formats(&n), i = 0; i < n; i++)
			sp_buf_printf(out, "%-10s %s\n", f[i].name,
			    f[i].help);
		return SP_OK;
	case ACTION_LIST_OPTIONS:
	case ACTION_LIST_CRITERIA:
	case ACTION_SHOW_MATRIX:
		if (cfg->criterion != NULL &&
		    (ro->only = 1 + sp_matrix_criterion(m,
		    cfg->criterion)) == 0)
			return unknown_criterion(m, cfg->criterion, err);
		f = cfg->format->matrix != NULL ? cfg->format :
		    sp_format_find("text");
		return f->matrix(out, m, cfg->action ==
		    ACTION_LIST_OPTIONS ? SP_VIEW_OPTIONS : cfg->action ==
		    ACTION_LIST_CRITERIA ? SP_VIEW_CRITERIA : SP_VIEW_ALL,
		    ro);
	default:
		return SP_OK;
	}
}

/* Checks --expect against the matrix before any profile is read. */
int
actions_check_expect(const struct config *cfg, const sp_matrix *m)
{
	sp_buf ids = SP_BUF_INIT;
	int i;

	if (cfg->spec.expect == NULL ||
	    sp_matrix_option(m, cfg->spec.expect) >= 0)
		return 0;
	for (i = 0; i < m->noptions; i++)
		sp_buf_printf(&ids, "%s%s", i == 0 ? "" : i + 1 < m->noptions ?
		    ", " : " or ", m->options[i].id);
	msg_usage("--expect: unknown option '%s' (expected %s)",
	    cfg->spec.expect, sp_buf_cstr(&ids));
	sp_buf_free(&ids);
	return SP_EXIT_USAGE;
}
