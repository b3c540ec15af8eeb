// `sextant serve`: runs the real executable on an ephemeral loopback port, sends requests
// over a socket and compares the answers with `sextant predict` on the same rows.
#include "FileContents.h"
#include "HttpTestClient.h"
#include "SextantProcess.h"
#include "TrainingFixtures.h"
#include "data/DatasetLoader.h"
#include "io/ModelFile.h"
#include "ml/StandardizeTransform.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <csignal>
#include <memory>

using namespace sextant::engine;
using sextant::testing::HttpReply;
using sextant::testing::httpRequest;

using namespace sextant::testing;

namespace {

using sextant::testing::readAll;

// A running `sextant serve`; stopped (SIGTERM) when destroyed.
class Server {
public:
    bool start(const QStringList &args, QString *why)
    {
        m_process.setProgram(QStringLiteral(SEXTANT_EXECUTABLE));
        m_process.setArguments(QStringList { QStringLiteral("serve") } + args
            + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
        m_process.start();
        if (!m_process.waitForStarted(30000)) {
            *why = m_process.errorString();
            return false;
        }
        static const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            m_out += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(m_out));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        *why = QStringLiteral("no 'listening' line: %1 %2")
                   .arg(QString::fromUtf8(m_out),
                       QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGTERM);
            if (!m_process.waitForFinished(30000))
                m_process.kill();
            m_process.waitForFinished();
        }
    }

private:
    QProcess m_process;
    QByteArray m_out;
    quint16 m_port = 0;
};

QJsonObject jsonOf(const HttpReply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

HttpReply postJson(quint16 port, const QJsonObject &o, const QByteArray &auth = {})
{
    QList<QPair<QByteArray, QByteArray>> h { { "Content-Type", "application/json" } };
    if (!auth.isEmpty())
        h.append({ "Authorization", auth });
    return httpRequest(port, "POST", "/predict", QJsonDocument(o).toJson(), h);
}

// One series' value in Prometheus text (-1 when absent).
double metric(const QByteArray &text, const QString &series)
{
    const QByteArray key = series.toUtf8() + QByteArray(" ");
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).toDouble();
    return -1;
}

} // namespace

