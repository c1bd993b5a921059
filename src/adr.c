/*
 * Architecture decision records (see stackpick/adr.h): names, numbers,
 * dates, the ADR directory, and superseding a record the way adr-tools
 * does.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "stackpick/adr.h"
#include "stackpick/file.h"

static const char *const style_names[SP_ADR_NSTYLES] = {
	"madr", "nygard", "log4brains"
};

void
sp_adr_init(sp_adr *a)
{
	memset(a, 0, sizeof(*a));
	a->style = SP_ADR_MADR;
	a->status = "proposed";
	sp_buf_init(&a->file);
	sp_buf_init(&a->old_title);
	sp_buf_init(&a->old_file);
}

void
sp_adr_free(sp_adr *a)
{
	if (a == NULL)
		return;
	sp_buf_free(&a->file);
	sp_buf_free(&a->old_title);
	sp_buf_free(&a->old_file);
}

int
sp_adr_style_parse(const char *name)
{
	int i;

	for (i = 0; i < SP_ADR_NSTYLES; i++)
		if (strcmp(name, style_names[i]) == 0)
			return i;
	return -1;
}

const char *
sp_adr_style_name(sp_adr_style s)
{
	return style_names[s];
}

sp_status
sp_adr_set_date(sp_adr *a, sp_error *err)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;
	char *end;
	long long v;

	if (sde != NULL && *sde != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (!isdigit((unsigned char)*sde) || *end != '\0' ||
		    errno == ERANGE || (long long)(time_t)v != v)
			return sp_error_set(err, SP_EUSAGE, "", 0, 0,
			    "SOURCE_DATE_EPOCH: '%s' is not a number of "
			    "seconds", sde);
		t = (time_t)v;
	} else
		t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL || strftime(a->date, sizeof(a->date),
	    "%Y-%m-%d", &tm) == 0)
		return sp_error_set(err, SP_EUSAGE, "", 0, 0,
		    "SOURCE_DATE_EPOCH: '%s' is out of range", sde ? sde : "");
	return SP_OK;
}

void
sp_adr_title(sp_buf *b, const sp_report *rep)
{
	sp_buf_puts(b, "Backend stack for ");
	sp_buf_puts(b, rep->title);
}

void
sp_adr_slug(sp_buf *b, const char *title)
{
	size_t start = b->len;
	int dash = 0;

	for (; *title; title++) {
		unsigned char c = (unsigned char)*title;

		if (c < 0x80 && isalnum(c)) {
			if (dash && b->len > start)
				sp_buf_putc(b, '-');
			sp_buf_putc(b, tolower(c));
			dash = 0;
		} else
			dash = 1;
	}
}

/* Appends word, quoted for a POSIX shell when it needs it. */
static void
shell_word(sp_buf *b, const char *word)
{
	const char *s;

	sp_buf_putc(b, ' ');
	if (*word != '\0' && strspn(word, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+-@%") ==
	    strlen(word)) {
		sp_buf_puts(b, word);
		return;
	}
	sp_buf_putc(b, '\'');
	for (s = word; *s; s++)
		if (*s == '\'')
			sp_buf_puts(b, "'\\''");
		else
			sp_buf_putc(b, *s);
	sp_buf_putc(b, '\'');
}

void
sp_adr_confirmation(sp_buf *b, const sp_report *rep, const sp_adr *a)
{
	const sp_result *r = rep->result;
	const sp_matrix *m = rep->matrix;
	const sp_gate_spec *g = a->spec;
	sp_buf w = SP_BUF_INIT;
	int k;

	sp_buf_puts(b, "stackpick --quiet");
	if (a->matrix_path != NULL) {
		shell_word(b, "--matrix");
		shell_word(b, a->matrix_path);
	}
	if (r != NULL && r->method != SP_METHOD_WSM) {
		shell_word(b, "--method");
		shell_word(b, sp_method_name(r->method));
	}
	for (k = 0; r != NULL && k < m->ncriteria; k++) {
		if (r->crit[k].override != SP_OVERRIDE_CLI)
			continue;
		sp_buf_clear(&w);
		sp_buf_printf(&w, "%s=%g", m->criteria[k].id,
		    r->crit[k].weight);
		shell_word(b, "--weight");
		shell_word(b, sp_buf_cstr(&w));
	}
	sp_buf_free(&w);
	if (rep->winner >= 0 || (r == NULL && rep->only >= 0)) {
		shell_word(b, "--expect");
		shell_word(b, r != NULL ? m->options[rep->winner].id :
		    rep->full->options[rep->only].id);
	}
	if (g != NULL && g->has_min_margin)
		sp_buf_printf(b, " --min-margin %g", g->min_margin);
	if (g != NULL && g->has_min_confidence)
		sp_buf_printf(b, " --min-confidence %g", g->min_confidence);
	if (a->baseline_path != NULL) {
		shell_word(b, "--baseline");
		shell_word(b, a->baseline_path);
	}
	shell_word(b, strcmp(rep->input, "<stdin>") == 0 ? "-" : rep->input);
}

/* Reads the file at path, of at most max bytes, into b. */
static sp_status
read_file(sp_buf *b, const char *path, size_t max, sp_error *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;
	int failed;

	if (f == NULL)
		return sp_error_set(err, SP_EINPUT, path, 0, 0, "%s",
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b->len <= max)
		sp_buf_putn(b, chunk, n);
	failed = ferror(f);
	fclose(f);
	if (failed)
		return sp_error_set(err, SP_EINPUT, path, 0, 0, "read error");
	if (b->len > max)
		return sp_error_set(err, SP_EDATA, path, 0, 0, "larger than "
		    "%zu bytes", max);
	return b->oom ? sp_error_set(err, SP_ENOMEM, path, 0, 0,
	    "out of memory") : SP_OK;
}

/* The first line of s, without blanks around it, appended to b. */
static void
put_trimmed_line(sp_buf *b, const char *s)
{
	size_t n;

	s += strspn(s, " \t");
	n = strcspn(s, "\r\n");
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
		s++;
		n -= 2;
	}
	sp_buf_putn(b, s, n);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Looks for the markers of an ADR directory in the directory prefix
 * ("" or a run of "../"): returns 1 and sets dir and style when one is
 * there.
 */
static int
find_here(sp_buf *dir, sp_adr_style *style, const char *prefix)
{
	sp_buf p = SP_BUF_INIT, text = SP_BUF_INIT;
	const char *key;
	int found = 1;

	sp_buf_printf(&p, "%s.adr-dir", prefix);
	if (read_file(&text, sp_buf_cstr(&p), 4096, NULL) == SP_OK) {
		sp_buf_puts(dir, prefix);
		put_trimmed_line(dir, sp_buf_cstr(&text));
		*style = SP_ADR_NYGARD;
		goto done;
	}
	sp_buf_clear(&p);
	sp_buf_printf(&p, "%sdoc/adr", prefix);
	if (is_dir(sp_buf_cstr(&p))) {
		sp_buf_puts(dir, sp_buf_cstr(&p));
		*style = SP_ADR_NYGARD;
		goto done;
	}
	sp_buf_clear(&p);
	sp_buf_clear(&text);
	sp_buf_printf(&p, "%s.log4brains.yml", prefix);
	if (read_file(&text, sp_buf_cstr(&p), 65536, NULL) == SP_OK) {
		key = strstr(sp_buf_cstr(&text), "adrFolder:");
		sp_buf_puts(dir, prefix);
		if (key != NULL)
			put_trimmed_line(dir, key + strlen("adrFolder:"));
		else
			sp_buf_puts(dir, "docs/adr");
		*style = SP_ADR_LOG4BRAINS;
		goto done;
	}
	sp_buf_clear(&p);
	sp_buf_printf(&p, "%sdocs/decisions", prefix);
	found = is_dir(sp_buf_cstr(&p));
	if (found) {
		sp_buf_puts(dir, sp_buf_cstr(&p));
		*style = SP_ADR_MADR;
	}
done:
	sp_buf_free(&p);
	sp_buf_free(&text);
	return found;
}

sp_status
sp_adr_find_dir(sp_buf *dir, sp_adr_style *style, sp_error *err)
{
	sp_buf prefix = SP_BUF_INIT, up = SP_BUF_INIT;
	struct stat here, parent;
	int level, top = 0;

	for (level = 0; level < 64 && !top; level++) {
		if (find_here(dir, style, sp_buf_cstr(&prefix)))
			break;
		/* The root is its own parent. */
		sp_buf_clear(&up);
		sp_buf_printf(&up, "%s..", sp_buf_cstr(&prefix));
		top = stat(prefix.len ? sp_buf_cstr(&prefix) : ".", &here) !=
		    0 || stat(sp_buf_cstr(&up), &parent) != 0 ||
		    (here.st_dev == parent.st_dev &&
		    here.st_ino == parent.st_ino);
		sp_buf_puts(&prefix, "../");
	}
	sp_buf_free(&up);
	if (level == 64 || top) {
		sp_buf_puts(dir, "docs/decisions");
		*style = SP_ADR_MADR;
	}
	sp_buf_free(&prefix);
	return dir->oom || prefix.oom ? sp_error_set(err, SP_ENOMEM, "", 0, 0,
	    "out of memory") : SP_OK;
}

/*
 * The number of a record's file name, NNNN-*.md, or -1 when name is not
 * one.
 */
static int
record_number(const char *name)
{
	size_t digits = strspn(name, "0123456789"), len = strlen(name);
	long n;

	if (digits == 0 || digits > 6 || name[digits] != '-' || len < 4 ||
	    strcmp(name + len - 3, ".md") != 0)
		return -1;
	n = strtol(name, NULL, 10);
	return (int)n;
}

/* What a walk over an ADR directory found. */
struct scan {
	const char *slug;   /* records whose name ends in this, or NULL */
	int want;           /* the record whose name to keep, or 0 */
	int max;            /* highest number */
	int newest;         /* highest number of a record with slug */
	sp_buf *file;       /* the name of record want */
};

static void
scan_dir(struct scan *s, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t sl = s->slug ? strlen(s->slug) : 0;
	int n;

	s->max = s->newest = 0;
	if (d == NULL)
		return;
	/* cppcheck-suppress readdirCalled ; one thread, and readdir_r is
	   deprecated */
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if ((n = record_number(e->d_name)) < 0)
			continue;
		if (n > s->max)
			s->max = n;
		if (s->slug != NULL && n > s->newest && len >= sl + 4 &&
		    e->d_name[len - sl - 4] == '-' &&
		    strncmp(e->d_name + len - sl - 3, s->slug, sl) == 0)
			s->newest = n;
		if (s->want > 0 && n == s->want && s->file != NULL &&
		    s->file->len == 0)
			sp_buf_puts(s->file, e->d_name);
	}
	closedir(d);
}

