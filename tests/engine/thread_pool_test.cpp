#include "unrest/engine/thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace unrest::engine {
namespace {

TEST(ThreadPool, ForEachIndexRunsEveryIndexOnceOnAValidThread) {
  for (int threads : {1, 2, 5}) {
    ThreadPool pool(threads);
    for (int count : {0, 1, 3, 97}) {
      std::vector<std::atomic<int>> runs(static_cast<std::size_t>(count));
      std::atomic<bool> bad_thread{false};
      pool.for_each_index(count, [&](int thread, int i) {
        if (thread < 0 || thread >= pool.size()) bad_thread = true;
        ++runs[static_cast<std::size_t>(i)];
      });
      EXPECT_FALSE(bad_thread);
      for (const auto& r : runs) EXPECT_EQ(r.load(), 1) << threads << " threads, " << count;
    }
  }
}

TEST(ThreadPool, ForBlocksCoversTheRowsInContiguousBlocks) {
  ThreadPool pool(3);
  std::vector<std::atomic<int>> rows(10);
  pool.for_blocks(10, [&](int, int first, int end) {
    for (int r = first; r < end; ++r) ++rows[static_cast<std::size_t>(r)];
  });
  for (const auto& r : rows) EXPECT_EQ(r.load(), 1);
}

}  // namespace
}  // namespace unrest::engine
