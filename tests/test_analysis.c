/* Unit tests for the analysis stage (src/analysis.c) and the methods. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stackpick/analysis.h"
#include "stackpick/score.h"
#include "draws.h"

/* One matrix, scored and analysed: what every test works on. */
struct fix {
	sp_matrix *m;
	sp_result *r;
	sp_analysis *a;
	sp_profile p;
};

static void
fix_open(struct fix *f, const char *matrix)
{
	sp_error err;

	memset(f, 0, sizeof(*f));
	if (matrix == NULL)
		assert_int_equal(sp_matrix_builtin(&f->m, &err), SP_OK);
	else
		assert_int_equal(sp_matrix_parse(&f->m, matrix,
		    strlen(matrix), "m.yaml", &err), SP_OK);
	assert_int_equal(sp_result_new(&f->r, f->m, &err), SP_OK);
	assert_int_equal(sp_analysis_new(&f->a, f->m, &err), SP_OK);
}

static void
fix_close(struct fix *f)
{
	sp_analysis_free(f->a);
	sp_result_free(f->r);
	sp_matrix_free(f->m);
}

/* Decodes profile text (or the file at path when text is NULL). */
static void
fix_profile(struct fix *f, const char *text, const char *path)
{
	sp_doc *doc;
	sp_error err;
	char *buf = NULL;
	size_t len;

	if (text == NULL) {
		assert_int_equal(sp_read_file(&buf, &len, path, path,
		    SP_MAX_PROFILE_BYTES, &err), SP_OK);
		text = buf;
	} else {
		len = strlen(text);
	}
	assert_int_equal(sp_doc_parse(&doc, text, len, "p.yaml", &err),
	    SP_OK);
	assert_int_equal(sp_profile_decode(&f->p, f->m, doc, &err), SP_OK);
	sp_doc_free(doc);
	free(buf);
}

static void
fix_run(struct fix *f, sp_method method)
{
	sp_error err;

	f->r->method = method;
	assert_int_equal(sp_score(f->r, f->m, &f->p, &err), SP_OK);
	assert_int_equal(sp_analyse(f->a, f->r, &err), SP_OK);
}

/* The winner of p scored in full (a fresh result), -1 on a tie. */
static int
winner_of(struct fix *f, const sp_profile *p)
{
	sp_result *r;
	sp_error err;
	int w;

	assert_int_equal(sp_result_new(&r, f->m, &err), SP_OK);
	r->method = f->r->method;
	assert_int_equal(sp_score(r, f->m, p, &err), SP_OK);
	w = r->ntied > 1 ? -1 : r->rank[0];
	sp_result_free(r);
	return w;
}

/*
 * Two criteria, two options, no rules: small enough to work by hand.
 *
 *   c1: weight 3, a 5, b 1        c2: weight 1, a 1, b 5      W = 4
 *
 * Weighted sum:     a = (3*5 + 1*1)/4 = 4,  b = (3*1 + 1*5)/4 = 2.
 * Weighted product: a = 5^(3/4) * 1^(1/4) = 3.3437...,
 *                   b = 1^(3/4) * 5^(1/4) = 1.4953...
 * TOPSIS: both columns have norm sqrt(5^2 + 1^2) = sqrt(26); with weights
 * 3/4 and 1/4 the weighted normalised values are, in units of 1/sqrt(26),
 *   c1: a 3.75, b 0.75        c2: a 0.25, b 1.25
 * ideal (3.75, 1.25), anti-ideal (0.75, 0.25), so
 *   a: d+ = 1, d- = 3  ->  closeness 3/4;  b: d+ = 3, d- = 1  ->  1/4.
 *
 * Flip points (weighted sum): G = 3*(5-1) + 1*(1-5) = 8.
 *   c1: 3 - 8/4 = 1   (at w1 = 1: a = 5+1 = 6, b = 1+5 = 6, a tie)
 *   c2: 1 + 8/4 = 3   (at w2 = 3: a = 15+3 = 18, b = 3+15 = 18)
 * relative changes 2/3 and 2, so c1 is the most critical.
 */
static const char hand_matrix[] =
    "format: 1\nname: hand\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "traits:\n  - {id: t, type: boolean, default: false}\n"
    "criteria:\n"
    "  - id: c1\n    label: C1\n    weight: 3\n    ratings:\n"
    "      a: {rating: 5, why: x}\n      b: {rating: 1, why: y}\n"
    "    rules:\n      - {when: {t: true}, add: -3}\n"
    "  - id: c2\n    label: C2\n    weight: 1\n    ratings:\n"
    "      a: {rating: 1, why: x}\n      b: {rating: 5, why: y}\n";

static void
test_methods_hand_worked(void **state)
{
	struct fix f;
	double s[2];

	(void)state;
	fix_open(&f, hand_matrix);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_float_equal(f.r->score[0], 4.0, 1e-12);
	assert_float_equal(f.r->score[1], 2.0, 1e-12);
	sp_score_method(s, f.r, NULL, SP_METHOD_WPM);
	assert_float_equal(s[0], pow(5, 0.75), 1e-12);
	assert_float_equal(s[1], pow(5, 0.25), 1e-12);
	sp_score_method(s, f.r, NULL, SP_METHOD_TOPSIS);
	assert_float_equal(s[0], 0.75, 1e-12);
	assert_float_equal(s[1], 0.25, 1e-12);
	/* --method puts the chosen method's scores in the result. */
	fix_run(&f, SP_METHOD_TOPSIS);
	assert_float_equal(f.r->score[0], 0.75, 1e-12);
	assert_float_equal(f.r->margin, 0.5, 1e-12);
	fix_run(&f, SP_METHOD_WPM);
	assert_float_equal(f.r->score[1], pow(5, 0.25), 1e-12);
	assert_int_equal(f.a->methods_agree, 1);
	fix_close(&f);
}

