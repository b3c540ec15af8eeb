// Opening a CSV as a user does in the studio, until the table, the column statistics and
// the histograms are ready, against pandas.read_csv + DataFrame.describe() + a
// numpy.histogram per column.
//
// Sextant's side is the engine work the studio does when a File node's table is shown: the
// File node (data.file) runs on an Executor, then the column profile (inspect.columns,
// ColumnProfileNode: Statistics::summarize and Statistics::histogram of every column, the
// numbers of the column list and of the histogram dock, 20 bins as the dock's default) on
// the table it produced. Both run here in one graph on one Executor, File -> profile.
//
// The file is bench_load_csv's (same generator, same seed, same place): 1,000,000 x 20
// floats by default. Each measurement runs in a fresh child process, so its peak resident
// set (VmHWM, or ru_maxrss for Python) is that run's alone. Reported: wall seconds (median),
// CPU seconds, peak RSS, and the ratios the targets are stated in:
//   time:   sextant / pandas            target <= 0.5
//   memory: sextant peak / float64 size target <= 1.3
#include "BenchCsvFile.h"
#include "data/CsvReader.h"
#include "data/Statistics.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeRegistry.h"
#include "nodes/ColumnProfileNode.h"
#include "nodes/CorrelationNode.h"
#include "nodes/FileSourceNode.h"
#include "nodes/ProjectionNode.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

using namespace sextant::engine;
using namespace sextant::bench;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBins = 20; // HistogramPlot::kDefaultBins, the dock's default

struct Args {
    std::int64_t rows = 1'000'000;
    int cols = 20;
    QString file;
    int runs = 5;
    bool pandas = true;
    bool regenerate = false;
    bool overview = false; // also the correlation and PCA overview the studio computes
    QString openOnly; // child mode: one open through the Executor
    QString phasesOnly; // child mode: the same work called directly, timed per phase
};

void usage()
{
    std::printf(
        "usage: bench_open [--rows N] [--cols N] [--file PATH] [--runs N] [--no-pandas]\n"
        "                  [--regenerate] [--overview]\n"
        "Generates the CSV if it does not exist (default: %s/float_ROWSxCOLS.csv), then RUNS\n"
        "times, each in its own process: the File node and the column profile (statistics and\n"
        "%d-bin histograms of every column) on an Executor, and pandas.read_csv +\n"
        "describe() + numpy.histogram per column; prints time, peak RSS and the ratios, and\n"
        "once where Sextant's time goes (load, summaries, histograms). --overview adds the\n"
        "correlation matrix and the PCA projection the studio's overview computes alongside\n"
        "(pandas: DataFrame.corr() and a 2-component SVD of the standardized columns).\n",
        SEXTANT_BENCH_DATA_DIR, kBins);
}

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Child: File -> column profile on an Executor, figures on stdout as key=value pairs.
int openOnce(const QString &path, bool overview)
{
    const long baseline = procStatusKb("VmRSS");
    const double cpu0 = cpuSeconds();
    const Clock::time_point t0 = Clock::now();

    NodeRegistry registry;
    if (!registry.add(FileSourceNode::type()).ok() || !registry.add(ColumnProfileNode::type()).ok()
        || !registry.add(CorrelationNode::type()).ok()
        || !registry.add(ProjectionNode::type()).ok())
        return 1;
    GraphModel model(registry);
    const int file
        = model.addNode(FileSourceNode::typeId(), {}, { { QStringLiteral("path"), path } }).value();
    const int profile
        = model.addNode(ColumnProfileNode::typeId(), {}, { { QStringLiteral("bins"), kBins } })
              .value();
    if (!model.addConnection({ file, 0, profile, 0 }).ok())
        return 1;
    // The studio's inspector runs these next to the column profile, on the same table.
    if (overview)
        for (const QString &sink : { CorrelationNode::typeId(), ProjectionNode::typeId() }) {
            const int id = model.addNode(sink).value();
            if (!model.addConnection({ file, 0, id, 0 }).ok())
                return 1;
        }
    Executor executor(model);
    std::atomic<double> tableSeconds { 0 };
    std::atomic<double> profileSeconds { 0 };
    QObject receiver;
    // Worker thread, direct: the moment the table is there.
    QObject::connect(
        &executor, &Executor::nodeStatusChanged, &receiver,
        [&](int node, NodeStatus status, const QString &) {
            if (node == file && status == NodeStatus::Done)
                tableSeconds = secondsSince(t0);
            if (node == profile && status == NodeStatus::Done)
                profileSeconds = secondsSince(t0);
        },
        Qt::DirectConnection);
    const RunSummary summary = executor.runBlocking();
    const double seconds = secondsSince(t0);
    const double cpu = cpuSeconds() - cpu0;

    const NodeValuePtr table = executor.output(file, 0);
    const NodeValuePtr result = executor.result(profile);
    const auto *dataset = table ? table->as<Dataset>() : nullptr;
    const auto *columns = result ? result->as<ColumnProfile>() : nullptr;
    if (!summary.failed.isEmpty() || !dataset || !columns
        || columns->summaries.size() != dataset->columnCount()
        || columns->histograms.size() != std::size_t(dataset->columnCount())) {
        std::fprintf(stderr, "open failed: %s\n",
            qPrintable(executor.state(summary.failed.value(0, file)).message));
        return 1;
    }
    std::printf("seconds=%.6f table_seconds=%.6f profile_seconds=%.6f cpu=%.6f rss_kb=%ld "
                "baseline_kb=%ld rows=%lld cols=%d\n",
        seconds, tableSeconds.load(), profileSeconds.load(), cpu, procStatusKb("VmHWM"), baseline,
        static_cast<long long>(dataset->rowCount()), dataset->columnCount());
    return 0;
}

