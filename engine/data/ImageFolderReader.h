#pragma once

#include "data/ImageFeatures.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Reads a folder of images sorted into one subfolder per class, FOLDER/<class>/<image>,
// as a table: one row per image.
//   path   categorical, meta (ColumnRole::Ignore): the image file's absolute path
//   class  categorical, the target: the name of the image's subfolder
//   then the features of ImageFeatures (numeric), e.g. p_0_0 ... p_15_15
// Images are the files of a class folder whose suffix is .png, .jpg, .jpeg, .bmp, .tif or
// .tiff, in any case; other files, hidden files, files directly in FOLDER and deeper
// folders are not read. Class folders and files are taken in code-point order of their
// names, so the rows are the same on every machine. Each image is decoded by OpenCV
// (cv::imdecode, IMREAD_COLOR: grey or colour, 8 or 16 bits, any size); one that cannot be
// decoded is skipped with a warning naming the file (the first 50 by name, then a count).
// A class folder without a readable image is skipped with a warning.
//
// Images are decoded and described on one worker thread per core; the table is the same
// for any number of threads.
//
// Refused (an error naming the folder): a path that is not a folder, a folder without
// class subfolders, and one whose class folders hold no readable image. Polls the cancel
// flag before each image; reports progress (from the calling thread only, so the sink
// need not be thread-safe) as images are done.
class ImageFolderReader {
public:
    // The suffixes read as images (lower case, without the dot).
    static const QStringList &imageSuffixes();
    static bool isImageFile(const QString &path);
    // The image at `path` decoded as 8-bit BGR (colour; a grey image is expanded), or an
    // empty matrix when it cannot be read or decoded. Thread-safe.
    static cv::Mat decode(const QString &path);
    // The warnings past this many unreadable images are folded into one count.
    static constexpr int kMaxNamedWarnings = 50;

    static LoadResult read(const QString &folder, const ImageFeatures::Options &features,
        const LoadControl &control = {});
};

} // namespace sextant::engine
