#include "gui/ModelReportSection.h"

#include "gui/ReportDocument.h"
#include "ml/Estimator.h"
#include "ml/TrainedModel.h"
#include "nodes/LearnerRegistry.h"

#include <QJsonDocument>

namespace sextant::app {

namespace {

using namespace sextant::engine;

QString taskName(EstimatorTask t)
{
    switch (t) {
    case EstimatorTask::Classification:
        return QStringLiteral("classification");
    case EstimatorTask::Regression:
        return QStringLiteral("regression");
    case EstimatorTask::Clustering:
        return QStringLiteral("clustering");
    }
    return {};
}

} // namespace

QString ModelReportSection::learnerName(const TrainedModel &m)
{
    if (!m.estimator)
        return {};
    const Learner *learner = LearnerRegistry::of(*m.estimator);
    return learner ? learner->displayName : QString::fromStdString(m.estimator->kind());
}

void ModelReportSection::describe(
    ReportDocument &r, const TrainedModel &m, const QList<QStringList> &leadingRows, int level)
{
    QList<QStringList> rows = leadingRows;
    rows << QStringList { QStringLiteral("Learner"), learnerName(m) };
    if (m.estimator)
        rows << QStringList { QStringLiteral("Task"), taskName(m.estimator->task()) };
    if (!m.target.name().isEmpty())
        rows << QStringList { QStringLiteral("Target"), m.target.name() };
    if (m.estimator && m.estimator->task() == EstimatorTask::Classification)
        rows << QStringList { QStringLiteral("Classes"),
            m.target.classNames().join(QStringLiteral(", ")) };
    rows << QStringList { QStringLiteral("Features"),
        m.features.outputNames().join(QStringLiteral(", ")) };
    QStringList steps;
    for (const auto &s : m.preprocessing)
        steps << QString::fromStdString(s->kind());
    rows << QStringList { QStringLiteral("Preprocessing"),
        steps.isEmpty() ? QStringLiteral("none") : steps.join(QStringLiteral(" \u2192 ")) };
    rows << QStringList { QStringLiteral("Training rows"), QString::number(m.trainingRows) };
    rows << QStringList { QStringLiteral("Training columns"), QString::number(m.trainingColumns) };
    if (!m.trainingHash.isEmpty())
        rows << QStringList { QStringLiteral("Training table fingerprint"), m.trainingHash };
    if (m.created.isValid())
        rows << QStringList { QStringLiteral("Trained"), m.created.toUTC().toString(Qt::ISODate) };
    rows << QStringList { QStringLiteral("Fit time (s)"), ReportDocument::number(m.fitSeconds) };
    r.table({}, rows);
    if (!m.learnerParameters.isEmpty()) {
        r.heading(QStringLiteral("Parameters"), level + 1);
        QList<QStringList> params;
        for (auto it = m.learnerParameters.cbegin(); it != m.learnerParameters.cend(); ++it)
            params << QStringList { it.key(), ReportDocument::valueText(it.value()) };
        r.table({ QStringLiteral("Parameter"), QStringLiteral("Value") }, params);
    }
}

void ModelReportSection::storedMetrics(ReportDocument &r, const TrainedModel &m, int level)
{
    if (m.metrics.isEmpty())
        return;
    r.heading(QStringLiteral("Metrics recorded with the model"), level);
    QList<QStringList> rows;
    for (auto it = m.metrics.constBegin(); it != m.metrics.constEnd(); ++it)
        rows << QStringList { it.key(),
            it.value().isDouble()
                ? ReportDocument::number(it.value().toDouble())
                : QString::fromUtf8(QJsonDocument::fromVariant(it.value().toVariant())
                                        .toJson(QJsonDocument::Compact)) };
    r.table({ QStringLiteral("Metric"), QStringLiteral("Value") }, rows);
}

} // namespace sextant::app