static void
test_flips_hand_worked(void **state)
{
	struct fix f;

	(void)state;
	fix_open(&f, hand_matrix);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->winner, 0);
	assert_int_equal(f.a->nflips, 2);
	assert_int_equal(f.a->flips[0].criterion, 0);
	assert_int_equal(f.a->flips[0].option, 1);
	assert_float_equal(f.a->flips[0].weight, 3.0, 0);
	assert_float_equal(f.a->flips[0].flip_weight, 1.0, 1e-12);
	assert_float_equal(f.a->flips[0].relative_change, 2.0 / 3, 1e-12);
	/* The unfired rule "t: true" takes 3 from c0. */
	assert_int_equal(f.a->flips[0].rule, 0);
	assert_int_equal(f.a->flips[1].criterion, 1);
	assert_float_equal(f.a->flips[1].flip_weight, 3.0, 1e-12);
	assert_float_equal(f.a->flips[1].relative_change, 2.0, 1e-12);
	/* Dropping c1 to 0 (t: true) hands the win to b. */
	assert_int_equal(f.a->ntrait_flips, 1);
	assert_int_equal(f.a->trait_flips[0].trait, 0);
	assert_int_equal(f.a->trait_flips[0].to, 1);
	assert_int_equal(f.a->trait_flips[0].option, 1);
	fix_close(&f);
}

/*
 * Methods that disagree.  Equal weights 1 and 1, W = 2:
 *   a: c1 5, c2 1         b: c1 3, c2 2.8
 * Weighted sum: a = 3, b = 2.9, so a.
 * Weighted product: a = sqrt(5) = 2.236, b = sqrt(8.4) = 2.898, so b.
 * TOPSIS: norms sqrt(34) and sqrt(8.84); weighted values (w = 1/2)
 *   c1: a 0.4287, b 0.2572      c2: a 0.1682, b 0.4709
 *   a: d+ = 0.3027, d- = 0.1715 -> 0.362;  b: d+ = 0.1715,
 *   d- = 0.3027 -> 0.638, so b.
 * Two of three disagree with the weighted sum: a close call.
 */
static const char split_matrix[] =
    "format: 1\nname: split\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "criteria:\n"
    "  - id: c1\n    label: C1\n    weight: 1\n    ratings:\n"
    "      a: {rating: 5, why: x}\n      b: {rating: 3, why: y}\n"
    "  - id: c2\n    label: C2\n    weight: 1\n    ratings:\n"
    "      a: {rating: 1, why: x}\n      b: {rating: 2.8, why: y}\n";

static void
test_methods_disagree(void **state)
{
	struct fix f;
	double s[2];

	(void)state;
	fix_open(&f, split_matrix);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	sp_score_method(s, f.r, NULL, SP_METHOD_TOPSIS);
	assert_float_equal(s[0], 0.362, 1e-3);
	assert_float_equal(s[1], 0.638, 1e-3);
	assert_int_equal(f.a->method_winner[SP_METHOD_WSM], 0);
	assert_int_equal(f.a->method_winner[SP_METHOD_WPM], 1);
	assert_int_equal(f.a->method_winner[SP_METHOD_TOPSIS], 1);
	assert_int_equal(f.a->methods_agree, 0);
	assert_int_equal(f.a->label, SP_LABEL_CLOSE);
	fix_close(&f);
}

/*
 * Confidence against the exact figure.  Weights 1.1 and 1 on the hand
 * matrix's ratings (gaps +4 and -4), both criteria telling the options
 * apart, W_d = 2.1.  A draw moves weight k by 0.15 sqrt(w_k W_d) z_k, so
 * the winner's lead 1.1*4 - 1*4 = 0.4 becomes normal with variance
 * 16 * 0.15^2 * 2.1 * (1.1 + 1) = 1.5876: a keeps it with probability
 * Phi(0.4 / 1.26) = 0.6246.  4096 draws give a standard error under
 * 0.008; allow three.
 */
static void
test_confidence_exact(void **state)
{
	struct fix f;
	double first, exact;

	(void)state;
	exact = 0.5 * erfc(-0.4 / sqrt(2 * 16 * SP_DRAW_SD * SP_DRAW_SD *
	    2.1 * 2.1));
	assert_float_equal(exact, 0.6246, 1e-4);
	fix_open(&f, hand_matrix);
	fix_profile(&f, "weights: {c1: 1.1, c2: 1}\n", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->winner, 0);
	assert_float_equal(f.a->confidence, exact, 0.024);
	first = f.a->confidence;
	fix_run(&f, SP_METHOD_WSM);
	assert_true(f.a->confidence == first);
	assert_int_equal(f.a->label, SP_LABEL_CLOSE);
	/* TOPSIS re-ranks every draw instead; it must be near, too. */
	fix_run(&f, SP_METHOD_TOPSIS);
	assert_true(f.a->confidence > 0.3 && f.a->confidence < 0.9);
	/*
	 * Far apart, weights 3 and 1: lead 8, variance 16 * 0.15^2 * 4 * 4,
	 * so a draw loses with probability Phi(-8 / 2.4) = 0.0004.
	 */
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_float_equal(f.a->confidence, 0.5 * erfc(-8 / sqrt(2 * 16 *
	    SP_DRAW_SD * SP_DRAW_SD * 16)), 0.001);
	fix_close(&f);
}

