#pragma once

class QCPAxis;

namespace sextant::plots {

// Plain number ticks whose count follows the axis' length each time the ticks are laid
// out: QCustomPlot's default asks for 5 at any size, so the labels of a narrow dock's
// axis ran into each other ("4.5 5 5.5 6 6.5 7 7.5" in 115 pixels) and a wide plot had
// three ticks in 800 pixels. About one tick per 90 pixels across and 60 pixels up,
// between 3 and 8 (QCustomPlot then rounds the step to 1, 2, 2.5 or 5 times a power of
// ten, so the count shown varies around that).
class NumberAxis {
public:
    // Gives `axis` such ticks (replacing its ticker).
    static void apply(QCPAxis *axis);
    // The length in pixels `axis` is about to have (also while ticks are made for a plot
    // being resized, before its layout).
    static int lengthOf(const QCPAxis *axis);
    // The tick count asked for on an axis `length` pixels long.
    static int tickCountFor(int length, bool horizontal);
};

} // namespace sextant::plots
