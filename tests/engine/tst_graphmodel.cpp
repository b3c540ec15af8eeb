// GraphModel, NodeRegistry and ParameterSpec: edits, their refusals and their signals.
#include "GraphTestNodes.h"
#include "graph/GraphModel.h"
#include "graph/WorkflowFile.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <limits>

using namespace sextant::engine;
using sextant::test::Recorder;

Q_DECLARE_METATYPE(sextant::engine::ParameterSpec)

namespace {

// Each signal of a model as one line, in order.
class SignalLog : public QObject {
public:
    explicit SignalLog(GraphModel &model)
    {
        // Same thread: direct connections.
        connect(&model, &GraphModel::nodeAdded, this,
            [this](int id) { lines << QStringLiteral("added %1").arg(id); });
        connect(&model, &GraphModel::nodeRemoved, this,
            [this](int id) { lines << QStringLiteral("removed %1").arg(id); });
        connect(&model, &GraphModel::nodeMoved, this, [this](int id, QPointF p) {
            lines << QStringLiteral("moved %1 %2,%3").arg(id).arg(p.x()).arg(p.y());
        });
        connect(&model, &GraphModel::parameterChanged, this,
            [this](int id, const QString &name, const QVariant &v) {
                lines << QStringLiteral("param %1 %2=%3")
                             .arg(id)
                             .arg(name, ParameterSpec::toString(v));
            });
        connect(&model, &GraphModel::connectionAdded, this,
            [this](const Connection &c) { lines << QStringLiteral("connect ") + c.toString(); });
        connect(&model, &GraphModel::connectionRemoved, this,
            [this](const Connection &c) { lines << QStringLiteral("disconnect ") + c.toString(); });
        connect(&model, &GraphModel::changed, this, [this] { ++changes; });
    }
    QStringList lines;
    int changes = 0;
};

} // namespace

class TestGraphModel : public QObject {
    Q_OBJECT

    Recorder m_recorder;
    std::unique_ptr<NodeRegistry> m_registry = sextant::test::makeTestRegistry(&m_recorder);