static void
test_tie_has_no_winner(void **state)
{
	struct fix f;

	(void)state;
	fix_open(&f, hand_matrix);
	fix_profile(&f, "weights: {c1: 1, c2: 1}\n", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->winner, -1);
	assert_int_equal(f.a->nflips, 0);
	assert_float_equal(f.a->confidence, 0, 0);
	assert_int_equal(f.a->label, SP_LABEL_CLOSE);
	assert_int_equal(f.a->hybrid, 0);
	fix_close(&f);
}

/*
 * Every flip point, checked by scoring again: at the reported weight the
 * winner loses or ties, and a hair short of it the winner still wins.
 */
static void
check_flips(struct fix *f)
{
	int i, win = f->a->winner;

	for (i = 0; i < f->a->nflips; i++) {
		const sp_flip *fl = &f->a->flips[i];
		sp_profile q = f->p;
		double towards = fl->flip_weight > fl->weight ? 1 : -1;

		q.override[fl->criterion] = SP_OVERRIDE_CLI;
		q.weight[fl->criterion] = fl->flip_weight;
		assert_int_not_equal(winner_of(f, &q), win);
		q.weight[fl->criterion] = fl->flip_weight - towards * 1e-4;
		assert_int_equal(winner_of(f, &q), win);
		q.weight[fl->criterion] = fl->flip_weight + towards * 1e-4;
		if (q.weight[fl->criterion] >= SP_WEIGHT_MIN &&
		    q.weight[fl->criterion] <= SP_WEIGHT_MAX)
			assert_int_equal(winner_of(f, &q), fl->option);
	}
}

/*
 * Every enum and boolean answer, changed alone and scored again: it is
 * listed as a trait flip exactly when it changes the winner.
 */
static void
check_trait_flips(struct fix *f)
{
	const sp_matrix *m = f->m;
	int t, v, i, n, listed, win;

	for (t = 0; t < m->ntraits; t++) {
		const sp_trait *tr = &m->traits[t];

		if (tr->type == SP_TRAIT_INT)
			continue;
		n = tr->type == SP_TRAIT_BOOL ? 2 : tr->nvalues;
		for (v = 0; v < n; v++) {
			sp_profile q = f->p;

			if (v == f->p.value[t])
				continue;
			q.value[t] = v;
			win = winner_of(f, &q);
			listed = -2;
			for (i = 0; i < f->a->ntrait_flips; i++)
				if (f->a->trait_flips[i].trait == t &&
				    f->a->trait_flips[i].to == v)
					listed = f->a->trait_flips[i].option;
			if (win == f->a->winner)
				assert_int_equal(listed, -2);
			else
				assert_int_equal(listed, win);
		}
	}
	/* Integer flips: the reported value changes the winner. */
	for (i = 0; i < f->a->ntrait_flips; i++) {
		sp_profile q = f->p;
		const sp_trait_flip *tf = &f->a->trait_flips[i];

		q.value[tf->trait] = tf->to;
		assert_int_equal(winner_of(f, &q), tf->option);
	}
}

static const char *const examples[] = { "realtime-chat", "ml-pipelines",
	"serverless-functions", "beginner-saas", "hybrid-platform" };

static void
test_shipped_examples(void **state)
{
	struct fix f;
	char path[512];
	size_t i;
	int m;

	(void)state;
	fix_open(&f, NULL);
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		snprintf(path, sizeof(path), "%s/data/examples/%s.yaml",
		    SP_SOURCE_DIR, examples[i]);
		fix_profile(&f, NULL, path);
		for (m = 0; m < SP_NMETHODS; m++) {
			fix_run(&f, (sp_method)m);
			check_flips(&f);
			check_trait_flips(&f);
			assert_true(f.a->confidence >= 0 &&
			    f.a->confidence <= 1);
			if (m == SP_METHOD_TOPSIS)
				assert_int_equal(f.a->nflips, 0);
		}
		fix_run(&f, SP_METHOD_WSM);
		/* Only the hybrid platform suggests a split. */
		assert_int_equal(f.a->hybrid,
		    strcmp(examples[i], "hybrid-platform") == 0);
	}
	fix_close(&f);
}

static void
test_hybrid_split(void **state)
{
	struct fix f;
	char path[512];
	int i, ml = -1;

	(void)state;
	fix_open(&f, NULL);
	snprintf(path, sizeof(path), "%s/data/examples/hybrid-platform.yaml",
	    SP_SOURCE_DIR);
	fix_profile(&f, NULL, path);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->hybrid, 1);
	assert_int_equal(f.a->split[0].option, sp_matrix_option(f.m,
	    "nodejs"));
	assert_int_equal(f.a->split[1].option, sp_matrix_option(f.m,
	    "python"));
	for (i = 0; i < f.a->split[1].ncriteria; i++)
		if (f.a->split[1].criteria[i] == sp_matrix_criterion(f.m,
		    "ml_support"))
			ml = i;
	assert_true(ml >= 0);
	assert_true(f.a->share[1] >= SP_HYBRID_SHARE);
	/* Without heavy ML the Python side is no heavy need: no split. */
	f.p.value[sp_matrix_trait(f.m, "ml")] = 0;
	f.p.value[sp_matrix_trait(f.m, "data_pipelines")] = 0;
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->hybrid, 0);
	fix_close(&f);
}