int
sp_adr_lookup(const char *dir, const sp_report *rep)
{
	sp_buf title = SP_BUF_INIT, slug = SP_BUF_INIT;
	struct scan s = { NULL, 0, 0, 0, NULL };

	sp_adr_title(&title, rep);
	sp_adr_slug(&slug, sp_buf_cstr(&title));
	s.slug = sp_buf_cstr(&slug);
	scan_dir(&s, dir);
	sp_buf_free(&title);
	sp_buf_free(&slug);
	return s.newest;
}

/* A record's title as adr-tools reads it: its first "# " heading. */
static void
record_title(sp_buf *title, const char *text)
{
	const char *line = text;

	while (*line != '\0' && strncmp(line, "# ", 2) != 0) {
		line += strcspn(line, "\n");
		line += *line == '\n';
	}
	if (*line != '\0')
		sp_buf_putn(title, line + 2, strcspn(line + 2, "\r\n"));
}

sp_status
sp_adr_plan(sp_adr *a, const char *dir, const sp_report *rep,
    sp_error *err)
{
	sp_buf title = SP_BUF_INIT, path = SP_BUF_INIT, text = SP_BUF_INIT;
	struct scan s = { NULL, 0, 0, 0, NULL };
	sp_status rc = SP_OK;

	s.want = a->supersedes;
	s.file = &a->old_file;
	sp_buf_clear(&a->file);
	sp_buf_clear(&a->old_file);
	sp_buf_clear(&a->old_title);
	scan_dir(&s, dir);
	if (s.max >= SP_ADR_NUMBER_MAX)
		rc = sp_error_set(err, SP_EDATA, dir, 0, 0, "no record number "
		    "is left after %d", s.max);
	else if (a->supersedes > 0 && a->old_file.len == 0)
		rc = sp_error_set(err, SP_EDATA, dir, 0, 0, "no record %d to "
		    "supersede", a->supersedes);
	if (rc == SP_OK && a->supersedes > 0) {
		sp_buf_printf(&path, "%s/%s", dir, sp_buf_cstr(&a->old_file));
		rc = read_file(&text, sp_buf_cstr(&path), SP_MAX_ADR_BYTES,
		    err);
		record_title(&a->old_title, sp_buf_cstr(&text));
	}
	a->number = s.max + 1;
	sp_adr_title(&title, rep);
	sp_buf_printf(&a->file, "%04d-", a->number);
	sp_adr_slug(&a->file, sp_buf_cstr(&title));
	sp_buf_puts(&a->file, ".md");
	sp_buf_free(&title);
	sp_buf_free(&path);
	sp_buf_free(&text);
	if (rc == SP_OK && (a->file.oom || a->old_title.oom))
		rc = sp_error_set(err, SP_ENOMEM, dir, 0, 0, "out of memory");
	return rc;
}

