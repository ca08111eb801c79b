#pragma once
// Marks the rule functions as callable from both host and device code, so that a CUDA engine
// can call the very functions the CPU engines call instead of a copy of them.
#if defined(__CUDACC__)
#define UNREST_HOST_DEVICE __host__ __device__
#else
#define UNREST_HOST_DEVICE
#endif
