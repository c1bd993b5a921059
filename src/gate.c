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

/* One result read from the baseline file. */
struct brec {
	const char *input;
	const char *option;  /* NULL when the saved result was a tie */
	double margin;
	json_t *criteria;    /* array of objects with id, weight, lead */
};

struct sp_baseline {
	char name[256];
	json_t *all;         /* array holding every parsed document */
	struct brec *rec;
	int nrec;
};

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

void
sp_gates_free(sp_gates *g)
{
	if (g == NULL)
		return;
	free(g->moves);
	free(g);
}

/* Appends to a detail, cutting it at its size. */
static void
append(sp_gate *gt, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void
append(sp_gate *gt, const char *fmt, ...)
{
	size_t used = strlen(gt->detail);
	va_list ap;

	if (used + 1 >= sizeof(gt->detail))
		return;
	va_start(ap, fmt);
	vsnprintf(gt->detail + used, sizeof(gt->detail) - used, fmt, ap);
	va_end(ap);
}

/* The recommended option's id, or NULL on a tie. */
static const char *
winner(const sp_result *r)
{
	return r->ntied > 1 ? NULL : r->matrix->options[r->rank[0]].id;
}

static void
tie_text(sp_gate *gt, const sp_result *r)
{
	const sp_matrix *m = r->matrix;

	append(gt, "no recommendation (%s and %s tie)",
	    m->options[r->rank[0]].id, m->options[r->rank[1]].id);
}

static void
gate_expect(sp_gate *gt, const sp_result *r, const char *expect)
{
	const sp_matrix *m = r->matrix;
	int want = sp_matrix_option(m, expect);
	const char *got = winner(r);

	gt->name = "expect";
	if (want < 0) {
		gt->passed = 0;
		append(gt, "'%s' is not an option of this matrix", expect);
		return;
	}
	gt->passed = got != NULL && strcmp(got, m->options[want].id) == 0;
	if (got == NULL)
		tie_text(gt, r);
	else
		append(gt, "recommended %s", got);
	append(gt, gt->passed ? ", as expected" : ", expected %s",
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
gate_margin(sp_gate *gt, const sp_result *r, double min)
{
	int d = digits(r->margin, min);

	gt->name = "min_margin";
	gt->passed = r->margin >= min - EPSILON;
	if (r->ntied > 1) {
		tie_text(gt, r);
		append(gt, ": ");
	}
	append(gt, "margin %.*f %s %.*f", d, r->margin, gt->passed ?
	    "is at least" : "is below the minimum of", d, min);
}

static void
gate_confidence(sp_gate *gt, const sp_result *r, double min)
{
	const sp_analysis *a = r->analysis;
	int d;

	gt->name = "min_confidence";
	if (a == NULL) {
		gt->passed = 0;
		append(gt, "the result was not analysed");
		return;
	}
	gt->passed = a->confidence >= min;
	if (a->winner < 0) {
		tie_text(gt, r);
		append(gt, ": ");
	}
	d = digits(a->confidence, min);
	append(gt, "confidence %.*f %s %.*f", d, a->confidence, gt->passed ?
	    "is at least" : "is below the minimum of", d, min);
}

static const struct brec *
find_record(const sp_baseline *b, const char *input)
{
	int i;

	if (b->nrec == 1)
		return &b->rec[0];
	for (i = 0; i < b->nrec; i++)
		if (strcmp(b->rec[i].input, input) == 0)
			return &b->rec[i];
	return NULL;
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
gate_baseline(sp_gates *g, sp_gate *gt, const sp_result *r,
    const sp_baseline *b, const char *input)
{
	const sp_matrix *m = r->matrix;
	const struct brec *rec = find_record(b, input);
	const char *now = winner(r);
	int k, i, n = 0;

	gt->name = "baseline";
	if (rec == NULL) {
		gt->passed = 0;
		append(gt, "%s holds no result for %s", b->name, input);
		return;
	}
	for (k = 0; k < m->ncriteria && n < g->capacity; k++) {
		json_t *saved = find_criterion(rec->criteria,
		    m->criteria[k].id);

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
		append(gt, "recommendation is still %s, as in %s",
		    now ? now : "none (a tie)", b->name);
	else
		append(gt, "recommendation changed from %s to %s since %s",
		    rec->option ? rec->option : "none (a tie)",
		    now ? now : "none (a tie)", b->name);
	append(gt, " (margin %.2f, was %.2f)", r->margin, rec->margin);
	if (n == 0) {
		append(gt, "; no criterion moved");
		return;
	}
	append(gt, "; moved:");
	for (i = 0; i < n && i < DETAIL_MOVES; i++)
		append(gt, "%s %s (weight %g -> %g, lead %+.2f -> %+.2f)",
		    i ? "," : "", m->criteria[g->moves[i].criterion].id,
		    g->moves[i].weight_before, g->moves[i].weight_after,
		    g->moves[i].lead_before, g->moves[i].lead_after);
	if (n > DETAIL_MOVES)
		append(gt, ", and %d more", n - DETAIL_MOVES);
}

void
sp_gates_eval(sp_gates *g, const sp_gate_spec *spec, const sp_result *r,
    const char *input)
{
	sp_gate *gt;
	int i;

	g->ngates = 0;
	g->failed = 0;
	memset(g->gate, 0, sizeof(g->gate));
	if (spec == NULL)
		return;
	if (spec->expect != NULL)
		gate_expect(&g->gate[g->ngates++], r, spec->expect);
	if (spec->has_min_margin)
		gate_margin(&g->gate[g->ngates++], r, spec->min_margin);
	if (spec->has_min_confidence)
		gate_confidence(&g->gate[g->ngates++], r,
		    spec->min_confidence);
	if (spec->baseline != NULL) {
		gt = &g->gate[g->ngates++];
		gate_baseline(g, gt, r, spec->baseline, input);
	}
	for (i = 0; i < g->ngates; i++)
		if (!g->gate[i].passed)
			g->failed++;
}

/* Line and column (1-based) of byte pos in buf. */
static void
locate(int *line, int *column, const char *buf, size_t pos)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < pos; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*column = 1;
		} else {
			(*column)++;
		}
	}
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
	json_array_foreach(crit, i, c) {
		if (!json_is_string(json_object_get(c, "id")) ||
		    !json_is_number(json_object_get(c, "weight")) ||
		    !json_is_number(json_object_get(c, "lead")) ||
		    !json_is_object(json_object_get(c, "ratings")))
			return sp_error_set(err, SP_EDATA, b->name, line,
			    column, "criterion %zu lacks id, weight, lead or "
			    "ratings", i + 1);
	}
	rec->input = json_string_value(json_object_get(doc, "input"));
	rec->option = json_string_value(opt);
	rec->margin = json_number_value(json_object_get(rc, "margin"));
	rec->criteria = crit;
	return SP_OK;
}

sp_status
sp_baseline_parse(sp_baseline **out, const char *buf, size_t len,
    const char *name, sp_error *err)
{
	sp_baseline *b;
	json_error_t je;
	struct brec *grown;
	json_t *doc;
	size_t pos = 0;
	sp_status rc = SP_OK;
	int line, column;

	*out = NULL;
	b = calloc(1, sizeof(*b));
	if (b == NULL || (b->all = json_array()) == NULL) {
		rc = sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
		goto done;
	}
	snprintf(b->name, sizeof(b->name), "%s", name);
	for (;;) {
		while (pos < len && strchr(" \t\r\n", buf[pos]) != NULL)
			pos++;
		if (pos >= len)
			break;
		locate(&line, &column, buf, pos);
		doc = json_loadb(buf + pos, len - pos,
		    JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &je);
		if (doc == NULL) {
			rc = sp_error_set(err, SP_EDATA, name,
			    line + je.line - 1, je.line == 1 ?
			    column + je.column - 1 : je.column, "%s", je.text);
			goto done;
		}
		json_array_append_new(b->all, doc);
		if (!json_is_object(doc)) {
			rc = sp_error_set(err, SP_EDATA, name, line, column,
			    "expected a JSON object");
			goto done;
		}
		pos += je.position;
		/* Error objects record inputs that failed: nothing to keep. */
		if (json_object_get(doc, "error") != NULL)
			continue;
		grown = realloc(b->rec, ((size_t)b->nrec + 1) * sizeof(*grown));
		if (grown == NULL) {
			rc = sp_error_set(err, SP_ENOMEM, "", 0, 0,
			    "out of memory");
			goto done;
		}
		b->rec = grown;
		rc = check_record(&b->rec[b->nrec], doc, b, line, column, err);
		if (rc != SP_OK)
			goto done;
		b->nrec++;
	}
	if (b->nrec == 0)
		rc = sp_error_set(err, SP_EDATA, name, 0, 0,
		    "holds no stackpick result");
done:
	if (rc != SP_OK) {
		sp_baseline_free(b);
		return rc;
	}
	*out = b;
	return SP_OK;
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
	if (rc == SP_OK)
		rc = sp_baseline_parse(out, buf, len, name, err);
	free(buf);
	return rc;
}

void
sp_baseline_free(sp_baseline *b)
{
	if (b == NULL)
		return;
	json_decref(b->all);
	free(b->rec);
	free(b);
}
