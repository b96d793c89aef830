#pragma once

#include "auth/AuthorizationBrowser.h"
#include "auth/AuthorizationResponse.h"
#include "http/HttpRequestParser.h"

#include <QHash>
#include <QPointer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace tenantry {

// The system-browser half of the auth code flow. prepare() listens on one port on both 127.0.0.1 and
// ::1 (browsers resolve `localhost` to either; a port another program holds on either family is passed
// over, so nobody else can sit on the other family and receive the code; a machine without IPv6 loopback
// gets 127.0.0.1 alone). The redirect URI says http://localhost:PORT, as MSAL's does.
//
// open() never puts the authorize URL on the browser's command line, which every local user can read in
// /proc: the browser is launched with http://localhost:PORT/start/<128 random bits>, which answers once
// with a 302 to the authorize URL. Then the listener takes the one GET to / that carries `code` or
// `error` with the expected `state`, shows a short page saying the window can be closed, and closes.
//
// What looks like someone else joining the sign-in stops it (failed(), listener closed): a second
// request to the start URL (even from the same browser: Back or reload), a request to any other /start/
// path, a sign-in response at / with another state. Anything else (favicon.ico, / without a response)
// gets a 404 and changes nothing, and junk gets a 4xx. A connection that sends no complete request within
// kConnectionDeadlineMs (by default) is answered 408 and closed, and at most kMaxConnections are open at
// once, so a local process cannot hold the listener (slowloris).
class LoopbackRedirectListener final : public AuthorizationBrowser
{
    Q_OBJECT

public:
    explicit LoopbackRedirectListener(BrowserLauncher* launcher, QObject* parent = nullptr);
    ~LoopbackRedirectListener() override;

    bool prepare(QString* error) override;
    QString redirectUri() const override;
    void open(const QUrl& authorizeUrl, const QString& expectedState) override;
    void cancel() override;
    quint16 port() const;
    bool listensOnIpv6() const { return m_ipv6 != nullptr; }

    // A redirect with code and client_info is ~2 KB; a GET has no body.
    static constexpr HttpRequestParser::Limits kRequestLimits{/*maxHeaderBytes=*/16 * 1024, /*maxLineBytes=*/8 * 1024,
                                                              /*maxHeaderLines=*/64, /*maxBodyBytes=*/0};
    static constexpr int kConnectionDeadlineMs = 10000;
    static constexpr int kMaxConnections = 16;
    // Ports tried before prepare() gives up because other programs hold each on one of the families.
    static constexpr int kMaxPortAttempts = 8;
    void setConnectionDeadlineMs(int ms) { m_connectionDeadlineMs = ms; }
    // The port prepare() tries first (0, the default: one the system picks); taken, another is picked.
    void setFirstPortToTry(quint16 port) { m_firstPortToTry = port; }

private:
    enum class Bind { Listening, PortTaken, Failed };
    Bind listenOnBothLoopbacks(quint16 port, QString* error);
    void accept(QTcpServer* server);
    void readRequest(QTcpSocket* socket);
    void serveStart(QTcpSocket* socket, const QString& path);
    void takeResponse(QTcpSocket* socket, const AuthorizationResponse& response);
    void stopAsHijack(QTcpSocket* socket, const QString& message);
    void answer(QTcpSocket* socket, int status, const QByteArray& html, const QByteArray& extraHeaders = {});
    void stop();

    BrowserLauncher* m_launcher;
    QTcpServer* m_ipv4 = nullptr;
    QTcpServer* m_ipv6 = nullptr; // null on a machine without IPv6 loopback
    quint16 m_port = 0;
    quint16 m_firstPortToTry = 0;
    QUrl m_authorizeUrl;
    QString m_startPath; // /start/<random> of the open sign-in; empty before open()
    bool m_startServed = false;
    QString m_expectedState;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_done = false;
    int m_connectionDeadlineMs = kConnectionDeadlineMs;
};

} // namespace tenantry