// Child: the same work called directly (CsvReader, then summarize and histogram column by
// column), each phase timed, to see where the time goes.
int phasesOnce(const QString &path)
{
    const Clock::time_point t0 = Clock::now();
    const LoadResult r = CsvReader::read(path, FileSourceNode::csvOptions({}));
    const double load = secondsSince(t0);
    if (!r.ok())
        return 1;
    double summarize = 0, histogram = 0;
    for (int c = 0; c < r.dataset->columnCount(); ++c) {
        const Clock::time_point s0 = Clock::now();
        const ColumnSummary s = Statistics::summarize(r.dataset->column(c));
        summarize += secondsSince(s0);
        const Clock::time_point h0 = Clock::now();
        const Histogram h = Statistics::histogram(r.dataset->column(c), kBins);
        histogram += secondsSince(h0);
        if (s.count != r.dataset->rowCount() || h.counts.size() != std::size_t(kBins))
            return 1;
    }
    std::printf("seconds=%.6f load=%.6f summarize=%.6f histogram=%.6f rss_kb=%ld\n",
        secondsSince(t0), load, summarize, histogram, procStatusKb("VmHWM"));
    return 0;
}

// pandas: read_csv with default options, describe() (count, mean, std, min, quartiles,
// max of every column) and numpy.histogram with the same bins per column.
const char *kPandasScript = R"(
import resource, sys, time
def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
import numpy as np
import pandas as pd
bins = int(sys.argv[2])
base = rss_kb()
cpu0 = time.process_time()
t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
t1 = time.perf_counter()
desc = df.describe()
t2 = time.perf_counter()
hists = [np.histogram(df[c].dropna().to_numpy(), bins=bins) for c in df.columns]
t3 = t4 = time.perf_counter()
if len(sys.argv) > 3:
    corr = df.corr()
    z = ((df - df.mean()) / df.std()).to_numpy()
    u, sv, vt = np.linalg.svd(z, full_matrices=False)
    pcs = z @ vt[:2].T
    t4 = time.perf_counter()
cpu = time.process_time() - cpu0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("seconds=%.6f table_seconds=%.6f describe=%.6f histogram=%.6f overview=%.6f cpu=%.6f "
      "rss_kb=%d baseline_kb=%d rows=%d cols=%d"
      % (t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3, cpu, peak, base, df.shape[0], df.shape[1]))
)";

