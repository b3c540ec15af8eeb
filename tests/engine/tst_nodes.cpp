// The built-in node types: registry contents, each node's computation on small in-memory
// tables, the File source on real files (progress, cancel, relative paths, re-reading an
// edited file), and an example workflow end to end.
#include "data/Dataset.h"
#include "data/Statistics.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "graph/WorkflowFile.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ColumnHistogram.h"
#include "nodes/ColumnProfileNode.h"
#include "nodes/ColumnRoleEdits.h"
#include "nodes/FileSourceNode.h"
#include "nodes/ProjectionNode.h"
#include "nodes/ScatterData.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>

using namespace sextant::engine;

// ColumnRole/ColumnType are compared with QVERIFY: the engine's toString(ColumnRole) (a
// QString) is found by ADL ahead of QTest's and does not fit QCOMPARE.

namespace {

QString iris()
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv");
}

// a: 1 2 3 4 ; b = 2a ; c = -a ; cls: x y x y (target) ; name: categorical text
Dataset sample()
{
    Dataset d;
    d.setName(QStringLiteral("sample"));
    d.addColumn(Column::numeric(QStringLiteral("a"), { 1, 2, 3, 4 }));
    d.addColumn(Column::numeric(QStringLiteral("b"), { 2, 4, 6, 8 }));
    d.addColumn(Column::categorical(
        QStringLiteral("cls"), { 0, 1, 0, 1 }, { QStringLiteral("x"), QStringLiteral("y") }));
    d.addColumn(Column::numeric(QStringLiteral("c"), { -1, -2, -3, -4 }));
    d.setRole(2, ColumnRole::Target);
    return d;
}

// Runs node type `typeId`'s compute function directly on `input`.
struct Outcome {
    NodeValuePtr output;
    NodeValuePtr result;
    QString error;
};

// Runs a File node reading `path` with `params`; the table, or the node's message.
struct FileOutcome {
    std::shared_ptr<const Dataset> data;
    QString error;
};

FileOutcome readFile(const QString &path, QVariantMap params = {})
{
    GraphModel model(BuiltinNodes::registry());
    params.insert(QStringLiteral("path"), path);
    const Result<int> file = model.addNode(FileSourceNode::typeId(), {}, params);
    if (!file)
        return { nullptr, file.error() };
    Executor executor(model);
    const RunSummary s = executor.runBlocking();
    FileOutcome out;
    if (!s.ok()) {
        out.error = executor.state(file.value()).message;
        return out;
    }
    const NodeValuePtr value = executor.output(file.value());
    out.data = std::shared_ptr<const Dataset>(value, value->as<Dataset>());
    return out;
}

QStringList targets(const Dataset &d)
{
    QStringList out;
    for (int i : d.columnsWithRole(ColumnRole::Target))
        out << d.column(i).name();
    return out;
}

Outcome runType(const NodeType *type, const Dataset &input, const QVariantMap &params = {},
    const std::atomic<bool> *cancel = nullptr)
{
    Outcome out;
    auto complete = type->completeParameters(params);
    if (!complete) {
        out.error = complete.error();
        return out;
    }
    NodeContext ctx(1, *type, complete.value(), { makeValue(input) }, {}, cancel);
    try {
        type->createCompute()(ctx);
    } catch (const NodeError &e) {
        out.error = e.message();
        return out;
    }
    out.output = ctx.outputs().empty() ? nullptr : ctx.outputs()[0];
    out.result = ctx.result();
    return out;
}

Outcome runNode(const QString &typeId, const Dataset &input, const QVariantMap &params = {},
    const std::atomic<bool> *cancel = nullptr)
{
    return runType(BuiltinNodes::registry().find(typeId), input, params, cancel);
}

} // namespace

