#include "data/Statistics.h"

#include <Eigen/Core>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <span>

// Conventions (documented here, relied on by the views and checked against numpy/pandas
// in tests/engine/tst_statistics.cpp):
//  - summarize(): count/missing/mean/std/min/quartiles/max as pandas' describe(); `std` is
//    the sample standard deviation (NaN for fewer than two values, 0 for equal values);
//    quartiles interpolate linearly between order statistics exactly as numpy.percentile
//    does. With no present value, mean..max are NaN and distinct is 0. `distinct` counts
//    distinct present values (0.0 and -0.0 are one value), like Series.nunique(). Infinite
//    values take part as numbers: the mean may be +-inf or NaN and std is NaN, as in
//    pandas; a quartile next to an infinity is that infinity (numpy gives NaN there).
//    Categorical: mean..max are NaN, `distinct` counts categories that occur, `mode` is the
//    most frequent category (the first in dictionary order on a tie; empty when nothing is
//    present).
//  - histogram(): numpy.histogram with `bins` equal-width bins over [min, max] of the
//    finite present values, the last bin closed. Equal values give the range
//    [v - 0.5, v + 0.5]; no finite value gives [0, 1] with zero counts, as numpy does for
//    an empty array. +-inf are not counted in any bin. `bins` is clamped to
//    [1, kMaxBins].
//  - correlation(): Pearson, pairwise complete, NaN for a pair with fewer than two common
//    rows or with a constant column over those rows (as pandas' DataFrame.corr()); the
//    diagonal is 1 (or NaN under the same rule); results are clamped to [-1, 1].

