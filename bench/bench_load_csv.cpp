// Loading benchmark: a generated CSV of random floats (default 1,000,000 rows x 20
// columns, values like -0.123456789, ~250 MB) read by CsvReader and by pandas.read_csv.
//
// Each load runs in a fresh child process, so its peak resident memory (VmHWM, or
// ru_maxrss for Python) is that loader's alone. The file is read once beforehand so both
// loaders find it in the page cache. Reported: wall seconds (median of the runs), CPU
// seconds, peak RSS, and the ratios the targets are stated in:
//   time:   sextant / pandas            target <= 0.5
//   memory: sextant peak / float64 size target <= 1.3
#include "BenchCsvFile.h"
#include "data/CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

using namespace sextant::engine;
using namespace sextant::bench;

namespace {

struct Args {
    std::int64_t rows = 1'000'000;
    int cols = 20;
    QString file;
    int runs = 3;
    int threads = 0;
    bool pandas = true;
    bool regenerate = false;
    QString loadOnly; // child mode
};

void usage()
{
    std::printf(
        "usage: bench_load_csv [--rows N] [--cols N] [--file PATH] [--runs N] [--threads N]\n"
        "                      [--no-pandas] [--regenerate]\n"
        "Generates the CSV if it does not exist (default: %s/float_ROWSxCOLS.csv), loads it\n"
        "RUNS times with CsvReader and with pandas.read_csv, each load in its own process,\n"
        "and prints time, peak RSS and the ratios.\n",
        SEXTANT_BENCH_DATA_DIR);
}

// Child: one load, figures on stdout as key=value pairs.
int loadOnce(const Args &args)
{
    const long baseline = procStatusKb("VmRSS");
    CsvOptions options;
    options.threads = args.threads;
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    const LoadResult r = CsvReader::read(args.loadOnly, options);
    const auto t1 = std::chrono::steady_clock::now();
    const double cpu = cpuSeconds() - cpu0;
    if (!r.ok()) {
        std::fprintf(stderr, "load failed: %s\n",
            r.error ? qPrintable(r.error->toString()) : "unknown error");
        return 1;
    }
    std::printf("seconds=%.6f cpu=%.6f rss_kb=%ld baseline_kb=%ld rows=%lld cols=%d\n",
        std::chrono::duration<double>(t1 - t0).count(), cpu, procStatusKb("VmHWM"), baseline,
        static_cast<long long>(r.dataset->rowCount()), r.dataset->columnCount());
    return 0;
}

const char *kPandasScript = R"(
import resource, sys, time
def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
import pandas as pd
base = rss_kb()
cpu0 = time.process_time()
t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
t1 = time.perf_counter()
cpu = time.process_time() - cpu0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("seconds=%.6f cpu=%.6f rss_kb=%d baseline_kb=%d rows=%d cols=%d"
      % (t1 - t0, cpu, peak, base, df.shape[0], df.shape[1]))
)";

struct Summary {
    double seconds = 0; // median wall time
    double best = 0; // fastest run
    double cpu = 0; // median CPU time
    double peakMb = 0; // largest peak RSS over the runs, MB (10^6 bytes)
    double baselineMb = 0;
    std::int64_t rows = 0;
    int cols = 0;
};

