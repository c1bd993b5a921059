/*
 * Groups (see stackpick/group.h): loading the members, aggregating their
 * profiles into the group's, and the group model: each member's own
 * answer, agreement, and the disagreements that change the answer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/doc.h"
#include "stackpick/group.h"
#include "stackpick/pipeline.h"
#include "decode.h"

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d != NULL ? memcpy(d, s, n) : NULL;
}

static sp_status
oom(sp_error *err)
{
	return sp_error_set(err, SP_ENOMEM, "", 0, 0, "out of memory");
}

void
sp_group_free(sp_group *g)
{
	int i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nmembers; i++) {
		free(g->member[i].name);
		free(g->member[i].file);
		free(g->member[i].weight);
	}
	free(g->member);
	free(g->name);
	free(g->file);
	free(g->dis);
	free(g->w);
	free(g->sc);
	sp_result_free(g->scratch);
	free(g);
}

/* A path named in the group file, relative to the file's directory. */
static char *
relative(const char *group, const char *path)
{
	const char *slash = strrchr(group, '/');
	size_t dir = slash != NULL ? (size_t)(slash - group) + 1 : 0;
	char *s;

	if (path[0] == '/' || dir == 0)
		return dup(path);
	if ((s = malloc(dir + strlen(path) + 1)) == NULL)
		return NULL;
	memcpy(s, group, dir);
	strcpy(s + dir, path);
	return s;
}

static sp_status
add_member(sp_group *g, const char *file, const char *name, double say,
    sp_error *err)
{
	sp_member *mb = &g->member[g->nmembers];
	const char *base = strrchr(file, '/');

	memset(mb, 0, sizeof(*mb));
	mb->say = say;
	mb->file = dup(file);
	mb->weight = calloc((size_t)g->m->ncriteria, sizeof(double));
	if (mb->file == NULL || mb->weight == NULL) {
		free(mb->file);
		free(mb->weight);
		return oom(err);
	}
	g->nmembers++;
	g->total_say += say;
	TRY(sp_pipeline_load(&mb->prof, g->m, file, file, err));
	if (name == NULL)
		name = mb->prof.name[0] ? mb->prof.name : base ? base + 1 :
		    file;
	return (mb->name = dup(name)) != NULL ? SP_OK : oom(err);
}

/* One entry of members: {profile: FILE, name: NAME, say: N}. */
static sp_status
decode_member(sp_group *g, const sp_dec *d, const sp_node *n)
{
	static const char *const keys[] = { "profile", "name", "say" };
	const sp_node *v;
	const char *file, *name = NULL;
	char *path;
	double say = 1;
	sp_status rc;

	TRY(dec_map(d, n, "member"));
	TRY(dec_keys(d, n, "member", keys, 3));
	if ((v = sp_node_get(n, "profile")) == NULL)
		return dec_fail(d, n, "member: no profile");
	TRY(dec_str(d, v, "profile", &file));
	if ((v = sp_node_get(n, "name")) != NULL) {
		TRY(dec_str(d, v, "name", &name));
		if (sp_profile_name_problem(name, v->len) != NULL)
			return dec_fail(d, v, "name: %s",
			    sp_profile_name_problem(name, v->len));
	}
	if ((v = sp_node_get(n, "say")) != NULL) {
		TRY(dec_double(d, v, "say", 0, 1e6, &say));
		if (!(say > 0))
			return dec_fail(d, v, "say: must be more than 0");
	}
	if ((path = relative(d->file, file)) == NULL)
		return oom(d->err);
	rc = add_member(g, path, name, say, d->err);
	free(path);
	return rc;
}