namespace sextant::engine {

namespace {

constexpr int kMaxBins = 1 << 20;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A set of doubles (bit patterns) with open addressing: counts the distinct values of
// [first, last) without the allocations of std::unordered_set, leaving out the values equal
// (==, so -0.0 is 0.0) to one of `skip`. `slots` is the caller's table, a power of two at
// least twice the count (a power of two), reused (cleared here) from one call to the next.
std::int64_t countDistinct(const double *first, const double *last, std::span<const double> skip,
    std::span<std::uint64_t> slots)
{
    if (first == last)
        return 0;
    const std::size_t mask = slots.size() - 1;
    std::fill(slots.begin(), slots.end(), 0);
    // Slot value 0 is "empty"; the key +0.0 (bits 0) is tracked separately.
    bool haveZero = false;
    std::int64_t distinct = 0;
    for (const double *p = first; p != last; ++p) {
        const double v = *p;
        if (std::find(skip.begin(), skip.end(), v) != skip.end())
            continue;
        if (v == 0.0) {
            haveZero = true;
            continue;
        }
        const auto bits = std::bit_cast<std::uint64_t>(v);
        std::uint64_t h = bits;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        std::size_t i = static_cast<std::size_t>(h) & mask;
        while (true) {
            if (slots[i] == 0) {
                slots[i] = bits;
                ++distinct;
                break;
            }
            if (slots[i] == bits)
                break;
            i = (i + 1) & mask;
        }
    }
    return distinct + (haveZero ? 1 : 0);
}

// numpy's _lerp: a + (b - a) t, computed from b's side when t >= 0.5. Infinite
// neighbours give the infinity (numpy gives NaN from inf - inf or inf * 0).
double lerp(double a, double b, double t)
{
    if (t == 0.0 || a == b)
        return a;
    if (std::isinf(a) || std::isinf(b))
        return std::isinf(a) && std::isinf(b) ? kNaN : (std::isinf(a) ? a : b);
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// Mean with the corrected two-pass algorithm, and the sums of squared deviations.
struct Moments {
    double mean = kNaN;
    double m2 = kNaN; // sum of squared deviations from the mean
};

Moments moments(const double *x, std::size_t n)
{
    Moments m;
    if (n == 0)
        return m;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < n; ++i)
        s0 += x[i];
    double mean = ((s0 + s1) + (s2 + s3)) / double(n);
    if (!std::isfinite(mean)) {
        m.mean = mean;
        return m;
    }
    double c = 0, q = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double d = x[k] - mean;
        c += d;
        q += d * d;
    }
    // Correction term (Chan, Golub & LeVeque): removes the rounding error of the mean.
    m.mean = mean + c / double(n);
    m.m2 = std::max(0.0, q - c * c / double(n));
    return m;
}

// The smallest power of two at least twice `count` (and at least 16): a hash table size.
std::size_t tableSize(std::size_t count)
{
    std::size_t capacity = 16;
    while (capacity < count * 2)
        capacity <<= 1;
    return capacity;
}

// Columns from this many values on, without missing values and with a finite range, take
// quartilesAndDistinctByGroups (fewer passes over memory than nth_element on the whole).
constexpr std::size_t kGroupedMinimum = 1 << 16;

// The quartiles and the distinct count of `values` (no NaN, lo < hi, both finite, the
// groups' scale finite): the values are copied once, grouped by value into up to 256
// equal-width groups over [lo, hi] (a counting sort on the group index; the index is
// monotone in the value, so every value of a group is <= every value of the next, and
// equal values, 0.0 and -0.0 included, share a group). An order statistic is then an
// nth_element inside its group, the neighbour above the minimum of the rest of that group
// (or of the next non-empty one), and distinct values are counted group by group with a
// small table that stays in the cache. The same numbers as sorting everything.
void quartilesAndDistinctByGroups(
    std::span<const double> values, double lo, double scale, int groups, ColumnSummary &s)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> offsets(static_cast<std::size_t>(groups) + 1, 0);
    std::unique_ptr<double[]> xs(new double[n]); // every slot is written below
    {
        std::vector<std::uint8_t> group(n);
        const int last = groups - 1;
        for (std::size_t i = 0; i < n; ++i) {
            const int g = std::min(last, static_cast<int>((values[i] - lo) * scale));
            group[i] = static_cast<std::uint8_t>(g);
            ++offsets[static_cast<std::size_t>(g) + 1];
        }
        for (int g = 0; g < groups; ++g)
            offsets[static_cast<std::size_t>(g) + 1] += offsets[static_cast<std::size_t>(g)];
        std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            xs[next[group[i]]++] = values[i];
    }
    // The group holding sorted position i: the last g with offsets[g] <= i.
    const auto groupOf = [&offsets](std::size_t i) {
        return static_cast<std::size_t>(
            std::upper_bound(offsets.begin(), offsets.end(), i) - offsets.begin() - 1);
    };
    const double quantiles[] = { 0.25, 0.5, 0.75 };
    double *out[] = { &s.q1, &s.median, &s.q3 };
    double *data = xs.get();
    for (int k = 0; k < 3; ++k) {
        // numpy: virtual index = q (n - 1), exact for these q.
        const double h = quantiles[k] * double(n - 1);
        const auto below = static_cast<std::size_t>(std::floor(h));
        const double t = h - double(below);
        const std::size_t g = groupOf(below);
        double *end = data + offsets[g + 1];
        std::nth_element(data + offsets[g], data + below, end);
        const double a = data[below];
        double b = a;
        if (below + 1 < offsets[g + 1]) {
            b = *std::min_element(data + below + 1, end);
        } else if (below + 1 < n) {
            const std::size_t g2 = groupOf(below + 1);
            b = *std::min_element(data + offsets[g2], data + offsets[g2 + 1]);
        }
        *out[k] = lerp(a, b, t);
    }
    std::size_t largest = 0;
    for (int g = 0; g < groups; ++g)
        largest = std::max(largest,
            offsets[static_cast<std::size_t>(g) + 1] - offsets[static_cast<std::size_t>(g)]);
    std::vector<std::uint64_t> slots(tableSize(largest));
    std::int64_t distinct = 0;
    for (int g = 0; g < groups; ++g) {
        const std::size_t from = offsets[static_cast<std::size_t>(g)];
        const std::size_t to = offsets[static_cast<std::size_t>(g) + 1];
        if (from < to)
            distinct += countDistinct(data + from, data + to, {},
                std::span<std::uint64_t>(slots).first(tableSize(to - from)));
    }
    s.distinct = distinct;
}

} // namespace

