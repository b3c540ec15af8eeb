#include "data/ImageFolderReader.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"
#include "data/MemoryBudget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <atomic>
#include <new>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <thread>

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
        // Every image, in table order (pointers into the list, which is not shared).
        const QList<ClassFiles> &classList = classes;
        std::vector<const QString *> files;
        files.reserve(static_cast<std::size_t>(total));
        for (const ClassFiles &c : classList)
            for (const QString &file : c.files)
                files.push_back(&file);
        const auto n = static_cast<std::int64_t>(files.size());

        // Decoded and described on worker threads, each image into its own row of every
        // column (no two threads write one element); the rows of unreadable images are
        // dropped afterwards, so the table is the same for any number of threads.
        std::vector<std::vector<double>> values(
            static_cast<std::size_t>(width), std::vector<double>(static_cast<std::size_t>(n)));
        std::vector<std::uint8_t> readable(static_cast<std::size_t>(n), 0);
        std::atomic<std::int64_t> done { 0 };
        std::atomic<bool> stopped { false };
        const int threads = std::clamp(defaultThreadCount(), 1, 64);
        parallelChunks(0, n, threads, 16, [&](int chunk, std::int64_t begin, std::int64_t end) {
            std::vector<double> row(static_cast<std::size_t>(width));
            for (std::int64_t i = begin; i < end; ++i) {
                if (stopped.load(std::memory_order_relaxed) || control.cancelled()) {
                    stopped = true;
                    return;
                }
                const auto at = static_cast<std::size_t>(i);
                const cv::Mat image = decode(*files[at]);
                if (!image.empty()) {
                    try {
                        extractor.compute(image, row.data());
                        for (std::size_t f = 0; f < row.size(); ++f)
                            values[f][at] = row[f];
                        readable[at] = 1;
                    } catch (const cv::Exception &) {
                        // left unreadable
                    }
                }
                const std::int64_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
                // From the calling thread only: the progress sink need not be thread-safe.
                if (chunk == 0)
                    control.report(double(finished) / double(n));
            }
        });
        if (stopped || control.cancelled())
            return LoadResult::wasCancelled(folder);
        control.report(1.0);

        QStringList paths;
        QStringList classCategories;
        std::vector<std::int32_t> classCodes;
        classCodes.reserve(static_cast<std::size_t>(n));
        int unreadable = 0;
        std::size_t i = 0;
        for (int c = 0; c < classList.size(); ++c) {
            int readHere = 0;
            for (const QString &path : classList[c].files) {
                if (!readable[i++]) {
                    if (++unreadable <= kMaxNamedWarnings)
                        result.warnings.append({ path, 0, 0, tr("not a readable image, skipped") });
                    continue;
                }
                if (readHere++ == 0)
                    classCategories << classList[c].name;
                classCodes.push_back(static_cast<std::int32_t>(classCategories.size() - 1));
                paths << path;
            }
            if (readHere == 0)
                result.warnings.append({ root.filePath(classList[c].name), 0, 0,
                    classList[c].files.isEmpty()
                        ? tr("class folder without images, skipped")
                        : tr("class folder without a readable image, skipped") });
        }
        if (unreadable > kMaxNamedWarnings)
            result.warnings.append({ folder, 0, 0,
                tr("%1 more unreadable images skipped").arg(unreadable - kMaxNamedWarnings) });
        if (paths.isEmpty())
            return LoadResult::failure({ folder, 0, 0,
                tr("%1: none of its %2 images could be read").arg(folder).arg(total) });
        if (unreadable > 0)
            for (std::vector<double> &column : values) {
                std::size_t kept = 0;
                for (std::size_t r = 0; r < column.size(); ++r)
                    if (readable[r])
                        column[kept++] = column[r];
                column.resize(kept);
            }

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

cv::Mat ImageFolderReader::decode(const QString &path)
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

} // namespace sextant::engine
