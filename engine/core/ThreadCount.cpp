#include "core/ThreadCount.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sched.h>
#include <thread>

namespace sextant::engine {

std::optional<int> positiveCount(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

int threadCountFrom(
    int affinityCpus, std::string_view slurmCpusPerTask, std::string_view sextantThreads)
{
    if (const auto chosen = positiveCount(sextantThreads))
        return *chosen;
    int n = std::max(1, affinityCpus);
    if (const auto slurm = positiveCount(slurmCpusPerTask))
        n = std::min(n, *slurm);
    return n;
}

namespace {

int affinityCpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

std::string_view environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string_view(value) : std::string_view();
}

} // namespace

int defaultThreadCount()
{
    return threadCountFrom(
        affinityCpus(), environment("SLURM_CPUS_PER_TASK"), environment("SEXTANT_THREADS"));
}

int threadCountOr(int requested)
{
    return requested > 0 ? requested : defaultThreadCount();
}

} // namespace sextant::engine