class TestCliServe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        BuiltinNodes::registry();
        // Logistic regression on standardised iris.
        const Dataset iris = loadTable(exampleDataset("iris.csv"), QStringLiteral("species"));
        auto step = std::make_unique<StandardizeTransform>();
        step->fit(iris, FitContext {});
        std::shared_ptr<const Transformer> fitted(std::move(step));
        Dataset standardized = fitted->transform(iris);
        standardized.appendPreprocessing(fitted);
        auto model = fitDefaults("model.logistic_regression", standardized);
        QVERIFY(model);
        m_model = m_dir.filePath(QStringLiteral("iris.sxmodel"));
        QVERIFY(ModelFile::save(*model, m_model));

        QString why;
        QVERIFY2(
            m_server.start({ m_model, QStringLiteral("--threads"), QStringLiteral("2"),
                               QStringLiteral("--max-body"), QStringLiteral("100000"),
                               QStringLiteral("--log"), m_dir.filePath(QStringLiteral("log")) },
                &why),
            qPrintable(why));
    }

    void predictionsEqualSextantPredict()
    {
        const sextant::testing::SextantRun expected
            = sextant::testing::runSextant({ QStringLiteral("predict"), m_model,
                exampleDataset("iris.csv"), QStringLiteral("--proba") });
        QVERIFY2(expected.exitCode == 0, qPrintable(expected.err));
        QStringList lines = expected.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.removeFirst();
        QCOMPARE(lines.size(), 150);

        // The same rows three ways: CSV, JSON rows, JSON columns.
        const QByteArray csv = readAll(exampleDataset("iris.csv"));
        const Dataset table = loadTable(exampleDataset("iris.csv"), {});
        QJsonArray rows;
        QJsonObject columns;
        for (int c = 0; c < table.columnCount(); ++c) {
            const Column &col = table.column(c);
            QJsonArray values;
            for (std::int64_t r = 0; r < table.rowCount(); ++r)
                values.append(col.isNumeric() ? QJsonValue(col.values()[std::size_t(r)])
                                              : QJsonValue(col.displayValue(r)));
            columns[col.name()] = values;
        }
        for (std::int64_t r = 0; r < table.rowCount(); ++r) {
            QJsonObject o;
            for (int c = 0; c < table.columnCount(); ++c)
                o[table.column(c).name()] = columns[table.column(c).name()].toArray().at(r);
            rows.append(o);
        }
        const HttpReply viaCsv = httpRequest(
            m_server.port(), "POST", "/predict", csv, { { "Content-Type", "text/csv" } });
        const HttpReply viaRows = postJson(m_server.port(), QJsonObject { { "rows", rows } });
        const HttpReply viaColumns
            = postJson(m_server.port(), QJsonObject { { "columns", columns } });
        m_predictRequests += 3;
        m_predictedRows += 450;
        for (const HttpReply *reply : { &viaCsv, &viaRows, &viaColumns }) {
            QVERIFY2(reply->status == 200, reply->body.constData());
            QVERIFY(reply->header("Content-Type").startsWith("application/json"));
            const QJsonObject o = jsonOf(*reply);
            QCOMPARE(o.value(QStringLiteral("classes")).toArray(),
                (QJsonArray { "setosa", "versicolor", "virginica" }));
            const QJsonArray predictions = o.value(QStringLiteral("predictions")).toArray();
            const QJsonArray probabilities = o.value(QStringLiteral("probabilities")).toArray();
            QCOMPARE(predictions.size(), 150);
            QCOMPARE(probabilities.size(), 150);
            for (qsizetype i = 0; i < 150; ++i) {
                const QStringList fields = lines[i].split(QLatin1Char(','));
                QCOMPARE(predictions[i].toString(), fields[0]);
                for (int k = 0; k < 3; ++k) {
                    // Both are shortest round-trip texts of the same double.
                    QCOMPARE(probabilities[i].toArray()[k].toDouble(), fields[k + 1].toDouble());
                }
            }
        }
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message"); // a part of the message
        QTest::addColumn<int>("row"); // -1: none
        QTest::addColumn<QString>("column"); // empty: none
        const QByteArray json = "application/json";
        const QByteArray ok
            = R"("sepal_width_cm": 3.5, "petal_length_cm": 1.4, "petal_width_cm": 0.2)";
        QTest::newRow("malformed JSON")
            << json << QByteArray("{\"rows\": [\n{\"a\": 1,,}]}") << 400
            << QStringLiteral("malformed JSON at line 2") << -1 << QString();
        QTest::newRow("not an object") << json << QByteArray("[1, 2]") << 400
                                       << QStringLiteral("must be an object") << -1 << QString();
        QTest::newRow("neither rows nor columns") << json << QByteArray("{\"x\": 1}") << 400
                                                  << QStringLiteral("neither") << -1 << QString();
        QTest::newRow("no rows") << json << QByteArray("{\"rows\": []}") << 400
                                 << QStringLiteral("no rows") << -1 << QString();
        // Found by fuzz_request: rows, but not one value in them.
        QTest::newRow("rows without columns")
            << json << QByteArray("{\"rows\": [{}]}") << 400
            << QStringLiteral("row 1 has no columns") << 1 << QString();
        QTest::newRow("row not an object")
            << json << QByteArray("{\"rows\": [{\"sepal_length_cm\": 5.1, " + ok + "}, 7]}") << 400
            << QStringLiteral("row 2 is a number") << 2 << QString();
        QTest::newRow("text for a number")
            << json
            << QByteArray("{\"rows\": [{\"sepal_length_cm\": 5.1, " + ok
                   + "}, {\"sepal_length_cm\": \"tall\", " + ok + "}]}")
            << 400 << QStringLiteral("row 2, column 'sepal_length_cm': expected a number") << 2
            << QStringLiteral("sepal_length_cm");
        QTest::newRow("boolean cell")
            << json << QByteArray("{\"rows\": [{\"sepal_length_cm\": true, " + ok + "}]}") << 400
            << QStringLiteral("a boolean") << 1 << QStringLiteral("sepal_length_cm");
        QTest::newRow("missing column") << json << QByteArray("{\"rows\": [{" + ok + "}]}") << 422
                                        << QStringLiteral("no column 'sepal_length_cm'") << -1
                                        << QStringLiteral("sepal_length_cm");
        QTest::newRow("missing cell in row 3")
            << json
            << QByteArray("{\"rows\": [{\"sepal_length_cm\": 5.1, " + ok
                   + "}, {\"sepal_length_cm\": 5, " + ok + "}, {\"sepal_length_cm\": null, " + ok
                   + "}]}")
            << 422 << QStringLiteral("row 3") << 3 << QStringLiteral("sepal_length_cm");
        QTest::newRow("columns of unequal length")
            << json
            << QByteArray("{\"columns\": {\"sepal_length_cm\": [1, 2], \"petal_length_cm\": [1]}}")
            << 400 << QStringLiteral("every column needs one value per row") << -1
            << QStringLiteral("sepal_length_cm");
        QTest::newRow("malformed CSV")
            << QByteArray("text/csv")
            << QByteArray("sepal_length,sepal_width,petal_length,petal_width\n5.1,\"3.5,1.4,0.2\n")
            << 400 << QStringLiteral("malformed CSV") << -1 << QString();
        QTest::newRow("body over the limit")
            << QByteArray("text/csv") << QByteArray(200000, 'x') << 413
            << QStringLiteral("more than the limit of 100000") << -1 << QString();
        QTest::newRow("unsupported type")
            << QByteArray("image/png") << QByteArray("x") << 415
            << QStringLiteral("unsupported Content-Type") << -1 << QString();
    }

    void badRequests()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(int, row);
        QFETCH(QString, column);
        const HttpReply r = httpRequest(
            m_server.port(), "POST", "/predict", body, { { "Content-Type", contentType } });
        ++m_predictRequests;
        ++m_predictErrors;
        QVERIFY2(r.status == status, r.body.constData());
        const QJsonObject e = jsonOf(r).value(QStringLiteral("error")).toObject();
        QCOMPARE(e.value(QStringLiteral("status")).toInt(), status);
        QVERIFY2(
            e.value(QStringLiteral("message")).toString().contains(message), r.body.constData());
        QCOMPARE(e.contains(QStringLiteral("row")), row >= 0);
        if (row >= 0)
            QCOMPARE(e.value(QStringLiteral("row")).toInt(), row);
        QCOMPARE(e.value(QStringLiteral("column")).toString(), column);
        // The server keeps serving.
        QCOMPARE(httpRequest(m_server.port(), "GET", "/health").status, 200);
    }

    void routing()
    {
        const HttpReply unknown = httpRequest(m_server.port(), "GET", "/nothing");
        QCOMPARE(unknown.status, 404);
        QVERIFY(jsonOf(unknown).contains(QStringLiteral("error")));
        const HttpReply wrongMethod = httpRequest(m_server.port(), "GET", "/predict");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        ++m_predictRequests;
        ++m_predictErrors;

        const QJsonObject model = jsonOf(httpRequest(m_server.port(), "GET", "/model"));
        QCOMPARE(model.value(QStringLiteral("learner")).toObject().value(QStringLiteral("type")),
            QJsonValue(QStringLiteral("model.logistic_regression")));
        QCOMPARE(model.value(QStringLiteral("features")).toArray().size(), 4);
        QCOMPARE(model.value(QStringLiteral("target")).toObject().value(QStringLiteral("classes")),
            QJsonValue(QJsonArray { "setosa", "versicolor", "virginica" }));
        QVERIFY(
            model.value(QStringLiteral("training")).toObject().contains(QStringLiteral("hash")));
        QVERIFY(model.contains(QStringLiteral("metrics")));
        QVERIFY(!model.value(QStringLiteral("sextant_version")).toString().isEmpty());
        QVERIFY(!model.value(QStringLiteral("served_by"))
                     .toObject()
                     .value(QStringLiteral("sextant_version"))
                     .toString()
                     .isEmpty());
        QVERIFY(!model.contains(QStringLiteral("steps")));
    }

    void metricsCount()
    {
        const HttpReply r = httpRequest(m_server.port(), "GET", "/metrics");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        const QByteArray &t = r.body;
        QCOMPARE(metric(t, QStringLiteral("sextant_request_errors_total{endpoint=\"/predict\"}")),
            double(m_predictErrors));
        QCOMPARE(
            metric(t, QStringLiteral("sextant_requests_total{endpoint=\"/predict\",code=\"200\"}")),
            double(m_predictRequests - m_predictErrors));
        QCOMPARE(
            metric(t, QStringLiteral("sextant_requests_total{endpoint=\"/predict\",code=\"413\"}")),
            1.0);
        QCOMPARE(
            metric(
                t, QStringLiteral("sextant_request_duration_seconds_count{endpoint=\"/predict\"}")),
            double(m_predictRequests));
        QCOMPARE(metric(t,
                     QStringLiteral("sextant_request_duration_seconds_bucket{endpoint=\"/"
                                    "predict\",le=\"+Inf\"}")),
            double(m_predictRequests));
        QCOMPARE(
            metric(t, QStringLiteral("sextant_prediction_rows_total")), double(m_predictedRows));
        // iris: 50 of each class, predicted three times; the classes add up to the rows.
        double byClass = 0;
        for (const char *c : { "setosa", "versicolor", "virginica" }) {
            const double v = metric(
                t, QStringLiteral("sextant_predictions_total{class=\"%1\"}").arg(QLatin1String(c)));
            QVERIFY(v > 0);
            byClass += v;
        }
        QCOMPARE(byClass, double(m_predictedRows));
        // The drift gauges over the window (the last 1,000 rows: iris itself).
        QCOMPARE(metric(t, QStringLiteral("sextant_drift_window_rows")), 450.0);
        QVERIFY(metric(t, QStringLiteral("sextant_drift_psi{feature=\"petal_length_cm\"}")) >= 0);
    }

    void driftWindow()
    {
        const QJsonObject d = jsonOf(httpRequest(m_server.port(), "GET", "/drift"));
        QCOMPARE(d.value(QStringLiteral("rows")).toInt(), 450);
        const QJsonArray features = d.value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 4);
        // The training rows themselves: no drift.
        for (const QJsonValue &f : features) {
            QCOMPARE(
                f.toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("stable"));
            QVERIFY(f.toObject().value(QStringLiteral("psi")).toDouble() < 0.01);
        }
        QVERIFY(!d.value(QStringLiteral("drift")).toBool());

        // Shifted rows push petal_length out of its training range.
        QByteArray csv = "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n";
        for (int i = 0; i < 1000; ++i)
            csv += "5.8,3.0," + QByteArray::number(9.0 + i * 0.001) + ",1.2\n";
        QCOMPARE(httpRequest(
                     m_server.port(), "POST", "/predict", csv, { { "Content-Type", "text/csv" } })
                     .status,
            200);
        const QJsonObject after = jsonOf(httpRequest(m_server.port(), "GET", "/drift"));
        QCOMPARE(after.value(QStringLiteral("rows")).toInt(), 1000);
        QVERIFY(after.value(QStringLiteral("drift")).toBool());
        for (const QJsonValue &f : after.value(QStringLiteral("features")).toArray())
            if (f.toObject().value(QStringLiteral("name")).toString()
                == QLatin1String("petal_length_cm"))
                QCOMPARE(f.toObject().value(QStringLiteral("verdict")).toString(),
                    QStringLiteral("drift"));
    }

    void token()
    {
        Server secured;
        QString why;
        QVERIFY2(secured.start({ m_model, QStringLiteral("--token"), QStringLiteral("s3cret"),
                                   QStringLiteral("--threads"), QStringLiteral("1") },
                     &why),
            qPrintable(why));
        const QJsonObject one { { "rows",
            QJsonArray { QJsonObject { { "sepal_length_cm", 5.1 }, { "sepal_width_cm", 3.5 },
                { "petal_length_cm", 1.4 }, { "petal_width_cm", 0.2 } } } } };
        const HttpReply none = postJson(secured.port(), one);
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));
        QCOMPARE(postJson(secured.port(), one, "Bearer wrong").status, 401);
        QCOMPARE(postJson(secured.port(), one, "s3cret").status, 401);
        QCOMPARE(httpRequest(secured.port(), "GET", "/metrics").status, 401);
        const HttpReply good = postJson(secured.port(), one, "Bearer s3cret");
        QCOMPARE(good.status, 200);
        QCOMPARE(
            jsonOf(good).value(QStringLiteral("predictions")).toArray(), QJsonArray { "setosa" });
    }

    void stopsOnSigterm()
    {
        Server s;
        QString why;
        QVERIFY2(s.start({ m_model, QStringLiteral("--threads"), QStringLiteral("3") }, &why),
            qPrintable(why));
        QCOMPARE(httpRequest(s.port(), "GET", "/health").status, 200);
        ::kill(pid_t(s.process().processId()), SIGTERM);
        QVERIFY(s.process().waitForFinished(30000));
        QCOMPARE(s.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process().exitCode(), 0);
        QVERIFY(s.process().readAllStandardOutput().contains("stopped"));
        QCOMPARE(httpRequest(s.port(), "GET", "/health", {}, {}, 2000).status, 0);
    }

    void requestLog()
    {
        const QByteArray log = readAll(m_dir.filePath(QStringLiteral("log")));
        QVERIFY(log.contains("POST /predict 200"));
        QVERIFY(log.contains("POST /predict 413"));
        QVERIFY(log.contains("GET /metrics 200"));
    }

    void usageAndBadModel()
    {
        using sextant::testing::runSextant;
        QCOMPARE(runSextant({ QStringLiteral("serve") }).exitCode, 2);
        QCOMPARE(runSextant({ QStringLiteral("serve"), m_model, QStringLiteral("--port"),
                                QStringLiteral("70000") })
                     .exitCode,
            2);
        const sextant::testing::SextantRun missing = runSextant(
            { QStringLiteral("serve"), m_dir.filePath(QStringLiteral("none.sxmodel")) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("none.sxmodel: no such file")));
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
    Server m_server;
    int m_predictRequests = 0;
    int m_predictErrors = 0;
    int m_predictedRows = 0;
};

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cli_serve.moc"
