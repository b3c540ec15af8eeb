#include "ml/FitContext.h"

#include <thread>

namespace sextant::engine {

int FitContext::threadCount() const
{
    if (threads > 0)
        return threads;
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

} // namespace sextant::engine
