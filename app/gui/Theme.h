#pragma once

#include <QString>

class QPalette;

namespace sextant::app {

// The studio's colours: "system" keeps the platform's style and palette, "light" and "dark"
// use the Fusion style with a light or dark palette. The plots take their background, axes
// and text from the palette (plots::PlotView) and their series colours from plots::Palette,
// which read on both.
class Theme {
public:
    // Applies `theme` to the application (from the start, or when Preferences change).
    static void apply(const QString &theme);
    static QPalette darkPalette();
    static bool isDark(const QPalette &palette);
};

} // namespace sextant::app
