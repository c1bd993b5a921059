/*
 * The questionnaire's questions and answer parsing.  Nothing here reads or
 * prints: the front end (src/prompt.c) owns the terminal and hands each
 * line in.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stackpick/buf.h"
#include "stackpick/questionnaire.h"
#include "decode.h"
#include "internal.h"

static const char team_help[] =
    "0 means nobody on the team knows it, 5 that it is the team's "
    "strongest language.  Press Enter to skip: with no team answers at "
    "all, team fit counts the same for every option; once one option has "
    "an answer, options left out count as 0.";

static const char musts_help[] =
    "A must is a requirement no score buys back: an option the project "
    "cannot use, or the only one it can, or the lowest rating a criterion "
    "must have.  Options that fail a must are screened out before "
    "scoring.  Answer yes to give them one at a time; no leaves none.";

static const char name_help[] =
    "A short name for the project, shown at the top of the report (up to "
    "128 bytes).  Press Enter to leave it out.";

int
sp_quiz_plan(sp_question *q, const sp_matrix *m)
{
	int i, n = 0;
	int team = 0;

	q[n].kind = SP_ASK_NAME;
	q[n++].index = 0;
	/* The team matters only to a matrix that rates options by it. */
	for (i = 0; i < m->ncriteria; i++)
		team |= m->criteria[i].from_team;
	for (i = 0; team && i < m->noptions; i++) {
		q[n].kind = SP_ASK_TEAM;
		q[n++].index = i;
	}
	for (i = 0; i < m->ntraits; i++) {
		q[n].kind = SP_ASK_TRAIT;
		q[n++].index = i;
	}
	q[n].kind = SP_ASK_MUSTS;
	q[n++].index = 0;
	return n;
}

static void
adds(sp_buf *t, const char *s)
{
	sp_buf_puts(t, s);
}

static void
addn(sp_buf *t, long n)
{
	sp_buf_printf(t, "%ld", n);
}

/* The finished text, the caller's to free(), or NULL when memory ran out. */
static char *
done(sp_buf *t)
{
	sp_buf_putn(t, "", 0);
	if (t->oom) {
		sp_buf_free(t);
		return NULL;
	}
	return t->ptr;
}

char *
sp_quiz_question(const sp_question *q, const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;
	const sp_trait *tr;

	switch (q->kind) {
	case SP_ASK_NAME:
		adds(&t, "What is the project called?");
		break;
	case SP_ASK_TEAM:
		adds(&t, "How well does the team know ");
		adds(&t, m->options[q->index].label ?
		    m->options[q->index].label : m->options[q->index].id);
		adds(&t, "?");
		break;
	case SP_ASK_TRAIT:
		tr = &m->traits[q->index];
		if (tr->question != NULL) {
			adds(&t, tr->question);
		} else {
			adds(&t, "Value of '");
			adds(&t, tr->id);
			adds(&t, "'?");
		}
		break;
	case SP_ASK_MUSTS:
		adds(&t, "Is anything non-negotiable?");
		break;
	}
	return done(&t);
}

const char *
sp_quiz_help(const sp_question *q, const sp_matrix *m)
{
	switch (q->kind) {
	case SP_ASK_NAME:
		return name_help;
	case SP_ASK_TEAM:
		return team_help;
	case SP_ASK_TRAIT:
		return m->traits[q->index].help;
	case SP_ASK_MUSTS:
		return musts_help;
	}
	return NULL;
}

int
sp_quiz_numeric_values(const sp_trait *tr)
{
	long n;
	int i;

	for (i = 0; tr->type == SP_TRAIT_ENUM && i < tr->nvalues; i++)
		if (sp_number_grouped(tr->values[i], &n) != 0)
			return 1;
	for (i = 0; tr->type == SP_TRAIT_ENUM && i < tr->naliases; i++)
		if (sp_number_grouped(tr->aliases[i], &n) != 0)
			return 1;
	return 0;
}