static sp_status
decode_group(sp_group *g, const sp_doc *doc, sp_error *err)
{
	static const char *const keys[] = { "name", "members" };
	const sp_node *root = sp_doc_root(doc), *v, *n;
	const char *name;
	sp_dec d;

	dec_init(&d, sp_doc_name(doc), err, NULL);
	if (sp_node_get(root, "members") == NULL)
		return dec_fail(&d, root, "--group takes a group file (a "
		    "mapping with members:) or 2 to %d profiles",
		    SP_MAX_MEMBERS);
	TRY(dec_keys(&d, root, "group", keys, 2));
	if ((v = sp_node_get(root, "name")) != NULL) {
		TRY(dec_str(&d, v, "name", &name));
		if (sp_profile_name_problem(name, v->len) != NULL)
			return dec_fail(&d, v, "name: %s",
			    sp_profile_name_problem(name, v->len));
		if ((g->name = dup(name)) == NULL)
			return oom(err);
	}
	v = sp_node_get(root, "members");
	TRY(dec_seq(&d, v, "members"));
	if (v->count < 2 || v->count > SP_MAX_MEMBERS)
		return dec_fail(&d, v, "members: a group has 2 to %d members, "
		    "found %zu", SP_MAX_MEMBERS, v->count);
	for (n = v->first; n != NULL; n = n->next)
		TRY(decode_member(g, &d, n));
	return SP_OK;
}

int
sp_group_is_file(const char *path)
{
	sp_doc *doc = NULL;
	char *buf = NULL;
	size_t len;
	sp_error e;
	int is = 0;

	if (sp_read_file(&buf, &len, path, path, SP_MAX_GROUP_BYTES, &e) ==
	    SP_OK && sp_doc_parse(&doc, buf, len, path, &e) == SP_OK)
		is = sp_node_get(sp_doc_root(doc), "members") != NULL;
	sp_doc_free(doc);
	free(buf);
	return is;
}

static sp_status
load_file(sp_group *g, const char *path, sp_error *err)
{
	sp_doc *doc = NULL;
	char *buf = NULL;
	size_t len;
	sp_status rc;

	if ((g->file = dup(path)) == NULL)
		return oom(err);
	rc = sp_read_file(&buf, &len, path, path, SP_MAX_GROUP_BYTES, err);
	if (rc == SP_OK)
		rc = sp_doc_parse(&doc, buf, len, path, err);
	if (rc == SP_OK)
		rc = decode_group(g, doc, err);
	sp_doc_free(doc);
	free(buf);
	return rc;
}

/* The value most of the say gives trait t; a tie goes to the earliest. */
static long
vote(const sp_group *g, int t)
{
	double best = -1, tally;
	long v, pick = 0;
	int i, j;

	for (i = 0; i < g->nmembers; i++) {
		v = g->member[i].prof.value[t];
		tally = 0;
		for (j = 0; j < g->nmembers; j++)
			if (g->member[j].prof.value[t] == v)
				tally += g->member[j].say;
		if (tally > best + 1e-12) {
			best = tally;
			pick = v;
		}
	}
	return pick;
}

/*
 * The lower weighted median of v[0..n-1] with weights say[]: the
 * smallest value with at least half the say at or below it.
 */
static long
median(long *v, double *say, int n)
{
	double total = 0, run = 0, s;
	long x;
	int i, j;

	for (i = 1; i < n; i++) {
		x = v[i];
		s = say[i];
		for (j = i; j > 0 && v[j - 1] > x; j--) {
			v[j] = v[j - 1];
			say[j] = say[j - 1];
		}
		v[j] = x;
		say[j] = s;
	}
	for (i = 0; i < n; i++)
		total += say[i];
	for (i = 0; i < n; i++) {
		run += say[i];
		if (run >= total / 2 - 1e-12)
			return v[i];
	}
	return v[n - 1];
}

static void
aggregate_traits(sp_group *g)
{
	const sp_matrix *m = g->m;
	long v[SP_MAX_MEMBERS];
	double say[SP_MAX_MEMBERS];
	int t, i, o, n;

	for (t = 0; t < m->ntraits; t++) {
		for (i = 0; i < g->nmembers; i++) {
			v[i] = g->member[i].prof.value[t];
			say[i] = g->member[i].say;
			g->prof.given[t] |= g->member[i].prof.given[t];
		}
		g->prof.value[t] = m->traits[t].type == SP_TRAIT_INT ?
		    median(v, say, g->nmembers) : vote(g, t);
	}
	for (o = 0; o < m->noptions; o++) {
		for (i = n = 0; i < g->nmembers; i++) {
			const sp_profile *p = &g->member[i].prof;

			if (!p->team_given)
				continue;
			v[n] = p->team[o] < 0 ? 0 : p->team[o];
			say[n++] = g->member[i].say;
		}
		if (n > 0) {
			g->prof.team_given = 1;
			g->prof.team[o] = (int)median(v, say, n);
		}
	}
}

