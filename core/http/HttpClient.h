#pragma once

#include "util/Json.h"

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
    int status = 0;            // 0 when no HTTP answer came (network error)
    QByteArray body;
    QString networkError;      // for people; names the host, never a token
    int attempts = 0;

    bool ok() const { return status >= 200 && status < 300; }
    std::optional<Json> json() const; // nullopt when the body is not a JSON object/array
};

// How hard to try before giving up: 429 and 5xx answers and network errors are retried with
// exponential backoff, honouring Retry-After (capped), as the identity platform and ARM ask.
struct RetryPolicy
{
    int maxAttempts = 4;
    int initialDelayMs = 500;
    int maxDelayMs = 8000;

    static RetryPolicy none() { return {1, 0, 0}; }
};

// JSON over HTTP on a QNetworkAccessManager (the seam tests point at the test identity provider).
// Asynchronous; at most maxInFlight requests at once, the rest queued in order, so discovering
// 50 tenants neither floods the server nor serialises on one connection.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Callback = std::function<void(const HttpResponse&)>;

    explicit HttpClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~HttpClient() override;

    void setMaxInFlight(int count) { m_maxInFlight = std::max(1, count); }
    int maxInFlight() const { return m_maxInFlight; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

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
    };

    void enqueue(Pending pending);
    void pump();
    void send(Pending pending);
    void finished(QNetworkReply* reply, Pending pending);

    QNetworkAccessManager* m_network;
    QQueue<Pending> m_queue;
    int m_inFlight = 0;
    int m_maxInFlight = 8;
    int m_timeoutMs = 30000;
};

} // namespace tenantry
