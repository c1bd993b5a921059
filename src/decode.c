/*
 * Typed reads of document nodes.  Numbers are decimal only: YAML 1.1's
 * hex, octal and sexagesimal forms are refused rather than guessed at, and
 * so are .nan and .inf.  Quoted scalars are strings, never numbers or
 * booleans.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"

void
dec_init(sp_dec *d, const char *file, sp_error *err, sp_errors *all)
{
	d->file = file;
	d->err = err;
	d->all = all;
	d->start = all != NULL ? all->count + all->more : 0;
}

int
dec_going(const sp_dec *d, sp_status rc)
{
	return rc == SP_EDATA && d->all != NULL;
}

sp_status
dec_result(const sp_dec *d)
{
	if (d->all == NULL || d->all->count + d->all->more == d->start)
		return SP_OK;
	return SP_EDATA;
}

sp_status
dec_fail(const sp_dec *d, const sp_node *n, const char *fmt, ...)
{
	sp_error e;
	va_list ap;
	int first;

	va_start(ap, fmt);
	sp_error_vset(&e, SP_EDATA, d->file, n ? n->line : 0,
	    n ? n->column : 0, fmt, ap);
	va_end(ap);
	if (d->all == NULL) {
		if (d->err != NULL)
			*d->err = e;
		return SP_EDATA;
	}
	first = d->all->count + d->all->more == d->start;
	if (first && d->err != NULL)
		*d->err = e;
	sp_errors_add(d->all, &e);
	return SP_EDATA;
}

sp_status
dec_map(const sp_dec *d, const sp_node *n, const char *what)
{
	if (n->type != SP_NODE_MAP)
		return dec_fail(d, n, "%s: expected a mapping, found %s", what,
		    sp_node_kind(n));
	return SP_OK;
}

sp_status
dec_seq(const sp_dec *d, const sp_node *n, const char *what)
{
	if (n->type != SP_NODE_SEQ)
		return dec_fail(d, n, "%s: expected a sequence, found %s", what,
		    sp_node_kind(n));
	return SP_OK;
}

sp_status
dec_str(const sp_dec *d, const sp_node *n, const char *what,
    const char **out)
{
	if (n->type != SP_NODE_SCALAR)
		return dec_fail(d, n, "%s: expected a string, found %s", what,
		    sp_node_kind(n));
	*out = n->text;
	return SP_OK;
}

int
dec_is_decimal(const char *s, int allow_fraction)
{
	int digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	if (s[0] == '0' && isdigit((unsigned char)s[1]))
		return 0; /* leading zero: YAML 1.1 reads it as octal */
	while (isdigit((unsigned char)*s)) {
		s++;
		digits++;
	}
	if (allow_fraction && *s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			s++;
			digits++;
		}
	}
	if (digits == 0)
		return 0;
	if (allow_fraction && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

static int
is_nonfinite(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	return strcasecmp(s, ".nan") == 0 || strcasecmp(s, ".inf") == 0 ||
	    strcasecmp(s, "nan") == 0 || strcasecmp(s, "inf") == 0 ||
	    strcasecmp(s, "infinity") == 0;
}

static sp_status
not_a_number(const sp_dec *d, const sp_node *n, const char *what,
    const char *kind)
{
	if (n->type != SP_NODE_SCALAR)
		return dec_fail(d, n, "%s: expected %s, found %s", what, kind,
		    sp_node_kind(n));
	if (!n->plain)
		return dec_fail(d, n, "%s: expected %s, found the quoted "
		    "string \"%s\"", what, kind, n->text);
	if (is_nonfinite(n->text))
		return dec_fail(d, n, "%s: '%s' is not accepted: expected %s",
		    what, n->text, kind);
	if (strncasecmp(n->text, "0x", 2) == 0 ||
	    strncasecmp(n->text, "0o", 2) == 0 ||
	    (n->text[0] == '0' && isdigit((unsigned char)n->text[1])) ||
	    strchr(n->text, ':') != NULL || strchr(n->text, '_') != NULL)
		return dec_fail(d, n, "%s: '%s' is not accepted: write %s in "
		    "plain decimal", what, n->text, kind);
	return dec_fail(d, n, "%s: expected %s, found '%s'", what, kind,
	    n->text);
}

/*
 * Whether one of the 8 bytes of x may start a control character: a byte
 * below 0x20, DEL, or 0xC2 (which leads the C1 controls).  Never misses
 * one; a false alarm only checks the 8 bytes one at a time.
 */
static int
word_maybe_control(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t del = x ^ (ones * 0x7f), c1 = x ^ (ones * 0xC2);

	return ((((x - ones * 0x20) & ~x) | ((del - ones) & ~del) |
	    ((c1 - ones) & ~c1)) & high) != 0;
}

sp_status
dec_clean(const sp_dec *d, const sp_node *n, const char *what,
    int allow_newline)
{
	const unsigned char *s = (const unsigned char *)n->text;
	size_t i = 0, stop;
	uint64_t x;

	while (i < n->len) {
		if (i + 8 <= n->len && (memcpy(&x, s + i, 8),
		    !word_maybe_control(x))) {
			i += 8;
			continue;
		}
		for (stop = i + 8 < n->len ? i + 8 : n->len; i < stop; i++) {
			if (s[i] == '\n' && allow_newline)
				continue;
			if (s[i] < 0x20 || s[i] == 0x7f || (s[i] == 0xC2 &&
			    i + 1 < n->len && s[i + 1] >= 0x80 &&
			    s[i + 1] <= 0x9F))
				return dec_fail(d, n, "%s: control characters "
				    "are not accepted", what);
		}
	}
	return SP_OK;
}

sp_status
dec_long(const sp_dec *d, const sp_node *n, const char *what, long min,
    long max, long *out)
{
	long v;
	char *end;

	if (n->type != SP_NODE_SCALAR || !n->plain ||
	    !dec_is_decimal(n->text, 0))
		return not_a_number(d, n, what, "a whole number");
	errno = 0;
	v = strtol(n->text, &end, 10);
	if (errno == ERANGE || v < min || v > max)
		return dec_fail(d, n, "%s: %s is out of range (%ld to %ld)",
		    what, n->text, min, max);
	*out = v;
	return SP_OK;
}

sp_status
dec_double(const sp_dec *d, const sp_node *n, const char *what, double min,
    double max, double *out)
{
	const char *t = n->text;
	double v;
	char *end;

	if (n->type != SP_NODE_SCALAR || !n->plain ||
	    !dec_is_decimal(t, 1))
		return not_a_number(d, n, what, "a number");
	/* A digit or two, as most ratings are: exact without strtod. */
	if (t[0] >= '0' && t[0] <= '9' && (t[1] == '\0' ||
	    (t[1] >= '0' && t[1] <= '9' && t[2] == '\0')))
		v = t[1] == '\0' ? t[0] - '0' : (t[0] - '0') * 10 + t[1] - '0';
	else
		v = strtod(t, &end);
	if (!isfinite(v) || v < min || v > max)
		return dec_fail(d, n, "%s: %s is out of range (%g to %g)", what,
		    n->text, min, max);
	*out = v == 0 ? 0.0 : v; /* -0 reads as 0 */
	return SP_OK;
}

sp_status
dec_bool(const sp_dec *d, const sp_node *n, const char *what, int *out)
{
	static const char *const yes[] = { "true", "yes" };
	static const char *const no[] = { "false", "no" };
	size_t i;

	if (n->type == SP_NODE_SCALAR && n->plain) {
		for (i = 0; i < 2; i++) {
			if (strcasecmp(n->text, yes[i]) == 0) {
				*out = 1;
				return SP_OK;
			}
			if (strcasecmp(n->text, no[i]) == 0) {
				*out = 0;
				return SP_OK;
			}
		}
	}
	if (n->type == SP_NODE_SCALAR && !n->plain)
		return dec_fail(d, n, "%s: expected true or false, found the "
		    "quoted string \"%s\"", what, n->text);
	if (n->type == SP_NODE_SCALAR)
		return dec_fail(d, n, "%s: expected true or false (or yes or "
		    "no), found '%s'", what, n->text);
	return dec_fail(d, n, "%s: expected true or false, found %s", what,
	    sp_node_kind(n));
}

void
dec_join(char *buf, size_t size, const char *const *values, int n)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		const char *sep = i == 0 ? "" : i == n - 1 ? " or " : ", ";
		int w = snprintf(buf + used, size - used, "%s'%s'", sep,
		    values[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* Levenshtein distance, capped: enough to spot typos in short keys. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65];

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0], tmp;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));

			tmp = row[j];
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *
dec_suggest(const char *word, const char *const *cand, int n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, len = strlen(word);
	int i;

	for (i = 0; i < n; i++) {
		size_t dd = distance(word, cand[i]);

		if (dd < bestd) {
			bestd = dd;
			best = cand[i];
		}
	}
	/* Allow about one typo per four letters, at least one. */
	if (best != NULL && bestd <= (len < 4 ? 1 : len / 4 + 1) &&
	    bestd < len)
		return best;
	return NULL;
}

