#pragma once

#include <QString>
#include <QTextStream>

namespace sextant::cli {

// How a subcommand reports a bad command line or a failure on stderr, the same way for
// every subcommand:
//   usage error  "sextant CMD: MESSAGE" then "Usage: USAGE"; exit code 2
//   failure      "sextant: MESSAGE" (the message names the file); exit code 1
class CommandErrors {
public:
    CommandErrors(QTextStream &err, QString command, QString usage)
        : m_err(err), m_command(std::move(command)), m_usage(std::move(usage))
    {
    }

    int usageError(const QString &message) const;
    int failure(const QString &message) const;

private:
    QTextStream &m_err;
    QString m_command;
    QString m_usage;
};

} // namespace sextant::cli
