#pragma once

#include "http/HttpRequestParser.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;

namespace tenantry::test {

// A request as this server received it: what the core parser read, and how it came.
struct HttpRequest : tenantry::HttpRequest
{
    bool secure = false; // arrived over TLS
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Length and Connection are added when sent
    QByteArray body;
    bool closeConnection = false; // send "Connection: close" and close after this response
    int dripIntervalMs = 0;       // > 0: the head at once, then the body one byte at a time, this far apart

    HttpResponse& setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse text(int status, const QByteArray& body,
                             const QByteArray& contentType = "text/plain; charset=utf-8");
    static HttpResponse html(int status, const QString& body);
    static HttpResponse json(int status, const QByteArray& body);
    static HttpResponse redirect(const QByteArray& location, int status = 302);
    static QByteArray reasonPhrase(int status);
};

// A small HTTP/1.1 server on QTcpServer: keep-alive, Content-Length bodies, pipelined requests answered
// in order, optional TLS (QSslSocket::startServerEncryption). Bytes that can never be a request get a
// 400 (or 413/431/501/505) and the connection is closed. The handler may answer at once or later
// (from a timer, say): each connection waits for the answer before it reads its next request.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    // Answers one request. Copyable; answering after the connection went away does nothing.
    class Responder
    {
    public:
        void send(const HttpResponse& response) const;
        void abort() const; // drop the connection without an answer
        bool isConnected() const;

    private:
        friend class HttpServer;
        QPointer<QObject> m_connection;
        quint64 m_sequence = 0;
    };

    using Handler = std::function<void(const HttpRequest&, const Responder&)>;

    explicit HttpServer(QObject* parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setLimits(const HttpRequestParser::Limits& limits) { m_limits = limits; }

    // TLS for every connection accepted after this call; call before listen().
    void setTlsConfiguration(const QSslConfiguration& configuration);
    // Reads a PEM certificate (the first one is the server's, any further ones its chain) and PEM key.
    bool loadTlsCertificate(const QString& certificatePath, const QString& keyPath, QString* error);
    bool isTls() const { return m_tls; }

    bool listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close(); // stops listening and drops every connection
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QUrl url() const; // "http://127.0.0.1:port" or "https://..."
    QString errorString() const;
    int connectionCount() const;

signals:
    void badRequest(int status, const QString& reason); // bytes that were not HTTP; for tests and logs

private:
    friend class HttpConnection;
    void onNewConnection(qintptr descriptor);
    void dispatch(const HttpRequest& request, QObject* connection, quint64 sequence);

    QTcpServer* m_server = nullptr;
    Handler m_handler;
    // A browser's or an SDK's requests, token request bodies: larger than the loopback listener takes.
    HttpRequestParser::Limits m_limits{/*maxHeaderBytes=*/64 * 1024, /*maxLineBytes=*/64 * 1024,
                                       /*maxHeaderLines=*/128, /*maxBodyBytes=*/8 * 1024 * 1024};
    QSslConfiguration m_tlsConfiguration;
    bool m_tls = false;
};

// A server on another port that records every request it receives (headers and body) and answers each
// with `answer`: the stranger a redirect points to, to prove that nothing secret reaches it.
class RecordingServer : public QObject
{
    Q_OBJECT

public:
    explicit RecordingServer(QObject* parent = nullptr);

    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.url(); }
    void setAnswer(const HttpResponse& answer) { m_answer = answer; }
    const QList<HttpRequest>& received() const { return m_received; }
    QByteArray everything() const; // every request line, header and body received, concatenated

private:
    HttpServer m_server;
    HttpResponse m_answer;
    QList<HttpRequest> m_received;
};

} // namespace tenantry::test