ColumnSummary Statistics::summarize(const Column &column)
{
    ColumnSummary s;
    const std::int64_t rows = column.size();
    if (column.isCategorical()) {
        s.mean = s.std = s.min = s.q1 = s.median = s.q3 = s.max = kNaN;
        const auto nCat = static_cast<std::size_t>(column.categories().size());
        std::vector<std::int64_t> counts(nCat, 0);
        for (std::int32_t code : column.codes())
            if (code >= 0 && static_cast<std::size_t>(code) < nCat)
                ++counts[static_cast<std::size_t>(code)];
        for (std::size_t c = 0; c < nCat; ++c) {
            s.count += counts[c];
            if (counts[c] > 0)
                ++s.distinct;
            if (counts[c] > s.modeCount) {
                s.modeCount = counts[c];
                s.mode = column.categories()[static_cast<qsizetype>(c)];
            }
        }
        s.missing = rows - s.count;
        return s;
    }

    const std::span<const double> values = column.values();
    if (values.size() >= kGroupedMinimum) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        bool missing = false;
        for (double v : values) {
            missing |= std::isnan(v);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        const int groups = static_cast<int>(std::min<std::size_t>(values.size() / 4096, 256));
        const double scale = double(groups) / (hi - lo);
        // A range wider than the largest double (hi - lo = inf, scale 0) would give
        // inf * 0 = NaN group indices: the plain path takes it.
        if (!missing && std::isfinite(lo) && std::isfinite(hi) && lo < hi && std::isfinite(hi - lo)
            && std::isfinite(scale) && scale > 0) {
            const std::size_t n = values.size();
            s.count = static_cast<std::int64_t>(n);
            s.missing = rows - s.count;
            // The values in place: the same order, so the same sums, as the copy below.
            const Moments m = moments(values.data(), n);
            s.mean = m.mean;
            s.std = !std::isnan(m.m2) ? std::sqrt(m.m2 / double(n - 1)) : kNaN;
            s.min = lo;
            s.max = hi;
            quartilesAndDistinctByGroups(values, lo, scale, groups, s);
            return s;
        }
    }
    std::vector<double> xs;
    xs.reserve(values.size() - static_cast<std::size_t>(column.missingCount()));
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        xs.push_back(v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const std::size_t n = xs.size();
    s.count = static_cast<std::int64_t>(n);
    s.missing = rows - s.count;
    if (n == 0) {
        s.mean = s.std = s.min = s.q1 = s.median = s.q3 = s.max = kNaN;
        return s;
    }
    const Moments m = moments(xs.data(), n);
    s.mean = m.mean;
    s.std = n >= 2 && !std::isnan(m.m2) ? std::sqrt(m.m2 / double(n - 1)) : kNaN;
    if (lo == hi && n >= 2)
        s.std = 0.0; // exactly, whatever the rounding of the mean
    s.min = lo;
    s.max = hi;

    // Quartiles: nth_element for each order statistic, in ascending order, each search
    // restricted to the part above the previous one; the neighbour above is the minimum of
    // the rest. O(n) on average, no full sort.
    const double quantiles[] = { 0.25, 0.5, 0.75 };
    double *out[] = { &s.q1, &s.median, &s.q3 };
    double pivots[3] = {};
    std::size_t bounds[5] = { 0, 0, 0, 0, n };
    auto first = xs.begin();
    for (int k = 0; k < 3; ++k) {
        // numpy: virtual index = q (n - 1), exact for these q.
        const double h = quantiles[k] * double(n - 1);
        const auto below = static_cast<std::size_t>(std::floor(h));
        const double t = h - double(below);
        const auto at = xs.begin() + static_cast<std::ptrdiff_t>(below);
        std::nth_element(first, at, xs.end());
        const double a = *at;
        const double b = below + 1 < n ? *std::min_element(at + 1, xs.end()) : a;
        *out[k] = lerp(a, b, t);
        pivots[k] = a;
        bounds[k + 1] = below;
        first = at;
    }

    // Distinct values, counted part by part of that partition: [0, b1) holds values <= p1,
    // [b1, b2) values in [p1, p2], [b2, b3) in [p2, p3], [b3, n) values >= p3 (b_k the
    // quartiles' order statistics, p_k their values). A value equal to no p_k lies in one
    // part only, so the parts' distinct counts (without the p_k) add up, plus the distinct
    // p_k. A table for a quarter of the values: a quarter of the memory, and it stays in
    // the cache.
    std::size_t largest = 0;
    for (int k = 0; k < 4; ++k)
        largest = std::max(largest, bounds[k + 1] - bounds[k]);
    std::vector<std::uint64_t> slots(tableSize(largest));
    std::int64_t distinct
        = 1 + (pivots[1] != pivots[0]) + (pivots[2] != pivots[0] && pivots[2] != pivots[1]);
    const std::span<const double> skip(pivots);
    const double *data = xs.data();
    for (int k = 0; k < 4; ++k)
        distinct += countDistinct(data + bounds[k], data + bounds[k + 1], skip,
            std::span<std::uint64_t>(slots).first(tableSize(bounds[k + 1] - bounds[k])));
    s.distinct = distinct;
    return s;
}

Histogram Statistics::histogram(const Column &column, int bins)
{
    Histogram h;
    h.missing = column.missingCount();
    if (column.isCategorical()) {
        const auto nCat = static_cast<std::size_t>(column.categories().size());
        h.counts.assign(nCat, 0);
        h.labels = column.categories();
        for (std::int32_t code : column.codes())
            if (code >= 0 && static_cast<std::size_t>(code) < nCat)
                ++h.counts[static_cast<std::size_t>(code)];
        return h;
    }

    const int nBins = std::clamp(bins, 1, kMaxBins);
    const std::span<const double> values = column.values();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    bool any = false;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        any = true;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (!any) {
        lo = 0.0;
        hi = 1.0;
    } else if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    // numpy.linspace(lo, hi, nBins + 1): i * step + lo, the last edge exactly hi.
    h.edges.resize(static_cast<std::size_t>(nBins) + 1);
    const double step = (hi - lo) / double(nBins);
    for (int i = 0; i <= nBins; ++i)
        h.edges[static_cast<std::size_t>(i)] = double(i) * step + lo;
    h.edges.back() = hi;
    h.counts.assign(static_cast<std::size_t>(nBins), 0);
    if (!any)
        return h;

    // numpy.histogram's index computation, including its +-1 correction near edges.
    const double denom = hi - lo;
    const auto last = static_cast<std::size_t>(nBins - 1);
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        double f = ((v - lo) / denom) * double(nBins);
        if (!(f >= 0.0)) // also NaN from an infinite range
            f = 0.0;
        if (f > double(nBins))
            f = double(nBins);
        auto i = static_cast<std::size_t>(f);
        if (i == static_cast<std::size_t>(nBins))
            --i;
        if (i > 0 && v < h.edges[i])
            --i;
        else if (i != last && v >= h.edges[i + 1])
            ++i;
        ++h.counts[i];
    }
    return h;
}

