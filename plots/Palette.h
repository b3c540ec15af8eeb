#pragma once

#include <QColor>
#include <QList>

class QCPColorGradient;

namespace sextant::plots {

// The colours every view shares, so that class 2 is the same orange in the scatter, the
// ROC curves and the legend of a histogram.
class Palette {
public:
    // Colour of class/cluster/series `index`: Tableau 10, then evenly spread hues.
    static QColor categorical(int index);
    static QList<QColor> categorical(int count, int first);
    // Points whose class is missing.
    static QColor missing();
    // Black or white, whichever reads better on `background`.
    static QColor textOn(const QColor &background);

    // Blue - white - red (ColorBrewer RdBu, reversed), for values in [-1, 1] centred on 0.
    static void setDiverging(QCPColorGradient &gradient);
    // Perceptually uniform dark-to-light (viridis), for counts and numeric colourings.
    static void setSequential(QCPColorGradient &gradient);
    // White to dark blue, for confusion matrices.
    static void setBlues(QCPColorGradient &gradient);
    // The gradient's colour at `fraction` in [0, 1] (QCPColorGradient::color on [0, 1]).
    static QColor colorAt(const QCPColorGradient &gradient, double fraction);
};

} // namespace sextant::plots
