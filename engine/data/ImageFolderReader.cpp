#include "data/ImageFolderReader.h"

#include "data/MemoryBudget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <new>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>

namespace sextant::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sextant::engine::ImageFolderReader", text);
}

// Names in code-point order: the same on every machine and locale.
QStringList sorted(QStringList names)
{
    std::sort(names.begin(), names.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseSensitive) < 0; });
    return names;
}

// The image decoded as 8-bit BGR, or an empty matrix when it cannot be.
cv::Mat decode(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return {};
    try {
        const cv::Mat buffer(
            1, static_cast<int>(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        cv::Mat image = cv::imdecode(buffer, cv::IMREAD_COLOR);
        if (image.empty() || image.type() != CV_8UC3)
            return {};
        return image;
    } catch (const cv::Exception &) {
        return {};
    }
}

struct ClassFiles {
    QString name;
    QStringList files; // absolute paths
};

} // namespace

const QStringList &ImageFolderReader::imageSuffixes()
{
    static const QStringList suffixes
        = { QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
              QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff") };
    return suffixes;
}

bool ImageFolderReader::isImageFile(const QString &path)
{
    return imageSuffixes().contains(QFileInfo(path).suffix().toLower());
}

LoadResult ImageFolderReader::read(
    const QString &folder, const ImageFeatures::Options &features, const LoadControl &control)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return LoadResult::failure({ folder, 0, 0, tr("%1: no such folder").arg(folder) });
    if (!info.isDir())
        return LoadResult::failure({ folder, 0, 0,
            tr("%1 is not a folder (an image folder holds one subfolder of images per class)")
                .arg(folder) });
    if (const QString why = ImageFeatures::check(features); !why.isEmpty())
        return LoadResult::failure({ folder, 0, 0, QStringLiteral("%1: %2").arg(folder, why) });

    const QDir root(info.absoluteFilePath());
    const QStringList classNames
        = sorted(root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::NoSort));
    if (classNames.isEmpty())
        return LoadResult::failure({ folder, 0, 0,
            tr("%1 has no class subfolders: an image folder holds one subfolder of images per "
               "class (FOLDER/cat/1.png, FOLDER/dog/1.png...)")
                .arg(folder) });

    LoadResult result;
    QList<ClassFiles> classes;
    qsizetype total = 0;
    for (const QString &name : classNames) {
        if (control.cancelled())
            return LoadResult::wasCancelled(folder);
        const QDir dir(root.filePath(name));
        ClassFiles c { name, {} };
        for (const QString &file : sorted(dir.entryList(QDir::Files, QDir::NoSort)))
            if (isImageFile(file))
                c.files << dir.filePath(file);
        total += c.files.size();
        classes.append(std::move(c));
    }
    if (total == 0)
        return LoadResult::failure({ folder, 0, 0,
            tr("%1: its class subfolders (%2) hold no images (.png, .jpg, .jpeg, .bmp, .tif, "
               ".tiff)")
                .arg(folder, classNames.join(QStringLiteral(", "))) });

    const ImageFeatures extractor(features);
    const int width = extractor.count();
    const QString what = tr("read the images of %1").arg(folder);
    const std::uint64_t needed
        = static_cast<std::uint64_t>(total) * static_cast<std::uint64_t>(width + 2) * 8u;
    if (const auto why = MemoryBudget::shortfall(needed, what))
        return LoadResult::failure({ folder, 0, 0, *why });

    try {
        std::vector<std::vector<double>> values(static_cast<std::size_t>(width));
        for (auto &v : values)
            v.reserve(static_cast<std::size_t>(total));
        std::vector<double> row(static_cast<std::size_t>(width));
        QStringList paths;
        QStringList classCategories;
        std::vector<std::int32_t> classCodes;
        classCodes.reserve(static_cast<std::size_t>(total));
        int unreadable = 0;
        qsizetype done = 0;
        for (const ClassFiles &c : std::as_const(classes)) {
            int readHere = 0;
            for (const QString &path : c.files) {
                if (control.cancelled())
                    return LoadResult::wasCancelled(folder);
                const cv::Mat image = decode(path);
                ++done;
                control.report(double(done) / double(total));
                if (image.empty()) {
                    if (++unreadable <= kMaxNamedWarnings)
                        result.warnings.append({ path, 0, 0, tr("not a readable image, skipped") });
                    continue;
                }
                extractor.compute(image, row.data());
                for (int f = 0; f < width; ++f)
                    values[static_cast<std::size_t>(f)].push_back(row[static_cast<std::size_t>(f)]);
                if (readHere++ == 0)
                    classCategories << c.name;
                classCodes.push_back(static_cast<std::int32_t>(classCategories.size() - 1));
                paths << path;
            }
            if (readHere == 0)
                result.warnings.append({ root.filePath(c.name), 0, 0,
                    c.files.isEmpty() ? tr("class folder without images, skipped")
                                      : tr("class folder without a readable image, skipped") });
        }
        if (unreadable > kMaxNamedWarnings)
            result.warnings.append({ folder, 0, 0,
                tr("%1 more unreadable images skipped").arg(unreadable - kMaxNamedWarnings) });
        if (paths.isEmpty())
            return LoadResult::failure({ folder, 0, 0,
                tr("%1: none of its %2 images could be read").arg(folder).arg(total) });

        Dataset data;
        data.reserveColumns(width + 2);
        std::vector<std::int32_t> pathCodes(static_cast<std::size_t>(paths.size()));
        for (std::size_t i = 0; i < pathCodes.size(); ++i)
            pathCodes[i] = static_cast<std::int32_t>(i);
        Column path = Column::categorical(QStringLiteral("path"), std::move(pathCodes), paths);
        path.setRole(ColumnRole::Ignore);
        data.addColumn(std::move(path));
        Column target
            = Column::categorical(QStringLiteral("class"), std::move(classCodes), classCategories);
        target.setRole(ColumnRole::Target);
        data.addColumn(std::move(target));
        for (int f = 0; f < width; ++f)
            data.addColumn(Column::numeric(
                extractor.names()[f], std::move(values[static_cast<std::size_t>(f)])));
        data.setName(info.fileName());
        data.setSource(info.absoluteFilePath());
        result.dataset = std::move(data);
    } catch (const std::bad_alloc &) {
        return LoadResult::failure({ folder, 0, 0, MemoryBudget::outOfMemory(what, needed) });
    } catch (const std::length_error &) {
        return LoadResult::failure({ folder, 0, 0, MemoryBudget::outOfMemory(what, needed) });
    }
    return result;
}

} // namespace sextant::engine
