// Formula speed: expressions over 10^7 rows (target: under a second each), against numpy
// and pandas.eval evaluating the same expressions on the same data in the same run.
//
// The data (3 float64 columns a, b, c, fixed seed, ~1% missing in a; a categorical
// column s of 5 categories) is generated here and written as raw float64 / int32 files
// that the Python side maps with numpy.fromfile, so both sides compute on identical
// numbers. Each expression is timed --runs times (median reported): for Sextant,
// ExpressionProgram::evaluate (the whole column, including the result array) and the
// Formula step's transform (which also wraps the result as a table column); for Python,
// the numpy expression and DataFrame.eval (pandas' own parser; numexpr is not installed
// here, so it evaluates with numpy). Results are compared: the maximum absolute
// difference is printed.
#include "data/Dataset.h"
#include "data/ExpressionParser.h"
#include "data/ExpressionProgram.h"
#include "ml/FormulaTransform.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <vector>

using namespace sextant::engine;
using Clock = std::chrono::steady_clock;

namespace {

struct Case {
    const char *name;
    const char *sextant; // our expression
    const char *numpy; // the same with numpy (a, b, c, s are arrays / a Series)
    const char *pandas; // DataFrame.eval text, empty when pandas.eval has no such form
};

const Case kCases[] = {
    { "arithmetic", "(a - b) / (c + 2) * 3 + a * a", "(a - b) / (c + 2) * 3 + a * a",
        "(a - b) / (c + 2) * 3 + a * a" },
    { "functions", "log(abs(a) + 1) + sqrt(abs(b)) - exp(-abs(c))",
        "np.log(np.abs(a) + 1) + np.sqrt(np.abs(b)) - np.exp(-np.abs(c))",
        "log(abs(a) + 1) + sqrt(abs(b)) - exp(-abs(c))" },
    { "condition", "if(a > b and c < 0.5, a, b * 2)",
        "np.where(np.isnan(a) & (c < 0.5), np.nan, np.where((a > b) & (c < 0.5), a, b * 2))", "" },
    { "compare", "(a > 0) + (b <= c) * 2",
        "np.where(np.isnan(a), np.nan, (a > 0) + (b <= c) * 2.0)", "(a > 0) + (b <= c) * 2" },
    { "text", "if(s == 'c2' or contains(s, '4'), 1, 0)",
        "np.where(s.isna(), np.nan, ((s == 'c2') | s.str.contains('4')).astype(float))", "" },
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Wall time of f(); its CPU time (this thread) added to `cpu`.
template<typename F> double timeIt(F &&f, std::vector<double> &cpu)
{
    const double c0 = threadCpuSeconds();
    const auto t0 = Clock::now();
    f();
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    cpu.push_back(threadCpuSeconds() - c0);
    return wall;
}

const char *kPython = R"PY(
import json, sys, time, numpy as np, pandas as pd
n, runs, cases = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
a = np.fromfile("a.f64"); b = np.fromfile("b.f64"); c = np.fromfile("c.f64")
codes = np.fromfile("s.i32", dtype=np.int32)
s = pd.Series(pd.Categorical.from_codes(codes, ["c0", "c1", "c2", "c3", "c4"]))
df = pd.DataFrame({"a": a, "b": b, "c": c, "s": s})
out = {}
for name, npx, pdx in cases:
    tn, tp, cn = [], [], []
    for _ in range(runs):
        c0 = time.thread_time(); t0 = time.perf_counter(); r = eval(npx)
        tn.append(time.perf_counter() - t0); cn.append(time.thread_time() - c0)
    r = np.asarray(r, dtype=float)
    if pdx:
        for _ in range(runs):
            t0 = time.perf_counter(); q = df.eval(pdx); tp.append(time.perf_counter() - t0)
    r.tofile(name + ".ref")
    out[name] = {"numpy": sorted(tn)[len(tn) // 2], "numpy_cpu": sorted(cn)[len(cn) // 2], "pandas": sorted(tp)[len(tp) // 2] if tp else None}
print(json.dumps(out))
)PY";

} // namespace

int main(int argc, char **argv)
{
    std::int64_t rows = 10'000'000;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else {
            std::printf("usage: bench_formula [--rows N] [--runs N]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    std::mt19937_64 rng(20261202);
    std::normal_distribution<double> normal;
    const auto n = static_cast<std::size_t>(rows);
    std::vector<double> a(n), b(n), c(n);
    std::vector<std::int32_t> s(n);
    for (std::int64_t r = 0; r < rows; ++r) {
        const auto i = std::size_t(r);
        a[i] = (rng() % 100 == 0) ? std::nan("") : normal(rng);
        b[i] = normal(rng);
        c[i] = normal(rng);
        s[i] = std::int32_t(rng() % 5);
    }
    const auto dump = [&](const char *name, const void *p, std::size_t bytes) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        if (!f.open(QIODevice::WriteOnly)
            || f.write(static_cast<const char *>(p), qint64(bytes)) != qint64(bytes))
            qFatal("cannot write %s", name);
    };
    dump("a.f64", a.data(), a.size() * 8);
    dump("b.f64", b.data(), b.size() * 8);
    dump("c.f64", c.data(), c.size() * 8);
    dump("s.i32", s.data(), s.size() * 4);
    Dataset data;
    data.addColumn(Column::numeric(QStringLiteral("a"), a));
    data.addColumn(Column::numeric(QStringLiteral("b"), std::move(b)));
    data.addColumn(Column::numeric(QStringLiteral("c"), std::move(c)));
    data.addColumn(Column::categorical(QStringLiteral("s"), std::move(s),
        { QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"),
            QStringLiteral("c4") }));

    QJsonArray cases;
    for (const Case &k : kCases)
        cases.append(QJsonArray { QString::fromLatin1(k.name), QString::fromLatin1(k.numpy),
            QString::fromLatin1(k.pandas) });
    QProcess py;
    py.setWorkingDirectory(dir.path());
    py.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"), QString::fromLatin1(kPython), QString::number(rows),
            QString::number(runs),
            QString::fromUtf8(QJsonDocument(cases).toJson(QJsonDocument::Compact)) });
    if (!py.waitForFinished(1800000) || py.exitCode() != 0) {
        std::fprintf(stderr, "python failed: %s\n", py.readAllStandardError().constData());
        return 1;
    }
    const QJsonObject ref = QJsonDocument::fromJson(py.readAllStandardOutput()).object();

    std::printf("%lld rows, median of %d runs\n\n", static_cast<long long>(rows), runs);
    std::printf("Wall time (CPU time of the computing thread in brackets).\n\n");
    std::printf("| expression | sextant evaluate | sextant Formula step | numpy | pandas.eval | "
                "sextant / numpy (wall, CPU) | max abs diff |\n|---|---|---|---|---|---|---|\n");
    bool allUnder = true;
    for (const Case &k : kCases) {
        const ExpressionNode tree = ExpressionParser::parse(QString::fromLatin1(k.sextant));
        std::vector<double> te, tf, ce, cf;
        ExpressionProgram::Value v;
        for (int r = 0; r < runs; ++r)
            te.push_back(timeIt([&] { v = ExpressionProgram::evaluate(tree, data); }, ce));
        FormulaTransform step({ QStringLiteral("x = ") + QString::fromLatin1(k.sextant) });
        step.fit(data, {});
        for (int r = 0; r < runs; ++r)
            tf.push_back(timeIt([&] { (void)step.transform(data); }, cf));
        QFile rf(dir.filePath(QString::fromLatin1(k.name) + QStringLiteral(".ref")));
        if (!rf.open(QIODevice::ReadOnly))
            qFatal("no reference for %s", k.name);
        const QByteArray bytes = rf.readAll();
        std::vector<double> want(bytes.size() / 8);
        std::memcpy(want.data(), bytes.constData(), want.size() * 8);
        double diff = 0;
        for (std::size_t i = 0; i < want.size(); ++i) {
            const double x = v.numbers[i], y = want[i];
            if (std::isnan(x) != std::isnan(y))
                diff = INFINITY;
            else if (!std::isnan(x))
                diff = std::max(diff, std::fabs(x - y));
        }
        const QJsonObject o = ref.value(QString::fromLatin1(k.name)).toObject();
        const double numpy = o.value(QStringLiteral("numpy")).toDouble();
        const QJsonValue pd = o.value(QStringLiteral("pandas"));
        const double numpyCpu = o.value(QStringLiteral("numpy_cpu")).toDouble();
        const double ours = median(te);
        allUnder = allUnder && median(cf) < 1.0;
        const QString pandas
            = pd.isNull() ? QStringLiteral("-") : QString::asprintf("%.3f s", pd.toDouble());
        std::printf("| `%s` | %.3f s (%.3f) | %.3f s (%.3f) | %.3f s (%.3f) | %s | %.2f, %.2f | "
                    "%.3g |\n",
            k.sextant, ours, median(ce), median(tf), median(cf), numpy, numpyCpu,
            qPrintable(pandas), ours / numpy, median(ce) / numpyCpu, diff);
    }
    std::printf("\nevery Formula step under 1 s of CPU: %s\n", allUnder ? "yes" : "NO");
    return allUnder ? 0 : 1;
}
