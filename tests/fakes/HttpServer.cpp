#include "fakes/HttpServer.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcTestHttp, "tenantry.test.http", QtWarningMsg)

namespace tenantry::test {

namespace {

// QTcpServer hands out its own QTcpSocket; to wrap TLS around an accepted connection we need the descriptor.
class DescriptorServer final : public QTcpServer
{
public:
    explicit DescriptorServer(std::function<void(qintptr)> onIncoming, QObject* parent)
        : QTcpServer(parent)
        , m_onIncoming(std::move(onIncoming))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

// One accepted connection: buffers bytes, parses one request at a time, writes answers in order.
class HttpConnection final : public QObject
{
public:
    HttpConnection(HttpServer* server, QTcpSocket* socket, QObject* parent)
        : QObject(parent)
        , m_server(server)
        , m_socket(socket)
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                qCDebug(lcTestHttp) << "connection error:" << m_socket->errorString();
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                deleteLater();
        });
    }

    void send(quint64 sequence, const HttpResponse& response)
    {
        if (sequence != m_sequence || !m_busy || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_busy = false;
        const bool keepAlive = m_keepAlive && !response.closeConnection;
        write(response, keepAlive, m_head);
        if (!keepAlive) {
            closeAfterWrite();
            return;
        }
        // Pipelined requests may already be waiting in the buffer.
        QTimer::singleShot(0, this, [this] { processBuffer(); });
    }

    void abortConnection(quint64 sequence)
    {
        if (sequence == m_sequence && m_busy) {
            m_busy = false;
            m_socket->abort();
            deleteLater();
        }
    }

    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState && !m_closing; }

    void shutdown()
    {
        m_closing = true;
        m_socket->abort();
        deleteLater();
    }

private:
    void onReadyRead()
    {
        if (m_closing) {
            m_socket->readAll();
            return;
        }
        m_buffer += m_socket->readAll();
        processBuffer();
    }

    void processBuffer()
    {
        if (m_busy || m_closing || m_buffer.isEmpty())
            return;
        HttpRequestParser::Result result = HttpRequestParser::parse(m_buffer, m_server->m_limits);
        switch (result.status) {
        case HttpRequestParser::Status::Incomplete:
            if (result.expectsContinue && !m_sentContinue) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        case HttpRequestParser::Status::BadRequest: {
            qCDebug(lcTestHttp) << "bad request:" << result.error;
            HttpResponse response =
                HttpResponse::text(result.errorStatus, HttpResponse::reasonPhrase(result.errorStatus) + '\n');
            write(response, false, false);
            m_buffer.clear();
            closeAfterWrite();
            emit m_server->badRequest(result.errorStatus, result.error);
            return;
        }
        case HttpRequestParser::Status::Complete:
            break;
        }
        m_buffer.remove(0, result.consumed);
        m_sentContinue = false;
        HttpRequest request;
        static_cast<tenantry::HttpRequest&>(request) = std::move(result.request);
        request.secure = qobject_cast<QSslSocket*>(m_socket) != nullptr;
        m_busy = true;
        m_keepAlive = request.keepAlive();
        m_head = request.method == "HEAD";
        m_server->dispatch(request, this, ++m_sequence);
    }

    void write(const HttpResponse& response, bool keepAlive, bool head)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         HttpResponse::reasonPhrase(response.status) + "\r\n";
        for (const auto& header : response.headers) {
            const QByteArray lower = header.first.toLower();
            if (lower == "content-length" || lower == "connection")
                continue;
            out += header.first + ": " + header.second + "\r\n";
        }
        if (response.header("date").isEmpty())
            out += "Date: " + httpDate() + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
        out += "\r\n";
        if (head) {
            m_socket->write(out);
            return;
        }
        if (response.dripIntervalMs <= 0 || response.body.isEmpty()) {
            m_socket->write(out + response.body);
            return;
        }
        m_socket->write(out);
        drip(response.body, response.dripIntervalMs);
    }

    // A slow server: one byte of `rest` now and then, until it is all sent or the peer is gone.
    void drip(const QByteArray& rest, int intervalMs)
    {
        QTimer::singleShot(intervalMs, this, [this, rest, intervalMs] {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                return;
            m_socket->write(rest.first(1));
            if (rest.size() > 1)
                drip(rest.sliced(1), intervalMs);
        });
    }

    void closeAfterWrite()
    {
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes what was written first
    }

    HttpServer* m_server;
    QTcpSocket* m_socket;
    QByteArray m_buffer;
    quint64 m_sequence = 0;
    bool m_busy = false;
    bool m_closing = false;
    bool m_keepAlive = true;
    bool m_head = false;
    bool m_sentContinue = false;
};

