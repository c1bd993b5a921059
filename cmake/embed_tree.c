/*
 * Build-time tool: loads the shipped matrix with stackpick's own loader
 * and writes it out as C: the text, for sp_matrix_builtin_text(), and
 * the loaded document tree as a static array of sp_node, which
 * sp_matrix_builtin() decodes without parsing YAML at every start.
 *
 *   embed_tree INPUT OUTPUT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackpick/doc.h"
#include "stackpick/limits.h"

/* Nodes in n and below it, values of mapping keys included. */
static size_t
size(const sp_node *n)
{
	const sp_node *c;
	size_t k = 1;

	for (c = n->first; c != NULL; c = c->next)
		k += size(c) + (c->value != NULL ? size(c->value) : 0);
	return k;
}

/*
 * Writes s as a C string literal.  Every byte outside printable ASCII,
 * and every '?', '"' and '\', is written as a three-digit octal escape,
 * which can neither run into the next character nor form a trigraph.
 */
static void
write_string(FILE *f, const char *s, size_t len)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c > 0x7e || c == '?' || c == '"' || c == '\\')
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/*
 * Writes n as nodes[self], then everything below it in preorder: each
 * child, then the child's value.  next is the index of n's next sibling,
 * 0 for none.  Returns the index after the last node written.
 */
static size_t
write_node(FILE *f, const sp_node *n, size_t self, size_t next)
{
	const sp_node *c;
	size_t i = self + 1, after;

	fprintf(f, "\t{ .type = %s, .line = %d, .column = %d, .plain = %d,\n"
	    "\t    .len = %zu, .count = %zu, .text = ",
	    n->type == SP_NODE_MAP ? "SP_NODE_MAP" :
	    n->type == SP_NODE_SEQ ? "SP_NODE_SEQ" : "SP_NODE_SCALAR",
	    n->line, n->column, n->plain, n->len, n->count);
	if (n->text != NULL)
		write_string(f, n->text, n->len);
	else
		fputs("NULL", f);
	if (n->first != NULL)
		fprintf(f, ",\n\t    .first = N(%zu)", self + 1);
	if (next != 0)
		fprintf(f, ",\n\t    .next = N(%zu)", next);
	if (n->value != NULL)
		fprintf(f, ",\n\t    .value = N(%zu)", self + size(n));
	fprintf(f, " }, /* %zu */\n", self);
	for (c = n->first; c != NULL; c = c->next) {
		after = i + size(c) + (c->value != NULL ? size(c->value) : 0);
		i = write_node(f, c, i, c->next != NULL ? after : 0);
		if (c->value != NULL)
			i = write_node(f, c->value, i, 0);
	}
	return i;
}

int
main(int argc, char **argv)
{
	FILE *in, *out;
	static char buf[SP_MAX_MATRIX_BYTES + 1];
	size_t len, i;
	sp_doc *doc;
	sp_error err;
	const sp_node *root;

	if (argc != 3) {
		fprintf(stderr, "usage: embed_tree INPUT OUTPUT\n");
		return 2;
	}
	if ((in = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	len = fread(buf, 1, sizeof(buf) - 1, in);
	if (ferror(in) || !feof(in)) {
		fprintf(stderr, "embed_tree: %s: cannot read it whole\n",
		    argv[1]);
		return 1;
	}
	fclose(in);
	if (sp_doc_parse(&doc, buf, len, argv[1], &err) != SP_OK) {
		fprintf(stderr, "embed_tree: %s:%d:%d: %s\n", err.file,
		    err.line, err.column, err.message);
		return 1;
	}
	root = sp_doc_root(doc);
	if ((out = fopen(argv[2], "w")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, "/* Generated from %s by cmake/embed_tree.c; do not "
	    "edit. */\n#include <stddef.h>\n\n#include \"stackpick/doc.h\"\n"
	    "#include \"stackpick/matrix.h\"\n#include \"internal.h\"\n\n"
	    "static const char text[] = {", strrchr(argv[1], '/') ?
	    strrchr(argv[1], '/') + 1 : argv[1]);
	for (i = 0; i < len; i++)
		fprintf(out, "%s0x%02x,", i % 12 ? " " : "\n\t",
		    (unsigned char)buf[i]);
	/* const, so that nothing but a relocation writes to them (none in
	   a static executable, which maps them as read-only file pages). */
	fprintf(out, "\n\t0x00\n};\n\n#define N(i) ((sp_node *)&nodes[i])\n"
	    "static const sp_node nodes[%zu] = {\n", size(root));
	write_node(out, root, 0, 0);
	fprintf(out, "};\n\n"
	    "const char *\nsp_matrix_builtin_text(size_t *len)\n{\n"
	    "\t*len = %zu;\n\treturn text;\n}\n\n"
	    "sp_node *\nsp_matrix_builtin_tree(void)\n{\n"
	    "\treturn N(0);\n}\n", len);
	sp_doc_free(doc);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