namespace {

// Pearson r from the centred sums; NaN for a constant column or fewer than two rows.
double pearson(double sxy, double sxx, double syy, std::int64_t n, bool constant)
{
    if (n < 2 || constant || !(sxx > 0) || !(syy > 0))
        return kNaN;
    const double r = sxy / std::sqrt(sxx * syy);
    return std::isnan(r) ? r : std::clamp(r, -1.0, 1.0);
}

#if defined(__SSE2__)
// Two doubles in one SSE2 register (x86-64 always has SSE2). GCC and Clang provide the
// arithmetic operators on __m128d.
using V2 = __m128d;

inline V2 load2(const double *p)
{
    return _mm_loadu_pd(p);
}

// All ones in the lanes where neither x nor y is NaN, zero elsewhere.
inline V2 bothPresent(V2 x, V2 y)
{
    return _mm_cmpord_pd(x, y);
}

// v where the mask is set, +0.0 elsewhere (also where v is NaN).
inline V2 masked(V2 v, V2 mask)
{
    return _mm_and_pd(v, mask);
}

inline void store(V2 a, V2 b, double *out)
{
    _mm_storeu_pd(out, a);
    _mm_storeu_pd(out + 2, b);
}
#endif

// The sums of one pair over the rows where both columns are present, in two passes over
// row ranges (so that all pairs can share each block of rows while it is in cache): the
// means over those rows, then the centred sums with the correction term of the corrected
// two-pass algorithm. Values are first shifted by the pair's first common values, so a
// column that is constant over the pair's rows gives sums of exactly zero (and NaN),
// whatever the rounding of its mean. Branch-free, with kLanes independent accumulators, so
// the loops are not bound by the latency of one chain of additions.
class PairSums {
public:
    PairSums(const double *x, const double *y, std::size_t rows) : m_x(x), m_y(y)
    {
        std::size_t first = 0;
        while (first < rows && (std::isnan(x[first]) || std::isnan(y[first])))
            ++first;
        m_first = first;
        if (first < rows) {
            m_x0 = x[first];
            m_y0 = y[first];
        }
        m_active = first < rows;
    }

