// HTTP/2 where the server offers it, as the real Azure endpoints do: against nghttpd (Debian's
// nghttp2-server) over TLS, HttpClient's requests are answered over h2 (offered by ALPN, Qt's default,
// which HttpClient keeps), after which the host gets the HTTP/2 limit instead of HTTP/1.1's, and all
// requests share one kept-alive connection (nghttpd's verbose log numbers its connections). Skipped
// where nghttpd or openssl is not installed.

#include "fakes/IdentityRig.h"
#include "http/HttpClient.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

class TestHttp2 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // The connections on which nghttpd received requests, by its numbering.
    QSet<QString> connectionsWithRequests() const
    {
        QFile log(path(QStringLiteral("nghttpd.log")));
        if (!log.open(QIODevice::ReadOnly))
            return {};
        static const QRegularExpression request(QStringLiteral(R"(^\[id=(\d+)\].* recv HEADERS frame)"));
        QSet<QString> ids;
        while (!log.atEnd()) {
            const QRegularExpressionMatch match = request.match(QString::fromUtf8(log.readLine()));
            if (match.hasMatch())
                ids.insert(match.captured(1));
        }
        return ids;
    }

    QUrl url(const QString& file) const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1/%2").arg(m_port).arg(file));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString nghttpd = QStandardPaths::findExecutable(QStringLiteral("nghttpd"));
        if (nghttpd.isEmpty())
            QSKIP("nghttpd (package nghttp2-server) is not installed");
        // A self-signed certificate for 127.0.0.1, trusted through the CA bundle variable az's users set.
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"),
                       QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            QSKIP("openssl could not make a test certificate");
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("htdocs")));
        QFile page(path(QStringLiteral("htdocs/tenants.json")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(R"({"value": []})");
        page.close();

        QTcpServer probe; // a free port for nghttpd
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_port = probe.serverPort();
        probe.close();
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.setStandardOutputFile(path(QStringLiteral("nghttpd.log")));
        m_server.start(nghttpd, {QStringLiteral("--verbose"), QStringLiteral("--address=127.0.0.1"),
                                 QStringLiteral("--htdocs=") + path("htdocs"), QString::number(m_port),
                                 path(QStringLiteral("server.key")), path(QStringLiteral("server.pem"))});
        QVERIFY(m_server.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, m_port);
                return socket.waitForConnected(200);
            },
            10000));
        qputenv("REQUESTS_CA_BUNDLE", QFile::encodeName(path(QStringLiteral("server.pem"))));
    }

    void cleanupTestCase()
    {
        qunsetenv("REQUESTS_CA_BUNDLE");
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }

    void http2WhereTheServerOffersIt()
    {
        QNetworkAccessManager network;
        HttpClient http(&network);
        QVERIFY(!http.usesHttp2(url(QStringLiteral("tenants.json"))));
        const tenantry::HttpResponse first = await<tenantry::HttpResponse>([&](HttpClient::Callback done) {
            http.get(url(QStringLiteral("tenants.json")), {}, std::move(done), RetryPolicy::none());
        });
        QVERIFY2(first.ok(), qPrintable(first.networkError));
        QVERIFY(http.usesHttp2(url(QStringLiteral("tenants.json"))));

        // Then more than HTTP/1.1's bound at once, all answered.
        int answered = 0;
        for (int i = 0; i < 3 * HttpClient::kMaxInFlightPerHost; ++i)
            http.get(url(QStringLiteral("tenants.json")), {},
                     [&answered](const tenantry::HttpResponse& response) { answered += response.ok() ? 1 : 0; });
        QVERIFY(QTest::qWaitFor([&] { return answered == 3 * HttpClient::kMaxInFlightPerHost; }, 20000));
        // nghttpd writes its log as it goes; what it has written of these requests came on one connection.
        QTest::qWait(200);
        QCOMPARE(connectionsWithRequests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttp2)
#include "TestHttp2.moc"