class TestNodes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtinRegistry()
    {
        NodeRegistry &registry = BuiltinNodes::registry();
        QCOMPARE(&registry, &BuiltinNodes::registry());
        QStringList ids = registry.ids();
        for (const char *id : { "data.file", "data.select", "view.table", "view.histogram",
                 "view.correlation", "view.scatter" })
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QVERIFY(registry.categories().contains(QStringLiteral("Data")));
        QVERIFY(registry.categories().contains(QStringLiteral("View")));
        for (const NodeType *t : registry.types()) {
            QVERIFY2(t->checkDescriptor().ok(), qPrintable(t->id));
            QVERIFY2(!t->displayName.isEmpty() && !t->description.isEmpty(), qPrintable(t->id));
            for (const ParameterSpec &p : t->parameters)
                QVERIFY2(!p.help.isEmpty() && !p.label.isEmpty(),
                    qPrintable(t->id + QLatin1Char('.') + p.name));
            // A view is a sink, or a view whose result is also a table for the rest of the
            // workflow (Dendrogram's clusters, t-SNE's and MDS's embeddings).
            if (t->category == QLatin1String("View") && !t->isSink())
                for (const PortSpec &out : t->outputs)
                    QVERIFY2(out.type == PortType::Table, qPrintable(t->id));
        }
        // Registering the built-ins twice is refused (ids are unique)...
        QVERIFY(!BuiltinNodes::registerAll(registry));
        // ... and more types can join the default registry.
        NodeType extra;
        extra.id = QStringLiteral("test.extra");
        extra.setCompute([](NodeContext &) {});
        QVERIFY(registry.add(extra).ok());
        QVERIFY(registry.find(QStringLiteral("test.extra")));
    }

    void selectColumns()
    {
        Outcome o = runNode(QStringLiteral("data.select"), sample(),
            { { QStringLiteral("columns"),
                  QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("cls") } },
                { QStringLiteral("target"), QStringLiteral("a") },
                { QStringLiteral("ignored"), QStringList { QStringLiteral("c") } } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const Dataset *d = o.output->as<Dataset>();
        QVERIFY(d);
        QCOMPARE(d->columnNames(),
            (QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("cls") }));
        QVERIFY(d->column(0).role() == ColumnRole::Ignore);
        QVERIFY(d->column(1).role() == ColumnRole::Target);
        QVERIFY(d->column(2).role() == ColumnRole::Feature); // the former target
        QCOMPARE(d->rowCount(), 4);
        QCOMPARE(d->name(), QStringLiteral("sample"));
        // Columns are shared with the input, not copied.
        QVERIFY(d->column(1).sharesDataWith(sample().column(0))
            || d->column(1).values().data() != nullptr);

        // Empty parameters: everything, roles untouched.
        o = runNode(QStringLiteral("data.select"), sample());
        QCOMPARE(o.output->as<Dataset>()->columnCount(), 4);
        QVERIFY(o.output->as<Dataset>()->column(2).role() == ColumnRole::Target);
    }

    void selectColumnsErrors_data()
    {
        QTest::addColumn<QVariantMap>("params");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown column") << QVariantMap {
            { QStringLiteral("columns"), QStringList { QStringLiteral("zzz") } }
        } << QStringLiteral("Columns: column 'zzz' not found in the input (columns: a, b, cls, c)");
        QTest::newRow("listed twice") << QVariantMap {
            { QStringLiteral("columns"), QStringList { QStringLiteral("a"), QStringLiteral("a") } }
        } << QStringLiteral("Columns: column 'a' is listed twice");
        QTest::newRow("target dropped")
            << QVariantMap { { QStringLiteral("columns"), QStringList { QStringLiteral("a") } },
                   { QStringLiteral("target"), QStringLiteral("b") } }
            << QStringLiteral("Target: column 'b' is not among the kept columns");
        QTest::newRow("target unknown")
            << QVariantMap { { QStringLiteral("target"), QStringLiteral("q") } }
            << QStringLiteral("Target: column 'q' not found");
        QTest::newRow("target ignored")
            << QVariantMap { { QStringLiteral("target"), QStringLiteral("a") },
                   { QStringLiteral("ignored"), QStringList { QStringLiteral("a") } } }
            << QStringLiteral("cannot be both the target and ignored");
    }

    void selectColumnsErrors()
    {
        QFETCH(QVariantMap, params);
        QFETCH(QString, error);
        const Outcome o = runNode(QStringLiteral("data.select"), sample(), params);
        QVERIFY(!o.output);
        QVERIFY2(o.error.contains(error), qPrintable(o.error));
    }

    void tableViewSharesItsInput()
    {
        const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("view.table"));
        const NodeValuePtr input = makeValue(sample());
        NodeContext ctx(1, *type, type->defaultParameters(), { input });
        type->createCompute()(ctx);
        QCOMPARE(ctx.result().get(), input.get()); // the same object, no copy
    }

    void histogram()
    {
        Outcome o = runNode(QStringLiteral("view.histogram"), sample(),
            { { QStringLiteral("column"), QStringLiteral("b") }, { QStringLiteral("bins"), 3 } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(!o.output);
        const ColumnHistogram *h = o.result->as<ColumnHistogram>();
        QVERIFY(h);
        QCOMPARE(h->column, QStringLiteral("b"));
        QVERIFY(h->columnType == ColumnType::Numeric);
        const Histogram expected = Statistics::histogram(sample().column(1), 3);
        QCOMPARE(h->histogram.counts, expected.counts);
        QCOMPARE(h->histogram.edges, expected.edges);
        QCOMPARE(h->histogram.edges.size(), std::size_t(4));

        // Default column: the first numeric one.
        o = runNode(QStringLiteral("view.histogram"), sample());
        QCOMPARE(o.result->as<ColumnHistogram>()->column, QStringLiteral("a"));
        // Categorical: one bin per category.
        o = runNode(QStringLiteral("view.histogram"), sample(),
            { { QStringLiteral("column"), QStringLiteral("cls") } });
        QCOMPARE(o.result->as<ColumnHistogram>()->histogram.labels,
            (QStringList { QStringLiteral("x"), QStringLiteral("y") }));
        QCOMPARE(o.result->as<ColumnHistogram>()->histogram.counts,
            (std::vector<std::int64_t> { 2, 2 }));

        o = runNode(QStringLiteral("view.histogram"), sample(),
            { { QStringLiteral("column"), QStringLiteral("nope") } });
        QVERIFY2(o.error.contains(QStringLiteral("column 'nope' not found")), qPrintable(o.error));
        o = runNode(QStringLiteral("view.histogram"), sample(), { { QStringLiteral("bins"), 0 } });
        QVERIFY2(o.error.contains(QStringLiteral("bins: 0 is below the minimum 1")),
            qPrintable(o.error));
    }

    // The exploration views' nodes (NodeInspector's profiling graph).
    void columnProfile()
    {
        const NodeType type = ColumnProfileNode::type();
        QCOMPARE(type.id, QStringLiteral("inspect.columns"));
        QVERIFY(type.isSink());
        Outcome o = runType(&type, sample(), { { QStringLiteral("bins"), 2 } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const ColumnProfile *p = o.result ? o.result->as<ColumnProfile>() : nullptr;
        QVERIFY(p);
        QCOMPARE(p->bins, 2);
        QCOMPARE(p->summaries.size(), 4);
        QCOMPARE(p->histograms.size(), std::size_t(4));
        QCOMPARE(p->summaries[1].count, std::int64_t(4));
        QCOMPARE(p->summaries[1].mean, 5.0);
        // a = 1 2 3 4 in two bins; cls = x y x y in one bin per category.
        QCOMPARE(p->histograms[0].counts, (std::vector<std::int64_t> { 2, 2 }));
        QCOMPARE(p->histograms[2].counts, (std::vector<std::int64_t> { 2, 2 }));
        QCOMPARE(p->histograms[0].edges.size(), std::size_t(3));

        o = runType(&type, sample());
        QCOMPARE(o.result->as<ColumnProfile>()->bins, 20);
        o = runType(&type, sample(), { { QStringLiteral("bins"), 0 } });
        QVERIFY2(o.error.contains(QStringLiteral("bins: 0 is below the minimum 1")),
            qPrintable(o.error));
        std::atomic<bool> cancel { true };
        o = runType(&type, sample(), {}, &cancel);
        QVERIFY(o.error.isEmpty());
        QVERIFY(!o.result);
    }

    void projection()
    {
        const NodeType type = ProjectionNode::type();
        QCOMPARE(type.id, QStringLiteral("inspect.projection"));
        QVERIFY(type.isSink());
        // Three numeric features with a missing cell in row 2: that row is left out.
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("x"), { 1, 2, 3, 4, 5, 6 }));
        d.addColumn(Column::numeric(QStringLiteral("y"),
            { 2, 1, std::numeric_limits<double>::quiet_NaN(), 3, 6, 5 }, { 0, 0, 1, 0, 0, 0 }));
        d.addColumn(Column::numeric(QStringLiteral("z"), { 0, 1, 0, 1, 0, 1 }));
        Outcome o = runType(&type, d);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const TableProjection *p = o.result ? o.result->as<TableProjection>() : nullptr;
        QVERIFY(p);
        QVERIFY2(p->ok(), qPrintable(p->info.error));
        QCOMPARE(p->rows, (std::vector<qint64> { 0, 1, 3, 4, 5 }));
        QCOMPARE(p->pc1.size(), 5);
        QCOMPARE(p->pc2.size(), 5);
        QVERIFY(p->info.pc1.empty() && p->info.rowIds.empty());
        // The same coordinates as PcaProjection on the table.
        const PcaProjection direct = PcaProjection::compute(d);
        QCOMPARE(p->info.ratio1, direct.ratio1);
        QCOMPARE(p->info.columns, direct.columns);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(p->pc1.values()[i], direct.pc1[i]);
            QCOMPARE(p->pc2.values()[i], direct.pc2[i]);
        }
        QVERIFY(p->pc1.name().startsWith(QStringLiteral("PC1 (")));
        QVERIFY(p->pc1.name().endsWith(QStringLiteral("% of variance)")));

        // Every row complete: no row list. One numeric column: no projection, and why.
        o = runType(&type, sample());
        QVERIFY(o.result->as<TableProjection>()->ok());
        QVERIFY(o.result->as<TableProjection>()->rows.empty());
        Dataset one;
        one.addColumn(Column::numeric(QStringLiteral("x"), { 1, 2, 3 }));
        o = runType(&type, one);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(!o.result->as<TableProjection>()->ok());
        QVERIFY(!o.result->as<TableProjection>()->info.error.isEmpty());
        QCOMPARE(o.result->as<TableProjection>()->pc1.size(), 0);
        std::atomic<bool> cancel { true };
        o = runType(&type, d, {}, &cancel);
        QVERIFY(!o.result);
    }

    void correlation()
    {
        Outcome o = runNode(QStringLiteral("view.correlation"), sample());
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const CorrelationMatrix *m = o.result->as<CorrelationMatrix>();
        QVERIFY(m);
        QCOMPARE(m->names,
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QVERIFY(std::abs(m->at(0, 1) - 1.0) < 1e-12);
        QVERIFY(std::abs(m->at(0, 2) + 1.0) < 1e-12);

        o = runNode(QStringLiteral("view.correlation"), sample(),
            { { QStringLiteral("columns"),
                QStringList { QStringLiteral("c"), QStringLiteral("a") } } });
        QCOMPARE(o.result->as<CorrelationMatrix>()->names,
            (QStringList { QStringLiteral("c"), QStringLiteral("a") }));

        o = runNode(QStringLiteral("view.correlation"), sample(),
            { { QStringLiteral("columns"),
                QStringList { QStringLiteral("a"), QStringLiteral("cls") } } });
        QVERIFY2(
            o.error.contains(QStringLiteral("column 'cls' is not numeric")), qPrintable(o.error));

        // Cancelled: no result.
        std::atomic<bool> cancel { true };
        o = runNode(QStringLiteral("view.correlation"), sample(), {}, &cancel);
        QVERIFY(o.error.isEmpty());
        QVERIFY(!o.result);
    }

    void scatter()
    {
        Outcome o = runNode(QStringLiteral("view.scatter"), sample());
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const ScatterData *s = o.result->as<ScatterData>();
        QVERIFY(s);
        QCOMPARE(s->x.name(), QStringLiteral("a"));
        QCOMPARE(s->y.name(), QStringLiteral("b"));
        QVERIFY(s->color.has_value());
        QCOMPARE(s->color->name(), QStringLiteral("cls")); // the target by default
        QVERIFY(s->x.sharesDataWith(sample().column(0)) || s->x.size() == 4);

        o = runNode(QStringLiteral("view.scatter"), sample(),
            { { QStringLiteral("y"), QStringLiteral("a") },
                { QStringLiteral("color"), QStringLiteral("c") } });
        s = o.result->as<ScatterData>();
        QCOMPARE(s->x.name(), QStringLiteral("b")); // the first numeric column not on y
        QCOMPARE(s->y.name(), QStringLiteral("a"));
        QCOMPARE(s->color->name(), QStringLiteral("c"));

        Dataset one;
        one.addColumn(Column::numeric(QStringLiteral("only"), { 1, 2 }));
        o = runNode(QStringLiteral("view.scatter"), one);
        QVERIFY2(o.error.contains(QStringLiteral("too few numeric columns")), qPrintable(o.error));
        QVERIFY(!runNode(QStringLiteral("view.scatter"), one).result);

        // A clustering node's "cluster" column is the colour before the target; size and
        // shape columns; the input table for the view's controls.
        Dataset clustered = sample();
        clustered.addColumn(Column::categorical(QStringLiteral("cluster"), { 0, 1, 1, 0 },
            { QStringLiteral("0"), QStringLiteral("1") }));
        o = runNode(QStringLiteral("view.scatter"), clustered,
            { { QStringLiteral("size"), QStringLiteral("b") },
                { QStringLiteral("shape"), QStringLiteral("cls") } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        s = o.result->as<ScatterData>();
        QCOMPARE(s->color->name(), QStringLiteral("cluster"));
        QCOMPARE(s->size->name(), QStringLiteral("b"));
        QCOMPARE(s->shape->name(), QStringLiteral("cls"));
        QCOMPARE(s->table.columnCount(), clustered.columnCount());
        // One colour overrides both the automatic cluster colour and a chosen column.
        for (const QString &chosen : { QString(), QStringLiteral("cls") }) {
            o = runNode(QStringLiteral("view.scatter"), clustered,
                { { QStringLiteral("color"), chosen }, { QStringLiteral("no_color"), true } });
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QVERIFY(!o.result->as<ScatterData>()->color);
        }
        o = runNode(QStringLiteral("view.scatter"), clustered,
            { { QStringLiteral("size"), QStringLiteral("cls") } });
        QVERIFY2(
            o.error.contains(QStringLiteral("Size")) && o.error.contains(QStringLiteral("numeric")),
            qPrintable(o.error));
    }

    void fileSourceReadsRelativePaths()
    {
        GraphModel model(BuiltinNodes::registry());
        const int file = model
                             .addNode(FileSourceNode::typeId(), {},
                                 { { QStringLiteral("path"), QStringLiteral("iris.csv") } })
                             .value();
        const int table = model.addNode(QStringLiteral("view.table")).value();
        QVERIFY(model.addConnection({ file, 0, table, 0 }).ok());
        model.setBaseDirectory(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples"));
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.value(file)));
        const Dataset *d = executor.result(table)->as<Dataset>();
        QVERIFY(d);
        QCOMPARE(d->rowCount(), 150);
        QCOMPARE(d->columnCount(), 5);
        QCOMPARE(d->column(4).name(), QStringLiteral("species"));
        QCOMPARE(d->column(4).categories().size(), 3);
        QCOMPARE(QDir::cleanPath(d->source()), QDir::cleanPath(iris()));
        QCOMPARE(executor.output(file).get(), executor.result(table).get());
    }

    void fileSourceErrors()
    {
        GraphModel model(BuiltinNodes::registry());
        const int empty = model.addNode(FileSourceNode::typeId()).value();
        const int missing
            = model
                  .addNode(FileSourceNode::typeId(), {},
                      { { QStringLiteral("path"), QStringLiteral("/no/such/file.csv") } })
                  .value();
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("a,b\n1,2\n3,4,5,6\n\"unterminated\n");
        bad.close();
        const int broken = model
                               .addNode(FileSourceNode::typeId(), {},
                                   { { QStringLiteral("path"), bad.fileName() } })
                               .value();
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QCOMPARE(s.failed, (QList<int> { empty, missing, broken }));
        QCOMPARE(executor.state(empty).message, QStringLiteral("no file chosen"));
        QVERIFY2(executor.state(missing).message.contains(
                     QStringLiteral("/no/such/file.csv: no such file")),
            qPrintable(executor.state(missing).message));
        qInfo("broken file: %s", qPrintable(executor.state(broken).message));
        QVERIFY(executor.state(broken).message.contains(bad.fileName()));
    }

    void fileSourceRereadsAnEditedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x,y\n1,2\n3,4\n");
        }
        GraphModel model(BuiltinNodes::registry());
        const int file
            = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), path } })
                  .value();
        Executor executor(model);
        QVERIFY(executor.runBlocking().ok());
        QCOMPARE(executor.output(file)->as<Dataset>()->rowCount(), 2);
        QVERIFY(executor.isUpToDate(file));
        QCOMPARE(executor.runBlocking().reused, QList<int> { file });

        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("5,6\n");
        }
        QVERIFY(!executor.isUpToDate(file)); // the size changed
        const RunSummary s = executor.runBlocking();
        QCOMPARE(s.executed, QList<int> { file });
        QCOMPARE(executor.output(file)->as<Dataset>()->rowCount(), 3);
    }

    void fileSourceProgressAndCancel()
    {
        // A file big enough to take a while: 1.5 million rows (~40 MB).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray block;
            for (int i = 0; i < 1000; ++i)
                block += QByteArray::number(i) + ",0." + QByteArray::number(i * 7919 % 10000)
                    + ",label" + QByteArray::number(i % 7) + "," + QByteArray::number(i * 31)
                    + "\n";
            f.write("id,value,label,other\n");
            for (int i = 0; i < 1500; ++i)
                f.write(block);
        }
        GraphModel model(BuiltinNodes::registry());
        const int file
            = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), path } })
                  .value();
        Executor executor(model);

        struct Receiver : QObject {
            std::vector<double> progress;
            NodeStatus last = NodeStatus::Idle;
            std::chrono::steady_clock::time_point cancelledAt;
        } receiver;
        // Worker thread -> receiver (main thread): queued.
        connect(
            &executor, &Executor::nodeProgress, &receiver,
            [&](int, double f) { receiver.progress.push_back(f); }, Qt::QueuedConnection);
        // Worker thread -> receiver (main thread): queued.
        connect(
            &executor, &Executor::nodeStatusChanged, &receiver,
            [&](int, NodeStatus st, const QString &) {
                receiver.last = st;
                if (st == NodeStatus::Cancelled)
                    receiver.cancelledAt = std::chrono::steady_clock::now();
            },
            Qt::QueuedConnection);

        // A full load first: progress goes up to 1.
        QElapsedTimer timer;
        timer.start();
        const RunSummary full = executor.runBlocking();
        QVERIFY2(full.ok(), qPrintable(full.failureMessages.value(file)));
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(executor.output(file)->as<Dataset>()->rowCount(), 1500000);
        QTRY_COMPARE(receiver.last, NodeStatus::Done);
        QVERIFY(receiver.progress.size() >= 2);
        QVERIFY(std::is_sorted(receiver.progress.begin(), receiver.progress.end()));
        QVERIFY(receiver.progress.size() <= 101);
        qInfo("loaded 1.5M rows in %lld ms with %zu progress updates", loadMs,
            receiver.progress.size());

        // Then a cancelled one, from the load's first progress report.
        executor.clearCache();
        receiver.progress.clear();
        std::atomic<bool> cancelRequested { false };
        std::atomic<std::chrono::steady_clock::rep> cancelAtTicks { 0 };
        QObject canceller;
        // Worker thread, direct: cancels mid-load, deterministically (cancel() holds no lock
        // that progress reports take).
        connect(
            &executor, &Executor::nodeProgress, &canceller,
            [&](int, double f) {
                if (f < 1.0 && !cancelRequested.exchange(true)) {
                    cancelAtTicks = std::chrono::steady_clock::now().time_since_epoch().count();
                    executor.cancel();
                }
            },
            Qt::DirectConnection);
        QVERIFY(executor.run());
        QTRY_VERIFY_WITH_TIMEOUT(!executor.isRunning(), 30000);
        QVERIFY2(cancelRequested.load(), "the load never reported progress to cancel at");
        QTRY_COMPARE(receiver.last, NodeStatus::Cancelled);
        const std::chrono::steady_clock::time_point cancelAt { std::chrono::steady_clock::duration {
            cancelAtTicks.load() } };
        const double ms
            = std::chrono::duration<double, std::milli>(receiver.cancelledAt - cancelAt).count();
        qInfo("File node cancel latency (delivered to the GUI thread): %.1f ms", ms);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
        QCOMPARE(executor.status(file), NodeStatus::Cancelled);
        QVERIFY(!executor.output(file));
        QVERIFY(executor.lastSummary().cancelled);
    }

    void fileSourceComputeSeesCancel()
    {
        const NodeType *type = BuiltinNodes::registry().find(FileSourceNode::typeId());
        std::atomic<bool> cancel { true };
        NodeContext ctx(1, *type,
            type->completeParameters({ { QStringLiteral("path"), iris() } }).value(), {}, {},
            &cancel);
        type->createCompute()(ctx); // returns without output; the executor reports Cancelled
        QVERIFY(!ctx.outputs()[0]);
    }

    void exampleWorkflowEndToEnd()
    {
        GraphModel model(BuiltinNodes::registry());
        Status loaded = WorkflowFile::load(
            QStringLiteral(SEXTANT_TEST_DATA_DIR "/workflows/iris.sextant"), model);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        Executor executor(model);
        const RunSummary s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.values().join(QLatin1Char('\n'))));
        QCOMPARE(s.executed, (QList<int> { 1, 2, 3, 4, 5, 6 }));

        const Dataset *table = executor.result(3)->as<Dataset>();
        QVERIFY(table);
        QCOMPARE(table->columnNames(),
            (QStringList { QStringLiteral("petal_length"), QStringLiteral("petal_width"),
                QStringLiteral("sepal_length"), QStringLiteral("species") }));
        QCOMPARE(table->columnsWithRole(ColumnRole::Target), QList<int> { 3 });

        const ColumnHistogram *h = executor.result(4)->as<ColumnHistogram>();
        QVERIFY(h);
        QCOMPARE(h->histogram.counts.size(), std::size_t(10));
        std::int64_t total = 0;
        for (auto c : h->histogram.counts)
            total += c;
        QCOMPARE(total, 150);

        const CorrelationMatrix *m = executor.result(5)->as<CorrelationMatrix>();
        QVERIFY(m);
        QCOMPARE(m->names.size(), 3);
        QVERIFY(m->at(0, 1) > 0.9); // petal length and width

        const ScatterData *sc = executor.result(6)->as<ScatterData>();
        QVERIFY(sc);
        QCOMPARE(sc->x.name(), QStringLiteral("petal_length"));
        QCOMPARE(sc->color->name(), QStringLiteral("species"));
        QCOMPARE(sc->x.size(), 150);

        // The file round-trips: written canonically, read back identical.
        QTemporaryDir dir;
        QVERIFY(WorkflowFile::save(model, dir.filePath(QStringLiteral("copy.sextant"))).ok());
        GraphModel copy(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::load(dir.filePath(QStringLiteral("copy.sextant")), copy).ok());
        QCOMPARE(WorkflowFile::serialize(copy), WorkflowFile::serialize(model));

        // A parameter edit downstream re-runs that node only.
        QVERIFY(model.setParameter(4, QStringLiteral("bins"), 5).ok());
        const RunSummary again = executor.runBlocking();
        QCOMPARE(again.executed, QList<int> { 4 });
        QCOMPARE(
            executor.result(4)->as<ColumnHistogram>()->histogram.counts.size(), std::size_t(5));
    }

    void fileSourceProposesATarget()
    {
        // Delimited text: the last categorical column.
        FileOutcome o = readFile(iris());
        QVERIFY2(o.data, qPrintable(o.error));
        QCOMPARE(targets(*o.data), QStringList { QStringLiteral("species") });
        // Not asked for: no target, as before the proposal existed.
        o = readFile(iris(), { { QStringLiteral("propose_target"), false } });
        QVERIFY2(o.data, qPrintable(o.error));
        QVERIFY(targets(*o.data).isEmpty());
        // ARFF: the class attribute (the last one, as Weka reads it), with or without.
        for (const bool propose : { true, false }) {
            o = readFile(QStringLiteral(SEXTANT_TEST_DATA_DIR "/arff/iris.arff"),
                { { QStringLiteral("propose_target"), propose } });
            QVERIFY2(o.data, qPrintable(o.error));
            QCOMPARE(targets(*o.data), QStringList { QStringLiteral("class") });
        }
        // No categorical column: nothing to propose.
        QTemporaryDir dir;
        const QString numbers = dir.filePath(QStringLiteral("numbers.csv"));
        QFile f(numbers);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x,y\n1,2\n3,4\n");
        f.close();
        o = readFile(numbers);
        QVERIFY2(o.data, qPrintable(o.error));
        QVERIFY(targets(*o.data).isEmpty());
        // Read as categorical, the last column is proposed.
        o = readFile(
            numbers, { { QStringLiteral("categorical"), QStringList { QStringLiteral("y") } } });
        QVERIFY2(o.data, qPrintable(o.error));
        QCOMPARE(targets(*o.data), QStringList { QStringLiteral("y") });
        QVERIFY(o.data->column(1).isCategorical());
        QCOMPARE(o.data->column(1).categories(),
            (QStringList { QStringLiteral("2"), QStringLiteral("4") }));
    }

    void fileSourceRoleAndTypeOverrides()
    {
        const FileOutcome o = readFile(iris(),
            { { QStringLiteral("target"), QStringLiteral("sepal_length") },
                { QStringLiteral("meta"), QStringList { QStringLiteral("petal_width") } },
                { QStringLiteral("drop"), QStringList { QStringLiteral("sepal_width") } },
                { QStringLiteral("categorical"),
                    QStringList { QStringLiteral("petal_length") } } });
        QVERIFY2(o.data, qPrintable(o.error));
        const Dataset &d = *o.data;
        QCOMPARE(d.columnNames(),
            (QStringList { QStringLiteral("sepal_length"), QStringLiteral("petal_length"),
                QStringLiteral("petal_width"), QStringLiteral("species") }));
        QCOMPARE(targets(d), QStringList { QStringLiteral("sepal_length") });
        QVERIFY(d.column(1).isCategorical() && d.column(1).role() == ColumnRole::Feature);
        QVERIFY(d.column(2).role() == ColumnRole::Ignore); // meta: kept, not used by models
        QVERIFY(d.column(3).role() == ColumnRole::Feature); // the proposal gave way
        QCOMPARE(d.rowCount(), 150);

        // The proposed target made a feature: no target at all.
        FileOutcome none = readFile(
            iris(), { { QStringLiteral("features"), QStringList { QStringLiteral("species") } } });
        QVERIFY2(none.data, qPrintable(none.error));
        QVERIFY(targets(*none.data).isEmpty());
        // A categorical column of numbers read as numbers.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("codes.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("code,label\n\"1\",a\n\"2.5\",b\nx,a\n");
        f.close();
        FileOutcome bad = readFile(
            path, { { QStringLiteral("numeric"), QStringList { QStringLiteral("code") } } });
        QVERIFY(!bad.data);
        QVERIFY2(bad.error.contains(QStringLiteral("codes.csv"))
                && bad.error.contains(QStringLiteral("'code'"))
                && bad.error.contains(QStringLiteral("'x'")),
            qPrintable(bad.error));
    }

    void fileSourceRoleErrors_data()
    {
        QTest::addColumn<QVariantMap>("params");
        QTest::addColumn<QString>("error");
        const auto list
            = [](const char *name) { return QStringList { QString::fromLatin1(name) }; };
        QTest::newRow("unknown target")
            << QVariantMap { { QStringLiteral("target"), QStringLiteral("colour") } }
            << QStringLiteral("iris.csv: Target: column 'colour' not found");
        QTest::newRow("unknown meta") << QVariantMap { { QStringLiteral("meta"), list("petals") } }
                                      << QStringLiteral("Meta: column 'petals' not found");
        QTest::newRow("unknown drop") << QVariantMap { { QStringLiteral("drop"), list("zz") } }
                                      << QStringLiteral("Dropped: column 'zz' not found");
        QTest::newRow("unknown features")
            << QVariantMap { { QStringLiteral("features"), list("zz") } }
            << QStringLiteral("Features: column 'zz' not found");
        QTest::newRow("unknown categorical")
            << QVariantMap { { QStringLiteral("categorical"), list("zz") } }
            << QStringLiteral("As categorical: column 'zz' not found");
        QTest::newRow("two roles") << QVariantMap {
            { QStringLiteral("meta"), list("species") }, { QStringLiteral("drop"), list("species") }
        } << QStringLiteral("column 'species' is in both Meta and Dropped");
        QTest::newRow("target dropped")
            << QVariantMap { { QStringLiteral("target"), QStringLiteral("species") },
                   { QStringLiteral("drop"), list("species") } }
            << QStringLiteral("column 'species' is in both Target and Dropped");
        QTest::newRow("two types")
            << QVariantMap { { QStringLiteral("categorical"), list("species") },
                   { QStringLiteral("numeric"), list("species") } }
            << QStringLiteral("column 'species' is in both As categorical and As numeric");
        QTest::newRow("not numbers")
            << QVariantMap { { QStringLiteral("numeric"), list("species") } }
            << QStringLiteral("column 'species' has the category 'setosa', which is not a number");
    }

    void fileSourceRoleErrors()
    {
        QFETCH(QVariantMap, params);
        QFETCH(QString, error);
        const FileOutcome o = readFile(iris(), params);
        QVERIFY(!o.data);
        QVERIFY2(o.error.contains(error), qPrintable(o.error));
    }

    void learnerTrainsOnTheFilesTarget()
    {
        // A learner wired straight to a File node trains on its (proposed or chosen)
        // target; an explicit Select Columns target still wins.
        GraphModel model(BuiltinNodes::registry());
        const int file
            = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), iris() } })
                  .value();
        const int tree = model.addNode(QStringLiteral("model.decision_tree")).value();
        const int select = model
                               .addNode(QStringLiteral("data.select"), {},
                                   { { QStringLiteral("target"), QStringLiteral("petal_width") } })
                               .value();
        const int tree2 = model
                              .addNode(QStringLiteral("model.decision_tree"), {},
                                  { { QStringLiteral("task"), QStringLiteral("regression") } })
                              .value();
        QVERIFY(model.addConnection({ file, 0, tree, 0 }).ok());
        QVERIFY(model.addConnection({ file, 0, select, 0 }).ok());
        QVERIFY(model.addConnection({ select, 0, tree2, 0 }).ok());
        Executor executor(model);
        RunSummary s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.values().join(QLatin1Char('\n'))));
        const auto targetOf = [&](int node) {
            return (*executor.output(node)->as<TrainedModelPtr>())->target.name();
        };
        QCOMPARE(targetOf(tree), QStringLiteral("species"));
        QCOMPARE(targetOf(tree2), QStringLiteral("petal_width"));
        // Another target on the File node: the learner follows, Select Columns does not.
        QVERIFY(
            model.setParameter(file, QStringLiteral("target"), QStringLiteral("sepal_width")).ok());
        QVERIFY(
            model.setParameter(tree, QStringLiteral("task"), QStringLiteral("regression")).ok());
        s = executor.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.values().join(QLatin1Char('\n'))));
        QCOMPARE(targetOf(tree), QStringLiteral("sepal_width"));
        QCOMPARE(targetOf(tree2), QStringLiteral("petal_width"));
    }

    void oldWorkflowsReadFilesAsBefore()
    {
        // A workflow written before the File node proposed a target does not get one; a
        // workflow written now keeps what it says.
        const QByteArray old = R"({"format": "sextant-workflow", "version": 1, "nodes": [
            {"id": 1, "type": "data.file", "parameters": {"path": "iris.csv"}}]})";
        GraphModel model(BuiltinNodes::registry());
        const Status parsed = WorkflowFile::parse(old, model);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(model.parameter(1, QStringLiteral("propose_target")), QVariant(false));
        QCOMPARE(model.parameter(1, QStringLiteral("drop")), QVariant(QStringList()));
        // A new node proposes; saved and read back, it still does.
        GraphModel fresh(BuiltinNodes::registry());
        const int file = fresh
                             .addNode(FileSourceNode::typeId(), {},
                                 { { QStringLiteral("path"), iris() },
                                     { QStringLiteral("meta"),
                                         QStringList { QStringLiteral("sepal_width") } } })
                             .value();
        QCOMPARE(fresh.parameter(file, QStringLiteral("propose_target")), QVariant(true));
        GraphModel copy(BuiltinNodes::registry());
        QVERIFY(WorkflowFile::parse(WorkflowFile::serialize(fresh), copy).ok());
        QCOMPARE(copy.parameters(file), fresh.parameters(file));
    }

    void selectColumnsRoleAndTypeOverrides()
    {
        Outcome o = runNode(QStringLiteral("data.select"), sample(),
            { { QStringLiteral("drop"), QStringList { QStringLiteral("b") } },
                { QStringLiteral("features"), QStringList { QStringLiteral("cls") } },
                { QStringLiteral("categorical"), QStringList { QStringLiteral("a") } } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const Dataset *d = o.output->as<Dataset>();
        QCOMPARE(d->columnNames(),
            (QStringList { QStringLiteral("a"), QStringLiteral("cls"), QStringLiteral("c") }));
        QVERIFY(d->column(0).isCategorical());
        QVERIFY(d->columnsWithRole(ColumnRole::Target).isEmpty());
        o = runNode(QStringLiteral("data.select"), sample(),
            { { QStringLiteral("drop"), QStringList { QStringLiteral("q") } } });
        QVERIFY2(
            o.error.contains(QStringLiteral("Dropped: column 'q' not found")), qPrintable(o.error));
        o = runNode(QStringLiteral("data.select"), sample(),
            { { QStringLiteral("ignored"), QStringList { QStringLiteral("a") } },
                { QStringLiteral("features"), QStringList { QStringLiteral("a") } } });
        QVERIFY2(o.error.contains(QStringLiteral("column 'a' is in both Features and Meta")),
            qPrintable(o.error));
    }

    void roleEditsFromTheColumnList()
    {
        using C = ColumnRoleChoice;
        ColumnRoleEdits e;
        // The proposed target made a feature, then the target again: back to no override.
        e = e.withRole(QStringLiteral("species"), C::Feature, C::Target);
        QCOMPARE(e.features, QStringList { QStringLiteral("species") });
        e = e.withRole(QStringLiteral("species"), C::Target, C::Feature);
        QCOMPARE(e.features, QStringList());
        QCOMPARE(e.target, QStringLiteral("species"));
        // Another target replaces it; one role override per column.
        e = e.withRole(QStringLiteral("x"), C::Target, C::Feature);
        QCOMPARE(e.target, QStringLiteral("x"));
        e = e.withRole(QStringLiteral("x"), C::Ignored, C::Target);
        QCOMPARE(e.target, QString());
        QCOMPARE(e.drop, QStringList { QStringLiteral("x") });
        e = e.withRole(QStringLiteral("x"), C::Meta, C::Ignored);
        QCOMPARE(e.drop, QStringList());
        QCOMPARE(e.meta, QStringList { QStringLiteral("x") });
        // Same role: nothing changes.
        QCOMPARE(e.withRole(QStringLiteral("x"), C::Meta, C::Meta), e);
        // Types: an override, and switching back removes it.
        e = e.withType(QStringLiteral("n"), ColumnType::Categorical, ColumnType::Numeric);
        QCOMPARE(e.categorical, QStringList { QStringLiteral("n") });
        e = e.withType(QStringLiteral("n"), ColumnType::Numeric, ColumnType::Categorical);
        QCOMPARE(e.categorical, QStringList());
        QCOMPARE(e.numeric, QStringList());
        // Round trip through parameters.
        QCOMPARE(ColumnRoleEdits::fromParameters(
                     e.toParameters(QStringLiteral("meta")), QStringLiteral("meta")),
            e);
    }
};

QTEST_GUILESS_MAIN(TestNodes)
#include "tst_nodes.moc"