    // Accumulators are copied to locals for the loops: stores to member doubles could
    // alias the column data and keep the compiler from holding them in registers. Lane l
    // takes rows r + l (r stepping by kLanes); with SSE2 the lanes are two registers of two
    // (the compiler does not vectorise floating-point reductions by itself), with the same
    // arithmetic per lane as the portable loop, so both give the same bits.
    void firstPass(std::size_t begin, std::size_t end)
    {
        if (!m_active)
            return;
        const double *x = m_x, *y = m_y;
        const double x0 = m_x0, y0 = m_y0;
        double n[kLanes], sx[kLanes], sy[kLanes];
        std::copy(std::begin(m_n), std::end(m_n), n);
        std::copy(std::begin(m_sx), std::end(m_sx), sx);
        std::copy(std::begin(m_sy), std::end(m_sy), sy);
        std::size_t r = std::max(begin, m_first);
#if defined(__SSE2__)
        const V2 one = _mm_set1_pd(1.0), vx0 = _mm_set1_pd(x0), vy0 = _mm_set1_pd(y0);
        V2 na = load2(n), nb = load2(n + 2);
        V2 sxa = load2(sx), sxb = load2(sx + 2);
        V2 sya = load2(sy), syb = load2(sy + 2);
        for (; r + kLanes <= end; r += kLanes) {
            const V2 xa = load2(x + r), xb = load2(x + r + 2);
            const V2 ya = load2(y + r), yb = load2(y + r + 2);
            const V2 wa = bothPresent(xa, ya), wb = bothPresent(xb, yb);
            na += masked(one, wa);
            nb += masked(one, wb);
            sxa += masked(xa - vx0, wa);
            sxb += masked(xb - vx0, wb);
            sya += masked(ya - vy0, wa);
            syb += masked(yb - vy0, wb);
        }
        store(na, nb, n);
        store(sxa, sxb, sx);
        store(sya, syb, sy);
#else
        for (; r + kLanes <= end; r += kLanes) {
            for (std::size_t l = 0; l < kLanes; ++l) {
                const double xv = x[r + l], yv = y[r + l];
                const bool w = (xv == xv) & (yv == yv);
                n[l] += w ? 1.0 : 0.0;
                sx[l] += w ? xv - x0 : 0.0;
                sy[l] += w ? yv - y0 : 0.0;
            }
        }
#endif
        for (; r < end; ++r) {
            const double xv = x[r], yv = y[r];
            const bool w = (xv == xv) & (yv == yv);
            n[0] += w ? 1.0 : 0.0;
            sx[0] += w ? xv - x0 : 0.0;
            sy[0] += w ? yv - y0 : 0.0;
        }
        std::copy(n, n + kLanes, m_n);
        std::copy(sx, sx + kLanes, m_sx);
        std::copy(sy, sy + kLanes, m_sy);
    }

    void finishFirstPass()
    {
        m_count = total(m_n);
        m_active = m_active && m_count >= 2;
        if (m_active) {
            m_mx = total(m_sx) / m_count;
            m_my = total(m_sy) / m_count;
        }
    }

