/*
 * The JSON writer (see stackpick/json.h): streamed text, or the same
 * calls building a jansson tree.  The text matches json_dumpf() byte for
 * byte; tests/test_json.c holds it to that.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "stackpick/json.h"
#include "stackpick/render.h"
#include "internal.h"

/* What a byte needs in a JSON string: 0 as is, 1 escaped, 2 UTF-8. */
static const unsigned char byte_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/*
 * Room for n more bytes of out, or NULL when memory runs out: the common
 * case without a call.
 */
static inline char *
room(sp_buf *b, size_t n)
{
	if (b->ptr != NULL && !b->oom && b->cap - b->len > n)
		return b->ptr + b->len;
	return sp_buf_reserve(b, n);
}

static inline void
commit(sp_buf *b, size_t n)
{
	b->len += n;
	b->ptr[b->len] = '\0';
}

/*
 * Whether one of the 8 bytes of x may need more than a copy: a control
 * character, '"', '\\' or a byte of UTF-8 to check.  Never misses one; a
 * false alarm only sends a byte down the slow path.
 */
static inline int
word_special(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');

	return ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
	    ((bs - ones) & ~bs) | x) & high) != 0;
}

/* The escape of a byte that is not copied as is, at d; returns the end. */
static char *
escape_byte(char *d, unsigned c)
{
	static const char hex[] = "0123456789ABCDEF";

	*d++ = '\\';
	switch (c) {
	case '"': case '\\': *d++ = (char)c; break;
	case '\b': *d++ = 'b'; break;
	case '\f': *d++ = 'f'; break;
	case '\n': *d++ = 'n'; break;
	case '\r': *d++ = 'r'; break;
	case '\t': *d++ = 't'; break;
	default:
		memcpy(d, "u00", 3);
		d[3] = hex[c >> 4];
		d[4] = hex[c & 15];
		d += 5;
		break;
	}
	return d;
}

/*
 * Writes s (n bytes, NULs included) as a JSON string at d, which has room
 * for STRING_ROOM(n) bytes: at most six per byte of input (\u00XX).
 * Returns the end.
 */
#define STRING_ROOM(n) (6 * (n) + 2)
static char *
escape(char *d, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, stop;
	uint64_t x;

	*d++ = '"';
	for (;;) {
		/*
		 * Eight plain bytes at a time; then one at a time up to the
		 * byte that needs more than a copy, within the next eight.
		 */
		while (i + 8 <= n && (memcpy(&x, p + i, 8), !word_special(x))) {
			memcpy(d, &x, 8);
			d += 8;
			i += 8;
		}
		stop = i + 8;
		if (stop > n)
			stop = n;
		while (i < stop && byte_class[p[i]] == 0)
			*d++ = (char)p[i++];
		if (i >= n)
			break;
		if (i == stop)
			continue;
		if (byte_class[p[i]] == 1) {
			d = escape_byte(d, p[i++]);
		} else if ((len = sp_utf8_seq(s + i, n - i)) == 0) {
			memcpy(d, "\xEF\xBF\xBD", 3);
			d += 3;
			i++;
		} else {
			memcpy(d, s + i, len);
			d += len;
			i += len;
		}
	}
	*d++ = '"';
	return d;
}

/*
 * What jansson does to snprintf's "%.*g": make sure an integral real
 * keeps a '.' or an 'e', and drop the '+' and leading zeros of the
 * exponent.  s holds n bytes and room for two more.
 */
static size_t
jansson_real(char *s, size_t n)
{
	char *e, *start, *end;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ',')
			s[i] = '.'; /* a locale's decimal comma */
	if (memchr(s, '.', n) == NULL && memchr(s, 'e', n) == NULL) {
		memcpy(s + n, ".0", 3);
		return n + 2;
	}
	if ((e = memchr(s, 'e', n)) == NULL)
		return n;
	start = e + 1;
	end = start + 1;
	if (*start == '-')
		start++;
	while (*end == '0')
		end++;
	if (end != start) {
		memmove(start, end, n - (size_t)(end - s) + 1);
		n -= (size_t)(end - start);
	}
	return n;
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 sp_u128;

static const uint64_t pow10_u64[] = { 1ULL, 10ULL, 100ULL, 1000ULL,
	10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
	1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
	10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
	10000000000000000ULL, 100000000000000000ULL };

/*
 * m * 2^-s * 10^k rounded to the nearest integer, ties to even, as
 * glibc's printf rounds: exactly, in 128-bit integers.  Needs
 * 0 < s < 96 and -17 <= k <= 17.
 */