/* The second shipped matrix, Django vs Flask vs FastAPI, and its profile. */
static void
test_frameworks_matrix(void **state)
{
	struct fix f;
	sp_error err;
	char path[512];
	int m;

	(void)state;
	memset(&f, 0, sizeof(f));
	snprintf(path, sizeof(path),
	    "%s/data/web-frameworks/matrix.yaml",
	    SP_SOURCE_DIR);
	assert_int_equal(sp_matrix_load(&f.m, path, &err), SP_OK);
	assert_int_equal(sp_result_new(&f.r, f.m, &err), SP_OK);
	assert_int_equal(sp_analysis_new(&f.a, f.m, &err), SP_OK);
	snprintf(path, sizeof(path), "%s/data/web-frameworks/python-web-api.yaml",
	    SP_SOURCE_DIR);
	fix_profile(&f, NULL, path);
	for (m = 0; m < SP_NMETHODS; m++) {
		fix_run(&f, (sp_method)m);
		assert_int_equal(f.a->winner, sp_matrix_option(f.m, "fastapi"));
		check_flips(&f);
		check_trait_flips(&f);
	}
	fix_run(&f, SP_METHOD_WSM);
	assert_true(f.a->nflips > 0);
	assert_true(f.a->ntrait_flips > 0);
	assert_int_equal(f.a->methods_agree, 1);
	assert_int_equal(f.a->hybrid, 0);
	/* A website with websockets goes to Django. */
	fix_profile(&f, "app: website\nrealtime: true\n", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->winner, sp_matrix_option(f.m, "django"));
	check_flips(&f);
	check_trait_flips(&f);
	fix_close(&f);
}

/* Appends printf-style text to a growing buffer. */
static void
cat(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	while (*len + (size_t)n + 1 > *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*buf = realloc(*buf, *cap);
		assert_non_null(*buf);
	}
	va_start(ap, fmt);
	vsnprintf(*buf + *len, *cap - *len, fmt, ap);
	va_end(ap);
	*len += (size_t)n;
}

/*
 * An integer trait tested by many ranges: the nearest value on each side
 * that changes the winner, found by scoring every value of the trait in
 * full, is the flip the analysis lists.  With terms that are multiples of
 * 1/1024 the analysis sweeps the values (src/sweep.c); with a term of 0.1
 * it derives the weights again at each value; both must agree with the
 * brute force, at several answers.
 */
static void
check_int_trait(const char *add)
{
	struct fix f;
	char *text = NULL, prof[32];
	size_t len = 0, cap = 0;
	unsigned long seed = 7;
	int k, i, now, v, win, below, above, lo, n;

	cat(&text, &len, &cap, "format: 1\nname: sweep\nscale: {min: 1, "
	    "max: 5}\noptions: [{id: a, label: A}, {id: b, label: B}]\n"
	    "traits: [{id: t, type: integer, min: 0, max: 300, default: 0}]\n"
	    "criteria:\n  - {id: base, label: Base, weight: 2, ratings: "
	    "{a: {rating: 3, why: w}, b: {rating: 2, why: w}}}\n");
	for (k = 0; k < 2; k++) {
		cat(&text, &len, &cap, "  - id: c%d\n    label: C\n    "
		    "weight: 1\n    ratings: {a: {rating: %d, why: w}, b: "
		    "{rating: %d, why: w}}\n    rules:\n", k, 1 + 4 * k,
		    5 - 4 * k);
		for (i = 0; i < 40; i++) {
			seed = (seed * 1103515245 + 12345) % 2147483648UL;
			lo = (int)(seed % 280);
			cat(&text, &len, &cap, "      - {when: {t: {min: %d, "
			    "max: %d}}, add: %s}\n", lo, lo + (int)(seed / 280 %
			    40), i == 7 ? add : i % 3 ? "0.5" : "1");
		}
	}
	fix_open(&f, text);
	for (now = 0; now <= 300; now += 37) {
		snprintf(prof, sizeof(prof), "t: %d\n", now);
		fix_profile(&f, prof, NULL);
		fix_run(&f, SP_METHOD_WSM);
		below = above = -1;
		for (v = 0; v <= 300; v++) {
			sp_profile q = f.p;

			q.value[0] = v;
			if ((win = winner_of(&f, &q)) == f.a->winner)
				continue;
			if (v < now)
				below = v;
			else if (above < 0)
				above = v;
		}
		for (i = n = 0; i < f.a->ntrait_flips; i++) {
			const sp_trait_flip *tf = &f.a->trait_flips[i];

			assert_true(tf->to == below || tf->to == above);
			n++;
		}
		assert_int_equal(n, (below >= 0) + (above >= 0));
	}
	fix_close(&f);
	free(text);
}

static void
test_int_trait_sweep(void **state)
{
	(void)state;
	check_int_trait("-1");
	check_int_trait("0.1");
}

