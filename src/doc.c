/*
 * The load stage: libyaml's event parser feeding a tree of sp_nodes that
 * lives in one arena, so that a document is released with one call.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "stackpick/doc.h"
#include "internal.h"

#define ARENA_CHUNK 16384

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct sp_doc {
	struct chunk *chunks;
	sp_node *root;
	char name[256];
};

static void *
arena_alloc(sp_doc *doc, size_t n)
{
	struct chunk *c = doc->chunks;
	size_t align = sizeof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (c != NULL)
		c->used = c->used + align - 1 < c->size ?
		    (c->used + align - 1) / align * align : c->size;
	if (c == NULL || c->size - c->used < n) {
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;

		c = malloc(sizeof(*c) + size);
		if (c == NULL)
			return NULL;
		c->size = size;
		c->used = 0;
		c->next = doc->chunks;
		doc->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

/* n bytes with no alignment, for text: one-letter values take two. */
static char *
arena_bytes(sp_doc *doc, size_t n)
{
	struct chunk *c = doc->chunks;
	char *p;

	if (c == NULL || c->size - c->used < n)
		return arena_alloc(doc, n);
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

void *
sp_doc_alloc(sp_doc *doc, size_t n)
{
	void *p = arena_alloc(doc, n ? n : 1);

	if (p != NULL)
		memset(p, 0, n ? n : 1);
	return p;
}

void
sp_doc_free(sp_doc *doc)
{
	struct chunk *c, *next;

	if (doc == NULL)
		return;
	for (c = doc->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(doc);
}

sp_status
sp_doc_wrap(sp_doc **out, sp_node *root, const char *name, sp_error *err)
{
	sp_doc *doc = calloc(1, sizeof(*doc));

	*out = NULL;
	if (doc == NULL)
		return sp_error_set(err, SP_ENOMEM, name, 0, 0,
		    "out of memory");
	snprintf(doc->name, sizeof(doc->name), "%s", name);
	doc->root = root;
	*out = doc;
	return SP_OK;
}

const sp_node *
sp_doc_root(const sp_doc *doc)
{
	return doc->root;
}

const char *
sp_doc_name(const sp_doc *doc)
{
	return doc->name;
}

const sp_node *
sp_node_get(const sp_node *map, const char *key)
{
	const sp_node *k;

	if (map == NULL || map->type != SP_NODE_MAP)
		return NULL;
	for (k = map->first; k != NULL; k = k->next)
		if (k->text[0] == key[0] && strcmp(k->text, key) == 0)
			return k->value;
	return NULL;
}

const char *
sp_node_kind(const sp_node *node)
{
	if (node == NULL)
		return "nothing";
	switch (node->type) {
	case SP_NODE_SEQ:
		return "a sequence";
	case SP_NODE_MAP:
		return "a mapping";
	default:
		return node->plain ? "a plain scalar" : "a quoted string";
	}
}

sp_status
sp_read_file(char **out, size_t *len, const char *path, const char *name,
    long max, sp_error *err)
{
	struct stat st;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	int fd, stdin_fd = strcmp(path, "-") == 0;
	sp_status rc = SP_OK;

	*out = NULL;
	*len = 0;
	fd = stdin_fd ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return sp_error_set(err, SP_EINPUT, name, 0, 0, "%s",
		    strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = sp_error_set(err, SP_EINPUT, name, 0, 0,
		    "is a directory");
		goto done;
	}
	for (;;) {
		ssize_t r;

		if (cap - n < 4096 + 1) {
			size_t ncap = cap ? cap * 2 : 8192;
			char *nbuf;

			if (ncap > (size_t)max + 4096 + 1)
				ncap = (size_t)max + 4096 + 1;
			nbuf = realloc(buf, ncap);
			if (nbuf == NULL) {
				rc = sp_error_set(err, SP_ENOMEM, name, 0, 0,
				    "out of memory");
				goto done;
			}
			buf = nbuf;
			cap = ncap;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = sp_error_set(err, SP_EINPUT, name, 0, 0, "%s",
			    strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > (size_t)max) {
			rc = sp_error_set(err, SP_EDATA, name, 0, 0,
			    "input is larger than the limit of %ld bytes", max);
			goto done;
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
done:
	if (!stdin_fd)
		close(fd);
	free(buf);
	return rc;
}

/* The code unit at byte i: a byte, or a UTF-16 unit of either order. */
static unsigned
unit_at(const unsigned char *s, size_t len, size_t i, int width, int le)
{
	if (width == 1)
		return s[i];
	if (i + 1 >= len)
		return 0;
	return le ? (unsigned)(s[i] | s[i + 1] << 8) :
	    (unsigned)(s[i] << 8 | s[i + 1]);
}

/*
 * Converts a byte offset from libyaml's reader into a 1-based line and
 * column, as libyaml counts them for the other errors: a byte order mark
 * takes no column, CR, LF and CRLF end lines, and a column is a
 * character (UTF-8 or UTF-16, as the input is).
 */
static void
offset_to_mark(const char *buf, size_t len, size_t off, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	int width = 1, le = 0;
	unsigned c;

	*line = 1;
	*col = 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
	} else if (len >= 2 && (s[0] == 0xFF || s[0] == 0xFE) &&
	    (s[1] == 0xFF || s[1] == 0xFE) && s[0] != s[1]) {
		i = 2;
		width = 2;
		le = s[0] == 0xFF;
	}
	for (; i < off && i < len; i += (size_t)width) {
		c = unit_at(s, len, i, width, le);
		if (c == '\r' && i + (size_t)width < len &&
		    unit_at(s, len, i + (size_t)width, width, le) == '\n')
			continue;
		if (c == '\n' || c == '\r') {
			(*line)++;
			*col = 1;
		} else if (width == 1 ? (c & 0xC0) != 0x80 :
		    (c & 0xFC00) != 0xDC00) {
			(*col)++;
		}
	}
}

/*
 * The offset of the character at a 0-based line and column of UTF-8
 * input, or -1 past the end.
 */
static long
offset_at_mark(const char *buf, size_t len, size_t line, size_t col)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t i = 0;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		i = 3;
	for (; i < len && line > 0; i++)
		if (u[i] == '\n')
			line--;
	for (; i < len && u[i] != '\n'; i++) {
		if ((u[i] & 0xC0) == 0x80)
			continue;
		if (col-- == 0)
			return (long)i;
	}
	return -1;
}

/* The first byte of the character at a 0-based place, or -1. */
static int
char_at_mark(const char *buf, size_t len, size_t line, size_t col)
{
	long at = offset_at_mark(buf, len, line, col);

	return at < 0 ? -1 : ((const unsigned char *)buf)[at];
}

struct builder {
	sp_doc *doc;
	const char *buf;
	size_t len;
	sp_error *err;
	sp_node *stack[SP_MAX_DEPTH + 1];
	sp_node *last[SP_MAX_DEPTH + 1]; /* last child at each level */
	int depth;
	sp_node *pending_key[SP_MAX_DEPTH + 1];
	uint64_t keys[SP_MAX_DEPTH + 1][4]; /* a bit per key hash, per map */
	size_t nodes;                    /* made so far */
	const struct edit *edits;        /* surrogate pairs rewritten */
	size_t nedits;
};

/*
 * JSON writes a character past U+FFFF as a UTF-16 surrogate pair,
 * "\ud83d\ude00", and libyaml refuses each half.  Before parsing, every
 * such pair inside a double-quoted scalar becomes YAML's own escape for
 * the character, "\U0001F600", two characters shorter; an edit records
 * where, so that columns after it on its line are told as in the file.
 * Which pairs are inside double-quoted scalars (and not in a comment, a
 * plain or single-quoted scalar or a block scalar, where they are text)
 * is decided by libyaml's own scanner.  A lone half is left to libyaml,
 * whose refusal parser_error() words for it.
 */
struct edit {
	size_t line, column;  /* 0-based, of the rewritten escape */
};

struct pair {
	size_t off;           /* byte of the first backslash */
	size_t index;         /* characters before it, as libyaml counts */
	size_t line, column;  /* 0-based, in the file */
	unsigned long cp;     /* the character the pair stands for */
	int quoted;           /* inside a double-quoted scalar */
};

/* The value of four hex digits at s, or -1. */
static long
hex4(const char *s)
{
	long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Whether "\uXXXX" at s (n bytes left) escapes a surrogate in [lo, hi]. */
static long
surrogate_at(const char *s, size_t n, long lo, long hi)
{
	long v;

	if (n < 6 || s[0] != '\\' || s[1] != 'u')
		return -1;
	v = hex4(s + 2);
	return v >= lo && v <= hi ? v : -1;
}

/*
 * Lists every "\uD8xx\uDCxx" whose backslash starts an escape (an odd
 * run of backslashes), with its place as libyaml counts places: lines
 * end at LF, CR, CRLF, NEL, LS and PS; a column is a character; a byte
 * order mark takes none.  Returns how many, or -1 when out of memory.
 */
static long
find_pairs(struct pair **out, const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	struct pair *list = NULL, *grown;
	size_t i = 0, n = 0, cap = 0, index = 0, line = 0, column = 0, run = 0;
	long hi, lo;

	*out = NULL;
	/* Most files have no backslash at all: nothing to count. */
	if (memchr(buf, '\\', len) == NULL)
		return 0;
	if (len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		if (u[i] == '\\' && run % 2 == 0 &&
		    (hi = surrogate_at(buf + i, len - i, 0xD800, 0xDBFF)) >= 0 &&
		    (lo = surrogate_at(buf + i + 6, len - i - 6, 0xDC00,
		    0xDFFF)) >= 0) {
			if (n == cap) {
				cap = cap * 2 + 16;
				grown = realloc(list, cap * sizeof(*list));
				if (grown == NULL) {
					free(list);
					return -1;
				}
				list = grown;
			}
			list[n].off = i;
			list[n].index = index;
			list[n].line = line;
			list[n].column = column;
			list[n].cp = 0x10000 + (((unsigned long)hi - 0xD800) <<
			    10) + ((unsigned long)lo - 0xDC00);
			list[n].quoted = 0;
			n++;
		}
		run = u[i] == '\\' ? run + 1 : 0;
		if ((u[i] & 0xC0) == 0x80)
			continue;
		index++;
		if (u[i] == '\r' && i + 1 < len && u[i + 1] == '\n') {
			index++;
			i++;
		}
		if (u[i] == '\n' || u[i] == '\r' || (u[i] == 0xC2 &&
		    i + 1 < len && u[i + 1] == 0x85) || (u[i] == 0xE2 &&
		    i + 2 < len && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 ||
		    u[i + 2] == 0xA9))) {
			line++;
			column = 0;
		} else {
			column++;
		}
	}
	*out = list;
	return (long)n;
}

/*
 * Marks the pairs that libyaml's scanner finds inside double-quoted
 * scalars.  The scan stops at the first error, or past the nesting
 * bound (the parse will stop there too); later pairs stay text.
 */
static int
mark_quoted(struct pair *pairs, size_t n, const char *buf, size_t len)
{
	yaml_parser_t scanner;
	yaml_token_t tok;
	size_t next = 0, i;
	int depth = 0, done = 0;
	char *copy = malloc(len + 1);

	/* The scanner refuses the halves: show it "\u0041" in their place. */
	if (copy == NULL)
		return -1;
	memcpy(copy, buf, len);
	for (i = 0; i < n; i++) {
		memcpy(copy + pairs[i].off + 2, "0041", 4);
		memcpy(copy + pairs[i].off + 8, "0041", 4);
	}
	if (!yaml_parser_initialize(&scanner)) {
		free(copy);
		return -1;
	}
	yaml_parser_set_input_string(&scanner, (const unsigned char *)copy,
	    len);
	while (!done && next < n && yaml_parser_scan(&scanner, &tok)) {
		switch (tok.type) {
		case YAML_STREAM_END_TOKEN:
			done = 1;
			break;
		case YAML_FLOW_SEQUENCE_START_TOKEN:
		case YAML_FLOW_MAPPING_START_TOKEN:
		case YAML_BLOCK_SEQUENCE_START_TOKEN:
		case YAML_BLOCK_MAPPING_START_TOKEN:
			done = ++depth > SP_MAX_DEPTH + 1;
			break;
		case YAML_FLOW_SEQUENCE_END_TOKEN:
		case YAML_FLOW_MAPPING_END_TOKEN:
		case YAML_BLOCK_END_TOKEN:
			depth--;
			break;
		case YAML_SCALAR_TOKEN:
			while (next < n && pairs[next].index <
			    tok.start_mark.index)
				next++;
			for (; tok.data.scalar.style ==
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE && next < n &&
			    pairs[next].index < tok.end_mark.index; next++)
				pairs[next].quoted = 1;
			break;
		default:
			break;
		}
		yaml_token_delete(&tok);
	}
	yaml_parser_delete(&scanner);
	free(copy);
	return 0;
}

/*
 * Rewrites the quoted surrogate pairs of buf into *out (a new buffer of
 * *outlen bytes, or NULL when there is nothing to rewrite) and lists
 * the edits.  Returns -1 when out of memory.
 */
static int
rewrite_pairs(char **out, size_t *outlen, struct edit **edits,
    size_t *nedits, const char *buf, size_t len)
{
	struct pair *pairs;
	long n = find_pairs(&pairs, buf, len);
	size_t i, from = 0, used = 0, k = 0, shift = 0, line = (size_t)-1;
	char *text;

	*out = NULL;
	*edits = NULL;
	*nedits = 0;
	if (n <= 0)
		return (int)n;
	if (mark_quoted(pairs, (size_t)n, buf, len) != 0 ||
	    (text = malloc(len + 1)) == NULL ||
	    (*edits = malloc((size_t)n * sizeof(**edits))) == NULL) {
		free(*out);
		free(pairs);
		*out = NULL;
		return -1;
	}
	for (i = 0; i < (size_t)n; i++) {
		if (!pairs[i].quoted)
			continue;
		memcpy(text + used, buf + from, pairs[i].off - from);
		used += pairs[i].off - from;
		/* Ten characters in the place of twelve. */
		snprintf(text + used, 11, "\\U%08lX", pairs[i].cp);
		used += 10;
		from = pairs[i].off + 12;
		if (pairs[i].line != line)
			shift = 0;
		line = pairs[i].line;
		(*edits)[k].line = line;
		(*edits)[k].column = pairs[i].column - shift;
		shift += 2;
		k++;
	}
	memcpy(text + used, buf + from, len - from);
	used += len - from;
	text[used] = '\0';
	free(pairs);
	if (k == 0) {
		free(text);
		free(*edits);
		*edits = NULL;
		return 0;
	}
	*out = text;
	*outlen = used;
	*nedits = k;
	return 0;
}

/*
 * The 1-based line and column in the file of a 0-based place in the
 * text libyaml read: two columns more for each pair rewritten before it
 * on its line.
 */
static void
file_mark(const struct builder *b, size_t line, size_t column, int *oline,
    int *ocolumn)
{
	size_t lo = 0, hi = b->nedits, start;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->edits[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	start = lo;
	hi = b->nedits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->edits[mid].line == line &&
		    b->edits[mid].column < column)
			lo = mid + 1;
		else
			hi = mid;
	}
	*oline = (int)line + 1;
	*ocolumn = (int)(column + 2 * (lo - start)) + 1;
}

/* Fails with SP_EDATA and a message located at m, in the file. */
static sp_status
fail(struct builder *b, const yaml_mark_t *m, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static sp_status
fail(struct builder *b, const yaml_mark_t *m, const char *fmt, ...)
{
	int line = 0, column = 0;
	va_list ap;
	sp_status rc;

	if (m != NULL)
		file_mark(b, m->line, m->column, &line, &column);
	va_start(ap, fmt);
	rc = sp_error_vset(b->err, SP_EDATA, b->doc->name, line, column, fmt,
	    ap);
	va_end(ap);
	return rc;
}

/*
 * libyaml's syntax errors, said in plain words at the line to fix.  Each
 * row matches libyaml's problem (and context, when given) and words it;
 * libyaml's own text follows as a detail.  Lines are those of the text
 * libyaml read (0-based), UTF-8 only.
 */
struct line {
	const char *s;
	size_t len;
};

/* Line n of b's text, or 0 past the end. */
static int
get_line(const struct builder *b, size_t n, struct line *l)
{
	long at = offset_at_mark(b->buf, b->len, n, 0);
	const char *nl;

	if (at < 0) {
		/* An empty line has no character to find. */
		long end = offset_at_mark(b->buf, b->len, n - (n > 0), 0);

		if (n == 0 || end < 0)
			return 0;
		nl = memchr(b->buf + end, '\n', b->len - (size_t)end);
		if (nl == NULL)
			return 0;
		l->s = nl + 1;
		l->len = 0;
		return 1;
	}
	l->s = b->buf + at;
	nl = memchr(l->s, '\n', b->len - (size_t)at);
	l->len = nl ? (size_t)(nl - l->s) : b->len - (size_t)at;
	if (l->len > 0 && l->s[l->len - 1] == '\r')
		l->len--;
	return 1;
}

static size_t
indent_of(const struct line *l)
{
	size_t i = 0;

	while (i < l->len && l->s[i] == ' ')
		i++;
	return i;
}

/* The character column of byte i of a line. */
static size_t
column_of(const struct line *l, size_t i)
{
	size_t j, col = 0;

	for (j = 0; j < i && j < l->len; j++)
		if (((unsigned char)l->s[j] & 0xC0) != 0x80)
			col++;
	return col;
}

/*
 * The byte of the first ':' of a line that a key and its value would
 * share, with no space after it ("key:value"), or -1; -1 too when the line
 * has a proper "key: value" first, or the ':' is quoted or in a comment.
 */
static long
bare_colon(const struct line *l)
{
	size_t i;
	char quote = 0;

	for (i = indent_of(l); i < l->len; i++) {
		char c = l->s[i];

		if (quote != 0) {
			quote = c == quote ? 0 : quote;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '#' && i > 0 && l->s[i - 1] == ' ') {
			return -1;
		} else if (c == ':') {
			return i + 1 < l->len && l->s[i + 1] != ' ' &&
			    l->s[i + 1] != '\t' ? (long)i : -1;
		}
	}
	return -1;
}

/* The nearest line above n with something on it, or 0 when none. */
static int
line_above(const struct builder *b, size_t n, struct line *l, size_t *at)
{
	while (n-- > 0) {
		if (!get_line(b, n, l))
			return 0;
		if (indent_of(l) < l->len && l->s[indent_of(l)] != '#') {
			*at = n;
			return 1;
		}
	}
	return 0;
}

/*
 * A syntax error to say plainly: libyaml's parser, and the line of the
 * mark its row names.  A saying moves line and column where the user
 * must look, and sets what to tell them.
 */
struct say {
	const struct builder *b;
	const yaml_parser_t *p;
	struct line l;        /* line `line' of the text */
	size_t line, column;  /* 0-based, in the text libyaml read */
	const char *what;
};

/* "could not find expected ':'": the key began a line or more above. */
static int
say_simple_key(struct say *w)
{
	long c = bare_colon(&w->l);

	if (c >= 0) {
		w->column = column_of(&w->l, (size_t)c + 1);
		w->what = "missing space after ':': write 'key: value'";
	} else {
		w->what = "this line has no ':' after its key: write "
		    "'key: value', or start a list item with '- '";
	}
	return 1;
}

/* "mapping values are not allowed": a ':' where no key can start. */
static int
say_mapping_value(struct say *w)
{
	const struct line *here = &w->l;
	struct line above;
	size_t up = 0, i;

	for (i = indent_of(here); i + 1 < here->len &&
	    column_of(here, i) < w->column; i++)
		if (here->s[i] == ':' && here->s[i + 1] == ' ') {
			w->what = "a value that holds ': ' must be quoted: "
			    "write key: \"value\"";
			return 1;
		}
	/* A key past YAML's 1024 characters: libyaml's words are right. */
	if (w->column > column_of(here, indent_of(here)) + 1024 ||
	    !line_above(w->b, w->line, &above, &up))
		return 0;
	if (bare_colon(&above) >= 0) {
		w->line = up;
		w->column = column_of(&above, (size_t)bare_colon(&above) + 1);
		w->what = "missing space after ':': write 'key: value'";
		return 1;
	}
	if (indent_of(here) > indent_of(&above) && above.len > 0 &&
	    above.s[above.len - 1] != ':') {
		w->column = indent_of(here);
		w->what = "bad indentation: this line is indented more than "
		    "the one above it, whose value is not a mapping; keys of "
		    "one mapping start in the same column";
		return 1;
	}
	return 0;
}

/* "did not find expected key" or '-': a line that fits no block. */
static int
say_expected_key(struct say *w)
{
	const struct line *l = &w->l;
	size_t i;

	if (column_of(l, indent_of(l)) == w->column) {
		w->what = "bad indentation: this line lines up with no key "
		    "or list item above it; indent it as its siblings are";
		return 1;
	}
	for (i = 0; i < l->len && column_of(l, i) + 1 < w->column; i++)
		;
	if (i < l->len && (l->s[i] == '"' || l->s[i] == '\'')) {
		w->what = "text after a closing quote: quote the whole value";
		return 1;
	}
	return 0;
}

static int
say_tab(struct say *w)
{
	if (char_at_mark(w->b->buf, w->b->len, w->line, w->column) != '\t')
		return 0;
	w->what = "a tab indents this line: YAML indents with spaces only";
	return 1;
}

static int
say_quote(struct say *w)
{
	if (strstr(w->p->problem, "end of stream") == NULL &&
	    strstr(w->p->problem, "document") == NULL)
		return 0;
	w->what = "this quote is never closed: end the value with the same "
	    "quote";
	return 1;
}

static int
say_flow(struct say *w)
{
	int seq = strstr(w->p->context, "sequence") != NULL;

	if (w->p->problem_mark.line == w->line) {
		w->column = w->p->problem_mark.column;
		w->what = seq ? "expected ',' or ']': separate the items of a "
		    "list with ', '" : "expected ',' or '}': separate the "
		    "entries of a mapping with ', '";
		return 1;
	}
	w->what = seq ? "this '[' is never closed: end the list with ']'" :
	    "this '{' is never closed: end the mapping with '}'";
	return 1;
}

static const struct {
	const char *problem;   /* part of libyaml's problem */
	const char *context;   /* part of its context, or NULL: any */
	int at_context;        /* start at its context mark, not its problem
	                          mark */
	int (*say)(struct say *);
} sayings[] = {
	{ "tab", NULL, 0, say_tab },
	{ "cannot start any token", NULL, 0, say_tab },
	{ "could not find expected ':'", "simple key", 1, say_simple_key },
	{ "mapping values are not allowed", NULL, 0, say_mapping_value },
	{ "did not find expected key", "block mapping", 0, say_expected_key },
	{ "did not find expected '-'", "block collection", 0,
	    say_expected_key },
	{ "found unexpected", "quoted scalar", 1, say_quote },
	{ "did not find expected ','", "flow", 1, say_flow },
};

/*
 * Words a syntax error as a row of sayings does; 0 when none fits, or the
 * mark is past the end of the text.
 */
static int
say_plainly(struct builder *b, const yaml_parser_t *p)
{
	struct say w;
	size_t i;
	int line, col;

	if (p->encoding != YAML_UTF8_ENCODING || p->problem == NULL)
		return 0;
	for (i = 0; i < sizeof(sayings) / sizeof(sayings[0]); i++) {
		const yaml_mark_t *at = sayings[i].at_context ?
		    &p->context_mark : &p->problem_mark;

		if (strstr(p->problem, sayings[i].problem) == NULL ||
		    (sayings[i].context != NULL && (p->context == NULL ||
		    strstr(p->context, sayings[i].context) == NULL)))
			continue;
		w.b = b;
		w.p = p;
		w.line = at->line;
		w.column = at->column;
		w.what = NULL;
		if (!get_line(b, w.line, &w.l) || !sayings[i].say(&w))
			continue;
		file_mark(b, w.line, w.column, &line, &col);
		sp_error_set(b->err, SP_EDATA, b->doc->name, line, col,
		    "%s (libyaml: %s%s%s)", w.what, p->problem,
		    p->context ? " " : "", p->context ? p->context : "");
		return 1;
	}
	return 0;
}

static sp_status
parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, col;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	long at;

	if (p->error == YAML_MEMORY_ERROR)
		return sp_error_set(b->err, SP_ENOMEM, b->doc->name, 0, 0,
		    "out of memory");
	if (p->error == YAML_READER_ERROR) {
		offset_to_mark(b->buf, b->len, p->problem_offset, &line, &col);
		file_mark(b, (size_t)line - 1, (size_t)col - 1, &line, &col);
		/*
		 * libyaml gives the offending octet for malformed UTF-8 and
		 * the decoded code point for everything else.
		 */
		if (p->problem_value != -1 && strstr(problem, "octet") != NULL)
			return sp_error_set(b->err, SP_EDATA, b->doc->name,
			    line, col, "%s (byte 0x%02x)", problem,
			    (unsigned)p->problem_value & 0xFFu);
		if (p->problem_value != -1)
			return sp_error_set(b->err, SP_EDATA, b->doc->name,
			    line, col, "%s (U+%04X)", problem,
			    (unsigned)p->problem_value);
		return sp_error_set(b->err, SP_EDATA, b->doc->name, line, col,
		    "%s", problem);
	}
	file_mark(b, p->problem_mark.line, p->problem_mark.column, &line,
	    &col);
	/*
	 * libyaml stops at the digits of an escape it refuses; half of a
	 * surrogate pair (the other rewritten above) is worth saying so.
	 */
	at = p->encoding == YAML_UTF8_ENCODING && strstr(problem,
	    "escape code") != NULL ? offset_at_mark(b->buf, b->len,
	    p->problem_mark.line, p->problem_mark.column) : -1;
	if (at >= 2 && surrogate_at(b->buf + at - 2, b->len - (size_t)at + 2,
	    0xD800, 0xDFFF) >= 0)
		return sp_error_set(b->err, SP_EDATA, b->doc->name, line,
		    col - 2, "lone UTF-16 surrogate \\u%.4s: a character past "
		    "U+FFFF is written as a pair, high (\\uD800 to \\uDBFF) "
		    "then low (\\uDC00 to \\uDFFF)", b->buf + at);
	if (say_plainly(b, p))
		return SP_EDATA;
	if (p->context != NULL)
		return sp_error_set(b->err, SP_EDATA, b->doc->name, line, col,
		    "%s %s", problem, p->context);
	return sp_error_set(b->err, SP_EDATA, b->doc->name, line, col, "%s",
	    problem);
}

/*
 * Makes *out a new node.  Fails when out of memory, and past SP_MAX_NODES
 * (so that memory stays a small multiple of the bound, whatever the size
 * of the values).
 */
static sp_status
new_node(struct builder *b, sp_node_type type, const yaml_mark_t *m,
    sp_node **out)
{
	sp_node *n;

	if (++b->nodes > SP_MAX_NODES)
		return fail(b, m, "more than %d values in one document",
		    SP_MAX_NODES);
	*out = n = arena_alloc(b->doc, sizeof(*n));
	if (n == NULL)
		return sp_error_set(b->err, SP_ENOMEM, b->doc->name, 0, 0,
		    "out of memory");
	memset(n, 0, sizeof(*n));
	n->type = type;
	file_mark(b, m->line, m->column, &n->line, &n->column);
	return SP_OK;
}

/*
 * Whether a key hashing as s (len bytes) may already be in the map whose
 * bits are bits[], which it then joins: when not, it is certainly new,
 * and a mapping of many keys is not searched for each of them.
 */
static int
key_maybe_seen(uint64_t bits[4], const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;
	uint64_t bit;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	h = (h ^ (h >> 16)) & 255;
	bit = (uint64_t)1 << (h & 63);
	if (bits[h >> 6] & bit)
		return 1;
	bits[h >> 6] |= bit;
	return 0;
}

/* Attaches node to the container on top of the stack. */
static sp_status
attach(struct builder *b, sp_node *node, const yaml_mark_t *m)
{
	sp_node *parent;
	int d = b->depth;

	if (d == 0) {
		b->doc->root = node;
		return SP_OK;
	}
	parent = b->stack[d - 1];
	if (parent->type == SP_NODE_MAP && b->pending_key[d] != NULL) {
		b->pending_key[d]->value = node;
		b->pending_key[d] = NULL;
		return SP_OK;
	}
	if (parent->type == SP_NODE_MAP) {
		const sp_node *k;

		if (node->type != SP_NODE_SCALAR)
			return fail(b, m, "a mapping key must be a %s",
			    "plain string, not a collection");
		/* Keys often share a start (o1, o2...): end bytes first. */
		for (k = key_maybe_seen(b->keys[d], node->text, node->len) ?
		    parent->first : NULL; k != NULL; k = k->next)
			if (k->len == node->len && (k->len == 0 ||
			    k->text[k->len - 1] == node->text[k->len - 1]) &&
			    memcmp(k->text, node->text, k->len) == 0)
				return sp_error_set(b->err, SP_EDATA,
				    b->doc->name, node->line, node->column,
				    "duplicate key '%s' (first at line %d)",
				    node->text, k->line);
		b->pending_key[d] = node;
	}
	if (parent->count >= SP_MAX_ENTRIES)
		return sp_error_set(b->err, SP_EDATA, b->doc->name, node->line,
		    node->column, "more than %d entries in one %s",
		    SP_MAX_ENTRIES,
		    parent->type == SP_NODE_MAP ? "mapping" : "sequence");
	if (b->last[d] == NULL)
		parent->first = node;
	else
		b->last[d]->next = node;
	b->last[d] = node;
	parent->count++;
	return SP_OK;
}

/* Whether the next node attached is a mapping key. */
static int
is_key(const struct builder *b)
{
	int d = b->depth;

	return d > 0 && b->stack[d - 1]->type == SP_NODE_MAP &&
	    b->pending_key[d] == NULL;
}

static sp_status
on_scalar(struct builder *b, const yaml_event_t *ev)
{
	sp_node *n;
	char *text;
	size_t len = ev->data.scalar.length;
	sp_status rc;

	if (ev->data.scalar.tag != NULL)
		return fail(b, &ev->start_mark, "tags such as '%s' are not "
		    "accepted", (const char *)ev->data.scalar.tag);
	if (len > SP_MAX_SCALAR)
		return fail(b, &ev->start_mark, "%s is longer than the limit "
		    "of %d bytes", is_key(b) ? "key" : "value", SP_MAX_SCALAR);
	if (memchr(ev->data.scalar.value, '\0', len) != NULL)
		return fail(b, &ev->start_mark, "%s contains a NUL byte",
		    is_key(b) ? "key" : "value");
	if ((rc = new_node(b, SP_NODE_SCALAR, &ev->start_mark, &n)) != SP_OK)
		return rc;
	if ((text = arena_bytes(b->doc, len + 1)) == NULL)
		return sp_error_set(b->err, SP_ENOMEM, b->doc->name, 0, 0,
		    "out of memory");
	memcpy(text, ev->data.scalar.value, len);
	text[len] = '\0';
	n->text = text;
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n, &ev->start_mark);
}

static sp_status
on_start(struct builder *b, const yaml_event_t *ev, sp_node_type type)
{
	sp_node *n;
	sp_status rc;
	yaml_char_t *tag = type == SP_NODE_MAP ?
	    ev->data.mapping_start.tag : ev->data.sequence_start.tag;

	if (tag != NULL)
		return fail(b, &ev->start_mark, "tags such as '%s' are not "
		    "accepted", (const char *)tag);
	if (b->depth >= SP_MAX_DEPTH)
		return fail(b, &ev->start_mark, "nesting is deeper than the "
		    "limit of %d levels", SP_MAX_DEPTH);
	if ((rc = new_node(b, type, &ev->start_mark, &n)) != SP_OK)
		return rc;
	if ((rc = attach(b, n, &ev->start_mark)) != SP_OK)
		return rc;
	b->stack[b->depth++] = n;
	b->last[b->depth] = NULL;
	b->pending_key[b->depth] = NULL;
	memset(b->keys[b->depth], 0, sizeof(b->keys[b->depth]));
	return SP_OK;
}

/*
 * Adds one parser event to the tree: refuses a second document, anchors
 * and aliases; marks the end of the stream in *done.
 */
static sp_status
on_event(struct builder *b, yaml_event_t *ev, int *docs, int *done)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*done = 1;
		break;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return fail(b, &ev->start_mark, "%s",
			    "several documents in one file; "
			    "only one is accepted");
		break;
	case YAML_ALIAS_EVENT:
		return fail(b, &ev->start_mark, "alias '*%s' found: "
		    "anchors and aliases are not accepted",
		    (const char *)ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor != NULL)
			return fail(b, &ev->start_mark, "anchor '&%s' "
			    "found: anchors and aliases are not "
			    "accepted",
			    (const char *)ev->data.scalar.anchor);
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		yaml_char_t *anchor = ev->type ==
		    YAML_MAPPING_START_EVENT ?
		    ev->data.mapping_start.anchor :
		    ev->data.sequence_start.anchor;

		if (anchor != NULL)
			return fail(b, &ev->start_mark, "anchor '&%s' "
			    "found: anchors and aliases are not "
			    "accepted", (const char *)anchor);
		return on_start(b, ev, ev->type ==
		    YAML_MAPPING_START_EVENT ? SP_NODE_MAP : SP_NODE_SEQ);
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		break;
	default:
		break;
	}
	return SP_OK;
}

