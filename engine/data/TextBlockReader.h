#pragma once

#include "data/TextSource.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <thread>

namespace sextant::engine {

// Reads a TextSource in blocks into one reusable buffer: [begin, end) holds the bytes
// not yet consumed. prefetch() reads the next block into a second buffer on a helper
// thread while the current one is parsed; the next fill() swaps the buffers, so reading
// is not a serial step between blocks.
//
// Out of memory: fill(), grow() and the constructor may throw std::bad_alloc, which the
// reader turns into a refusal; prefetch() never throws (without memory or a thread it
// just does not prefetch); the destructor only waits for the helper thread, so it is
// safe while an out-of-memory error unwinds.
class TextBlockReader {
public:
    TextBlockReader(TextSource &source, std::size_t capacity, std::int64_t position);
    ~TextBlockReader();
    TextBlockReader(const TextBlockReader &) = delete;
    TextBlockReader &operator=(const TextBlockReader &) = delete;

    const char *begin() const { return m_buffer.get() + m_begin; }
    const char *end() const { return m_buffer.get() + m_end; }
    std::size_t available() const { return m_end - m_begin; }
    std::size_t capacity() const { return m_capacity; }
    // The source is exhausted: everything left is in the buffer.
    bool eof() const { return m_eof; }
    // Source offset of begin().
    std::int64_t position() const { return m_bufferPos + static_cast<std::int64_t>(m_begin); }
    void consume(std::size_t n) { m_begin += n; }

    // Starts reading the next bytes of the source in the background. `keep` is how many
    // bytes at the end of the buffer will still be unconsumed at the next fill() (the
    // partial record carried over); the read goes in after them.
    void prefetch(std::size_t keep) noexcept;
    // Moves the unconsumed bytes to the front and reads until the buffer is full or the
    // source ends. False on a read error.
    bool fill();
    // Doubles the buffer (for a record longer than a block) and fills it.
    bool grow();

private:
    // Waits for a prefetch and makes its bytes the buffer's: the unconsumed bytes first,
    // then what was read.
    bool finishPrefetch();
    void readAhead() noexcept;

    TextSource &m_source;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::int64_t m_bufferPos = 0; // source offset of m_buffer[0]
    bool m_eof = false;

    // The prefetch: the reader thread owns m_spare and the m_prefetch* fields until
    // fill()/grow() (or the destructor) joins it (the join is the synchronisation, no
    // mutex needed).
    std::unique_ptr<char[]> m_spare;
    std::size_t m_spareCapacity = 0;
    std::thread m_reader;
    bool m_pending = false;
    std::size_t m_keep = 0;
    std::size_t m_prefetched = 0;
    bool m_prefetchEof = false;
    bool m_prefetchError = false;
};

} // namespace sextant::engine
