// The embedded sign-in browser behind a TLS-inspecting proxy: its Chromium has a certificate store of its
// own, so a sign-in page signed by a CA that exists only in the bundle REQUESTS_CA_BUNDLE names is loaded
// when its chain verifies for the page's host against the system's authorities plus the bundle (as the
// core's requests do); without the bundle, or with a certificate for another host, the page is refused
// and the dialog says why, naming the host (and the bundle that could not be used).

#include "UiTestSupport.h"
#include "fakes/HttpServer.h"
#include "fakes/TestCertificates.h"
#include "signin/webengine/EmbeddedSignInDialog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

class TestEmbeddedSignInTrust : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certificates;
    std::unique_ptr<HttpServer> m_server;

    // A sign-in page on https://localhost:PORT with the certificate `name` (signed by the test CA).
    void serve(const QString& name)
    {
        m_server = std::make_unique<HttpServer>();
        QString error;
        QVERIFY2(
            m_server->loadTlsCertificate(m_certificates->certificatePath(name), m_certificates->keyPath(name), &error),
            qPrintable(error));
        m_server->setHandler([](const tenantry::test::HttpRequest&, const HttpServer::Responder& responder) {
            responder.send(
                HttpResponse::html(200, QStringLiteral("<!DOCTYPE html><title>Sign in</title><h1>Sign in</h1>")));
        });
        QVERIFY(m_server->listen());
    }

    QUrl pageUrl() const
    {
        return QUrl(QStringLiteral("https://localhost:%1/organizations/").arg(m_server->serverPort()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificates = std::make_unique<TestCertificates>(m_dir.path());
        QString error;
        if (!m_certificates->makeCa(QStringLiteral("Tenantry Test Inspecting Proxy CA"), &error) ||
            !m_certificates->makeServer(QStringLiteral("localhost"), {QStringLiteral("DNS:localhost")}, &error) ||
            !m_certificates->makeServer(QStringLiteral("elsewhere"), {QStringLiteral("DNS:elsewhere.example")}, &error))
            QSKIP(qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
        qunsetenv("REQUESTS_CA_BUNDLE");
    }

    void pageSignedByTheBundlesCaLoads()
    {
        qputenv("REQUESTS_CA_BUNDLE", QFile::encodeName(m_certificates->caPath()));
        serve(QStringLiteral("localhost"));
        EmbeddedSignInDialog dialog(QUrl(QStringLiteral("http://localhost:1")));
        QSignalSpy loaded(dialog.page(), &QWebEnginePage::loadFinished);
        QSignalSpy failed(&dialog, &EmbeddedSignInDialog::loadFailed);
        dialog.show();
        dialog.start(pageUrl(), QStringLiteral("state"));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(dialog.failureText()));
        QCOMPARE(loaded.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.page()->title(), QStringLiteral("Sign in"), 5000);
        QCOMPARE(dialog.failureText(), QString());
    }

    void refusedCertificateIsAMessage_data()
    {
        QTest::addColumn<QString>("bundle");      // what REQUESTS_CA_BUNDLE names; empty: unset
        QTest::addColumn<QString>("certificate"); // the server's
        QTest::addColumn<QString>("alsoSays");    // more the message must say
        QTest::newRow("no bundle") << QString() << QStringLiteral("localhost") << QString();
        QTest::newRow("another host's certificate")
            << QStringLiteral("ca.pem") << QStringLiteral("elsewhere") << QString();
        QTest::newRow("unusable bundle") << QStringLiteral("no-such-bundle.pem") << QStringLiteral("localhost")
                                         << QStringLiteral("REQUESTS_CA_BUNDLE");
    }

    void refusedCertificateIsAMessage()
    {
        QFETCH(QString, bundle);
        QFETCH(QString, certificate);
        QFETCH(QString, alsoSays);
        if (!bundle.isEmpty())
            qputenv("REQUESTS_CA_BUNDLE", QFile::encodeName(m_dir.filePath(bundle)));
        serve(certificate);
        EmbeddedSignInDialog dialog(QUrl(QStringLiteral("http://localhost:1")));
        QSignalSpy failed(&dialog, &EmbeddedSignInDialog::loadFailed);
        dialog.show();
        dialog.start(pageUrl(), QStringLiteral("state"));
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        const QString message = failed.first().first().toString();
        QCOMPARE(dialog.failureText(), message);
        QVERIFY2(message.contains(QLatin1String("localhost")) && message.contains(QLatin1String("not trusted")),
                 qPrintable(message));
        if (!alsoSays.isEmpty())
            QVERIFY2(message.contains(alsoSays) && message.contains(m_dir.filePath(bundle)), qPrintable(message));
        QVERIFY(dialog.page()->title() != QLatin1String("Sign in"));
        saveScreenshot(&dialog, QStringLiteral("embedded-sign-in-certificate-") + certificate);
    }
};

QTEST_MAIN(TestEmbeddedSignInTrust)
#include "TestEmbeddedSignInTrust.moc"
