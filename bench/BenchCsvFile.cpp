#include "BenchCsvFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <sys/resource.h>

namespace sextant::bench {

long procStatusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLong();
    return -1;
}

double cpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

bool generateFloatCsv(const QString &path, std::int64_t rows, int cols)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString partial = path + QStringLiteral(".partial");
    QFile out(partial);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray header;
    for (int c = 0; c < cols; ++c)
        header += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
    header += '\n';
    out.write(header);
    std::uint64_t state = 0x9E3779B97F4A7C15ull; // xorshift64: fixed seed, same file
    std::vector<char> buf(std::size_t(1) << 20);
    std::size_t used = 0;
    for (std::int64_t r = 0; r < rows; ++r) {
        if (used + std::size_t(cols) * 16 > buf.size()) {
            out.write(buf.data(), qint64(used));
            used = 0;
        }
        char *p = buf.data() + used;
        for (int c = 0; c < cols; ++c) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if (c)
                *p++ = ',';
            if (state & 1)
                *p++ = '-';
            *p++ = '0';
            *p++ = '.';
            std::uint64_t digits = (state >> 8) % 1000000000ull;
            for (int d = 8; d >= 0; --d) {
                p[d] = char('0' + digits % 10);
                digits /= 10;
            }
            p += 9;
        }
        *p++ = '\n';
        used = std::size_t(p - buf.data());
    }
    out.write(buf.data(), qint64(used));
    if (!out.flush())
        return false;
    out.close();
    QFile::remove(path);
    return QFile::rename(partial, path);
}

void warmPageCache(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    std::vector<char> buf(std::size_t(4) << 20);
    while (f.read(buf.data(), qint64(buf.size())) > 0) { }
}

std::optional<Figures> runChild(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, arguments);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    Figures f;
    for (const QByteArray &kv : p.readAllStandardOutput().trimmed().split(' ')) {
        const qsizetype eq = kv.indexOf('=');
        if (eq > 0)
            f[QString::fromLatin1(kv.left(eq))] = kv.mid(eq + 1).toDouble();
    }
    if (!f.count(QStringLiteral("seconds")))
        return std::nullopt;
    return f;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty()
        ? 0.0
        : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll().split(' ').mid(0, 3).join(' '));
}

} // namespace sextant::bench
