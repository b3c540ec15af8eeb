// The Tune node's only_trial: one trial of the planned search, run alone, gives the row the
// whole search gives that trial (the building block of a sweep over a pool or a Slurm job
// array), and the plans it cannot split are refused with a message.
#include "FlowFixture.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/MetricsTable.h"

#include <QTest>

using namespace sextant::engine;

namespace {

using Flow = sextant::testing::TuneFlow;

using sextant::testing::failures;
using sextant::testing::tuneFailure;

} // namespace

class TestTuneTrialSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneTrialEqualsItsRowInTheWholeSearch_data()
    {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("search");
        // A seeded learner: the trial's folds and the forest's draws must match too.
        QTest::newRow("forest, grid") << "model.random_forest"
                                      << "grid"
                                      << "trees=5,15; max_depth=2,0";
        QTest::newRow("k-NN, random") << "model.knn"
                                      << "random"
                                      << "k=1,3,5,7,9,11,13,15; weights=uniform,distance";
    }
    void oneTrialEqualsItsRowInTheWholeSearch()
    {
        QFETCH(QString, learner);
        QFETCH(QString, mode);
        QFETCH(QString, search);
        const QVariantMap base { { QStringLiteral("search"), search },
            { QStringLiteral("mode"), mode }, { QStringLiteral("trials"), 5 },
            { QStringLiteral("folds"), 3 }, { QStringLiteral("seed"), 7 } };
        Flow whole(learner.toLatin1().constData(), base);
        Executor all(whole.model);
        const RunSummary s = all.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        const MetricsTable &table = *all.output(whole.tune, 1)->as<MetricsTable>();
        const int planned = table.rows.size();
        QCOMPARE(planned, mode == QStringLiteral("grid") ? 4 : 5);

        for (int n = 1; n <= planned; ++n) {
            QVariantMap one = base;
            one.insert(QStringLiteral("only_trial"), n);
            Flow split(learner.toLatin1().constData(), one);
            Executor ex(split.model);
            const RunSummary r = ex.runBlocking();
            QVERIFY2(r.ok(), qPrintable(failures(r)));
            const MetricsTable &single = *ex.output(split.tune, 1)->as<MetricsTable>();
            QCOMPARE(single.rows.size(), 1);
            const MetricsTable::Row &row = single.rows.front();
            QCOMPARE(row.label, QStringLiteral("trial %1").arg(n));
            const auto same = std::find_if(table.rows.cbegin(), table.rows.cend(),
                [&](const MetricsTable::Row &w) { return w.label == row.label; });
            QVERIFY(same != table.rows.cend());
            QCOMPARE(row.notes, same->notes); // the same parameters
            QCOMPARE(row.values.value(0), same->values.value(0)); // the same score
            QCOMPARE(row.values.value(1), same->values.value(1)); // and spread
            QVERIFY2(single.title.contains(QStringLiteral("trial %1 of %2").arg(n).arg(planned)),
                qPrintable(single.title));
            // The model output is that trial's parameters, refitted.
            const auto best = *ex.output(split.tune, 0)->as<TrainedModelPtr>();
            QCOMPARE(best->metrics.value(table.columns.value(0)).toDouble(), row.values.value(0));
        }
    }

    // refit off (what the tasks of run_on = slurm set): the same trials table, and no model
    // output; a node that needs the model fails with a message instead of running.
    void refitOffGivesTheTableAndNoModel()
    {
        const QVariantMap base { { QStringLiteral("search"), QStringLiteral("k=1,3,5") },
            { QStringLiteral("folds"), 3 }, { QStringLiteral("seed"), 7 },
            { QStringLiteral("only_trial"), 2 } };
        Flow with("model.knn", base);
        Executor a(with.model);
        const RunSummary s = a.runBlocking();
        QVERIFY2(s.ok(), qPrintable(failures(s)));
        QVariantMap off = base;
        off.insert(QStringLiteral("refit"), false);
        Flow without("model.knn", off);
        const int predict = without.add("model.predict");
        without.connect(without.tune, 0, predict, 0);
        without.connect(1, 0, predict, 1); // the File node's table
        Executor b(without.model);
        const RunSummary r = b.runBlocking();
        QCOMPARE(b.status(without.tune), NodeStatus::Done);
        QVERIFY(!b.output(without.tune, 0));
        const MetricsTable &expected = *a.output(with.tune, 1)->as<MetricsTable>();
        const MetricsTable &got = *b.output(without.tune, 1)->as<MetricsTable>();
        QCOMPARE(got.title, expected.title);
        QCOMPARE(got.rows.size(), 1);
        QCOMPARE(got.rows[0].label, expected.rows[0].label);
        QCOMPARE(got.rows[0].notes, expected.rows[0].notes);
        QCOMPARE(got.rows[0].values.value(0), expected.rows[0].values.value(0));
        QCOMPARE(got.rows[0].values.value(1), expected.rows[0].values.value(1));
        QCOMPARE(b.status(predict), NodeStatus::Failed);
        const QString m = r.failureMessages.value(predict);
        QVERIFY2(m.contains(QStringLiteral("received no value")), qPrintable(m));
    }

    void refusesWhatCannotBeSplit()
    {
        QString m = tuneFailure(Flow("model.knn",
            { { QStringLiteral("search"), QStringLiteral("k=1,3,5") },
                { QStringLiteral("only_trial"), 4 }, { QStringLiteral("folds"), 3 } }));
        QVERIFY2(
            m.contains(QStringLiteral("only_trial 4: the search plans 3 trial(s)")), qPrintable(m));
        m = tuneFailure(Flow("model.knn",
            { { QStringLiteral("search"), QStringLiteral("k=1,3,5") },
                { QStringLiteral("mode"), QStringLiteral("bayesian") },
                { QStringLiteral("trials"), 3 }, { QStringLiteral("only_trial"), 1 } }));
        QVERIFY2(m.contains(QStringLiteral("Bayesian")), qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TestTuneTrialSplit)
#include "tst_tunetrialsplit.moc"
