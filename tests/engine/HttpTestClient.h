#pragma once
// Test helper (header-only): a minimal blocking HTTP/1.1 client on loopback (POSIX
// sockets), for the tests of `sextant serve`. One request per connection.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sextant::testing {

struct HttpReply {
    int status = 0; // 0: no answer (connection refused, timeout, malformed reply)
    QByteArray headers; // the header lines as received
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : headers.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

inline HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &path,
    const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
    int timeoutMs = 20000)
{
    HttpReply reply;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return reply;
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return reply;
    }
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[k, v] : headers)
        request += k + ": " + v + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n" + body;
    qsizetype sent = 0;
    while (sent < request.size()) {
        const ssize_t n
            = ::send(fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            break; // the server may answer (413) before reading everything
        sent += n;
    }
    QByteArray in;
    qsizetype headerEnd = -1;
    qint64 contentLength = -1;
    for (;;) {
        if (headerEnd >= 0 && contentLength >= 0 && in.size() >= headerEnd + 4 + contentLength)
            break;
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, timeoutMs) <= 0)
            break;
        char buffer[65536];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        in.append(buffer, n);
        if (headerEnd < 0) {
            headerEnd = in.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                reply.headers = in.left(headerEnd);
                contentLength = reply.header("Content-Length").toLongLong();
            }
        }
    }
    ::close(fd);
    if (headerEnd < 0 || !in.startsWith("HTTP/1.1 "))
        return reply;
    reply.status = in.mid(9, 3).toInt();
    reply.body = in.mid(headerEnd + 4);
    return reply;
}

} // namespace sextant::testing
