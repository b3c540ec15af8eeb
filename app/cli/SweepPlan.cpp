#include "cli/SweepPlan.h"

#include "cli/RunCommand.h"
#include "graph/GraphModel.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <random>

namespace sextant::cli {

namespace {

// Splits on ',' except where escaped as "\,"; each value trimmed.
QStringList splitValues(const QString &text)
{
    QStringList values;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\\') && i + 1 < text.size() && text[i + 1] == QLatin1Char(',')) {
            current += QLatin1Char(',');
            ++i;
        } else if (c == QLatin1Char(',')) {
            values.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    values.append(current.trimmed());
    return values;
}

bool isInteger(const QString &text)
{
    bool ok = false;
    text.toLongLong(&ok);
    return ok;
}

} // namespace

bool SweepPlan::addAxis(const QString &text, QString *why)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const QString target = eq > 0 ? text.left(eq).trimmed() : QString();
    const qsizetype dot = target.lastIndexOf(QLatin1Char('.'));
    if (eq <= 0 || dot <= 0 || dot == target.size() - 1) {
        *why = QStringLiteral("'%1': expected NODE.PARAM=VALUE,VALUE,... (e.g. 5.C=0.1,1,10)")
                   .arg(text);
        return false;
    }
    Axis axis;
    axis.target = target;
    const QString rhs = text.mid(eq + 1).trimmed();
    const qsizetype dots = rhs.indexOf(QStringLiteral(".."));
    if (dots > 0 && !rhs.contains(QLatin1Char(','))) {
        const QString lo = rhs.left(dots).trimmed();
        const QString hi = rhs.mid(dots + 2).trimmed();
        bool okLo = false, okHi = false;
        axis.low = lo.toDouble(&okLo);
        axis.high = hi.toDouble(&okHi);
        if (!okLo || !okHi || !std::isfinite(axis.low) || !std::isfinite(axis.high)
            || axis.low > axis.high) {
            *why = QStringLiteral("'%1': a range is LO..HI with numbers LO <= HI").arg(text);
            return false;
        }
        axis.range = true;
        axis.integerRange = isInteger(lo) && isInteger(hi);
        axis.values = { lo, hi };
    } else {
        axis.values = splitValues(rhs);
        for (const QString &v : std::as_const(axis.values))
            if (v.isEmpty()) {
                *why = QStringLiteral("'%1': an empty value (two commas, or one at an end)")
                           .arg(text);
                return false;
            }
        QSet<QString> seen;
        for (const QString &v : std::as_const(axis.values)) {
            if (seen.contains(v)) {
                *why = QStringLiteral("'%1': the value '%2' is listed twice").arg(text, v);
                return false;
            }
            seen.insert(v);
        }
    }
    for (const Axis &other : std::as_const(m_axes))
        if (other.target == axis.target) {
            *why = QStringLiteral("'%1' has two --grid options").arg(axis.target);
            return false;
        }
    m_axes.append(axis);
    return true;
}

void SweepPlan::setRandom(int count, std::uint64_t seed)
{
    m_randomCount = count;
    m_seed = seed;
}

double SweepPlan::combinations() const
{
    double n = 1;
    for (const Axis &a : m_axes)
        n *= a.range ? INFINITY : double(a.values.size());
    return n;
}

QList<SweepPlan::Point> SweepPlan::points() const
{
    QList<Point> points;
    if (!isRandom()) {
        const auto total = static_cast<qint64>(combinations());
        for (qint64 c = 0; c < total; ++c) {
            Point p;
            p.index = static_cast<int>(c);
            // The last axis varies fastest.
            qint64 rest = c;
            p.values.resize(m_axes.size());
            for (qsizetype a = m_axes.size() - 1; a >= 0; --a) {
                const qsizetype n = m_axes[a].values.size();
                p.values[a] = m_axes[a].values[rest % n];
                rest /= n;
            }
            points.append(p);
        }
        return points;
    }
    std::mt19937_64 rng(m_seed);
    const double total = combinations();
    if (std::isfinite(total) && m_randomCount <= total) {
        // Distinct combinations, numbered as the grid numbers them.
        std::vector<qint64> chosen;
        std::uniform_real_distribution<double> u(0.0, 1.0);
        while (static_cast<int>(chosen.size()) < m_randomCount) {
            const auto c = std::min(static_cast<qint64>(u(rng) * total), qint64(total) - 1);
            if (std::find(chosen.begin(), chosen.end(), c) == chosen.end())
                chosen.push_back(c);
        }
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            Point p;
            p.index = static_cast<int>(i);
            p.values.resize(m_axes.size());
            qint64 rest = chosen[i];
            for (qsizetype a = m_axes.size() - 1; a >= 0; --a) {
                const qsizetype n = m_axes[a].values.size();
                p.values[a] = m_axes[a].values[rest % n];
                rest /= n;
            }
            points.append(p);
        }
        return points;
    }
    for (int i = 0; i < m_randomCount; ++i) {
        Point p;
        p.index = i;
        for (const Axis &a : m_axes) {
            if (!a.range) {
                std::uniform_int_distribution<qsizetype> pick(0, a.values.size() - 1);
                p.values.append(a.values[pick(rng)]);
            } else if (a.integerRange) {
                std::uniform_int_distribution<qint64> pick(
                    static_cast<qint64>(a.low), static_cast<qint64>(a.high));
                p.values.append(QString::number(pick(rng)));
            } else {
                std::uniform_real_distribution<double> pick(a.low, a.high);
                p.values.append(QString::number(pick(rng), 'g', 6));
            }
        }
        points.append(p);
    }
    return points;
}

QStringList SweepPlan::assignments(const Point &point) const
{
    QStringList sets;
    for (qsizetype a = 0; a < m_axes.size() && a < point.values.size(); ++a)
        sets.append(m_axes[a].target + QLatin1Char('=') + point.values[a]);
    return sets;
}

bool SweepPlan::validate(engine::GraphModel &model, QString *why) const
{
    for (const Axis &a : m_axes) {
        if (a.range && !isRandom()) {
            *why
                = QStringLiteral("--grid %1=%2..%3: a range can only be drawn from; add --random N")
                      .arg(a.target, a.values[0], a.values[1]);
            return false;
        }
        for (const QString &v : a.values) {
            QString reason;
            if (!RunCommand::applySet(model, a.target + QLatin1Char('=') + v, &reason)) {
                *why = QStringLiteral("--grid %1=%2: %3").arg(a.target, v, reason);
                return false;
            }
        }
    }
    return true;
}

} // namespace sextant::cli
