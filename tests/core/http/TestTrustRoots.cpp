// Corporate TLS-inspecting proxies: a CA that exists only in the bundle file named by REQUESTS_CA_BUNDLE
// (or CURL_CA_BUNDLE, or SSL_CERT_FILE) is trusted by every request of the core's HttpClient, next to the
// system's authorities; without the variable the same server fails verification, and a bundle that cannot
// be used is a warning naming the variable and the path, and verification keeps failing.

#include "fakes/IdentityRig.h"
#include "fakes/TestCertificates.h"
#include "http/HttpClient.h"
#include "http/TrustRoots.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace tenantry;
using namespace tenantry::test;

// The client's answer (the fake server has its own HttpResponse).
using Response = tenantry::HttpResponse;

namespace {

const char* const kVariables[] = {"REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"};

} // namespace

class TestTrustRoots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_caPath; // the proxy's CA: in no system store, only in this file (ca.pem)
    std::unique_ptr<TestIdentityProvider> m_server;
    std::unique_ptr<LogCapture> m_log;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A GET of the server's discovery document through a new HttpClient (it reads the environment at its
    // first request) on a new connection, so no TLS session of an earlier test is reused.
    Response fetchFromServer()
    {
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpClient http(&network);
        const QUrl url(m_server->url().toString() + QStringLiteral("/common/v2.0/.well-known/openid-configuration"));
        return await<Response>(
            [&](HttpClient::Callback done) { http.get(url, {}, std::move(done), RetryPolicy::none()); }, 30000);
    }

    static bool verificationFailed(const Response& response)
    {
        return response.status == 0 && response.networkError.contains(QLatin1String("SSL handshake failed"));
    }

    QStringList warningsNaming(const QString& variable, const QString& file) const
    {
        return LogCapture::messages().filter(variable).filter(QDir::toNativeSeparators(file));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestCertificates certificates(m_dir.path());
        m_caPath = certificates.caPath();
        QString error;
        if (!certificates.makeCa(QStringLiteral("Tenantry Test Inspecting Proxy CA"), &error) ||
            !certificates.makeServer(QStringLiteral("server"), {QStringLiteral("IP:127.0.0.1")}, &error))
            QSKIP(qPrintable(error));
    }

    void init()
    {
        for (const char* variable : kVariables)
            qunsetenv(variable);
        m_log = std::make_unique<LogCapture>();
        m_server = std::make_unique<TestIdentityProvider>();
        QString error;
        QVERIFY2(m_server->enableTls(path(QStringLiteral("server.pem")), path(QStringLiteral("server.key")), &error),
                 qPrintable(error));
        QVERIFY2(m_server->loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(m_server->listen());
        QCOMPARE(m_server->url().scheme(), QStringLiteral("https"));
    }

    void cleanup()
    {
        m_server.reset();
        m_log.reset();
        for (const char* variable : kVariables)
            qunsetenv(variable);
    }

    void withoutABundleTheProxyCaIsNotTrusted()
    {
        const Response response = fetchFromServer();
        QVERIFY2(verificationFailed(response), qPrintable(response.networkError));
    }

    void bundleVariablesAddTheProxyCa_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("REQUESTS_CA_BUNDLE") << QByteArrayLiteral("REQUESTS_CA_BUNDLE");
        QTest::newRow("CURL_CA_BUNDLE") << QByteArrayLiteral("CURL_CA_BUNDLE");
        QTest::newRow("SSL_CERT_FILE") << QByteArrayLiteral("SSL_CERT_FILE");
    }

    void bundleVariablesAddTheProxyCa()
    {
        QFETCH(QByteArray, variable);
        qputenv(variable.constData(), QFile::encodeName(m_caPath));
        const Response response = fetchFromServer();
        QVERIFY2(response.ok(), qPrintable(response.networkError));
        const auto body = response.json();
        QVERIFY(body && body->is_object() && body->contains("token_endpoint"));
        QVERIFY(LogCapture::messages().filter(QString::fromLatin1(variable)).isEmpty());
    }

    void systemAuthoritiesStayTrusted()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_caPath);
        const TrustRoots roots = TrustRoots::fromEnvironment(environment);
        QVERIFY(roots.errors().isEmpty());
        QCOMPARE(roots.addedCertificates(), QSslCertificate::fromPath(m_caPath, QSsl::Pem));
        const QList<QSslCertificate> trusted = roots.sslConfiguration().caCertificates();
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        for (const QSslCertificate& certificate : system)
            QVERIFY(trusted.contains(certificate));
        QVERIFY(trusted.contains(roots.addedCertificates().first()));
        QCOMPARE(roots.sslConfiguration().peerVerifyMode(), QSslConfiguration::defaultConfiguration().peerVerifyMode());
    }

    // What the embedded sign-in browser asks when it does not know a server's authority.
    void chainVerifiesWithTheBundleForItsHostOnly()
    {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(path(QStringLiteral("server.pem")), QSsl::Pem);
        QCOMPARE(chain.size(), 1);
        const QList<QSslCertificate> defaultAuthorities = QSslConfiguration::defaultConfiguration().caCertificates();
        QVERIFY(!TrustRoots::fromEnvironment(QProcessEnvironment()).verifiesChain(chain, QStringLiteral("127.0.0.1")));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_caPath);
        const TrustRoots roots = TrustRoots::fromEnvironment(environment);
        QVERIFY(roots.verifiesChain(chain, QStringLiteral("127.0.0.1")));
        QVERIFY(!roots.verifiesChain(chain, QStringLiteral("login.microsoftonline.com")));
        QVERIFY(!roots.verifiesChain({}, QStringLiteral("127.0.0.1")));
        // The process's defaults are as they were: nothing else trusts the bundle through this.
        QCOMPARE(QSslConfiguration::defaultConfiguration().caCertificates(), defaultAuthorities);
        QVERIFY(!TrustRoots::fromEnvironment(QProcessEnvironment()).verifiesChain(chain, QStringLiteral("127.0.0.1")));
    }

    void requestsBundleTakesPrecedenceOverCurlsAndSslCertFileAddsToIt()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_caPath);
        environment.insert(QStringLiteral("CURL_CA_BUNDLE"), path(QStringLiteral("no-such-bundle.pem")));
        environment.insert(QStringLiteral("SSL_CERT_FILE"), m_caPath);
        const TrustRoots roots = TrustRoots::fromEnvironment(environment);
        QVERIFY2(roots.errors().isEmpty(), qPrintable(roots.errors().join(u'\n'))); // CURL_CA_BUNDLE not read
        QCOMPARE(roots.addedCertificates().size(), 1); // the same file named twice is read once
    }

    void unusableBundleIsAWarningAndVerificationStillFails_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << QByteArrayLiteral("REQUESTS_CA_BUNDLE") << QStringLiteral("no-such-bundle.pem")
                                 << QStringLiteral("it does not exist");
        QTest::newRow("junk") << QByteArrayLiteral("SSL_CERT_FILE") << QStringLiteral("server.ext")
                              << QStringLiteral("it holds no PEM certificate");
        QTest::newRow("folder") << QByteArrayLiteral("REQUESTS_CA_BUNDLE") << QString()
                                << QStringLiteral("it is a folder");
    }

    void unusableBundleIsAWarningAndVerificationStillFails()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QString, file);
        QFETCH(QString, why);
        const QString bundle = file.isEmpty() ? m_dir.path() : path(file);
        qputenv(variable.constData(), QFile::encodeName(bundle));
        const Response response = fetchFromServer();
        QVERIFY2(verificationFailed(response), qPrintable(response.networkError));
        // The user sees why: in the log once, and with the failed request.
        const QStringList warnings = warningsNaming(QString::fromLatin1(variable), bundle);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(why), qPrintable(warnings.first()));
        QVERIFY2(response.networkError.contains(QString::fromLatin1(variable)) &&
                     response.networkError.contains(QDir::toNativeSeparators(bundle)),
                 qPrintable(response.networkError));
    }

    // A cached token or the desktop app's first paint never waits for a bundle to be parsed: the client
    // reads it at its first request, not when it is made.
    void bundleIsReadAtTheFirstRequestNotBefore()
    {
        const QString bundle = path(QStringLiteral("missing-at-start.pem"));
        qputenv("REQUESTS_CA_BUNDLE", QFile::encodeName(bundle));
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        HttpClient http(&network);
        QVERIFY(warningsNaming(QStringLiteral("REQUESTS_CA_BUNDLE"), bundle).isEmpty());
        // Written after the client was made: the first request still finds it and trusts the proxy CA.
        QVERIFY(QFile::copy(m_caPath, bundle));
        const QUrl url(m_server->url().toString() + QStringLiteral("/common/v2.0/.well-known/openid-configuration"));
        const Response response = await<Response>(
            [&](HttpClient::Callback done) { http.get(url, {}, std::move(done), RetryPolicy::none()); }, 30000);
        QVERIFY2(response.status == 200, qPrintable(response.networkError));
        QVERIFY(warningsNaming(QStringLiteral("REQUESTS_CA_BUNDLE"), bundle).isEmpty());
    }

    void oversizedOrSpecialBundleIsRefusedUnread()
    {
        QFile huge(path(QStringLiteral("huge.pem")));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(TrustRoots::kMaxBundleBytes + 1)); // sparse: nothing is written
        huge.close();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), huge.fileName());
        TrustRoots roots = TrustRoots::fromEnvironment(environment);
        QVERIFY(roots.addedCertificates().isEmpty());
        QCOMPARE(roots.errors().size(), 1);
        QVERIFY2(roots.errors().first().contains(QLatin1String("larger than")), qPrintable(roots.errors().first()));
#ifdef Q_OS_UNIX
        // A FIFO would block the read until a writer comes: refused before it is opened.
        const QString fifo = path(QStringLiteral("bundle.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        environment.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), fifo);
        roots = TrustRoots::fromEnvironment(environment);
        QVERIFY(roots.addedCertificates().isEmpty());
        QCOMPARE(roots.errors().size(), 1);
        QVERIFY2(roots.errors().first().contains(QLatin1String("not a regular file")),
                 qPrintable(roots.errors().first()));
#endif
    }
};

QTEST_GUILESS_MAIN(TestTrustRoots)
#include "TestTrustRoots.moc"
