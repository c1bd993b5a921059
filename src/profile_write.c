/*
 * Profiles back to YAML.  libyaml's emitter cannot write comments, so each
 * key is emitted as a small document of its own and the comments are
 * written between them; the emitter still does all quoting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "stackpick/profile.h"

struct buf {
	char *data;
	size_t len, cap;
	int failed;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *d;

		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((d = realloc(b->data, cap)) == NULL) {
			b->failed = 1;
			return;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Writes text as "# " comment lines wrapped at about 76 columns. */
static void
comment(struct buf *b, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strlen(p), cut = n;

		if (n > 74) {
			for (cut = 74; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = n;
		}
		puts_(b, "# ");
		put(b, p, cut);
		puts_(b, "\n");
		p += cut;
		while (*p == ' ')
			p++;
	}
}

static int
on_write(void *data, unsigned char *buffer, size_t size)
{
	put(data, (const char *)buffer, size);
	return 1;
}

static int
scalar(yaml_emitter_t *e, const char *s, int plain_ok)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), plain_ok, 1, plain_ok ?
	    YAML_ANY_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	return yaml_emitter_emit(e, &ev);
}

/*
 * Emits "key: value" (or "key:" and a block mapping of pairs) as one
 * implicit document.  Values that must stay strings are quoted.
 */
static int
emit_pairs(struct buf *b, const char *key, const char *const *keys,
    const char *const *values, int n, int string_value)
{
	yaml_emitter_t e;
	yaml_event_t ev;
	int ok, i;

	if (!yaml_emitter_initialize(&e))
		return 0;
	yaml_emitter_set_output(&e, on_write, b);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
	    yaml_emitter_emit(&e, &ev);
	ok = ok && yaml_document_start_event_initialize(&ev, NULL, NULL, NULL,
	    1) && yaml_emitter_emit(&e, &ev);
	ok = ok && yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE) && yaml_emitter_emit(&e, &ev);
	ok = ok && scalar(&e, key, 1);
	if (keys != NULL) {
		ok = ok && yaml_mapping_start_event_initialize(&ev, NULL, NULL,
		    1, YAML_BLOCK_MAPPING_STYLE) && yaml_emitter_emit(&e, &ev);
		for (i = 0; ok && i < n; i++)
			ok = scalar(&e, keys[i], 1) && scalar(&e, values[i], 1);
		ok = ok && yaml_mapping_end_event_initialize(&ev) &&
		    yaml_emitter_emit(&e, &ev);
	} else {
		ok = ok && scalar(&e, values[0], !string_value);
	}
	ok = ok && yaml_mapping_end_event_initialize(&ev) &&
	    yaml_emitter_emit(&e, &ev);
	ok = ok && yaml_document_end_event_initialize(&ev, 1) &&
	    yaml_emitter_emit(&e, &ev);
	ok = ok && yaml_stream_end_event_initialize(&ev) &&
	    yaml_emitter_emit(&e, &ev);
	yaml_emitter_delete(&e);
	return ok;
}

static void
value_text(char *out, size_t size, const sp_trait *tr, long v)
{
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		snprintf(out, size, "%s", tr->values[v]);
		break;
	case SP_TRAIT_BOOL:
		snprintf(out, size, "%s", v ? "true" : "false");
		break;
	case SP_TRAIT_INT:
		snprintf(out, size, "%ld", v);
		break;
	}
}

/* "one of: a, b, c (default: b)" or "0 to 100 (default: 3)" */
static void
allowed(char *out, size_t size, const sp_trait *tr)
{
	char def[64];
	size_t used = 0;
	int i, w;

	value_text(def, sizeof(def), tr, tr->def);
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		w = snprintf(out, size, "one of:");
		used = w > 0 ? (size_t)w : 0;
		for (i = 0; i < tr->nvalues && used < size; i++) {
			w = snprintf(out + used, size - used, "%s %s",
			    i ? "," : "", tr->values[i]);
			used += w > 0 ? (size_t)w : 0;
		}
		if (used < size)
			snprintf(out + used, size - used, " (default: %s)",
			    def);
		break;
	case SP_TRAIT_BOOL:
		snprintf(out, size, "true or false (default: %s)", def);
		break;
	case SP_TRAIT_INT:
		snprintf(out, size, "a whole number from %ld to %ld "
		    "(default: %s)", tr->min, tr->max, def);
		break;
	}
}

