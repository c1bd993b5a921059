/*
 * The one reader of numbers given on the command line (--weight,
 * --min-margin, --min-confidence): the plain decimals a profile accepts,
 * never hex, infinities, blanks or a locale's decimal comma.
 */
#include <errno.h>
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
