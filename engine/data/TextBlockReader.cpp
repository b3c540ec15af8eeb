#include "data/TextBlockReader.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <system_error>

namespace sextant::engine {

TextBlockReader::TextBlockReader(TextSource &source, std::size_t capacity, std::int64_t position)
    : m_source(source), m_buffer(new char[std::max<std::size_t>(capacity, 16)]),
      m_capacity(std::max<std::size_t>(capacity, 16)), m_bufferPos(position)
{
}

TextBlockReader::~TextBlockReader()
{
    // Only wait: no copying or allocating here, this may run while std::bad_alloc
    // unwinds the reader.
    if (m_reader.joinable())
        m_reader.join();
}

void TextBlockReader::prefetch(std::size_t keep) noexcept
{
    if (m_eof || m_pending || keep + 4096 > m_capacity)
        return;
    if (m_spareCapacity != m_capacity) {
        m_spare.reset();
        m_spareCapacity = 0;
        m_spare.reset(new (std::nothrow) char[m_capacity]);
        if (!m_spare)
            return; // no memory for a second buffer: fill() reads synchronously
        m_spareCapacity = m_capacity;
    }
    m_keep = keep;
    m_prefetched = 0;
    m_prefetchEof = false;
    m_prefetchError = false;
    try {
        m_reader = std::thread([this] { readAhead(); });
    } catch (const std::system_error &) {
        return; // no thread (out of memory or thread limit): fill() reads synchronously
    }
    m_pending = true;
}

void TextBlockReader::readAhead() noexcept
{
    std::size_t at = m_keep;
    try {
        while (at < m_spareCapacity) {
            const std::int64_t n = m_source.read(
                m_spare.get() + at, static_cast<std::int64_t>(m_spareCapacity - at));
            if (n < 0) {
                m_prefetchError = true;
                break;
            }
            if (n == 0) {
                m_prefetchEof = true;
                break;
            }
            at += static_cast<std::size_t>(n);
        }
    } catch (...) {
        m_prefetchError = true;
    }
    m_prefetched = at - m_keep;
}

bool TextBlockReader::fill()
{
    if (!finishPrefetch())
        return false;
    if (m_begin > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
        m_bufferPos += static_cast<std::int64_t>(m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    while (!m_eof && m_end < m_capacity) {
        const std::int64_t n
            = m_source.read(m_buffer.get() + m_end, static_cast<std::int64_t>(m_capacity - m_end));
        if (n < 0)
            return false;
        if (n == 0)
            m_eof = true;
        m_end += static_cast<std::size_t>(n);
    }
    return true;
}

bool TextBlockReader::grow()
{
    if (!finishPrefetch())
        return false;
    const std::size_t capacity = m_capacity * 2;
    std::unique_ptr<char[]> bigger(new char[capacity]);
    std::memcpy(bigger.get(), m_buffer.get() + m_begin, m_end - m_begin);
    m_bufferPos += static_cast<std::int64_t>(m_begin);
    m_end -= m_begin;
    m_begin = 0;
    m_buffer = std::move(bigger);
    m_capacity = capacity;
    return fill();
}

bool TextBlockReader::finishPrefetch()
{
    if (!m_pending)
        return true;
    m_reader.join();
    m_pending = false;
    if (m_prefetchError)
        return false;
    const std::size_t carry = m_end - m_begin;
    const std::int64_t newPos = position();
    if (carry == m_keep) {
        std::memcpy(m_spare.get(), m_buffer.get() + m_begin, carry);
        std::swap(m_buffer, m_spare);
    } else {
        // Not the promised carry (cannot happen in the reader's use): rebuild.
        const std::size_t size = std::max(m_capacity, carry + m_prefetched);
        std::unique_ptr<char[]> joined(new char[size]);
        std::memcpy(joined.get(), m_buffer.get() + m_begin, carry);
        std::memcpy(joined.get() + carry, m_spare.get() + m_keep, m_prefetched);
        m_buffer = std::move(joined);
        m_capacity = size;
    }
    m_bufferPos = newPos;
    m_begin = 0;
    m_end = carry + m_prefetched;
    m_eof = m_prefetchEof;
    return true;
}

} // namespace sextant::engine