/*
 * Each pair any member judged gets the weighted geometric mean of the
 * judgements given for it (the aggregation of individual judgements).
 * The ratio of pair k collects the weighted logarithms first.
 */
static sp_status
aggregate_pairs(sp_group *g, sp_error *err)
{
	double said[SP_MAX_JUDGEMENTS] = { 0 }, r;
	sp_profile *gp = &g->prof;
	int i, j, k;

	for (i = 0; i < g->nmembers; i++) {
		const sp_profile *p = &g->member[i].prof;

		for (j = 0; j < p->npairs; j++) {
			k = sp_profile_pair(gp, p->pair[j].a, p->pair[j].b);
			if (k < 0 && gp->npairs == SP_MAX_JUDGEMENTS)
				return sp_error_set(err, SP_EDATA, g->member[i].file,
				    p->pair[j].line, p->pair[j].column, "pairwise: "
				    "the members compare more than %d criteria "
				    "together", SP_MAX_PAIRWISE);
			if (k < 0) {
				k = gp->npairs++;
				gp->pair[k] = p->pair[j];
				gp->pair[k].ratio = 0;
				gp->pair[k].line = gp->pair[k].column = 0;
			}
			r = log(p->pair[j].ratio);
			gp->pair[k].ratio += g->member[i].say *
			    (gp->pair[k].a == p->pair[j].a ? r : -r);
			said[k] += g->member[i].say;
		}
	}
	for (k = 0; k < gp->npairs; k++)
		gp->pair[k].ratio = exp(gp->pair[k].ratio / said[k]);
	return SP_OK;
}

/*
 * Weights set directly by any member: the weighted geometric mean of each
 * member's, where a member who set none counts the weight the group's
 * answers give.  A member's 0 makes it 0.
 */
static void
aggregate_weights(const sp_group *g, sp_profile *gp)
{
	const sp_matrix *m = g->m;
	double logs, w;
	int i, k, any, zero;

	for (k = 0; k < m->ncriteria; k++) {
		if (gp->override[k] == SP_OVERRIDE_PROFILE)
			gp->override[k] = SP_OVERRIDE_NONE;
		for (i = any = 0; i < g->nmembers; i++)
			any |= g->member[i].prof.override[k] ==
			    SP_OVERRIDE_PROFILE;
		if (!any || gp->override[k] == SP_OVERRIDE_CLI)
			continue;
		logs = 0;
		zero = 0;
		for (i = 0; i < g->nmembers; i++) {
			const sp_profile *p = &g->member[i].prof;

			w = p->override[k] == SP_OVERRIDE_PROFILE ?
			    p->weight[k] : gp->override[k] ==
			    SP_OVERRIDE_PAIRWISE ? gp->weight[k] :
			    sp_weight_derived(&m->criteria[k], gp, m);
			zero |= !(w > 0);
			logs += g->member[i].say * log(zero ? 1 : w);
		}
		gp->weight[k] = zero ? 0 : fmin(SP_WEIGHT_MAX,
		    exp(logs / g->total_say));
		gp->override[k] = SP_OVERRIDE_PROFILE;
	}
}

void
sp_group_weights(double *w, const sp_group *g, sp_profile *gp)
{
	const sp_matrix *m = g->m;
	sp_ahp ahp;
	int k;

	for (k = 0; k < m->ncriteria; k++)
		if (gp->override[k] == SP_OVERRIDE_PROFILE)
			gp->override[k] = SP_OVERRIDE_NONE;
	sp_ahp_apply(&ahp, gp, m);
	aggregate_weights(g, gp);
	for (k = 0; k < m->ncriteria; k++)
		w[k] = gp->override[k] != SP_OVERRIDE_NONE ? gp->weight[k] :
		    sp_weight_derived(&m->criteria[k], gp, m);
}

