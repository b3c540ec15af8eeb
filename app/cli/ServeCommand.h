#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::cli {

// `sextant serve MODEL.sxmodel [--host 127.0.0.1] [--port 8080] [--threads N] [--token T]
//                [--log FILE] [--max-body BYTES] [--drift-window ROWS]`
//
// Serves a saved model over HTTP (Qt HttpServer; the endpoints are ModelServer's). Binds
// to loopback unless --host says otherwise; --port 0 picks a free port. The line
// "sextant serve: listening on http://HOST:PORT ..." on standard output says where, once
// the server accepts connections. --threads N runs N event-loop threads, each accepting
// on the same port (SO_REUSEPORT: the kernel spreads connections over them). --log
// appends one line per request (time, client, method, path, status, milliseconds, rows).
// SIGINT / SIGTERM stop it: no new connections, answers in progress are written (up to
// two seconds), then exit code 0.
//
// Exit codes: 0 stopped by a signal; 1 the model could not be read, the address could not
// be bound, or this build has no HTTP server (Qt HttpServer missing at build time);
// 2 usage error.
class ServeCommand {
public:
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace sextant::cli
