#pragma once

#include "http/HttpRequestParser.h"
#include "tools/ManagedIdentityRequest.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace tenantry {

// An access token as a token source hands it to the endpoint.
struct ManagedIdentityToken
{
    Secret accessToken;
    qint64 expiresOn = 0; // POSIX seconds
};

// A loopback token endpoint in the App Service managed-identity protocol (ManagedIdentityRequest.h),
// for child processes that were given url() and secret() as IDENTITY_ENDPOINT and IDENTITY_HEADER.
// It listens on 127.0.0.1 only, on a port the system picks, with a new secret (32 random bytes,
// base64url) per endpoint; open() reserves the port and refuses every connection until serve(), and
// close() ends everything, connections waiting for a token included.
//
// Each connection carries one request (answered with Connection: close) within kRequestLimits; one
// that has not sent a whole request by the connection deadline is dropped, and at most kMaxConnections
// are open at once, so slow or dead peers cannot hold the endpoint. Tokens come from the TokenSource,
// asynchronously: other connections are served meanwhile. Neither a token nor the secret is logged.
class ManagedIdentityEndpoint final : public QObject
{
    Q_OBJECT

public:
    using TokenDone = std::function<void(const Result<ManagedIdentityToken>&)>;
    // Finds a token for `scope`; calls `done` once, possibly later, on this thread.
    using TokenSource = std::function<void(const QString& scope, TokenDone done)>;

    explicit ManagedIdentityEndpoint(TokenSource source, QObject* parent = nullptr);
    ~ManagedIdentityEndpoint() override;

    bool open(QString* error);
    void serve();
    void close();

    QUrl url() const; // http://127.0.0.1:PORT/msi/token
    QByteArray secret() const { return m_secret; }
    quint16 port() const;
    bool isServing() const { return m_serving; }
    int openConnections() const { return static_cast<int>(m_connections.size()); }

    // An SDK's request is well under 1 KB; 8 KB leaves room for proxies' and tracing headers.
    static constexpr HttpRequestParser::Limits kRequestLimits{/*maxHeaderBytes=*/8 * 1024, /*maxLineBytes=*/4 * 1024,
                                                              /*maxHeaderLines=*/32, /*maxBodyBytes=*/0};
    static constexpr int kConnectionDeadlineMs = 5000;
    static constexpr int kMaxConnections = 16;
    void setConnectionDeadlineMs(int ms) { m_connectionDeadlineMs = ms; }

private:
    void accept();
    void readRequest(QTcpSocket* socket);
    void answerToken(QTcpSocket* socket, const ManagedIdentityAsk& ask);
    void answer(QTcpSocket* socket, const ManagedIdentityAnswer& answer);
    void drop(QTcpSocket* socket);

    TokenSource m_source;
    QTcpServer* m_server = nullptr;
    QByteArray m_secret;
    QByteArray m_host; // "127.0.0.1:PORT", the only Host header answered
    bool m_serving = false;
    struct Connection
    {
        QByteArray received;   // of a request still coming in
        bool complete = false; // the request is in; the answer (a token, maybe later) is pending
    };
    // Open connections, answered or not: each counts against kMaxConnections until it is answered.
    QHash<QTcpSocket*, Connection> m_connections;
    int m_connectionDeadlineMs = kConnectionDeadlineMs;
};

} // namespace tenantry