static uint64_t
scaled_round(uint64_t m, int s, int k)
{
	sp_u128 num, den, q, r;

	if (k >= 0) {
		num = (sp_u128)m * pow10_u64[k];
		den = (sp_u128)1 << s;
		q = num >> s;
		r = num & (den - 1);
	} else {
		num = m;
		den = (sp_u128)pow10_u64[-k] << s;
		q = num / den;
		r = num - q * den;
	}
	if (2 * r > den || (2 * r == den && (q & 1)))
		q++;
	return (uint64_t)q;
}

/*
 * The 12 significant digits of a (finite, 1e-5 <= a < 1e15) and its
 * decimal exponent, exactly as "%.12g" finds them.
 */
static uint64_t
digits12(double a, int *exp10)
{
	uint64_t bits, m, n;
	int ex, s, e;

	memcpy(&bits, &a, sizeof(bits));
	ex = (int)((bits >> 52) & 0x7FF) - 1022; /* a = m * 2^(ex - 53) */
	m = (bits & ((1ULL << 52) - 1)) | (1ULL << 52);
	s = 53 - ex;
	/* floor(log10(2^(ex - 1))), at most one below the exponent. */
	e = (int)(((long)(ex - 1) * 78913) >> 18);
	for (;;) {
		n = scaled_round(m, s, 11 - e);
		if (n >= pow10_u64[12])
			e++;
		else if (n < pow10_u64[11])
			e--;
		else
			break;
	}
	*exp10 = e;
	return n;
}

/* Writes the 12 digits n with the decimal exponent e, as %.12g. */
static size_t
layout(char *buf, uint64_t n, int e)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "93949596979899";
	char dig[12];
	int i, nd = 12, o = 0;

	for (i = 10; i >= 0; i -= 2, n /= 100)
		memcpy(dig + i, pairs + 2 * (n % 100), 2);
	while (nd > 1 && dig[nd - 1] == '0')
		nd--;
	if (e < -4 || e >= 12) {
		buf[o++] = dig[0];
		if (nd > 1) {
			buf[o++] = '.';
			memcpy(buf + o, dig + 1, (size_t)nd - 1);
			o += nd - 1;
		}
		return (size_t)o + (size_t)sprintf(buf + o, "e%d", e);
	}
	if (e < 0) {
		memcpy(buf, "0.0000", (size_t)(1 - e));
		o = 1 - e;
		memcpy(buf + o, dig, (size_t)nd);
		return (size_t)(o + nd);
	}
	memcpy(buf, dig, (size_t)e + 1);
	o = e + 1;
	buf[o++] = '.';
	if (nd <= e + 1) {
		buf[o++] = '0';
		return (size_t)o;
	}
	memcpy(buf + o, dig + e + 1, (size_t)(nd - e - 1));
	return (size_t)(o + nd - e - 1);
}

/* Writes the integer u as decimal digits ending at end; returns start. */
static char *
digits_before(char *end, uint64_t u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	return end;
}
#endif

size_t
sp_json_format_real(char *buf, double v)
{
	double a = fabs(v);
	size_t n = 0;

	if (v == 0) {
		const char *z = signbit(v) ? "-0.0" : "0.0";

		memcpy(buf, z, strlen(z) + 1);
		return strlen(z);
	}
#if defined(__SIZEOF_INT128__)
	if (a < 1e12 && a == (double)(uint64_t)a) {
		/* An integral real, as the ratings and weights mostly are. */
		char tmp[24], *p = digits_before(tmp + sizeof(tmp), (uint64_t)a);

		if (v < 0)
			buf[n++] = '-';
		memcpy(buf + n, p, (size_t)(tmp + sizeof(tmp) - p));
		n += (size_t)(tmp + sizeof(tmp) - p);
		memcpy(buf + n, ".0", 3);
		return n + 2;
	}
	if (a >= 1e-5 && a < 1e15) {
		int e;
		uint64_t d = digits12(a, &e);

		if (v < 0)
			buf[n++] = '-';
		n += layout(buf + n, d, e);
		buf[n] = '\0';
		return n;
	}
#endif
	(void)a;
	n = (size_t)snprintf(buf, SP_JSON_REAL_MAX - 3, "%.*g",
	    SP_JSON_PRECISION, v);
	return jansson_real(buf, n);
}

/* Appends n bytes. */
static void
put(sp_buf *b, const char *s, size_t n)
{
	char *d = room(b, n);

	if (d != NULL) {
		memcpy(d, s, n);
		commit(b, n);
	}
}

/* A newline and the indent of depth levels. */
static void
newline(sp_buf *b, int depth)
{
	size_t n = 1 + 2 * (size_t)depth;
	char *d = room(b, n);

	if (d != NULL) {
		d[0] = '\n';
		memset(d + 1, ' ', n - 1);
		commit(b, n);
	}
}

