#include "data/MemoryBudget.h"

#include <QFile>
#include <QList>
#include <algorithm>
#include <cmath>
#include <string_view>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace sextant::engine {

namespace {

// The value in kB of the line "key: <n> kB" of a /proc file, or -1.
std::int64_t procKiloBytes(const char *file, const QByteArray &key)
{
    QFile f(QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report a size of 0 (atEnd() is true at once): read until read() ends.
    const QByteArray text = f.readAll();
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(key) || line.size() <= key.size() || line[key.size()] != ':')
            continue;
        bool ok = false;
        const QList<QByteArray> parts = line.mid(key.size() + 1).simplified().split(' ');
        const qlonglong kb = parts.isEmpty() ? -1 : parts.first().toLongLong(&ok);
        return ok && kb >= 0 ? static_cast<std::int64_t>(kb) : -1;
    }
    return -1;
}

#ifdef Q_OS_LINUX
// Bytes left under resource limit `resource`, given `usedKb` in use; kUnlimited when the
// limit is not set.
std::uint64_t leftUnderLimit(int resource, std::int64_t usedKb)
{
    rlimit limit {};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return MemoryBudget::kUnlimited;
    const auto cap = static_cast<std::uint64_t>(limit.rlim_cur);
    const std::uint64_t used = usedKb > 0 ? static_cast<std::uint64_t>(usedKb) * 1024 : 0;
    return cap > used ? cap - used : 0;
}
#endif

// Peak memory of fitting, as a multiple of the feature matrix (rows x features doubles),
// besides the table itself. Deliberately generous only where the learner keeps large
// working sets; an unknown kind gets the common factor.
double trainingFactor(std::string_view kind)
{
    if (kind == "decision_tree" || kind == "gradient_boosting")
        return 3.0; // the matrix, sorted feature orders, binned copies
    if (kind == "random_forest")
        return 4.0; // as a tree, with trees grown in parallel
    if (kind == "linear_regression" || kind == "svm")
        return 3.0; // a factorised copy of the design matrix / kernel rows
    if (kind == "naive_bayes" || kind == "gaussian_naive_bayes")
        return 2.0; // the matrix and, for kernel densities, a sorted copy of its values
    return 2.0; // the matrix and one working copy (gradients, distances, activations)
}

} // namespace

std::uint64_t MemoryBudget::availableBytes()
{
    std::uint64_t budget = kUnlimited;
    const std::int64_t availableKb = procKiloBytes("/proc/meminfo", "MemAvailable");
    if (availableKb >= 0)
        budget = static_cast<std::uint64_t>(availableKb) * 1024;
#ifdef Q_OS_LINUX
    budget
        = std::min(budget, leftUnderLimit(RLIMIT_AS, procKiloBytes("/proc/self/status", "VmSize")));
    budget = std::min(
        budget, leftUnderLimit(RLIMIT_DATA, procKiloBytes("/proc/self/status", "VmData")));
#endif
    return budget;
}

QString MemoryBudget::formatBytes(std::uint64_t bytes)
{
    const double b = static_cast<double>(bytes);
    if (b >= 1e9)
        return QStringLiteral("%1 GB").arg(b / 1e9, 0, 'f', 1);
    if (b >= 1e6)
        return QStringLiteral("%1 MB").arg(std::ceil(b / 1e6), 0, 'f', 0);
    if (b >= 1e3)
        return QStringLiteral("%1 kB").arg(std::ceil(b / 1e3), 0, 'f', 0);
    return QStringLiteral("%1 bytes").arg(bytes);
}

std::optional<QString> MemoryBudget::shortfall(std::uint64_t neededBytes, const QString &what)
{
    const std::uint64_t available = availableBytes();
    if (available == kUnlimited || neededBytes <= available)
        return std::nullopt;
    return QStringLiteral("not enough memory to %1: needs about %2, %3 available")
        .arg(what, formatBytes(neededBytes), formatBytes(available));
}

QString MemoryBudget::outOfMemory(const QString &what, std::uint64_t neededBytes)
{
    QString message = QStringLiteral("not enough memory to %1").arg(what);
    if (neededBytes > 0)
        message += QStringLiteral(": needs about %1").arg(formatBytes(neededBytes));
    const std::uint64_t available = availableBytes();
    if (available != kUnlimited)
        message += QStringLiteral(" (%1 available)").arg(formatBytes(available));
    return message;
}

std::uint64_t MemoryBudget::trainingBytes(
    std::int64_t rows, std::int64_t features, const std::string &estimatorKind)
{
    if (rows <= 0 || features <= 0)
        return 0;
    const double cells = static_cast<double>(rows) * static_cast<double>(features);
    const double bytes = cells * 8.0 * trainingFactor(estimatorKind);
    return bytes >= 1.8e19 ? kUnlimited - 1 : static_cast<std::uint64_t>(bytes);
}

std::optional<QString> MemoryBudget::trainingShortfall(std::int64_t rows, std::int64_t features,
    const std::string &estimatorKind, const QString &learner)
{
    return shortfall(trainingBytes(rows, features, estimatorKind),
        QStringLiteral("train %1 on %2 rows x %3 features").arg(learner).arg(rows).arg(features));
}

} // namespace sextant::engine
