// The preprocessing steps (engine/ml/*Transform): each compared with its scikit-learn
// counterpart on the reference datasets (fit on one part, transform the whole table), and
// their contracts: unseen categories, missing columns, missing values, state round trips
// and corrupted states.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "data/RowSelection.h"
#include "ml/DiscretizeTransform.h"
#include "ml/ImputeTransform.h"
#include "ml/MinMaxScaleTransform.h"
#include "ml/OneHotTransform.h"
#include "ml/PcaTransform.h"
#include "ml/PolynomialTransform.h"
#include "ml/StandardizeTransform.h"
#include "ml/TransformerFactory.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

const char *kScript = R"PY(
import json, warnings
import numpy as np, pandas as pd
warnings.filterwarnings("ignore")
from sklearn import preprocessing as P, impute as I, decomposition as D
o = json.load(open("opts.json"))
df = pd.read_csv(o["csv"])
feats = o["features"]
train = np.array(o["train"], dtype=int)
t = o["test"]
out = {}
def cols(names, M):
    return {n: [None if np.isnan(v) else float(v) for v in M[:, i]] for i, n in enumerate(names)}
if t == "onehot":
    C = df[feats].astype(str)
    enc = P.OneHotEncoder(handle_unknown="ignore", drop=("first" if o["drop"] else None))
    enc.fit(C.iloc[train])
    names = []
    for n in enc.get_feature_names_out(feats):
        for f in feats:
            if n.startswith(f + "_"):
                names.append(f + "=" + n[len(f) + 1:])
                break
    M = enc.transform(C)
    M = M.toarray() if hasattr(M, "toarray") else M
    out = cols(names, np.asarray(M, dtype=float))
    out["__names"] = names
else:
    X = df[feats].to_numpy(dtype=float)
    if o.get("const"):
        X = np.hstack([X, np.full((X.shape[0], 1), 3.25)])
        feats = feats + ["const"]
    if o.get("mask"):
        r = np.arange(X.shape[0])[:, None]
        j = np.arange(X.shape[1])[None, :]
        X[(r * 7 + j * 3) % 11 == 0] = np.nan
    if t == "standardize":
        out = cols(feats, P.StandardScaler().fit(X[train]).transform(X))
    elif t == "minmax":
        out = cols(feats, P.MinMaxScaler().fit(X[train]).transform(X))
    elif t == "impute":
        kw = {"strategy": o["strategy"]}
        if o["strategy"] == "constant":
            kw["fill_value"] = o["fill"]
        out = cols(feats, I.SimpleImputer(**kw).fit(X[train]).transform(X))
    elif t == "discretize":
        k = P.KBinsDiscretizer(n_bins=o["bins"], encode="ordinal", strategy=o["strategy"])
        k.fit(X[train])
        out = cols(feats, k.transform(X))
        out["__edges"] = {n: [float(e) for e in k.bin_edges_[i]] for i, n in enumerate(feats)}
    elif t == "poly":
        p = P.PolynomialFeatures(degree=o["degree"], interaction_only=o["interaction"],
                                 include_bias=False).fit(X[train])
        names = [n.replace(" ", "*") for n in p.get_feature_names_out(feats)]
        out = cols(names, p.transform(X))
        out["__names"] = names
    elif t == "pca":
        Z = X
        if o["standardize"]:
            Z = P.StandardScaler().fit(X[train]).transform(X)
        n = o["components"] if o["components"] > 0 else o["target"]
        p = D.PCA(n_components=n, svd_solver="full").fit(Z[train])
        C = p.components_.copy()
        T = p.transform(Z)
        for i in range(C.shape[0]):
            if C[i, np.argmax(np.abs(C[i]))] < 0:
                C[i] *= -1
                T[:, i] *= -1
        out = cols(["PC%d" % (i + 1) for i in range(T.shape[1])], T)
        out["__k"] = int(p.n_components_)
        out["__components"] = C.tolist()
print(json.dumps(out))
)PY";

QString datasetPath(const QString &name)
{
    return QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + name + QStringLiteral(".csv");
}

// A reference dataset with its last column as the target.
Dataset load(const QString &name)
{
    const LoadResult r = DatasetLoader::load(datasetPath(name));
    if (!r.ok())
        qFatal("cannot load %s", qPrintable(datasetPath(name)));
    Dataset d = *r.dataset;
    d.setRole(d.columnCount() - 1, ColumnRole::Target);
    return d;
}