/*
 * A matrix at the bounds: 64 options, 256 criteria (one from the team),
 * ratings from a fixed linear congruential sequence below two close
 * leaders, rules on an enum, an integer and a boolean trait.  Every part
 * of the analysis must hold.
 */
static void
test_large_matrix(void **state)
{
	struct fix f;
	char *text = NULL;
	size_t len = 0, cap = 0;
	unsigned long seed = 12345;
	int o, k, m;

	(void)state;
	cat(&text, &len, &cap, "format: 1\nname: large\nscale: {min: 0, "
	    "max: 10}\noptions:\n");
	for (o = 0; o < SP_MAX_OPTIONS; o++)
		cat(&text, &len, &cap, "  - {id: o%d, label: O%d}\n", o, o);
	cat(&text, &len, &cap, "traits:\n"
	    "  - {id: size, type: enum, values: [s, m, l], default: m}\n"
	    "  - {id: users, type: integer, min: 0, max: 1000, default: 5}\n"
	    "  - {id: live, type: boolean, default: false}\ncriteria:\n");
	for (k = 0; k < SP_MAX_CRITERIA - 1; k++) {
		seed = (seed * 1103515245 + 12345) % 2147483648UL;
		cat(&text, &len, &cap, "  - id: c%d\n    label: C%d\n%s"
		    "    weight: %lu\n    ratings:\n", k, k, k % 3 ? "" :
		    "    component: part\n", seed % 3);
		/*
		 * o0 and o1 lead the field and differ only on every 16th
		 * criterion, each winning half of those: they are close.
		 */
		cat(&text, &len, &cap, "      o0: {rating: %d, why: g}\n"
		    "      o1: {rating: %d, why: g}\n", k % 16 ? 9 : k % 32 ?
		    5 : 10, k % 16 ? 9 : k % 32 ? 10 : 5);
		for (o = 2; o < SP_MAX_OPTIONS; o++) {
			seed = (seed * 1103515245 + 12345) % 2147483648UL;
			cat(&text, &len, &cap, "      o%d: {rating: %lu, why: "
			    "g}\n", o, seed % 9);
		}
		if (k % 4 == 0)
			cat(&text, &len, &cap, "    rules:\n"
			    "      - {when: {size: l}, add: 4}\n"
			    "      - {when: {users: {min: 100}}, add: -3}\n"
			    "      - {when: {live: true}, add: 2}\n");
	}
	cat(&text, &len, &cap, "  - {id: team_fit, label: T, weight: 5, "
	    "ratings_from: team}\n");
	fix_open(&f, text);
	free(text);
	assert_int_equal(f.m->noptions, SP_MAX_OPTIONS);
	assert_int_equal(f.m->ncriteria, SP_MAX_CRITERIA);
	fix_profile(&f, "size: l\nusers: 50\nteam: {o3: 5, o9: 4}\n", NULL);
	/*
	 * TOPSIS re-ranks all 4096 draws in full, 64 x 256 each: too slow
	 * under valgrind, and the small matrices above cover that path.
	 */
	for (m = 0; m < SP_NMETHODS - 1; m++) {
		fix_run(&f, (sp_method)m);
		assert_true(f.a->winner >= 0);
		assert_true(f.a->confidence >= 0 && f.a->confidence <= 1);
		check_flips(&f);
		check_trait_flips(&f);
	}
	fix_run(&f, SP_METHOD_WSM);
	assert_true(f.a->nflips > 0);
	assert_true(f.a->ntrait_flips <= 5);
	fix_close(&f);
}

/*
 * A matrix of three options on 1..5: c1 (a 5, b 2, c 3) at weight 5 and
 * c2 (a 1, b 4, c 3) at weight 4, or c1 split into five copies of weight
 * 1.  The weighted sum picks a (3.22 against c 3 and b 2.89), the
 * weighted product c (3 against b 2.72 and a 2.45), each with two rivals
 * close.  The scores are the same for both matrices, and so must the
 * confidence be: each draw of the split matrix moves the five copies
 * by independent deviates whose variances add up to the whole one's.
 */
