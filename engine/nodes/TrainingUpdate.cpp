#include "nodes/TrainingUpdate.h"

#include "graph/NodeTypeText.h"

#include <QCoreApplication>

namespace sextant::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TrainingUpdate", text);
}

// A unit of training progress, singular ("epoch 12") and plural ("all 200 epochs").
QString unitText(const QString &unit, bool plural)
{
    struct Unit {
        const char *id;
        const char *singular;
        const char *plural;
    };
    static const Unit units[] = {
        { "epoch", QT_TRANSLATE_NOOP("TrainingUnit", "epoch"),
            QT_TRANSLATE_NOOP("TrainingUnit", "epochs") },
        { "iteration", QT_TRANSLATE_NOOP("TrainingUnit", "iteration"),
            QT_TRANSLATE_NOOP("TrainingUnit", "iterations") },
        { "tree", QT_TRANSLATE_NOOP("TrainingUnit", "tree"),
            QT_TRANSLATE_NOOP("TrainingUnit", "trees") },
        { "fold", QT_TRANSLATE_NOOP("TrainingUnit", "fold"),
            QT_TRANSLATE_NOOP("TrainingUnit", "folds") },
        { "trial", QT_TRANSLATE_NOOP("TrainingUnit", "trial"),
            QT_TRANSLATE_NOOP("TrainingUnit", "trials") },
        { "merge", QT_TRANSLATE_NOOP("TrainingUnit", "merge"),
            QT_TRANSLATE_NOOP("TrainingUnit", "merges") },
        { "step", QT_TRANSLATE_NOOP("TrainingUnit", "step"),
            QT_TRANSLATE_NOOP("TrainingUnit", "steps") },
    };
    for (const Unit &u : units)
        if (unit == QLatin1String(u.id))
            return QCoreApplication::translate("TrainingUnit", plural ? u.plural : u.singular);
    return plural ? unit + QLatin1Char('s') : unit;
}

} // namespace

QString TrainingUpdate::unitName(const std::string &unit, bool plural)
{
    return unitText(QString::fromStdString(unit.empty() ? std::string("epoch") : unit), plural);
}

QString TrainingUpdate::learnerName(const QString &learnerDisplayName)
{
    const QByteArray source = learnerDisplayName.toUtf8();
    return QCoreApplication::translate(NodeTypeText::kTypeContext, source.constData());
}

QString TrainingUpdate::crossValidationName(const QString &learnerDisplayName)
{
    return tr("Cross-Validation: %1").arg(learnerName(learnerDisplayName));
}

QString TrainingUpdate::tuneName(const QString &learnerDisplayName)
{
    return tr("Tune: %1").arg(learnerName(learnerDisplayName));
}

QString TrainingUpdate::describe(FitEnd end, int steps, int totalSteps, const std::string &unit)
{
    const QString u = QString::fromStdString(unit.empty() ? std::string("epoch") : unit);
    const QString one = unitText(u, false);
    const QString of = totalSteps > 0 ? tr(" of %1").arg(totalSteps) : QString();
    switch (end) {
    case FitEnd::Completed:
        if (u == QStringLiteral("iteration"))
            return tr("reached the iteration limit (%1)").arg(steps);
        return steps == 1 ? tr("1 %1").arg(one) : tr("all %1 %2").arg(steps).arg(unitText(u, true));
    case FitEnd::Converged:
        return tr("converged (tolerance reached) after %1 %2").arg(one).arg(steps);
    case FitEnd::EarlyStopping:
        return tr("early stopping after %1 %2 (no improvement on the validation rows)")
            .arg(one)
            .arg(steps);
    case FitEnd::Stopped:
        return tr("Stop pressed after %1 %2%3").arg(one).arg(steps).arg(of);
    case FitEnd::Cancelled:
        return tr("cancelled after %1 %2%3").arg(one).arg(steps).arg(of);
    }
    return {};
}

} // namespace sextant::engine
