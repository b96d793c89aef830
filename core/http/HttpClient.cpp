#include "http/HttpClient.h"

#include "util/Logging.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

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

} // namespace

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
{
}

HttpClient::~HttpClient() = default;

HttpClient::Headers HttpClient::bearer(const QString& accessToken)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + accessToken.toUtf8()}};
}

void HttpClient::get(const QUrl& url, const Headers& headers, Callback done, RetryPolicy retry)
{
    enqueue({QByteArrayLiteral("GET"), url, {}, headers, std::move(done), retry});
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

void HttpClient::enqueue(Pending pending)
{
    m_queue.enqueue(std::move(pending));
    pump();
}

void HttpClient::pump()
{
    while (m_inFlight < m_maxInFlight && !m_queue.isEmpty())
        send(m_queue.dequeue());
}

void HttpClient::send(Pending pending)
{
    ++m_inFlight;
    ++pending.attempt;
    QNetworkRequest request(pending.url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Tenantry/" TENANTRY_VERSION));
    for (const auto& [name, value] : pending.headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = nullptr;
    if (pending.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_network->post(request, pending.body);
    } else {
        reply = m_network->get(request);
    }
    qCDebug(lcHttp).noquote() << pending.method << loggable(pending.url) << "attempt" << pending.attempt;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, pending = std::move(pending)]() mutable { finished(reply, std::move(pending)); });
}

void HttpClient::finished(QNetworkReply* reply, Pending pending)
{
    reply->deleteLater();
    --m_inFlight;
    HttpResponse response;
    response.attempts = pending.attempt;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    if (response.status == 0)
        response.networkError = QStringLiteral("%1: %2").arg(pending.url.host(), reply->errorString());
    qCDebug(lcHttp).noquote() << pending.method << loggable(pending.url) << "->" << response.status;

    if (retryable(response.status) && pending.attempt < pending.retry.maxAttempts) {
        int delay = std::min(pending.retry.maxDelayMs, pending.retry.initialDelayMs << (pending.attempt - 1));
        bool ok = false;
        const int retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&ok);
        if (ok && retryAfter >= 0)
            delay = std::min(retryAfter * 1000, pending.retry.maxDelayMs * 4);
        qCInfo(lcHttp).noquote() << loggable(pending.url) << "answered" << response.status << "- retrying in" << delay
                                 << "ms";
        // The retry waits outside the in-flight budget, so others go ahead meanwhile.
        QTimer::singleShot(delay, this, [this, pending = std::move(pending)]() mutable {
            m_queue.prepend(std::move(pending));
            pump();
        });
        pump();
        return;
    }
    Callback done = std::move(pending.done);
    pump();
    done(response);
}

} // namespace tenantry
