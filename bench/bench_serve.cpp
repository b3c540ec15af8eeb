// Load on `sextant serve`: single-row POST /predict requests over keep-alive connections on
// loopback, at 1, 8 and 64 concurrent connections, to a logistic regression and a 100-tree
// random forest. Prints throughput (predictions per second) and p50 / p99 latency per level.
// Target (issue "Deployment"): >= 5,000 predictions/s with p99 < 10 ms for logistic
// regression on this machine. "server CPU us" is the server process's CPU time (user +
// system, /proc/PID/stat) per request during the level: what a request costs the server
// whatever else the machine is doing.
//
// The models are trained here on a generated table (10,000 rows x 8 numeric features, 3
// classes, fixed seed) and saved as .sxmodel files in a temporary folder; the server is
// the real executable (SEXTANT_EXECUTABLE) started with --port 0. The client is bounded:
// each level sends a fixed number of requests (--requests, default 20,000) spread over
// its connections, one request in flight per connection, and waits for every answer.
#include "data/Dataset.h"
#include "io/ModelFile.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace sextant::engine;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kFeatures = 8;

Dataset generate(int rows)
{
    std::mt19937_64 rng(20261202);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<std::vector<double>> x(kFeatures, std::vector<double>(std::size_t(rows)));
    std::vector<std::int32_t> y(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        const int cls = int(rng() % 3);
        y[std::size_t(r)] = cls;
        for (int f = 0; f < kFeatures; ++f)
            x[std::size_t(f)][std::size_t(r)] = noise(rng) + (f % 3 == cls ? 1.5 : 0.0);
    }
    Dataset d;
    for (int f = 0; f < kFeatures; ++f)
        d.addColumn(Column::numeric(QStringLiteral("x%1").arg(f), x[std::size_t(f)]));
    Column target = Column::categorical(QStringLiteral("class"), y,
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
    target.setRole(ColumnRole::Target);
    d.addColumn(target);
    return d;
}

QString train(const char *learner, const Dataset &data, const QString &path)
{
    const NodeType *type = BuiltinNodes::registry().find(QString::fromLatin1(learner));
    const Learner *spec = LearnerRegistry::byNodeId(QString::fromLatin1(learner));
    QVariantMap params = type->defaultParameters();
    auto model = LearnerNode::fit(*spec, params, data, nullptr, FitContext {});
    if (!model || !ModelFile::save(*model, path))
        qFatal("cannot train %s", learner);
    return path;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Sends one request on `fd` and reads the whole answer; false when the connection closed.
bool roundTrip(int fd, const std::string &request, std::string &buffer, int &status)
{
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size()))
        return false;
    buffer.clear();
    std::size_t headerEnd = std::string::npos;
    std::size_t need = 0;
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer.append(chunk, std::size_t(n));
        if (headerEnd == std::string::npos) {
            headerEnd = buffer.find("\r\n\r\n");
            if (headerEnd == std::string::npos)
                continue;
            status = std::atoi(buffer.c_str() + 9);
            std::size_t at = buffer.find("Content-Length:");
            if (at == std::string::npos)
                at = buffer.find("content-length:");
            need = headerEnd + 4
                + (at == std::string::npos ? 0 : std::stoul(buffer.substr(at + 15)));
        }
        if (buffer.size() >= need)
            return true;
    }
}

struct Level {
    int connections = 0;
    double seconds = 0;
    std::vector<double> latencies; // ms
    int errors = 0;
    int reconnects = 0;
};

