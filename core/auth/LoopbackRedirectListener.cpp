#include "auth/LoopbackRedirectListener.h"

#include "util/Jwt.h"
#include "util/Logging.h"

#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <array>
#include <memory>

namespace tenantry {

namespace {

const QLatin1String kStartPrefix("/start/");

QByteArray page(const QString& title, const QString& text)
{
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;color:#222}"
                          "h1{font-size:1.4em}</style></head><body><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(BrowserLauncher* launcher, QObject* parent)
    : AuthorizationBrowser(parent)
    , m_launcher(launcher)
{}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::prepare(QString* error)
{
    if (m_ipv4 && m_ipv4->isListening())
        return true;
    // Closed after a previous sign-in: listen afresh.
    delete m_ipv4;
    delete m_ipv6;
    m_ipv4 = m_ipv6 = nullptr;
    quint16 port = m_firstPortToTry;
    for (int attempt = 0; attempt < kMaxPortAttempts; ++attempt, port = 0) {
        switch (listenOnBothLoopbacks(port, error)) {
        case Bind::Listening:
            return true;
        case Bind::PortTaken:
            continue;
        case Bind::Failed:
            return false;
        }
    }
    *error = tr("Cannot listen for the sign-in redirect: other programs hold each port tried on 127.0.0.1 or ::1.");
    return false;
}

LoopbackRedirectListener::Bind LoopbackRedirectListener::listenOnBothLoopbacks(quint16 port, QString* error)
{
    // Loopback only, never 0.0.0.0 or ::: the code must not be catchable from the network.
    auto ipv4 = std::make_unique<QTcpServer>(this);
    ipv4->setProxy(QNetworkProxy::NoProxy);
    if (!ipv4->listen(QHostAddress::LocalHost, port)) {
        if (ipv4->serverError() == QAbstractSocket::AddressInUseError) {
            qCInfo(lcAuth) << "port" << port << "is taken on 127.0.0.1; trying another for the sign-in redirect";
            return Bind::PortTaken;
        }
        *error = tr("Cannot listen on 127.0.0.1 for the sign-in redirect: %1").arg(ipv4->errorString());
        return Bind::Failed;
    }
    port = ipv4->serverPort();
    // The same port on ::1, where a browser may well send `localhost`: left to another program, that
    // program would receive the code.
    auto ipv6 = std::make_unique<QTcpServer>(this);
    ipv6->setProxy(QNetworkProxy::NoProxy);
    if (!ipv6->listen(QHostAddress::LocalHostIPv6, port)) {
        switch (ipv6->serverError()) {
        case QAbstractSocket::AddressInUseError:
            qCWarning(lcAuth) << "port" << port
                              << "is taken on ::1 by another program; trying another for the sign-in redirect";
            return Bind::PortTaken;
        case QAbstractSocket::SocketAddressNotAvailableError:  // no ::1 (IPv6 disabled on lo)
        case QAbstractSocket::UnsupportedSocketOperationError: // no IPv6 at all
            qCInfo(lcAuth) << "this machine has no IPv6 loopback; the sign-in redirect is taken on 127.0.0.1 only";
            ipv6.reset();
            break;
        default:
            *error = tr("Cannot listen on ::1 for the sign-in redirect: %1").arg(ipv6->errorString());
            return Bind::Failed;
        }
    }
    m_ipv4 = ipv4.release();
    m_ipv6 = ipv6.release();
    m_port = port;
    for (QTcpServer* server : {m_ipv4, m_ipv6}) {
        if (server)
            connect(server, &QTcpServer::newConnection, this, [this, server] { accept(server); });
    }
    return Bind::Listening;
}

quint16 LoopbackRedirectListener::port() const
{
    // Kept after the listener closes: the code is redeemed with this same redirect URI afterwards.
    return m_port;
}

QString LoopbackRedirectListener::redirectUri() const
{
    return QStringLiteral("http://localhost:%1").arg(port());
}

void LoopbackRedirectListener::open(const QUrl& authorizeUrl, const QString& expectedState)
{
    m_authorizeUrl = authorizeUrl;
    m_expectedState = expectedState;
    m_done = false;
    m_startServed = false;
    // 128 bits from the system's CSPRNG: another local user reads this URL in /proc but cannot guess it.
    std::array<quint32, 4> random{};
    QRandomGenerator::system()->fillRange(random.data(), static_cast<qsizetype>(random.size()));
    const QByteArray bytes(reinterpret_cast<const char*>(random.data()), static_cast<qsizetype>(sizeof random));
    m_startPath = kStartPrefix + QString::fromLatin1(jwt::base64UrlEncode(bytes));
    QUrl startUrl(redirectUri());
    startUrl.setPath(m_startPath);
    if (!m_launcher || !m_launcher->open(startUrl)) {
        m_done = true;
        stop();
        emit failed(tr("Could not open a web browser."));
    }
}

void LoopbackRedirectListener::cancel()
{
    if (m_done)
        return;
    m_done = true;
    stop();
    emit cancelled();
}

void LoopbackRedirectListener::accept(QTcpServer* server)
{
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        if (m_buffers.size() >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        // A connection that never completes a request does not hold a slot for long.
        QTimer::singleShot(m_connectionDeadlineMs, socket, [this, socket] {
            if (m_buffers.contains(socket))
                answer(socket, 408, page(tr("Request timeout"), QString()));
        });
    }
}

void LoopbackRedirectListener::readRequest(QTcpSocket* socket)
{
    const auto buffer = m_buffers.find(socket);
    if (buffer == m_buffers.end()) {
        socket->readAll(); // answered already: the rest is ignored
        return;
    }
    // Never more than the limit (plus one byte, to tell "too large" apart) is held per connection.
    constexpr qsizetype maxBytes = kRequestLimits.maxHeaderBytes + kRequestLimits.maxBodyBytes;
    buffer->append(socket->read(maxBytes + 1 - buffer->size()));
    const HttpRequestParser::Result parsed = HttpRequestParser::parse(*buffer, kRequestLimits);
    switch (parsed.status) {
    case HttpRequestParser::Status::Incomplete:
        return; // wait for more, until the connection's deadline
    case HttpRequestParser::Status::BadRequest:
        answer(
            socket, parsed.errorStatus,
            page(parsed.errorStatus == 431 || parsed.errorStatus == 413 ? tr("Request too large") : tr("Bad request"),
                 QString()));
        return;
    case HttpRequestParser::Status::Complete:
        break;
    }
    if (parsed.request.method != "GET") {
        answer(socket, 405, page(tr("Method not allowed"), QString()));
        return;
    }
    // Only "/path?query": never an absolute URL or "//host", which would name another origin.
    const QUrl target = parsed.request.hasOriginFormTarget()
                            ? QUrl(QString::fromLatin1(parsed.request.target), QUrl::StrictMode)
                            : QUrl();
    if (!target.isValid() || !target.isRelative() || !target.host().isEmpty()) {
        answer(socket, 400, page(tr("Bad request"), QString()));
        return;
    }
    const QString path = target.path(QUrl::FullyEncoded);
    if (m_done || m_startPath.isEmpty()) {
        answer(socket, 404, page(tr("No sign-in is waiting"), QString()));
        return;
    }
    if (path.startsWith(kStartPrefix)) {
        serveStart(socket, path);
        return;
    }
    const AuthorizationResponse response = AuthorizationResponse::fromQuery(parsed.request.rawQuery);
    if (path == QLatin1String("/") && response.kind != AuthorizationResponse::Kind::NotAResponse) {
        takeResponse(socket, response);
        return;
    }
    answer(socket, 404, page(tr("Not found"), QString())); // favicon.ico and the like: harmless
}

void LoopbackRedirectListener::serveStart(QTcpSocket* socket, const QString& path)
{
    if (path != m_startPath) {
        stopAsHijack(socket, tr("The sign-in was stopped: a request for a sign-in start page Tenantry never opened "
                                "reached it."));
        return;
    }
    if (m_startServed) {
        stopAsHijack(socket, tr("The sign-in was stopped: its start page was requested a second time."));
        return;
    }
    m_startServed = true;
    // The authorize URL (state, PKCE challenge, nonce) goes only to whoever holds the start URL, once;
    // no-referrer keeps the start URL from the identity provider's logs.
    answer(socket, 302, QByteArray(), "Location: " + m_authorizeUrl.toEncoded() + "\r\n");
}

void LoopbackRedirectListener::takeResponse(QTcpSocket* socket, const AuthorizationResponse& response)
{
    if (response.state != m_expectedState) {
        stopAsHijack(socket, tr("The sign-in was stopped: a sign-in response that does not belong to this sign-in "
                                "(state mismatch) reached Tenantry."));
        return;
    }
    m_done = true;
    if (response.kind == AuthorizationResponse::Kind::Code)
        answer(socket, 200, page(tr("Signed in to Tenantry"), tr("You can close this window and return to Tenantry.")));
    else
        answer(socket, 200, page(tr("Sign-in failed"), tr("%1 You can close this window.").arg(response.problem())));
    stop();
    emit redirected(response);
}

void LoopbackRedirectListener::stopAsHijack(QTcpSocket* socket, const QString& message)
{
    // Someone else has the start URL or is forging responses: no code that arrives now can be trusted.
    qCWarning(lcAuth) << "stopped the sign-in: a request to the redirect listener did not come from this sign-in's "
                         "browser (possible hijack attempt)";
    m_done = true;
    answer(socket, 400,
           page(tr("Sign-in stopped"), tr("Tenantry stopped this sign-in because another program may be trying to "
                                          "take it over. Start the sign-in again in Tenantry.")));
    stop();
    emit failed(message + QLatin1Char(' ') +
                tr("Another program on this computer may be trying to take over the sign-in. Sign in again."));
}

void LoopbackRedirectListener::answer(QTcpSocket* socket, int status, const QByteArray& html,
                                      const QByteArray& extraHeaders)
{
    static const QHash<int, QByteArray> kReasons = {{200, "OK"},
                                                    {302, "Found"},
                                                    {400, "Bad Request"},
                                                    {404, "Not Found"},
                                                    {405, "Method Not Allowed"},
                                                    {408, "Request Timeout"},
                                                    {413, "Content Too Large"},
                                                    {431, "Request Header Fields Too Large"},
                                                    {501, "Not Implemented"},
                                                    {505, "HTTP Version Not Supported"}};
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + kReasons.value(status) + "\r\n";
    response += extraHeaders;
    response += "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
                "Connection: close\r\n";
    response += "Content-Length: " + QByteArray::number(html.size()) + "\r\n\r\n" + html;
    socket->write(response);
    socket->disconnectFromHost();
    m_buffers.remove(socket);
}

void LoopbackRedirectListener::stop()
{
    for (QTcpServer* server : {m_ipv4, m_ipv6}) {
        if (server)
            server->close();
    }
    // Connections still sending a request get no say once the sign-in is over.
    const QList<QTcpSocket*> unanswered = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket* socket : unanswered) {
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace tenantry