HttpResponse& HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpResponse HttpResponse::text(int status, const QByteArray& body, const QByteArray& contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.setHeader("Content-Type", contentType);
    return response;
}

HttpResponse HttpResponse::html(int status, const QString& body)
{
    return text(status, body.toUtf8(), "text/html; charset=utf-8");
}

HttpResponse HttpResponse::json(int status, const QByteArray& body)
{
    return text(status, body, "application/json; charset=utf-8");
}

HttpResponse HttpResponse::redirect(const QByteArray& location, int status)
{
    HttpResponse response = text(status, QByteArray(), "text/html; charset=utf-8");
    response.setHeader("Location", location);
    return response;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

void HttpServer::Responder::send(const HttpResponse& response) const
{
    if (auto* connection = static_cast<HttpConnection*>(m_connection.data()))
        connection->send(m_sequence, response);
}

void HttpServer::Responder::abort() const
{
    if (auto* connection = static_cast<HttpConnection*>(m_connection.data()))
        connection->abortConnection(m_sequence);
}

bool HttpServer::Responder::isConnected() const
{
    const auto* connection = static_cast<const HttpConnection*>(m_connection.data());
    return connection && connection->isConnected();
}

HttpServer::HttpServer(QObject* parent)
    : QObject(parent)
    , m_server(new DescriptorServer([this](qintptr descriptor) { onNewConnection(descriptor); }, this))
{}

HttpServer::~HttpServer() = default;

void HttpServer::setTlsConfiguration(const QSslConfiguration& configuration)
{
    m_tlsConfiguration = configuration;
    m_tlsConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Only HTTP/1.1 here: a browser offering h2 must not get it.
    m_tlsConfiguration.setAllowedNextProtocols({QSslConfiguration::NextProtocolHttp1_1});
    m_tls = true;
}

bool HttpServer::loadTlsCertificate(const QString& certificatePath, const QString& keyPath, QString* error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("this Qt has no TLS backend");
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certificatePath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(keyPath);
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("no PEM RSA or EC private key in %1").arg(keyPath);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    setTlsConfiguration(configuration);
    return true;
}

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    return m_server->listen(address, port);
}

void HttpServer::close()
{
    m_server->close();
    const QObjectList connections = m_server->children();
    for (QObject* child : connections) {
        if (auto* connection = dynamic_cast<HttpConnection*>(child))
            connection->shutdown(); // deleted later: close() may be called from inside a handler
    }
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_server->serverPort();
}

QUrl HttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_server->serverAddress().toString());
    url.setPort(m_server->serverPort());
    return url;
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

int HttpServer::connectionCount() const
{
    int count = 0;
    const QObjectList children = m_server->children();
    for (QObject* child : children)
        count += dynamic_cast<HttpConnection*>(child) ? 1 : 0;
    return count;
}

void HttpServer::onNewConnection(qintptr descriptor)
{
    QTcpSocket* socket = nullptr;
    if (m_tls) {
        auto* tlsSocket = new QSslSocket;
        if (!tlsSocket->setSocketDescriptor(descriptor)) {
            delete tlsSocket;
            return;
        }
        tlsSocket->setSslConfiguration(m_tlsConfiguration);
        connect(tlsSocket, &QSslSocket::sslErrors, tlsSocket, [](const QList<QSslError>& errors) {
            for (const QSslError& error : errors)
                qCDebug(lcTestHttp) << "TLS:" << error.errorString();
        });
        tlsSocket->startServerEncryption();
        socket = tlsSocket;
    } else {
        socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
    }
    new HttpConnection(this, socket, m_server);
}

void HttpServer::dispatch(const HttpRequest& request, QObject* connection, quint64 sequence)
{
    Responder responder;
    responder.m_connection = connection;
    responder.m_sequence = sequence;
    if (!m_handler) {
        responder.send(HttpResponse::text(404, "Not Found\n"));
        return;
    }
    m_handler(request, responder);
}

RecordingServer::RecordingServer(QObject* parent)
    : QObject(parent)
    , m_answer(HttpResponse::json(200, "{}"))
{
    m_server.setHandler([this](const HttpRequest& request, const HttpServer::Responder& responder) {
        m_received.append(request);
        responder.send(m_answer);
    });
}

QByteArray RecordingServer::everything() const
{
    QByteArray all;
    for (const HttpRequest& request : m_received) {
        all += request.method + ' ' + request.target + '\n';
        for (const auto& [name, value] : request.headers)
            all += name + ": " + value + '\n';
        all += request.body + '\n';
    }
    return all;
}

} // namespace tenantry::test