/* The record number a JSON result holds, or 0. */
static int
result_number(json_t *result)
{
	json_t *n = json_object_get(json_object_get(result, "record"),
	    "number");

	return json_is_integer(n) && json_integer_value(n) > 0 &&
	    json_integer_value(n) <= SP_ADR_NUMBER_MAX ?
	    (int)json_integer_value(n) : 0;
}

sp_status
sp_adr_baseline_number(int *number, const char *path, const char *input,
    sp_error *err)
{
	sp_buf text = SP_BUF_INIT;
	json_error_t je;
	json_t *j;
	size_t off = 0;
	int nresults = 0, only = 0;
	sp_status rc;

	*number = 0;
	if ((rc = read_file(&text, path, SP_MAX_BASELINE_BYTES, err)) !=
	    SP_OK) {
		sp_buf_free(&text);
		return rc;
	}
	while (off < text.len && *number == 0) {
		off += strspn(text.ptr + off, " \t\r\n");
		if (off >= text.len || (j = json_loadb(text.ptr + off,
		    text.len - off, JSON_DISABLE_EOF_CHECK, &je)) == NULL)
			break;
		off += je.position;
		if (json_object_get(j, "error") == NULL) {
			nresults++;
			only = result_number(j);
			if (json_is_string(json_object_get(j, "input")) &&
			    strcmp(json_string_value(json_object_get(j,
			    "input")), input) == 0)
				*number = only;
		}
		json_decref(j);
	}
	if (*number == 0 && nresults == 1)
		*number = only;
	sp_buf_free(&text);
	return SP_OK;
}

