// How many threads Sextant's own work uses when the user did not choose: one rule for the
// engine, the command line and the studio, so that a Slurm task, a taskset or a container
// limit is respected everywhere and not only where someone remembered it.
#pragma once

#include <optional>
#include <string_view>

namespace sextant::engine {

// The rule, without reading the machine: `sextantThreads` (SEXTANT_THREADS) when it is a
// positive integer decides outright; otherwise the CPUs this process may run on
// (`affinityCpus`, at least 1), capped by `slurmCpusPerTask` (SLURM_CPUS_PER_TASK) when
// that is a positive integer. Anything else in the two variables is ignored.
int threadCountFrom(
    int affinityCpus, std::string_view slurmCpusPerTask, std::string_view sextantThreads);

// threadCountFrom() for this process: its CPU affinity mask and its environment.
int defaultThreadCount();

// `requested` when it is positive, defaultThreadCount() otherwise.
int threadCountOr(int requested);

// A positive integer read from `text` (no sign, no trailing characters), or nothing.
std::optional<int> positiveCount(std::string_view text);

} // namespace sextant::engine