char *
sp_quiz_choices(const sp_question *q, const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;
	const sp_trait *tr;
	int i, numeric;

	switch (q->kind) {
	case SP_ASK_NAME:
		adds(&t, "any text");
		return done(&t);
	case SP_ASK_TEAM:
		addn(&t, SP_TEAM_MIN);
		adds(&t, " (none) to ");
		addn(&t, SP_TEAM_MAX);
		adds(&t, " (expert)");
		return done(&t);
	case SP_ASK_MUSTS:
		adds(&t, "yes or no");
		return done(&t);
	case SP_ASK_TRAIT:
		break;
	}
	tr = &m->traits[q->index];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		/*
		 * When a value reads as a number, a bare number is always
		 * that value, and a position needs its '#'.
		 */
		numeric = sp_quiz_numeric_values(tr);
		for (i = 0; i < tr->nvalues; i++) {
			adds(&t, i ? "  " : "");
			adds(&t, numeric ? "#" : "");
			addn(&t, i + 1);
			adds(&t, ") ");
			adds(&t, tr->values[i]);
		}
		if (numeric)
			adds(&t, "  (type a value as shown, or # and its "
			    "number)");
		break;
	case SP_TRAIT_BOOL:
		adds(&t, "yes or no");
		break;
	case SP_TRAIT_INT:
		addn(&t, tr->min);
		adds(&t, " to ");
		addn(&t, tr->max);
		break;
	}
	return done(&t);
}

char *
sp_quiz_default(const sp_question *q, const sp_profile *p,
    const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;
	const sp_trait *tr;
	long v;

	switch (q->kind) {
	case SP_ASK_NAME:
		adds(&t, p->name);
		return done(&t);
	case SP_ASK_TEAM:
		/* Once a team is given, a missing option counts as 0. */
		if (p->team_given)
			addn(&t, p->team[q->index] < 0 ? 0 :
			    p->team[q->index]);
		return done(&t);
	case SP_ASK_MUSTS:
		adds(&t, p->nmusts > 0 ? "yes" : "no");
		return done(&t);
	case SP_ASK_TRAIT:
		break;
	}
	tr = &m->traits[q->index];
	v = p->value[q->index];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		adds(&t, tr->values[v]);
		break;
	case SP_TRAIT_BOOL:
		adds(&t, v ? "yes" : "no");
		break;
	case SP_TRAIT_INT:
		addn(&t, v);
		break;
	}
	return done(&t);
}

/*
 * A copy of line without surrounding blanks, the caller's to free(), or
 * NULL when out of memory.  *col is the 1-based column it starts at.
 */
static char *
trim(const char *line, int *col)
{
	const char *b = line;
	size_t n;
	char *s;

	while (*b == ' ' || *b == '\t')
		b++;
	*col = (int)(b - line) + 1;
	n = strlen(b);
	while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '\t' ||
	    b[n - 1] == '\r' || b[n - 1] == '\n'))
		n--;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, b, n);
	s[n] = '\0';
	return s;
}

/* Whether s is a prefix of word, ignoring ASCII case. */
static int
prefix_of(const char *s, const char *word)
{
	for (; *s; s++, word++)
		if (*word == '\0' || tolower((unsigned char)*s) !=
		    tolower((unsigned char)*word))
			return 0;
	return 1;
}

static sp_answer
invalid(sp_error *err, const char *fmt, const char *a, long x, long y)
{
	sp_error_set(err, SP_EDATA, "", 0, 0, fmt, a, x, y);
	return SP_ANSWER_INVALID;
}

static sp_answer
answer_range(long *out, const char *s, long min, long max, sp_error *err)
{
	int r = sp_number_grouped(s, out);

	if (r == 0)
		return invalid(err, "'%s' is not a whole number: answer a "
		    "number from %ld to %ld", s, min, max);
	if (r < 0 || *out < min || *out > max)
		return invalid(err, "%s is out of range: answer a number "
		    "from %ld to %ld", s, min, max);
	return SP_ANSWER_VALUE;
}

/* Picks the choice at a 1-based position, or says there is none. */
static sp_answer
by_position(long *out, const sp_trait *tr, const char *s, int r, long n,
    int numeric, sp_error *err)
{
	if (r > 0 && n >= 1 && n <= tr->nvalues) {
		*out = n - 1;
		return SP_ANSWER_VALUE;
	}
	if (numeric)
		return invalid(err, "'%s' is not one of the choices: type a "
		    "value as shown, or #%ld to #%ld for its position", s, 1,
		    (long)tr->nvalues);
	return invalid(err, "%s is not one of the choices: answer a number "
	    "from %ld to %ld, or a name", s, 1, (long)tr->nvalues);
}

/*
 * The value that s names as written (a value, then an alias) or, with
 * fold, ignoring case; -1 when none.
 */
