#pragma once

#include "data/Column.h"
#include "data/Dataset.h"
#include "plots/ScatterDensityJob.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <vector>

namespace sextant::plots {

// Classes of a Shape column that get a marker of their own; the rest share one.
inline constexpr int kScatterDistinctShapes = 6;

// Which columns a scatter shows, by name; empty colour/size/shape: none.
struct ScatterChoice {
    QString x, y, color, size, shape;
    bool operator==(const ScatterChoice &) const = default;
};

// A table to explore in a scatter, and computed coordinates over it.
//
// Layout: `table` has one row per sample. Each of `extra` (e.g. principal components)
// has one entry per row listed in `extraRows` (row ids of `table`, ascending), or one per
// table row when `extraRows` is empty. Columns are shared, not copied.
struct ScatterSource {
    engine::Dataset table;
    QList<engine::Column> extra;
    std::vector<qint64> extraRows;
    // The initial choice; empty names are chosen automatically (ScatterGatherJob::resolve).
    ScatterChoice choice;
    // Whether an empty colour is chosen automatically (false: it means none).
    bool autoColor = true;
};

// What the control bar offers for a source (column names).
struct ScatterOptions {
    QStringList axes; // computed columns, then the table's numeric columns
    QStringList colors; // every column
    QStringList sizes; // numeric columns
    QStringList shapes; // categorical columns, and numeric ones that look categorical
    static ScatterOptions of(const ScatterSource &source);
};

// The columns of one choice, aligned point by point (point i is row rowIds[i], or row i
// when rowIds is empty). Axes are numeric (categorical axes plot their codes, NaN where
// missing); the colour is categorical (classes) or numeric (a colour map) per colorMode;
// size is numeric, shape categorical; unused ones are empty.
struct ScatterGathered {
    bool cancelled = false;
    ScatterChoice choice; // as resolved
    engine::Column x, y, color, size, shape;
    ScatterColorMode colorMode = ScatterColorMode::None;
    std::vector<qint64> rowIds;
};

// Gathers the columns of a choice: picks the rows (the computed columns' rows when one of
// them is used), copies the cells of those rows when they are a subset, turns categorical
// axes into numbers and class-like numeric colour/shape columns into classes. O(rows) per
// column: runs on the scatter's worker thread (or the calling thread for
// ScatterPlot::settleNow); touches no widget.
class ScatterGatherJob {
public:
    // Fills the empty names of `choice`: axes from the computed columns, else the first
    // two numeric columns; colour from a column named "cluster", else the target column,
    // else the first categorical column (only when `pickColor`: an empty colour picked in
    // the control bar means none). O(columns).
    static ScatterChoice resolve(const ScatterSource &source, ScatterChoice choice, bool pickColor);
    // `cancel` may be null.
    static ScatterGathered run(
        const ScatterSource &source, const ScatterChoice &choice, const std::atomic<bool> *cancel);
};

} // namespace sextant::plots
