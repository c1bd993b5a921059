/*
 * Private helpers shared between modules; not part of the public API.
 */
#ifndef SP_INTERNAL_H
#define SP_INTERNAL_H

#include <stddef.h>

#include "stackpick/doc.h"

/*
 * Zeroed memory that lives as long as doc: the matrix keeps its arrays
 * in its document's arena so that one sp_doc_free() releases everything.
 * Returns NULL when out of memory.
 */
void *sp_doc_alloc(sp_doc *doc, size_t n);

#endif