static int
by_name(const sp_trait *tr, const char *s, int fold)
{
	int i;

	if (!fold)
		return sp_trait_value(tr, s);
	for (i = 0; i < tr->nvalues; i++)
		if (strcasecmp(s, tr->values[i]) == 0)
			return i;
	for (i = 0; i < tr->naliases; i++)
		if (strcasecmp(s, tr->aliases[i]) == 0)
			return tr->alias_of[i];
	return -1;
}

/* Says that s is a prefix of several values, naming them. */
static sp_answer
ambiguous(const sp_trait *tr, const char *s, sp_error *err)
{
	const char *which[SP_MAX_VALUES];
	char list[SP_ERROR_MAX / 2];
	int i, k = 0;

	for (i = 0; i < tr->nvalues; i++)
		if (prefix_of(s, tr->values[i]))
			which[k++] = tr->values[i];
	dec_join(list, sizeof(list), which, k);
	sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' could be %s: type more "
	    "of the name", s, list);
	return SP_ANSWER_INVALID;
}

/* Says that s names no choice: the likely fix, or else the whole list. */
static sp_answer
no_choice(const sp_trait *tr, const char *s, int numeric, sp_error *err)
{
	const char *names[SP_MAX_VALUES + SP_MAX_ALIASES];
	char list[SP_ERROR_MAX / 2], hint[96];
	int i, n = 0;

	for (i = 0; i < tr->nvalues; i++)
		names[n++] = tr->values[i];
	for (i = 0; i < tr->naliases; i++)
		names[n++] = tr->aliases[i];
	dec_hint(hint, sizeof(hint), s, names, n);
	dec_join(list, sizeof(list), tr->values, tr->nvalues);
	if (hint[0] != '\0')
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' is not one of "
		    "the choices%s", s, hint);
	else
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' is not one of "
		    "the choices: answer %s, or its %s", s, list, numeric ?
		    "# and number" : "number");
	return SP_ANSWER_INVALID;
}

/*
 * An enum answer, tried in this order: a value or alias exactly as
 * written, then ignoring case; "#N" for the Nth choice; a bare number
 * for the Nth choice (only when no value or alias reads as a number, so
 * that a value always wins over a position); then a prefix that names
 * one value.
 */
static sp_answer
answer_enum(long *out, const sp_trait *tr, const char *s, sp_error *err)
{
	int i, r, found = -1, matches = 0;
	int numeric = sp_quiz_numeric_values(tr);
	long n = 0;

	if ((i = by_name(tr, s, 0)) >= 0 || (i = by_name(tr, s, 1)) >= 0) {
		*out = i;
		return SP_ANSWER_VALUE;
	}
	if (s[0] == '#' && (r = sp_number_grouped(s + 1, &n)) != 0 &&
	    s[1] != '+' && s[1] != '-')
		return by_position(out, tr, s, r, n, numeric, err);
	if (!numeric && (r = sp_number_grouped(s, &n)) != 0)
		return by_position(out, tr, s, r, n, numeric, err);
	for (i = 0; i < tr->nvalues; i++)
		if (prefix_of(s, tr->values[i]) && matches++ == 0)
			found = i;
	if (matches == 1) {
		*out = found;
		return SP_ANSWER_VALUE;
	}
	if (matches > 1)
		return ambiguous(tr, s, err);
	if (numeric && sp_number_grouped(s, &n) != 0)
		return by_position(out, tr, s, 0, 0, numeric, err);
	return no_choice(tr, s, numeric, err);
}

static sp_answer
answer_bool(int *yes, const char *s, sp_error *err)
{
	static const char *const t[] = { "yes", "true" };
	static const char *const f[] = { "no", "false" };
	int i;

	for (i = 0; i < 2; i++) {
		if (prefix_of(s, t[i])) {
			*yes = 1;
			return SP_ANSWER_VALUE;
		}
		if (prefix_of(s, f[i])) {
			*yes = 0;
			return SP_ANSWER_VALUE;
		}
	}
	sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' is not yes or no", s);
	return SP_ANSWER_INVALID;
}

static sp_answer
answer_name(sp_profile *p, const char *s, sp_error *err)
{
	const char *why = sp_profile_name_problem(s, strlen(s));

	if (why != NULL) {
		sp_error_set(err, SP_EDATA, "", 0, 0, "name: %s", why);
		return SP_ANSWER_INVALID;
	}
	memcpy(p->name, s, strlen(s) + 1);
	return SP_ANSWER_VALUE;
}

