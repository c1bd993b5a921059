/*
 * The JSON view of a result.  Objects keep insertion order, so the output
 * is the same byte for byte on every run.
 */
#include "stackpick/render.h"

static json_t *
strings(const sp_advice *const *a, int n)
{
	json_t *arr = json_array();
	int i;

	for (i = 0; arr != NULL && i < n; i++)
		json_array_append_new(arr, json_string(a[i]->text));
	return arr;
}

static json_t *
criterion(const sp_result *r, int k)
{
	const sp_matrix *m = r->matrix;
	const sp_crit_score *c = &r->crit[k];
	json_t *o = json_object(), *from = json_array(),
	       *ratings = json_object(), *contrib = json_object();
	int i;

	for (i = 0; i < c->nfrom; i++)
		json_array_append_new(from, json_pack("{s:s,s:f}", "source",
		    c->from[i].text, "value", c->from[i].delta));
	for (i = 0; i < m->noptions; i++) {
		json_object_set_new(ratings, m->options[i].id,
		    json_real(c->rating[i]));
		json_object_set_new(contrib, m->options[i].id,
		    json_real(c->contrib[i]));
	}
	json_object_set_new(o, "id", json_string(m->criteria[k].id));
	json_object_set_new(o, "label", json_string(m->criteria[k].label));
	json_object_set_new(o, "weight", json_real(c->weight));
	json_object_set_new(o, "derived_weight", json_real(c->derived));
	json_object_set_new(o, "weight_from", from);
	json_object_set_new(o, "ratings", ratings);
	json_object_set_new(o, "contributions", contrib);
	json_object_set_new(o, "lead", json_real(c->lead));
	return o;
}

json_t *
sp_render_json(const sp_result *r, const char *input)
{
	const sp_matrix *m = r->matrix;
	json_t *root = json_object(), *rec = json_object(),
	       *scores = json_array(), *crit = json_array(),
	       *tied = json_array(), *warnings = json_array();
	int best = r->rank[0], i;

	if (root == NULL || rec == NULL || scores == NULL || crit == NULL ||
	    tied == NULL || warnings == NULL) {
		json_decref(root);
		json_decref(rec);
		json_decref(scores);
		json_decref(crit);
		json_decref(tied);
		json_decref(warnings);
		return NULL;
	}
	for (i = 0; i < r->ntied && r->ntied > 1; i++)
		json_array_append_new(tied,
		    json_string(m->options[r->rank[i]].id));
	json_object_set_new(rec, "option", r->ntied > 1 ? json_null() :
	    json_string(m->options[best].id));
	json_object_set_new(rec, "label", r->ntied > 1 ? json_null() :
	    json_string(m->options[best].label));
	json_object_set_new(rec, "score", json_real(r->score[best]));
	json_object_set_new(rec, "margin", json_real(r->margin));
	json_object_set_new(rec, "runner_up",
	    json_string(m->options[r->rank[1]].id));
	json_object_set_new(rec, "tie", json_boolean(r->ntied > 1));
	json_object_set_new(rec, "tied", tied);
	for (i = 0; i < m->noptions; i++)
		json_array_append_new(scores, json_pack("{s:s,s:s,s:f}",
		    "option", m->options[r->rank[i]].id, "label",
		    m->options[r->rank[i]].label, "score",
		    r->score[r->rank[i]]));
	for (i = 0; i < m->ncriteria; i++)
		json_array_append_new(crit, criterion(r, i));
	for (i = 0; i < r->nwarnings; i++)
		json_array_append_new(warnings, json_string(r->warning[i]));
	json_object_set_new(root, "schema_version",
	    json_integer(SP_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "input", json_string(input));
	json_object_set_new(root, "name", r->profile->name[0] ?
	    json_string(r->profile->name) : json_null());
	json_object_set_new(root, "matrix", json_string(m->name));
	json_object_set_new(root, "scale", json_pack("{s:f,s:f}", "min",
	    m->scale_min, "max", m->scale_max));
	json_object_set_new(root, "recommendation", rec);
	json_object_set_new(root, "scores", scores);
	json_object_set_new(root, "total_weight", json_real(r->total_weight));
	json_object_set_new(root, "criteria", crit);
	json_object_set_new(root, "checklist",
	    strings(r->checklist, r->nchecklist));
	json_object_set_new(root, "pitfalls",
	    strings(r->pitfalls, r->npitfalls));
	json_object_set_new(root, "tools", strings(r->tools, r->ntools));
	json_object_set_new(root, "warnings", warnings);
	return root;
}
