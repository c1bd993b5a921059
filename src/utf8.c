/*
 * Small UTF-8 helpers for text that was cut to fit a buffer or came from
 * outside the YAML reader (file names).
 */
#include <string.h>

#include "internal.h"

/* Length of the valid UTF-8 sequence at s (of at most n bytes), or 0. */
static size_t
seq_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
		return 0;
	return len;
}

void
sp_utf8_trim(char *s)
{
	size_t n = strlen(s), i = n;

	/* Step back over continuation bytes to the last lead byte. */
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && n - i < 3)
		i--;
	if (i > 0 && seq_len((unsigned char *)s + i - 1, n - i + 1) == 0 &&
	    (unsigned char)s[i - 1] >= 0xC0)
		s[i - 1] = '\0';
}

void
sp_utf8_repair(char *dst, size_t size, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t n = strlen(src), i = 0, o = 0;

	if (size == 0)
		return;
	while (i < n) {
		size_t len = seq_len(s + i, n - i);

		if (len == 0) {
			if (o + 3 >= size)
				break;
			memcpy(dst + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		if (o + len >= size)
			break;
		memcpy(dst + o, s + i, len);
		o += len;
		i += len;
	}
	dst[o] = '\0';
}

int
sp_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;

	while (i < n) {
		if ((len = seq_len(p + i, n - i)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

size_t
sp_utf8_seq(const char *s, size_t n)
{
	return seq_len((const unsigned char *)s, n);
}
