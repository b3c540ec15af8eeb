#include "ml/FitContext.h"

#include "core/ThreadCount.h"

#include <thread>

namespace sextant::engine {

int FitContext::threadCount() const
{
    if (threads > 0)
        return threads;
    return defaultThreadCount();
}

} // namespace sextant::engine
