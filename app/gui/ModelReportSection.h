#pragma once

#include <QList>
#include <QStringList>

namespace sextant::engine {
class TrainedModel;
}

namespace sextant::app {

class ReportDocument;

// How a trained model reads in a report, the same in `sextant report MODEL` and in the
// report of a workflow run: a table of what it is (learner, task, target and classes,
// features, preprocessing, training rows and columns, fingerprint, when trained, fit time)
// followed by its learner's parameters, and the metrics stored with it.
class ModelReportSection {
public:
    // The model's table, `leadingRows` first (the file, the workflow node), then its
    // parameters under a heading of `level` + 1.
    static void describe(ReportDocument &doc, const engine::TrainedModel &model,
        const QList<QStringList> &leadingRows, int level = 2);
    // The metrics the model file keeps (cross-validation / test figures), under a heading
    // of `level`; nothing when it keeps none.
    static void storedMetrics(
        ReportDocument &doc, const engine::TrainedModel &model, int level = 2);
    // The learner's name as the palette shows it ("Random Forest").
    static QString learnerName(const engine::TrainedModel &model);
};

} // namespace sextant::app