std::vector<std::string> featureNames(const Dataset &d)
{
    std::vector<std::string> out;
    for (const Column &c : d.columns())
        if (c.role() == ColumnRole::Feature)
            out.push_back(c.name().toStdString());
    return out;
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to)
{
    std::vector<std::int64_t> out;
    for (std::int64_t i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

// Blanks cell (r, j) of the j-th feature column when (7r + 3j) % 11 == 0 (the Python
// script does the same).
Dataset withHoles(const Dataset &d)
{
    Dataset out = d;
    int j = 0;
    for (int c = 0; c < d.columnCount(); ++c) {
        if (d.column(c).role() != ColumnRole::Feature || !d.column(c).isNumeric())
            continue;
        std::vector<double> v(d.column(c).values().begin(), d.column(c).values().end());
        for (std::size_t r = 0; r < v.size(); ++r)
            if ((static_cast<std::int64_t>(r) * 7 + j * 3) % 11 == 0)
                v[r] = NaN;
        Column col = Column::numeric(d.column(c).name(), std::move(v));
        col.setRole(d.column(c).role());
        out.replaceColumn(c, col);
        ++j;
    }
    return out;
}

// Adds a constant feature column "const" (3.25) before the target.
Dataset withConstant(const Dataset &d)
{
    QList<Column> cols = d.columns();
    Column k = Column::numeric(
        QStringLiteral("const"), std::vector<double>(static_cast<std::size_t>(d.rowCount()), 3.25));
    cols.insert(cols.size() - 1, k);
    Dataset out;
    for (const Column &c : cols)
        out.addColumn(c);
    return out;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// True when both tables have the same columns (names, types, roles, categories) and the
// same cells bit for bit.
bool identical(const Dataset &a, const Dataset &b, QString *why)
{
    if (a.columnNames() != b.columnNames() || a.rowCount() != b.rowCount()) {
        *why = QStringLiteral("different columns or row counts");
        return false;
    }
    for (int c = 0; c < a.columnCount(); ++c) {
        const Column &x = a.column(c), &y = b.column(c);
        if (x.type() != y.type() || x.role() != y.role() || x.categories() != y.categories()) {
            *why = QStringLiteral("column %1 differs in type, role or categories").arg(x.name());
            return false;
        }
        for (std::int64_t r = 0; r < a.rowCount(); ++r) {
            const bool same = x.isNumeric()
                ? sameBits(x.values()[static_cast<std::size_t>(r)],
                    y.values()[static_cast<std::size_t>(r)])
                : x.codes()[static_cast<std::size_t>(r)] == y.codes()[static_cast<std::size_t>(r)];
            if (!same) {
                *why = QStringLiteral("column %1 row %2 differs").arg(x.name()).arg(r);
                return false;
            }
        }
    }
    return true;
}

QJsonArray toJson(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const std::string &s : v)
        a.push_back(QString::fromStdString(s));
    return a;
}

QJsonArray toJson(const std::vector<std::int64_t> &v)
{
    QJsonArray a;
    for (std::int64_t x : v)
        a.push_back(static_cast<qint64>(x));
    return a;
}

} // namespace

#define SKIP_WITHOUT_SKLEARN()                                                                     \
    do {                                                                                           \
        if (!m_skip.isEmpty())                                                                     \
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);   \
    } while (false)

class TestPreprocess : public QObject {
    Q_OBJECT

private:
    QString m_skip;

    // Runs the reference script with `opts` (plus csv/features/train); empty when skipped
    // (the caller QSKIPs) — QVERIFY failures inside return an empty object as well.
    QJsonObject reference(const QString &dataset, const std::vector<std::string> &features,
        const std::vector<std::int64_t> &train, QJsonObject opts, QString *error)
    {
        SklearnReference ref;
        if (!ref.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return {};
        }
        opts.insert(QStringLiteral("csv"), datasetPath(dataset));
        opts.insert(QStringLiteral("features"), toJson(features));
        opts.insert(QStringLiteral("train"), toJson(train));
        QFile f(ref.path(QStringLiteral("opts.json")));
        if (!f.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write opts.json");
            return {};
        }
        f.write(QJsonDocument(opts).toJson());
        f.close();
        return ref.run(QString::fromLatin1(kScript), error);
    }

