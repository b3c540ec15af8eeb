#pragma once

#include <QString>
#include <functional>

class QCPColorMap;
class QCPLayerable;

namespace sextant::plots {

// Writes a text into each visible cell of a QCPColorMap (correlation values, confusion
// counts) in black or white to contrast with the cell's colour. Decided at draw time, so
// it adapts to the widget size, to zoom and to export sizes: a font between 7 and 12 px is
// picked to fit the cells, and nothing is written when the texts cannot fit.
//
// Cells are addressed like QCPColorMapData: (keyIndex, valueIndex).
class CellTextLayer {
public:
    using TextFunction = std::function<QString(int keyIndex, int valueIndex)>;

    // Adds the layer above `map` (on the map's layer, drawn after it). The plot owns the
    // returned object; it must not outlive `map`.
    static QCPLayerable *create(QCPColorMap *map, TextFunction text);
    // Whether the last draw of `layer` wrote any text (for tests).
    static bool drewText(const QCPLayerable *layer);
};

} // namespace sextant::plots
