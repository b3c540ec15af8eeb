#pragma once

#include <QTableWidget>

namespace sextant::engine {
struct MetricsTable;
} // namespace sextant::engine

namespace sextant::widgets {

// A read-only table of an evaluation's figures (MetricsTable): one row per model or fold,
// a label column, one right-aligned column per metric ("–" where a figure is missing) and
// the note columns. The table's title is its tool tip.
class MetricsTableView : public QTableWidget {
    Q_OBJECT
public:
    explicit MetricsTableView(QWidget *parent = nullptr);
    void setMetrics(const engine::MetricsTable &metrics);
};

} // namespace sextant::widgets
