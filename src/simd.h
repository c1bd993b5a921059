/*
 * Inner loops of the draws are kept apart with restrict pointers so that
 * the compiler vectorises them at -O2.  On x86-64 with GCC or Clang they
 * also get an AVX2 version, picked at load time; it multiplies and adds
 * exactly as the SSE2 one does (no fused multiply-add), so every figure
 * is the same on every machine.  Clang makes the resolver of a cloned
 * function a global symbol even when the function is static, so no two
 * files may clone functions of the same name.
 */
#ifndef SP_SIMD_H
#define SP_SIMD_H

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(SP_NO_CLONES)
#define SP_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SP_CLONES
#endif

#endif
