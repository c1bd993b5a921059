/*
 * The questionnaire's questions and answer parsing.  Nothing here reads or
 * prints: the front end (src/prompt.c) owns the terminal and hands each
 * line in.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
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

void
sp_quiz_question(char *buf, size_t size, const sp_question *q,
    const sp_matrix *m)
{
	const sp_trait *tr;

	switch (q->kind) {
	case SP_ASK_NAME:
		snprintf(buf, size, "What is the project called?");
		break;
	case SP_ASK_TEAM:
		snprintf(buf, size, "How well does the team know %s?",
		    m->options[q->index].label ? m->options[q->index].label :
		    m->options[q->index].id);
		break;
	case SP_ASK_TRAIT:
		tr = &m->traits[q->index];
		if (tr->question != NULL)
			snprintf(buf, size, "%s", tr->question);
		else
			snprintf(buf, size, "Value of '%s'?", tr->id);
		break;
	}
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

void
sp_quiz_choices(char *buf, size_t size, const sp_question *q,
    const sp_matrix *m)
{
	const sp_trait *tr;
	size_t used = 0;
	int i, w;

	buf[0] = '\0';
	switch (q->kind) {
	case SP_ASK_NAME:
		snprintf(buf, size, "any text");
		return;
	case SP_ASK_TEAM:
		snprintf(buf, size, "%d (none) to %d (expert)", SP_TEAM_MIN,
		    SP_TEAM_MAX);
		return;
	case SP_ASK_TRAIT:
		break;
	}
	tr = &m->traits[q->index];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		for (i = 0; i < tr->nvalues && used < size; i++) {
			w = snprintf(buf + used, size - used, "%s%d) %s",
			    i ? "  " : "", i + 1, tr->values[i]);
			used += w > 0 ? (size_t)w : 0;
		}
		break;
	case SP_TRAIT_BOOL:
		snprintf(buf, size, "yes or no");
		break;
	case SP_TRAIT_INT:
		snprintf(buf, size, "%ld to %ld", tr->min, tr->max);
		break;
	}
}

void
sp_quiz_default(char *buf, size_t size, const sp_question *q,
    const sp_profile *p, const sp_matrix *m)
{
	const sp_trait *tr;
	long v;

	buf[0] = '\0';
	switch (q->kind) {
	case SP_ASK_NAME:
		snprintf(buf, size, "%s", p->name);
		return;
	case SP_ASK_TEAM:
		/* Once a team is given, a missing option counts as 0. */
		if (p->team_given)
			snprintf(buf, size, "%d", p->team[q->index] < 0 ? 0 :
			    p->team[q->index]);
		return;
	case SP_ASK_TRAIT:
		break;
	}
	tr = &m->traits[q->index];
	v = p->value[q->index];
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		snprintf(buf, size, "%s", tr->values[v]);
		break;
	case SP_TRAIT_BOOL:
		snprintf(buf, size, "%s", v ? "yes" : "no");
		break;
	case SP_TRAIT_INT:
		snprintf(buf, size, "%ld", v);
		break;
	}
}

/*
 * Copies line without surrounding blanks into buf.  Returns 0 when it
 * does not fit, which callers report as an answer too long.
 */
static int
trim(char *buf, size_t size, const char *line)
{
	size_t n;

	while (*line == ' ' || *line == '\t')
		line++;
	n = strlen(line);
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' ||
	    line[n - 1] == '\r' || line[n - 1] == '\n'))
		n--;
	if (n >= size)
		return 0;
	memcpy(buf, line, n);
	buf[n] = '\0';
	return 1;
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

static sp_answer
answer_enum(long *out, const sp_trait *tr, const char *s, sp_error *err)
{
	char list[SP_ERROR_MAX / 2], hint[96];
	long n;
	int i, found = -1, matches = 0;

	if (parse_long(s, &n) != 0) {
		if (n >= 1 && n <= tr->nvalues) {
			*out = n - 1;
			return SP_ANSWER_VALUE;
		}
		return invalid(err, "%s is not one of the choices: answer a "
		    "number from %ld to %ld, or a name", s, 1,
		    (long)tr->nvalues);
	}
	for (i = 0; i < tr->nvalues; i++) {
		if (strlen(s) == strlen(tr->values[i]) &&
		    prefix_of(s, tr->values[i])) {
			*out = i;
			return SP_ANSWER_VALUE;
		}
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
	/* A likely typo gets the fix; anything else, the whole list. */
	dec_hint(hint, sizeof(hint), s, tr->values, tr->nvalues);
	dec_join(list, sizeof(list), tr->values, tr->nvalues);
	if (hint[0] != '\0')
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' is not one of "
		    "the choices%s", s, hint);
	else
		sp_error_set(err, SP_EDATA, "", 0, 0, "'%s' is not one of "
		    "the choices: answer %s, or its number", s, list);
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

/* Whether s is well-formed UTF-8 without control characters. */
static int
clean_utf8(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return sp_utf8_valid(s);
}

static sp_answer
answer_name(sp_profile *p, const char *s, sp_error *err)
{
	if (strlen(s) > SP_NAME_MAX) {
		sp_error_set(err, SP_EDATA, "", 0, 0, "the name is longer "
		    "than %d bytes", SP_NAME_MAX);
		return SP_ANSWER_INVALID;
	}
	if (!clean_utf8(s)) {
		sp_error_set(err, SP_EDATA, "", 0, 0, "the name must be "
		    "UTF-8 text without control characters");
		return SP_ANSWER_INVALID;
	}
	memcpy(p->name, s, strlen(s) + 1);
	return SP_ANSWER_VALUE;
}

sp_answer
sp_quiz_answer(sp_profile *p, const sp_matrix *m, const sp_question *q,
    const char *line, sp_error *err)
{
	char s[SP_MAX_ANSWER + 1];
	const sp_trait *tr;
	sp_answer a;
	long v;
	int yes;

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (!trim(s, sizeof(s), line)) {
		sp_error_set(err, SP_EDATA, "", 0, 0, "the answer is longer "
		    "than %d bytes", SP_MAX_ANSWER);
		return SP_ANSWER_INVALID;
	}
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

sp_answer
sp_quiz_yesno(int *yes, const char *line, sp_error *err)
{
	char s[SP_MAX_ANSWER + 1];

	if (line == NULL)
		return SP_ANSWER_EOF;
	if (!trim(s, sizeof(s), line)) {
		sp_error_set(err, SP_EDATA, "", 0, 0, "the answer is not "
		    "yes or no");
		return SP_ANSWER_INVALID;
	}
	if (s[0] == '\0')
		return SP_ANSWER_DEFAULT;
	if (strcmp(s, "?") == 0)
		return SP_ANSWER_HELP;
	return answer_bool(yes, s, err);
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