    void secondPass(std::size_t begin, std::size_t end)
    {
        if (!m_active)
            return;
        const double *x = m_x, *y = m_y;
        const double x0 = m_x0, y0 = m_y0, mx = m_mx, my = m_my;
        double cx[kLanes], cy[kLanes], sxx[kLanes], syy[kLanes], sxy[kLanes];
        std::copy(std::begin(m_cx), std::end(m_cx), cx);
        std::copy(std::begin(m_cy), std::end(m_cy), cy);
        std::copy(std::begin(m_sxx), std::end(m_sxx), sxx);
        std::copy(std::begin(m_syy), std::end(m_syy), syy);
        std::copy(std::begin(m_sxy), std::end(m_sxy), sxy);
        std::size_t r = std::max(begin, m_first);
#if defined(__SSE2__)
        const V2 vx0 = _mm_set1_pd(x0), vy0 = _mm_set1_pd(y0);
        const V2 vmx = _mm_set1_pd(mx), vmy = _mm_set1_pd(my);
        V2 cxa = load2(cx), cxb = load2(cx + 2);
        V2 cya = load2(cy), cyb = load2(cy + 2);
        V2 sxxa = load2(sxx), sxxb = load2(sxx + 2);
        V2 syya = load2(syy), syyb = load2(syy + 2);
        V2 sxya = load2(sxy), sxyb = load2(sxy + 2);
        for (; r + kLanes <= end; r += kLanes) {
            const V2 xa = load2(x + r), xb = load2(x + r + 2);
            const V2 ya = load2(y + r), yb = load2(y + r + 2);
            const V2 wa = bothPresent(xa, ya), wb = bothPresent(xb, yb);
            const V2 dxa = masked((xa - vx0) - vmx, wa), dxb = masked((xb - vx0) - vmx, wb);
            const V2 dya = masked((ya - vy0) - vmy, wa), dyb = masked((yb - vy0) - vmy, wb);
            cxa += dxa;
            cxb += dxb;
            cya += dya;
            cyb += dyb;
            sxxa += dxa * dxa;
            sxxb += dxb * dxb;
            syya += dya * dya;
            syyb += dyb * dyb;
            sxya += dxa * dya;
            sxyb += dxb * dyb;
        }
        store(cxa, cxb, cx);
        store(cya, cyb, cy);
        store(sxxa, sxxb, sxx);
        store(syya, syyb, syy);
        store(sxya, sxyb, sxy);
#else
        for (; r + kLanes <= end; r += kLanes) {
            for (std::size_t l = 0; l < kLanes; ++l) {
                const double xv = x[r + l], yv = y[r + l];
                const bool w = (xv == xv) & (yv == yv);
                const double dx = w ? (xv - x0) - mx : 0.0;
                const double dy = w ? (yv - y0) - my : 0.0;
                cx[l] += dx;
                cy[l] += dy;
                sxx[l] += dx * dx;
                syy[l] += dy * dy;
                sxy[l] += dx * dy;
            }
        }
#endif
        for (; r < end; ++r) {
            const double xv = x[r], yv = y[r];
            const bool w = (xv == xv) & (yv == yv);
            const double dx = w ? (xv - x0) - mx : 0.0;
            const double dy = w ? (yv - y0) - my : 0.0;
            cx[0] += dx;
            cy[0] += dy;
            sxx[0] += dx * dx;
            syy[0] += dy * dy;
            sxy[0] += dx * dy;
        }
        std::copy(cx, cx + kLanes, m_cx);
        std::copy(cy, cy + kLanes, m_cy);
        std::copy(sxx, sxx + kLanes, m_sxx);
        std::copy(syy, syy + kLanes, m_syy);
        std::copy(sxy, sxy + kLanes, m_sxy);
    }

    double r() const
    {
        if (!m_active)
            return kNaN;
        const double tx = total(m_cx), ty = total(m_cy);
        const double vxx = total(m_sxx) - tx * tx / m_count;
        const double vyy = total(m_syy) - ty * ty / m_count;
        const double vxy = total(m_sxy) - tx * ty / m_count;
        return pearson(vxy, vxx, vyy, static_cast<std::int64_t>(m_count), false);
    }

private:
    static constexpr std::size_t kLanes = 4;
    static double total(const double (&a)[kLanes])
    {
        return (a[0] + a[1]) + (a[2] + a[3]);
    }

    const double *m_x;
    const double *m_y;
    std::size_t m_first = 0;
    bool m_active = false;
    double m_x0 = 0, m_y0 = 0, m_count = 0, m_mx = 0, m_my = 0;
    double m_n[kLanes] = {}, m_sx[kLanes] = {}, m_sy[kLanes] = {};
    double m_cx[kLanes] = {}, m_cy[kLanes] = {};
    double m_sxx[kLanes] = {}, m_syy[kLanes] = {}, m_sxy[kLanes] = {};
};

} // namespace

