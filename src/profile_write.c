/*
 * Profiles back to YAML.  libyaml's emitter cannot write comments, so each
 * key is emitted as a small document of its own and the comments are
 * written between them; the emitter still does all quoting.
 */
#include <math.h>
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

/*
 * Length of the line break at p (LF, CR, CR LF, NEL, U+2028 or U+2029:
 * everything a YAML reader ends a comment at), or 0.
 */
static size_t
line_break(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == '\r')
		return u[1] == '\n' ? 2 : 1;
	if (u[0] == '\n')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

/*
 * Length of the UTF-8 character at p, with *cp its code point; a byte
 * that starts no character counts as one, with *cp -1.
 */
static size_t
utf8_char(const char *p, long *cp)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n, i;
	long c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
	c = n == 4 ? (u[0] & 0x07) : n == 3 ? (u[0] & 0x0F) : (u[0] & 0x1F);
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = c << 6 | (u[i] & 0x3F);
	}
	*cp = n == 1 ? -1 : c;
	return n;
}

/* Whether a YAML reader accepts code point c in a stream at all. */
static int
printable(long c)
{
	return c == 0x09 || (c >= 0x20 && c <= 0x7E) ||
	    (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
	    (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Writes one line of text (no breaks in it) after "# ", with anything a
 * YAML reader would refuse shown as \uXXXX.
 */
static void
comment_line(struct buf *b, const char *p, size_t n)
{
	char esc[32];
	size_t i, len;
	long c;

	puts_(b, "# ");
	for (i = 0; i < n; i += len) {
		len = utf8_char(p + i, &c);
		if (c < 0 || i + len > n) {
			len = 1;
			snprintf(esc, sizeof(esc), "\\x%02X",
			    (unsigned)(unsigned char)p[i]);
			puts_(b, esc);
		} else if (!printable(c)) {
			snprintf(esc, sizeof(esc), "\\u%04lX",
			    (unsigned long)c);
			puts_(b, esc);
		} else {
			put(b, p + i, len);
		}
	}
	puts_(b, "\n");
}

/*
 * Writes text as "# " comment lines wrapped at about 76 columns.  Every
 * line break in text starts a new comment line, so matrix text can never
 * end a comment and become part of the profile.
 */
static void
comment(struct buf *b, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = 0, cut, br;

		while (p[n] && line_break(p + n) == 0)
			n++;
		cut = n;
		if (n > 74) {
			for (cut = 74; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = n;
		}
		comment_line(b, p, cut);
		p += cut;
		while (*p == ' ')
			p++;
		if ((br = line_break(p)) != 0 && cut == n)
			p += br;
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
 * implicit document.  With string_value, the values are quoted so that
 * they stay strings.
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
			ok = scalar(&e, keys[i], 1) &&
			    scalar(&e, values[i], !string_value);
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

/* A trait's value as the profile writes it. */
static const char *
value_text(char *num, size_t size, const sp_trait *tr, long v)
{
	switch (tr->type) {
	case SP_TRAIT_ENUM:
		return tr->values[v];
	case SP_TRAIT_BOOL:
		return v ? "true" : "false";
	case SP_TRAIT_INT:
	default:
		snprintf(num, size, "%ld", v);
		return num;
	}
}

/* "one of: a, b, c (default: b)" or "0 to 100 (default: 3)", as a comment */
static void
allowed(struct buf *b, const sp_trait *tr)
{
	struct buf t = { NULL, 0, 0, 0 };
	char num[32], lo[32], hi[32];
	int i;

	switch (tr->type) {
	case SP_TRAIT_ENUM:
		puts_(&t, "one of:");
		for (i = 0; i < tr->nvalues; i++) {
			puts_(&t, i ? ", " : " ");
			puts_(&t, tr->values[i]);
		}
		break;
	case SP_TRAIT_BOOL:
		puts_(&t, "true or false");
		break;
	case SP_TRAIT_INT:
		snprintf(lo, sizeof(lo), "%ld", tr->min);
		snprintf(hi, sizeof(hi), "%ld", tr->max);
		puts_(&t, "a whole number from ");
		puts_(&t, lo);
		puts_(&t, " to ");
		puts_(&t, hi);
		break;
	}
	puts_(&t, " (default: ");
	puts_(&t, value_text(num, sizeof(num), tr, tr->def));
	puts_(&t, ")");
	if (t.failed)
		b->failed = 1;
	else
		comment(b, t.data);
	free(t.data);
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

/*
 * Whether criterion k's weight is written under weights: set there or by
 * --weight, not derived from the pairwise judgements (written as such).
 */
static int
written(const sp_profile *p, int k)
{
	return p->override[k] != SP_OVERRIDE_NONE &&
	    p->override[k] != SP_OVERRIDE_PAIRWISE;
}

/* A criterion id in a flow sequence, double-quoted unless plain. */
static void
flow_id(struct buf *b, const char *id)
{
	char c[2] = { 0, 0 };
	const char *s;

	if (id[0] != '\0' && strspn(id, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == strlen(id)) {
		puts_(b, id);
		return;
	}
	puts_(b, "\"");
	for (s = id; *s; s++) {
		if (*s == '"' || *s == '\\')
			puts_(b, "\\");
		c[0] = *s;
		puts_(b, c);
	}
	puts_(b, "\"");
}

/* The pairwise judgements, each as [more, less, ratio]. */
static int
write_pairwise(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	char num[32];
	int k;

	if (p->npairs == 0)
		return 1;
	puts_(b, "\n");
	comment(b, "Pairwise judgements: [more_important, less_important, "
	    "ratio] on Saaty's scale, 1/9 to 9; see docs/weights.md.");
	puts_(b, "pairwise:\n");
	for (k = 0; k < p->npairs; k++) {
		puts_(b, "  - [");
		flow_id(b, m->criteria[p->pair[k].a].id);
		puts_(b, ", ");
		flow_id(b, m->criteria[p->pair[k].b].id);
		snprintf(num, sizeof(num), ", %.17g]\n", p->pair[k].ratio);
		puts_(b, num);
	}
	return 1;
}

static int
write_weights(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	const char **keys, **vals;
	char (*nums)[32];
	int k, n = 0, ok = 1;

	for (k = 0; k < m->ncriteria; k++)
		n += written(p, k);
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
		if (!written(p, k))
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

static int
start_doc(yaml_emitter_t *e, struct buf *b)
{
	yaml_event_t ev;

	if (!yaml_emitter_initialize(e))
		return 0;
	yaml_emitter_set_output(e, on_write, b);
	yaml_emitter_set_unicode(e, 1);
	yaml_emitter_set_width(e, -1);
	return yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
	    yaml_emitter_emit(e, &ev) &&
	    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
	    yaml_emitter_emit(e, &ev);
}

static int
end_doc(yaml_emitter_t *e)
{
	yaml_event_t ev;

	return yaml_document_end_event_initialize(&ev, 1) &&
	    yaml_emitter_emit(e, &ev) &&
	    yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(e, &ev);
}

static int
map_event(yaml_emitter_t *e, int start, yaml_mapping_style_t style)
{
	yaml_event_t ev;

	if (start)
		return yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    style) && yaml_emitter_emit(e, &ev);
	return yaml_mapping_end_event_initialize(&ev) &&
	    yaml_emitter_emit(e, &ev);
}

/*
 * The minimum ratings: "must:" and, per criterion, the lowest rating, or
 * "{min: N, why: reason}" when the must gives its reason.
 */
static int
write_min_musts(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	yaml_emitter_t e;
	char num[32];
	int i, ok;

	ok = start_doc(&e, b) && map_event(&e, 1, YAML_BLOCK_MAPPING_STYLE) &&
	    scalar(&e, "must", 1) &&
	    map_event(&e, 1, YAML_BLOCK_MAPPING_STYLE);
	for (i = 0; ok && i < p->nmusts; i++) {
		const sp_must *mu = &p->must[i];

		if (mu->kind != SP_MUST_MIN)
			continue;
		/* %.17g reads back to the same double. */
		snprintf(num, sizeof(num), "%.17g", mu->min);
		ok = scalar(&e, m->criteria[mu->target].id, 1);
		if (ok && mu->why[0] == '\0') {
			ok = scalar(&e, num, 1);
			continue;
		}
		ok = ok && map_event(&e, 1, YAML_FLOW_MAPPING_STYLE) &&
		    scalar(&e, "min", 1) && scalar(&e, num, 1) &&
		    scalar(&e, "why", 1) && scalar(&e, mu->why, 0) &&
		    map_event(&e, 0, YAML_ANY_MAPPING_STYLE);
	}
	ok = ok && map_event(&e, 0, YAML_ANY_MAPPING_STYLE) &&
	    map_event(&e, 0, YAML_ANY_MAPPING_STYLE) && end_doc(&e);
	yaml_emitter_delete(&e);
	return ok;
}

/* "exclude:" or "require:" with each option the profile names so. */
static int
write_option_musts(struct buf *b, const sp_profile *p, const sp_matrix *m,
    sp_must_kind kind)
{
	const char *keys[SP_MAX_MUSTS], *vals[SP_MAX_MUSTS];
	int i, n = 0;

	for (i = 0; i < p->nmusts; i++) {
		if (p->must[i].kind != kind)
			continue;
		keys[n] = m->options[p->must[i].target].id;
		vals[n++] = p->must[i].why;
	}
	if (n == 0)
		return 1;
	return emit_pairs(b, kind == SP_MUST_EXCLUDE ? "exclude" : "require",
	    keys, vals, n, 1);
}

/* How many of p's musts are of kind. */
static int
count_musts(const sp_profile *p, sp_must_kind kind)
{
	int i, n = 0;

	for (i = 0; i < p->nmusts; i++)
		n += p->must[i].kind == kind;
	return n;
}

/*
 * Commented examples of the three kinds of must, on m's own ids: a
 * criterion rated from the matrix, the last option and the first.
 */
static void
must_examples(struct buf *b, const sp_matrix *m)
{
	char num[32];
	int k;

	for (k = 0; k < m->ncriteria && m->criteria[k].from_team; k++)
		;
	if (k < m->ncriteria) {
		/* A minimum three quarters of the way up the scale. */
		snprintf(num, sizeof(num), ": %g\n", m->scale_min +
		    ceil((m->scale_max - m->scale_min) * 0.75));
		puts_(b, "# must:\n#   ");
		puts_(b, m->criteria[k].id);
		puts_(b, num);
	}
	puts_(b, "# exclude:\n#   ");
	puts_(b, m->options[m->noptions - 1].id);
	puts_(b, ": \"the reason it is out\"\n# require:\n#   ");
	puts_(b, m->options[0].id);
	puts_(b, ": \"the reason nothing else will do\"\n");
}

/* The musts, or commented examples of them when there are none. */
static int
write_musts(struct buf *b, const sp_profile *p, const sp_matrix *m)
{
	puts_(b, "\n");
	comment(b, "Musts: requirements no score buys back.  must gives the "
	    "lowest rating an option may have on a criterion ({min: N, why: "
	    "reason} to say why); exclude and require name an option with "
	    "the reason.  Options that fail a must are screened out before "
	    "scoring; see docs/profile.md.");
	if (p->nmusts == 0) {
		must_examples(b, m);
		return 1;
	}
	return (count_musts(p, SP_MUST_MIN) == 0 || write_min_musts(b, p,
	    m)) && write_option_musts(b, p, m, SP_MUST_EXCLUDE) &&
	    write_option_musts(b, p, m, SP_MUST_REQUIRE);
}

sp_status
sp_profile_write(char **out, size_t *len, const sp_profile *p,
    const sp_matrix *m, sp_error *err)
{
	struct buf b = { NULL, 0, 0, 0 };
	char num[32];
	int t, ok = 1, keys = 0;

	*out = NULL;
	*len = 0;
	comment(&b, "stackpick profile.  Every key is optional; see "
	    "profile.md among stackpick's guides (stackpick --help says "
	    "where they are) and man stackpick.");
	if (m->name != NULL) {
		struct buf head = { NULL, 0, 0, 0 };

		puts_(&head, "Traits of the matrix: ");
		puts_(&head, m->name);
		puts_(&head, ".");
		if (head.failed)
			b.failed = 1;
		else
			comment(&b, head.data);
		free(head.data);
	}
	puts_(&b, "\n");
	if (p->name[0]) {
		const char *v = p->name;

		ok = emit_pairs(&b, "name", NULL, &v, 1, 1);
		keys++;
	} else {
		puts_(&b, "# name: my-project\n");
	}
	for (t = 0; ok && t < m->ntraits; t++) {
		const sp_trait *tr = &m->traits[t];
		const char *v = value_text(num, sizeof(num), tr, p->value[t]);

		puts_(&b, "\n");
		if (tr->question != NULL)
			comment(&b, tr->question);
		allowed(&b, tr);
		ok = emit_pairs(&b, tr->id, NULL, &v, 1, 0);
		keys++;
	}
	keys += p->team_given;
	for (t = 0; t < m->ncriteria; t++)
		keys += written(p, t);
	keys += p->npairs > 0;
	keys += p->nmusts > 0;
	ok = ok && write_team(&b, p, m);
	ok = ok && write_weights(&b, p, m);
	ok = ok && write_pairwise(&b, p, m);
	ok = ok && write_musts(&b, p, m);
	if (keys == 0) {
		/* Only comments would be an empty document, which is refused. */
		puts_(&b, "\n");
		comment(&b, "The matrix asks nothing and no answer was given: "
		    "the empty mapping below keeps this a profile.  Remove it "
		    "when you add a key.");
		puts_(&b, "{}\n");
	}
	if (!ok || b.failed) {
		free(b.data);
		return sp_error_set(err, SP_ENOMEM, "", 0, 0,
		    "cannot write the profile: out of memory");
	}
	*out = b.data;
	*len = b.len;
	return SP_OK;
}