/* Checks that the members' judgements together connect their criteria. */
static sp_status
check_pairs(sp_group *g, sp_error *err)
{
	sp_ahp ahp;
	sp_profile copy = g->prof;
	int used[SP_MAX_CRITERIA] = { 0 }, k, n = 0;

	for (k = 0; k < copy.npairs; k++) {
		n += !used[copy.pair[k].a] + !used[copy.pair[k].b];
		used[copy.pair[k].a] = used[copy.pair[k].b] = 1;
	}
	if (n > SP_MAX_PAIRWISE)
		return sp_error_set(err, SP_EDATA, g->file ? g->file : "", 0, 0,
		    "pairwise: the members compare %d criteria together, more "
		    "than %d", n, SP_MAX_PAIRWISE);
	sp_ahp_apply(&ahp, &copy, g->m);
	if (copy.npairs > 0 && ahp.n == 0)
		return sp_error_set(err, SP_EDATA, g->file ? g->file : "", 0, 0,
		    "pairwise: the members' judgements together do not "
		    "connect every criterion they name");
	return SP_OK;
}

static sp_status
group_new(sp_group **out, const sp_matrix *m, sp_method method,
    sp_error *err)
{
	sp_group *g = calloc(1, sizeof(*g));

	*out = g;
	if (g == NULL)
		return oom(err);
	g->m = m;
	g->method = method;
	g->member = calloc(SP_MAX_MEMBERS, sizeof(*g->member));
	g->dis = calloc((size_t)(m->ntraits + m->ncriteria),
	    sizeof(*g->dis));
	g->w = calloc((size_t)m->ncriteria, sizeof(double));
	g->sc = calloc((size_t)m->noptions, sizeof(double));
	if (g->member == NULL || g->dis == NULL || g->w == NULL ||
	    g->sc == NULL)
		return oom(err);
	return sp_result_new(&g->scratch, m, err);
}

sp_status
sp_group_load(sp_group **out, const sp_matrix *m, const char *const *paths,
    int npaths, sp_method method, sp_error *err)
{
	sp_group *g;
	sp_status rc;
	int i;

	rc = group_new(&g, m, method, err);
	if (rc == SP_OK && npaths == 1)
		rc = load_file(g, paths[0], err);
	else if (rc == SP_OK && (npaths < 2 || npaths > SP_MAX_MEMBERS))
		rc = sp_error_set(err, SP_EUSAGE, "", 0, 0, "--group takes a "
		    "group file, or 2 to %d profiles", SP_MAX_MEMBERS);
	for (i = 0; rc == SP_OK && npaths > 1 && i < npaths; i++)
		rc = add_member(g, paths[i], NULL, 1, err);
	if (rc == SP_OK) {
		sp_profile_defaults(&g->prof, m);
		if (g->name != NULL)
			strcpy(g->prof.name, g->name);
		aggregate_traits(g);
		rc = aggregate_pairs(g, err);
	}
	if (rc == SP_OK)
		rc = check_pairs(g, err);
	if (rc == SP_OK)
		sp_group_weights(g->w, g, &g->prof);
	if (rc != SP_OK) {
		sp_group_free(g);
		g = NULL;
	}
	*out = g;
	return rc;
}

/* Scores member i on its own: its answer and weights. */
static sp_status
score_member(sp_group *g, int i, sp_error *err)
{
	sp_member *mb = &g->member[i];
	sp_profile p = mb->prof;
	sp_ahp ahp;
	int k;

	sp_ahp_apply(&ahp, &p, g->m);
	g->scratch->method = g->method;
	TRY(sp_score(g->scratch, g->m, &p, err));
	mb->winner = g->scratch->ntied > 1 ? -1 : g->scratch->rank[0];
	mb->runner_up = g->scratch->rank[1];
	mb->margin = g->scratch->margin;
	for (k = 0; k < g->m->ncriteria; k++)
		mb->weight[k] = g->scratch->crit[k].weight;
	return SP_OK;
}

