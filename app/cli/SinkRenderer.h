#pragma once

#include "graph/NodeValue.h"

#include <QString>
#include <QStringList>

namespace sextant::cli {

// A hook through which `sextant run` draws sink results as pictures (PNG/SVG) without the
// command-line library linking the GUI: the executable registers an implementation when
// it is built with the GUI (app/main.cpp), the engine-only build registers none and writes
// data files only.
//
// Called on the main thread, after the run, once per sink node that finished.
class SinkRenderer {
public:
    virtual ~SinkRenderer();

    // Draws the result of a sink node of type `typeId` ("view.histogram"...) into files
    // whose names start with `basePath` (a path without suffix, e.g. "out/4-histogram");
    // the renderer adds the suffixes (".png", ".svg") and appends each file it wrote to
    // `written`. Returns true when it wrote everything it meant to, including nothing for a
    // result type it does not draw; false with the reason in `error` on failure.
    virtual bool render(const QString &typeId, const engine::NodeValue &result,
        const QString &basePath, QStringList *written, QString *error)
        = 0;
};

// Registers the renderer `sextant run` uses (nullptr: none). Not owned: it must outlive
// the run. Call from main() before sextant::cli::run().
void setSinkRenderer(SinkRenderer *renderer);
SinkRenderer *sinkRenderer();

} // namespace sextant::cli
