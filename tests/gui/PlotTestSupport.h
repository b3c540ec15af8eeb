#pragma once
// Test helper (header-only): shows a plot view offscreen at a fixed size and, when the
// environment variable SEXTANT_PLOT_SNAPSHOTS names a folder, saves what the view
// draws there as PNG (and SVG/PDF with SEXTANT_PLOT_SNAPSHOTS_VECTOR=1), for a person
// to look at.

#include "plots/PlotView.h"

#include <QColor>
#include <QDir>
#include <QTest>

namespace sextant::testing {

inline bool showView(plots::PlotView &view, QSize size = QSize(800, 600))
{
    view.resize(size);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.replotNow();
    return true;
}

inline void snapshot(
    plots::PlotView &view, const QString &name, QSize size = {}, double scale = 1.0)
{
    const QString dir = qEnvironmentVariable("SEXTANT_PLOT_SNAPSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    plots::ExportOptions o;
    o.size = size;
    o.scale = scale;
    view.exportTo(QDir(dir).filePath(name + QStringLiteral(".png")), o);
    // SEXTANT_PLOT_SNAPSHOTS_VECTOR=1: the vector exports as well, to compare.
    if (qEnvironmentVariableIntValue("SEXTANT_PLOT_SNAPSHOTS_VECTOR") != 0) {
        view.exportTo(QDir(dir).filePath(name + QStringLiteral(".svg")), o);
        view.exportTo(QDir(dir).filePath(name + QStringLiteral(".pdf")), o);
    }
}

// Channel-wise distance between two colours.
inline int colorDistance(const QColor &a, const QColor &b)
{
    return std::max({ std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
        std::abs(a.blue() - b.blue()) });
}

} // namespace sextant::testing