static int
starts(const char *s, size_t n, const char *prefix)
{
	size_t p = strlen(prefix);

	return n >= p && memcmp(s, prefix, p) == 0;
}

static int
blank(const char *s, size_t n)
{
	return strspn(s, " \t") >= n;
}

/*
 * Edits a nygard record's text as "adr new -s" does, line for line like
 * adr-tools' _adr_add_link and then _adr_remove_status: the link goes at
 * the end of the Status section, then the "Accepted" line goes, and runs
 * of blank lines in that section close up.
 */
static void
supersede_text(sp_buf *out, const char *text, const char *link)
{
	sp_buf mid = SP_BUF_INIT;
	const char *s;
	size_t n;
	int in = 0, after_blank = 0;

	for (s = text; *s; s += n + (s[n] == '\n')) {
		n = strcspn(s, "\n");
		if (starts(s, n, "##") && in)
			sp_buf_printf(&mid, "%s\n\n", link);
		if (starts(s, n, "##"))
			in = n == 9 && starts(s, n, "## Status");
		sp_buf_putn(&mid, s, n);
		sp_buf_putc(&mid, '\n');
	}
	in = 0;
	for (s = sp_buf_cstr(&mid); *s; s += n + 1) {
		n = strcspn(s, "\n");
		if (starts(s, n, "##"))
			in = n == 9 && starts(s, n, "## Status");
		if (in && blank(s, n)) {
			if (!after_blank)
				sp_buf_putn(out, s, n + 1);
			after_blank = 1;
			continue;
		}
		if (in && n == 8 && starts(s, n, "Accepted"))
			continue;
		if (in)
			after_blank = 0;
		sp_buf_putn(out, s, n + 1);
	}
	if (mid.oom)
		out->oom = 1;
	sp_buf_free(&mid);
}

