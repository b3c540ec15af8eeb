#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace sextant::engine {

// Splits [begin, end) into at most `threads` contiguous chunks of at least `minChunk`
// items and calls fn(chunkIndex, chunkBegin, chunkEnd) for each, the first on the calling
// thread and the others on std::threads. Returns the number of chunks used. Chunk
// boundaries depend only on the arguments, so combining per-chunk results in chunk order
// is deterministic. An exception in a chunk is rethrown on the caller after all chunks end.
template<typename Fn>
int parallelChunks(
    std::int64_t begin, std::int64_t end, int threads, std::int64_t minChunk, Fn &&fn)
{
    const std::int64_t n = end - begin;
    if (n <= 0)
        return 0;
    std::int64_t chunks = std::max<std::int64_t>(
        1, std::min<std::int64_t>(threads, n / std::max<std::int64_t>(1, minChunk)));
    if (chunks == 1) {
        fn(0, begin, end);
        return 1;
    }
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(chunks));
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(chunks - 1));
    const auto bounds = [&](std::int64_t c) { return begin + n * c / chunks; };
    for (std::int64_t c = 1; c < chunks; ++c)
        workers.emplace_back([&, c] {
            try {
                fn(static_cast<int>(c), bounds(c), bounds(c + 1));
            } catch (...) {
                errors[static_cast<std::size_t>(c)] = std::current_exception();
            }
        });
    try {
        fn(0, bounds(0), bounds(1));
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto &w : workers)
        w.join();
    for (auto &e : errors)
        if (e)
            std::rethrow_exception(e);
    return static_cast<int>(chunks);
}

} // namespace sextant::engine
