# Turns INPUT into a C source defining sp_matrix_builtin_text(), so that
# the shipped matrix is part of the binary.  Run with cmake -P.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"/* Generated from data/matrix.yaml by cmake/embed.cmake; do not edit. */
#include <stddef.h>

#include \"stackpick/matrix.h\"

static const char text[] = {
${bytes}0x00
};

const char *
sp_matrix_builtin_text(size_t *len)
{
	*len = ${len};
	return text;
}
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
