/*
 * The questionnaire's musts: one typed line becomes a must of the
 * profile ("exclude nodejs", "require python", "ml_support >= 4"), and
 * the next line its reason.  Pure, like the rest of the questionnaire:
 * the front end (src/prompt.c) reads the lines.  The rules are the
 * profile file's (src/must.c), so that a saved profile loads back.
 */
#include <ctype.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stackpick/buf.h"
#include "stackpick/questionnaire.h"
#include "decode.h"
#include "internal.h"

#define TEXT_(x) #x
#define TEXT(x) TEXT_(x)
#define SP_MAX_ANSWER_TEXT TEXT(SP_MAX_ANSWER)
#define SP_MUST_WHY_MAX_TEXT TEXT(SP_MUST_WHY_MAX)

/* The words of one line, split at blanks: at most four are looked at. */
struct words {
	char *w[4];
	int col[4];    /* 1-based column of each */
	int n;         /* how many, up to 4; 5 when there were more */
	char *copy;
};

static int
split(struct words *ws, const char *line)
{
	char *p;
	int i = 0;

	memset(ws, 0, sizeof(*ws));
	if ((ws->copy = malloc(strlen(line) + 1)) == NULL)
		return -1;
	memcpy(ws->copy, line, strlen(line) + 1);
	for (p = ws->copy; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (i == 4) {
			ws->n = 5;
			return 0;
		}
		ws->col[i] = (int)(p - ws->copy) + 1;
		ws->w[i++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
	}
	ws->n = i;
	return 0;
}

static sp_answer
invalid_at(sp_error *err, int col, const char *fmt, const char *a,
    const char *b)
{
	sp_error_set(err, SP_EDATA, "", 0, col, fmt, a, b);
	return SP_ANSWER_INVALID;
}

/* The index of the option or criterion s names, ignoring case; -1. */
static int
lookup(const sp_matrix *m, const char *s, int option)
{
	int i, a;

	if (option) {
		for (i = 0; i < m->noptions; i++) {
			if (strcasecmp(s, m->options[i].id) == 0)
				return i;
			for (a = 0; a < m->options[i].naliases; a++)
				if (strcasecmp(s, m->options[i].aliases[a]) ==
				    0)
					return i;
		}
		return -1;
	}
	for (i = 0; i < m->ncriteria; i++)
		if (strcasecmp(s, m->criteria[i].id) == 0)
			return i;
	return -1;
}

/* Says s names no option (or criterion), with the likely fix. */
static sp_answer
unknown(const sp_matrix *m, const char *s, int col, int option,
    sp_error *err)
{
	const char *ids[SP_MAX_OPTIONS > SP_MAX_CRITERIA ? SP_MAX_OPTIONS :
	    SP_MAX_CRITERIA];
	char hint[96];
	int i, n = option ? m->noptions : m->ncriteria;

	memset(ids, 0, sizeof(ids));
	for (i = 0; i < n; i++)
		ids[i] = option ? m->options[i].id : m->criteria[i].id;
	dec_hint(hint, sizeof(hint), s, ids, n);
	if (option)
		return invalid_at(err, col, "'%s' is not an option%s", s,
		    hint[0] ? hint : ": ? lists them");
	return invalid_at(err, col, "'%s' is neither exclude, require nor a "
	    "criterion%s", s, hint[0] ? hint : ": ? lists what is accepted");
}

/* The new must, or NULL after saying there is no room for it. */
static sp_must *
add(sp_profile *p, sp_error *err)
{
	sp_must *mu;

	if (p->nmusts >= SP_MAX_MUSTS) {
		sp_error_set(err, SP_EDATA, "", 0, 1, "a profile states at "
		    "most %d musts: press Enter to go on", SP_MAX_MUSTS);
		return NULL;
	}
	mu = &p->must[p->nmusts];
	memset(mu, 0, sizeof(*mu));
	return mu;
}

/* "exclude OPTION" or "require OPTION". */
static sp_answer
option_must(sp_profile *p, const sp_matrix *m, const struct words *ws,
    sp_must_kind kind, sp_error *err)
{
	sp_must *mu;
	int o, i;

	if (ws->n != 2)
		return invalid_at(err, ws->col[0], "'%s' takes one option: "
		    "type %s and an option's name", ws->w[0], ws->w[0]);
	if ((o = lookup(m, ws->w[1], 1)) < 0)
		return unknown(m, ws->w[1], ws->col[1], 1, err);
	for (i = 0; i < p->nmusts; i++)
		if (p->must[i].kind != SP_MUST_MIN && p->must[i].target == o)
			return invalid_at(err, ws->col[1], "%s is already %s",
			    m->options[o].id, p->must[i].kind ==
			    SP_MUST_EXCLUDE ? "excluded" : "required");
	if ((mu = add(p, err)) == NULL)
		return SP_ANSWER_INVALID;
	mu->kind = kind;
	mu->target = o;
	p->nmusts++;
	return SP_ANSWER_VALUE;
}

/* Reads the rating s as a number on m's scale into *out. */
static sp_answer
rating(double *out, const sp_matrix *m, const char *s, int col,
    sp_error *err)
{
	char *end, lo[32], hi[32];

	snprintf(lo, sizeof(lo), "%g", m->scale_min);
	snprintf(hi, sizeof(hi), "%g", m->scale_max);
	*out = strtod(s, &end);
	if (!dec_is_decimal(s, 1) || *end != '\0' || !isfinite(*out)) {
		sp_error_set(err, SP_EDATA, "", 0, col, "'%s' is not a "
		    "rating: give the lowest rating accepted, from %s to %s",
		    s, lo, hi);
		return SP_ANSWER_INVALID;
	}
	if (*out < m->scale_min || *out > m->scale_max) {
		sp_error_set(err, SP_EDATA, "", 0, col, "%s is off the scale: "
		    "give a rating from %s to %s", s, lo, hi);
		return SP_ANSWER_INVALID;
	}
	return SP_ANSWER_VALUE;
}

/* "CRITERION N" or "CRITERION >= N". */
static sp_answer
min_must(sp_profile *p, const sp_matrix *m, const struct words *ws,
    sp_error *err)
{
	int k, i, at = 1;
	sp_answer a;
	sp_must *mu;
	double v;

	if ((k = lookup(m, ws->w[0], 0)) < 0)
		return unknown(m, ws->w[0], ws->col[0], 0, err);
	if (ws->n == 3 && strcmp(ws->w[1], ">=") == 0)
		at = 2;
	if (ws->n != at + 1)
		return invalid_at(err, ws->col[0], "type %s and the lowest "
		    "rating it accepts, as in '%s 4'", ws->w[0], ws->w[0]);
	if (m->criteria[k].from_team)
		return invalid_at(err, ws->col[0], "'%s' is rated from the "
		    "team's answers; exclude an option the team will not "
		    "work with%s", ws->w[0], "");
	for (i = 0; i < p->nmusts; i++)
		if (p->must[i].kind == SP_MUST_MIN && p->must[i].target == k)
			return invalid_at(err, ws->col[0], "%s already has a "
			    "minimum%s", m->criteria[k].id, "");
	if ((a = rating(&v, m, ws->w[at], ws->col[at], err)) !=
	    SP_ANSWER_VALUE)
		return a;
	if ((mu = add(p, err)) == NULL)
		return SP_ANSWER_INVALID;
	mu->kind = SP_MUST_MIN;
	mu->target = k;
	mu->min = v;
	p->nmusts++;
	return SP_ANSWER_VALUE;
}

/* "", "?", "<" and "back", and what no must ever holds. */
static int
special(const char *s, sp_answer *a, sp_error *err)
{
	size_t n = strspn(s, " \t");

	if (s[n] == '\0')
		*a = SP_ANSWER_DEFAULT;
	else if (strcmp(s + n, "?") == 0)
		*a = SP_ANSWER_HELP;
	else if (strcmp(s + n, "<") == 0 || strcasecmp(s + n, "back") == 0)
		*a = SP_ANSWER_BACK;
	else if (strlen(s) > SP_MAX_ANSWER)
		*a = invalid_at(err, 1, "the answer is longer than %s bytes%s",
		    SP_MAX_ANSWER_TEXT, "");
	else if (strchr(s, '\x1b') != NULL)
		*a = invalid_at(err, (int)n + 1, "arrow and other special keys "
		    "are not read here: type < and press Enter to go back%s%s",
		    "", "");
	else
		return 0;
	return 1;
}

sp_answer
sp_quiz_must(sp_profile *p, const sp_matrix *m, const char *line,
    sp_error *err)
{
	struct words ws;
	sp_answer a;

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (special(line, &a, err))
		return a;
	if (split(&ws, line) != 0) {
		sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
		return SP_ANSWER_INVALID;
	}
	if (ws.n > 3)
		a = invalid_at(err, ws.col[0], "one must per line: exclude "
		    "OPTION, require OPTION, or CRITERION and a rating%s%s",
		    "", "");
	else if (strcasecmp(ws.w[0], "exclude") == 0)
		a = option_must(p, m, &ws, SP_MUST_EXCLUDE, err);
	else if (strcasecmp(ws.w[0], "require") == 0)
		a = option_must(p, m, &ws, SP_MUST_REQUIRE, err);
	else
		a = min_must(p, m, &ws, err);
	free(ws.copy);
	return a;
}

sp_answer
sp_quiz_must_why(sp_must *mu, const char *line, sp_error *err)
{
	const unsigned char *u;
	sp_answer a;
	size_t b, n;

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (special(line, &a, err) && a != SP_ANSWER_HELP) {
		if (a == SP_ANSWER_DEFAULT && mu->kind != SP_MUST_MIN)
			return invalid_at(err, 1, "give the reason: it is "
			    "shown wherever the option is named as %s",
			    mu->kind == SP_MUST_EXCLUDE ? "excluded" :
			    "required", "");
		return a;
	}
	b = strspn(line, " \t");
	n = strlen(line + b);
	while (n > 0 && strchr(" \t\r", line[b + n - 1]) != NULL)
		n--;
	if (n > SP_MUST_WHY_MAX)
		return invalid_at(err, (int)b + 1, "the reason is longer than "
		    "%s bytes%s", SP_MUST_WHY_MAX_TEXT, "");
	u = (const unsigned char *)line + b;
	for (size_t i = 0; i < n; i++)
		if (u[i] < 0x20 || u[i] == 0x7f || (u[i] == 0xC2 &&
		    i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F))
			return invalid_at(err, (int)(b + i) + 1, "control "
			    "characters are not accepted in a reason%s%s", "",
			    "");
	memcpy(mu->why, line + b, n);
	mu->why[n] = '\0';
	if (!sp_utf8_valid(mu->why)) {
		mu->why[0] = '\0';
		return invalid_at(err, (int)b + 1, "the reason is not UTF-8 "
		    "text%s%s", "", "");
	}
	return SP_ANSWER_VALUE;
}

char *
sp_quiz_must_text(const sp_must *mu, const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;

	if (mu->kind == SP_MUST_MIN)
		sp_buf_printf(&t, "%s >= %g", m->criteria[mu->target].id,
		    mu->min);
	else
		sp_buf_printf(&t, "%s %s", mu->kind == SP_MUST_EXCLUDE ?
		    "exclude" : "require", m->options[mu->target].id);
	if (mu->why[0] != '\0')
		sp_buf_printf(&t, ": %s", mu->why);
	sp_buf_putn(&t, "", 0);
	if (t.oom) {
		sp_buf_free(&t);
		return NULL;
	}
	return t.ptr;
}

char *
sp_quiz_must_help(const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;
	int i, n = 0;

	sp_buf_puts(&t, "Type one must a line: exclude OPTION (the project "
	    "cannot use it), require OPTION (nothing else will do), each "
	    "with its reason on the next line, or CRITERION N (the lowest "
	    "rating it accepts");
	sp_buf_printf(&t, ", from %g to %g; a reason may follow).  Options:",
	    m->scale_min, m->scale_max);
	for (i = 0; i < m->noptions; i++)
		sp_buf_printf(&t, "%s %s", i ? "," : "", m->options[i].id);
	sp_buf_puts(&t, ".  Criteria:");
	for (i = 0; i < m->ncriteria; i++)
		if (!m->criteria[i].from_team)
			sp_buf_printf(&t, "%s %s", n++ ? "," : "",
			    m->criteria[i].id);
	sp_buf_puts(&t, ".  Press Enter when there are no more.");
	sp_buf_putn(&t, "", 0);
	if (t.oom) {
		sp_buf_free(&t);
		return NULL;
	}
	return t.ptr;
}
