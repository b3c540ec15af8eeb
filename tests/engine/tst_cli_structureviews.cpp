// `sextant run` on a workflow with the structure views: the Dendrogram node's data as
// JSON/CSV (the leaf order checked against SciPy on iris) and, in builds with the GUI,
// its plot as PNG and SVG drawn headless; its cluster output feeds the rest; the t-SNE
// and MDS nodes' scatters; the Tree Viewer's nodes as JSON and its picture.
#include "FileContents.h"
#include "SextantProcess.h"
#include "SklearnReference.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using sextant::testing::runSextant;
using sextant::testing::SklearnReference;

namespace {

const char *kWorkflow = R"({
  "format": "sextant-workflow",
  "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
    {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "species"}},
    {"id": 3, "type": "view.dendrogram", "position": [400, 0],
     "parameters": {"clusters": 4, "linkage": "average", "labels": "species"}},
    {"id": 4, "type": "view.silhouette", "position": [600, 0]},
    {"id": 5, "type": "embed.tsne", "position": [400, 150], "parameters": {"max_iter": 300}},
    {"id": 6, "type": "embed.mds", "position": [400, 300], "parameters": {"standardize": true}}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "data", "to": 4, "input": "data"},
    {"from": 2, "output": "data", "to": 5, "input": "data"},
    {"from": 2, "output": "data", "to": 6, "input": "data"}
  ]
})";

// A decision tree on iris and its Tree Viewer, the training table counted down the tree.
const char *kTreeWorkflow = R"({
  "format": "sextant-workflow",
  "version": 1,
  "nodes": [
    {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "iris.csv"}},
    {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": "species"}},
    {"id": 3, "type": "model.decision_tree", "position": [400, 0]},
    {"id": 4, "type": "view.tree", "position": [600, 0], "parameters": {"max_depth": 2}}
  ],
  "connections": [
    {"from": 1, "output": "data", "to": 2, "input": "data"},
    {"from": 2, "output": "data", "to": 3, "input": "data"},
    {"from": 3, "output": "model", "to": 4, "input": "model"},
    {"from": 2, "output": "data", "to": 4, "input": "data"}
  ]
})";

using sextant::testing::readAll;
using sextant::testing::readJson;

} // namespace

