#include "http/HttpClient.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace tenantry {

namespace {

// What may be logged of a URL: scheme, host and path. Queries can carry codes or hints.
QString loggable(const QUrl& url)
{
    return url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

bool retryable(int status)
{
    return status == 0 || status == 429 || status >= 500;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

// scheme://host[:port], what a redirect's target is named by in errors (its path may hold anything).
QString origin(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                        QUrl::StripTrailingSlash);
}

QString mebibytes(qint64 bytes)
{
    return bytes % (1024 * 1024) == 0
               ? QCoreApplication::translate("tenantry::HttpClient", "%1 MiB").arg(bytes / (1024 * 1024))
               : QCoreApplication::translate("tenantry::HttpClient", "%1 bytes").arg(bytes);
}

constexpr qint64 kYearMs = 365LL * 24 * 3600 * 1000;

} // namespace

std::optional<qint64> parseRetryAfterMs(const QByteArray& value, const QDateTime& now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // More digits than a year of seconds has: as long as a year, never an overflow.
        if (text.size() > 9)
            return kYearMs;
        return std::min(text.toLongLong() * 1000, kYearMs);
    }
    // IMF-fixdate ends in "GMT", which Qt's RFC 2822 parser reads only as a numeric offset.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QLatin1String(" +0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::clamp<qint64>(now.msecsTo(at), 0, kYearMs);
}

std::optional<Json> HttpResponse::json() const
{
    auto parsed = json::parse(body);
    if (!parsed.value || !(parsed.value->is_object() || parsed.value->is_array()))
        return std::nullopt;
    return std::move(parsed.value);
}

HttpClient::HttpClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_proxies(EnvironmentProxies::fromEnvironment())
{
    for (const QString& error : m_proxies.errors())
        qCWarning(lcHttp).noquote() << error;
    // A proxy the caller set (tests: none) stays; otherwise Qt's system lookup is replaced, as it reads
    // other variables than az does.
    if (m_network->proxy().type() == QNetworkProxy::DefaultProxy && !m_network->proxyFactory())
        m_network->setProxyFactory(new EnvironmentProxyFactory(m_proxies));
    m_proxiesFromEnvironment = dynamic_cast<EnvironmentProxyFactory*>(m_network->proxyFactory()) != nullptr;
    // The CA bundles and the TLS configuration with their roots are read at the first request (send()):
    // they parse and compare every system authority, hundreds of milliseconds a cached token or the
    // desktop app's first paint should not wait for.
}

HttpClient::~HttpClient() = default;

const TrustRoots& HttpClient::trustRoots()
{
    if (!m_trustRoots) {
        m_trustRoots = TrustRoots::fromEnvironment();
        for (const QString& error : m_trustRoots->errors())
            qCWarning(lcHttp).noquote() << error;
    }
    return *m_trustRoots;
}

HttpClient::Headers HttpClient::bearer(const QString& accessToken)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
}

void HttpClient::get(const QUrl& url, const Headers& headers, Callback done, RetryPolicy retry, Priority priority)
{
    enqueue({QByteArrayLiteral("GET"), url, {}, headers, std::move(done), retry, 0, 0, priority});
}

void HttpClient::postForm(const QUrl& url, const QUrlQuery& form, const Headers& headers, Callback done,
                          RetryPolicy retry)
{
    // application/x-www-form-urlencoded with everything but unreserved characters escaped, so a '+'
    // or '&' inside a claims challenge or refresh token reaches the server intact.
    QByteArray body;
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto& [key, value] : items) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    enqueue({QByteArrayLiteral("POST"), url, body, headers, std::move(done), retry});
}

QString HttpClient::hostKey(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return QStringLiteral("%1://%2:%3")
        .arg(scheme, url.host().toLower())
        .arg(url.port(scheme == QLatin1String("https") ? 443 : 80));
}

bool HttpClient::usesHttp2(const QUrl& url) const
{
    const auto lane = m_lanes.constFind(hostKey(url));
    return lane != m_lanes.constEnd() && lane->http2;
}

void HttpClient::enqueue(Pending pending)
{
    const QString host = hostKey(pending.url);
    QQueue<Pending>& queue = m_lanes[host].queue;
    if (pending.priority == Priority::AheadOfQueue) {
        const auto firstNormal = std::find_if(
            queue.begin(), queue.end(), [](const Pending& waiting) { return waiting.priority == Priority::Normal; });
        queue.insert(firstNormal, std::move(pending));
    } else {
        queue.enqueue(std::move(pending));
    }
    pump(host);
}

