#pragma once

// Shared by bench_load_csv and bench_open: the generated float CSV, child processes that
// report key=value figures, and the small measurement helpers.
#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace sextant::bench {

// Writes `path`: a header c0..c<cols-1>, then `rows` rows of random -0.123456789-like
// values (random sign, nine random digits; xorshift64 with a fixed seed: the same file
// every time). Written to PATH.partial and renamed.
bool generateFloatCsv(const QString &path, std::int64_t rows, int cols);
// Reads `path` once so that every loader finds it in the page cache.
void warmPageCache(const QString &path);
// kB values from /proc/self/status (VmHWM = peak resident set, VmRSS = now); -1 if absent.
long procStatusKb(const char *key);
// User + system CPU seconds of this process.
double cpuSeconds();
// "1.23 0.98 0.75" from /proc/loadavg.
QString loadAverage();

using Figures = std::map<QString, double>;
// Runs `program` and parses the key=value pairs of its standard output; nullopt if it
// fails or prints no "seconds".
std::optional<Figures> runChild(const QString &program, const QStringList &arguments);
double median(std::vector<double> v);

} // namespace sextant::bench
