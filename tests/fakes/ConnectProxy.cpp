#include "fakes/ConnectProxy.h"

#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace tenantry::test {

ConnectProxy::ConnectProxy(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_server->setProxy(QNetworkProxy::NoProxy);
    connect(m_server, &QTcpServer::newConnection, this, &ConnectProxy::accept);
}

ConnectProxy::~ConnectProxy() = default;

bool ConnectProxy::listen(const QHostAddress& address)
{
    return m_server->listen(address, 0);
}

quint16 ConnectProxy::port() const
{
    return m_server->serverPort();
}

QString ConnectProxy::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void ConnectProxy::clear()
{
    m_targets.clear();
    m_credentialed = 0;
}

void ConnectProxy::accept()
{
    while (QTcpSocket* client = m_server->nextPendingConnection()) {
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        auto head = std::make_shared<QByteArray>();
        // Until the head is complete; tunnel() takes the socket's readyRead over afterwards.
        connect(client, &QTcpSocket::readyRead, this, [this, client, head] {
            if (client->property("tunnelling").toBool())
                return;
            *head += client->read(kMaxHeadBytes + 1 - head->size());
            const qsizetype end = head->indexOf("\r\n\r\n");
            if (end < 0) {
                if (head->size() > kMaxHeadBytes)
                    answer(client, "431 Request Header Fields Too Large");
                return;
            }
            client->setProperty("tunnelling", true);
            const QByteArray early = head->mid(end + 4) + client->readAll();
            client->setProperty("head", head->left(end));
            readHead(client);
            if (client->property("tunnelHost").isValid())
                tunnel(client, client->property("tunnelHost").toString(),
                       quint16(client->property("tunnelPort").toUInt()), early);
        });
    }
}

void ConnectProxy::readHead(QTcpSocket* client)
{
    const QList<QByteArray> lines = client->property("head").toByteArray().split('\n');
    const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
    if (request.size() != 3 || request.at(0) != "CONNECT" || !request.at(2).startsWith("HTTP/1.")) {
        answer(client, "405 Method Not Allowed", "Allow: CONNECT\r\n");
        return;
    }
    const QByteArray target = request.at(1);
    const qsizetype colon = target.lastIndexOf(':');
    bool portOk = false;
    const uint port = colon > 0 ? target.mid(colon + 1).toUInt(&portOk) : 0;
    if (!portOk || port == 0 || port > 65535) {
        answer(client, "400 Bad Request");
        return;
    }
    m_targets << QString::fromLatin1(target);
    for (const QByteArray& line : lines.mid(1)) {
        if (line.trimmed().toLower().startsWith("proxy-authorization:"))
            ++m_credentialed;
    }
    switch (m_mode) {
    case Mode::RequireCredentials:
        answer(client, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"Test proxy\"\r\n");
        return;
    case Mode::Forbid:
        answer(client, "403 Forbidden");
        return;
    case Mode::CloseAfterConnect:
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        client->disconnectFromHost();
        return;
    case Mode::Tunnel:
        client->setProperty("tunnelHost", QString::fromLatin1(target.left(colon)));
        client->setProperty("tunnelPort", port);
        return;
    }
}

void ConnectProxy::tunnel(QTcpSocket* client, const QString& host, quint16 port, const QByteArray& early)
{
    auto* upstream = new QTcpSocket(client);
    upstream->setProxy(QNetworkProxy::NoProxy);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        if (!early.isEmpty())
            upstream->write(early);
    });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream](QAbstractSocket::SocketError) {
        if (upstream->state() != QAbstractSocket::ConnectedState && !client->property("established").toBool())
            answer(client, "502 Bad Gateway");
        else
            client->disconnectFromHost();
    });
    connect(upstream, &QTcpSocket::connected, client, [client] { client->setProperty("established", true); });
    connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
    connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
    upstream->connectToHost(host, port);
}

void ConnectProxy::answer(QTcpSocket* client, const QByteArray& statusLine, const QByteArray& headers)
{
    client->write("HTTP/1.1 " + statusLine + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    client->disconnectFromHost();
}

} // namespace tenantry::test
