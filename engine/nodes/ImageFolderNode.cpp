#include "nodes/ImageFolderNode.h"

#include "data/ImageFolderReader.h"
#include "graph/FolderParameter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace sextant::engine {

namespace {

// The folder, and its and its class folders' modification times: what changes when an
// image is added, removed or renamed.
QByteArray folderFingerprint(const QVariantMap &params, const QString &baseDirectory)
{
    const QString path
        = NodeContext::resolvePath(params.value(QStringLiteral("path")).toString(), baseDirectory);
    const QFileInfo info(path);
    QByteArray out = path.toUtf8();
    if (!info.isDir())
        return out + "|missing";
    out += '|' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    const QDir root(path);
    const QFileInfoList classes = root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &c : classes)
        out += '|' + c.fileName().toUtf8() + ':'
            + QByteArray::number(c.lastModified().toMSecsSinceEpoch());
    return out;
}

} // namespace

NodeType ImageFolderNode::type()
{
    NodeType t;
    t.id = typeId();
    t.category = QStringLiteral("Data");
    t.displayName = QStringLiteral("Image Folder");
    t.description = QStringLiteral(
        "Reads a folder with one subfolder of images per class (PNG, JPEG, BMP, TIFF): one "
        "row per image, its path, its class as the target, and features made from its "
        "pixels, colour histogram or HOG descriptor.");
    t.outputs = { PortSpec { QStringLiteral("data"), PortType::Table, QStringLiteral("Data"),
        QStringLiteral("One row per image: path (meta), class (target) and the features."),
        false } };
    t.parameters = {
        FolderParameter::make(QStringLiteral("path"), QStringLiteral("Folder"),
            QStringLiteral("The folder of class subfolders (FOLDER/cat/1.png, "
                           "FOLDER/dog/1.png...). A relative path is taken from the folder of "
                           "the workflow file.")),
        ParameterSpec::enumeration(QStringLiteral("features"), QStringLiteral("Features"),
            { QStringLiteral("pixels"), QStringLiteral("histogram"), QStringLiteral("hog") },
            QStringLiteral("pixels"),
            QStringLiteral("pixels: the image resized to width x height, each value in [0, 1]; "
                           "histogram: the fraction of the image's pixels in each of 'bins' "
                           "intensity bins per channel; hog: the histogram of oriented "
                           "gradients of the grey image resized to width x height.")),
        ParameterSpec::integer(QStringLiteral("width"), QStringLiteral("Width"), 16, 1, 512,
            QStringLiteral("The width, in pixels, images are resized to for pixels and HOG (a "
                           "multiple of the HOG cell size).")),
        ParameterSpec::integer(QStringLiteral("height"), QStringLiteral("Height"), 16, 1, 512,
            QStringLiteral("The height, in pixels, images are resized to for pixels and HOG "
                           "(a multiple of the HOG cell size).")),
        ParameterSpec::enumeration(QStringLiteral("channels"), QStringLiteral("Channels"),
            { QStringLiteral("auto"), QStringLiteral("grey"), QStringLiteral("colour") },
            QStringLiteral("auto"),
            QStringLiteral("grey: one intensity per pixel; colour: red, green and blue; auto: "
                           "grey pixels and a colour histogram. HOG is always computed on "
                           "grey.")),
        ParameterSpec::integer(QStringLiteral("bins"), QStringLiteral("Histogram bins"), 8, 1, 256,
            QStringLiteral("Histogram: the number of equal bins over 0..255 per channel.")),
        ParameterSpec::integer(QStringLiteral("cell"), QStringLiteral("HOG cell size"), 4, 1, 256,
            QStringLiteral("HOG: the side of a cell in pixels; blocks are 2 x 2 cells, moved "
                           "by one cell.")),
        ParameterSpec::integer(QStringLiteral("orientations"), QStringLiteral("HOG orientations"),
            9, 1, 180,
            QStringLiteral("HOG: the number of gradient orientation bins over 0..180 "
                           "degrees.")),
    };
    t.setCompute(&ImageFolderNode::compute);
    t.fingerprint = &folderFingerprint;
    return t;
}

ImageFeatures::Options ImageFolderNode::featureOptions(const QVariantMap &parameters)
{
    ImageFeatures::Options o;
    const QString kind = parameters.value(QStringLiteral("features")).toString();
    if (kind == QLatin1String("histogram"))
        o.kind = ImageFeatures::Kind::Histogram;
    else if (kind == QLatin1String("hog"))
        o.kind = ImageFeatures::Kind::Hog;
    const auto integer = [&parameters](const char *name, int fallback) {
        const QVariant v = parameters.value(QLatin1String(name));
        return v.isValid() ? static_cast<int>(v.toLongLong()) : fallback;
    };
    o.width = integer("width", o.width);
    o.height = integer("height", o.height);
    const QString channels = parameters.value(QStringLiteral("channels")).toString();
    o.colour = channels == QLatin1String("colour")
        || (channels != QLatin1String("grey") && o.kind == ImageFeatures::Kind::Histogram);
    o.bins = integer("bins", o.bins);
    o.cell = integer("cell", o.cell);
    o.orientations = integer("orientations", o.orientations);
    return o;
}

void ImageFolderNode::compute(NodeContext &ctx)
{
    const QString raw = ctx.stringParameter(QStringLiteral("path"));
    if (raw.trimmed().isEmpty())
        throw NodeError(QCoreApplication::translate("NodeError", "no folder chosen"));
    const QString path = ctx.resolvePath(raw);

    LoadControl control;
    control.progress = [&ctx](double fraction) { ctx.progress(fraction); };
    control.cancel = ctx.cancelFlag();
    LoadResult loaded = ImageFolderReader::read(path, featureOptions(ctx.parameters()), control);
    if (ctx.cancelled())
        return; // the executor reports the node as cancelled
    if (loaded.cancelled)
        throw NodeError(
            QCoreApplication::translate("NodeError", "%1: loading was cancelled").arg(path));
    if (!loaded.ok())
        throw NodeError(loaded.error ? loaded.error->toString()
                                     : QStringLiteral("%1: could not be read").arg(path));
    for (const LoadIssue &w : loaded.warnings)
        ctx.addWarning(w.toString());
    ctx.setOutput(0, makeValue(std::move(*loaded.dataset)));
}

} // namespace sextant::engine