/*
 * Starts a streamed value: the comma after the one before, the line
 * break and indent when pretty, and the key in an object.  Returns where
 * the value goes, with room for extra bytes, or NULL when out of memory;
 * the value ends with done().
 */
static char *
lead(sp_json *w, const char *key, size_t extra)
{
	int depth = w->depth;
	size_t klen = key != NULL ? strlen(key) : 0;
	char *d;

	if (depth == 0 ? w->members[0] > 0 || key != NULL :
	    (key != NULL) != (w->open[depth - 1] == '}'))
		w->failed = 1;
	if (klen > ((size_t)-1) / 8 - extra / 8 - SP_JSON_MAX_DEPTH ||
	    (d = room(w->out, STRING_ROOM(klen) + 4 + 2 * (size_t)depth +
	    extra)) == NULL) {
		w->failed = 1;
		return NULL;
	}
	w->mark = d;
	if (w->members[depth]++ > 0 && depth > 0)
		*d++ = ',';
	if (w->pretty && depth > 0) {
		*d++ = '\n';
		memset(d, ' ', 2 * (size_t)depth);
		d += 2 * depth;
	}
	if (key != NULL) {
		d = escape(d, key, klen);
		*d++ = ':';
		if (w->pretty)
			*d++ = ' ';
	}
	return d;
}

/* Ends a value that lead() started, at end. */
static void
done(sp_json *w, const char *end)
{
	commit(w->out, (size_t)(end - w->mark));
}

/* A value of n bytes of text that need no escaping. */
static void
put_value(sp_json *w, const char *key, const char *s, size_t n)
{
	char *d = lead(w, key, n);

	if (d != NULL) {
		memcpy(d, s, n);
		done(w, d + n);
	}
}

/* Appends s (n bytes) to b with every byte that is not UTF-8 as U+FFFD. */
static void
repair(sp_buf *b, const char *s, size_t n)
{
	size_t i, len;

	for (i = 0; i < n; i += len > 0 ? len : 1) {
		len = sp_utf8_seq(s + i, n - i);
		if (len == 0)
			sp_buf_putn(b, "\xEF\xBF\xBD", 3);
		else
			sp_buf_putn(b, s + i, len);
	}
}

/* A string in a built document, repaired to UTF-8 when it is not. */
static json_t *
tree_string(const char *s, size_t n)
{
	sp_buf b = SP_BUF_INIT;
	json_t *j = json_stringn(s, n);

	if (j != NULL)
		return j;
	repair(&b, s, n);
	j = b.oom ? NULL : json_stringn(sp_buf_cstr(&b), b.len);
	sp_buf_free(&b);
	return j;
}

/* Sets a member of a built object, its key repaired as the text is. */
static int
set_member(json_t *o, const char *key, json_t *v)
{
	sp_buf b = SP_BUF_INIT;
	int rc;

	if (sp_utf8_valid(key))
		return json_object_set_new(o, key, v);
	repair(&b, key, strlen(key));
	rc = b.oom ? -1 : json_object_set_new(o, sp_buf_cstr(&b), v);
	if (b.oom)
		json_decref(v);
	sp_buf_free(&b);
	return rc;
}

/* Adds a built value to the open container, or makes it the document. */
static void
add(sp_json *w, const char *key, json_t *v)
{
	json_t *top = w->depth > 0 ? w->tree[w->depth - 1] : NULL;

	if (v == NULL)
		w->failed = 1;
	else if (top == NULL && w->root == NULL && key == NULL)
		w->root = v;
	else if (top != NULL && json_is_object(top) && key != NULL) {
		if (set_member(top, key, v) != 0)
			w->failed = 1;
	} else if (top != NULL && json_is_array(top) && key == NULL) {
		if (json_array_append_new(top, v) != 0)
			w->failed = 1;
	} else {
		json_decref(v);
		w->failed = 1;
	}
}

void
sp_json_init(sp_json *w, sp_buf *out, int pretty)
{
	memset(w->open, 0, sizeof(w->open));
	w->out = out;
	w->root = NULL;
	w->depth = 0;
	w->members[0] = 0;
	w->pretty = pretty;
	w->failed = 0;
}

void
sp_json_init_tree(sp_json *w)
{
	sp_json_init(w, NULL, 0);
}

sp_status
sp_json_finish(sp_json *w)
{
	if (w->depth != 0 || w->members[0] != 1)
		w->failed = 1;
	if (w->out != NULL && w->out->oom)
		w->failed = 1;
	return w->failed ? SP_ENOMEM : SP_OK;
}

json_t *
sp_json_take(sp_json *w)
{
	json_t *root = w->root;

	/* Containers belong to their parents, and all to root. */
	w->root = NULL;
	if (w->depth != 0 || root == NULL || w->failed) {
		json_decref(root);
		return NULL;
	}
	return root;
}

