#pragma once

#include <QHostAddress>
#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace tenantry::test {

// An HTTP proxy as corporate networks run them, for HTTPS only: a client sends
// `CONNECT host:port HTTP/1.1` (headers up to kMaxHeadBytes), the proxy connects to that host (names
// resolved as any program's are, so inside scripts/fake-azure-hosts.sh the Azure names reach 127.0.0.1),
// answers `200 Connection established` and then copies bytes both ways until either side closes. Each
// CONNECT target is recorded, whatever the proxy then does with it. Other methods get 405, a head that
// is too large 431, an unreachable target 502.
class ConnectProxy : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Tunnel,
        RequireCredentials, // 407 with a Basic challenge, to every CONNECT (credentials or not)
        Forbid,             // 403, as a proxy whose policy blocks the host
        CloseAfterConnect,  // accepts the tunnel, then closes it before a byte passes: a proxy that dies
    };

    static constexpr qsizetype kMaxHeadBytes = 8 * 1024;

    explicit ConnectProxy(QObject* parent = nullptr);
    ~ConnectProxy() override;

    bool listen(const QHostAddress& address = QHostAddress::LocalHost);
    quint16 port() const;
    QString url() const; // http://127.0.0.1:PORT

    void setMode(Mode mode) { m_mode = mode; }
    // "host:port" of every CONNECT, in order.
    const QStringList& targets() const { return m_targets; }
    // How many CONNECTs carried a Proxy-Authorization header (its value is not kept).
    int credentialedRequests() const { return m_credentialed; }
    void clear();

private:
    void accept();
    void readHead(QTcpSocket* client);
    void tunnel(QTcpSocket* client, const QString& host, quint16 port, const QByteArray& early);
    static void answer(QTcpSocket* client, const QByteArray& statusLine, const QByteArray& headers = {});

    QTcpServer* m_server;
    Mode m_mode = Mode::Tunnel;
    QStringList m_targets;
    int m_credentialed = 0;
};

} // namespace tenantry::test
