/*
 * Typed reads of document nodes, shared by the matrix and profile
 * decoders.  Each fails with SP_EDATA and a message located at the node.
 */
#ifndef SP_DECODE_H
#define SP_DECODE_H

#include <stddef.h>

#include "stackpick/doc.h"

/* Returns from the calling function when x fails, passing its status on. */
#define TRY(x)                                                                 \
	do {                                                                   \
		sp_status rc_ = (x);                                           \
		if (rc_ != SP_OK)                                              \
			return rc_;                                            \
	} while (0)

/*
 * Runs x, a step whose failure leaves the rest of the input safe to
 * decode: when it fails, returns its status from the calling function,
 * unless the decoder goes on (dec_going), its error being listed.
 */
#define KEEP(d, x)                                                             \
	do {                                                                   \
		sp_status rc_ = (x);                                           \
		if (rc_ != SP_OK && !dec_going((d), rc_))                      \
			return rc_;                                            \
	} while (0)

/*
 * A decoder.  A decoding function returns a failure when it stopped.
 * With a list (all), it may instead list an error and go on, so that
 * dec_result() tells, at the end, whether any was found; err then holds
 * the first.
 */
typedef struct {
	const char *file;
	sp_error *err;
	sp_errors *all;  /* every error, or NULL to stop at the first */
	int start;       /* errors listed before decoding began */
} sp_dec;

void dec_init(sp_dec *d, const char *file, sp_error *err, sp_errors *all);

/*
 * Whether decoding goes on after a step failed with rc: a data error,
 * while the caller lists every error.  Out of memory always stops.
 */
int dec_going(const sp_dec *d, sp_status rc);

/* SP_EDATA when decoding listed an error and went on, else SP_OK. */
sp_status dec_result(const sp_dec *d);

/*
 * Fails with SP_EDATA and a message located at n: in err, and listed
 * when the decoder lists errors (err keeping the first).
 */
sp_status dec_fail(const sp_dec *d, const sp_node *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

sp_status dec_map(const sp_dec *d, const sp_node *n, const char *what);
sp_status dec_seq(const sp_dec *d, const sp_node *n, const char *what);
sp_status dec_str(const sp_dec *d, const sp_node *n, const char *what,
    const char **out);
sp_status dec_long(const sp_dec *d, const sp_node *n, const char *what,
    long min, long max, long *out);
sp_status dec_double(const sp_dec *d, const sp_node *n, const char *what,
    double min, double max, double *out);
sp_status dec_bool(const sp_dec *d, const sp_node *n, const char *what,
    int *out);
sp_status dec_enum(const sp_dec *d, const sp_node *n, const char *what,
    const char *const *values, int nvalues, int *out);

/*
 * Checks that every key of map is one of the allowed ones; an unknown key
 * fails with a suggestion when one is close.  A decoder that goes on
 * lists every unknown key and returns SP_OK.
 */
sp_status dec_keys(const sp_dec *d, const sp_node *map, const char *what,
    const char *const *allowed, int nallowed);

/*
 * Whether s spells a number in plain decimal (with a fraction and exponent
 * when allow_fraction is set), as opposed to 0x1F, 010, 1:30 or .inf.
 */
int dec_is_decimal(const char *s, int allow_fraction);

/*
 * Checks that a string holds no control characters (C0, DEL or C1), which
 * could disturb a terminal when printed; newlines only if allowed.
 */
sp_status dec_clean(const sp_dec *d, const sp_node *n, const char *what,
    int allow_newline);

/* The candidate closest to word, if close enough to suggest, or NULL. */
const char *dec_suggest(const char *word, const char *const *cand, int n);

/* Writes ", did you mean 'x'?" style hint into buf (or "" when none). */
void dec_hint(char *buf, size_t size, const char *word,
    const char *const *cand, int n);

/* Joins values as "'a', 'b' or 'c'" into buf. */
void dec_join(char *buf, size_t size, const char *const *values, int n);

#endif
