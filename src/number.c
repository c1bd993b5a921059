/*
 * The one reader of numbers given on the command line (--weight,
 * --min-margin, --min-confidence): the plain decimals a profile accepts,
 * never hex, infinities, blanks or a locale's decimal comma; and the
 * reader of whole numbers as people type them ("20,000"), which the
 * questionnaire accepts and a profile's error messages rewrite.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "decode.h"
#include "internal.h"

int
sp_number_parse(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	if (!dec_is_decimal(s, 1))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || errno == ERANGE || !isfinite(v) || v < min ||
	    v > max)
		return -1;
	*out = v == 0 ? 0.0 : v;
	return 0;
}

int
sp_number_grouped(const char *s, long *out)
{
	int neg = 0, digits = 0;
	unsigned long v = 0, lim;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; *s; s++) {
		if ((*s == ',' || *s == '_') && digits > 0 &&
		    isdigit((unsigned char)s[1]))
			continue;
		if (!isdigit((unsigned char)*s))
			return 0;
		if (v > (lim - (unsigned long)(*s - '0')) / 10)
			v = lim + 1;
		else
			v = v * 10 + (unsigned long)(*s - '0');
		digits++;
	}
	if (digits == 0)
		return 0;
	if (v > lim)
		return -1;
	*out = neg ? (long)(0 - v) : (long)v;
	return 1;
}
