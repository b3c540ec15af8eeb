#pragma once

#include <QString>
#include <QStringList>

namespace sextant::cli {

// True when the command line asks for a headless subcommand (info, --help, --version...),
// which runs without creating a QGuiApplication.
bool isCliInvocation(int argc, char **argv);

// Runs a subcommand; `arguments` includes the program name. Returns the process exit
// code: 0 on success, 1 for bad input (message on stderr), 2 for a usage error.
int run(const QStringList &arguments);

QString versionString();

} // namespace sextant::cli
