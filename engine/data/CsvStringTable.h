#pragma once

// Private to the CSV reader: the dictionary of a text column, bytes -> code, codes in
// order of insertion. A flat open-addressing table over one byte arena: no allocation
// per distinct value, one probe sequence over a contiguous array, and clear() keeps the
// memory for the next block. (std::unordered_map<std::string> cost three to five times
// as much on files with many distinct values.)

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace sextant::engine::csv {

class StringTable {
public:
    static std::uint64_t hash(std::string_view s)
    {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xff51afd7ed558ccdull);
        const char *p = s.data();
        std::size_t n = s.size();
        while (n >= 8) {
            std::uint64_t k;
            std::memcpy(&k, p, 8);
            h = (h ^ k) * 0xbf58476d1ce4e5b9ull;
            h ^= h >> 29;
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            std::uint64_t k = 0;
            std::memcpy(&k, p, n);
            h = (h ^ k) * 0xbf58476d1ce4e5b9ull;
        }
        h ^= h >> 31;
        h *= 0x94d049bb133111ebull;
        h ^= h >> 32;
        return h;
    }

    std::size_t size() const { return m_entries.size(); }
    std::string_view at(std::int32_t code) const
    {
        const Entry &e = m_entries[static_cast<std::size_t>(code)];
        return { m_bytes.data() + e.offset, e.length };
    }

    // The code of `s`, or -1.
    std::int32_t find(std::string_view s) const
    {
        if (m_slots.empty())
            return -1;
        const std::uint64_t h = hash(s);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Slot slot = m_slots[i];
            if (slot.code < 0)
                return -1;
            if (slot.tag == tag && at(slot.code) == s)
                return slot.code;
        }
    }

    // The code of `s`, added at the end when new (`added` tells).
    std::int32_t insert(std::string_view s, bool &added)
    {
        if ((m_entries.size() + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 8 : m_slots.size() * 2); // small first: one per column
        const std::uint64_t h = hash(s);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        std::size_t i = h & m_mask;
        for (;; i = (i + 1) & m_mask) {
            const Slot slot = m_slots[i];
            if (slot.code < 0)
                break;
            if (slot.tag == tag && at(slot.code) == s) {
                added = false;
                return slot.code;
            }
        }
        const auto code = static_cast<std::int32_t>(m_entries.size());
        m_entries.push_back({ m_bytes.size(), static_cast<std::uint32_t>(s.size()), tag });
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
        m_slots[i] = { tag, code };
        added = true;
        return code;
    }

    // Empties the table, keeping its memory.
    void clear()
    {
        m_bytes.clear();
        m_entries.clear();
        std::fill(m_slots.begin(), m_slots.end(), Slot {});
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::int32_t code = -1; // -1 = empty
    };
    struct Entry {
        std::size_t offset;
        std::uint32_t length;
        std::uint32_t tag;
    };

    void rehash(std::size_t capacity)
    {
        m_slots.assign(capacity, Slot {});
        m_mask = capacity - 1;
        for (std::size_t code = 0; code < m_entries.size(); ++code) {
            const Entry &e = m_entries[code];
            const std::uint64_t h = hash({ m_bytes.data() + e.offset, e.length });
            std::size_t i = h & m_mask;
            while (m_slots[i].code >= 0)
                i = (i + 1) & m_mask;
            m_slots[i] = { e.tag, static_cast<std::int32_t>(code) };
        }
    }

    std::vector<char> m_bytes;
    std::vector<Entry> m_entries;
    std::vector<Slot> m_slots; // power-of-two size, at most half full
    std::size_t m_mask = 0;
};

} // namespace sextant::engine::csv