    // Every column named in `expected` (name -> values, null for missing) matches ours.
    static bool compare(const Dataset &ours, const QJsonObject &expected, double tol, QString *why)
    {
        int compared = 0;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (it.key().startsWith(QStringLiteral("__")))
                continue;
            const int c = ours.indexOf(it.key());
            if (c < 0) {
                *why = QStringLiteral("our table has no column '%1'").arg(it.key());
                return false;
            }
            const QJsonArray ref = it.value().toArray();
            const Column &col = ours.column(c);
            if (ref.size() != ours.rowCount()) {
                *why = QStringLiteral("row count differs for %1").arg(it.key());
                return false;
            }
            for (std::int64_t r = 0; r < ours.rowCount(); ++r) {
                const double a = col.numericValue(r);
                const QJsonValue bv = ref.at(r);
                if (bv.isNull()) {
                    if (!std::isnan(a)) {
                        *why = QStringLiteral("%1[%2]: ours %3, sklearn missing")
                                   .arg(it.key())
                                   .arg(r)
                                   .arg(a);
                        return false;
                    }
                    continue;
                }
                const double b = bv.toDouble();
                if (!(std::abs(a - b) <= tol * std::max(1.0, std::abs(b)))) {
                    *why = QStringLiteral("%1[%2]: ours %3, sklearn %4")
                               .arg(it.key())
                               .arg(r)
                               .arg(a, 0, 'g', 17)
                               .arg(b, 0, 'g', 17);
                    return false;
                }
            }
            ++compared;
        }
        if (compared == 0) {
            *why = QStringLiteral("nothing compared");
            return false;
        }
        return true;
    }

    // Fits `t` on `train` rows of `data`, transforms all of `data`, and compares with the
    // script's output for `opts`.
    void checkAgainstSklearn(Transformer &t, const QString &dataset, const Dataset &data,
        const std::vector<std::int64_t> &train, const QJsonObject &opts, double tol,
        Dataset *result = nullptr, QJsonObject *refOut = nullptr)
    {
        std::vector<std::string> feats = featureNames(load(dataset));
        QString error;
        const QJsonObject ref = reference(dataset, feats, train, opts, &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        t.fit(selectRows(data, train), FitContext {});
        QVERIFY(t.isFitted());
        const Dataset out = t.transform(data);
        QString why;
        QVERIFY2(compare(out, ref, tol, &why), qPrintable(why));
        if (result)
            *result = out;
        if (refOut)
            *refOut = ref;
    }

    // Each kind fitted on a table it applies to, with that table.
    struct Fitted {
        std::unique_ptr<Transformer> step;
        Dataset data;
    };
    static std::vector<Fitted> fittedSteps()
    {
        std::vector<Fitted> out;
        Dataset wine = load(QStringLiteral("wine"));
        Dataset iris = load(QStringLiteral("iris"));
        iris.setRole(iris.columnCount() - 1, ColumnRole::Feature); // species as a feature
        const auto add = [&](std::unique_ptr<Transformer> t, const Dataset &d) {
            t->fit(d, FitContext {});
            out.push_back({ std::move(t), d });
        };
        ImputeTransform::Options io;
        io.strategy = ImputeTransform::Strategy::Median;
        add(std::make_unique<ImputeTransform>(io), withHoles(iris));
        add(std::make_unique<StandardizeTransform>(), wine);
        add(std::make_unique<MinMaxScaleTransform>(), wine);
        add(std::make_unique<OneHotTransform>(), iris);
        add(std::make_unique<DiscretizeTransform>(), wine);
        DiscretizeTransform::Options dopt;
        dopt.strategy = DiscretizeTransform::Strategy::Uniform;
        dopt.output = DiscretizeTransform::Output::Index;
        dopt.bins = 4;
        add(std::make_unique<DiscretizeTransform>(dopt), wine);
        add(std::make_unique<PolynomialTransform>(), iris);
        PcaTransform::Options po;
        po.components = 3;
        po.standardize = true;
        add(std::make_unique<PcaTransform>(po), wine);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    void standardizeMatchesSklearn()
    {
        SKIP_WITHOUT_SKLEARN();
        const Dataset wine = withConstant(load(QStringLiteral("wine")));
        StandardizeTransform t;
        Dataset out;
        checkAgainstSklearn(t, QStringLiteral("wine"), wine, range(0, 120),
            { { QStringLiteral("test"), QStringLiteral("standardize") },
                { QStringLiteral("const"), true } },
            1e-12, &out);
        if (QTest::currentTestFailed())
            return;
        // The constant column becomes 0; the target is untouched and shared.
        QCOMPARE(out.column(out.indexOf(QStringLiteral("const"))).values()[5], 0.0);
        const int target = wine.columnCount() - 1;
        QVERIFY(out.column(target).sharesDataWith(wine.column(target)));
    }

    void standardizeIgnoresMissing()
    {
        SKIP_WITHOUT_SKLEARN();
        const Dataset diabetes = withHoles(load(QStringLiteral("diabetes")));
        StandardizeTransform t;
        checkAgainstSklearn(t, QStringLiteral("diabetes"), diabetes, range(0, 300),
            { { QStringLiteral("test"), QStringLiteral("standardize") },
                { QStringLiteral("mask"), true } },
            1e-12);
    }

    void minMaxMatchesSklearn()
    {
        SKIP_WITHOUT_SKLEARN();
        const Dataset bc = withHoles(withConstant(load(QStringLiteral("breast_cancer"))));
        MinMaxScaleTransform t;
        Dataset out;
        checkAgainstSklearn(t, QStringLiteral("breast_cancer"), bc, range(0, 400),
            { { QStringLiteral("test"), QStringLiteral("minmax") },
                { QStringLiteral("const"), true }, { QStringLiteral("mask"), true } },
            1e-12, &out);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(out.column(out.indexOf(QStringLiteral("const"))).values()[1], 0.0);
    }

    void imputeMatchesSklearn_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("name");
        QTest::newRow("mean") << int(ImputeTransform::Strategy::Mean) << QStringLiteral("mean");
        QTest::newRow("median") << int(ImputeTransform::Strategy::Median)
                                << QStringLiteral("median");
        QTest::newRow("most_frequent")
            << int(ImputeTransform::Strategy::MostFrequent) << QStringLiteral("most_frequent");
        QTest::newRow("constant") << int(ImputeTransform::Strategy::Constant)
                                  << QStringLiteral("constant");
    }
    void imputeMatchesSklearn()
    {
        SKIP_WITHOUT_SKLEARN();
        QFETCH(int, strategy);
        QFETCH(QString, name);
        const Dataset diabetes = withHoles(load(QStringLiteral("diabetes")));
        ImputeTransform::Options o;
        o.strategy = static_cast<ImputeTransform::Strategy>(strategy);
        o.fillValue = -1.5;
        ImputeTransform t(o);
        Dataset out;
        // Odd and even training sizes exercise both median cases.
        for (std::int64_t trainSize : { 301, 300 }) {
            checkAgainstSklearn(t, QStringLiteral("diabetes"), diabetes, range(0, trainSize),
                { { QStringLiteral("test"), QStringLiteral("impute") },
                    { QStringLiteral("strategy"), name }, { QStringLiteral("fill"), -1.5 },
                    { QStringLiteral("mask"), true } },
                1e-12, &out);
            if (QTest::currentTestFailed())
                return;
        }
        for (const Column &c : out.columns())
            QCOMPARE(c.missingCount(), 0);
    }

    void imputeCategorical()
    {
        Dataset d;
        d.addColumn(Column::categorical(QStringLiteral("species"), { 1, 0, -1, 0, 1, 0, -1 },
            { QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c") }));
        ImputeTransform most;
        most.fit(d, {});
        // Code 0 ("b") at rows 1, 3, 5; code 1 ("a") at rows 0, 4: "b" is the most frequent.
        QCOMPARE(most.fillCategories().front(), std::string("b"));
        const Dataset out = most.transform(d);
        QCOMPARE(out.column(0).displayValue(2), QStringLiteral("b"));
        QCOMPARE(out.column(0).missingCount(), 0);

        // Ties go to the alphabetically first name, as SimpleImputer does with strings.
        Dataset tie;
        tie.addColumn(Column::categorical(QStringLiteral("k"), { 0, 1, -1 },
            { QStringLiteral("zeta"), QStringLiteral("alpha") }));
        ImputeTransform t2;
        t2.fit(tie, {});
        QCOMPARE(t2.fillCategories().front(), std::string("alpha"));

        // A constant category is added to the dictionary when new.
        ImputeTransform::Options o;
        o.categoricalStrategy = ImputeTransform::CategoricalStrategy::Constant;
        o.fillCategory = "unknown";
        ImputeTransform constant(o);
        constant.fit(d, {});
        const Dataset c = constant.transform(d);
        QCOMPARE(c.column(0).categories().size(), 4);
        QCOMPARE(c.column(0).displayValue(6), QStringLiteral("unknown"));
        QCOMPARE(c.column(0).displayValue(0), QStringLiteral("a"));
    }

    void imputeAllMissingFails()
    {
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("ok"), { 1, 2, 3 }));
        d.addColumn(Column::numeric(QStringLiteral("empty_col"), { NaN, NaN, NaN }));
        ImputeTransform t;
        try {
            t.fit(d, {});
            QFAIL("no exception");
        } catch (const FitError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("'empty_col'")), e.what());
        }
        QVERIFY(!t.isFitted());
        ImputeTransform::Options o;
        o.strategy = ImputeTransform::Strategy::Constant;
        o.fillValue = 7;
        ImputeTransform c(o);
        c.fit(d, {});
        QCOMPARE(c.transform(d).column(1).values()[2], 7.0);
    }

    void oneHotMatchesSklearn_data()
    {
        QTest::addColumn<bool>("dropFirst");
        QTest::newRow("all") << false;
        QTest::newRow("drop first") << true;
    }
    void oneHotMatchesSklearn()
    {
        QFETCH(bool, dropFirst);
        Dataset iris = load(QStringLiteral("iris"));
        iris.setRole(4, ColumnRole::Feature);
        OneHotTransform::Options o;
        o.dropFirst = dropFirst;
        OneHotTransform t(o);
        // Trained without virginica: those rows become all zeros.
        std::vector<std::int64_t> train = range(0, 100);
        SKIP_WITHOUT_SKLEARN();
        QString error;
        const QJsonObject ref = reference(QStringLiteral("iris"), { "species" }, train,
            { { QStringLiteral("test"), QStringLiteral("onehot") },
                { QStringLiteral("drop"), dropFirst } },
            &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        t.fit(selectRows(iris, train), {});
        const Dataset out = t.transform(iris);
        QString why;
        QVERIFY2(compare(out, ref, 0, &why), qPrintable(why));
        // Placed where the column was: after the 4 measurements, same count as sklearn.
        const QJsonArray names = ref.value(QStringLiteral("__names")).toArray();
        QCOMPARE(out.columnCount(), 4 + names.size());
        for (qsizetype i = 0; i < names.size(); ++i)
            QVERIFY(out.indexOf(names[i].toString()) >= 4);
        QCOMPARE(out.indexOf(QStringLiteral("species")), -1);
        QVERIFY(out.column(0).sharesDataWith(iris.column(0)));
    }

    void oneHotUnseenAndMissing()
    {
        Dataset train;
        train.addColumn(Column::numeric(QStringLiteral("x"), { 1, 2, 3 }));
        train.addColumn(Column::categorical(QStringLiteral("color"), { 0, 1, 0 },
            { QStringLiteral("red"), QStringLiteral("blue"), QStringLiteral("never") }));
        OneHotTransform t;
        t.fit(train, {});
        // "never" is in the dictionary but no row uses it: no column.
        QCOMPARE(t.categories().front().size(), std::size_t(2));
        // Another table numbers the categories differently, has an unseen one and a hole.
        Dataset test;
        test.addColumn(Column::numeric(QStringLiteral("x"), { 4, 5, 6, 7 }));
        test.addColumn(Column::categorical(QStringLiteral("color"), { 0, 1, 2, -1 },
            { QStringLiteral("green"), QStringLiteral("blue"), QStringLiteral("red") }));
        const Dataset out = t.transform(test);
        QCOMPARE(out.columnNames(),
            (QStringList {
                QStringLiteral("x"), QStringLiteral("color=red"), QStringLiteral("color=blue") }));
        const auto red = out.column(1).values();
        const auto blue = out.column(2).values();
        QCOMPARE(std::vector<double>(red.begin(), red.end()), (std::vector<double> { 0, 0, 1, 0 }));
        QCOMPARE(
            std::vector<double>(blue.begin(), blue.end()), (std::vector<double> { 0, 1, 0, 0 }));
    }

    void discretizeMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("bins");
        QTest::newRow("wine uniform 5")
            << QStringLiteral("wine") << int(DiscretizeTransform::Strategy::Uniform) << 5;
        QTest::newRow("wine quantile 4")
            << QStringLiteral("wine") << int(DiscretizeTransform::Strategy::Quantile) << 4;
        // diabetes' "sex" has two values: quantile bins collapse.
        QTest::newRow("diabetes quantile 7")
            << QStringLiteral("diabetes") << int(DiscretizeTransform::Strategy::Quantile) << 7;
        QTest::newRow("diabetes uniform 3")
            << QStringLiteral("diabetes") << int(DiscretizeTransform::Strategy::Uniform) << 3;
    }
    void discretizeMatchesSklearn()
    {
        SKIP_WITHOUT_SKLEARN();
        QFETCH(QString, dataset);
        QFETCH(int, strategy);
        QFETCH(int, bins);
        const Dataset data = load(dataset);
        const std::vector<std::int64_t> train = range(0, data.rowCount() * 2 / 3);
        const QJsonObject opts { { QStringLiteral("test"), QStringLiteral("discretize") },
            { QStringLiteral("bins"), bins },
            { QStringLiteral("strategy"),
                strategy == int(DiscretizeTransform::Strategy::Uniform)
                    ? QStringLiteral("uniform")
                    : QStringLiteral("quantile") } };
        DiscretizeTransform::Options o;
        o.bins = bins;
        o.strategy = static_cast<DiscretizeTransform::Strategy>(strategy);
        o.output = DiscretizeTransform::Output::Index;
        DiscretizeTransform t(o);
        QJsonObject ref;
        checkAgainstSklearn(t, dataset, data, train, opts, 0, nullptr, &ref);
        if (QTest::currentTestFailed())
            return;
        // Bin edges to 1e-12.
        const QJsonObject edges = ref.value(QStringLiteral("__edges")).toObject();
        for (std::size_t i = 0; i < t.fittedColumns().size(); ++i) {
            const std::vector<double> theirs = SklearnReference::toVector(
                edges.value(QString::fromStdString(t.fittedColumns()[i])));
            const std::vector<double> &ours = t.edges()[i];
            QCOMPARE(ours.size(), theirs.size());
            for (std::size_t k = 0; k < ours.size(); ++k)
                QVERIFY2(
                    std::abs(ours[k] - theirs[k]) <= 1e-12 * std::max(1.0, std::abs(theirs[k])),
                    qPrintable(QStringLiteral("%1 edge %2: %3 vs %4")
                                   .arg(QString::fromStdString(t.fittedColumns()[i]))
                                   .arg(k)
                                   .arg(ours[k], 0, 'g', 17)
                                   .arg(theirs[k], 0, 'g', 17)));
        }
        // The interval output holds the same bins as categories.
        o.output = DiscretizeTransform::Output::Interval;
        DiscretizeTransform labelled(o);
        labelled.fit(selectRows(data, train), {});
        const Dataset indexOut = t.transform(data);
        const Dataset labelOut = labelled.transform(data);
        for (const std::string &name : t.fittedColumns()) {
            const int c = labelOut.indexOf(QString::fromStdString(name));
            QVERIFY(labelOut.column(c).isCategorical());
            for (std::int64_t r = 0; r < data.rowCount(); ++r)
                QCOMPARE(double(labelOut.column(c).codes()[static_cast<std::size_t>(r)]),
                    indexOut.column(c).values()[static_cast<std::size_t>(r)]);
        }
    }

    void discretizeLabels()
    {
        Dataset d;
        d.addColumn(Column::numeric(QStringLiteral("v"), { 0, 1, 2, 3, 4, NaN }));
        d.addColumn(Column::numeric(QStringLiteral("flat"), { 2, 2, 2, 2, 2, 2 }));
        DiscretizeTransform::Options o;
        o.bins = 4;
        o.strategy = DiscretizeTransform::Strategy::Uniform;
        DiscretizeTransform t(o);
        t.fit(d, {});
        const Dataset out = t.transform(d);
        QCOMPARE(out.column(0).categories(),
            (QStringList { QStringLiteral("(-inf, 1)"), QStringLiteral("[1, 2)"),
                QStringLiteral("[2, 3)"), QStringLiteral("[3, inf)") }));
        QCOMPARE(out.column(0).displayValue(0), QStringLiteral("(-inf, 1)"));
        QCOMPARE(out.column(0).displayValue(4), QStringLiteral("[3, inf)"));
        QVERIFY(out.column(0).isMissing(5));
        QCOMPARE(out.column(1).categories(), QStringList { QStringLiteral("(-inf, inf)") });
        QCOMPARE(out.column(1).codes()[3], 0);
    }

    void polynomialMatchesSklearn_data()
    {
        QTest::addColumn<int>("degree");
        QTest::addColumn<bool>("interaction");
        QTest::newRow("degree 2") << 2 << false;
        QTest::newRow("interaction only") << 2 << true;
        QTest::newRow("degree 3") << 3 << false;
        QTest::newRow("degree 3 interaction only") << 3 << true;
    }
    void polynomialMatchesSklearn()
    {
        SKIP_WITHOUT_SKLEARN();
        QFETCH(int, degree);
        QFETCH(bool, interaction);
        const Dataset iris = load(QStringLiteral("iris"));
        PolynomialTransform::Options o;
        o.degree = degree;
        o.interactionOnly = interaction;
        PolynomialTransform t(o);
        Dataset out;
        QJsonObject ref;
        checkAgainstSklearn(t, QStringLiteral("iris"), iris, range(0, 100),
            { { QStringLiteral("test"), QStringLiteral("poly") },
                { QStringLiteral("degree"), degree },
                { QStringLiteral("interaction"), interaction } },
            1e-12, &out, &ref);
        if (QTest::currentTestFailed())
            return;
        // Same column order as sklearn, then the target.
        QStringList expected;
        for (const QJsonValue &v : ref.value(QStringLiteral("__names")).toArray())
            expected.push_back(v.toString());
        expected.push_back(QStringLiteral("species"));
        QCOMPARE(out.columnNames(), expected);
    }

    void pcaMatchesSklearn_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("components");
        QTest::addColumn<double>("target");
        QTest::addColumn<bool>("standardize");
        QTest::newRow("wine 3") << QStringLiteral("wine") << 3 << 0.0 << false;
        QTest::newRow("wine standardized 0.8") << QStringLiteral("wine") << 0 << 0.8 << true;
        QTest::newRow("breast cancer standardized 0.95")
            << QStringLiteral("breast_cancer") << 0 << 0.95 << true;
    }
    void pcaMatchesSklearn()
    {
        QFETCH(QString, dataset);
        QFETCH(int, components);
        QFETCH(double, target);
        QFETCH(bool, standardize);
        SKIP_WITHOUT_SKLEARN();
        const Dataset data = load(dataset);
        const std::vector<std::int64_t> train = range(0, data.rowCount() * 3 / 4);
        QString error;
        const QJsonObject ref = reference(dataset, featureNames(data), train,
            { { QStringLiteral("test"), QStringLiteral("pca") },
                { QStringLiteral("components"), components }, { QStringLiteral("target"), target },
                { QStringLiteral("standardize"), standardize } },
            &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        PcaTransform::Options o;
        o.components = components;
        o.varianceTarget = target;
        o.standardize = standardize;
        PcaTransform t(o);
        t.fit(selectRows(data, train), {});
        QCOMPARE(t.componentCount(), ref.value(QStringLiteral("__k")).toInt());
        Dataset out = t.transform(data);
        // Ours scales by the sample deviation, StandardScaler by the population one.
        if (standardize) {
            const double n = static_cast<double>(train.size());
            for (int c = 0; c < t.componentCount(); ++c) {
                const int j = out.indexOf(QStringLiteral("PC%1").arg(c + 1));
                std::vector<double> v(out.column(j).values().begin(), out.column(j).values().end());
                for (double &x : v)
                    x *= std::sqrt(n / (n - 1));
                out.replaceColumn(j, Column::numeric(out.column(j).name(), std::move(v)));
            }
        }
        QString why;
        QVERIFY2(compare(out, ref, 1e-9, &why), qPrintable(why));
        const std::vector<double> comps
            = SklearnReference::toMatrix(ref.value(QStringLiteral("__components")));
        for (int r = 0; r < t.componentCount(); ++r)
            for (Eigen::Index c = 0; c < t.components().cols(); ++c)
                QVERIFY(std::abs(t.components()(r, c)
                            - comps[static_cast<std::size_t>(r * t.components().cols() + c)])
                    < 1e-9);
        // PC1..PCk replace the features; the target stays.
        QCOMPARE(out.columnCount(), t.componentCount() + 1);
        QCOMPARE(out.column(0).name(), QStringLiteral("PC1"));
        QVERIFY(out.column(out.columnCount() - 1).role() == ColumnRole::Target);
    }

    void missingValuesRefused()
    {
        const Dataset iris = withHoles(load(QStringLiteral("iris")));
        const int holes = static_cast<int>(iris.column(0).missingCount());
        QVERIFY(holes > 0);
        std::vector<std::unique_ptr<Transformer>> steps;
        steps.push_back(std::make_unique<PcaTransform>());
        steps.push_back(std::make_unique<PolynomialTransform>());
        for (auto &step : steps) {
            try {
                step->fit(iris, {});
                QFAIL("no exception");
            } catch (const FitError &e) {
                const QString msg = QString::fromUtf8(e.what());
                QVERIFY2(
                    msg.contains(QStringLiteral("column 'sepal_length_cm' has %1 missing values: "
                                                "add an Impute step before")
                                     .arg(holes)),
                    e.what());
            }
            // Fitted on complete data, the holes are refused at transform too.
            step->fit(load(QStringLiteral("iris")), {});
            QVERIFY_THROWS_EXCEPTION(FitError, step->transform(iris));
        }
    }

    void targetAndRolesRespected()
    {
        Dataset diabetes = load(QStringLiteral("diabetes"));
        diabetes.setRole(diabetes.indexOf(QStringLiteral("age")), ColumnRole::Ignore);
        StandardizeTransform t;
        t.fit(diabetes, {});
        QCOMPARE(t.fittedColumns().size(), std::size_t(9)); // not age, not progression
        const Dataset out = t.transform(diabetes);
        QVERIFY(out.column(0).sharesDataWith(diabetes.column(0)));
        QVERIFY(out.column(10).sharesDataWith(diabetes.column(10)));
        QVERIFY(!out.column(1).sharesDataWith(diabetes.column(1)));
        StandardizeTransform::Options o;
        o.columns = { "bmi", "progression" };
        StandardizeTransform explicitTarget(o);
        try {
            explicitTarget.fit(diabetes, {});
            QFAIL("no exception");
        } catch (const FitError &e) {
            QVERIFY2(
                QString::fromUtf8(e.what()).contains(QStringLiteral("'progression'")), e.what());
        }
        o.columns = { "bmi", "nope" };
        StandardizeTransform unknown(o);
        QVERIFY_THROWS_EXCEPTION(FitError, unknown.fit(diabetes, {}));
        // An explicit column list is used in its order.
        o.columns = { "s2", "bmi" };
        StandardizeTransform two(o);
        two.fit(diabetes, {});
        QCOMPARE(two.fittedColumns(), (std::vector<std::string> { "s2", "bmi" }));
    }

    void missingColumnAtTransform()
    {
        for (Fitted &f : fittedSteps()) {
            const std::string used = [&] {
                // The first column the step uses, from its state.
                return f.step->state().textList("columns").front();
            }();
            Dataset without = f.data;
            without.removeColumn(without.indexOf(QString::fromStdString(used)));
            try {
                f.step->transform(without);
                QFAIL(qPrintable(QString::fromStdString(f.step->kind() + ": no exception")));
            } catch (const FitError &e) {
                QVERIFY2(
                    QString::fromUtf8(e.what()).contains(QString::fromStdString("'" + used + "'")),
                    e.what());
            }
            // The same name with another type is refused as well.
            Dataset retyped = f.data;
            const int c = retyped.indexOf(QString::fromStdString(used));
            Column other = retyped.column(c).isNumeric()
                ? retyped.column(c).toCategorical()
                : Column::numeric(
                    retyped.column(c).name(), std::vector<double>(retyped.rowCount(), 1.0));
            retyped.replaceColumn(c, other);
            QVERIFY_THROWS_EXCEPTION(FitError, f.step->transform(retyped));
        }
    }

    void stateRoundTrip()
    {
        const std::vector<Fitted> steps = fittedSteps();
        QCOMPARE(steps.size(), std::size_t(8));
        for (const Fitted &f : steps) {
            const ModelState s = f.step->state();
            QCOMPARE(s.kind, f.step->kind());
            std::unique_ptr<Transformer> restored = createTransformer(s.kind);
            QVERIFY(restored);
            QVERIFY(!restored->isFitted());
            restored->restore(s);
            QVERIFY(restored->isFitted());
            QVERIFY2(restored->state() == s, s.kind.c_str());
            QString why;
            QVERIFY2(identical(f.step->transform(f.data), restored->transform(f.data), &why),
                qPrintable(QString::fromStdString(s.kind) + ": " + why));
            // cloneUnfitted keeps the options: refitting gives the same state.
            std::unique_ptr<Transformer> clone = restored->cloneUnfitted();
            QVERIFY(!clone->isFitted());
            clone->fit(f.data, {});
            QVERIFY2(clone->state() == s, s.kind.c_str());
        }
        QVERIFY(!createTransformer("no_such_step"));
        for (const std::string &k : transformerKinds())
            QCOMPARE(createTransformer(k)->kind(), k);
    }

    void corruptedStateRefused()
    {
        for (const Fitted &f : fittedSteps()) {
            const ModelState good = f.step->state();
            const QString kind = QString::fromStdString(good.kind);
            std::unique_ptr<Transformer> t = createTransformer(good.kind);
            const auto refused = [&](const ModelState &bad, const QString &what) {
                try {
                    t->restore(bad);
                } catch (const ModelStateError &) {
                    return true;
                }
                qWarning("%s: %s was accepted", qPrintable(kind), qPrintable(what));
                return false;
            };
            ModelState wrongKind = good;
            wrongKind.kind = "something_else";
            QVERIFY(refused(wrongKind, QStringLiteral("a wrong kind")));
            // Every field is required.
            for (const auto &[name, v] : good.numbers)
                QVERIFY(refused(
                    [&, n = name] {
                        ModelState s = good;
                        s.numbers.erase(n);
                        return s;
                    }(),
                    QStringLiteral("missing number ") + QString::fromStdString(name)));
            for (const auto &[name, v] : good.texts)
                QVERIFY(refused(
                    [&, n = name] {
                        ModelState s = good;
                        s.texts.erase(n);
                        return s;
                    }(),
                    QStringLiteral("missing text ") + QString::fromStdString(name)));
            for (const auto &[name, v] : good.textLists)
                QVERIFY(refused(
                    [&, n = name] {
                        ModelState s = good;
                        s.textLists.erase(n);
                        return s;
                    }(),
                    QStringLiteral("missing list ") + QString::fromStdString(name)));
            for (const auto &[name, v] : good.arrays) {
                const QString field = QString::fromStdString(name);
                QVERIFY(refused(
                    [&, n = name] {
                        ModelState s = good;
                        s.arrays.erase(n);
                        return s;
                    }(),
                    QStringLiteral("missing array ") + field));
                // A shape that does not match the values.
                ModelState s = good;
                s.arrays[name].shape[0] += 1;
                QVERIFY(refused(s, QStringLiteral("bad shape of ") + field));
                // One value too many (NaN), shape consistent.
                s = good;
                ModelArray &a = s.arrays[name];
                if (a.shape.size() == 1) {
                    a.shape[0] += 1;
                    a.values.push_back(NaN);
                } else {
                    a.shape[0] += 1;
                    a.values.insert(a.values.end(), static_cast<std::size_t>(a.shape[1]), NaN);
                }
                QVERIFY(refused(s, QStringLiteral("extra value in ") + field));
            }
            // A column list that no longer matches the per-column data (polynomial keeps
            // none: any column list is valid for it).
            if (good.kind != "polynomial") {
                ModelState extra = good;
                extra.textLists["columns"].push_back("extra_column");
                QVERIFY(refused(extra, QStringLiteral("an extra column")));
            }
            ModelState dup = good;
            dup.textLists["columns"].push_back(dup.textLists["columns"].front());
            QVERIFY(refused(dup, QStringLiteral("a duplicated column")));
            // The failed restores left the step unfitted.
            QVERIFY(!t->isFitted());
        }
        // Value checks.
        StandardizeTransform st;
        st.fit(load(QStringLiteral("wine")), {});
        ModelState s = st.state();
        s.arrays["scale"].values[0] = 0;
        StandardizeTransform r;
        QVERIFY_THROWS_EXCEPTION(ModelStateError, r.restore(s));
        s = st.state();
        s.numbers["with_mean"] = 0.5;
        QVERIFY_THROWS_EXCEPTION(ModelStateError, r.restore(s));
        s = st.state();
        s.version = 2;
        QVERIFY_THROWS_EXCEPTION(ModelStateError, r.restore(s));
        DiscretizeTransform dt;
        dt.fit(load(QStringLiteral("wine")), {});
        ModelState ds = dt.state();
        std::swap(ds.arrays["edges/alcohol"].values[1], ds.arrays["edges/alcohol"].values[2]);
        DiscretizeTransform dr;
        QVERIFY_THROWS_EXCEPTION(ModelStateError, dr.restore(ds));
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