struct Summary {
    double seconds = 0; // median wall time, open to profile ready
    double best = 0;
    double tableSeconds = 0; // median wall time to the table
    double profileSeconds = 0; // sextant: median wall time to the column profile
    double cpu = 0; // median CPU time
    double peakMb = 0; // largest peak RSS over the runs, MB (10^6 bytes)
    double baselineMb = 0;
    std::int64_t rows = 0;
    int cols = 0;
    double describe = 0, histogram = 0, overview = 0; // pandas only: medians of its phases
};

std::optional<Summary> measure(
    const char *label, const QString &program, const QStringList &arguments, int runs)
{
    std::vector<double> secs, tables, profiles, cpus, describes, histograms, overviews;
    Summary s;
    for (int i = 0; i < runs; ++i) {
        const auto f = runChild(program, arguments);
        if (!f) {
            std::printf("%s: run %d failed\n", label, i + 1);
            return std::nullopt;
        }
        const auto get = [&](const char *key) {
            const auto it = f->find(QString::fromLatin1(key));
            return it == f->end() ? 0.0 : it->second;
        };
        const double peak = get("rss_kb") * 1024.0 / 1e6;
        std::printf("  %-8s run %d: %.3f s wall (table at %.3f s), %.3f s CPU, peak RSS %.1f MB, "
                    "load average %s\n",
            label, i + 1, get("seconds"), get("table_seconds"), get("cpu"), peak,
            qPrintable(loadAverage()));
        std::fflush(stdout);
        secs.push_back(get("seconds"));
        tables.push_back(get("table_seconds"));
        profiles.push_back(get("profile_seconds"));
        cpus.push_back(get("cpu"));
        describes.push_back(get("describe"));
        histograms.push_back(get("histogram"));
        overviews.push_back(get("overview"));
        s.peakMb = std::max(s.peakMb, peak);
        s.baselineMb = get("baseline_kb") * 1024.0 / 1e6;
        s.rows = std::int64_t(get("rows"));
        s.cols = int(get("cols"));
    }
    s.seconds = median(secs);
    s.best = *std::min_element(secs.begin(), secs.end());
    s.tableSeconds = median(tables);
    s.profileSeconds = median(profiles);
    s.cpu = median(cpus);
    s.describe = median(describes);
    s.histogram = median(histograms);
    s.overview = median(overviews);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    Args args;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        const auto value = [&]() -> QByteArray {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.constData());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--rows")
            args.rows = value().toLongLong();
        else if (a == "--cols")
            args.cols = value().toInt();
        else if (a == "--file")
            args.file = QString::fromLocal8Bit(value());
        else if (a == "--runs")
            args.runs = std::max(1, value().toInt());
        else if (a == "--no-pandas")
            args.pandas = false;
        else if (a == "--regenerate")
            args.regenerate = true;
        else if (a == "--overview")
            args.overview = true;
        else if (a == "--open")
            args.openOnly = QString::fromLocal8Bit(value());
        else if (a == "--phases")
            args.phasesOnly = QString::fromLocal8Bit(value());
        else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", a.constData());
            usage();
            return 2;
        }
    }
    QCoreApplication app(argc, argv);
    if (!args.openOnly.isEmpty())
        return openOnce(args.openOnly, args.overview); // child: nothing else in this process
    if (!args.phasesOnly.isEmpty())
        return phasesOnce(args.phasesOnly);

    if (args.rows <= 0 || args.cols <= 0) {
        usage();
        return 2;
    }
    if (args.file.isEmpty())
        args.file = QStringLiteral(SEXTANT_BENCH_DATA_DIR "/float_%1x%2.csv")
                        .arg(args.rows)
                        .arg(args.cols);
    if (args.regenerate || !QFileInfo::exists(args.file)) {
        std::printf("generating %s ...\n", qPrintable(args.file));
        std::fflush(stdout);
        const Clock::time_point t0 = Clock::now();
        if (!generateFloatCsv(args.file, args.rows, args.cols)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args.file));
            return 1;
        }
        std::printf("  done in %.1f s\n", secondsSince(t0));
    }
    const double fileMb = double(QFileInfo(args.file).size()) / 1e6;
    const double float64Mb = double(args.rows) * args.cols * 8 / 1e6;
    warmPageCache(args.file);

    std::printf("file: %s\n  %.1f MB, %lld rows x %d columns, float64 size %.1f MB\n",
        qPrintable(args.file), fileMb, static_cast<long long>(args.rows), args.cols, float64Mb);
    std::printf("machine: %d hardware threads, load average %s\n", QThread::idealThreadCount(),
        qPrintable(loadAverage()));
    std::fflush(stdout);

    const QString self = QCoreApplication::applicationFilePath();
    QStringList openArgs { QStringLiteral("--open"), args.file };
    if (args.overview)
        openArgs << QStringLiteral("--overview");
    const auto ours = measure("sextant", self, openArgs, args.runs);
    if (!ours)
        return 1;
    if (ours->rows != args.rows || ours->cols != args.cols) {
        std::printf("sextant read %lld x %d, expected %lld x %d\n",
            static_cast<long long>(ours->rows), ours->cols, static_cast<long long>(args.rows),
            args.cols);
        return 1;
    }
    const auto phases = runChild(self, { QStringLiteral("--phases"), args.file });

    std::optional<Summary> pandas;
    if (args.pandas) {
        QProcess probe;
        probe.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral("-c"), QStringLiteral("import numpy, pandas") });
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit
            && probe.exitCode() == 0) {
            QStringList script { QStringLiteral("-c"), QString::fromLatin1(kPandasScript),
                args.file, QString::number(kBins) };
            if (args.overview)
                script << QStringLiteral("overview");
            pandas = measure("pandas", QStringLiteral(SEXTANT_PYTHON), script, args.runs);
        } else {
            std::printf("pandas: not available (%s with pandas; apt install python3-pandas)\n",
                SEXTANT_PYTHON);
        }
    }

    std::printf("\nsextant File node + column profile%s: %.3f s median (best %.3f s; table at "
                "%.3f s, profile at %.3f s), %.3f s CPU, peak RSS %.1f MB (%.1f MB before "
                "opening)\n",
        args.overview ? " + correlation + projection" : "", ours->seconds, ours->best,
        ours->tableSeconds, ours->profileSeconds, ours->cpu, ours->peakMb, ours->baselineMb);
    if (phases)
        std::printf("  phases (one run, called directly): load %.3f s, summarize %.3f s, "
                    "histogram %.3f s (all columns)\n",
            phases->at(QStringLiteral("load")), phases->at(QStringLiteral("summarize")),
            phases->at(QStringLiteral("histogram")));
    if (pandas)
        std::printf("pandas read_csv + describe + histograms%s: %.3f s median (best %.3f s; "
                    "read_csv %.3f s, describe %.3f s, histograms %.3f s%s), %.3f s CPU, peak RSS "
                    "%.1f MB (%.1f MB before loading)\n",
            args.overview ? " + corr + SVD" : "", pandas->seconds, pandas->best,
            pandas->tableSeconds, pandas->describe, pandas->histogram,
            args.overview
                ? qPrintable(QStringLiteral(", corr + SVD %1 s").arg(pandas->overview, 0, 'f', 3))
                : "",
            pandas->cpu, pandas->peakMb, pandas->baselineMb);
    const double memRatio = ours->peakMb / float64Mb;
    std::printf("memory: sextant peak / float64 size = %.2f  (target <= 1.30)  %s\n", memRatio,
        memRatio <= 1.3 ? "met" : "NOT met");
    if (pandas) {
        const double timeRatio = ours->seconds / pandas->seconds;
        std::printf("time:   sextant / pandas = %.2f  (target <= 0.50)  %s\n", timeRatio,
            timeRatio <= 0.5 ? "met" : "NOT met");
        std::printf("CPU:    sextant / pandas = %.2f  (median CPU seconds: less sensitive to "
                    "the machine's load than wall time)\n",
            ours->cpu / pandas->cpu);
        std::printf("memory: sextant peak / pandas peak = %.2f\n", ours->peakMb / pandas->peakMb);
    }
    std::printf("load average at the end: %s\n", qPrintable(loadAverage()));
    return 0;
}
