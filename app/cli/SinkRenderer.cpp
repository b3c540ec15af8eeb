#include "cli/SinkRenderer.h"

namespace sextant::cli {

namespace {
SinkRenderer *g_renderer = nullptr; // set once by main() before any run, main thread only
}

SinkRenderer::~SinkRenderer() = default;

void setSinkRenderer(SinkRenderer *renderer)
{
    g_renderer = renderer;
}

SinkRenderer *sinkRenderer()
{
    return g_renderer;
}

} // namespace sextant::cli