void HttpClient::pump(const QString& host)
{
    for (;;) {
        // Looked up each time: send() may reach code that talks to another host.
        HostLane& lane = m_lanes[host];
        const int limit = lane.http2 ? m_maxStreamsPerHttp2Host : m_maxInFlightPerHost;
        if (lane.inFlight >= limit || lane.queue.isEmpty())
            return;
        ++lane.inFlight;
        send(lane.queue.dequeue());
    }
}

void HttpClient::send(Pending pending)
{
    ++pending.attempt;
    if (m_proxiesFromEnvironment && !m_proxies.proxyFor(pending.url)) {
        // Going direct could break a network's policy; the user fixes the variable instead.
        // Answered from the event loop, as every request is: callers need not expect a callback inside get().
        --m_lanes[hostKey(pending.url)].inFlight;
        const QString why = QStringLiteral("%1: %2").arg(pending.url.host(), m_proxies.errors().join(QLatin1Char(' ')));
        QTimer::singleShot(0, this,
                           [this, why, pending = std::move(pending)]() mutable { fail(std::move(pending), why); });
        return;
    }
    QNetworkRequest request(pending.url);
    request.setTransferTimeout(m_timeoutMs);
    // Redirects are looked at by finished(): Qt would carry our headers and body along.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Qt's default, said explicitly: HTTPS offers h2 by ALPN and multiplexes on one kept-alive connection.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Tenantry/" TENANTRY_VERSION));
    for (const auto& [name, value] : pending.headers)
        request.setRawHeader(name, value);
    if (!trustRoots().addedCertificates().isEmpty()) {
        if (!m_sslConfiguration)
            m_sslConfiguration = m_trustRoots->sslConfiguration();
        request.setSslConfiguration(*m_sslConfiguration);
    }
    QNetworkReply* reply = nullptr;
    if (pending.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(request, pending.body);
    } else {
        reply = m_network->get(request);
    }
    qCDebug(lcHttp).noquote() << pending.method << loggable(pending.url) << "attempt" << pending.attempt;

    const QString host = hostAndProxy(pending.url);
    auto abort = std::make_shared<Abort>();
    const qint64 maxBody = m_maxBodyBytes;
    connect(reply, &QNetworkReply::downloadProgress, this,
            [reply, abort, host, maxBody](qint64 received, qint64 total) {
                if (abort->why.isEmpty() && (received > maxBody || total > maxBody)) {
                    abort->why = tr("%1: the answer is larger than %2; it was not read.").arg(host, mebibytes(maxBody));
                    reply->abort();
                }
            });
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    const int deadlineMs = m_deadlineMs;
    connect(deadline, &QTimer::timeout, reply, [reply, abort, host, deadlineMs] {
        if (!abort->why.isEmpty())
            return;
        abort->why = tr("%1: no complete answer within %2 s.").arg(host).arg((deadlineMs + 999) / 1000);
        abort->retryable = true;
        reply->abort();
    });
    deadline->start(deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, abort, pending = std::move(pending)]() mutable {
        if (!abort->why.isEmpty())
            abandoned(reply, std::move(pending), *abort);
        else
            finished(reply, std::move(pending));
    });
}

void HttpClient::abandoned(QNetworkReply* reply, Pending pending, const Abort& abort)
{
    reply->deleteLater();
    --m_lanes[hostKey(pending.url)].inFlight;
    qCInfo(lcHttp).noquote() << pending.method << loggable(pending.url) << "abandoned:" << abort.why;
    if (abort.retryable && pending.attempt < pending.retry.maxAttempts) {
        retryLater(std::move(pending), backoffMs(pending));
        return;
    }
    fail(std::move(pending), abort.why);
}

void HttpClient::fail(Pending pending, const QString& why)
{
    HttpResponse response;
    response.attempts = pending.attempt;
    response.networkError = why;
    Callback done = std::move(pending.done);
    pump(hostKey(pending.url));
    done(response);
}

int HttpClient::backoffMs(const Pending& pending)
{
    return std::min(pending.retry.maxDelayMs, pending.retry.initialDelayMs << std::min(pending.attempt - 1, 16));
}

void HttpClient::retryLater(Pending pending, int delayMs)
{
    // The retry waits outside the in-flight budget, so others go ahead meanwhile.
    const QString host = hostKey(pending.url);
    QTimer::singleShot(delayMs, this, [this, host, pending = std::move(pending)]() mutable {
        m_lanes[host].queue.prepend(std::move(pending));
        pump(host);
    });
    pump(host);
}

QString HttpClient::hostAndProxy(const QUrl& url) const
{
    if (m_proxiesFromEnvironment) {
        const std::optional<QNetworkProxy> proxy = m_proxies.proxyFor(url);
        if (proxy && proxy->type() != QNetworkProxy::NoProxy)
            return tr("%1 (through the proxy %2)").arg(url.host(), EnvironmentProxies::describe(*proxy));
    }
    return url.host();
}

