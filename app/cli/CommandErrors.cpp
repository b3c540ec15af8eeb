#include "cli/CommandErrors.h"

#include "cli/RunCommand.h"

namespace sextant::cli {

int CommandErrors::usageError(const QString &message) const
{
    m_err << "sextant " << m_command << ": " << message << "\n"
          << "Usage: " << m_usage << "\n";
    m_err.flush();
    return RunCommand::kExitUsage;
}

int CommandErrors::failure(const QString &message) const
{
    m_err << "sextant: " << message << "\n";
    m_err.flush();
    return RunCommand::kExitFailure;
}

} // namespace sextant::cli