static int
write_team(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	const char *keys[SP_MAX_OPTIONS], *vals[SP_MAX_OPTIONS];
	char nums[SP_MAX_OPTIONS][16];
	int o, n = 0;

	puts_(b, "\n");
	comment(b, "Team proficiency per option, from 0 (nobody knows it) "
	    "to 5 (the team's strongest).  Without this section, team fit "
	    "counts the same for every option.");
	if (!p->team_given) {
		puts_(b, "# team:\n");
		for (o = 0; o < m->noptions; o++) {
			puts_(b, "#   ");
			puts_(b, m->options[o].id);
			puts_(b, ": 3\n");
		}
		return 1;
	}
	for (o = 0; o < m->noptions; o++) {
		if (p->team[o] < 0)
			continue;
		snprintf(nums[n], sizeof(nums[n]), "%d", p->team[o]);
		keys[n] = m->options[o].id;
		vals[n] = nums[n];
		n++;
	}
	if (n == 0) {
		/* Given but empty: every option counts as 0. */
		puts_(b, "team: {}\n");
		return 1;
	}
	return emit_pairs(b, "team", keys, vals, n, 0);
}

static int
write_weights(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	const char **keys, **vals;
	char (*nums)[32];
	int k, n = 0, ok = 1;

	for (k = 0; k < m->ncriteria; k++)
		n += p->override[k] != SP_OVERRIDE_NONE;
	puts_(b, "\n");
	comment(b, "Weight overrides, criterion id to a number from 0 to 10; "
	    "they replace the weights stackpick derives from the traits.");
	if (n == 0) {
		puts_(b, "# weights:\n#   ");
		puts_(b, m->criteria[0].id);
		puts_(b, ": 5\n");
		return 1;
	}
	keys = calloc((size_t)n, sizeof(*keys));
	vals = calloc((size_t)n, sizeof(*vals));
	nums = calloc((size_t)n, sizeof(*nums));
	if (keys == NULL || vals == NULL || nums == NULL) {
		ok = 0;
		goto done;
	}
	n = 0;
	for (k = 0; k < m->ncriteria; k++) {
		if (p->override[k] == SP_OVERRIDE_NONE)
			continue;
		/* %.17g reads back to the same double. */
		snprintf(nums[n], sizeof(nums[n]), "%.17g", p->weight[k]);
		keys[n] = m->criteria[k].id;
		vals[n] = nums[n];
		n++;
	}
	ok = emit_pairs(b, "weights", keys, vals, n, 0);
done:
	free(keys);
	free(vals);
	free(nums);
	return ok;
}

sp_status
sp_profile_write(char **out, size_t *len, const sp_profile *p,
    const sp_matrix *m, sp_error *err)
{
	struct buf b = { NULL, 0, 0, 0 };
	char text[512], value[64];
	int t, ok = 1;

	*out = NULL;
	*len = 0;
	comment(&b, "stackpick profile.  Every key is optional; see "
	    "docs/profile.md.");
	if (m->name != NULL) {
		snprintf(text, sizeof(text), "Traits of the matrix: %s.",
		    m->name);
		comment(&b, text);
	}
	puts_(&b, "\n");
	if (p->name[0]) {
		const char *v = p->name;

		ok = emit_pairs(&b, "name", NULL, &v, 1, 1);
	} else {
		puts_(&b, "# name: my-project\n");
	}
	for (t = 0; ok && t < m->ntraits; t++) {
		const sp_trait *tr = &m->traits[t];
		const char *v = value;

		puts_(&b, "\n");
		if (tr->question != NULL)
			comment(&b, tr->question);
		allowed(text, sizeof(text), tr);
		comment(&b, text);
		value_text(value, sizeof(value), tr, p->value[t]);
		ok = emit_pairs(&b, tr->id, NULL, &v, 1, 0);
	}
	ok = ok && write_team(&b, p, m);
	ok = ok && write_weights(&b, p, m);
	if (!ok || b.failed) {
		free(b.data);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0,
		    "cannot write the profile: out of memory");
	}
	*out = b.data;
	*len = b.len;
	return SP_OK;
}
