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

#include "stackpick/questionnaire.h"
#include "decode.h"
#include "internal.h"

static const char team_help[] =
    "0 means nobody on the team knows it, 5 that it is the team's "
    "strongest language.  Press Enter to skip: with no team answers at "
    "all, team fit counts the same for every option; once one option has "
    "an answer, options left out count as 0.";

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
	return n;
}

/* Text built up piece by piece; failed once any allocation failed. */
struct text {
	char *s;
	size_t len, cap;
	int failed;
};

static void
add(struct text *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 128;
		char *d;

		while (t->len + n + 1 > cap)
			cap *= 2;
		if ((d = realloc(t->s, cap)) == NULL) {
			t->failed = 1;
			return;
		}
		t->s = d;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void
adds(struct text *t, const char *s)
{
	add(t, s, strlen(s));
}

static void
addn(struct text *t, long n)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", n);
	adds(t, num);
}

/* The finished text, or NULL when memory ran out. */
static char *
done(struct text *t)
{
	add(t, "", 0);
	if (t->failed) {
		free(t->s);
		return NULL;
	}
	return t->s;
}

char *
sp_quiz_question(const sp_question *q, const sp_matrix *m)
{
	struct text t = { NULL, 0, 0, 0 };
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
	}
	return NULL;
}

static int parse_long(const char *s, long *out);

int
sp_quiz_numeric_values(const sp_trait *tr)
{
	long n;
	int i;

	for (i = 0; tr->type == SP_TRAIT_ENUM && i < tr->nvalues; i++)
		if (parse_long(tr->values[i], &n) != 0)
			return 1;
	return 0;
}

char *
sp_quiz_choices(const sp_question *q, const sp_matrix *m)
{
	struct text t = { NULL, 0, 0, 0 };
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
	struct text t = { NULL, 0, 0, 0 };
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

/*
 * Reads a whole number written in decimal, with ',' or '_' allowed
 * between digits ("20,000").  Returns 1 with *out set, 0 when s is not
 * such a number, and -1 when it is one too large to hold (out of range
 * either way).
 */
static int
parse_long(const char *s, long *out)
{
	int neg = 0, digits = 0;
	unsigned long v = 0, lim;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; *s; s++) {
		if ((*s == ',' || *s == '_') && digits > 0 &&
		    isdigit((unsigned char)s[1]))
			continue;
		if (!isdigit((unsigned char)*s))
			return 0;
		if (v > (lim - (unsigned long)(*s - '0')) / 10)
			v = lim + 1;
		else
			v = v * 10 + (unsigned long)(*s - '0');
		digits++;
	}
	if (digits == 0)
		return 0;
	if (v > lim)
		return -1;
	*out = neg ? (long)(0 - v) : (long)v;
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
	int r = parse_long(s, out);

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
 * An enum answer, tried in this order: the value exactly as written, the
 * value ignoring case, "#N" for the Nth choice, a bare number for the Nth
 * choice (only when no value reads as a number, so that a value always
 * wins over a position), then a prefix that names one value.
 */
static sp_answer
answer_enum(long *out, const sp_trait *tr, const char *s, sp_error *err)
{
	char list[SP_ERROR_MAX / 2], hint[96];
	int i, r, found = -1, matches = 0;
	int numeric = sp_quiz_numeric_values(tr);
	long n = 0;

	for (i = 0; i < tr->nvalues; i++)
		if (strcmp(s, tr->values[i]) == 0) {
			*out = i;
			return SP_ANSWER_VALUE;
		}
	for (i = 0; i < tr->nvalues; i++)
		if (strlen(s) == strlen(tr->values[i]) &&
		    prefix_of(s, tr->values[i])) {
			*out = i;
			return SP_ANSWER_VALUE;
		}
	if (s[0] == '#' && (r = parse_long(s + 1, &n)) != 0 &&
	    s[1] != '+' && s[1] != '-')
		return by_position(out, tr, s, r, n, numeric, err);
	if (!numeric && (r = parse_long(s, &n)) != 0)
		return by_position(out, tr, s, r, n, numeric, err);
	for (i = 0; i < tr->nvalues; i++) {
		if (prefix_of(s, tr->values[i])) {
			if (matches++ == 0)
				found = i;
		}
	}
	if (matches == 1) {
		*out = found;
		return SP_ANSWER_VALUE;
	}
	if (matches > 1) {
		const char *which[SP_MAX_VALUES];
		int k = 0;

		for (i = 0; i < tr->nvalues; i++)
			if (prefix_of(s, tr->values[i]))
				which[k++] = tr->values[i];
		dec_join(list, sizeof(list), which, k);
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' could be %s: "
		    "type more of the name", s, list);
		return SP_ANSWER_INVALID;
	}
	if (numeric && parse_long(s, &n) != 0)
		return by_position(out, tr, s, 0, 0, numeric, err);
	/* A likely typo gets the fix; anything else, the whole list. */
	dec_hint(hint, sizeof(hint), s, tr->values, tr->nvalues);
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

sp_answer
sp_quiz_answer(sp_profile *p, const sp_matrix *m, const sp_question *q,
    const char *line, sp_error *err)
{
	sp_answer a;
	char *s;
	int col;

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (strlen(line) > SP_MAX_ANSWER)
		return too_long(err);
	if ((s = trim(line, &col)) == NULL)
		return no_memory(err);
	a = answer(p, m, q, s, err);
	if (a == SP_ANSWER_INVALID)
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

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (strlen(line) > SP_MAX_ANSWER)
		return too_long(err);
	if ((s = trim(line, &col)) == NULL)
		return no_memory(err);
	if (s[0] == '\0')
		a = SP_ANSWER_DEFAULT;
	else if (strcmp(s, "?") == 0)
		a = SP_ANSWER_HELP;
	else if ((a = answer_bool(yes, s, err)) == SP_ANSWER_INVALID)
		err->column = col;
	free(s);
	return a;
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