static char *
split_text(int copies)
{
	char *text = NULL;
	size_t len = 0, cap = 0;
	int i;

	cat(&text, &len, &cap, "format: 1\nname: split\nscale: {min: 1, "
	    "max: 5}\noptions:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "  - {id: c, label: C}\ncriteria:\n");
	for (i = 0; i < copies; i++)
		cat(&text, &len, &cap, "  - id: c1_%d\n    label: C1\n"
		    "    weight: %g\n    ratings: {a: {rating: 5, why: x}, "
		    "b: {rating: 2, why: x}, c: {rating: 3, why: x}}\n", i,
		    5.0 / copies);
	cat(&text, &len, &cap, "  - id: c2\n    label: C2\n    weight: 4\n"
	    "    ratings: {a: {rating: 1, why: x}, b: {rating: 4, why: x}, "
	    "c: {rating: 3, why: x}}\n");
	return text;
}

static void
test_split_criterion(void **state)
{
	struct fix one, five;
	char *text;
	int m, o;

	(void)state;
	text = split_text(1);
	fix_open(&one, text);
	free(text);
	text = split_text(5);
	fix_open(&five, text);
	free(text);
	fix_profile(&one, "{}", NULL);
	fix_profile(&five, "{}", NULL);
	for (m = SP_METHOD_WSM; m <= SP_METHOD_WPM; m++) {
		fix_run(&one, (sp_method)m);
		fix_run(&five, (sp_method)m);
		for (o = 0; o < 3; o++)
			assert_float_equal(one.r->score[o], five.r->score[o],
			    1e-12);
		assert_true(one.a->winner >= 0);
		assert_int_equal(one.a->winner, five.a->winner);
		assert_float_equal(one.a->weight_decisive, 9, 1e-12);
		assert_float_equal(five.a->weight_decisive, 9, 1e-12);
		/*
		 * Draws matter, and the two figures are within the
		 * sampling error of each other: a standard error under
		 * 0.0076 each, three of the difference's.
		 */
		assert_true(one.a->confidence > 0.6 &&
		    one.a->confidence < 0.95);
		assert_float_equal(one.a->confidence, five.a->confidence,
		    3 * sqrt(2) * 0.0076);
		assert_int_equal(one.a->label, five.a->label);
	}
	fix_close(&one);
	fix_close(&five);
}

/*
 * A criterion that rates every option alike (team fit without a team
 * section) cannot change the order: at weight 0, 1 or 10 it must leave
 * the confidence, the decisive margin and the label alone.  c1 (a 4,
 * b 3) at 3 and c2 (a 2, b 3) at 1 give a lead of 2 over W_d = 4, a
 * decisive margin of 0.5; diluted by team fit at 10 the plain margin
 * would be 2/14, under 5% of the scale.
 */
static const char indifferent_matrix[] =
    "format: 1\nname: indifferent\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "criteria:\n"
    "  - id: c1\n    label: C1\n    weight: 3\n    ratings:\n"
    "      a: {rating: 4, why: x}\n      b: {rating: 3, why: y}\n"
    "  - id: c2\n    label: C2\n    weight: 1\n    ratings:\n"
    "      a: {rating: 2, why: x}\n      b: {rating: 3, why: y}\n"
    "  - {id: team_fit, label: Team, weight: 1, ratings_from: team}\n";

static void
test_indifferent_criterion(void **state)
{
	static const char *const weights[] = { "weights: {team_fit: 0}\n",
		"weights: {team_fit: 1}\n", "weights: {team_fit: 10}\n" };
	struct fix f;
	double conf[3], margin[3];
	int i, m;

	(void)state;
	fix_open(&f, indifferent_matrix);
	for (m = 0; m < SP_NMETHODS; m++) {
		for (i = 0; i < 3; i++) {
			fix_profile(&f, weights[i], NULL);
			fix_run(&f, (sp_method)m);
			assert_int_equal(f.a->winner, 0);
			assert_float_equal(f.a->weight_decisive, 4, 0);
			conf[i] = f.a->confidence;
			margin[i] = f.a->margin_decisive;
			assert_int_equal(f.a->label, SP_LABEL_CLEAR);
		}
		assert_true(conf[0] == conf[1] && conf[1] == conf[2]);
		assert_float_equal(margin[0], margin[2], 1e-12);
		assert_float_equal(margin[1], margin[2], 1e-12);
	}
	fix_close(&f);
}

/*
 * The weighted product on a ratio scale: a (1, 2.5) against b (1.5,
 * 1.5) at equal weights, declared on 1..5, as 0.2..1 and as 20..100.
 * a = sqrt(2.5) = 1.58 beats b = 1.5 on every declaration (shifting the
 * ratings to start at 1 made b win on 20..100).  On a scale that reaches
 * 0, ratings 0..4 and 0..100 of the same places in the span agree too.
 */
static char *
ratio_text(double min, double max, double unit)
{
	char *text = NULL;
	size_t len = 0, cap = 0;

	cat(&text, &len, &cap, "format: 1\nname: ratio\nscale: {min: %g, "
	    "max: %g}\noptions:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "criteria:\n"
	    "  - id: c1\n    label: C1\n    weight: 1\n    ratings:\n"
	    "      a: {rating: %g, why: x}\n      b: {rating: %g, why: y}\n"
	    "  - id: c2\n    label: C2\n    weight: 1\n    ratings:\n"
	    "      a: {rating: %g, why: x}\n      b: {rating: %g, why: y}\n",
	    min, max, 1 * unit + (min <= 0 ? min : 0), 1.5 * unit +
	    (min <= 0 ? min : 0), 2.5 * unit + (min <= 0 ? min : 0), 1.5 *
	    unit + (min <= 0 ? min : 0));
	return text;
}

static void
test_wpm_ratio_scale(void **state)
{
	static const double scales[][3] = { { 1, 5, 1 }, { 0.2, 1, 0.2 },
		{ 20, 100, 20 }, { 0, 4, 1 }, { 0, 100, 25 } };
	double first = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++) {
		struct fix f;
		char *text = ratio_text(scales[i][0], scales[i][1],
		    scales[i][2]);
		double rel;

		fix_open(&f, text);
		free(text);
		fix_profile(&f, "{}", NULL);
		fix_run(&f, SP_METHOD_WPM);
		assert_int_equal(f.r->rank[0], 0);
		assert_int_equal(f.a->method_winner[SP_METHOD_WPM], 0);
		if (scales[i][0] > 0)
			assert_float_equal(f.r->score[0] / scales[i][2],
			    sqrt(2.5), 1e-12);
		/* The margin as a share of the span, and so the label, is
		 * the same on every ratio declaration. */
		rel = f.r->margin / (scales[i][1] - scales[i][0]);
		if (i == 0)
			first = rel;
		else if (scales[i][0] > 0)
			assert_float_equal(rel, first, 1e-12);
		fix_close(&f);
	}
}

