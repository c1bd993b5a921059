/*
 * What each type of profile trait (enum, boolean, integer) does, behind
 * one table: its name, how a value is written, and its JSON value.  Code
 * that shows or stores a trait's value goes through these functions
 * instead of switching on the type.
 */
#ifndef SP_TRAIT_H
#define SP_TRAIT_H

#include <jansson.h>

#include "stackpick/buf.h"
#include "stackpick/matrix.h"

/* "enum", "boolean", "integer": the type as the matrix view names it. */
const char *sp_trait_type_name(const sp_trait *tr);

/* Appends value v of tr as a profile writes it: "heavy", "true", "20000". */
void sp_trait_value_text(sp_buf *b, const sp_trait *tr, long v);

/* Value v of tr as JSON: a string, a boolean or an integer (new ref). */
json_t *sp_trait_value_json(const sp_trait *tr, long v);

/* How many values tr takes when it has a short list of them (enum,
   boolean), or 0 for an integer range. */
int sp_trait_nvalues(const sp_trait *tr);

#endif
