#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace sextant::engine {

// Splits [begin, end) into at most `threads` contiguous chunks of at least `minChunk`
// items and calls fn(chunkIndex, chunkBegin, chunkEnd) for each, the first on the calling
// thread and the others on std::threads. Returns the number of chunks used. Chunk
// boundaries depend only on the arguments, so combining per-chunk results in chunk order
// is deterministic. An exception in a chunk is rethrown on the caller after all chunks end.
// Engine-wide (data/, ml/, nodes/): the one place that starts threads for a parallel loop.
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
    const auto run = [&](std::int64_t c) {
        try {
            fn(static_cast<int>(c), bounds(c), bounds(c + 1));
        } catch (...) {
            errors[static_cast<std::size_t>(c)] = std::current_exception();
        }
    };
    // A thread that cannot be started (out of memory for its stack, a thread limit)
    // leaves its chunk and the later ones to the calling thread: same chunks, same
    // results, no std::terminate from a vector of joinable threads.
    std::int64_t started = 1;
    for (; started < chunks; ++started) {
        try {
            workers.emplace_back([&run, started] { run(started); });
        } catch (const std::system_error &) {
            break;
        }
    }
    run(0);
    for (std::int64_t c = started; c < chunks; ++c)
        run(c);
    for (auto &w : workers)
        w.join();
    for (auto &e : errors)
        if (e)
            std::rethrow_exception(e);
    return static_cast<int>(chunks);
}

} // namespace sextant::engine