/*
 * Flips that land exactly on an end of 0..10.  With c1 (a 5, b 1), c2
 * (a 3, b 1) and c3 (a 1, b 3), c2 and c3 cancel whenever they weigh
 * the same, so c1 flips at exactly 0, where a and b tie; rounding made
 * that -1e-16 for some weights and the flip was lost.  On the hand
 * matrix at c1 = 10, c2 flips at exactly 10.  With every other weight at
 * 0, a criterion's flip at 0 would leave nothing to score: none is
 * reported.
 */
static const char edge_matrix[] =
    "format: 1\nname: edge\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "criteria:\n"
    "  - id: c1\n    label: C1\n    weight: 1\n    ratings:\n"
    "      a: {rating: 5, why: x}\n      b: {rating: 1, why: y}\n"
    "  - id: c2\n    label: C2\n    weight: 1\n    ratings:\n"
    "      a: {rating: 3, why: x}\n      b: {rating: 1, why: y}\n"
    "  - id: c3\n    label: C3\n    weight: 1\n    ratings:\n"
    "      a: {rating: 1, why: x}\n      b: {rating: 3, why: y}\n";

/* The flip of criterion k in f's analysis, or NULL. */
static const sp_flip *
flip_of(const struct fix *f, int k)
{
	int i;

	for (i = 0; i < f->a->nflips; i++)
		if (f->a->flips[i].criterion == k)
			return &f->a->flips[i];
	return NULL;
}

static void
test_flips_at_edges(void **state)
{
	static const double w[] = { 0.1, 0.3, 0.7, 1.1, 2.9, 3.3, 6.1 };
	struct fix f;
	const sp_flip *fl;
	char text[128];
	size_t i, j;

	(void)state;
	fix_open(&f, edge_matrix);
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		for (j = 0; j < sizeof(w) / sizeof(w[0]); j++) {
			sp_profile q;

			snprintf(text, sizeof(text), "weights: {c1: %g, c2: "
			    "%g, c3: %g}\n", w[i], w[j], w[j]);
			fix_profile(&f, text, NULL);
			fix_run(&f, SP_METHOD_WSM);
			fl = flip_of(&f, 0);
			assert_non_null(fl);
			assert_true(fl->flip_weight == 0);
			assert_int_equal(fl->at_edge, 1);
			q = f.p;
			q.weight[0] = 0;
			assert_int_equal(winner_of(&f, &q), -1);
			check_flips(&f);
		}
	}
	fix_close(&f);
	fix_open(&f, hand_matrix);
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		sp_profile q;

		snprintf(text, sizeof(text), "weights: {c1: 10, c2: %g}\n",
		    w[i]);
		fix_profile(&f, text, NULL);
		fix_run(&f, SP_METHOD_WSM);
		fl = flip_of(&f, 1);
		assert_non_null(fl);
		assert_true(fl->flip_weight == 10);
		assert_int_equal(fl->at_edge, 1);
		q = f.p;
		q.weight[1] = 10;
		assert_int_equal(winner_of(&f, &q), -1);
		check_flips(&f);
	}
	/* Only c1 weighs: it has no flip, c2 flips at 5 * 4 / 4 = 5. */
	fix_profile(&f, "weights: {c1: 5, c2: 0}\n", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_null(flip_of(&f, 0));
	assert_non_null(fl = flip_of(&f, 1));
	assert_float_equal(fl->flip_weight, 5, 1e-12);
	assert_int_equal(fl->at_edge, 0);
	assert_int_equal(f.a->nflips, 1);
	fix_close(&f);
}

/*
 * TOPSIS alone disagreeing.  Weights 4, 5, 1; a (5, 2, 5), b (4, 3, 1):
 * weighted sum 3.5 against 3.2 and weighted product 3.16 against 3.02
 * pick a, TOPSIS picks b (0.42 against 0.58).  That caps the label at
 * leaning; it is no close call.
 */
static const char topsis_matrix[] =
    "format: 1\nname: topsis\nscale: {min: 1, max: 5}\n"
    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
    "criteria:\n"
    "  - {id: c1, label: C1, weight: 4, ratings: {a: {rating: 5, why: x},"
    " b: {rating: 4, why: x}}}\n"
    "  - {id: c2, label: C2, weight: 5, ratings: {a: {rating: 2, why: x},"
    " b: {rating: 3, why: x}}}\n"
    "  - {id: c3, label: C3, weight: 1, ratings: {a: {rating: 5, why: x},"
    " b: {rating: 1, why: x}}}\n";

static void
test_topsis_alone_disagrees(void **state)
{
	struct fix f;
	double s[2];

	(void)state;
	fix_open(&f, topsis_matrix);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	sp_score_method(s, f.r, NULL, SP_METHOD_TOPSIS);
	assert_float_equal(s[0], 0.4197, 1e-4);
	assert_int_equal(f.a->method_winner[SP_METHOD_WSM], 0);
	assert_int_equal(f.a->method_winner[SP_METHOD_WPM], 0);
	assert_int_equal(f.a->method_winner[SP_METHOD_TOPSIS], 1);
	assert_int_equal(f.a->methods_agree, 0);
	assert_int_equal(f.a->linear_agree, 1);
	assert_int_equal(f.a->label, SP_LABEL_LEANING);
	/* Ranked by TOPSIS, the sums disagree with it: a close call. */
	fix_run(&f, SP_METHOD_TOPSIS);
	assert_int_equal(f.a->winner, 1);
	assert_int_equal(f.a->label, SP_LABEL_CLOSE);
	fix_close(&f);
}

