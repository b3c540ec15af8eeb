#include "data/DatasetLoader.h"

#include "data/ArffReader.h"
#include "data/CsvReader.h"
#include "data/LibsvmReader.h"
#include "data/TextSource.h"

#include <QFileInfo>
#include <algorithm>

namespace sextant::engine {

namespace {
const QStringList kCsvSuffixes = { QStringLiteral("csv"), QStringLiteral("tsv"),
    QStringLiteral("tab"), QStringLiteral("txt"), QStringLiteral("data"), QStringLiteral("dat") };
const QStringList kArffSuffixes = { QStringLiteral("arff") };
const QStringList kLibsvmSuffixes
    = { QStringLiteral("svm"), QStringLiteral("libsvm"), QStringLiteral("svmlight") };

DatasetLoader::Format sniff(const QString &path)
{
    TextSource file; // the shared check first: a FIFO is not opened
    if (file.openStream(path))
        return DatasetLoader::Format::Unknown;
    QByteArray head(4096, '\0');
    head.truncate(
        static_cast<qsizetype>(std::max<std::int64_t>(file.read(head.data(), head.size()), 0)));
    // ARFF: the first non-comment line starts with @relation.
    for (const QByteArray &rawLine : head.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('%'))
            continue;
        if (line.toLower().startsWith("@relation"))
            return DatasetLoader::Format::Arff;
        break;
    }
    return DatasetLoader::Format::Csv;
}
} // namespace

DatasetLoader::Format DatasetLoader::formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (kArffSuffixes.contains(suffix))
        return Format::Arff;
    if (kLibsvmSuffixes.contains(suffix))
        return Format::Libsvm;
    if (kCsvSuffixes.contains(suffix))
        return Format::Csv;
    return sniff(path);
}

QString DatasetLoader::fileDialogFilter()
{
    QStringList globs;
    for (const auto *list : { &kCsvSuffixes, &kArffSuffixes, &kLibsvmSuffixes })
        for (const QString &s : *list)
            globs << QStringLiteral("*.") + s;
    return QStringLiteral("Data files (") + globs.join(QLatin1Char(' '))
        + QStringLiteral(");;All files (*)");
}

bool DatasetLoader::isSupported(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return kCsvSuffixes.contains(suffix) || kArffSuffixes.contains(suffix)
        || kLibsvmSuffixes.contains(suffix);
}

LoadResult DatasetLoader::load(
    const QString &path, const CsvOptions &csvOptions, const LoadControl &control)
{
    const QFileInfo info(path);
    // Before sniffing the format: opening a FIFO would block.
    if (auto problem = TextSource::checkDataFile(path))
        return LoadResult::failure(*problem);

    LoadResult result;
    switch (formatFor(path)) {
    case Format::Arff:
        result = ArffReader::read(path, control);
        break;
    case Format::Libsvm:
        result = LibsvmReader::read(path, control);
        break;
    case Format::Csv:
    case Format::Unknown:
        result = CsvReader::read(path, csvOptions, control);
        break;
    }
    if (result.dataset) {
        if (result.dataset->name().isEmpty())
            result.dataset->setName(info.completeBaseName());
        result.dataset->setSource(path);
    }
    return result;
}

} // namespace sextant::engine
