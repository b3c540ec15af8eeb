// Raw tables in: every learner trains on a table with categorical columns and missing
// cells, with no preprocessing node, and predicts new raw rows. Its default preparation
// ("prepare" = auto: DefaultPreparation) is part of the model, so the model file gives
// the same predictions; "none" refuses missing cells with a message; a step already in
// the pipeline is not repeated.
#include "data/Dataset.h"
#include "graph/NodeRegistry.h"
#include "io/ModelFile.h"
#include "ml/Metrics.h"
#include "ml/StandardizeTransform.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

using namespace sextant::engine;

namespace {

// n rows: two informative numeric columns (one with 15% missing cells), a categorical
// column tied to the class (10% missing), a noise categorical column, and the target:
// "cls" (3 classes) for classification, "value" for regression.
Dataset rawTable(int n, unsigned seed, bool regression)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> x1(n), x2(n), value(n);
    std::vector<std::uint8_t> x2Missing(n, 0);
    std::vector<std::int32_t> colour(n), shop(n), cls(n);
    for (int i = 0; i < n; ++i) {
        const int k = i % 3;
        cls[i] = k;
        // Numeric features on very different scales (a scale-sensitive learner needs the
        // standardization to use both).
        x1[i] = 1000.0 * (k + 0.6 * noise(rng));
        x2[i] = 0.01 * ((k == 2 ? 1.5 : 0.0) + 0.5 * noise(rng));
        if (unit(rng) < 0.15) {
            x2Missing[i] = 1;
            x2[i] = std::nan("");
        }
        colour[i] = unit(rng) < 0.1 ? -1 : (unit(rng) < 0.8 ? k : int(unit(rng) * 3));
        shop[i] = int(unit(rng) * 4);
        value[i] = x1[i] / 1000.0 + 2.0 * (colour[i] == 1) + 0.2 * noise(rng);
    }
    Dataset d;
    d.addColumn(Column::numeric(QStringLiteral("x1"), x1));
    d.addColumn(Column::numeric(QStringLiteral("x2"), x2, x2Missing));
    d.addColumn(Column::categorical(QStringLiteral("colour"), colour,
        { QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue") }));
    d.addColumn(Column::categorical(QStringLiteral("shop"), shop,
        { QStringLiteral("north"), QStringLiteral("south"), QStringLiteral("east"),
            QStringLiteral("west") }));
    if (regression)
        d.addColumn(Column::numeric(QStringLiteral("value"), value));
    else
        d.addColumn(Column::categorical(QStringLiteral("cls"), cls,
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    d.setRole(d.columnCount() - 1, ColumnRole::Target);
    return d;
}

QVariantMap defaults(const Learner &learner)
{
    QVariantMap params;
    for (const ParameterSpec &p : BuiltinNodes::registry().find(learner.nodeId())->parameters)
        params.insert(p.name, p.defaultValue);
    return params;
}

QStringList stepKinds(const TrainedModel &m)
{
    QStringList out;
    for (const auto &s : m.preprocessing)
        out << QString::fromStdString(s->kind());
    return out;
}

} // namespace

class TestRawTables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyLearnerTrainsOnARawTable_data()
    {
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<bool>("regression");
        for (const Learner &l : LearnerRegistry::all()) {
            if (l.clustering())
                continue;
            const bool canClassify = l.taskChoice || l.task == EstimatorTask::Classification;
            const bool canRegress = l.taskChoice || l.task == EstimatorTask::Regression;
            if (canClassify)
                QTest::newRow(qPrintable(l.nodeId() + QStringLiteral(" classification")))
                    << l.nodeId() << false;
            if (canRegress)
                QTest::newRow(qPrintable(l.nodeId() + QStringLiteral(" regression")))
                    << l.nodeId() << true;
        }
    }

    void everyLearnerTrainsOnARawTable()
    {
        QFETCH(QString, nodeId);
        QFETCH(bool, regression);
        const Learner *learner = LearnerRegistry::byNodeId(nodeId);
        QVERIFY(learner);
        QVariantMap params = defaults(*learner);
        if (learner->taskChoice)
            params.insert(QStringLiteral("task"),
                regression ? QStringLiteral("regression") : QStringLiteral("classification"));
        const Dataset train = rawTable(600, 1, regression);
        const Dataset fresh = rawTable(300, 2, regression);
        std::shared_ptr<TrainedModel> model;
        try {
            model = LearnerNode::fit(*learner, params, train, nullptr, FitContext {});
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        QVERIFY(model);

        // The default steps are in the model: impute where the learner does not handle
        // missing cells, standardize for the scale-sensitive ones.
        const QStringList kinds = stepKinds(*model);
        QCOMPARE(kinds.contains(QStringLiteral("impute")), !model->estimator->handlesMissing());
        QCOMPARE(kinds.contains(QStringLiteral("standardize")), learner->scaleByDefault);

        // It predicts every fresh raw row, and it learnt something.
        const Prediction p = model->predict(fresh);
        QCOMPARE(p.predicted.size(), Eigen::Index(fresh.rowCount()));
        QVERIFY(p.predicted.allFinite());
        const Eigen::VectorXd truth = model->target.encode(fresh);
        if (regression) {
            const double r2 = Metrics::r2(truth, p.predicted);
            QVERIFY2(r2 > 0.5, qPrintable(QStringLiteral("R² %1").arg(r2)));
        } else {
            const double acc = Metrics::accuracy(truth, p.predicted);
            QVERIFY2(acc > 0.6, qPrintable(QStringLiteral("accuracy %1 (chance 0.33)").arg(acc)));
        }

        // The model file carries the steps: the same predictions after a round trip.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.sxmodel"));
        const Status saved = ModelFile::save(*model, path);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        const Result<TrainedModelPtr> loaded = ModelFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(stepKinds(*loaded.value()), kinds);
        const Prediction again = loaded.value()->predict(fresh);
        QVERIFY((again.predicted - p.predicted).cwiseAbs().maxCoeff() <= 1e-9);
    }

    // "none": the table as it is; a learner that needs finite input says which column
    // holds missing cells and what to do.
    void noneRefusesMissingCells()
    {
        const Learner *learner = LearnerRegistry::byNodeId(QStringLiteral("model.svm"));
        QVERIFY(learner);
        QVariantMap params = defaults(*learner);
        params.insert(QStringLiteral("prepare"), QStringLiteral("none"));
        try {
            LearnerNode::fit(*learner, params, rawTable(90, 3, false), nullptr, FitContext {});
            QFAIL("trained on missing cells");
        } catch (const std::exception &e) {
            const QString why = QString::fromUtf8(e.what());
            QVERIFY2(why.contains(QStringLiteral("x2")) && why.contains(QStringLiteral("Impute")),
                qPrintable(why));
        }
    }

    // A Standardize step upstream is not repeated, and the scaling does what it says:
    // the k-NN with auto preparation equals the k-NN trained on a table standardized by
    // hand (same neighbours).
    void explicitStepsTakePrecedence()
    {
        const Learner *learner = LearnerRegistry::byNodeId(QStringLiteral("model.knn"));
        QVERIFY(learner);
        Dataset train = rawTable(300, 4, false);
        const Dataset fresh = rawTable(100, 5, false);
        // Only complete numeric columns here, so no Impute step is involved.
        train.removeColumn(train.indexOf(QStringLiteral("x2")));
        auto step = std::make_shared<StandardizeTransform>();
        step->fit(train, FitContext {});
        Dataset standardized = step->transform(train);
        standardized.appendPreprocessing(step);
        const QVariantMap params = defaults(*learner);
        const auto byHand = LearnerNode::fit(*learner, params, standardized, nullptr, {});
        QVERIFY(byHand);
        QCOMPARE(stepKinds(*byHand), QStringList { QStringLiteral("standardize") });
        const auto automatic = LearnerNode::fit(*learner, params, train, nullptr, {});
        QVERIFY(automatic);
        QCOMPARE(stepKinds(*automatic), QStringList { QStringLiteral("standardize") });
        Dataset freshFewer = fresh;
        freshFewer.removeColumn(freshFewer.indexOf(QStringLiteral("x2")));
        QVERIFY(automatic->predict(freshFewer).predicted == byHand->predict(freshFewer).predicted);
        // "none" adds no step.
        QVariantMap none = params;
        none.insert(QStringLiteral("prepare"), QStringLiteral("none"));
        const auto raw = LearnerNode::fit(*learner, none, train, nullptr, {});
        QVERIFY(raw);
        QVERIFY(stepKinds(*raw).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRawTables)
#include "tst_rawtables.moc"