/*
 * TOPSIS reverses ranks when an option that wins nothing is added (a
 * known property, documented in docs/scoring.md).  Weights 2, 4, 4;
 * a (5, 3, 5), b (4, 5, 3): TOPSIS 0.506 against 0.494.  Add c (1, 1, 3),
 * worse than both everywhere: now b 0.694 against a 0.619.  The weighted
 * sum keeps a ahead (4.2 against 4.0) either way.
 */
static void
test_topsis_rank_reversal(void **state)
{
	static const char two[] =
	    "format: 1\nname: two\nscale: {min: 1, max: 5}\n"
	    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "criteria:\n"
	    "  - {id: c1, label: C1, weight: 2, ratings: {a: {rating: 5, "
	    "why: x}, b: {rating: 4, why: x}}}\n"
	    "  - {id: c2, label: C2, weight: 4, ratings: {a: {rating: 3, "
	    "why: x}, b: {rating: 5, why: x}}}\n"
	    "  - {id: c3, label: C3, weight: 4, ratings: {a: {rating: 5, "
	    "why: x}, b: {rating: 3, why: x}}}\n";
	static const char three[] =
	    "format: 1\nname: three\nscale: {min: 1, max: 5}\n"
	    "options:\n  - {id: a, label: A}\n  - {id: b, label: B}\n"
	    "  - {id: c, label: C}\ncriteria:\n"
	    "  - {id: c1, label: C1, weight: 2, ratings: {a: {rating: 5, "
	    "why: x}, b: {rating: 4, why: x}, c: {rating: 1, why: x}}}\n"
	    "  - {id: c2, label: C2, weight: 4, ratings: {a: {rating: 3, "
	    "why: x}, b: {rating: 5, why: x}, c: {rating: 1, why: x}}}\n"
	    "  - {id: c3, label: C3, weight: 4, ratings: {a: {rating: 5, "
	    "why: x}, b: {rating: 3, why: x}, c: {rating: 3, why: x}}}\n";
	struct fix f;

	(void)state;
	fix_open(&f, two);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->method_winner[SP_METHOD_TOPSIS], 0);
	fix_close(&f);
	fix_open(&f, three);
	fix_profile(&f, "{}", NULL);
	fix_run(&f, SP_METHOD_WSM);
	assert_int_equal(f.a->winner, 0);
	assert_int_equal(f.a->method_winner[SP_METHOD_TOPSIS], 1);
	assert_int_not_equal(f.a->label, SP_LABEL_CLOSE);
	fix_close(&f);
}

/*
 * The compiled-in deviates are the sequence made at run time (the first,
 * a middle and the last criterion's, and the entries either side of each
 * boundary), and a part made from the middle is the same as made whole.
 */
static void
test_draws_sequence(void **state)
{
	const size_t half = SP_DRAWS_HALF, built = SP_DRAWS_BUILT * half;
	const size_t at[] = { 0, SP_DRAWS_BUILT / 2, SP_DRAWS_BUILT - 1 };
	size_t n = 3 * half, i;
	float *whole = malloc(n * sizeof(float));
	float *part = malloc(n * sizeof(float));

	(void)state;
	assert_non_null(whole);
	assert_non_null(part);
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		sp_draws_fill(part, at[i] * half, (at[i] + 1) * half);
		assert_memory_equal(part, sp_draws_built + at[i] * half,
		    half * sizeof(float));
	}
	/* The last compiled-in criterion, then two made at run time. */
	sp_draws_fill(whole, built - half, built + 2 * half);
	assert_memory_equal(whole, sp_draws_built + built - half,
	    half * sizeof(float));
	sp_draws_fill(part, built, built + 2 * half);
	assert_memory_equal(part, whole + half, 2 * half * sizeof(float));
	sp_draws_fill(part, built - half + 2, built - half + 7);
	assert_memory_equal(part, whole + 2, 5 * sizeof(float));
	free(whole);
	free(part);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_methods_hand_worked),
		cmocka_unit_test(test_flips_hand_worked),
		cmocka_unit_test(test_methods_disagree),
		cmocka_unit_test(test_confidence_exact),
		cmocka_unit_test(test_tie_has_no_winner),
		cmocka_unit_test(test_shipped_examples),
		cmocka_unit_test(test_hybrid_split),
		cmocka_unit_test(test_frameworks_matrix),
		cmocka_unit_test(test_large_matrix),
		cmocka_unit_test(test_int_trait_sweep),
		cmocka_unit_test(test_split_criterion),
		cmocka_unit_test(test_indifferent_criterion),
		cmocka_unit_test(test_wpm_ratio_scale),
		cmocka_unit_test(test_flips_at_edges),
		cmocka_unit_test(test_topsis_alone_disagrees),
		cmocka_unit_test(test_topsis_rank_reversal),
		cmocka_unit_test(test_draws_sequence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