/* Marks record a->old_file in dir as superseded by the new record. */
static sp_status
supersede(const sp_adr *a, const char *dir, const char *title,
    sp_error *err)
{
	sp_buf path = SP_BUF_INIT, text = SP_BUF_INIT, out = SP_BUF_INIT,
	       link = SP_BUF_INIT;
	sp_status rc;

	sp_buf_printf(&path, "%s/%s", dir, sp_buf_cstr(&a->old_file));
	sp_buf_printf(&link, "Superseded by [%d. %s](%s)", a->number, title,
	    sp_buf_cstr(&a->file));
	rc = read_file(&text, sp_buf_cstr(&path), SP_MAX_ADR_BYTES, err);
	if (rc == SP_OK) {
		supersede_text(&out, sp_buf_cstr(&text), sp_buf_cstr(&link));
		rc = out.oom || path.oom || link.oom ? sp_error_set(err,
		    SP_ENOMEM, "", 0, 0, "out of memory") :
		    sp_file_write_atomic(sp_buf_cstr(&path), out.ptr, out.len,
		    1, err);
	}
	sp_buf_free(&path);
	sp_buf_free(&text);
	sp_buf_free(&out);
	sp_buf_free(&link);
	return rc;
}

/* Creates dir and its parents, like mkdir -p. */
static sp_status
make_dirs(const char *dir, sp_error *err)
{
	sp_buf p = SP_BUF_INIT;
	size_t i;
	sp_status rc = SP_OK;

	sp_buf_puts(&p, dir);
	for (i = 1; rc == SP_OK && !p.oom && i <= p.len; i++) {
		if (p.ptr[i] != '/' && p.ptr[i] != '\0')
			continue;
		p.ptr[i] = '\0';
		if (mkdir(p.ptr, 0777) != 0 && errno != EEXIST)
			rc = sp_error_set(err, SP_ECREATE, p.ptr, 0, 0,
			    "cannot create the directory: %s",
			    strerror(errno));
		else if (!is_dir(p.ptr))
			rc = sp_error_set(err, SP_ECREATE, p.ptr, 0, 0,
			    "not a directory");
		if (i < p.len)
			p.ptr[i] = '/';
	}
	if (rc == SP_OK && p.oom)
		rc = sp_error_set(err, SP_ENOMEM, dir, 0, 0, "out of memory");
	sp_buf_free(&p);
	return rc;
}

sp_status
sp_adr_write(sp_buf *path, const sp_adr *a, const char *dir,
    const char *title, const char *text, size_t len, sp_error *err)
{
	sp_status rc;

	if ((rc = make_dirs(dir, err)) != SP_OK)
		return rc;
	sp_buf_printf(path, "%s/%s", dir, sp_buf_cstr(&a->file));
	if (path->oom)
		return sp_error_set(err, SP_ENOMEM, dir, 0, 0, "out of memory");
	if ((rc = sp_file_write_atomic(sp_buf_cstr(path), text, len, 0,
	    err)) != SP_OK)
		return rc;
	if (a->style == SP_ADR_NYGARD && a->supersedes > 0)
		rc = supersede(a, dir, title, err);
	return rc;
}