/*
 * Arrow and function keys reach a program that leaves the terminal's
 * line editing alone as escape sequences ("\x1b[A"): say what works.
 */
static sp_answer
special_key(sp_error *err)
{
	sp_error_set(err, SP_EDATA, "", 0, 0, "arrow and other special keys "
	    "are not read here: type < and press Enter to go back a "
	    "question");
	return SP_ANSWER_INVALID;
}

static sp_answer
answer(sp_profile *p, const sp_matrix *m, const sp_question *q,
    const char *s, sp_error *err)
{
	const sp_trait *tr;
	sp_answer a;
	long v = 0;
	int yes;

	if (s[0] == '\0')
		return SP_ANSWER_DEFAULT;
	if (strcmp(s, "?") == 0)
		return SP_ANSWER_HELP;
	if (strchr(s, '\x1b') != NULL)
		return special_key(err);
	/* A value or alias named "back" is that value, as typed. */
	if (strcmp(s, "<") == 0 || (strcasecmp(s, "back") == 0 &&
	    !(q->kind == SP_ASK_TRAIT &&
	    m->traits[q->index].type == SP_TRAIT_ENUM &&
	    by_name(&m->traits[q->index], s, 1) >= 0)))
		return SP_ANSWER_BACK;
	switch (q->kind) {
	case SP_ASK_NAME:
		return answer_name(p, s, err);
	case SP_ASK_TEAM:
		a = answer_range(&v, s, SP_TEAM_MIN, SP_TEAM_MAX, err);
		if (a == SP_ANSWER_VALUE) {
			p->team[q->index] = (int)v;
			p->team_given = 1;
		}
		return a;
	case SP_ASK_MUSTS:
		a = answer_bool(&yes, s, err);
		if (a == SP_ANSWER_VALUE && !yes)
			p->nmusts = 0;
		return a;
	case SP_ASK_TRAIT:
		break;
	}
	tr = &m->traits[q->index];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		a = answer_enum(&v, tr, s, err);
		break;
	case SP_TRAIT_BOOL:
		a = answer_bool(&yes, s, err);
		v = yes;
		break;
	case SP_TRAIT_INT:
	default:
		a = answer_range(&v, s, tr->min, tr->max, err);
		break;
	}
	if (a == SP_ANSWER_VALUE) {
		p->value[q->index] = v;
		p->given[q->index] = 1;
	}
	return a;
}

static sp_answer
too_long(sp_error *err)
{
	sp_error_set(err, SP_EDATA, "", 0, 1, "the answer is longer than "
	    "%d bytes", SP_MAX_ANSWER);
	return SP_ANSWER_INVALID;
}

static sp_answer
no_memory(sp_error *err)
{
	sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	return SP_ANSWER_INVALID;
}

/*
 * Takes line (NULL at end of input) for a parser: *s gets it without its
 * blanks, and *col the column it starts at.  Returns SP_ANSWER_VALUE, or
 * EOF, or INVALID with the reason (too long, out of memory) in err.
 */
static sp_answer
take_line(char **s, int *col, const char *line, sp_error *err)
{
	if (line == NULL)
		return SP_ANSWER_EOF;
	if (strlen(line) > SP_MAX_ANSWER)
		return too_long(err);
	if ((*s = trim(line, col)) == NULL)
		return no_memory(err);
	return SP_ANSWER_VALUE;
}

/*
 * As take_line, for a question with no choices: an empty line is
 * SP_ANSWER_DEFAULT and "?" SP_ANSWER_HELP (s is then freed already);
 * anything else SP_ANSWER_VALUE, for the caller to read.
 */
static sp_answer
take_word(char **s, int *col, const char *line, sp_error *err)
{
	sp_answer a = take_line(s, col, line, err);

	if (a != SP_ANSWER_VALUE)
		return a;
	if ((*s)[0] == '\0' || strcmp(*s, "?") == 0) {
		a = (*s)[0] == '\0' ? SP_ANSWER_DEFAULT : SP_ANSWER_HELP;
		free(*s);
		*s = NULL;
	}
	return a;
}

sp_answer
sp_quiz_answer(sp_profile *p, const sp_matrix *m, const sp_question *q,
    const char *line, sp_error *err)
{
	sp_answer a;
	char *s;
	int col;

	if ((a = take_line(&s, &col, line, err)) != SP_ANSWER_VALUE)
		return a;
	a = answer(p, m, q, s, err);
	if (a == SP_ANSWER_INVALID)
		err->column = col;
	free(s);
	return a;
}

