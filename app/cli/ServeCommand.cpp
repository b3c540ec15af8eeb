#include "cli/ServeCommand.h"

#include "cli/CommandErrors.h"
#include "cli/RunCommand.h"
#include "core/ThreadCount.h"

#include <QTextStream>

#ifdef SEXTANT_HAVE_HTTPSERVER
#include "cli/ModelServer.h"
#include "io/ModelFile.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace sextant::cli {

QString ServeCommand::usage()
{
    return QCoreApplication::translate("Cli",
        "  serve MODEL.sxmodel [--host 127.0.0.1] [--port 8080] [--threads N] [--token T]\n"
        "        [--log FILE] [--max-body BYTES] [--drift-window ROWS]\n"
        "                       Serve a saved model over HTTP: POST /predict (JSON rows or\n"
        "                       columns, or CSV), GET /model, /health, /metrics (Prometheus),\n"
        "                       /drift. Loopback unless --host; Ctrl+C stops it.\n");
}

#ifndef SEXTANT_HAVE_HTTPSERVER

int ServeCommand::exec(const QStringList &, QTextStream &, QTextStream &err)
{
    err << "sextant serve: this build of Sextant has no HTTP server: Qt HttpServer was not "
           "found when it was built (install qt6-httpserver-dev, or run tools/setup-deps, "
           "and build again)\n";
    err.flush();
    return RunCommand::kExitFailure;
}

#else

using namespace sextant::engine;

namespace {

// --- signals: SIGINT / SIGTERM write a byte to a pipe the main thread watches

int g_signalPipe[2] = { -1, -1 };

extern "C" void onStopSignal(int)
{
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &b, 1);
}

// --- the request log (--log)

class RequestLog {
public:
    bool open(const QString &path, QString *error)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            *error = QStringLiteral("%1: cannot write: %2").arg(path, m_file.errorString());
            return false;
        }
        return true;
    }
    bool isOpen() const { return m_file.isOpen(); }
    void write(const QByteArray &line)
    {
        QMutexLocker lock(&m_mutex);
        m_file.write(line);
        m_file.flush();
    }

private:
    QMutex m_mutex;
    QFile m_file; // guarded by m_mutex once the server runs
};

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        break;
    }
    return "UNKNOWN";
}

// The HTTP side: every request goes to ModelServer::handle.
class HttpFront : public QAbstractHttpServer {
public:
    HttpFront(ModelServer &server, RequestLog &log) : m_server(server), m_log(log) { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QElapsedTimer timer;
        timer.start();
        ModelServer::Request r;
        r.method = methodName(request.method());
        r.path = request.url().path();
        for (const auto &[key, value] : request.headers()) {
            if (key.compare("authorization", Qt::CaseInsensitive) == 0)
                r.authorization = value;
            else if (key.compare("content-type", Qt::CaseInsensitive) == 0)
                r.contentType = value;
        }
        r.body = request.body();
        const ModelServer::Response answer = m_server.handle(r);
        QHttpServerResponse response(answer.contentType, answer.body,
            static_cast<QHttpServerResponder::StatusCode>(answer.status));
        for (const auto &[key, value] : answer.headers)
            response.addHeader(key, value);
        response.write(makeResponder(request, socket));
        if (m_log.isOpen())
            m_log.write(QStringLiteral("%1 %2 %3 %4 %5 %6ms rows=%7\n")
                            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                request.remoteAddress().toString(), QString::fromLatin1(r.method),
                                r.path.left(200))
                            .arg(answer.status)
                            .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 3)
                            .arg(answer.rows)
                            .toUtf8());
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    ModelServer &m_server;
    RequestLog &m_log;
};

// One event-loop thread accepting on its own listening socket (all on the same port).
class Worker : public QThread {
public:
    Worker(int fd, ModelServer &server, RequestLog &log)
        : m_fd(fd), m_server(server), m_log(log) { }

    // Waits until the thread accepts connections; false (with the reason) when it cannot.
    bool waitReady(QString *error)
    {
        m_ready.acquire();
        *error = m_error;
        return m_error.isEmpty();
    }

