#pragma once

#include "data/Dataset.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace sextant::engine {

// A problem found in an input file. `line` and `column` are 1-based; 0 means unknown.
// `column` counts fields (the n-th field on the line), not characters.
struct LoadIssue {
    QString file;
    std::int64_t line = 0;
    int column = 0;
    QString message;

    // "file:line:column: message" (omitting what is unknown); just the message when it is
    // about the whole file (line 0) and names the file itself.
    QString toString() const;
};

// How a loader reports progress and learns it should stop.
struct LoadControl {
    // Called from the loading thread with a fraction in [0, 1]; may be empty.
    std::function<void(double)> progress;
    // Polled by every long loop; when it becomes true the loader stops and fails with
    // `cancelled` set.
    const std::atomic<bool> *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }
};

// The outcome of loading a file: a dataset (possibly with warnings), or an error.
struct LoadResult {
    std::optional<Dataset> dataset;
    std::optional<LoadIssue> error;
    QList<LoadIssue> warnings;
    bool cancelled = false;

    bool ok() const { return dataset.has_value() && !error && !cancelled; }

    static LoadResult failure(LoadIssue issue)
    {
        LoadResult r;
        r.error = std::move(issue);
        return r;
    }
    static LoadResult wasCancelled(const QString &file)
    {
        LoadResult r;
        r.cancelled = true;
        r.error = LoadIssue { file, 0, 0, QStringLiteral("loading was cancelled") };
        return r;
    }
};

} // namespace sextant::engine
