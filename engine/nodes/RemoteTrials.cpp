#include "nodes/RemoteTrials.h"

#include <mutex>

namespace sextant::engine {

namespace {

std::mutex g_mutex;
std::unique_ptr<RemoteTrialRunner> g_runner; // guarded by g_mutex

} // namespace

RemoteTrialRunner::~RemoteTrialRunner() = default;

void RemoteTrialRunner::set(std::unique_ptr<RemoteTrialRunner> runner)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    g_runner = std::move(runner);
}

RemoteTrialRunner *RemoteTrialRunner::get()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_runner.get();
}

} // namespace sextant::engine