/* The top of a document: something, and a mapping. */
static sp_status
check_root(const sp_doc *doc, const char *name, sp_error *err)
{
	if (doc->root == NULL || (doc->root->type == SP_NODE_SCALAR &&
	    doc->root->plain && doc->root->len == 0))
		return sp_error_set(err, SP_EDATA, name, 1, 1,
		    "empty document: expected a mapping");
	if (doc->root->type != SP_NODE_MAP)
		return sp_error_set(err, SP_EDATA, name, doc->root->line,
		    doc->root->column, "expected a mapping at the top, "
		    "found %s", sp_node_kind(doc->root));
	return SP_OK;
}

/*
 * libyaml reads UTF-8 and, after a byte order mark, UTF-16.  Two other
 * encodings are common enough to deserve a clear refusal instead of a
 * complaint about the first NUL byte: UTF-32 (whose byte order mark
 * libyaml would take for UTF-16) and UTF-16 without a byte order mark.
 * Neither can be valid UTF-8, whose input may hold no NUL at all.
 */
static sp_status
check_encoding(const char *buf, size_t len, const char *name, sp_error *err)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 &&
	    u[3] == 0) || (u[0] == 0 && u[1] == 0 && u[2] == 0xFE &&
	    u[3] == 0xFF)))
		return sp_error_set(err, SP_EDATA, name, 1, 1, "UTF-32 is "
		    "not accepted: save the file as UTF-8");
	if (len >= 2 && (u[0] == 0) != (u[1] == 0))
		return sp_error_set(err, SP_EDATA, name, 1, 1, "UTF-16 "
		    "without a byte order mark is not accepted: save the "
		    "file as UTF-8");
	return SP_OK;
}

