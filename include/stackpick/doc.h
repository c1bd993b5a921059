/*
 * The load stage: bytes in, a small YAML document tree out.  Every node
 * keeps the line and column it started at, so that later stages can say
 * exactly where a bad value is.  The loader refuses what a profile or
 * matrix never needs: anchors and aliases, tags, several documents,
 * duplicate keys, NUL bytes, and anything past the bounds in limits.h.
 */
#ifndef SP_DOC_H
#define SP_DOC_H

#include <stddef.h>

#include "stackpick/error.h"

typedef enum { SP_NODE_SCALAR, SP_NODE_SEQ, SP_NODE_MAP } sp_node_type;

typedef struct sp_node sp_node;
struct sp_node {
	sp_node_type type;
	int line, column;  /* 1-based */
	int plain;         /* scalar written without quotes */
	const char *text;  /* scalar text, NUL-terminated */
	size_t len;        /* scalar length in bytes */
	size_t count;      /* entries of a sequence or mapping */
	sp_node *first;    /* first item, or first key of a mapping */
	sp_node *next;     /* next sibling item or key */
	sp_node *value;    /* for a mapping key: its value */
};

typedef struct sp_doc sp_doc;

/*
 * Reads the file at path ("-" for standard input) into a new buffer of at
 * most max bytes.  On success *out holds the bytes (NUL-terminated, owned
 * by the caller, free() it) and *len their count.  Fails with SP_EINPUT
 * when the file cannot be opened or read (directories included) and with
 * SP_EDATA when it is larger than max.
 */
sp_status sp_read_file(char **out, size_t *len, const char *path,
    const char *name, long max, sp_error *err);

/*
 * Parses len bytes of YAML (or JSON) into a document tree.  name labels
 * error messages.  On success *out is the caller's, to be released with
 * sp_doc_free().  The root is always a mapping.
 */
sp_status sp_doc_parse(sp_doc **out, const char *buf, size_t len,
    const char *name, sp_error *err);

/* The root mapping of a document. */
const sp_node *sp_doc_root(const sp_doc *doc);

/* The name the document was parsed under. */
const char *sp_doc_name(const sp_doc *doc);

/* Releases a document; NULL is fine. */
void sp_doc_free(sp_doc *doc);

/* The value for key in mapping map, or NULL. */
const sp_node *sp_node_get(const sp_node *map, const char *key);

/* Human name of a node's kind: "a string", "a mapping", ... */
const char *sp_node_kind(const sp_node *node);

#endif