QString HttpClient::networkError(QNetworkReply* reply, const QUrl& url) const
{
    QString why = reply->errorString();
    if (m_proxiesFromEnvironment) {
        const std::optional<QNetworkProxy> proxy = m_proxies.proxyFor(url);
        if (proxy && !proxy->password().isEmpty()) // Qt's messages do not quote it; make sure of that
            why.replace(proxy->password(), QStringLiteral("***"));
    }
    QString error = QStringLiteral("%1: %2").arg(hostAndProxy(url), why);
    // A failed verification may be the bundle that could not be used: say so where the user looks.
    if (reply->error() == QNetworkReply::SslHandshakeFailedError && m_trustRoots && !m_trustRoots->errors().isEmpty())
        error += QLatin1Char(' ') + m_trustRoots->errors().join(QLatin1Char(' '));
    return error;
}

bool HttpClient::followRedirect(QNetworkReply* reply, Pending& pending, QString* why) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QUrl target = pending.url.resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
    const QString where = target.isValid() && !target.host().isEmpty() ? origin(target) : tr("an unreadable address");
    if (pending.method != "GET") {
        *why = tr("%1 answered the sign-in request with a redirect (HTTP %2) to %3; sign-in requests are "
                  "never redirected, so it was not followed.")
                   .arg(pending.url.host())
                   .arg(status)
                   .arg(where);
        return false;
    }
    if (!target.isValid() || !sameOrigin(target, pending.url)) {
        *why = tr("%1 redirected the request (HTTP %2) to another server, %3; it was not followed, so no "
                  "credential was sent there.")
                   .arg(pending.url.host())
                   .arg(status)
                   .arg(where);
        return false;
    }
    if (pending.redirects >= kMaxRedirects) {
        *why = tr("%1 redirected the request more than %2 times.").arg(pending.url.host()).arg(kMaxRedirects);
        return false;
    }
    ++pending.redirects;
    --pending.attempt; // a redirect is not a new attempt
    pending.url = target;
    return true;
}

void HttpClient::finished(QNetworkReply* reply, Pending pending)
{
    reply->deleteLater();
    const QString host = hostKey(pending.url);
    HostLane& lane = m_lanes[host];
    --lane.inFlight;
    if (reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() && !lane.http2) {
        lane.http2 = true;
        qCDebug(lcHttp).noquote() << host << "speaks HTTP/2: up to" << m_maxStreamsPerHttp2Host << "streams";
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcHttp).noquote() << pending.method << loggable(pending.url) << "->" << status;

    if (isRedirect(status)) {
        QString why;
        if (!followRedirect(reply, pending, &why)) {
            qCWarning(lcHttp).noquote() << why;
            fail(std::move(pending), why);
            return;
        }
        qCDebug(lcHttp).noquote() << "following the redirect to" << loggable(pending.url);
        m_lanes[host].queue.prepend(std::move(pending)); // same origin: the same host
        pump(host);
        return;
    }

    HttpResponse response;
    response.attempts = pending.attempt;
    response.status = status;
    response.body = reply->readAll();
    if (status == 401)
        response.wwwAuthenticate = reply->rawHeader(QByteArrayLiteral("WWW-Authenticate")).left(16 * 1024);
    if (response.status == 0)
        response.networkError = networkError(reply, pending.url);

    if (retryable(response.status) && pending.attempt < pending.retry.maxAttempts) {
        int delay = backoffMs(pending);
        const QByteArray header = reply->rawHeader(QByteArrayLiteral("Retry-After"));
        if (const auto retryAfter = parseRetryAfterMs(header, QDateTime::currentDateTimeUtc())) {
            if (*retryAfter > qint64(m_maxRetryAfterSecs) * 1000) {
                // Built before the call: its arguments may be evaluated after `pending` is moved from.
                const QString why = tr("%1 answered HTTP %2 and asked to wait %3 s before trying again, "
                                       "longer than the %4 s Tenantry waits.")
                                        .arg(pending.url.host())
                                        .arg(response.status)
                                        .arg((*retryAfter + 999) / 1000)
                                        .arg(m_maxRetryAfterSecs);
                fail(std::move(pending), why);
                return;
            }
            delay = int(*retryAfter);
        }
        qCInfo(lcHttp).noquote() << loggable(pending.url) << "answered" << response.status << "- retrying in" << delay
                                 << "ms";
        retryLater(std::move(pending), delay);
        return;
    }
    Callback done = std::move(pending.done);
    pump(host);
    done(response);
}

} // namespace tenantry