class TestCliStructureViews : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dendrogram()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iris = dir.filePath(QStringLiteral("iris.csv"));
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"), iris));
        {
            QFile f(dir.filePath(QStringLiteral("views.sextant")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kWorkflow);
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = runSextant({ QStringLiteral("run"),
            dir.filePath(QStringLiteral("views.sextant")), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

        const QJsonObject d = readJson(out + QStringLiteral("/3-dendrogram.json"));
        QCOMPARE(d[QStringLiteral("linkage")].toString(), QStringLiteral("average"));
        QCOMPARE(d[QStringLiteral("samples")].toInt(), 150);
        QCOMPARE(d[QStringLiteral("clusters")].toInt(), 4);
        QCOMPARE(d[QStringLiteral("cluster_sizes")].toArray().size(), 4);
        QCOMPARE(d[QStringLiteral("icoord")].toArray().size(), 149);
        const QList<QByteArray> csv
            = readAll(out + QStringLiteral("/3-dendrogram.csv")).trimmed().split('\n');
        QCOMPARE(csv.size(), 151);
        QCOMPARE(csv[0], QByteArray("row,label,leaf,cluster"));
        QVERIFY(csv[1].startsWith("0,setosa,"));
        // The clusters reach the next node: its silhouette is of 4 clusters.
        const QJsonObject sil = readJson(out + QStringLiteral("/4-silhouette.json"));
        QCOMPARE(sil[QStringLiteral("clusters")].toArray().size(), 4);

        // t-SNE: its scatter written as a Scatter node's, one line per row.
        QCOMPARE(readAll(out + QStringLiteral("/5-tsne.csv")).trimmed().split('\n').size(), 151);
        // MDS: the same, its columns named as the node's output names them.
        const QList<QByteArray> mds
            = readAll(out + QStringLiteral("/6-mds.csv")).trimmed().split('\n');
        QCOMPARE(mds.size(), 151);
        QVERIFY2(mds[0].contains("MDS 1") && mds[0].contains("MDS 2"), mds[0].constData());
        const QJsonObject scatter = readJson(out + QStringLiteral("/6-mds.json"));
        QCOMPARE(scatter[QStringLiteral("x_column")].toString(), QStringLiteral("MDS 1"));
        QCOMPARE(scatter[QStringLiteral("y_column")].toString(), QStringLiteral("MDS 2"));

        // The leaves and the drawing are SciPy's dendrogram() of the linkage written.
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        SklearnReference ref;
        QVERIFY(QFile::copy(iris, ref.path(QStringLiteral("iris.csv"))));
        QFile z(ref.path(QStringLiteral("Z.json")));
        QVERIFY(z.open(QIODevice::WriteOnly));
        z.write(QJsonDocument(d[QStringLiteral("linkage_matrix")].toArray()).toJson());
        z.close();
        QString error;
        const QJsonObject s = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from scipy.cluster.hierarchy import dendrogram
Z = np.array(json.load(open("Z.json")), dtype=float)
d = dendrogram(Z, no_plot=True)
print(json.dumps({"leaves": d["leaves"], "icoord": d["icoord"], "dcoord": d["dcoord"]}))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(SklearnReference::toVector(d[QStringLiteral("leaves")]),
            SklearnReference::toVector(s[QStringLiteral("leaves")]));
        QCOMPARE(SklearnReference::toMatrix(d[QStringLiteral("icoord")]),
            SklearnReference::toMatrix(s[QStringLiteral("icoord")]));

        if (!QFile::exists(out + QStringLiteral("/3-dendrogram.png")))
            QSKIP("engine-only build: no plots drawn");
        const QByteArray png = readAll(out + QStringLiteral("/3-dendrogram.png"));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n") && png.size() > 1000);
        const QByteArray svg = readAll(out + QStringLiteral("/3-dendrogram.svg"));
        QVERIFY(svg.contains("<svg") && svg.contains("</svg>"));
        QVERIFY(readAll(out + QStringLiteral("/5-tsne.png")).startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(readAll(out + QStringLiteral("/5-tsne.svg")).contains("t-SNE 1"));
        QVERIFY(readAll(out + QStringLiteral("/6-mds.png")).startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(readAll(out + QStringLiteral("/6-mds.svg")).contains("MDS 1"));
    }

    void treeViewer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris.csv"),
            dir.filePath(QStringLiteral("iris.csv"))));
        {
            QFile f(dir.filePath(QStringLiteral("tree.sextant")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kTreeWorkflow);
        }
        const QString out = dir.filePath(QStringLiteral("out"));
        const auto r = runSextant({ QStringLiteral("run"),
            dir.filePath(QStringLiteral("tree.sextant")), QStringLiteral("--out"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList files = QDir(out).entryList(QDir::Files);
        const QStringList json = files.filter(QRegularExpression(QStringLiteral("^4-.*\\.json$")));
        QVERIFY2(json.size() == 1, qPrintable(files.join(QLatin1Char(' '))));
        const QJsonObject t = readJson(QDir(out).filePath(json.front()));
        QCOMPARE(t[QStringLiteral("learner")].toString(), QStringLiteral("Decision Tree"));
        QCOMPARE(t[QStringLiteral("task")].toString(), QStringLiteral("classification"));
        QCOMPARE(t[QStringLiteral("max_depth")].toInt(), 2);
        QCOMPARE(t[QStringLiteral("data_rows")].toInt(), 150);
        const QJsonArray nodes = t[QStringLiteral("nodes")].toArray();
        QVERIFY(!nodes.isEmpty());
        const QJsonObject root = nodes.first().toObject();
        QCOMPARE(root[QStringLiteral("samples")].toInt(), 150);
        QCOMPARE(root[QStringLiteral("class_counts")].toArray(), (QJsonArray { 50, 50, 50 }));
        QVERIFY(root[QStringLiteral("split")].toString().contains(QStringLiteral(" <= ")));
        const int left = root[QStringLiteral("left")].toInt();
        const int right = root[QStringLiteral("right")].toInt();
        QCOMPARE(nodes[left].toObject()[QStringLiteral("samples")].toInt()
                + nodes[right].toObject()[QStringLiteral("samples")].toInt(),
            150);
        for (const QJsonValue &n : nodes)
            QVERIFY(n.toObject()[QStringLiteral("depth")].toInt() <= 2);

        const QString base = QDir(out).filePath(json.front().chopped(5));
        if (!QFile::exists(base + QStringLiteral(".png")))
            QSKIP("engine-only build: no plots drawn");
        const QByteArray png = readAll(base + QStringLiteral(".png"));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n") && png.size() > 1000);
        QVERIFY(readAll(base + QStringLiteral(".svg")).contains("<svg"));
    }
};

QTEST_MAIN(TestCliStructureViews)
#include "tst_cli_structureviews.moc"
