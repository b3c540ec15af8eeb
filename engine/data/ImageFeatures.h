#pragma once

#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace sextant::engine {

// The numeric features of one image, for the image-folder reader (ImageFolderReader). The
// image is 8-bit BGR (cv::imdecode with IMREAD_COLOR: a grey file has three equal
// channels), of any size; the features are one row of the table:
//   Pixels     the image resized to width x height (cv::resize, INTER_AREA), grey
//              (cv::cvtColor BGR2GRAY) or colour, each value / 255 in [0, 1], row by row
//              (rows are image rows, top first); colour pixels give red, green, blue in
//              turn. Names p_ROW_COL, or r_/g_/b_ROW_COL.
//   Histogram  of the whole image (not resized): `bins` equal bins over 0..255 per
//              channel (grey: one channel; colour: red, green, blue), each the fraction
//              of the image's pixels in it, so a channel's bins sum to 1. Names
//              hist_BIN, or hist_r_BIN...
//   Hog        cv::HOGDescriptor on the grey image resized to width x height: cells of
//              `cell` x `cell` pixels, blocks of 2 x 2 cells moved by one cell,
//              `orientations` unsigned orientation bins, L2-Hys block normalisation
//              (OpenCV's defaults). width and height must be multiples of the cell, at
//              least two cells. (width/cell - 1) x (height/cell - 1) x 4 x orientations
//              values, named hog_INDEX in cv::HOGDescriptor::compute's order.
class ImageFeatures {
public:
    enum class Kind { Pixels, Histogram, Hog };

    struct Options {
        Kind kind = Kind::Pixels;
        int width = 16;
        int height = 16;
        bool colour = false; // Pixels and Histogram; Hog is always grey
        int bins = 8; // Histogram: bins per channel
        int cell = 4; // Hog: cell side in pixels
        int orientations = 9; // Hog: orientation bins
    };

    explicit ImageFeatures(const Options &options);

    // Empty when the options can describe features; else why not ("the width 18 is not a
    // multiple of the HOG cell size 4").
    static QString check(const Options &options);

    const Options &options() const { return m_options; }
    // The number of features per image, and their column names.
    int count() const { return static_cast<int>(m_names.size()); }
    const QStringList &names() const { return m_names; }

    // The features of `bgr` (8-bit, 3 channels, non-empty) into `out` (count() values).
    void compute(const cv::Mat &bgr, double *out) const;

private:
    Options m_options;
    QStringList m_names;
};

} // namespace sextant::engine
