/*
 * The sequence of deviates behind the confidence draws (see draws.h).
 * The build runs this same code to make the compiled-in part, so the two
 * agree to the bit.
 */
#include <math.h>
#include <stdint.h>

#include "draws.h"

/* A full turn, in radians. */
#define SP_TAU 6.283185307179586

/* splitmix64's increment: its state after c numbers is seed + c * this. */
#define SP_GAMMA 0x9e3779b97f4a7c15ULL

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
next_random(uint64_t *s)
{
	uint64_t z = (*s += SP_GAMMA);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
sp_draws_fill(float *out, size_t from, size_t to)
{
	uint64_t seed = SP_DRAW_SEED + (uint64_t)from * SP_GAMMA;
	size_t i;

	/* Each pair of deviates takes two numbers of the generator. */
	for (i = from; i < to; i += 2) {
		double u = (double)((next_random(&seed) >> 11) + 1) * 0x1.0p-53;
		double v = (double)(next_random(&seed) >> 11) * 0x1.0p-53;
		double rad = sqrt(-2 * log(u));

		out[i - from] = (float)(rad * cos(SP_TAU * v));
		if (i + 1 < to)
			out[i - from + 1] = (float)(rad * sin(SP_TAU * v));
	}
}