sp_status
sp_doc_parse(sp_doc **out, const char *buf, size_t len, const char *name,
    sp_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct builder b;
	struct edit *edits = NULL;
	char *text = NULL;
	size_t nedits = 0, textlen = 0;
	sp_doc *doc;
	sp_status rc = SP_OK;
	int docs = 0, done = 0;

	*out = NULL;
	if ((rc = check_encoding(buf, len, name, err)) != SP_OK)
		return rc;
	doc = calloc(1, sizeof(*doc));
	/* UTF-16 input (after its byte order mark) is read as it is. */
	if (doc == NULL || ((len < 2 || (unsigned char)buf[0] < 0xFE) &&
	    rewrite_pairs(&text, &textlen, &edits, &nedits, buf, len) != 0)) {
		free(doc);
		return sp_error_set(err, SP_ENOMEM, name, 0, 0,
		    "out of memory");
	}
	if (text != NULL) {
		buf = text;
		len = textlen;
	}
	snprintf(doc->name, sizeof(doc->name), "%s", name);
	memset(&b, 0, sizeof(b));
	b.doc = doc;
	b.buf = buf;
	b.len = len;
	b.err = err;
	b.edits = edits;
	b.nedits = nedits;
	if (!yaml_parser_initialize(&parser)) {
		free(doc);
		free(text);
		free(edits);
		return sp_error_set(err, SP_ENOMEM, name, 0, 0,
		    "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done && rc == SP_OK) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = parser_error(&b, &parser);
			break;
		}
		rc = on_event(&b, &ev, &docs, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(text);
	free(edits);
	if (rc == SP_OK)
		rc = check_root(doc, name, err);
	if (rc != SP_OK) {
		sp_doc_free(doc);
		return rc;
	}
	*out = doc;
	return SP_OK;
}
