#include "widgets/MetricsTableView.h"

#include "nodes/MetricsTable.h"

#include <QHeaderView>
#include <cmath>

namespace sextant::widgets {

MetricsTableView::MetricsTableView(QWidget *parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("metricsView"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setVisible(false);
}

void MetricsTableView::setMetrics(const engine::MetricsTable &metrics)
{
    clear();
    setRowCount(static_cast<int>(metrics.rows.size()));
    setColumnCount(static_cast<int>(1 + metrics.columns.size() + metrics.noteColumns.size()));
    QStringList headers { QString() };
    headers += metrics.columns;
    headers += metrics.noteColumns;
    setHorizontalHeaderLabels(headers);
    for (int r = 0; r < metrics.rows.size(); ++r) {
        const auto &row = metrics.rows[r];
        setItem(r, 0, new QTableWidgetItem(row.label));
        for (int c = 0; c < metrics.columns.size(); ++c) {
            const double v = c < row.values.size() ? row.values[c] : std::nan("");
            auto *item = new QTableWidgetItem(
                std::isfinite(v) ? QString::number(v, 'g', 5) : QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(r, 1 + c, item);
        }
        for (int c = 0; c < metrics.noteColumns.size(); ++c)
            setItem(r, 1 + static_cast<int>(metrics.columns.size()) + c,
                new QTableWidgetItem(row.notes.value(c)));
    }
    resizeColumnsToContents();
    setToolTip(metrics.title);
}

} // namespace sextant::widgets