/* 1 - half the distance between the shares of weight of a and b. */
static double
agreement(const double *a, double ta, const double *b, double tb, int n)
{
	double d = 0;
	int k;

	for (k = 0; k < n; k++)
		d += fabs(a[k] / ta - b[k] / tb);
	return 1 - d / 2;
}

/* The group's answer with weights w, or -2 when they are all 0. */
static int
winner_with(sp_group *g, const sp_result *r, const double *w)
{
	double total = 0;
	int k;

	for (k = 0; k < g->m->ncriteria; k++)
		total += w[k];
	return total > 1e-12 ? sp_score_winner(r, w, g->method, g->sc) : -2;
}

/* Adds a disagreement; try(i) is the group's answer with member i's. */
static void
add_dis(sp_group *g, const sp_result *r, sp_dis_kind kind, int index)
{
	sp_disagreement *d = &g->dis[g->ndis++];
	sp_profile p;
	int i, k, win;

	d->kind = kind;
	d->index = index;
	d->matters = 0;
	d->member = -1;
	d->option = -1;
	for (i = 0; i < g->nmembers && !d->matters; i++) {
		if (kind == SP_DIS_TRAIT) {
			if (g->member[i].prof.value[index] ==
			    g->prof.value[index])
				continue;
			p = g->prof;
			p.value[index] = g->member[i].prof.value[index];
			sp_group_weights(g->w, g, &p);
		} else {
			for (k = 0; k < g->m->ncriteria; k++)
				g->w[k] = r->crit[k].weight;
			g->w[index] = g->member[i].weight[index];
		}
		win = winner_with(g, r, g->w);
		if (d->member < 0)
			d->member = i;
		if (win != -2 && win != g->winner) {
			d->matters = 1;
			d->member = i;
			d->option = win;
		}
	}
	g->nmatter += d->matters;
}

/* Whether the members answer trait t, or weigh criterion k, apart. */
static int
differ(const sp_group *g, sp_dis_kind kind, int x)
{
	double lo = HUGE_VAL, hi = -HUGE_VAL, w;
	int i;

	for (i = 1; kind == SP_DIS_TRAIT && i < g->nmembers; i++)
		if (g->member[i].prof.value[x] != g->member[0].prof.value[x])
			return 1;
	for (i = 0; kind == SP_DIS_WEIGHT && i < g->nmembers; i++) {
		w = g->member[i].weight[x];
		lo = fmin(lo, w);
		hi = fmax(hi, w);
	}
	return kind == SP_DIS_WEIGHT && hi - lo > SP_GROUP_SPREAD;
}

sp_status
sp_group_explain(sp_group *g, const sp_result *r, sp_error *err)
{
	const sp_matrix *m = g->m;
	double gw[SP_MAX_CRITERIA], mt;
	int i, k;

	g->winner = r->ntied > 1 ? -1 : r->rank[0];
	g->consensus = 0;
	for (k = 0; k < m->ncriteria; k++)
		gw[k] = r->crit[k].weight;
	for (i = 0; i < g->nmembers; i++) {
		TRY(score_member(g, i, err));
		for (k = 0, mt = 0; k < m->ncriteria; k++)
			mt += g->member[i].weight[k];
		g->member[i].agreement = agreement(g->member[i].weight, mt, gw,
		    r->total_weight, m->ncriteria);
		g->consensus += g->member[i].say / g->total_say *
		    g->member[i].agreement;
	}
	g->ndis = g->nmatter = 0;
	for (k = 0; k < m->ntraits; k++)
		if (differ(g, SP_DIS_TRAIT, k))
			add_dis(g, r, SP_DIS_TRAIT, k);
	for (k = 0; k < m->ncriteria; k++)
		if (differ(g, SP_DIS_WEIGHT, k))
			add_dis(g, r, SP_DIS_WEIGHT, k);
	return SP_OK;
}