CorrelationMatrix Statistics::correlation(
    const Dataset &dataset, QList<int> columns, const std::atomic<bool> *cancel)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    if (columns.isEmpty())
        columns = dataset.numericColumns();
    CorrelationMatrix m;
    for (int c : columns) {
        if (c < 0 || c >= dataset.columnCount() || !dataset.column(c).isNumeric())
            continue;
        m.columns.push_back(c);
        m.names.push_back(dataset.column(c).name());
    }
    const auto k = static_cast<std::size_t>(m.columns.size());
    m.r.assign(k * k, kNaN);
    const auto rows = static_cast<std::size_t>(dataset.rowCount());
    if (k == 0)
        return m;

    std::vector<const double *> data(k);
    std::vector<bool> complete(k), constant(k);
    std::vector<double> mean(k, kNaN);
    std::vector<std::int64_t> present(k);
    for (std::size_t i = 0; i < k; ++i) {
        const Column &c = dataset.column(m.columns[static_cast<qsizetype>(i)]);
        data[i] = c.values().data();
        complete[i] = c.missingCount() == 0;
        present[i] = c.size() - c.missingCount();
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : c.values())
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        constant[i] = lo == hi;
        if (complete[i])
            mean[i] = moments(data[i], rows).mean;
        if (cancelled())
            return {};
    }

    // Columns without missing cells: their centred cross-products in one blocked,
    // vectorised pass (Eigen GEMM on row blocks of the centred columns).
    std::vector<std::size_t> full;
    for (std::size_t i = 0; i < k; ++i)
        if (complete[i])
            full.push_back(i);
    if (!full.empty() && rows >= 2) {
        const auto kf = static_cast<Eigen::Index>(full.size());
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(kf, kf);
        Eigen::VectorXd colSum = Eigen::VectorXd::Zero(kf);
        constexpr std::size_t kBlock = 4096;
        Eigen::MatrixXd block(static_cast<Eigen::Index>(std::min(kBlock, rows)), kf);
        for (std::size_t start = 0; start < rows; start += kBlock) {
            const auto len = static_cast<Eigen::Index>(std::min(kBlock, rows - start));
            if (len != block.rows())
                block.resize(len, kf);
            for (Eigen::Index j = 0; j < kf; ++j) {
                const std::size_t col = full[static_cast<std::size_t>(j)];
                block.col(j)
                    = Eigen::Map<const Eigen::VectorXd>(data[col] + start, len).array() - mean[col];
            }
            // Only the lower triangle is needed: half the work of block^T * block.
            gram.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
            colSum += block.colwise().sum().transpose();
            if (cancelled())
                return {};
        }
        const double n = double(rows);
        for (Eigen::Index a = 0; a < kf; ++a) {
            const std::size_t i = full[static_cast<std::size_t>(a)];
            for (Eigen::Index b = 0; b <= a; ++b) {
                const std::size_t j = full[static_cast<std::size_t>(b)];
                const double sxy = gram(a, b) - colSum(a) * colSum(b) / n;
                const double sxx = gram(a, a) - colSum(a) * colSum(a) / n;
                const double syy = gram(b, b) - colSum(b) * colSum(b) / n;
                const double r = i == j ? (constant[i] || !std::isfinite(sxx) ? kNaN : 1.0)
                                        : pearson(sxy, sxx, syy, static_cast<std::int64_t>(rows),
                                            constant[i] || constant[j]);
                m.r[i * k + j] = m.r[j * k + i] = r;
            }
        }
    }

    // Pairs with a column that has missing cells: pairwise complete, two passes per pair,
    // every pair advancing over the same block of rows while it is in cache. The diagonal
    // of such a column follows the same rule as any pair: 1, or NaN (fewer than two
    // values, a constant column, infinite values).
    struct Pair {
        std::size_t i, j;
    };
    std::vector<Pair> pairs;
    std::vector<PairSums> sums;
    for (std::size_t i = 0; i < k; ++i) {
        if (complete[i])
            continue;
        for (std::size_t j = 0; j < k; ++j) {
            if (j != i && !complete[j] && j > i)
                continue; // that pair is taken when i reaches j
            pairs.push_back({ i, j });
            sums.emplace_back(data[i], data[j], rows);
        }
    }
    if (!pairs.empty()) {
        constexpr std::size_t kRowBlock = 2048;
        for (std::size_t start = 0; start < rows; start += kRowBlock) {
            const std::size_t end = std::min(rows, start + kRowBlock);
            for (PairSums &p : sums)
                p.firstPass(start, end);
            if (cancelled())
                return {};
        }
        for (PairSums &p : sums)
            p.finishFirstPass();
        for (std::size_t start = 0; start < rows; start += kRowBlock) {
            const std::size_t end = std::min(rows, start + kRowBlock);
            for (PairSums &p : sums)
                p.secondPass(start, end);
            if (cancelled())
                return {};
        }
        for (std::size_t p = 0; p < pairs.size(); ++p) {
            const auto [i, j] = pairs[p];
            const double r = sums[p].r();
            m.r[i * k + j] = m.r[j * k + i] = i == j ? (std::isnan(r) ? kNaN : 1.0) : r;
        }
    }
    return m;
}

} // namespace sextant::engine