/* Opens a container: '}' for an object, ']' for an array. */
static void
open_container(sp_json *w, const char *key, char close)
{
	json_t *c;

	if (w->depth >= SP_JSON_MAX_DEPTH - 1) {
		w->failed = 1;
		return;
	}
	if (w->out != NULL) {
		put_value(w, key, close == '}' ? "{" : "[", 1);
		c = NULL;
	} else {
		c = close == '}' ? json_object() : json_array();
		add(w, key, c);
		if (c == NULL)
			return;
	}
	w->tree[w->depth] = c;
	w->open[w->depth] = close;
	w->depth++;
	w->members[w->depth] = 0;
}

void
sp_json_object(sp_json *w, const char *key)
{
	open_container(w, key, '}');
}

void
sp_json_array(sp_json *w, const char *key)
{
	open_container(w, key, ']');
}

void
sp_json_end(sp_json *w)
{
	if (w->depth == 0) {
		w->failed = 1;
		return;
	}
	w->depth--;
	if (w->out == NULL)
		return;
	if (w->pretty && w->members[w->depth + 1] > 0)
		newline(w->out, w->depth);
	put(w->out, &w->open[w->depth], 1);
}

/* A string of n bytes (NULs included), or null for NULL. */
static void
string_n(sp_json *w, const char *key, const char *s, size_t n)
{
	if (s == NULL) {
		sp_json_null(w, key);
	} else if (w->out != NULL) {
		char *d = n > ((size_t)-1) / 8 ? NULL :
		    lead(w, key, STRING_ROOM(n));

		if (d != NULL)
			done(w, escape(d, s, n));
		else
			w->failed = 1;
	} else
		add(w, key, tree_string(s, n));
}

void
sp_json_str(sp_json *w, const char *key, const char *s)
{
	string_n(w, key, s, s != NULL ? strlen(s) : 0);
}

size_t
sp_json_tell(const sp_json *w)
{
	return w->out != NULL ? w->out->len : 0;
}

void
sp_json_splice(sp_json *w, const char *text, size_t n)
{
	if (w->out == NULL || w->depth == 0 || w->members[w->depth] == 0) {
		w->failed = 1;
		return;
	}
	w->members[w->depth]++;
	sp_buf_putn(w->out, text, n);
}

void
sp_json_real(sp_json *w, const char *key, double v)
{
	char *d;

	if (!isfinite(v)) {
		sp_json_null(w, key);
	} else if (w->out != NULL) {
		if ((d = lead(w, key, SP_JSON_REAL_MAX)) != NULL)
			done(w, d + sp_json_format_real(d, v));
	} else
		add(w, key, json_real(v));
}

void
sp_json_int(sp_json *w, const char *key, long long v)
{
	char buf[24], *p = buf + sizeof(buf);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	if (w->out == NULL) {
		add(w, key, json_integer((json_int_t)v));
		return;
	}
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	put_value(w, key, p, (size_t)(buf + sizeof(buf) - p));
}

void
sp_json_bool(sp_json *w, const char *key, int v)
{
	if (w->out == NULL) {
		add(w, key, json_boolean(v));
		return;
	}
	if (v)
		put_value(w, key, "true", 4);
	else
		put_value(w, key, "false", 5);
}

void
sp_json_null(sp_json *w, const char *key)
{
	if (w->out == NULL) {
		add(w, key, json_null());
		return;
	}
	put_value(w, key, "null", 4);
}

/* Streams j, which stays the caller's. */
static void
stream_tree(sp_json *w, const char *key, json_t *j)
{
	void *it;
	size_t i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		/* Members in the order they were set, as jansson writes them. */
		sp_json_object(w, key);
		for (it = json_object_iter(j); it != NULL;
		    it = json_object_iter_next(j, it))
			stream_tree(w, json_object_iter_key(it),
			    json_object_iter_value(it));
		sp_json_end(w);
		break;
	case JSON_ARRAY:
		sp_json_array(w, key);
		for (i = 0; i < json_array_size(j); i++)
			stream_tree(w, NULL, json_array_get(j, i));
		sp_json_end(w);
		break;
	case JSON_STRING:
		string_n(w, key, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		sp_json_int(w, key, json_integer_value(j));
		break;
	case JSON_REAL:
		sp_json_real(w, key, json_real_value(j));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		sp_json_bool(w, key, json_is_true(j));
		break;
	default:
		sp_json_null(w, key);
		break;
	}
}

void
sp_json_put(sp_json *w, const char *key, json_t *j)
{
	if (j == NULL) {
		w->failed = 1;
	} else if (w->out != NULL) {
		stream_tree(w, key, j);
		json_decref(j);
	} else
		add(w, key, j);
}