    int add(GraphModel &model, const QString &type, const QVariantMap &params = {})
    {
        auto r = model.addNode(type, {}, params);
        if (!r)
            qFatal("addNode(%s): %s", qPrintable(type), qPrintable(r.error()));
        return r.value();
    }

private Q_SLOTS:
    // ---------------------------------------------------------------- registry
    void registryRefusesDuplicatesAndBadDescriptors()
    {
        NodeRegistry registry;
        NodeType t;
        t.id = QStringLiteral("x.one");
        t.setCompute([](NodeContext &) {});
        QVERIFY(registry.add(t).ok());
        Status dup = registry.add(t);
        QVERIFY(!dup);
        QVERIFY2(
            dup.error().contains(QStringLiteral("already registered")), qPrintable(dup.error()));

        NodeType bad = t;
        bad.id = QStringLiteral("Bad Id");
        QVERIFY(!registry.add(bad));

        NodeType noCompute;
        noCompute.id = QStringLiteral("x.nocompute");
        QVERIFY(!registry.add(noCompute));

        NodeType badDefault = t;
        badDefault.id = QStringLiteral("x.baddefault");
        badDefault.parameters = { ParameterSpec::integer(QStringLiteral("n"), {}, 0, 1, 10) };
        Status s = registry.add(badDefault);
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("default")), qPrintable(s.error()));

        NodeType twoPorts = t;
        twoPorts.id = QStringLiteral("x.ports");
        twoPorts.inputs = { sextant::test::port("a", PortType::Table),
            sextant::test::port("a", PortType::Table) };
        QVERIFY(!registry.add(twoPorts));

        QCOMPARE(registry.size(), 1);
        QVERIFY(registry.find(QStringLiteral("x.one")));
        QVERIFY(!registry.find(QStringLiteral("x.two")));
    }

    void registryListsTypesSorted()
    {
        const QList<const NodeType *> types = m_registry->types();
        QCOMPARE(types.size(), m_registry->size());
        for (qsizetype i = 1; i < types.size(); ++i)
            QVERIFY(types[i - 1]->category < types[i]->category
                || (types[i - 1]->category == types[i]->category
                    && types[i - 1]->displayName <= types[i]->displayName));
        QCOMPARE(m_registry->categories(), QStringList { QStringLiteral("Test") });
    }

    void portTypeNames()
    {
        for (PortType t : kAllPortTypes) {
            QVERIFY(!portTypeName(t).isEmpty());
            QCOMPARE(portTypeFromId(portTypeId(t)), std::optional<PortType>(t));
        }
        QCOMPARE(portTypeFromId(QStringLiteral("nonsense")), std::optional<PortType>());
        QVERIFY(portTypesCompatible(PortType::Table, PortType::Table));
        QVERIFY(!portTypesCompatible(PortType::Model, PortType::Table));
    }

    // ---------------------------------------------------------------- parameters
    void parameterValidation_data()
    {
        QTest::addColumn<ParameterSpec>("spec");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QVariant>("expected"); // invalid QVariant = refused
        QTest::addColumn<QString>("reason"); // part of the refusal message

        const auto intSpec = ParameterSpec::integer(QStringLiteral("bins"), {}, 10, 1, 1000);
        const auto realSpec = ParameterSpec::real(QStringLiteral("rate"), {}, 0.5, 0.0, 1.0);
        const auto boolSpec = ParameterSpec::boolean(QStringLiteral("flag"), {}, false);
        const auto enumSpec = ParameterSpec::enumeration(QStringLiteral("mode"), {},
            { QStringLiteral("a"), QStringLiteral("b") }, QStringLiteral("a"));
        const auto colSpec = ParameterSpec::column(QStringLiteral("column"), {});
        const auto listSpec = ParameterSpec::columnList(QStringLiteral("columns"), {});
        auto strSpec = ParameterSpec::string(QStringLiteral("label"), {});
        strSpec.maxLength = 5;
        const auto pathSpec = ParameterSpec::filePath(QStringLiteral("path"), {});
        const auto bigSpec = ParameterSpec::integer(QStringLiteral("seed"), {}, 0,
            std::numeric_limits<qlonglong>::min(), std::numeric_limits<qlonglong>::max());
        const QVariant no;

        QTest::newRow("int ok") << intSpec << QVariant(5) << QVariant(qlonglong(5)) << QString();
        QTest::newRow("int from integral double")
            << intSpec << QVariant(7.0) << QVariant(qlonglong(7)) << QString();
        QTest::newRow("int from uint")
            << intSpec << QVariant(8u) << QVariant(qlonglong(8)) << QString();
        QTest::newRow("int fraction")
            << intSpec << QVariant(2.5) << no << QStringLiteral("not an integer");
        QTest::newRow("int below")
            << intSpec << QVariant(0) << no << QStringLiteral("below the minimum 1");
        QTest::newRow("int above")
            << intSpec << QVariant(1001) << no << QStringLiteral("above the maximum 1000");
        QTest::newRow("int text") << intSpec << QVariant(QStringLiteral("5")) << no
                                  << QStringLiteral("expected an integer");
        QTest::newRow("int bool") << intSpec << QVariant(true) << no
                                  << QStringLiteral("expected an integer");
        QTest::newRow("int nan") << intSpec << QVariant(std::nan("")) << no
                                 << QStringLiteral("not a finite");
        QTest::newRow("int huge") << bigSpec << QVariant(1e300) << no
                                  << QStringLiteral("too large");
        QTest::newRow("int 2^60") << bigSpec << QVariant(qlonglong(1) << 60) << no
                                  << QStringLiteral("too large");
        QTest::newRow("int 2^53") << bigSpec << QVariant(qlonglong(1) << 53)
                                  << QVariant(qlonglong(1) << 53) << QString();
        QTest::newRow("int huge unsigned")
            << bigSpec << QVariant(std::numeric_limits<qulonglong>::max()) << no
            << QStringLiteral("too large");
        QTest::newRow("int null") << intSpec << QVariant::fromValue(nullptr) << no
                                  << QStringLiteral("got null");
        QTest::newRow("int missing")
            << intSpec << QVariant() << no << QStringLiteral("got nothing");

        QTest::newRow("float ok") << realSpec << QVariant(0.25) << QVariant(0.25) << QString();
        QTest::newRow("float from int") << realSpec << QVariant(1) << QVariant(1.0) << QString();
        QTest::newRow("float above")
            << realSpec << QVariant(1.5) << no << QStringLiteral("above the maximum");
        QTest::newRow("float inf") << realSpec << QVariant(std::numeric_limits<double>::infinity())
                                   << no << QStringLiteral("not a finite");
        QTest::newRow("float text") << realSpec << QVariant(QStringLiteral("0.1")) << no
                                    << QStringLiteral("expected a number");

        QTest::newRow("bool ok") << boolSpec << QVariant(true) << QVariant(true) << QString();
        QTest::newRow("bool int") << boolSpec << QVariant(1) << no
                                  << QStringLiteral("expected true or false");

        QTest::newRow("enum ok") << enumSpec << QVariant(QStringLiteral("b"))
                                 << QVariant(QStringLiteral("b")) << QString();
        QTest::newRow("enum unknown") << enumSpec << QVariant(QStringLiteral("c")) << no
                                      << QStringLiteral("not one of: a, b");
        QTest::newRow("enum number")
            << enumSpec << QVariant(1) << no << QStringLiteral("expected one of");

        QTest::newRow("column ok") << colSpec << QVariant(QStringLiteral("age"))
                                   << QVariant(QStringLiteral("age")) << QString();
        QTest::newRow("column empty")
            << colSpec << QVariant(QString()) << QVariant(QString()) << QString();
        QTest::newRow("column list") << colSpec << QVariant(QStringList { QStringLiteral("a") })
                                     << no << QStringLiteral("expected a column name");

        QTest::newRow("list ok")
            << listSpec << QVariant(QStringList { QStringLiteral("a"), QStringLiteral("b") })
            << QVariant(QStringList { QStringLiteral("a"), QStringLiteral("b") }) << QString();
        QTest::newRow("list from variant list")
            << listSpec << QVariant(QVariantList { QStringLiteral("x") })
            << QVariant(QStringList { QStringLiteral("x") }) << QString();
        QTest::newRow("list with number")
            << listSpec << QVariant(QVariantList { QStringLiteral("x"), 3 }) << no
            << QStringLiteral("item 1: expected a column name");
        QTest::newRow("list with empty name") << listSpec << QVariant(QStringList { QString() })
                                              << no << QStringLiteral("empty column name");
        QTest::newRow("list from text") << listSpec << QVariant(QStringLiteral("a,b")) << no
                                        << QStringLiteral("expected a list");

        QTest::newRow("string ok") << strSpec << QVariant(QStringLiteral("héllo"))
                                   << QVariant(QStringLiteral("héllo")) << QString();
        QTest::newRow("string long") << strSpec << QVariant(QStringLiteral("toolong")) << no
                                     << QStringLiteral("longer than the limit of 5");
        QTest::newRow("string nul")
            << strSpec << QVariant(QString(QChar(0))) << no << QStringLiteral("NUL");
        QTest::newRow("path ok") << pathSpec << QVariant(QStringLiteral("../data/iris.csv"))
                                 << QVariant(QStringLiteral("../data/iris.csv")) << QString();
        QTest::newRow("path object") << pathSpec << QVariant(QVariantMap {}) << no
                                     << QStringLiteral("expected text, got an object");
    }

    void parameterValidation()
    {
        QFETCH(ParameterSpec, spec);
        QFETCH(QVariant, value);
        QFETCH(QVariant, expected);
        QFETCH(QString, reason);
        const Result<QVariant> r = spec.validate(value);
        if (expected.isValid()) {
            QVERIFY2(r.ok(), qPrintable(r.error()));
            QCOMPARE(r.value(), expected);
            QCOMPARE(r.value().metaType(), expected.metaType());
        } else {
            // The message is built even when the check passes: only an accepted value is read.
            QVERIFY2(!r.ok(), qPrintable(r.ok() ? ParameterSpec::toString(r.value()) : QString()));
            QVERIFY2(r.error().startsWith(spec.name + QStringLiteral(": ")), qPrintable(r.error()));
            QVERIFY2(r.error().contains(reason), qPrintable(r.error()));
        }
    }

    void parameterFromString()
    {
        const auto intSpec = ParameterSpec::integer(QStringLiteral("bins"), {}, 10, 1, 1000);
        QCOMPARE(intSpec.fromString(QStringLiteral(" 42 ")).value(), QVariant(qlonglong(42)));
        QVERIFY(!intSpec.fromString(QStringLiteral("4x")));
        QVERIFY(!intSpec.fromString(QStringLiteral("0")));
        QVERIFY(!intSpec.fromString(QStringLiteral("auto")));
        // A minimum that stands for a word ("auto") takes the word too, in any case.
        auto autoSpec = ParameterSpec::integer(QStringLiteral("k"), {}, 0, 0, 100);
        autoSpec.minimumText = QStringLiteral("auto");
        QCOMPARE(autoSpec.fromString(QStringLiteral(" Auto ")).value(), QVariant(qlonglong(0)));
        QCOMPARE(autoSpec.fromString(QStringLiteral("7")).value(), QVariant(qlonglong(7)));
        QVERIFY(!autoSpec.fromString(QStringLiteral("automatic")));
        const auto boolSpec = ParameterSpec::boolean(QStringLiteral("flag"), {}, false);
        QCOMPARE(boolSpec.fromString(QStringLiteral("yes")).value(), QVariant(true));
        QCOMPARE(boolSpec.fromString(QStringLiteral("False")).value(), QVariant(false));
        QVERIFY(!boolSpec.fromString(QStringLiteral("maybe")));
        const auto listSpec = ParameterSpec::columnList(QStringLiteral("columns"), {});
        QCOMPARE(listSpec.fromString(QStringLiteral("a, b,c")).value(),
            QVariant(
                QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(listSpec.fromString(QString()).value(), QVariant(QStringList()));
        const auto realSpec = ParameterSpec::real(QStringLiteral("rate"), {}, 0.5, 0.0, 1.0);
        QCOMPARE(realSpec.fromString(QStringLiteral("0.125")).value(), QVariant(0.125));
        QCOMPARE(ParameterSpec::toString(realSpec.fromString(QStringLiteral("0.1")).value()),
            QStringLiteral("0.1"));
    }

    // ---------------------------------------------------------------- nodes
    void addNodeFillsDefaults()
    {
        GraphModel model(*m_registry);
        SignalLog log(model);
        auto id = model.addNode(
            QStringLiteral("test.params"), QPointF(10, 20), { { QStringLiteral("count"), 7 } });
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(id.value(), 1);
        QCOMPARE(model.nodeCount(), 1);
        QCOMPARE(model.position(1), QPointF(10, 20));
        QCOMPARE(model.parameter(1, QStringLiteral("count")), QVariant(qlonglong(7)));
        QCOMPARE(model.parameter(1, QStringLiteral("rate")), QVariant(0.5));
        QCOMPARE(model.parameter(1, QStringLiteral("label")), QVariant(QStringLiteral("hello")));
        QCOMPARE(model.parameters(1).size(), model.nodeType(1)->parameters.size());
        QCOMPARE(log.lines, QStringList { QStringLiteral("added 1") });
        QCOMPARE(log.changes, 1);
        QCOMPARE(model.nodeType(1)->id, QStringLiteral("test.params"));
    }

    void addNodeRefusals()
    {
        GraphModel model(*m_registry);
        QVERIFY(model.addNode(QStringLiteral("test.source"), {}, {}, 5).ok());
        SignalLog log(model);

        const auto refused = [&](Result<int> r, const char *part) {
            if (r.ok())
                return QStringLiteral("accepted");
            return r.error().contains(QLatin1String(part)) ? QString() : r.error();
        };
        QCOMPARE(
            refused(model.addNode(QStringLiteral("test.nope")), "unknown node type 'test.nope'"),
            QString());
        QCOMPARE(refused(model.addNode(QStringLiteral("test.source"), {}, {}, 5), "already in use"),
            QString());
        QCOMPARE(
            refused(model.addNode(QStringLiteral("test.source"), {}, {}, -3), "outside the range"),
            QString());
        QCOMPARE(refused(model.addNode(
                             QStringLiteral("test.source"), {}, {}, GraphModel::kMaxNodeId + 1),
                     "outside the range"),
            QString());
        QCOMPARE(refused(model.addNode(
                             QStringLiteral("test.source"), {}, { { QStringLiteral("bogus"), 1 } }),
                     "has no parameter 'bogus'"),
            QString());
        QCOMPARE(refused(model.addNode(QStringLiteral("test.source"), {},
                             { { QStringLiteral("delay"), -1 } }),
                     "delay: -1 is below the minimum 0"),
            QString());
        QCOMPARE(refused(model.addNode(QStringLiteral("test.source"), QPointF(std::nan(""), 0)),
                     "not a finite canvas position"),
            QString());
        QCOMPARE(refused(model.addNode(QStringLiteral("test.source"), QPointF(1e300, 0)),
                     "not a finite canvas position"),
            QString());
        QCOMPARE(model.nodeCount(), 1);
        QVERIFY(log.lines.isEmpty());
        QCOMPARE(log.changes, 0);
    }

    void explicitIdsAndFreshIds()
    {
        GraphModel model(*m_registry);
        QCOMPARE(add(model, QStringLiteral("test.source")), 1);
        QCOMPARE(model.addNode(QStringLiteral("test.source"), {}, {}, 10).value(), 10);
        QCOMPARE(add(model, QStringLiteral("test.source")), 11);
        // A removed id is not handed out again by itself (an undo may want it back)...
        QVERIFY(model.removeNode(11).ok());
        QCOMPARE(add(model, QStringLiteral("test.source")), 12);
        // ... but can be given back explicitly.
        QCOMPARE(model.addNode(QStringLiteral("test.source"), {}, {}, 11).value(), 11);
        QCOMPARE(model.nodeIds(), (QList<int> { 1, 10, 11, 12 }));
        QCOMPARE(
            model.addNode(QStringLiteral("test.source"), {}, {}, GraphModel::kMaxNodeId).value(),
            GraphModel::kMaxNodeId);
        QCOMPARE(add(model, QStringLiteral("test.source")), 13);
    }

    void nodeLimit()
    {
        GraphModel model(*m_registry);
        for (int i = 0; i < GraphModel::kMaxNodes; ++i)
            QVERIFY(model.addNode(QStringLiteral("test.sink")).ok());
        auto r = model.addNode(QStringLiteral("test.sink"));
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("at most 10000 nodes")), qPrintable(r.error()));
    }

    void setParameterValidatesAndReturnsPrevious()
    {
        GraphModel model(*m_registry);
        const int id = add(model, QStringLiteral("test.params"));
        SignalLog log(model);
        auto previous = model.setParameter(id, QStringLiteral("count"), 9);
        QVERIFY2(previous.ok(), qPrintable(previous.error()));
        QCOMPARE(previous.value(), QVariant(qlonglong(5)));
        QCOMPARE(model.parameter(id, QStringLiteral("count")), QVariant(qlonglong(9)));
        // Same value again: accepted, no signal.
        QVERIFY(model.setParameter(id, QStringLiteral("count"), 9.0).ok());
        auto refused = model.setParameter(id, QStringLiteral("count"), 1000);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("above the maximum 100")),
            qPrintable(refused.error()));
        QVERIFY(!model.setParameter(id, QStringLiteral("nope"), 1));
        QVERIFY(!model.setParameter(99, QStringLiteral("count"), 1));
        QVERIFY(
            model.setParameter(id, QStringLiteral("columns"), QStringList { QStringLiteral("a") })
                .ok());
        QCOMPARE(model.parameter(id, QStringLiteral("count")), QVariant(qlonglong(9)));
        QCOMPARE(log.lines,
            (QStringList {
                QStringLiteral("param 1 count=9"), QStringLiteral("param 1 columns=a") }));
        QCOMPARE(log.changes, 2);
    }

    void moveNode()
    {
        GraphModel model(*m_registry);
        const int id = add(model, QStringLiteral("test.source"));
        SignalLog log(model);
        QVERIFY(model.moveNode(id, QPointF(-5.5, 3)).ok());
        QVERIFY(model.moveNode(id, QPointF(-5.5, 3)).ok()); // unchanged: no signal
        QVERIFY(!model.moveNode(id, QPointF(std::numeric_limits<double>::infinity(), 0)));
        QVERIFY(!model.moveNode(42, QPointF()));
        QCOMPARE(model.position(id), QPointF(-5.5, 3));
        QCOMPARE(log.lines, QStringList { QStringLiteral("moved 1 -5.5,3") });
    }

    // ---------------------------------------------------------------- connections
    void connectChecksTypes()
    {
        GraphModel model(*m_registry);
        const int src = add(model, QStringLiteral("test.source"));
        const int train = add(model, QStringLiteral("test.model"));
        const int score = add(model, QStringLiteral("test.score"));
        const int sink = add(model, QStringLiteral("test.sink"));
        SignalLog log(model);

        QVERIFY(model.addConnection({ src, 0, train, 0 }).ok());
        QVERIFY(model.addConnection({ train, 0, score, 0 }).ok()); // Model -> Model
        QVERIFY(model.addConnection({ src, 0, score, 1 }).ok()); // Table -> Table (fan-out)

        Status s = model.addConnection({ train, 0, sink, 0 }); // Model -> Table
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("incompatible types")), qPrintable(s.error()));
        QVERIFY2(s.error().contains(QStringLiteral("Model"))
                && s.error().contains(QStringLiteral("Table")),
            qPrintable(s.error()));
        s = model.addConnection({ score, 0, sink, 0 }); // Metrics -> Table
        QVERIFY(!s);
        QVERIFY(s.error().contains(QStringLiteral("Metrics")));

        QCOMPARE(model.connectionCount(), 3);
        QCOMPARE(log.lines.size(), 3);
        QCOMPARE(log.lines.first(), QStringLiteral("connect 1:0 -> 2:0"));
    }

    void connectRefusals_data()
    {
        QTest::addColumn<Connection>("connection");
        QTest::addColumn<QString>("reason");
        // Graph: 1 source -> 2 add(a) -> 3 add(a) ; 4 sink ; 5 source
        QTest::newRow("unknown from node")
            << Connection { 9, 0, 2, 1 } << QStringLiteral("there is no node 9");
        QTest::newRow("unknown to node")
            << Connection { 1, 0, 9, 0 } << QStringLiteral("there is no node 9");
        QTest::newRow("unknown output port")
            << Connection { 1, 1, 2, 1 } << QStringLiteral("has no output port 1");
        QTest::newRow("negative input port")
            << Connection { 1, 0, 2, -1 } << QStringLiteral("has no input port -1");
        QTest::newRow("input port of sink")
            << Connection { 1, 0, 4, 1 } << QStringLiteral("has no input port 1");
        QTest::newRow("self loop")
            << Connection { 2, 0, 2, 1 } << QStringLiteral("cannot be connected to itself");
        QTest::newRow("cycle") << Connection { 3, 0, 2, 1 }
                               << QStringLiteral("would create a cycle");
        QTest::newRow("input taken")
            << Connection { 5, 0, 2, 0 } << QStringLiteral("already connected (to node 1)");
        QTest::newRow("duplicate")
            << Connection { 1, 0, 2, 0 } << QStringLiteral("already connected");
    }

    void connectRefusals()
    {
        QFETCH(Connection, connection);
        QFETCH(QString, reason);
        GraphModel model(*m_registry);
        add(model, QStringLiteral("test.source"));
        add(model, QStringLiteral("test.add"));
        add(model, QStringLiteral("test.add"));
        add(model, QStringLiteral("test.sink"));
        add(model, QStringLiteral("test.source"));
        QVERIFY(model.addConnection({ 1, 0, 2, 0 }).ok());
        QVERIFY(model.addConnection({ 2, 0, 3, 0 }).ok());
        const QList<Connection> before = model.connections();
        SignalLog log(model);

        Status check = model.canConnect(connection);
        Status s = model.addConnection(connection);
        QVERIFY(!check);
        QVERIFY(!s);
        QCOMPARE(check.error(), s.error());
        QVERIFY2(s.error().contains(reason), qPrintable(s.error()));
        QCOMPARE(model.connections(), before);
        QVERIFY(log.lines.isEmpty());
    }

    void longerCycleRefused()
    {
        GraphModel model(*m_registry);
        QList<int> chain;
        for (int i = 0; i < 50; ++i)
            chain << add(model, QStringLiteral("test.slow"));
        for (int i = 1; i < chain.size(); ++i)
            QVERIFY(model.addConnection({ chain[i - 1], 0, chain[i], 0 }).ok());
        Status s = model.addConnection({ chain.last(), 0, chain.first(), 0 });
        QVERIFY(!s);
        QVERIFY(s.error().contains(QStringLiteral("cycle")));
        QCOMPARE(model.topologicalOrder(), chain);
    }

    void removeConnection()
    {
        GraphModel model(*m_registry);
        const int a = add(model, QStringLiteral("test.source"));
        const int b = add(model, QStringLiteral("test.sink"));
        QVERIFY(model.addConnection({ a, 0, b, 0 }).ok());
        SignalLog log(model);
        QVERIFY(!model.removeConnection({ a, 0, b, 1 }));
        QVERIFY(!model.removeConnection({ b, 0, a, 0 }));
        QVERIFY(model.removeConnection({ a, 0, b, 0 }).ok());
        QVERIFY(!model.removeConnection({ a, 0, b, 0 }));
        QCOMPARE(model.connectionCount(), 0);
        QVERIFY(!model.connectionInto(b, 0));
        QCOMPARE(log.lines, QStringList { QStringLiteral("disconnect 1:0 -> 2:0") });
        // The input is free again.
        QVERIFY(model.addConnection({ a, 0, b, 0 }).ok());
    }

    void removeAndRestoreNode()
    {
        GraphModel model(*m_registry);
        const int s1 = add(model, QStringLiteral("test.source"));
        const int s2 = add(model, QStringLiteral("test.source"));
        const int sum
            = add(model, QStringLiteral("test.add"), { { QStringLiteral("offset"), 2.5 } });
        const int sink = add(model, QStringLiteral("test.sink"));
        QVERIFY(model.moveNode(sum, QPointF(100, 50)).ok());
        QVERIFY(model.addConnection({ s1, 0, sum, 0 }).ok());
        QVERIFY(model.addConnection({ s2, 0, sum, 1 }).ok());
        QVERIFY(model.addConnection({ sum, 0, sink, 0 }).ok());
        const QByteArray before = WorkflowFile::serialize(model);

        SignalLog log(model);
        auto removed = model.removeNode(sum);
        QVERIFY(removed.ok());
        QCOMPARE(removed->node.id, sum);
        QCOMPARE(removed->node.typeId, QStringLiteral("test.add"));
        QCOMPARE(removed->node.position, QPointF(100, 50));
        QCOMPARE(removed->node.parameters.value(QStringLiteral("offset")), QVariant(2.5));
        QCOMPARE(removed->connections.size(), 3);
        QCOMPARE(model.connectionCount(), 0);
        QVERIFY(!model.hasNode(sum));
        // Connections go first, then the node: a scene never sees a dangling edge.
        QCOMPARE(log.lines,
            (QStringList { QStringLiteral("disconnect 1:0 -> 3:0"),
                QStringLiteral("disconnect 2:0 -> 3:1"), QStringLiteral("disconnect 3:0 -> 4:0"),
                QStringLiteral("removed 3") }));
        QCOMPARE(log.changes, 1);
        QVERIFY(!model.removeNode(sum));

        log.lines.clear();
        QVERIFY(model.restoreNode(removed.value()).ok());
        QCOMPARE(WorkflowFile::serialize(model), before);
        QCOMPARE(log.lines.first(), QStringLiteral("added 3"));
        QCOMPARE(log.lines.size(), 4);

        // Restoring fails cleanly when a neighbour is gone.
        auto again = model.removeNode(sum);
        QVERIFY(again.ok());
        QVERIFY(model.removeNode(s2).ok());
        Status s = model.restoreNode(again.value());
        QVERIFY(!s);
        QVERIFY2(s.error().contains(QStringLiteral("node 2 is gone")), qPrintable(s.error()));
        QVERIFY(!model.hasNode(sum));
    }

    void graphQueries()
    {
        // 1 -> 3 -> 4 -> 6 ; 2 -> 3(b) ; 5 -> 6? no: 6 is a sink with one input; 5 alone
        GraphModel model(*m_registry);
        const int a = add(model, QStringLiteral("test.source"));
        const int b = add(model, QStringLiteral("test.source"));
        const int sum = add(model, QStringLiteral("test.add"));
        const int slow = add(model, QStringLiteral("test.slow"));
        const int lone = add(model, QStringLiteral("test.source"));
        const int sink = add(model, QStringLiteral("test.sink"));
        QVERIFY(model.addConnection({ slow, 0, sink, 0 }).ok()); // added out of order on purpose
        QVERIFY(model.addConnection({ sum, 0, slow, 0 }).ok());
        QVERIFY(model.addConnection({ b, 0, sum, 1 }).ok());
        QVERIFY(model.addConnection({ a, 0, sum, 0 }).ok());

        QCOMPARE(model.upstreamOf(sink), (QList<int> { a, b, sum, slow }));
        QCOMPARE(model.downstreamOf(b), (QList<int> { sum, slow, sink }));
        QCOMPARE(model.upstreamOf(lone), QList<int>());
        QCOMPARE(model.topologicalOrder(), (QList<int> { a, b, sum, slow, lone, sink }));
        QCOMPARE(model.topologicalOrder({ sink, a, slow }), (QList<int> { a, slow, sink }));
        QCOMPARE(model.connectionsOf(sum).size(), 3);
        QCOMPARE(
            model.connectionInto(sum, 1), std::optional<Connection>(Connection { b, 0, sum, 1 }));
        QCOMPARE(model.connections().first(), (Connection { a, 0, sum, 0 }));
    }

    void clearEmitsEverything()
    {
        GraphModel model(*m_registry);
        const int a = add(model, QStringLiteral("test.source"));
        const int b = add(model, QStringLiteral("test.sink"));
        QVERIFY(model.addConnection({ a, 0, b, 0 }).ok());
        model.setBaseDirectory(QStringLiteral("/tmp"));
        SignalLog log(model);
        model.clear();
        QCOMPARE(model.nodeCount(), 0);
        QVERIFY(model.baseDirectory().isEmpty());
        QCOMPARE(log.lines,
            (QStringList { QStringLiteral("disconnect 1:0 -> 2:0"), QStringLiteral("removed 1"),
                QStringLiteral("removed 2") }));
        QCOMPARE(add(model, QStringLiteral("test.source")), 1);
    }
};

QTEST_GUILESS_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
