#pragma once

#include "core/Parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace sextant::engine {

// A small persistent pool of worker threads for fine-grained parallel loops (one call per
// tree node), where spawning std::threads every call (parallelChunks) costs more than the
// work. Header-only; one process-wide instance (ThreadPool::shared()).
//
// run(chunks, fn) calls fn(c) for every c in [0, chunks), chunk 0 on the calling thread
// and the others on idle workers (or on the caller when none is free), and returns when
// all are done. Which thread runs a chunk never matters to callers that combine per-chunk
// results in chunk order, so results do not depend on the thread count. When the pool is
// already in use (a nested or concurrent call) the chunks run on freshly spawned threads
// instead, as parallelChunks does. An exception in a chunk is rethrown on the caller.
class ThreadPool {
public:
    static ThreadPool &shared()
    {
        static ThreadPool pool;
        return pool;
    }

    ThreadPool(const ThreadPool &) = delete;
    ThreadPool &operator=(const ThreadPool &) = delete;

    ~ThreadPool()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread &t : m_workers)
            t.join();
    }

    template<typename Fn> void run(int chunks, Fn &&fn)
    {
        if (chunks <= 0)
            return;
        if (chunks == 1) {
            fn(0);
            return;
        }
        std::unique_lock<std::mutex> busy(m_busy, std::try_to_lock);
        if (!busy.owns_lock()) {
            parallelChunks(0, chunks, chunks, 1, [&](int, std::int64_t b, std::int64_t e) {
                for (std::int64_t c = b; c < e; ++c)
                    fn(static_cast<int>(c));
            });
            return;
        }
        ensureWorkers(chunks - 1);
        using F = std::remove_reference_t<Fn>;
        m_errors.assign(static_cast<std::size_t>(chunks), nullptr);
        m_done.store(0, std::memory_order_relaxed);
        std::uint32_t gen = 0;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_call = [](void *ctx, int c) { (*static_cast<F *>(ctx))(c); };
            m_ctx = const_cast<void *>(static_cast<const void *>(&fn));
            m_chunks = chunks;
            gen = static_cast<std::uint32_t>(++m_generation);
            // Chunk 0 is the caller's; the others are claimed from index 1 on.
            m_state.store((static_cast<std::uint64_t>(gen) << 32) | 1u, std::memory_order_release);
        }
        m_wake.notify_all();
        runChunk(0);
        // The caller helps with whatever chunks no worker has taken yet.
        int helped = 0;
        for (int c = claim(gen, chunks); c >= 0; c = claim(gen, chunks)) {
            runChunk(c);
            ++helped;
        }
        if (helped > 0)
            m_done.fetch_add(helped, std::memory_order_acq_rel);
        // Wait for the chunks the workers took.
        for (int spin = 0; m_done.load(std::memory_order_acquire) < chunks - 1; ++spin) {
            if (spin < 4000) {
#if defined(__x86_64__) || defined(__i386__)
                __builtin_ia32_pause();
#endif
            } else {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_finished.wait(
                    lock, [&] { return m_done.load(std::memory_order_acquire) >= chunks - 1; });
                break;
            }
        }
        for (std::exception_ptr &e : m_errors)
            if (e)
                std::rethrow_exception(e);
    }

private:
    ThreadPool() = default;

    void ensureWorkers(int wanted)
    {
        // A worker that cannot be started (no memory for its stack, a thread limit) is
        // not fatal: the caller runs the chunks no worker claims.
        try {
            while (static_cast<int>(m_workers.size()) < wanted)
                m_workers.emplace_back([this] { workerLoop(); });
        } catch (const std::system_error &) {
        }
    }

    void runChunk(int c)
    {
        try {
            m_call(m_ctx, c);
        } catch (...) {
            m_errors[static_cast<std::size_t>(c)] = std::current_exception();
        }
    }

    void workerLoop()
    {
        std::uint64_t seen = 0;
        int chunks = 0;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            seen = m_generation;
        }
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
                if (m_stop)
                    return;
                seen = m_generation;
                chunks = m_chunks;
            }
            const auto gen = static_cast<std::uint32_t>(seen);
            int finished = 0;
            for (int c = claim(gen, chunks); c >= 0; c = claim(gen, chunks)) {
                runChunk(c);
                ++finished;
            }
            if (finished > 0) {
                const int total = m_done.fetch_add(finished, std::memory_order_acq_rel) + finished;
                if (total >= chunks - 1) {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_finished.notify_all();
                }
            }
        }
    }

    // Claims the next chunk of generation `gen`; -1 when none is left or the generation
    // is over (a late worker never touches the next generation's chunks).
    int claim(std::uint32_t gen, int chunks)
    {
        std::uint64_t v = m_state.load(std::memory_order_acquire);
        for (;;) {
            if (static_cast<std::uint32_t>(v >> 32) != gen)
                return -1;
            const auto c = static_cast<int>(static_cast<std::uint32_t>(v));
            if (c >= chunks)
                return -1;
            if (m_state.compare_exchange_weak(
                    v, v + 1, std::memory_order_acq_rel, std::memory_order_acquire))
                return c;
        }
    }

    std::mutex m_busy; // held by the one caller of run() at a time
    std::mutex m_mutex; // guards m_generation, m_stop and the condition variables
    std::condition_variable m_wake;
    std::condition_variable m_finished;
    std::vector<std::thread> m_workers;
    std::uint64_t m_generation = 0;
    bool m_stop = false;

    void (*m_call)(void *, int) = nullptr;
    void *m_ctx = nullptr;
    int m_chunks = 0;
    std::vector<std::exception_ptr> m_errors;
    std::atomic<std::uint64_t> m_state { 0 }; // generation << 32 | next chunk
    std::atomic<int> m_done { 0 };
};

} // namespace sextant::engine
