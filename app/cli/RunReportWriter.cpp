#include "cli/RunReportWriter.h"

#include <QFileInfo>

namespace sextant::cli {

namespace {
RunReportWriter *g_writer = nullptr; // set once by main() before any run, main thread only
}

RunReportWriter::~RunReportWriter() = default;

bool RunReportWriter::hasReportSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("html") || suffix == QLatin1String("htm")
        || suffix == QLatin1String("pdf");
}

bool RunReportWriter::isPdf(const QString &path)
{
    return QFileInfo(path).suffix().toLower() == QLatin1String("pdf");
}

void setRunReportWriter(RunReportWriter *writer)
{
    g_writer = writer;
}

RunReportWriter *runReportWriter()
{
    return g_writer;
}

} // namespace sextant::cli