    // From the main thread: stop accepting, let the answers in progress be written (up to
    // `graceMs`), then end the event loop.
    void stop(int graceMs)
    {
        QObject *context = m_context.load();
        if (!context)
            return;
        // Runs on the worker's thread, where its servers and sockets live.
        QMetaObject::invokeMethod(
            context,
            [this, graceMs] {
                for (QTcpServer *s : m_front->servers())
                    s->close();
                auto *timer = new QTimer(m_context.load());
                auto elapsed = std::make_shared<QElapsedTimer>();
                elapsed->start();
                QObject::connect(
                    timer, &QTimer::timeout, m_context.load(), [this, elapsed, graceMs] {
                        bool pending = false;
                        for (QTcpServer *s : m_front->servers())
                            for (QTcpSocket *socket : s->findChildren<QTcpSocket *>())
                                pending = pending
                                    || (socket->state() == QAbstractSocket::ConnectedState
                                        && socket->bytesToWrite() > 0);
                        if (!pending || elapsed->elapsed() >= graceMs)
                            quit();
                    });
                timer->start(10);
            },
            Qt::QueuedConnection);
    }

protected:
    void run() override
    {
        QObject context;
        HttpFront front(m_server, m_log);
        auto *tcp = new QTcpServer(&front);
        if (!tcp->setSocketDescriptor(m_fd)) {
            m_error = tcp->errorString();
            ::close(m_fd);
            m_ready.release();
            return;
        }
        front.bind(tcp);
        m_front = &front;
        m_context.store(&context);
        m_ready.release();
        exec();
        m_context.store(nullptr);
        m_front = nullptr;
    }

private:
    const int m_fd;
    ModelServer &m_server;
    RequestLog &m_log;
    QSemaphore m_ready;
    QString m_error; // written by the thread before m_ready is released
    std::atomic<QObject *> m_context { nullptr };
    HttpFront *m_front = nullptr; // used on the worker's thread only
};

// A listening TCP socket that other sockets may share the port of (SO_REUSEPORT).
int listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &bytes, 16);
        length = sizeof(sockaddr_in6);
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0
        || ::listen(fd, 1024) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}

} // namespace

