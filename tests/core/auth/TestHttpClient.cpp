// The JSON-over-HTTP client (core/http/HttpClient) against the test identity provider's server:
// bounded concurrency with an ordered queue, retries with backoff and Retry-After, timeouts, and
// log lines without query strings.

#include "fakes/IdentityRig.h"
#include "http/HttpClient.h"

#include <QElapsedTimer>
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

    Response get(const QUrl& url, RetryPolicy retry = {})
    {
        return await<Response>([&](HttpClient::Callback done) { m_rig->http->get(url, {}, std::move(done), retry); });
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
        m_rig->http->setMaxInFlight(3);
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
