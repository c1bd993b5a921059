/*
 * Architecture decision records on the command line (see record.h).
 */
#include <string.h>
#include <sys/stat.h>

#include "msg.h"
#include "record.h"

/* Whether a and b name the same directory. */
static int
same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * The directory and style: --adr-dir's, or the one the tools would find.
 * A given directory takes the style the tools' markers give it when they
 * lead to it, and MADR's otherwise; --adr-style overrides either.
 */
static sp_status
choose_dir(struct record *rec, const struct config *cfg, sp_error *err)
{
	sp_buf found = SP_BUF_INIT;
	sp_adr_style style = SP_ADR_MADR;
	sp_status rc;

	rc = sp_adr_find_dir(&found, &style, err);
	if (rc == SP_OK && cfg->adr_dir != NULL) {
		sp_buf_puts(&rec->dir, cfg->adr_dir);
		if (!same_dir(cfg->adr_dir, sp_buf_cstr(&found)))
			style = SP_ADR_MADR;
	} else if (rc == SP_OK)
		sp_buf_puts(&rec->dir, sp_buf_cstr(&found));
	sp_buf_free(&found);
	/* "doc/adr/" and "doc/adr" are one directory. */
	while (rec->dir.len > 1 && rec->dir.ptr[rec->dir.len - 1] == '/')
		rec->dir.ptr[--rec->dir.len] = '\0';
	rec->adr.style = cfg->adr_style >= 0 ? (sp_adr_style)cfg->adr_style :
	    style;
	return rc;
}

int
record_setup(struct record *rec, const struct config *cfg)
{
	int adr = strcmp(cfg->format->name, "adr") == 0;
	int named = cfg->adr_dir != NULL || cfg->adr_new;
	sp_error err;
	sp_status rc = SP_OK;

	memset(rec, 0, sizeof(*rec));
	sp_adr_init(&rec->adr);
	sp_buf_init(&rec->dir);
	rec->active = adr || named;
	rec->write = adr && named;
	if (!rec->active)
		return 0;
	sp_error_clear(&err);
	if (cfg->adr_style >= 0)
		rec->adr.style = (sp_adr_style)cfg->adr_style;
	if (cfg->adr_status != NULL)
		rec->adr.status = cfg->adr_status;
	rec->adr.deciders = cfg->adr_deciders;
	rec->adr.matrix_path = cfg->matrix_path;
	rec->adr.baseline_path = cfg->baseline_path;
	rec->adr.spec = &cfg->spec;
	if (cfg->has_supersedes)
		rec->adr.supersedes = (int)cfg->supersedes;
	if ((rc = sp_adr_set_date(&rec->adr, &err)) == SP_OK && named)
		rc = choose_dir(rec, cfg, &err);
	if (rc == SP_OK)
		return 0;
	if (rc == SP_EUSAGE) {
		msg_usage("%s", err.message);
		return SP_EXIT_USAGE;
	}
	msg_error(&err);
	return msg_exit_code(rc);
}

void
record_free(struct record *rec)
{
	sp_adr_free(&rec->adr);
	sp_buf_free(&rec->dir);
}

sp_status
record_plan(struct record *rec, const struct config *cfg,
    const sp_report *rep, sp_error *err)
{
	sp_buf title = SP_BUF_INIT;
	sp_status rc = SP_OK;
	int n;

	if (rec->dir.len == 0)
		return SP_OK;
	if (!rec->write) {
		/* JSON names the newest record of this decision. */
		sp_buf_clear(&rec->adr.file);
		rec->adr.number = n = sp_adr_lookup(sp_buf_cstr(&rec->dir), rep);
		sp_adr_title(&title, rep);
		if (n > 0) {
			sp_buf_printf(&rec->adr.file, "%04d-", n);
			sp_adr_slug(&rec->adr.file, sp_buf_cstr(&title));
			sp_buf_puts(&rec->adr.file, ".md");
		}
		sp_buf_free(&title);
		return SP_OK;
	}
	if (!cfg->has_supersedes && cfg->baseline_path != NULL)
		rc = sp_adr_baseline_number(&rec->adr.supersedes,
		    cfg->baseline_path, rep->input, err);
	if (rc == SP_OK)
		rc = sp_adr_plan(&rec->adr, sp_buf_cstr(&rec->dir), rep, err);
	return rc;
}

sp_status
record_write(struct record *rec, sp_buf *out, const sp_report *rep,
    const sp_render_opts *ro, sp_error *err)
{
	sp_buf text = SP_BUF_INIT, title = SP_BUF_INIT, path = SP_BUF_INIT;
	sp_status rc;

	sp_adr_title(&title, rep);
	if ((rc = sp_render_adr(&text, rep, ro)) != SP_OK || title.oom)
		rc = sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	else
		rc = sp_adr_write(&path, &rec->adr, sp_buf_cstr(&rec->dir),
		    sp_buf_cstr(&title), text.ptr, text.len, err);
	if (rc == SP_OK)
		sp_buf_printf(out, "%s\n", sp_buf_cstr(&path));
	sp_buf_free(&text);
	sp_buf_free(&title);
	sp_buf_free(&path);
	return rc;
}