std::optional<Summary> measure(
    const char *label, const QString &program, const QStringList &arguments, int runs)
{
    std::vector<double> secs, cpus;
    Summary s;
    for (int i = 0; i < runs; ++i) {
        const auto f = runChild(program, arguments);
        if (!f) {
            std::printf("%s: run %d failed\n", label, i + 1);
            return std::nullopt;
        }
        const double sec = f->at(QStringLiteral("seconds"));
        const double peak = f->at(QStringLiteral("rss_kb")) * 1024.0 / 1e6;
        std::printf("  %-8s run %d: %.3f s wall, %.3f s CPU, peak RSS %.1f MB\n", label, i + 1, sec,
            f->at(QStringLiteral("cpu")), peak);
        std::fflush(stdout);
        secs.push_back(sec);
        cpus.push_back(f->at(QStringLiteral("cpu")));
        s.peakMb = std::max(s.peakMb, peak);
        s.baselineMb = f->at(QStringLiteral("baseline_kb")) * 1024.0 / 1e6;
        s.rows = std::int64_t(f->at(QStringLiteral("rows")));
        s.cols = int(f->at(QStringLiteral("cols")));
    }
    s.seconds = median(secs);
    s.best = *std::min_element(secs.begin(), secs.end());
    s.cpu = median(cpus);
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
        else if (a == "--threads")
            args.threads = value().toInt();
        else if (a == "--no-pandas")
            args.pandas = false;
        else if (a == "--regenerate")
            args.regenerate = true;
        else if (a == "--load")
            args.loadOnly = QString::fromLocal8Bit(value());
        else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", a.constData());
            usage();
            return 2;
        }
    }
    if (!args.loadOnly.isEmpty())
        return loadOnce(args); // child: nothing else in this process

    QCoreApplication app(argc, argv);
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
        const auto t0 = std::chrono::steady_clock::now();
        if (!generateFloatCsv(args.file, args.rows, args.cols)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args.file));
            return 1;
        }
        std::printf("  done in %.1f s\n",
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const double fileMb = double(QFileInfo(args.file).size()) / 1e6;
    const double float64Mb = double(args.rows) * args.cols * 8 / 1e6;
    warmPageCache(args.file);

    std::printf("file: %s\n  %.1f MB, %lld rows x %d columns, float64 size %.1f MB\n",
        qPrintable(args.file), fileMb, static_cast<long long>(args.rows), args.cols, float64Mb);
    std::printf("machine: %d hardware threads, load average %s\n", QThread::idealThreadCount(),
        qPrintable(loadAverage()));
    std::fflush(stdout);

    QStringList childArgs { QStringLiteral("--load"), args.file };
    if (args.threads > 0)
        childArgs << QStringLiteral("--threads") << QString::number(args.threads);
    const auto ours
        = measure("sextant", QCoreApplication::applicationFilePath(), childArgs, args.runs);
    if (!ours)
        return 1;
    if (ours->rows != args.rows || ours->cols != args.cols) {
        std::printf("sextant read %lld x %d, expected %lld x %d\n",
            static_cast<long long>(ours->rows), ours->cols, static_cast<long long>(args.rows),
            args.cols);
        return 1;
    }

    std::optional<Summary> pandas;
    if (args.pandas) {
        QProcess probe;
        probe.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral("-c"), QStringLiteral("import pandas") });
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit
            && probe.exitCode() == 0) {
            pandas = measure("pandas", QStringLiteral(SEXTANT_PYTHON),
                { QStringLiteral("-c"), QString::fromLatin1(kPandasScript), args.file }, args.runs);
        } else {
            std::printf("pandas: not available (%s with pandas; apt install python3-pandas)\n",
                SEXTANT_PYTHON);
        }
    }

    std::printf("\nsextant CsvReader: %.3f s median (best %.3f s), %.3f s CPU, peak RSS %.1f MB "
                "(%.1f MB before loading)\n",
        ours->seconds, ours->best, ours->cpu, ours->peakMb, ours->baselineMb);
    if (pandas)
        std::printf("pandas.read_csv:   %.3f s median (best %.3f s), %.3f s CPU, peak RSS %.1f MB "
                    "(%.1f MB before loading)\n",
            pandas->seconds, pandas->best, pandas->cpu, pandas->peakMb, pandas->baselineMb);
    const double memRatio = ours->peakMb / float64Mb;
    std::printf("memory: sextant peak / float64 size = %.2f  (target <= 1.30)  %s\n", memRatio,
        memRatio <= 1.3 ? "met" : "NOT met");
    if (pandas) {
        const double timeRatio = ours->seconds / pandas->seconds;
        std::printf("time:   sextant / pandas = %.2f  (target <= 0.50)  %s\n", timeRatio,
            timeRatio <= 0.5 ? "met" : "NOT met");
        std::printf("memory: sextant peak / pandas peak = %.2f\n", ours->peakMb / pandas->peakMb);
    }
    return 0;
}
