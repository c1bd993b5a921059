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

/*
 * Most values (scalars, mappings and sequences, keys included) in one
 * document: one YAML profile or matrix, or one JSON result of a baseline.
 * Bytes alone do not bound memory, since a file of one-letter scalars
 * holds a value every two bytes; this keeps each tree to a few MiB.
 */
#define SP_MAX_NODES 131072

/* Options and criteria a matrix may declare. */
#define SP_MIN_OPTIONS 2
#define SP_MAX_OPTIONS 64
#define SP_MAX_CRITERIA 256

/*
 * Tests of a trait (one "trait: value" of a rule's when) over all the
 * rules of a matrix.  Looking for the answers that would change the
 * recommendation re-derives the weights for every value of an integer
 * trait that a rule tests, so its cost grows with the square of this.
 */
#define SP_MAX_RULE_TESTS 1024

/*
 * Profile traits a matrix may declare, values of one enum trait, and
 * aliases (other names for those values) of one enum trait.
 */
#define SP_MAX_TRAITS 64
#define SP_MAX_VALUES 32
#define SP_MAX_ALIASES 64

/*
 * Breakpoints of one value function (a criterion measured in a unit):
 * mapping a raw value onto the rating scale, and back, looks through
 * them, once per option and per confidence draw.
 */
#define SP_MAX_BREAKPOINTS 32

/* Weights live on this scale, whether derived or given. */
#define SP_WEIGHT_MIN 0.0
#define SP_WEIGHT_MAX 10.0

/* Team proficiency scale in a profile's team section. */
#define SP_TEAM_MIN 0
#define SP_TEAM_MAX 5

/*
 * Criteria one profile may compare pairwise, and so the judgements it
 * may give (each pair once).  Saaty's random indices, which the
 * consistency ratio divides by, are published for up to 10 items; and
 * people cannot judge many more consistently.  Finding the judgement most
 * out of line solves the judgements once per judgement, so its cost grows
 * with the fifth power of this.
 */
#define SP_MAX_PAIRWISE 10
#define SP_MAX_JUDGEMENTS (SP_MAX_PAIRWISE * (SP_MAX_PAIRWISE - 1) / 2)

/* Members of one group (--group), and the largest group file. */
#define SP_MAX_MEMBERS 32
#define SP_MAX_GROUP_BYTES (64L * 1024L)

/* Longest answer to one question of the questionnaire, in bytes. */
#define SP_MAX_ANSWER 1024

/*
 * Most errors reported for one profile or matrix; past it, only how many
 * more there are is said.
 */
#define SP_MAX_ERRORS 20

/*
 * Musts.  A profile states at most SP_MAX_MUSTS of them (minimum ratings,
 * exclusions and requirements together), each reason at most
 * SP_MUST_WHY_MAX bytes; a matrix states at most SP_MAX_MATRIX_MUSTS.
 * Screening costs one pass over the ratings per must, and the "what if
 * this must were relaxed" question one more scoring per must.
 */
#define SP_MAX_MUSTS 16
#define SP_MUST_WHY_MAX 160
#define SP_MAX_MATRIX_MUSTS 64

/*
 * Evidence entries behind one criterion's ratings (all its options'
 * together), and the longest horizon stale_after may name: 100 years,
 * 1200 months or 36500 days.
 */
#define SP_MAX_EVIDENCE 32
#define SP_MAX_STALE_YEARS 100

/* Longest error message, including location prefix. */
#define SP_ERROR_MAX 512

#endif
