/*
 * The trait types (see stackpick/trait.h): one row each.
 */
#include "stackpick/trait.h"

static void
enum_text(sp_buf *b, const sp_trait *tr, long v)
{
	sp_buf_puts(b, tr->values[v]);
}

static json_t *
enum_json(const sp_trait *tr, long v)
{
	return json_string(tr->values[v]);
}

static void
bool_text(sp_buf *b, const sp_trait *tr, long v)
{
	(void)tr;
	sp_buf_puts(b, v ? "true" : "false");
}

static json_t *
bool_json(const sp_trait *tr, long v)
{
	(void)tr;
	return json_boolean(v);
}

static void
int_text(sp_buf *b, const sp_trait *tr, long v)
{
	(void)tr;
	sp_buf_printf(b, "%ld", v);
}

static json_t *
int_json(const sp_trait *tr, long v)
{
	(void)tr;
	return json_integer(v);
}

static const struct {
	const char *name;
	void (*text)(sp_buf *, const sp_trait *, long);
	json_t *(*json)(const sp_trait *, long);
} types[] = {
	[SP_TRAIT_ENUM] = { "enum", enum_text, enum_json },
	[SP_TRAIT_BOOL] = { "boolean", bool_text, bool_json },
	[SP_TRAIT_INT] = { "integer", int_text, int_json },
};

const char *
sp_trait_type_name(const sp_trait *tr)
{
	return types[tr->type].name;
}

void
sp_trait_value_text(sp_buf *b, const sp_trait *tr, long v)
{
	types[tr->type].text(b, tr, v);
}

json_t *
sp_trait_value_json(const sp_trait *tr, long v)
{
	return types[tr->type].json(tr, v);
}

int
sp_trait_nvalues(const sp_trait *tr)
{
	return tr->type == SP_TRAIT_ENUM ? tr->nvalues :
	    tr->type == SP_TRAIT_BOOL ? 2 : 0;
}
