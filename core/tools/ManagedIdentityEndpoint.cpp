#include "tools/ManagedIdentityEndpoint.h"

#include "util/Jwt.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QNetworkProxy>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <array>

namespace tenantry {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

} // namespace

ManagedIdentityEndpoint::ManagedIdentityEndpoint(TokenSource source, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
{}

ManagedIdentityEndpoint::~ManagedIdentityEndpoint()
{
    close();
}

bool ManagedIdentityEndpoint::open(QString* error)
{
    if (m_server)
        return true;
    auto server = std::make_unique<QTcpServer>(this);
    server->setProxy(QNetworkProxy::NoProxy);
    // 127.0.0.1 only: never reachable from the network, nor through ::1 under a name.
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        *error = tr("Cannot listen on 127.0.0.1 for the token endpoint: %1").arg(server->errorString());
        return false;
    }
    // 256 bits from the system's CSPRNG, new for every endpoint.
    std::array<quint32, 8> random{};
    QRandomGenerator::system()->fillRange(random.data(), static_cast<qsizetype>(random.size()));
    m_secret = jwt::base64UrlEncode(
        QByteArray(reinterpret_cast<const char*>(random.data()), static_cast<qsizetype>(sizeof random)));
    m_host = "127.0.0.1:" + QByteArray::number(server->serverPort());
    m_server = server.release();
    connect(m_server, &QTcpServer::newConnection, this, &ManagedIdentityEndpoint::accept);
    return true;
}

void ManagedIdentityEndpoint::serve()
{
    m_serving = m_server != nullptr;
}

void ManagedIdentityEndpoint::close()
{
    m_serving = false;
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    // Connections still sending or waiting for a token get nothing once the endpoint is closed.
    const QList<QTcpSocket*> open = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket* socket : open) {
        socket->abort();
        socket->deleteLater();
    }
}

QUrl ManagedIdentityEndpoint::url() const
{
    return QUrl(QStringLiteral("http://%1%2").arg(QString::fromLatin1(m_host), kManagedIdentityPath));
}

quint16 ManagedIdentityEndpoint::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ManagedIdentityEndpoint::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        if (!m_serving || m_connections.size() >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Qt reads no more from the system than this: a peer that sends more is answered before the
        // rest of it is ever held here.
        socket->setReadBufferSize(kRequestLimits.maxHeaderBytes + 1);
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        // A peer that has not sent a whole request by then (slow, stalled or gone) loses its slot.
        QTimer::singleShot(m_connectionDeadlineMs, socket, [this, socket] {
            const auto connection = m_connections.constFind(socket);
            if (connection != m_connections.cend() && !connection->complete)
                drop(socket);
        });
    }
}

void ManagedIdentityEndpoint::readRequest(QTcpSocket* socket)
{
    const auto connection = m_connections.find(socket);
    if (connection == m_connections.end() || connection->complete) {
        socket->readAll(); // one request per connection: anything after it is ignored
        return;
    }
    constexpr qsizetype maxBytes = kRequestLimits.maxHeaderBytes + kRequestLimits.maxBodyBytes + 1;
    connection->received.append(socket->read(maxBytes - connection->received.size()));
    const HttpRequestParser::Result parsed = HttpRequestParser::parse(connection->received, kRequestLimits);
    switch (parsed.status) {
    case HttpRequestParser::Status::Incomplete:
        return; // more to come, until the connection's deadline
    case HttpRequestParser::Status::BadRequest:
        answer(socket, managedIdentityError(parsed.errorStatus, QStringLiteral("bad_request"), parsed.error));
        return;
    case HttpRequestParser::Status::Complete:
        break;
    }
    connection->complete = true;
    connection->received.clear();
    const auto ask = readManagedIdentityRequest(parsed.request, m_secret, m_host);
    if (!ask) {
        qCInfo(lcAuth) << "token endpoint refused a request with status" << ask.error().status;
        answer(socket, ask.error());
        return;
    }
    answerToken(socket, *ask);
}

void ManagedIdentityEndpoint::answerToken(QTcpSocket* socket, const ManagedIdentityAsk& ask)
{
    qCInfo(lcAuth) << "token endpoint: a token for" << ask.scope;
    // The token may come after the endpoint closed or the peer left: then it goes nowhere.
    QPointer<ManagedIdentityEndpoint> self(this);
    QPointer<QTcpSocket> peer(socket);
    m_source(ask.scope, [self, peer, ask](const Result<ManagedIdentityToken>& token) {
        if (!self || !peer || !self->m_connections.contains(peer.data()))
            return;
        if (!token) {
            qCInfo(lcAuth) << "token endpoint: no token for" << ask.scope;
            self->answer(peer, managedIdentityTokenFailure(token.error()));
            return;
        }
        self->answer(peer, managedIdentityTokenAnswer(ask, token->accessToken, token->expiresOn,
                                                      QDateTime::currentSecsSinceEpoch()));
    });
}

void ManagedIdentityEndpoint::answer(QTcpSocket* socket, const ManagedIdentityAnswer& answer)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    response += "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n";
    response += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body;
    m_connections.remove(socket);
    socket->write(response);
    socket->disconnectFromHost();
}

void ManagedIdentityEndpoint::drop(QTcpSocket* socket)
{
    m_connections.remove(socket);
    socket->abort();
    socket->deleteLater();
}

} // namespace tenantry