Level load(quint16 port, int connections, int requests, const std::vector<std::string> &bodies)
{
    Level level;
    level.connections = connections;
    std::vector<std::vector<double>> lat(static_cast<std::size_t>(connections));
    std::atomic<int> errors { 0 }, reconnects { 0 };
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c)
        threads.emplace_back([&, c] {
            const int mine = requests / connections + (c < requests % connections ? 1 : 0);
            int fd = connectTo(port);
            std::string buffer;
            lat[std::size_t(c)].reserve(std::size_t(mine));
            for (int i = 0; i < mine; ++i) {
                const std::string &body = bodies[std::size_t(c * 7919 + i) % bodies.size()];
                const std::string request = "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            "Content-Type: application/json\r\nContent-Length: "
                    + std::to_string(body.size()) + "\r\n\r\n" + body;
                int status = 0;
                const auto t0 = Clock::now();
                bool ok = fd >= 0 && roundTrip(fd, request, buffer, status);
                if (!ok) {
                    if (fd >= 0)
                        ::close(fd);
                    fd = connectTo(port);
                    ++reconnects;
                    ok = fd >= 0 && roundTrip(fd, request, buffer, status);
                }
                const auto t1 = Clock::now();
                if (!ok || status != 200)
                    ++errors;
                lat[std::size_t(c)].push_back(
                    std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
            if (fd >= 0)
                ::close(fd);
        });
    for (std::thread &t : threads)
        t.join();
    level.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (auto &v : lat)
        level.latencies.insert(level.latencies.end(), v.begin(), v.end());
    std::sort(level.latencies.begin(), level.latencies.end());
    level.errors = errors;
    level.reconnects = reconnects;
    return level;
}

// CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
double cpuSeconds(qint64 pid)
{
    FILE *f = std::fopen(QStringLiteral("/proc/%1/stat").arg(pid).toLocal8Bit().constData(), "r");
    if (!f)
        return 0;
    char buffer[4096];
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    buffer[n] = 0;
    // Fields after the command name (in parentheses): state is field 3, utime 14, stime 15.
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return 0;
    unsigned long long utime = 0, stime = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime)
        != 2)
        return 0;
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, std::size_t(q * double(sorted.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int requests = 20000;
    int threads = 2;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--requests") && i + 1 < args.size())
            requests = args[++i].toInt();
        else if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            threads = args[++i].toInt();
        else {
            std::printf("usage: bench_serve [--requests N] [--threads N]\n"
                        "N requests per level (default 20000); the server's --threads "
                        "(default 2)\n");
            return 2;
        }
    }
    BuiltinNodes::registry();
    QTemporaryDir dir;
    const Dataset data = generate(10000);
    std::printf("training on %lld rows x %d features...\n", (long long)data.rowCount(), kFeatures);
    const QString logistic = train(
        "model.logistic_regression", data, dir.filePath(QStringLiteral("logistic.sxmodel")));
    const QString forest
        = train("model.random_forest", data, dir.filePath(QStringLiteral("forest.sxmodel")));

    // Request bodies: single rows of the table.
    std::vector<std::string> bodies;
    for (int r = 0; r < 1000; ++r) {
        std::string b = "{\"rows\":[{";
        for (int f = 0; f < kFeatures; ++f) {
            char cell[64];
            std::snprintf(cell, sizeof cell, "%s\"x%d\":%.6g", f ? "," : "", f,
                data.column(f).values()[std::size_t(r)]);
            b += cell;
        }
        b += "}]}";
        bodies.push_back(b);
    }

    std::printf("%-20s %5s %9s %12s %8s %8s %8s %12s %7s\n", "model", "conns", "requests",
        "predictions/s", "p50 ms", "p99 ms", "max ms", "server CPU us", "errors");
    for (const auto &[name, path] : { std::pair { "logistic regression", logistic },
             std::pair { "random forest (100)", forest } }) {
        QProcess server;
        server.setProgram(QStringLiteral(SEXTANT_EXECUTABLE));
        server.setArguments({ QStringLiteral("serve"), path, QStringLiteral("--port"),
            QStringLiteral("0"), QStringLiteral("--threads"), QString::number(threads) });
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start();
        QByteArray out;
        quint16 port = 0;
        static const QRegularExpression listening(QStringLiteral("127\\.0\\.0\\.1:(\\d+)"));
        QDeadlineTimer deadline(60000);
        while (!port && !deadline.hasExpired() && server.state() != QProcess::NotRunning) {
            server.waitForReadyRead(1000);
            out += server.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(out));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (!port)
            qFatal("the server did not start: %s", out.constData());
        load(port, 8, 2000, bodies); // warm-up
        for (int connections : { 1, 8, 64 }) {
            const double cpu0 = cpuSeconds(server.processId());
            const Level l = load(port, connections, requests, bodies);
            const double cpu = cpuSeconds(server.processId()) - cpu0;
            std::printf("%-20s %5d %9d %12.0f %8.3f %8.3f %8.3f %12.1f %7d%s\n", name, connections,
                requests, double(requests) / l.seconds, percentile(l.latencies, 0.5),
                percentile(l.latencies, 0.99), l.latencies.empty() ? 0.0 : l.latencies.back(),
                1e6 * cpu / requests, l.errors,
                l.reconnects ? qPrintable(QStringLiteral(" (%1 reconnects)").arg(l.reconnects))
                             : "");
            std::fflush(stdout);
        }
        // The server's own time per request (arrival of the parsed request to the answer),
        // from its /metrics histogram: what the machine's scheduling adds is the rest.
        {
            const int fd = connectTo(port);
            std::string buffer;
            int status = 0;
            if (fd >= 0
                && roundTrip(
                    fd, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", buffer, status)) {
                const auto value = [&buffer](const std::string &series) {
                    const std::size_t at = buffer.find(series + " ");
                    return at == std::string::npos
                        ? 0.0
                        : std::atof(buffer.c_str() + at + series.size() + 1);
                };
                const double sum
                    = value("sextant_request_duration_seconds_sum{endpoint=\"/predict\"}");
                const double count
                    = value("sextant_request_duration_seconds_count{endpoint=\"/predict\"}");
                if (count > 0)
                    std::printf("%-20s server time per request (mean over %.0f): %.1f us\n", name,
                        count, 1e6 * sum / count);
            }
            if (fd >= 0)
                ::close(fd);
        }
        ::kill(pid_t(server.processId()), SIGTERM);
        server.waitForFinished(30000);
    }
    return 0;
}