sp_answer
sp_quiz_musts_wanted(int *yes, sp_profile *p, const char *line,
    sp_error *err)
{
	const sp_question q = { SP_ASK_MUSTS, 0 };
	sp_answer a;
	char *s;
	int col;

	*yes = p->nmusts > 0;
	if ((a = take_line(&s, &col, line, err)) != SP_ANSWER_VALUE)
		return a;
	/* The matrix is not read for this question. */
	a = answer(p, NULL, &q, s, err);
	if (a == SP_ANSWER_VALUE)
		*yes = p->nmusts > 0 || prefix_of(s, "yes") ||
		    prefix_of(s, "true");
	else if (a == SP_ANSWER_INVALID)
		err->column = col;
	free(s);
	return a;
}

sp_answer
sp_quiz_yesno(int *yes, const char *line, sp_error *err)
{
	sp_answer a;
	char *s;
	int col;

	if ((a = take_word(&s, &col, line, err)) != SP_ANSWER_VALUE)
		return a;
	if ((a = answer_bool(yes, s, err)) == SP_ANSWER_INVALID)
		err->column = col;
	free(s);
	return a;
}

/* The file name of a trimmed answer s, with "~" and "~/" expanded. */
static sp_answer
path_of(sp_buf *out, const char *s, const char *home, sp_error *err)
{
	size_t n;

	if (s[0] != '~') {
		sp_buf_puts(out, s);
		return SP_ANSWER_VALUE;
	}
	if (s[1] != '\0' && s[1] != '/') {
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s': only ~ and ~/ "
		    "stand for the home directory here; type the whole path",
		    s);
		return SP_ANSWER_INVALID;
	}
	if (home == NULL || home[0] == '\0') {
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s': HOME is not set, "
		    "so ~ stands for nothing; type the whole path", s);
		return SP_ANSWER_INVALID;
	}
	/* "~/x" with HOME=/home/u/ is /home/u/x, and with HOME=/ is /x. */
	n = strlen(home);
	while (s[1] == '/' && n > 0 && home[n - 1] == '/')
		n--;
	sp_buf_putn(out, home, n);
	sp_buf_puts(out, s + 1);
	return SP_ANSWER_VALUE;
}

sp_answer
sp_quiz_path(sp_buf *out, const char *line, const char *home, sp_error *err)
{
	sp_answer a = SP_ANSWER_INVALID;
	char *s;
	int col;

	sp_buf_clear(out);
	if ((a = take_word(&s, &col, line, err)) != SP_ANSWER_VALUE)
		return a;
	a = SP_ANSWER_INVALID;
	if (strchr(s, '\x1b') != NULL)
		special_key(err);
	else if (strcmp(s, "<") == 0 || strcasecmp(s, "back") == 0)
		sp_error_set(err, SP_EDATA, "", 0, 0, "the report is out, so "
		    "the answers stay as they are: type a file name (./%s "
		    "for a file of that name), or press Enter to save nothing",
		    s);
	else
		a = path_of(out, s, home, err);
	if (a == SP_ANSWER_VALUE && out->oom)
		a = no_memory(err);
	else if (a == SP_ANSWER_INVALID && err->status != SP_ENOMEM)
		err->column = col;
	free(s);
	return a;
}

char *
sp_quiz_aliases(const sp_question *q, const sp_matrix *m)
{
	sp_buf t = SP_BUF_INIT;
	const sp_trait *tr;
	int v, i, k;

	if (q->kind != SP_ASK_TRAIT)
		return done(&t);
	tr = &m->traits[q->index];
	for (v = 0; v < tr->nvalues; v++) {
		for (i = 0, k = 0; i < tr->naliases; i++) {
			if (tr->alias_of[i] != v)
				continue;
			adds(&t, k++ ? ", " : t.len ? "; " : "Also accepted: ");
			adds(&t, tr->aliases[i]);
		}
		if (k > 0) {
			adds(&t, " for ");
			adds(&t, tr->values[v]);
		}
	}
	if (t.len > 0)
		adds(&t, ".");
	return done(&t);
}

void
sp_quiz_finish(sp_profile *p, const sp_matrix *m)
{
	int o;

	if (!p->team_given)
		return;
	for (o = 0; o < m->noptions; o++)
		if (p->team[o] < 0)
			p->team[o] = 0;
}
