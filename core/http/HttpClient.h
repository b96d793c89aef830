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
// Asynchronous, and bounded per host (scheme, host and port): at most kMaxInFlightPerHost requests at
// once to a host that speaks HTTP/1.1 (Qt opens at most six connections per host and keeps them alive;
// more would only wait inside Qt, with our deadline running), kMaxStreamsPerHttp2Host once a host has
// answered over HTTP/2 (one connection multiplexes them; HTTP/2 is offered by ALPN on every HTTPS
// request). The rest wait in their host's queue in order. Hosts do not wait for each other: refreshes
// for many tenants share the identity host's limit while ARM listings use ARM's, so discovering 100
// tenants neither floods a server nor serialises on one connection. One client per
// QNetworkAccessManager, shared by everything (its connections are the ones kept alive).
//
// Every wait is bounded: an idle transfer timeout, an overall deadline per attempt (a server dripping
// a byte every few seconds cannot keep a request alive), a body size limit, and Retry-After only up to
// kMaxRetryAfterSecs. Credentials never cross an origin: POSTs (token and device-code requests, whose
// bodies carry refresh tokens, codes and verifiers) never follow a redirect; GETs follow one only to
// the same scheme, host and port, so a bearer token stays with the server it was meant for.
//
// Servers are verified against the system's certificate authorities and those of the CA bundle az's
// users name (TrustRoots, read from the environment at the first request). Unless the network
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
    static constexpr int kMaxInFlightPerHost = 6;
    // Enough streams to hide 50-100 ms of latency when listing hundreds of tenants, far below the 100
    // concurrent streams servers commonly allow and gentle on ARM's per-principal read throttling.
    static constexpr int kMaxStreamsPerHttp2Host = 16;

    explicit HttpClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~HttpClient() override;

    // The limits for hosts that speak HTTP/1.1 and HTTP/2.
    void setMaxInFlightPerHost(int count) { m_maxInFlightPerHost = std::max(1, count); }
    void setMaxStreamsPerHttp2Host(int count) { m_maxStreamsPerHttp2Host = std::max(1, count); }
    int maxInFlightPerHost() const { return m_maxInFlightPerHost; }
    int maxStreamsPerHttp2Host() const { return m_maxStreamsPerHttp2Host; }
    // Whether `url`'s host has answered over HTTP/2 (and so gets the HTTP/2 limit).
    bool usesHttp2(const QUrl& url) const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }                // idle: no byte for this long ends the attempt
    void setDeadlineMs(int ms) { m_deadlineMs = std::max(1, ms); } // overall, per attempt
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = std::max<qint64>(1, bytes); }
    void setMaxRetryAfterSecs(int secs) { m_maxRetryAfterSecs = std::max(0, secs); }

    // Where a request waits in its host's queue. AheadOfQueue is for a request that more work waits
    // on (the next page of the tenant list): it goes before every Normal one still waiting, after the
    // AheadOfQueue ones already there. Such a request is one at a time per list, so Normal ones are
    // delayed by at most a request each, never starved.
    enum class Priority { Normal, AheadOfQueue };

    void get(const QUrl& url, const Headers& headers, Callback done, RetryPolicy retry = {},
             Priority priority = Priority::Normal);
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
        Priority priority = Priority::Normal;
    };

    // Why an attempt was ended from our side, and whether trying again could help.
    struct Abort
    {
        QString why;
        bool retryable = false;
    };

    // The requests to one host: those waiting, in order, and how many are out.
    struct HostLane
    {
        QQueue<Pending> queue;
        int inFlight = 0;
        bool http2 = false; // it answered over HTTP/2
    };

    static QString hostKey(const QUrl& url); // scheme://host:port, lowercase
    void enqueue(Pending pending);
    void pump(const QString& host);
    void send(Pending pending);
    void finished(QNetworkReply* reply, Pending pending);
    // Follows a same-origin redirect of a GET; false (with `why`) when it must not be followed.
    bool followRedirect(QNetworkReply* reply, Pending& pending, QString* why) const;
    void abandoned(QNetworkReply* reply, Pending pending, const Abort& abort);
    void fail(Pending pending, const QString& why); // ends the request without an HTTP answer
    void retryLater(Pending pending, int delayMs);
    static int backoffMs(const Pending& pending);
    const TrustRoots& trustRoots();
    QString networkError(QNetworkReply* reply, const QUrl& url) const;
    QString hostAndProxy(const QUrl& url) const; // "host", or "host (through the proxy http://p:3128)"

    QNetworkAccessManager* m_network;
    // Read at the first request, not when the client is made: parsing a bundle of a hundred authorities
    // is time a cached token or the desktop app's first paint should not wait for.
    std::optional<TrustRoots> m_trustRoots;
    EnvironmentProxies m_proxies;
    bool m_proxiesFromEnvironment = false;               // the manager asks m_proxies (it had no proxy of its own)
    std::optional<QSslConfiguration> m_sslConfiguration; // set when a CA bundle adds certificates
    QHash<QString, HostLane> m_lanes;                    // one per host talked to (a handful: the authority and ARM)
    int m_maxInFlightPerHost = kMaxInFlightPerHost;
    int m_maxStreamsPerHttp2Host = kMaxStreamsPerHttp2Host;
    int m_timeoutMs = 30000;
    int m_deadlineMs = kDefaultDeadlineMs;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    int m_maxRetryAfterSecs = kMaxRetryAfterSecs;
};

} // namespace tenantry
