#pragma once

#include "http/EnvironmentProxies.h"
#include "http/TrustRoots.h"
#include "util/Json.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tenantry {

class Clock;

struct HttpResponse
{
    // 0 when no usable HTTP answer came: a network error, no complete answer within the deadline, an
    // answer larger than the limit, a refused redirect or a Retry-After longer than we wait.
    int status = 0;
    QByteArray body;
    QString networkError;       // for people; names the host, never a token
    QByteArray wwwAuthenticate; // a 401's WWW-Authenticate header (its bearer challenge), at most 16 KiB
    int attempts = 0;

    bool ok() const { return status >= 200 && status < 300; }
    std::optional<Json> json() const; // nullopt when the body is not a JSON object/array
};

// How hard to try before giving up: 429 and 5xx answers and network errors are retried with
// exponential backoff, honouring Retry-After up to HttpClient::kMaxRetryAfterSecs, as the identity
// platform and ARM ask.
struct RetryPolicy
{
    int maxAttempts = 4;
    int initialDelayMs = 500;
    int maxDelayMs = 8000;

    static RetryPolicy none() { return {1, 0, 0}; }
};

// A Retry-After header (delay-seconds or an HTTP-date) as milliseconds from `now`; a date in the past
// is 0. nullopt when the value is neither. Values too large for a wait come back as they are (capped at
// a year), for the caller to refuse.
std::optional<qint64> parseRetryAfterMs(const QByteArray& value, const QDateTime& now);

// JSON over HTTP on a QNetworkAccessManager (the seam tests point at the test identity provider).
// Asynchronous; at most maxInFlight requests at once, the rest queued in order, so discovering
// 50 tenants neither floods the server nor serialises on one connection.
//
// Every wait is bounded: an idle transfer timeout, an overall deadline per attempt (a server dripping
// a byte every few seconds cannot keep a request alive), a body size limit, and Retry-After only up to
// kMaxRetryAfterSecs. Credentials never cross an origin: POSTs (token and device-code requests, whose
// bodies carry refresh tokens, codes and verifiers) never follow a redirect; GETs follow one only to
// the same scheme, host and port, so a bearer token stays with the server it was meant for.
//
// Servers are verified against the system's certificate authorities and those of the CA bundle az's
// users name (TrustRoots, read from the environment when the client is made). Unless the network
// manager was given a proxy of its own, requests go through the proxies az would use
// (EnvironmentProxies); a failure through a proxy names it, never its credentials.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Callback = std::function<void(const HttpResponse&)>;

    static constexpr qint64 kDefaultMaxBodyBytes = 4 * 1024 * 1024;
    static constexpr int kDefaultDeadlineMs = 120 * 1000;
    static constexpr int kMaxRetryAfterSecs = 60;
    static constexpr int kMaxRedirects = 5;

    explicit HttpClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~HttpClient() override;

    void setMaxInFlight(int count) { m_maxInFlight = std::max(1, count); }
    int maxInFlight() const { return m_maxInFlight; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }                // idle: no byte for this long ends the attempt
    void setDeadlineMs(int ms) { m_deadlineMs = std::max(1, ms); } // overall, per attempt
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = std::max<qint64>(1, bytes); }
    void setMaxRetryAfterSecs(int secs) { m_maxRetryAfterSecs = std::max(0, secs); }

    void get(const QUrl& url, const Headers& headers, Callback done, RetryPolicy retry = {});
    void postForm(const QUrl& url, const QUrlQuery& form, const Headers& headers, Callback done,
                  RetryPolicy retry = {});

    static Headers bearer(const QString& accessToken);

private:
    struct Pending
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        Headers headers;
        Callback done;
        RetryPolicy retry;
        int attempt = 0;
        int redirects = 0;
    };

    // Why an attempt was ended from our side, and whether trying again could help.
    struct Abort
    {
        QString why;
        bool retryable = false;
    };

    void enqueue(Pending pending);
    void pump();
    void send(Pending pending);
    void finished(QNetworkReply* reply, Pending pending);
    // Follows a same-origin redirect of a GET; false (with `why`) when it must not be followed.
    bool followRedirect(QNetworkReply* reply, Pending& pending, QString* why) const;
    void abandoned(QNetworkReply* reply, Pending pending, const Abort& abort);
    void fail(Pending pending, const QString& why); // ends the request without an HTTP answer
    void retryLater(Pending pending, int delayMs);
    static int backoffMs(const Pending& pending);
    QString networkError(QNetworkReply* reply, const QUrl& url) const;
    QString hostAndProxy(const QUrl& url) const; // "host", or "host (through the proxy http://p:3128)"

    QNetworkAccessManager* m_network;
    TrustRoots m_trustRoots;
    EnvironmentProxies m_proxies;
    bool m_proxiesFromEnvironment = false;               // the manager asks m_proxies (it had no proxy of its own)
    std::optional<QSslConfiguration> m_sslConfiguration; // set when a CA bundle adds certificates
    QQueue<Pending> m_queue;
    int m_inFlight = 0;
    int m_maxInFlight = 8;
    int m_timeoutMs = 30000;
    int m_deadlineMs = kDefaultDeadlineMs;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    int m_maxRetryAfterSecs = kMaxRetryAfterSecs;
};

} // namespace tenantry
