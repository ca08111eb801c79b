#pragma once
// Marks a hot loop's function to be compiled twice, for AVX2 and for any x86-64, the version
// chosen when the program loads (GCC's target_clones): the release build targets every x86-64,
// and the widest counting loops run twice as many lanes where the processor has AVX2. Other
// compilers and processors get the one portable version. Results are the same either way: the
// loops it marks count in integers.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define UNREST_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define UNREST_AVX2_CLONE
#endif
