/*
 * Gates: the checks --expect, --min-margin and --baseline ask of a
 * result, computed as plain data.  Nothing here prints.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "stackpick/analysis.h"
#include "stackpick/doc.h"
#include "stackpick/gate.h"
#include "stackpick/render.h"
#include "stackpick/screen.h"
#include "internal.h"
#include "phrase.h"

/* How many moved criteria a baseline detail names before "N more". */
#define DETAIL_MOVES 3

/*
 * Differences below this (relative to the value, or absolute below 1) are
 * rounding, not a move: JSON carries 12 significant digits.
 */
#define EPSILON 1e-9

static int
differs(double a, double b)
{
	return fabs(a - b) > EPSILON * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/*
 * One result of the baseline file.  Only what finding it needs is kept;
 * its criteria are read again from the file's text when a gate compares
 * with it, so that memory stays a small multiple of the file's size.
 */
struct brec {
	char *input;
	char *option;        /* NULL when the saved result was a tie */
	double margin;
	size_t off, len;     /* the document in the baseline's text */
};

struct sp_baseline {
	char *name;          /* the file's name as valid UTF-8 */
	char *text;          /* the file's bytes */
	struct brec *rec;
	int nrec, cap;
};

/* A detail being written: grows as needed, remembers running out. */
struct str {
	char *s;
	size_t len, cap;
	int oom;
};

static void
str_add(struct str *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void
str_add(struct str *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = (b->len + (size_t)n + 1) * 2;
		char *s = realloc(b->s, cap);

		if (s == NULL) {
			b->oom = 1;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * A copy of s in which every byte that is not part of valid UTF-8 is
 * U+FFFD, for text from outside the loaders (file names, arguments);
 * NULL when out of memory.  The caller frees it.
 */
static char *
repaired(const char *s)
{
	size_t size = strlen(s) * 3 + 1;
	char *copy = malloc(size);

	if (copy != NULL)
		sp_utf8_repair(copy, size, s);
	return copy;
}

sp_status
sp_gates_new(sp_gates **out, const sp_matrix *m, sp_error *err)
{
	sp_gates *g;

	*out = NULL;
	g = calloc(1, sizeof(*g));
	if (g != NULL)
		g->moves = calloc((size_t)m->ncriteria + 1, sizeof(sp_move));
	if (g == NULL || g->moves == NULL) {
		sp_gates_free(g);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	}
	g->capacity = m->ncriteria;
	*out = g;
	return SP_OK;
}

static void
free_text(sp_gates *g)
{
	int i;

	for (i = 0; i < SP_GATES_MAX; i++) {
		free(g->text[i]);
		g->text[i] = NULL;
	}
}

void
sp_gates_free(sp_gates *g)
{
	if (g == NULL)
		return;
	free_text(g);
	free(g->moves);
	free(g);
}

/* The recommended option's id, or NULL on a tie. */
static const char *
winner(const sp_result *r)
{
	return r->ntied > 1 ? NULL : r->matrix->options[r->rank[0]].id;
}

static void
tie_text(struct str *d, const sp_result *r)
{
	const sp_matrix *m = r->matrix;

	str_add(d, "no recommendation (%s and %s tie)",
	    m->options[r->rank[0]].id, m->options[r->rank[1]].id);
}

/* Says which musts of s screened out full option o. */
static void
screened_text(struct str *d, const sp_screen *s, int o)
{
	sp_buf t = SP_BUF_INIT;
	int i, j, n = 0;

	for (i = 0; i < s->nout && s->out[i].option != o; i++)
		;
	n = i < s->nout ? s->out[i].nfails : 0;
	for (j = 0; j < n; j++) {
		sp_buf_puts(&t, j == 0 ? "\"" : j == n - 1 ? "\" and \"" :
		    "\", \"");
		phrase_screen_must(&t, phrase_put_raw, s, s->out[i].fails[j]);
	}
	sp_buf_puts(&t, n > 0 ? "\"" : "");
	d->oom |= t.oom;
	str_add(d, "%s was screened out by the must%s %s", s->full->options[
	    o].id, n > 1 ? "s" : "", sp_buf_cstr(&t));
	sp_buf_free(&t);
}

/*
 * The option recommended: r's winner, or, when nothing was scored, the
 * one option that passed s (NULL when none did).
 */
static const char *
recommended(const sp_result *r, const sp_screen *s)
{
	if (r != NULL)
		return winner(r);
	if (s == NULL || s->view->noptions != 1)
		return NULL;
	return s->full->options[s->keep[0]].id;
}

static void
gate_expect(sp_gate *gt, struct str *d, const sp_result *r,
    const sp_screen *s, const char *expect)
{
	const sp_matrix *m = s != NULL ? s->full : r != NULL ? r->matrix :
	    NULL;
	int want = m != NULL ? sp_matrix_option(m, expect) : -1;
	const char *got = recommended(r, s);

	gt->name = "expect";
	gt->passed = 0;
	if (want < 0) {
		str_add(d, "'%s' is not an option of this matrix", expect);
		return;
	}
	if (s != NULL && !sp_screen_passed(s, want)) {
		screened_text(d, s, want);
		return;
	}
	gt->passed = got != NULL && strcmp(got, m->options[want].id) == 0;
	if (got == NULL && r != NULL)
		tie_text(d, r);
	else if (got == NULL)
		str_add(d, "no option meets every must");
	else
		str_add(d, "recommended %s%s", got, r == NULL ? ", the only "
		    "option that meets every must" : "");
	str_add(d, gt->passed ? ", as expected" : ", expected %s",
	    m->options[want].id);
}

/*
 * Prints two numbers with two decimals, or with more when two decimals
 * would make them look equal although they are not.
 */
static int
digits(double a, double b)
{
	char x[64], y[64];

	snprintf(x, sizeof(x), "%.2f", a);
	snprintf(y, sizeof(y), "%.2f", b);
	return strcmp(x, y) == 0 && fabs(a - b) > EPSILON ? 6 : 2;
}

static void
gate_margin(sp_gate *gt, struct str *d, const sp_result *r, double min)
{
	int prec = digits(r->margin, min);

	gt->name = "min_margin";
	gt->passed = r->margin >= min - EPSILON;
	if (r->ntied > 1) {
		tie_text(d, r);
		str_add(d, ": ");
	}
	str_add(d, "margin %.*f %s %.*f", prec, r->margin, gt->passed ?
	    "is at least" : "is below the minimum of", prec, min);
}

static void
gate_confidence(sp_gate *gt, struct str *d, const sp_result *r, double min)
{
	const sp_analysis *a = r->analysis;
	int prec;

	gt->name = "min_confidence";
	if (a == NULL) {
		gt->passed = 0;
		str_add(d, "the result was not analysed");
		return;
	}
	gt->passed = a->confidence >= min;
	if (a->winner < 0) {
		tie_text(d, r);
		str_add(d, ": ");
	}
	prec = digits(a->confidence, min);
	str_add(d, "confidence %.*f %s %.*f", prec, a->confidence,
	    gt->passed ? "is at least" : "is below the minimum of", prec, min);
}

/* Orders records by input, then by their place in the file. */
static int
cmp_rec(const void *x, const void *y)
{
	const struct brec *a = x, *b = y;
	int c = strcmp(a->input, b->input);

	if (c != 0)
		return c;
	return (a->off > b->off) - (a->off < b->off);
}

/* The first result saved for input (any input when there is one). */
static const struct brec *
find_record(const sp_baseline *b, const char *input)
{
	int lo = 0, hi = b->nrec;

	if (b->nrec == 1)
		return &b->rec[0];
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (strcmp(b->rec[mid].input, input) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->nrec && strcmp(b->rec[lo].input, input) == 0 ?
	    &b->rec[lo] : NULL;
}

static json_t *
find_criterion(json_t *criteria, const char *id)
{
	size_t i;
	json_t *c;

	json_array_foreach(criteria, i, c) {
		if (strcmp(json_string_value(json_object_get(c, "id")),
		    id) == 0)
			return c;
	}
	return NULL;
}

/* How many criteria to name when a baseline's differ from the matrix's. */
#define DETAIL_MISMATCH 3

/*
 * Whether the saved result was made with the same criteria as r: a
 * baseline from another matrix would compare nothing.  When it was not,
 * says which differ into d.
 */
static int
same_criteria(struct str *d, const sp_result *r, json_t *criteria,
    const sp_baseline *b)
{
	const sp_matrix *m = r->matrix;
	const char *id;
	json_t *c;
	size_t i;
	int k, named = 0, more = 0;

	json_array_foreach(criteria, i, c) {
		id = json_string_value(json_object_get(c, "id"));
		if (sp_matrix_criterion(m, id) >= 0)
			continue;
		/* cppcheck-suppress knownConditionTrueFalse ; named grows below */
		if (named == 0)
			str_add(d, "%s was saved with another matrix, so "
			    "nothing compares: ", b->name);
		if (named < DETAIL_MISMATCH)
			str_add(d, "%s'%s' is not a criterion of this matrix",
			    /* cppcheck-suppress knownConditionTrueFalse */
			    named ? ", " : "", id);
		else
			more++;
		named++;
	}
	for (k = 0; k < m->ncriteria; k++) {
		if (find_criterion(criteria, m->criteria[k].id) != NULL)
			continue;
		if (named == 0)
			str_add(d, "%s was saved with another matrix, so "
			    "nothing compares: ", b->name);
		if (named < DETAIL_MISMATCH)
			str_add(d, "%s%s has no criterion '%s'",
			    named ? ", " : "", b->name, m->criteria[k].id);
		else
			more++;
		named++;
	}
	if (more > 0)
		str_add(d, ", and %d more", more);
	return named == 0;
}

/* Whether criterion k's weight or any rating differs from saved. */
static int
moved(const sp_result *r, int k, json_t *saved)
{
	const sp_matrix *m = r->matrix;
	json_t *ratings = json_object_get(saved, "ratings"), *v;
	int o;

	if (differs(json_number_value(json_object_get(saved, "weight")),
	    r->crit[k].weight))
		return 1;
	for (o = 0; o < m->noptions; o++) {
		v = json_object_get(ratings, m->options[o].id);
		if (json_is_number(v) &&
		    differs(json_number_value(v), r->crit[k].rating[o]))
			return 1;
	}
	return 0;
}

/* Sorts moves by how much the lead changed, largest first (stable). */
static void
sort_moves(sp_move *mv, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		sp_move x = mv[i];
		double dx = fabs(x.lead_after - x.lead_before);

		for (j = i; j > 0 && fabs(mv[j - 1].lead_after -
		    mv[j - 1].lead_before) < dx - EPSILON; j--)
			mv[j] = mv[j - 1];
		mv[j] = x;
	}
}

static void
gate_baseline(sp_gates *g, sp_gate *gt, struct str *d, const sp_result *r,
    const sp_baseline *b, const char *input)
{
	const sp_matrix *m = r->matrix;
	const struct brec *rec = find_record(b, input);
	const char *now = winner(r);
	json_t *doc = NULL, *criteria;
	int k, i, n = 0;

	gt->name = "baseline";
	gt->passed = 0;
	if (rec == NULL) {
		str_add(d, "%s holds no result for %s", b->name, input);
		return;
	}
	/* The same bytes parsed once already: only memory can fail. */
	doc = json_loadb(b->text + rec->off, rec->len, JSON_DISABLE_EOF_CHECK,
	    NULL);
	criteria = json_object_get(doc, "criteria");
	if (!json_is_array(criteria)) {
		str_add(d, "out of memory reading %s", b->name);
		goto done;
	}
	if (!same_criteria(d, r, criteria, b))
		goto done;
	for (k = 0; k < m->ncriteria && n < g->capacity; k++) {
		json_t *saved = find_criterion(criteria, m->criteria[k].id);

		if (saved == NULL || !moved(r, k, saved))
			continue;
		g->moves[n].criterion = k;
		g->moves[n].weight_before = json_number_value(
		    json_object_get(saved, "weight"));
		g->moves[n].weight_after = r->crit[k].weight;
		g->moves[n].lead_before = json_number_value(
		    json_object_get(saved, "lead"));
		g->moves[n].lead_after = r->crit[k].lead;
		n++;
	}
	sort_moves(g->moves, n);
	gt->moves = g->moves;
	gt->nmoves = n;
	gt->passed = (now == NULL && rec->option == NULL) ||
	    (now != NULL && rec->option != NULL &&
	    strcmp(now, rec->option) == 0);
	if (gt->passed)
		str_add(d, "recommendation is still %s, as in %s",
		    now ? now : "none (a tie)", b->name);
	else
		str_add(d, "recommendation changed from %s to %s since %s",
		    rec->option ? rec->option : "none (a tie)",
		    now ? now : "none (a tie)", b->name);
	str_add(d, " (margin %.2f, was %.2f)", r->margin, rec->margin);
	if (n == 0) {
		str_add(d, "; no criterion moved");
		goto done;
	}
	str_add(d, "; moved:");
	for (i = 0; i < n && i < DETAIL_MOVES; i++)
		str_add(d, "%s %s (weight %g -> %g, lead %+.2f -> %+.2f)",
		    i ? "," : "", m->criteria[g->moves[i].criterion].id,
		    g->moves[i].weight_before, g->moves[i].weight_after,
		    g->moves[i].lead_before, g->moves[i].lead_after);
	if (n > DETAIL_MOVES)
		str_add(d, ", and %d more", n - DETAIL_MOVES);
done:
	json_decref(doc);
}

void
sp_gates_eval(sp_gates *g, const sp_gate_spec *spec, const sp_result *r,
    const char *input)
{
	sp_gates_eval_screened(g, spec, r, NULL, input);
}

void
sp_gates_eval_screened(sp_gates *g, const sp_gate_spec *spec,
    const sp_result *r, const sp_screen *s, const char *input)
{
	char *in = NULL, *expect = NULL;
	sp_gate *gt;
	int i;

	g->ngates = 0;
	g->failed = 0;
	memset(g->gate, 0, sizeof(g->gate));
	free_text(g);
	if (spec == NULL)
		return;
	in = repaired(input);
	if (spec->expect != NULL)
		expect = repaired(spec->expect);
	for (i = 0; i < 4; i++) {
		struct str d = { NULL, 0, 0, 0 };

		gt = &g->gate[g->ngates];
		if (i == 0 && spec->expect != NULL)
			gate_expect(gt, &d, r, s, expect ? expect : "");
		else if (r == NULL)
			continue;
		else if (i == 1 && spec->has_min_margin)
			gate_margin(gt, &d, r, spec->min_margin);
		else if (i == 2 && spec->has_min_confidence)
			gate_confidence(gt, &d, r, spec->min_confidence);
		else if (i == 3 && spec->baseline != NULL)
			gate_baseline(g, gt, &d, r, spec->baseline,
			    in ? in : "");
		else
			continue;
		if (in == NULL || (spec->expect != NULL && expect == NULL))
			d.oom = 1;
		if (d.oom || d.s == NULL) {
			free(d.s);
			gt->detail = "out of memory";
		} else {
			g->text[g->ngates] = d.s;
			gt->detail = d.s;
		}
		if (!gt->passed)
			g->failed++;
		g->ngates++;
	}
	free(in);
	free(expect);
}

/*
 * A place in the baseline's text, moved forward only, so that locating
 * every document costs one pass over the file.  Columns count characters,
 * as jansson's do.
 */
struct cursor {
	const char *buf;
	size_t pos;
	int line, column;
};

static void
advance(struct cursor *c, size_t to)
{
	for (; c->pos < to; c->pos++) {
		if (c->buf[c->pos] == '\n') {
			c->line++;
			c->column = 1;
		} else if (((unsigned char)c->buf[c->pos] & 0xC0) != 0x80) {
			c->column++;
		}
	}
}

/*
 * Finds where the JSON document at c ends, counting its values as it
 * goes: a document of more than SP_MAX_NODES values is refused here,
 * before jansson builds any of it.  *end is one past its last byte (the
 * end of the text when it is cut short: jansson then says what is
 * wrong).  Strings are skipped whole; everything else is one value per
 * comma, colon or opening bracket, which counts a little over.
 */
static sp_status
extent(size_t *end, const struct cursor *c, size_t len,
    const sp_baseline *b, sp_error *err)
{
	const char *s = c->buf;
	size_t i = c->pos, nodes = 1;
	int depth = 0;

	for (; i < len; i++) {
		switch (s[i]) {
		case '"':
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			break;
		case '{':
		case '[':
			depth++;
			nodes++;
			break;
		case '}':
		case ']':
			depth--;
			break;
		case ',':
		case ':':
			nodes++;
			break;
		default:
			break;
		}
		if (nodes > SP_MAX_NODES) {
			struct cursor at = *c;

			advance(&at, i);
			return sp_error_set(err, SP_EDATA, b->name, at.line,
			    at.column, "more than %d values in one document",
			    SP_MAX_NODES);
		}
		/* A string cut short (a last backslash) ends the text. */
		if (i >= len)
			break;
		if (depth <= 0 && (s[i] == '}' || s[i] == ']' || s[i] == '"'))
			break;
	}
	*end = i < len ? i + 1 : len;
	return SP_OK;
}

/* Checks that one parsed document is a result a comparison can use. */
static sp_status
check_record(struct brec *rec, json_t *doc, const sp_baseline *b, int line,
    int column, sp_error *err)
{
	json_t *rc, *opt, *crit, *c, *v;
	size_t i;

	v = json_object_get(doc, "schema_version");
	if (!json_is_integer(v) ||
	    json_integer_value(v) != SP_JSON_SCHEMA_VERSION)
		return sp_error_set(err, SP_EDATA, b->name, line, column,
		    "not a stackpick result with schema_version %d",
		    SP_JSON_SCHEMA_VERSION);
	rc = json_object_get(doc, "recommendation");
	opt = json_object_get(rc, "option");
	crit = json_object_get(doc, "criteria");
	if (!json_is_string(json_object_get(doc, "input")) ||
	    !json_is_object(rc) || !(json_is_string(opt) || json_is_null(opt)) ||
	    !json_is_number(json_object_get(rc, "margin")) ||
	    !json_is_array(crit))
		return sp_error_set(err, SP_EDATA, b->name, line, column,
		    "result lacks input, recommendation or criteria");
	if (json_array_size(crit) == 0)
		return sp_error_set(err, SP_EDATA, b->name, line, column,
		    "result has no criteria: there is nothing to compare");
	json_array_foreach(crit, i, c) {
		if (!json_is_string(json_object_get(c, "id")) ||
		    !json_is_number(json_object_get(c, "weight")) ||
		    !json_is_number(json_object_get(c, "lead")) ||
		    !json_is_object(json_object_get(c, "ratings")))
			return sp_error_set(err, SP_EDATA, b->name, line,
			    column, "criterion %zu lacks id, weight, lead or "
			    "ratings", i + 1);
	}
	rec->input = repaired(json_string_value(json_object_get(doc,
	    "input")));
	rec->option = json_is_string(opt) ? repaired(json_string_value(opt)) :
	    NULL;
	rec->margin = json_number_value(json_object_get(rc, "margin"));
	if (rec->input == NULL || (json_is_string(opt) && rec->option == NULL))
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	return SP_OK;
}

/* Reads one document at c, of the text's len bytes, into b. */
static sp_status
read_document(sp_baseline *b, struct cursor *c, size_t len, sp_error *err)
{
	json_error_t je;
	json_t *doc;
	struct brec *grown, *rec;
	size_t end = len;
	sp_status rc;

	if ((rc = extent(&end, c, len, b, err)) != SP_OK)
		return rc;
	doc = json_loadb(c->buf + c->pos, end - c->pos,
	    JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &je);
	if (doc == NULL && b->nrec == 0 && c->buf[c->pos] != '{' &&
	    c->buf[c->pos] != '[')
		return sp_error_set(err, SP_EDATA, b->name, c->line, c->column,
		    "%s, not JSON: a baseline is the JSON that stackpick "
		    "--format json wrote (%s)", c->buf[c->pos] == '#' ?
		    "this looks like a Markdown report" : "this is text",
		    je.text);
	if (doc == NULL)
		return sp_error_set(err, SP_EDATA, b->name,
		    c->line + je.line - 1, je.line == 1 ?
		    c->column + je.column - 1 : je.column, "%s", je.text);
	if (!json_is_object(doc)) {
		rc = sp_error_set(err, SP_EDATA, b->name, c->line, c->column,
		    "expected a JSON object");
		goto done;
	}
	/* Error objects record inputs that failed: nothing to keep. */
	if (json_object_get(doc, "error") != NULL)
		goto done;
	if (b->nrec == b->cap) {
		grown = realloc(b->rec, ((size_t)b->cap * 2 + 8) *
		    sizeof(*grown));
		if (grown == NULL) {
			rc = sp_error_set(err, SP_ENOMEM, "", 0, 0,
			    "out of memory");
			goto done;
		}
		b->rec = grown;
		b->cap = b->cap * 2 + 8;
	}
	rec = &b->rec[b->nrec];
	memset(rec, 0, sizeof(*rec));
	rec->off = c->pos;
	rec->len = (size_t)je.position;
	b->nrec++;
	rc = check_record(rec, doc, b, c->line, c->column, err);
done:
	advance(c, c->pos + (size_t)je.position);
	json_decref(doc);
	return rc;
}

/* Parses b->text, of len bytes, into b's records. */
static sp_status
parse_text(sp_baseline *b, size_t len, sp_error *err)
{
	struct cursor c = { b->text, 0, 1, 1 };
	sp_status rc;

	/* A byte order mark, as some editors write: no column of its own. */
	if (len >= 3 && memcmp(b->text, "\xEF\xBB\xBF", 3) == 0)
		c.pos = 3;
	for (;;) {
		size_t pos = c.pos;

		while (pos < len && strchr(" \t\r\n", b->text[pos]) != NULL)
			pos++;
		advance(&c, pos);
		if (pos >= len)
			break;
		if ((rc = read_document(b, &c, len, err)) != SP_OK)
			return rc;
	}
	if (b->nrec == 0)
		return sp_error_set(err, SP_EDATA, b->name, 0, 0,
		    "holds no stackpick result");
	qsort(b->rec, (size_t)b->nrec, sizeof(*b->rec), cmp_rec);
	return SP_OK;
}

/* Takes text (NUL-terminated, len bytes) over as the baseline's. */
static sp_status
baseline_take(sp_baseline **out, char *text, size_t len, const char *name,
    sp_error *err)
{
	sp_baseline *b;
	sp_status rc;

	*out = NULL;
	b = calloc(1, sizeof(*b));
	if (b == NULL || (b->name = repaired(name)) == NULL) {
		free(b);
		free(text);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	}
	b->text = text;
	if ((rc = parse_text(b, len, err)) != SP_OK) {
		sp_baseline_free(b);
		return rc;
	}
	*out = b;
	return SP_OK;
}

sp_status
sp_baseline_parse(sp_baseline **out, const char *buf, size_t len,
    const char *name, sp_error *err)
{
	char *text = malloc(len + 1);

	*out = NULL;
	if (text == NULL)
		return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
	memcpy(text, buf, len);
	text[len] = '\0';
	return baseline_take(out, text, len, name, err);
}

sp_status
sp_baseline_load(sp_baseline **out, const char *path, sp_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf = NULL;
	size_t len;
	sp_status rc;

	*out = NULL;
	rc = sp_read_file(&buf, &len, path, name, SP_MAX_BASELINE_BYTES, err);
	if (rc != SP_OK)
		return rc;
	return baseline_take(out, buf, len, name, err);
}

void
sp_baseline_free(sp_baseline *b)
{
	int i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nrec; i++) {
		free(b->rec[i].input);
		free(b->rec[i].option);
	}
	free(b->rec);
	free(b->text);
	free(b->name);
	free(b);
}
