// The JSON-over-HTTP client (core/http/HttpClient) against the test identity provider's server:
// bounded concurrency with an ordered queue, retries with backoff and Retry-After, timeouts, and
// log lines without query strings. And against a hostile server: a Retry-After of years, a body
// dripped one byte at a time, a body of megabytes, redirects to a stranger that records what it gets.

#include "fakes/IdentityRig.h"
#include "http/HttpClient.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkProxy>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

// The client's answer (the fake server has its own HttpResponse).
using Response = tenantry::HttpResponse;

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    QUrl discoveryUrl(const QString& tenant = QStringLiteral("organizations")) const
    {
        QUrl url = m_rig->idp.url();
        url.setPath(QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(tenant));
        return url;
    }

    Response get(const QUrl& url, RetryPolicy retry = {}, const HttpClient::Headers& headers = {})
    {
        return await<Response>(
            [&](HttpClient::Callback done) { m_rig->http->get(url, headers, std::move(done), retry); }, 20000);
    }

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    void getJson()
    {
        const Response response = get(discoveryUrl());
        QCOMPARE(response.status, 200);
        QVERIFY(response.ok());
        QCOMPARE(response.attempts, 1);
        const auto body = response.json();
        QVERIFY(body);
        QVERIFY(body->contains("token_endpoint"));
        QVERIFY(response.networkError.isEmpty());

        const Response missing = get(discoveryUrl(QStringLiteral("nowhere.example")));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.attempts, 1); // a 4xx is an answer, never retried
    }

    // No more than maxInFlight requests at the server at once; the rest wait in order and all finish.
    void boundedConcurrency()
    {
        m_rig->http->setMaxInFlightPerHost(3);
        m_rig->idp.setLatency(IdpEndpoint::OpenIdConfiguration, 200);
        QList<int> finished;
        for (int i = 0; i < 10; ++i)
            m_rig->http->get(discoveryUrl(), {}, [&finished, i](const Response& r) {
                if (r.ok())
                    finished.append(i);
            });
        QVERIFY(QTest::qWaitFor([&] { return finished.size() == 10; }, 30000));
        QVERIFY2(m_rig->idp.maxInFlight(IdpEndpoint::OpenIdConfiguration) <= 3,
                 qPrintable(QString::number(m_rig->idp.maxInFlight(IdpEndpoint::OpenIdConfiguration))));
        QVERIFY(m_rig->idp.maxInFlight(IdpEndpoint::OpenIdConfiguration) >= 2); // and they do run side by side
        QCOMPARE(finished.first(), 0);
        QCOMPARE(finished.last(), 9);
    }

    // The bound is per host: a second server's requests do not wait behind the first one's queue, and
    // neither server ever has more than the bound at once. Retries and all, every request ends.
    void boundedPerHost()
    {
        TestIdentityProvider other;
        QString error;
        QVERIFY2(other.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(other.listen());
        QUrl otherUrl = discoveryUrl();
        otherUrl.setPort(other.url().port());
        m_rig->http->setMaxInFlightPerHost(3);
        m_rig->idp.setLatency(IdpEndpoint::OpenIdConfiguration, 300);
        other.setLatency(IdpEndpoint::OpenIdConfiguration, 300);
        other.addFault(IdpFault::httpError(IdpEndpoint::OpenIdConfiguration, 503));
        int finished = 0;
        for (int i = 0; i < 10; ++i)
            m_rig->http->get(discoveryUrl(), {}, [&finished](const Response& r) { finished += r.ok() ? 1 : 0; });
        for (int i = 0; i < 10; ++i)
            m_rig->http->get(
                otherUrl, {}, [&finished](const Response& r) { finished += r.ok() ? 1 : 0; }, RetryPolicy{2, 50, 50});
        // Both servers busy at once, each with the whole bound.
        QVERIFY2(QTest::qWaitFor([&] { return m_rig->idp.inFlight() == 3 && other.inFlight() == 3; }, 5000),
                 qPrintable(QStringLiteral("in flight: %1 and %2").arg(m_rig->idp.inFlight()).arg(other.inFlight())));
        QVERIFY(QTest::qWaitFor([&] { return finished == 20; }, 30000));
        QCOMPARE(m_rig->idp.maxInFlight(), 3);
        QCOMPARE(other.maxInFlight(), 3);
        QCOMPARE(other.requestCount(), 11); // one retried
    }

    // A request others wait on (the next page of the tenant list) goes before the Normal ones waiting, after
    // the AheadOfQueue ones already there; the Normal ones keep their order.
    void aheadOfQueueGoesFirst()
    {
        m_rig->http->setMaxInFlightPerHost(1);
        m_rig->idp.setLatency(IdpEndpoint::OpenIdConfiguration, 100);
        QStringList order;
        auto request = [&](const QString& name, HttpClient::Priority priority) {
            m_rig->http->get(
                discoveryUrl(), {}, [&order, name](const Response&) { order.append(name); }, {}, priority);
        };
        request(QStringLiteral("first"), HttpClient::Priority::Normal); // in flight at once
        request(QStringLiteral("normal 1"), HttpClient::Priority::Normal);
        request(QStringLiteral("normal 2"), HttpClient::Priority::Normal);
        request(QStringLiteral("page 2"), HttpClient::Priority::AheadOfQueue);
        request(QStringLiteral("page 3"), HttpClient::Priority::AheadOfQueue);
        QVERIFY(QTest::qWaitFor([&] { return order.size() == 5; }, 20000));
        QCOMPARE(order, (QStringList{QStringLiteral("first"), QStringLiteral("page 2"), QStringLiteral("page 3"),
                                     QStringLiteral("normal 1"), QStringLiteral("normal 2")}));
    }

    void serverErrorRetriedWithBackoff()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::OpenIdConfiguration, 502).repeat(2));
        QElapsedTimer timer;
        timer.start();
        const Response response = get(discoveryUrl());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.attempts, 3);
        QVERIFY2(timer.elapsed() >= 1400, qPrintable(QString::number(timer.elapsed()))); // 0.5 s, then 1 s

        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::OpenIdConfiguration, 500).repeat(-1));
        const Response exhausted = get(discoveryUrl(), RetryPolicy{3, 100, 400});
        QCOMPARE(exhausted.status, 500);
        QCOMPARE(exhausted.attempts, 3);

        const Response once = get(discoveryUrl(), RetryPolicy::none());
        QCOMPARE(once.status, 500);
        QCOMPARE(once.attempts, 1);
    }

    // Retry-After wins over the (shorter) backoff.
    void retryAfterIsHonoured()
    {
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::OpenIdConfiguration, 2));
        QElapsedTimer timer;
        timer.start();
        const Response response = get(discoveryUrl(), RetryPolicy{4, 100, 8000});
        QCOMPARE(response.status, 200);
        QCOMPARE(response.attempts, 2);
        QVERIFY2(timer.elapsed() >= 1800, qPrintable(QString::number(timer.elapsed())));
    }

    // A server that never answers: the transfer timeout ends it with an error naming the host.
    void hangingServerTimesOut()
    {
        m_rig->http->setTimeoutMs(500);
        m_rig->idp.addFault(IdpFault::hang(IdpEndpoint::OpenIdConfiguration).repeat(-1));
        QElapsedTimer timer;
        timer.start();
        const Response response = get(discoveryUrl(), RetryPolicy::none());
        QCOMPARE(response.status, 0);
        QVERIFY(!response.ok());
        QVERIFY2(response.networkError.startsWith(QLatin1String("127.0.0.1: ")), qPrintable(response.networkError));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    // Retry-After as delay-seconds or an HTTP-date, never overflowing, whatever the digits.
    void retryAfterValues()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-29T08:00:00Z"), Qt::ISODate);
        QCOMPARE(parseRetryAfterMs("120", now), std::optional<qint64>(120000));
        QCOMPARE(parseRetryAfterMs(" 0 ", now), std::optional<qint64>(0));
        QCOMPARE(parseRetryAfterMs("Sun, 29 Nov 2026 08:00:30 GMT", now), std::optional<qint64>(30000));
        QCOMPARE(parseRetryAfterMs("Sun, 29 Nov 2026 07:00:00 GMT", now), std::optional<qint64>(0)); // past
        const qint64 year = 365LL * 24 * 3600 * 1000;
        QCOMPARE(parseRetryAfterMs("2147483648", now), std::optional<qint64>(year));
        QCOMPARE(parseRetryAfterMs("99999999999999999999999999", now), std::optional<qint64>(year));
        QCOMPARE(parseRetryAfterMs("Fri, 31 Dec 9999 23:59:59 GMT", now), std::optional<qint64>(year));
        QCOMPARE(parseRetryAfterMs("-5", now), std::nullopt);
        QCOMPARE(parseRetryAfterMs("soon", now), std::nullopt);
        QCOMPARE(parseRetryAfterMs("", now), std::nullopt);
    }

    // A 429 asking to wait longer than we ever wait (here 2^31 s, which overflowed into a wait
    // forever) ends the request at once with an error that says so.
    void hugeRetryAfterFailsClearly()
    {
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::OpenIdConfiguration, QByteArray("2147483648")));
        QElapsedTimer timer;
        timer.start();
        const Response response = get(discoveryUrl());
        QCOMPARE(response.status, 0);
        QCOMPARE(response.attempts, 1);
        QVERIFY2(response.networkError.startsWith(QLatin1String("127.0.0.1 answered HTTP 429 and asked to wait")),
                 qPrintable(response.networkError));
        QVERIFY2(response.networkError.contains(QLatin1String("longer than the 60 s Tenantry waits")),
                 qPrintable(response.networkError));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

        // An HTTP-date a day ahead likewise; one two seconds ahead is waited for.
        const QByteArray tomorrow =
            QLocale::c()
                .toString(QDateTime::currentDateTimeUtc().addDays(1), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                .toLatin1();
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::OpenIdConfiguration, tomorrow));
        QVERIFY(get(discoveryUrl()).networkError.contains(QLatin1String("asked to wait 86")));
        const QByteArray soon =
            QLocale::c()
                .toString(QDateTime::currentDateTimeUtc().addSecs(3), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                .toLatin1();
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::OpenIdConfiguration, soon));
        timer.restart();
        const Response waited = get(discoveryUrl(), RetryPolicy{4, 100, 200});
        QCOMPARE(waited.status, 200);
        QCOMPARE(waited.attempts, 2);
        QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
    }

    // A server that answers, but one byte every 300 ms: the idle timeout never fires, the deadline does.
    void drippingServerMeetsTheDeadline()
    {
        m_rig->http->setDeadlineMs(1500);
        m_rig->idp.addFault(IdpFault::drip(IdpEndpoint::OpenIdConfiguration, 300).repeat(-1));
        QElapsedTimer timer;
        timer.start();
        const Response response = get(discoveryUrl(), RetryPolicy{2, 100, 100});
        QCOMPARE(response.status, 0);
        QCOMPARE(response.attempts, 2); // a slow server may be better next time: retried like a network error
        QCOMPARE(response.networkError, QStringLiteral("127.0.0.1: no complete answer within 2 s."));
        QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    }

    // A body beyond the limit is not read to the end, let alone parsed.
    void hugeBodyIsAbandoned()
    {
        QByteArray huge = "{\"padding\": \"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}";
        m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::OpenIdConfiguration, 200, huge).repeat(-1));
        const Response response = get(discoveryUrl());
        QCOMPARE(response.status, 0);
        QCOMPARE(response.attempts, 1); // the same answer again would not be smaller
        QVERIFY(response.body.isEmpty());
        QCOMPARE(response.networkError, QStringLiteral("127.0.0.1: the answer is larger than 4 MiB; it was not read."));

        m_rig->http->setMaxBodyBytes(1024);
        m_rig->idp.clearFaults();
        QVERIFY(get(discoveryUrl()).networkError.contains(QLatin1String("larger than 1024 bytes")));
    }

    // A GET may be redirected on its own server (the headers go along); to another port it is refused,
    // and the stranger there receives nothing at all.
    void redirectsStayOnTheirOrigin()
    {
        QUrl moved = discoveryUrl(QStringLiteral("common"));
        m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::OpenIdConfiguration, moved, 301));
        const Response followed = get(discoveryUrl(), {}, HttpClient::bearer(QStringLiteral("token-for-idp")));
        QCOMPARE(followed.status, 200);
        QCOMPARE(m_rig->idp.requests().last().tenant, QStringLiteral("common"));

        RecordingServer stranger;
        QVERIFY(stranger.listen());
        QUrl elsewhere = stranger.url();
        elsewhere.setPath(QStringLiteral("/collect"));
        for (const int status : {301, 302, 303, 307, 308}) {
            m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::OpenIdConfiguration, elsewhere, status));
            const Response refused = get(discoveryUrl(), {}, HttpClient::bearer(QStringLiteral("token-for-idp")));
            QCOMPARE(refused.status, 0);
            QCOMPARE(refused.networkError,
                     QStringLiteral("127.0.0.1 redirected the request (HTTP %1) to another server, %2; it was not "
                                    "followed, so no credential was sent there.")
                         .arg(status)
                         .arg(stranger.url().toString()));
        }
        QTest::qWait(100);
        QVERIFY2(stranger.received().isEmpty(), stranger.everything().constData());
    }

    void garbageIsNotJson()
    {
        m_rig->idp.addFault(IdpFault::garbageJson(IdpEndpoint::OpenIdConfiguration));
        const Response response = get(discoveryUrl());
        QCOMPARE(response.status, 200);
        QVERIFY(!response.json());
    }

    // Queries can carry codes and hints: log lines show scheme, host and path only.
    void logLinesHaveNoQuery()
    {
        QUrl url = discoveryUrl();
        url.setQuery(QStringLiteral("code=SECRET-CODE-0123456789&login_hint=someone"));
        QCOMPARE(get(url).status, 200);
        bool sawRequest = false;
        for (const QString& line : LogCapture::messages()) {
            QVERIFY2(!line.contains(QLatin1String("SECRET-CODE")), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("login_hint")), qPrintable(line));
            sawRequest = sawRequest || line.contains(QLatin1String("openid-configuration"));
        }
        QVERIFY(sawRequest);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "TestHttpClient.moc"
