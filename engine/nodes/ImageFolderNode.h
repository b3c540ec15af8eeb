#pragma once

#include "data/ImageFeatures.h"
#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.image_folder": reads a folder with one subfolder of images per class as a table
// (ImageFolderReader): a `path` meta column, the `class` target and the features of each
// image (ImageFeatures).
//   output  data (Table)
//   params  path (the folder; relative to the workflow's folder), features
//           (pixels|histogram|hog), width and height (the size images are resized to for
//           pixels and HOG; 16 x 16), channels (auto|grey|colour: pixels and histogram;
//           auto = grey pixels, a colour histogram), bins
//           (histogram bins per channel), cell and orientations (HOG).
// A source node of its own rather than a mode of the File node: its parameters (a folder,
// a feature kind and its sizes) share nothing with File's (a file, CSV options, sheets,
// SQL), and a folder is told from a file where it is opened. The features are made here
// rather than by a separate node after it because a table holds no images: a later node
// would decode every file a second time from the path column, and the first decode is
// most of the cost.
// Reports progress per image and stops when cancelled. Its cache key includes the
// modification times of the folder and of its class folders (a stat each, no listing
// of the images), so adding or removing an image reads the folder again on the next run.
class ImageFolderNode {
public:
    static QString typeId() { return QStringLiteral("data.image_folder"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The feature options the parameters describe.
    static ImageFeatures::Options featureOptions(const QVariantMap &parameters);
};

} // namespace sextant::engine
