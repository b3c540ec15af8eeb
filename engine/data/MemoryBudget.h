#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <string>

namespace sextant::engine {

// How much memory this process may still allocate, and the up-front checks the loaders
// and training make with it, so that work which cannot fit is refused with a message
// before it starts instead of growing until the kernel kills the process.
//
// The budget is the lowest of:
//  - MemAvailable from /proc/meminfo (what the kernel can hand out without swapping);
//  - RLIMIT_AS minus the address space in use (VmSize in /proc/self/status), when the
//    limit is set (`ulimit -v`);
//  - RLIMIT_DATA minus the data segment in use (VmData), when the limit is set.
// Where none of these is known (not Linux), the budget is unlimited and every check
// passes; allocation failures are still caught where they happen.
class MemoryBudget {
public:
    static constexpr std::uint64_t kUnlimited = ~std::uint64_t(0);

    // Bytes that can still be allocated now, or kUnlimited.
    static std::uint64_t availableBytes();

    // "512 MB", "3.2 GB": decimal units, the way free(1) -h and file managers show them.
    static QString formatBytes(std::uint64_t bytes);

    // Nothing when `neededBytes` fits the budget; otherwise a message such as
    // "not enough memory to load data.csv: needs about 12.0 GB, 3.1 GB available"
    // where `what` is the action ("load data.csv").
    static std::optional<QString> shortfall(std::uint64_t neededBytes, const QString &what);

    // The message for an allocation that failed while doing `what`, with the estimate
    // when one is known (0: unknown).
    static QString outOfMemory(const QString &what, std::uint64_t neededBytes = 0);

    // Estimated peak bytes for fitting the estimator of kind `estimatorKind` (Estimator::kind())
    // on `rows` x `features` values: the feature matrix (rows x features x 8 bytes) times
    // a factor for what the learner keeps besides (sorted indices for trees, kernel cache
    // for SVM, pairwise distances for agglomerative clustering...).
    static std::uint64_t trainingBytes(
        std::int64_t rows, std::int64_t features, const std::string &estimatorKind);
    // Nothing when training fits the budget; otherwise the refusal message naming
    // `learner` (a display name), what it needs and what is available.
    static std::optional<QString> trainingShortfall(std::int64_t rows, std::int64_t features,
        const std::string &estimatorKind, const QString &learner);
};

} // namespace sextant::engine
