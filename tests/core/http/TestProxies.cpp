// Corporate proxies as az reaches them: HttpClient sends through the proxy Python requests would pick from
// https_proxy / HTTPS_PROXY / all_proxy, bypasses it for the hosts no_proxy / NO_PROXY name, and a proxy
// that refuses, dies or cannot be used is an error naming the proxy, never its password. Proven through
// ConnectProxy (a recording CONNECT proxy) to the test identity provider over TLS, its CA trusted through
// REQUESTS_CA_BUNDLE as behind a TLS-inspecting proxy.

#include "fakes/ConnectProxy.h"
#include "fakes/IdentityRig.h"
#include "fakes/TestCertificates.h"
#include "http/EnvironmentProxies.h"
#include "http/HttpClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

using Response = tenantry::HttpResponse;

namespace {

const char* const kVariables[] = {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",        "all_proxy",
                                  "ALL_PROXY",   "no_proxy",    "NO_PROXY",   "REQUESTS_CA_BUNDLE"};
const QString kPassword = QStringLiteral("s3cret-Pr0xy-pass");

QProcessEnvironment environmentOf(const QStringList& assignments)
{
    QProcessEnvironment environment;
    for (const QString& assignment : assignments)
        environment.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    return environment;
}

} // namespace

class TestProxies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestIdentityProvider> m_server;
    std::unique_ptr<ConnectProxy> m_proxy;
    std::unique_ptr<LogCapture> m_log;

    QString serverTarget() const { return QStringLiteral("localhost:%1").arg(m_server->url().port()); }

    // A GET of the discovery document from https://localhost:PORT by a new HttpClient on a network
    // manager with no proxy of its own, as Session makes it.
    Response fetchFromServer()
    {
        QNetworkAccessManager network;
        HttpClient http(&network);
        http.setTimeoutMs(10000);
        http.setDeadlineMs(15000);
        const QUrl url(QStringLiteral("https://%1/common/v2.0/.well-known/openid-configuration").arg(serverTarget()));
        return await<Response>(
            [&](HttpClient::Callback done) { http.get(url, {}, std::move(done), RetryPolicy::none()); }, 30000);
    }

    static void setEnvironment(const QStringList& assignments)
    {
        for (const QString& assignment : assignments)
            qputenv(assignment.section(QLatin1Char('='), 0, 0).toLatin1().constData(),
                    assignment.section(QLatin1Char('='), 1).toUtf8());
    }

    void verifyNoPasswordAnywhere(const Response& response)
    {
        QVERIFY2(!response.networkError.contains(kPassword), qPrintable(response.networkError));
        QVERIFY2(LogCapture::messages().filter(kPassword).isEmpty(),
                 qPrintable(LogCapture::messages().filter(kPassword).join(u'\n')));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestCertificates certificates(m_dir.path());
        QString error;
        if (!certificates.makeCa(QStringLiteral("Tenantry Test Inspecting Proxy CA"), &error) ||
            !certificates.makeServer(QStringLiteral("server"), {QStringLiteral("DNS:localhost")}, &error))
            QSKIP(qPrintable(error));
    }

    void init()
    {
        for (const char* variable : kVariables)
            qunsetenv(variable);
        TestCertificates certificates(m_dir.path());
        qputenv("REQUESTS_CA_BUNDLE", QFile::encodeName(certificates.caPath()));
        m_log = std::make_unique<LogCapture>();
        m_server = std::make_unique<TestIdentityProvider>();
        QString error;
        QVERIFY2(m_server->enableTls(certificates.certificatePath(QStringLiteral("server")),
                                     certificates.keyPath(QStringLiteral("server")), &error),
                 qPrintable(error));
        QVERIFY2(m_server->loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(m_server->listen());
        m_proxy = std::make_unique<ConnectProxy>();
        QVERIFY(m_proxy->listen());
    }

    void cleanup()
    {
        m_proxy.reset();
        m_server.reset();
        m_log.reset();
        for (const char* variable : kVariables)
            qunsetenv(variable);
    }

    // What requests picks, without a network: the variables' names and precedence, no_proxy's forms.
    void proxyForAUrlIsWhatRequestsPicks_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected"); // the proxy, "none", or "unusable"
        const QString login = QStringLiteral("https://login.example.com/common/oauth2/v2.0/token");
        const QString proxy = QStringLiteral("http://proxy.corp:3128");
        QTest::newRow("HTTPS_PROXY") << QStringList{"HTTPS_PROXY=http://proxy.corp:3128"} << login << proxy;
        QTest::newRow("https_proxy") << QStringList{"https_proxy=http://proxy.corp:3128"} << login << proxy;
        QTest::newRow("lowercase wins") << QStringList{"https_proxy=http://proxy.corp:3128",
                                                       "HTTPS_PROXY=http://other.corp:8080"}
                                        << login << proxy;
        QTest::newRow("lowercase empty: none")
            << QStringList{"https_proxy=", "HTTPS_PROXY=http://other.corp:8080"} << login << "none";
        QTest::newRow("http_proxy is not for https")
            << QStringList{"http_proxy=http://proxy.corp:3128"} << login << "none";
        QTest::newRow("http_proxy for http")
            << QStringList{"HTTP_PROXY=http://proxy.corp:3128"} << "http://login.example.com/" << proxy;
        QTest::newRow("all_proxy") << QStringList{"ALL_PROXY=http://proxy.corp:3128"} << login << proxy;
        QTest::newRow("no scheme: http") << QStringList{"HTTPS_PROXY=proxy.corp:3128"} << login << proxy;
        QTest::newRow("default port 80") << QStringList{"HTTPS_PROXY=http://proxy.corp"} << login
                                         << "http://proxy.corp:80";
        QTest::newRow("socks5") << QStringList{"HTTPS_PROXY=socks5h://proxy.corp:1080"} << login
                                << "socks5://proxy.corp:1080";
        QTest::newRow("https proxy: unusable")
            << QStringList{"HTTPS_PROXY=https://proxy.corp:3128"} << login << "unusable";
        const QString set = QStringLiteral("HTTPS_PROXY=http://proxy.corp:3128");
        QTest::newRow("no_proxy host") << QStringList{set, "no_proxy=login.example.com"} << login << "none";
        QTest::newRow("NO_PROXY suffix") << QStringList{set, "NO_PROXY=example.com"} << login << "none";
        QTest::newRow("no_proxy dotted suffix")
            << QStringList{set, "no_proxy=other.org, .example.com"} << login << "none";
        QTest::newRow("no_proxy star") << QStringList{set, "no_proxy=*"} << login << "none";
        QTest::newRow("no_proxy other host") << QStringList{set, "no_proxy=example.org,corp"} << login << proxy;
        QTest::newRow("no_proxy host:port")
            << QStringList{set, "no_proxy=login.example.com:8443"} << "https://login.example.com:8443/"
            << "none";
        QTest::newRow("no_proxy host:port, other port")
            << QStringList{set, "no_proxy=login.example.com:8443"} << login << proxy;
        QTest::newRow("no_proxy CIDR") << QStringList{set, "no_proxy=10.0.0.0/8"} << "https://10.1.2.3/"
                                       << "none";
        QTest::newRow("no_proxy CIDR, outside")
            << QStringList{set, "no_proxy=10.0.0.0/8"} << "https://11.1.2.3/" << proxy;
    }

    void proxyForAUrlIsWhatRequestsPicks()
    {
        QFETCH(QStringList, environment);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const EnvironmentProxies proxies = EnvironmentProxies::fromEnvironment(environmentOf(environment));
        const std::optional<QNetworkProxy> proxy = proxies.proxyFor(QUrl(url));
        const QString got = !proxy                                    ? QStringLiteral("unusable")
                            : proxy->type() == QNetworkProxy::NoProxy ? QStringLiteral("none")
                                                                      : EnvironmentProxies::describe(*proxy);
        QCOMPARE(got, expected);
        QCOMPARE(proxies.errors().isEmpty(), expected != QLatin1String("unusable"));
    }

    void proxyCredentialsAreUsedButNeverShown()
    {
        const EnvironmentProxies proxies = EnvironmentProxies::fromEnvironment(
            environmentOf({QStringLiteral("HTTPS_PROXY=http://corp%5Cme:%1@proxy.corp:3128").arg(kPassword),
                           QStringLiteral("ALL_PROXY=ftp://me:%1@proxy.corp:21").arg(kPassword)}));
        const auto proxy = proxies.proxyFor(QUrl(QStringLiteral("https://login.example.com/")));
        QVERIFY(proxy);
        QCOMPARE(proxy->user(), QStringLiteral("corp\\me"));
        QCOMPARE(proxy->password(), kPassword);
        QCOMPARE(EnvironmentProxies::describe(*proxy), QStringLiteral("http://proxy.corp:3128"));
        QCOMPARE(proxies.errors().size(), 1); // ALL_PROXY: no FTP proxies
        QVERIFY2(proxies.errors().first().contains(QLatin1String("ALL_PROXY")) &&
                     proxies.errors().first().contains(QLatin1String("ftp://proxy.corp:21")) &&
                     !proxies.errors().first().contains(kPassword) &&
                     !proxies.errors().first().contains(QLatin1String("me@")),
                 qPrintable(proxies.errors().first()));
    }

    void requestsGoThroughTheProxy_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("HTTPS_PROXY") << QByteArrayLiteral("HTTPS_PROXY");
        QTest::newRow("https_proxy") << QByteArrayLiteral("https_proxy");
        QTest::newRow("ALL_PROXY") << QByteArrayLiteral("ALL_PROXY");
    }

    void requestsGoThroughTheProxy()
    {
        QFETCH(QByteArray, variable);
        qputenv(variable.constData(), m_proxy->url().toUtf8());
        const Response response = fetchFromServer();
        QVERIFY2(response.ok(), qPrintable(response.networkError));
        QVERIFY(response.json() && response.json()->contains("token_endpoint"));
        QCOMPARE(m_proxy->targets(), QStringList{serverTarget()});
    }

    void noProxyHostsGoDirect_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::newRow("no_proxy host") << QStringList{"no_proxy=localhost"};
        QTest::newRow("NO_PROXY host") << QStringList{"NO_PROXY=example.org,localhost"};
        QTest::newRow("NO_PROXY star") << QStringList{"NO_PROXY=*"};
        QTest::newRow("no_proxy suffix") << QStringList{"no_proxy=host"};
    }

    void noProxyHostsGoDirect()
    {
        QFETCH(QStringList, environment);
        qputenv("HTTPS_PROXY", m_proxy->url().toUtf8());
        setEnvironment(environment);
        const Response response = fetchFromServer();
        QVERIFY2(response.ok(), qPrintable(response.networkError));
        QCOMPARE(m_proxy->targets(), QStringList());
    }

    void refusingOrDeadProxyIsAnErrorNamingIt_data()
    {
        QTest::addColumn<int>("mode"); // ConnectProxy::Mode, or -1: nothing listens
        QTest::newRow("407") << int(ConnectProxy::Mode::RequireCredentials);
        QTest::newRow("403") << int(ConnectProxy::Mode::Forbid);
        QTest::newRow("closes the tunnel") << int(ConnectProxy::Mode::CloseAfterConnect);
        QTest::newRow("not listening") << -1;
    }

    void refusingOrDeadProxyIsAnErrorNamingIt()
    {
        QFETCH(int, mode);
        const QString proxyUrl = m_proxy->url();
        if (mode < 0)
            m_proxy.reset(); // its port is closed now
        else
            m_proxy->setMode(ConnectProxy::Mode(mode));
        qputenv("HTTPS_PROXY", QStringLiteral("http://me:%1@127.0.0.1:%2")
                                   .arg(kPassword, proxyUrl.section(QLatin1Char(':'), -1))
                                   .toUtf8());
        QElapsedTimer elapsed;
        elapsed.start();
        const Response response = fetchFromServer();
        QVERIFY(elapsed.elapsed() < 10000); // a refusal is not waited out
        QCOMPARE(response.status, 0);
        QVERIFY2(response.networkError.contains(QStringLiteral("through the proxy ") + proxyUrl),
                 qPrintable(response.networkError));
        verifyNoPasswordAnywhere(response);
        if (mode == int(ConnectProxy::Mode::RequireCredentials))
            QVERIFY(m_proxy->credentialedRequests() > 0); // the password from the URL was offered
    }

    void unusableProxyFailsTheRequestInsteadOfGoingDirect()
    {
        qputenv("HTTPS_PROXY",
                QStringLiteral("https://me:%1@127.0.0.1:%2").arg(kPassword).arg(m_proxy->port()).toUtf8());
        const Response response = fetchFromServer();
        QCOMPARE(response.status, 0);
        QVERIFY2(response.networkError.contains(QLatin1String("HTTPS_PROXY")) &&
                     response.networkError.contains(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy->port())),
                 qPrintable(response.networkError));
        verifyNoPasswordAnywhere(response);
        QCOMPARE(m_server->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProxies)
#include "TestProxies.moc"
