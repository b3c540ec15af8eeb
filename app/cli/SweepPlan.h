#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace sextant::engine {
class GraphModel;
}

namespace sextant::cli {

// The points of a parameter sweep: a grid of `NODE.PARAM=a,b,c` axes, expanded into every
// combination (the first axis varying slowest), or N points drawn at random from it.
//
// Axis syntax (one --grid each): NODE.PARAM=V1,V2,... — NODE and PARAM as `sextant run
// --set` takes them; a value holding a comma writes it "\," ("13.hidden_layers=32\,16,64").
// In random mode an axis may also be a range LO..HI: integers drawn uniformly from
// [LO, HI] when both bounds are integers, reals from [LO, HI) otherwise.
//
// Random draws (mt19937_64 seeded with `seed`): with list axes only and N at most the
// number of combinations, N distinct combinations; otherwise each axis drawn on its own.
class SweepPlan {
public:
    struct Axis {
        QString target; // "NODE.PARAM" as written
        QStringList values; // list axis
        bool range = false; // random-only LO..HI axis
        double low = 0, high = 0;
        bool integerRange = false;
    };
    // One point: each axis' value, in axis order.
    struct Point {
        int index = 0; // 0-based
        QStringList values;
    };

    // Parses one --grid text. False, with `why`, on bad syntax.
    bool addAxis(const QString &text, QString *why);
    void setRandom(int count, std::uint64_t seed);
    const QList<Axis> &axes() const { return m_axes; }
    bool isRandom() const { return m_randomCount > 0; }

    // Grid combinations (1 for no axis); a double so that a huge grid is reported, not
    // wrapped.
    double combinations() const;
    // Every point (grid) or the drawn ones (random). Call after validate().
    QList<Point> points() const;
    // The point's --set assignments ("5.C=0.1"), in axis order.
    QStringList assignments(const Point &point) const;

    // Checks every axis against the workflow: node and parameter exist (RunCommand::applySet
    // on `model`), every listed value is accepted by the parameter's schema, a range axis
    // names a numeric parameter, no parameter appears twice. False with the first problem.
    bool validate(engine::GraphModel &model, QString *why) const;

private:
    QList<Axis> m_axes;
    int m_randomCount = 0;
    std::uint64_t m_seed = 0;
};

} // namespace sextant::cli
