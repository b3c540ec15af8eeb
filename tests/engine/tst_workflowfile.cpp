// Workflow files (.sextant): canonical round trip, atomic save, and refusal of corrupt
// or malicious files with a message naming what is wrong.
#include "GraphTestNodes.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"
#include "nodes/BuiltinNodes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sextant::engine;
using sextant::test::Recorder;

// Note: moc (Qt 6.4) does not tokenize raw string literals; the R"(...)" strings below
// keep their braces balanced, and unbalanced JSON fragments are written with escapes.

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(SEXTANT_TEST_DATA_DIR "/workflows/") + name;
}

QByteArray header()
{
    return QByteArrayLiteral(R"("format": "sextant-workflow", "version": 1)");
}

// A workflow document with the given nodes and connections (JSON text).
QByteArray workflow(const QByteArray &nodes, const QByteArray &connections = "[]")
{
    return "{" + header() + ", \"nodes\": " + nodes + ", \"connections\": " + connections + "}";
}

} // namespace

class TestWorkflowFile : public QObject {
    Q_OBJECT

    Recorder m_recorder;
    std::unique_ptr<NodeRegistry> m_registry = sextant::test::makeTestRegistry(&m_recorder);

    // A graph using every parameter type and awkward values.
    void buildSample(GraphModel &model)
    {
        QVariantMap params {
            { QStringLiteral("count"), 42 },
            { QStringLiteral("rate"), 0.1 },
            { QStringLiteral("flag"), true },
            { QStringLiteral("mode"), QStringLiteral("exact") },
            { QStringLiteral("column"), QStringLiteral("größe \"quoted\" \\ 列") },
            { QStringLiteral("columns"),
                QStringList { QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("\n") } },
            { QStringLiteral("label"), QString() },
            { QStringLiteral("path"), QStringLiteral("../data/iris.csv") },
            { QStringLiteral("seed"), qlonglong(9007199254740992LL) },
        };
        QVERIFY(
            model.addNode(QStringLiteral("test.params"), QPointF(-12.25, 1e-3), params, 40).ok());
        QVERIFY(model
                    .addNode(QStringLiteral("test.source"), QPointF(0, 0),
                        { { QStringLiteral("value"), -1.0 / 3.0 } }, 2)
                    .ok());
        QVERIFY(model.addNode(QStringLiteral("test.source"), QPointF(0, 120), {}, 3).ok());
        QVERIFY(model
                    .addNode(QStringLiteral("test.add"), QPointF(250, 60),
                        { { QStringLiteral("offset"), 1e-300 } }, 10)
                    .ok());
        QVERIFY(model.addNode(QStringLiteral("test.model"), QPointF(500, 60), {}, 11).ok());
        QVERIFY(model.addNode(QStringLiteral("test.score"), QPointF(750, 60), {}, 12).ok());
        QVERIFY(
            model
                .addNode(QStringLiteral("test.sink"), QPointF(500, 200), {}, GraphModel::kMaxNodeId)
                .ok());
        QVERIFY(model.addConnection({ 2, 0, 10, 0 }).ok());
        QVERIFY(model.addConnection({ 3, 0, 10, 1 }).ok());
        QVERIFY(model.addConnection({ 10, 0, 11, 0 }).ok());
        QVERIFY(model.addConnection({ 11, 0, 12, 0 }).ok());
        QVERIFY(model.addConnection({ 3, 0, 12, 1 }).ok());
        QVERIFY(model.addConnection({ 10, 0, GraphModel::kMaxNodeId, 0 }).ok());
    }

private Q_SLOTS:
    void roundTripIsIdentical()
    {
        GraphModel original(*m_registry);
        buildSample(original);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("flow.sextant"));
        Status saved = WorkflowFile::save(original, path);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));

        GraphModel loaded(*m_registry);
        Status s = WorkflowFile::load(path, loaded);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(loaded.baseDirectory(), QFileInfo(path).absolutePath());

        // Identical graph: the canonical serialisations match, and so does every record.
        QCOMPARE(WorkflowFile::serialize(loaded), WorkflowFile::serialize(original));
        QCOMPARE(loaded.nodeIds(), original.nodeIds());
        QCOMPARE(loaded.connections(), original.connections());
        for (int id : original.nodeIds()) {
            const NodeRecord a = *original.node(id);
            const NodeRecord b = *loaded.node(id);
            QCOMPARE(b.typeId, a.typeId);
            QCOMPARE(b.position.x(), a.position.x()); // exact, not fuzzy
            QCOMPARE(b.position.y(), a.position.y());
            for (auto it = a.parameters.cbegin(); it != a.parameters.cend(); ++it) {
                QCOMPARE(b.parameters.value(it.key()), it.value());
                QCOMPARE(b.parameters.value(it.key()).metaType(), it.value().metaType());
            }
        }
        QCOMPARE(loaded.parameter(2, QStringLiteral("value")).toDouble(), -1.0 / 3.0);

        // Writing it again gives the same bytes.
        const QString again = dir.filePath(QStringLiteral("again.sextant"));
        QVERIFY(WorkflowFile::save(loaded, again).ok());
        QFile a(path), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }

    void fileLayout()
    {
        GraphModel model(*m_registry);
        buildSample(model);
        const QJsonObject root = QJsonDocument::fromJson(WorkflowFile::serialize(model)).object();
        QCOMPARE(
            root.value(QStringLiteral("format")).toString(), QStringLiteral("sextant-workflow"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(root.value(QStringLiteral("generator"))
                    .toString()
                    .startsWith(QStringLiteral("Sextant ")));
        const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 7);
        QCOMPARE(nodes[0].toObject().value(QStringLiteral("id")).toInt(), 2); // sorted by id
        const QJsonObject c = root.value(QStringLiteral("connections")).toArray()[0].toObject();
        QCOMPARE(c.value(QStringLiteral("from")).toInt(), 2);
        QCOMPARE(c.value(QStringLiteral("output")).toString(), QStringLiteral("out"));
        QCOMPARE(c.value(QStringLiteral("to")).toInt(), 10);
        QCOMPARE(c.value(QStringLiteral("input")).toString(), QStringLiteral("a"));
    }

    void loadsAHandWrittenFile()
    {
        GraphModel model(*m_registry);
        Status s = WorkflowFile::load(fixture(QStringLiteral("valid_test.sextant")), model);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(model.nodeIds(), (QList<int> { 3, 7, 9 }));
        QCOMPARE(model.parameter(3, QStringLiteral("value")), QVariant(4.0));
        QCOMPARE(model.parameter(3, QStringLiteral("delay")), QVariant(qlonglong(0))); // default
        QCOMPARE(model.position(7), QPointF(200.5, -40));
        QCOMPARE(model.position(9), QPointF(400, 0));
        QCOMPARE(model.connectionCount(), 2);
        QCOMPARE(
            QDir(model.baseDirectory()), QDir(QStringLiteral(SEXTANT_TEST_DATA_DIR "/workflows")));
        // New nodes get fresh ids after the loaded ones.
        QCOMPARE(model.nextFreeId(), 10);

        Executor executor(model);
        QVERIFY(executor.runBlocking().ok());
        const NodeValuePtr result = executor.result(9);
        QVERIFY(result && result->as<double>());
        QCOMPARE(*result->as<double>(), 4.5);
    }

    // A workflow written before the learner node ids were derived from the estimator
    // kinds ("model.naive_bayes", then Gaussian naive Bayes, now the mixed-data Naive Bayes
    // with the Gaussian variant as an option; "cluster.hierarchical") loads onto the current
    // node types with its parameters, runs, and is saved with the current ids.
    void loadsLearnerIdsFromBeforeTheRename()
    {
        GraphModel model(BuiltinNodes::registry());
        Status s = WorkflowFile::load(fixture(QStringLiteral("learners_v1.sextant")), model);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QVERIFY(model.nodeType(3));
        QCOMPARE(model.nodeType(3)->id, QStringLiteral("model.naive_bayes"));
        QCOMPARE(model.nodeType(4)->id, QStringLiteral("cluster.agglomerative"));
        QCOMPARE(model.parameter(3, QStringLiteral("var_smoothing")), QVariant(1e-9));
        QCOMPARE(
            model.parameter(4, QStringLiteral("linkage")), QVariant(QStringLiteral("average")));

        Executor executor(model);
        QVERIFY(executor.runBlocking().ok());
        QVERIFY(executor.output(3, 0));
        QVERIFY(executor.output(4, 1));

        const QJsonArray nodes
            = WorkflowFile::toJson(model).value(QStringLiteral("nodes")).toArray();
        QStringList types;
        for (const QJsonValue &n : nodes)
            types << n.toObject().value(QStringLiteral("type")).toString();
        QVERIFY2(types.contains(QStringLiteral("model.naive_bayes")),
            qPrintable(types.join(QLatin1Char(' '))));
        QVERIFY(types.contains(QStringLiteral("cluster.agglomerative")));
        QVERIFY(!types.contains(QStringLiteral("cluster.hierarchical")));

        // The id the Gaussian family had in between resolves to Naive Bayes too.
        GraphModel between(BuiltinNodes::registry());
        const auto added = between.addNode(QStringLiteral("model.gaussian_naive_bayes"));
        QVERIFY2(added.ok(), qPrintable(added.error()));
        QCOMPARE(between.nodeType(added.value())->id, QStringLiteral("model.naive_bayes"));
    }

    void refusesBadFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated") << "truncated.sextant"
                                   << "not valid JSON";
        QTest::newRow("wrong types") << "wrong_types.sextant"
                                     << "nodes[0].id: expected a number, got a string";
        QTest::newRow("unknown node type") << "unknown_type.sextant"
                                           << "nodes[1].type: unknown node type 'system.shell'";
        QTest::newRow("huge number") << "huge_number.sextant"
                                     << "nodes[0].parameters.delay: 1e+300 is too large";
        QTest::newRow("duplicate ids")
            << "duplicate_ids.sextant"
            << "nodes[2].id: duplicate node id 1 (also used by nodes[0])";
        QTest::newRow("dangling connection") << "dangling_connection.sextant"
                                             << "connections[0].to: there is no node 2";
        QTest::newRow("unknown version")
            << "unknown_version.sextant"
            << "version: workflow format version 2 is newer than this Sextant reads";
        QTest::newRow("cycle")
            << "cycle.sextant"
            << "connections[1]: connecting node 2 (Add) to node 1 (Add) would create a cycle";
        QTest::newRow("type mismatch") << "type_mismatch.sextant"
                                       << "connections[1]: incompatible types";
        QTest::newRow("other format") << "not_a_workflow.sextant"
                                      << "not a Sextant workflow";
        QTest::newRow("no such file") << "missing.sextant"
                                      << "no such file";
        QTest::newRow("a directory") << ""
                                     << "is a directory";
    }

    void refusesBadFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        GraphModel model(*m_registry);
        Status s = WorkflowFile::load(fixture(file), model);
        QVERIFY(!s);
        qInfo("%s", qPrintable(s.error()));
        QVERIFY2(s.error().startsWith(fixture(file)), qPrintable(s.error()));
        QVERIFY2(s.error().contains(reason), qPrintable(s.error()));
        QCOMPARE(model.nodeCount(), 0);
    }

    void refusesMalformedDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        const QByteArray src = R"({"id": 1, "type": "test.source"})";
        const QByteArray sink = R"({"id": 2, "type": "test.sink"})";

        QTest::newRow("empty") << QByteArray() << "file is empty";
        QTest::newRow("whitespace") << QByteArray(" \n\t ") << "file is empty";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << "not valid JSON";
        QTest::newRow("trailing garbage") << QByteArray(workflow("[]") + "}") << "not valid JSON";
        QTest::newRow("error position")
            << QByteArray("{\n\"format\":\n  x}") << "(line 3, column 3)";
        QTest::newRow("top-level array")
            << QByteArray("[1, 2]") << "the top level is not a JSON object";
        QTest::newRow("no format")
            << QByteArray(R"({"version": 1, "nodes": []})") << "not a Sextant workflow";
        QTest::newRow("format not a string")
            << QByteArray(R"({"format": 1, "version": 1, "nodes": []})")
            << "not a Sextant workflow";
        QTest::newRow("no version") << QByteArray(R"({"format": "sextant-workflow", "nodes": []})")
                                    << "version: missing field 'version'";
        QTest::newRow("version text")
            << QByteArray(R"({"format": "sextant-workflow", "version": "1", "nodes": []})")
            << "version: expected a number, got a string";
        QTest::newRow("version 0")
            << QByteArray(R"({"format": "sextant-workflow", "version": 0, "nodes": []})")
            << "unknown workflow format version 0";
        QTest::newRow("version 1.5")
            << QByteArray(R"({"format": "sextant-workflow", "version": 1.5, "nodes": []})")
            << "expected an integer";
        QTest::newRow("version huge")
            << QByteArray(R"({"format": "sextant-workflow", "version": 1e300, "nodes": []})")
            << "outside the range";
        QTest::newRow("unknown root key")
            << QByteArray("{" + header() + R"(, "nodes": [], "script": "x"})")
            << "(top level): unknown field 'script'";
        QTest::newRow("no nodes") << QByteArray("{" + header() + "}") << "missing field 'nodes'";
        QTest::newRow("nodes object") << QByteArray("{" + header() + R"(, "nodes": {}})")
                                      << "nodes: expected an array, got an object";
        QTest::newRow("node not object")
            << workflow("[1]") << "nodes[0]: expected an object, got a number";
        QTest::newRow("node unknown key")
            << workflow(R"([{"id": 1, "type": "test.source", "code": "x"}])")
            << "nodes[0]: unknown field 'code'";
        QTest::newRow("node no id")
            << workflow(R"([{"type": "test.source"}])") << "nodes[0]: missing field 'id'";
        QTest::newRow("node no type")
            << workflow(R"([{"id": 1}])") << "nodes[0]: missing field 'type'";
        QTest::newRow("id zero") << workflow(R"([{"id": 0, "type": "test.source"}])")
                                 << "nodes[0].id: 0 is outside the range 1..999999999";
        QTest::newRow("id negative")
            << workflow(R"([{"id": -5, "type": "test.source"}])") << "outside the range";
        QTest::newRow("id fraction") << workflow(R"([{"id": 1.5, "type": "test.source"}])")
                                     << "nodes[0].id: expected an integer";
        QTest::newRow("id huge") << workflow(R"([{"id": 1e300, "type": "test.source"}])")
                                 << "outside the range";
        QTest::newRow("id beyond int")
            << workflow(R"([{"id": 4294967297, "type": "test.source"}])") << "outside the range";
        QTest::newRow("id overflow") << workflow(R"([{"id": 1e400, "type": "test.source"}])")
                                     << "not valid JSON: illegal number";
        QTest::newRow("id null") << workflow(R"([{"id": null, "type": "test.source"}])")
                                 << "expected a number, got null";
        QTest::newRow("type number") << workflow(R"([{"id": 1, "type": 5}])")
                                     << "nodes[0].type: expected a string, got a number";
        QTest::newRow("position short")
            << workflow(R"([{"id": 1, "type": "test.source", "position": [1]}])")
            << "nodes[0].position: expected [x, y]";
        QTest::newRow("position text")
            << workflow(R"([{"id": 1, "type": "test.source", "position": ["1", 2]}])")
            << "nodes[0].position[0]: expected a number";
        QTest::newRow("position far")
            << workflow(R"([{"id": 1, "type": "test.source", "position": [1e300, 0]}])")
            << "coordinates beyond";
        QTest::newRow("position object")
            << workflow(R"([{"id": 1, "type": "test.source", "position": {"x": 1}}])")
            << "expected an array, got an object";
        QTest::newRow("parameters array")
            << workflow(R"([{"id": 1, "type": "test.source", "parameters": []}])")
            << "nodes[0].parameters: expected an object";
        QTest::newRow("unknown parameter")
            << workflow(R"([{"id": 1, "type": "test.source", "parameters": {"evil": 1}}])")
            << "has no parameter 'evil'";
        QTest::newRow("parameter wrong type")
            << workflow(R"([{"id": 1, "type": "test.source", "parameters": {"value": "1"}}])")
            << "nodes[0].parameters.value: expected a number, got text";
        QTest::newRow("parameter out of range")
            << workflow(R"([{"id": 1, "type": "test.source", "parameters": {"delay": -1}}])")
            << "nodes[0].parameters.delay: -1 is below the minimum 0";
        QTest::newRow("parameter null")
            << workflow(R"([{"id": 1, "type": "test.source", "parameters": {"value": null}}])")
            << "got null";
        QTest::newRow("parameter nested")
            << workflow(R"([{"id": 1, "type": "test.params", "parameters": {"columns": [["a"]]}}])")
            << "columns: item 0: expected a column name, got a list";
        QTest::newRow("enum unknown")
            << workflow(R"([{"id": 1, "type": "test.params", "parameters": {"mode": "turbo"}}])")
            << "'turbo' is not one of: fast, exact";
        QTest::newRow("connections object")
            << workflow("[" + src + "]", "{}") << "connections: expected an array";
        QTest::newRow("connection unknown key") << workflow("[" + src + "," + sink + "]",
            R"([{"from": 1, "output": "out", "to": 2, "input": "in", "x": 1}])")
                                                << "connections[0]: unknown field 'x'";
        QTest::newRow("connection missing field")
            << workflow("[" + src + "," + sink + "]", R"([{"from": 1, "output": "out", "to": 2}])")
            << "connections[0]: missing field 'input'";
        QTest::newRow("connection port index") << workflow(
            "[" + src + "," + sink + "]", R"([{"from": 1, "output": 0, "to": 2, "input": "in"}])")
                                               << "connections[0].output: expected a string";
        QTest::newRow("connection unknown output")
            << workflow("[" + src + "," + sink + "]",
                   R"([{"from": 1, "output": "nope", "to": 2, "input": "in"}])")
            << "connections[0].output: node 1 (test.source) has no output 'nope'";
        QTest::newRow("connection unknown input") << workflow("[" + src + "," + sink + "]",
            R"([{"from": 1, "output": "out", "to": 2, "input": "nope"}])")
                                                  << "node 2 (test.sink) has no input 'nope'";
        QTest::newRow("connection from missing") << workflow(
            "[" + sink + "]", R"([{"from": 7, "output": "out", "to": 2, "input": "in"}])")
                                                 << "connections[0].from: there is no node 7";
        QTest::newRow("self loop") << workflow(R"([{"id": 1, "type": "test.add"}])",
            R"([{"from": 1, "output": "out", "to": 1, "input": "a"}])")
                                   << "cannot be connected to itself";
        QTest::newRow("input twice") << workflow(
            "[" + src + "," + sink + R"(, {"id": 3, "type": "test.source"}])",
            R"([{"from": 1, "output": "out", "to": 2, "input": "in"}, {"from": 3, "output": "out", "to": 2, "input": "in"}])")
                                     << "connections[1]: input 'in' of node 2 (Sink) is already "
                                        "connected";
    }

    void refusesMalformedDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        GraphModel model(*m_registry);
        Status s = WorkflowFile::parse(json, model, QStringLiteral("bad.sextant"));
        QVERIFY2(!s, json.constData());
        QVERIFY2(s.error().startsWith(QStringLiteral("bad.sextant: ")), qPrintable(s.error()));
        QVERIFY2(s.error().contains(reason), qPrintable(s.error()));
        QCOMPARE(model.nodeCount(), 0);
    }

    void refusalLeavesTheModelUntouched()
    {
        GraphModel model(*m_registry);
        buildSample(model);
        model.setBaseDirectory(QStringLiteral("/somewhere"));
        const QByteArray before = WorkflowFile::serialize(model);
        int changes = 0;
        QObject counter;
        // Same thread: direct.
        connect(&model, &GraphModel::changed, &counter, [&] { ++changes; });
        QVERIFY(!WorkflowFile::load(fixture(QStringLiteral("cycle.sextant")), model));
        QVERIFY(!WorkflowFile::parse(workflow(R"([{"id": 1, "type": "test.nope"}])"), model));
        QCOMPARE(WorkflowFile::serialize(model), before);
        QCOMPARE(model.baseDirectory(), QStringLiteral("/somewhere"));
        QCOMPARE(changes, 0);

        // A good file replaces everything.
        QVERIFY(WorkflowFile::load(fixture(QStringLiteral("valid_test.sextant")), model).ok());
        QCOMPARE(model.nodeIds(), (QList<int> { 3, 7, 9 }));
    }

    void deepNesting()
    {
        // Far beyond QJsonDocument's nesting limit: refused by the parser, no stack overflow.
        for (const QByteArray &open : { QByteArray("["), QByteArray("{\"a\":") }) {
            const int depth = 100000;
            QByteArray json = open.repeated(depth);
            GraphModel model(*m_registry);
            Status s = WorkflowFile::parse(json, model, QStringLiteral("deep.sextant"));
            QVERIFY(!s);
            QVERIFY2(s.error().contains(QStringLiteral("not valid JSON")), qPrintable(s.error()));
            qInfo("%s", qPrintable(s.error()));
        }
        // Deep but within the parser's limit, hidden in a parameter: refused by type.
        const QByteArray nested = QByteArray("[").repeated(500) + QByteArray("]").repeated(500);
        GraphModel model(*m_registry);
        Status s = WorkflowFile::parse(
            workflow("[{\"id\": 1, \"type\": \"test.source\", \"parameters\": {\"value\": " + nested
                + "}}]"),
            model);
        QVERIFY(!s);
        QVERIFY2(
            s.error().contains(QStringLiteral("parameters.value: expected a number, got a list")),
            qPrintable(s.error()));
    }

    void sizeLimits()
    {
        // Node count: 10,000 is fine, 10,001 is refused before anything is built.
        // (An explicit return type: with QT_USE_QSTRINGBUILDER, `out + "]"` is a builder
        // referring to the local.)
        const auto nodes = [](int n) -> QByteArray {
            QByteArray out = "[";
            for (int i = 1; i <= n; ++i) {
                if (i > 1)
                    out += ',';
                out += "{\"id\": " + QByteArray::number(i) + ", \"type\": \"test.sink\"}";
            }
            return out + "]";
        };
        GraphModel model(*m_registry);
        QVERIFY(WorkflowFile::parse(workflow(nodes(GraphModel::kMaxNodes)), model).ok());
        QCOMPARE(model.nodeCount(), GraphModel::kMaxNodes);
        GraphModel other(*m_registry);
        Status s = WorkflowFile::parse(workflow(nodes(GraphModel::kMaxNodes + 1)), other);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(
                     QStringLiteral("nodes: 10001 nodes is more than the limit of 10000")),
            qPrintable(s.error()));

        // File size: refused from its size alone (a sparse file: nothing is read).
        QTemporaryDir dir;
        QFile big(dir.filePath(QStringLiteral("big.sextant")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(WorkflowFile::kMaxFileSize + 1));
        big.close();
        s = WorkflowFile::load(big.fileName(), other);
        QVERIFY(!s);
        QVERIFY2(
            s.error().contains(QStringLiteral("larger than the limit")), qPrintable(s.error()));

        // Long strings are refused by the parameter's limit.
        const QByteArray longText(5000, 'x');
        s = WorkflowFile::parse(
            workflow("[{\"id\": 1, \"type\": \"test.params\", \"parameters\": {\"label\": \""
                + longText + "\"}}]"),
            other);
        QVERIFY(!s);
        QVERIFY2(
            s.error().contains(QStringLiteral("longer than the limit")), qPrintable(s.error()));
    }

    void saveIsAtomicAndReportsErrors()
    {
        QTemporaryDir dir;
        GraphModel model(*m_registry);
        buildSample(model);
        const QString path = dir.filePath(QStringLiteral("flow.sextant"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(QByteArray(100000, 'z')); // longer than the new content
        }
        QVERIFY(WorkflowFile::save(model, path).ok());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), WorkflowFile::serialize(model));
        // Nothing left behind but the file itself.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList { QStringLiteral("flow.sextant") });

        Status s
            = WorkflowFile::save(model, dir.filePath(QStringLiteral("no/such/dir/flow.sextant")));
        QVERIFY(!s);
        QVERIFY2(
            s.error().contains(QStringLiteral("no/such/dir/flow.sextant")), qPrintable(s.error()));
    }

    void emptyGraphRoundTrip()
    {
        GraphModel model(*m_registry);
        GraphModel loaded(*m_registry);
        QVERIFY(WorkflowFile::parse(WorkflowFile::serialize(model), loaded).ok());
        QCOMPARE(loaded.nodeCount(), 0);
        QCOMPARE(WorkflowFile::serialize(loaded), WorkflowFile::serialize(model));
    }
    // A node the person renamed keeps its label through a save and a load; a file
    // without labels (every file written before them) loads with none, and writes the
    // same bytes as before; a label that is not text, or too long, is refused.
    void nodeLabels()
    {
        GraphModel model(*m_registry);
        QVERIFY(model.addNode(QStringLiteral("test.source"), QPointF(0, 0), {}, 2).ok());
        QVERIFY(model.addNode(QStringLiteral("test.source"), QPointF(0, 90), {}, 3).ok());
        const QByteArray unlabelled = WorkflowFile::serialize(model);
        QVERIFY(!unlabelled.contains("\"label\""));
        QCOMPARE(model.title(2), model.nodeType(2)->displayName);
        QSignalSpy labelled(&model, &GraphModel::labelChanged);
        auto old = model.setLabel(2, QStringLiteral("  Training \n data "));
        QVERIFY(old.ok());
        QCOMPARE(old.value(), QString());
        QCOMPARE(model.label(2), QStringLiteral("Training data")); // simplified
        QCOMPARE(model.title(2), QStringLiteral("Training data"));
        QCOMPARE(labelled.count(), 1);
        QVERIFY(!model.setLabel(2, QString(GraphModel::kMaxLabelLength + 1, QLatin1Char('x'))));
        QCOMPARE(model.label(2), QStringLiteral("Training data"));
        QVERIFY(!model.setLabel(99, QStringLiteral("x")));

        GraphModel loaded(*m_registry);
        Status s = WorkflowFile::parse(WorkflowFile::serialize(model), loaded);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(loaded.label(2), QStringLiteral("Training data"));
        QCOMPARE(loaded.label(3), QString());
        QCOMPARE(loaded.node(2)->label, QStringLiteral("Training data"));
        QCOMPARE(WorkflowFile::serialize(loaded), WorkflowFile::serialize(model));
        // Removing and restoring the node (undo of a delete) keeps its label.
        auto removed = loaded.removeNode(2);
        QVERIFY(removed.ok());
        QVERIFY(loaded.restoreNode(removed.value()).ok());
        QCOMPARE(loaded.label(2), QStringLiteral("Training data"));
        // Cleared: the type's name again, and the file as it was without labels.
        QVERIFY(model.setLabel(2, QString()).ok());
        QCOMPARE(model.title(2), model.nodeType(2)->displayName);
        QCOMPARE(WorkflowFile::serialize(model), unlabelled);

        GraphModel refused(*m_registry);
        s = WorkflowFile::parse(
            workflow(R"([{"id": 1, "type": "test.source", "label": 5}])"), refused);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("nodes[0].label")), qPrintable(s.error()));
        const QByteArray tooLong = workflow("[{\"id\": 1, \"type\": \"test.source\", \"label\": \""
            + QByteArray(GraphModel::kMaxLabelLength + 1, 'x') + "\"}]");
        s = WorkflowFile::parse(tooLong, refused);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("nodes[0].label")), qPrintable(s.error()));
        QCOMPARE(refused.nodeCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowFile)
#include "tst_workflowfile.moc"