int ServeCommand::exec(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandErrors errors(err, QStringLiteral("serve"),
        QStringLiteral(
            "sextant serve MODEL.sxmodel [--host 127.0.0.1] [--port 8080] "
            "[--threads N] [--token T] [--log FILE] [--max-body BYTES] [--drift-window ROWS]"));

    QString modelPath;
    QString host = QStringLiteral("127.0.0.1");
    qint64 port = 8080;
    qint64 threads = std::clamp(sextant::engine::defaultThreadCount(), 1, 8);
    QString logPath;
    ModelServer::Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = [&](QString &to) {
            if (i + 1 >= args.size())
                return false;
            to = args[++i];
            return true;
        };
        const auto integer = [&](qint64 &to, qint64 min, qint64 max) {
            QString text;
            if (!value(text))
                return false;
            bool ok = false;
            const qint64 v = text.toLongLong(&ok);
            if (!ok || v < min || v > max)
                return false;
            to = v;
            return true;
        };
        if (a == QLatin1String("--host")) {
            if (!value(host))
                return errors.usageError(QStringLiteral("--host needs an address"));
        } else if (a == QLatin1String("--port")) {
            if (!integer(port, 0, 65535))
                return errors.usageError(QStringLiteral("--port needs a number from 0 to 65535"));
        } else if (a == QLatin1String("--threads")) {
            if (!integer(threads, 1, 256))
                return errors.usageError(QStringLiteral("--threads needs a number from 1 to 256"));
        } else if (a == QLatin1String("--token")) {
            if (!value(options.token) || options.token.isEmpty())
                return errors.usageError(QStringLiteral("--token needs a text"));
        } else if (a == QLatin1String("--log")) {
            if (!value(logPath) || logPath.isEmpty())
                return errors.usageError(QStringLiteral("--log needs a file name"));
        } else if (a == QLatin1String("--max-body")) {
            if (!integer(options.maxBodyBytes, 1, qint64(1) << 31))
                return errors.usageError(
                    QStringLiteral("--max-body needs a number of bytes (at most 2 GB)"));
        } else if (a == QLatin1String("--drift-window")) {
            qint64 rows = 0;
            if (!integer(rows, 0, 10000000))
                return errors.usageError(
                    QStringLiteral("--drift-window needs a number of rows (0: off)"));
            options.driftWindowRows = int(rows);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return errors.usageError(QStringLiteral("unknown option %1").arg(a));
        } else if (modelPath.isEmpty()) {
            modelPath = a;
        } else {
            return errors.usageError(QStringLiteral("unexpected argument %1").arg(a));
        }
    }
    if (modelPath.isEmpty())
        return errors.usageError(QStringLiteral("expected MODEL.sxmodel"));
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return errors.usageError(
            QStringLiteral("--host '%1' is not an IP address (e.g. 127.0.0.1, ::1, "
                           "0.0.0.0)")
                .arg(host));

    const Result<TrainedModelPtr> model = ModelFile::load(modelPath);
    if (!model)
        return errors.failure(model.error());
    QJsonObject metadata;
    {
        QFile f(modelPath);
        if (f.open(QIODevice::ReadOnly)) {
            const Result<ModelFile::Parts> parts = ModelFile::split(f.readAll(), modelPath);
            if (parts)
                metadata = QJsonDocument::fromJson(parts.value().header).object();
        }
    }
    RequestLog log;
    QString error;
    if (!logPath.isEmpty() && !log.open(logPath, &error))
        return errors.failure(error);
    ModelServer server(model.value(), metadata, modelPath, options);

    // The worker threads' event loops on Qt's own UNIX dispatcher rather than GLib's: less
    // work per wake-up, and serve never needs GLib sources.
    qputenv("QT_NO_GLIB", "1");
    // The listening sockets, all on one port.
    std::vector<std::unique_ptr<Worker>> workers;
    quint16 actualPort = quint16(port);
    for (qint64 t = 0; t < threads; ++t) {
        const int fd = listenOn(address, actualPort, &error);
        if (fd < 0) {
            for (auto &w : workers)
                w->stop(0);
            for (auto &w : workers)
                w->wait();
            return errors.failure(QStringLiteral("cannot listen on %1:%2: %3")
                                      .arg(address.toString())
                                      .arg(actualPort)
                                      .arg(error));
        }
        actualPort = boundPort(fd);
        workers.push_back(std::make_unique<Worker>(fd, server, log));
        workers.back()->start();
        if (!workers.back()->waitReady(&error)) {
            workers.pop_back();
            for (auto &w : workers)
                w->stop(0);
            for (auto &w : workers)
                w->wait();
            return errors.failure(QStringLiteral("cannot listen on %1:%2: %3")
                                      .arg(address.toString())
                                      .arg(actualPort)
                                      .arg(error));
        }
    }

    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return errors.failure(QStringLiteral("cannot set up signal handling: %1")
                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
    struct sigaction action { };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char b;
        while (::read(g_signalPipe[0], &b, 1) > 0) { }
        notifier.setEnabled(false);
        for (auto &w : workers)
            w->stop(2000);
        for (auto &w : workers)
            w->wait();
        QCoreApplication::quit();
    });

    const QString shown = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    const TrainedModel &m = *model.value();
    out << "sextant serve: listening on http://" << shown << ":" << actualPort << " (" << modelPath
        << ", " << (m.displayName.isEmpty() ? QStringLiteral("model") : m.displayName) << ", "
        << threads << (threads == 1 ? " thread" : " threads")
        << (options.token.isEmpty() ? "" : ", token required") << "); Ctrl+C stops it\n";
    out.flush();
    if (!address.isLoopback() && options.token.isEmpty())
        err << "warning: listening on " << shown
            << ", which is not loopback, without --token: anyone who can reach it can use it\n";
    if (m.trainingDistribution.isEmpty())
        err << "warning: " << modelPath
            << " has no training distribution (model format version 1): GET /drift is off\n";
    err.flush();

    QCoreApplication::exec();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    out << "sextant serve: stopped\n";
    out.flush();
    return RunCommand::kExitOk;
}

#endif

} // namespace sextant::cli