void
dec_hint(char *buf, size_t size, const char *word, const char *const *cand,
    int n)
{
	const char *s = dec_suggest(word, cand, n);

	if (s != NULL)
		snprintf(buf, size, " (did you mean '%s'?)", s);
	else if (size > 0)
		buf[0] = '\0';
}

sp_status
dec_enum(const sp_dec *d, const sp_node *n, const char *what,
    const char *const *values, int nvalues, int *out)
{
	char list[SP_ERROR_MAX / 2], hint[96];
	int i;

	if (n->type != SP_NODE_SCALAR) {
		dec_join(list, sizeof(list), values, nvalues);
		return dec_fail(d, n, "%s: expected %s, found %s", what, list,
		    sp_node_kind(n));
	}
	for (i = 0; i < nvalues; i++) {
		if (strcmp(n->text, values[i]) == 0) {
			*out = i;
			return SP_OK;
		}
	}
	dec_join(list, sizeof(list), values, nvalues);
	dec_hint(hint, sizeof(hint), n->text, values, nvalues);
	return dec_fail(d, n, "%s: unknown value '%s'%s; expected %s", what,
	    n->text, hint, list);
}

sp_status
dec_keys(const sp_dec *d, const sp_node *map, const char *what,
    const char *const *allowed, int nallowed)
{
	const sp_node *k;
	char hint[96];
	int i;

	for (k = map->first; k != NULL; k = k->next) {
		for (i = 0; i < nallowed; i++)
			if (strcmp(k->text, allowed[i]) == 0)
				break;
		if (i < nallowed)
			continue;
		dec_hint(hint, sizeof(hint), k->text, allowed, nallowed);
		KEEP(d, dec_fail(d, k, "%s: unknown key '%s'%s", what, k->text,
		    hint));
	}
	return SP_OK;
}
