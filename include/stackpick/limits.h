/*
 * Bounds on everything stackpick reads.  Each one is documented in
 * docs/limits.md; input beyond a bound is refused with a located error,
 * never truncated silently.
 */
#ifndef SP_LIMITS_H
#define SP_LIMITS_H

/* Largest profile accepted, in bytes (also for stdin and devices). */
#define SP_MAX_PROFILE_BYTES (1024L * 1024L)

/* Largest matrix file accepted, in bytes. */
#define SP_MAX_MATRIX_BYTES (8L * 1024L * 1024L)

/* Largest --baseline file accepted, in bytes (one result or many). */
#define SP_MAX_BASELINE_BYTES (8L * 1024L * 1024L)

/* Largest architecture decision record read back (to supersede it). */
#define SP_MAX_ADR_BYTES (1024L * 1024L)

/* Deepest nesting of mappings and sequences in any YAML input. */
#define SP_MAX_DEPTH 32

/* Most entries in one mapping or sequence. */
#define SP_MAX_ENTRIES 4096

/* Longest scalar (string, number, key) in bytes. */
#define SP_MAX_SCALAR 4096

/* Options and criteria a matrix may declare. */
#define SP_MIN_OPTIONS 2
#define SP_MAX_OPTIONS 64
#define SP_MAX_CRITERIA 256

/* Profile traits a matrix may declare, and values of one enum trait. */
#define SP_MAX_TRAITS 64
#define SP_MAX_VALUES 32

/* Weights live on this scale, whether derived or given. */
#define SP_WEIGHT_MIN 0.0
#define SP_WEIGHT_MAX 10.0

/* Team proficiency scale in a profile's team section. */
#define SP_TEAM_MIN 0
#define SP_TEAM_MAX 5

/* Longest answer to one question of the questionnaire, in bytes. */
#define SP_MAX_ANSWER 1024

/* Longest error message, including location prefix. */
#define SP_ERROR_MAX 512

#endif
