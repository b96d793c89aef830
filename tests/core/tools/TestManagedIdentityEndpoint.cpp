// The loopback token endpoint of `tenantry-cli exec`, as a client on this machine sees it: tokens only
// for the per-run secret, on 127.0.0.1 under its own Host, GET at /msi/token with api-version
// 2019-08-01; every other request refused without a token; slow, stalled and oversized peers dropped
// within bounds while others are served.
#include "tools/ManagedIdentityEndpoint.h"
#include "util/Json.h"

#include <QElapsedTimer>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QTcpSocket>
#include <QtTest>

using namespace tenantry;

namespace {

const QString kToken = QStringLiteral("eyJ0eXAiOiJKV1QifQ.fake-access-token.signature");
constexpr qint64 kExpiresOn = 4102444800; // 2100-01-01

struct Reply
{
    int status = 0; // 0: no HTTP answer (refused, dropped)
    QByteArray headers;
    QByteArray body;
    bool closed = false;
};

Reply parseReply(const QByteArray& raw, bool closed)
{
    Reply reply;
    reply.closed = closed;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0)
        return reply;
    reply.status = raw.mid(9, 3).toInt();
    reply.headers = raw.left(end);
    reply.body = raw.mid(end + 4);
    return reply;
}

} // namespace

class TestManagedIdentityEndpoint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManagedIdentityEndpoint> m_endpoint;
    QStringList m_scopesAsked;
    std::optional<Error> m_failWith;
    bool m_holdTokens = false;
    QList<ManagedIdentityEndpoint::TokenDone> m_held;

    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_endpoint->port()); }

    QByteArray get(const QByteArray& query, const QByteArray& extraHeaders = {}, bool withSecret = true) const
    {
        QByteArray request = "GET /msi/token?" + query + " HTTP/1.1\r\nHost: " + host() + "\r\n";
        if (withSecret)
            request += "X-IDENTITY-HEADER: " + m_endpoint->secret() + "\r\n";
        return request + extraHeaders + "\r\n";
    }

    // Sends `request` on a new connection and reads until the endpoint closes it (or `waitMs` pass). The
    // endpoint lives on this thread: the waits run the event loop.
    static QByteArray exchangeRaw(quint16 port, const QByteArray& request, bool* closed, int waitMs = 5000)
    {
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!QTest::qWaitFor(
                [&socket] {
                    return socket.state() != QAbstractSocket::ConnectingState &&
                           socket.state() != QAbstractSocket::HostLookupState;
                },
                3000) ||
            socket.state() != QAbstractSocket::ConnectedState) {
            *closed = true;
            return "refused";
        }
        socket.write(request);
        QByteArray raw;
        (void)QTest::qWaitFor(
            [&] {
                raw += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            waitMs);
        raw += socket.readAll();
        *closed = socket.state() == QAbstractSocket::UnconnectedState;
        return raw;
    }

    Reply exchange(const QByteArray& request, int waitMs = 5000)
    {
        bool closed = false;
        const QByteArray raw = exchangeRaw(m_endpoint->port(), request, &closed, waitMs);
        return parseReply(raw, closed);
    }

    static QString errorCode(const Reply& reply)
    {
        const auto parsed = json::parse(reply.body);
        if (!parsed.value || !parsed.value->is_object() || !(*parsed.value)["error"].is_object())
            return QString();
        return json::toQString((*parsed.value)["error"]["code"]);
    }

private slots:
    void init()
    {
        m_scopesAsked.clear();
        m_failWith.reset();
        m_holdTokens = false;
        m_held.clear();
        m_endpoint = std::make_unique<ManagedIdentityEndpoint>(
            [this](const QString& scope, ManagedIdentityEndpoint::TokenDone done) {
                m_scopesAsked.append(scope);
                if (m_holdTokens)
                    m_held.append(done);
                else if (m_failWith)
                    done(tl::unexpected(*m_failWith));
                else
                    done(ManagedIdentityToken{Secret(kToken), kExpiresOn});
            });
        m_endpoint->setConnectionDeadlineMs(400);
        QString error;
        QVERIFY2(m_endpoint->open(&error), qPrintable(error));
        m_endpoint->serve();
    }

    void theSecretIsLongAndFreshPerEndpoint()
    {
        const QByteArray secret = m_endpoint->secret();
        QCOMPARE(secret.size(), 43); // 32 bytes, base64url without padding
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(QString::fromLatin1(secret)).hasMatch());
        ManagedIdentityEndpoint other([](const QString&, ManagedIdentityEndpoint::TokenDone) {});
        QString error;
        QVERIFY(other.open(&error));
        QVERIFY(other.secret() != secret);
    }

    void theRightSecretGetsATokenForResource()
    {
        const Reply reply = exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.headers.contains("Content-Type: application/json"));
        QVERIFY(reply.headers.contains("Cache-Control: no-store"));
        const auto parsed = json::parse(reply.body);
        QVERIFY(parsed.value && parsed.value->is_object());
        const Json& body = *parsed.value;
        QCOMPARE(json::toQString(body["access_token"]), kToken);
        QVERIFY(body["expires_on"].is_string()); // as App Service sends it; the SDKs read text or a number
        QCOMPARE(json::toSeconds(body["expires_on"]).value_or(0), kExpiresOn);
        QVERIFY(json::toSeconds(body["expires_in"]).value_or(0) > 0);
        QCOMPARE(json::toQString(body["resource"]), QStringLiteral("https://management.azure.com"));
        QCOMPARE(json::toQString(body["token_type"]), QStringLiteral("Bearer"));
        QCOMPARE(m_scopesAsked, QStringList{QStringLiteral("https://management.azure.com/.default")});
    }

    void scopeIsTakenAsGiven()
    {
        const Reply reply = exchange(get("api-version=2019-08-01&scope=https%3A%2F%2Fvault.azure.net%2F.default"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_scopesAsked, QStringList{QStringLiteral("https://vault.azure.net/.default")});
    }

    void withoutTheSecretThereIs401AndNothingElse_data()
    {
        QTest::addColumn<QByteArray>("secretHeader");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("empty") << QByteArray("X-IDENTITY-HEADER: \r\n");
        QTest::newRow("wrong") << QByteArray("X-IDENTITY-HEADER: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n");
        QTest::newRow("prefix of it") << QByteArray("@PREFIX@");
        QTest::newRow("twice") << QByteArray("@TWICE@");
    }

    void withoutTheSecretThereIs401AndNothingElse()
    {
        QFETCH(QByteArray, secretHeader);
        const QByteArray secret = m_endpoint->secret();
        secretHeader.replace("@PREFIX@", QByteArray("X-IDENTITY-HEADER: " + secret.left(42) + "\r\n"));
        secretHeader.replace("@TWICE@",
                             QByteArray("X-IDENTITY-HEADER: " + secret + "\r\nX-IDENTITY-HEADER: " + secret + "\r\n"));
        // Even a request that is wrong in every other way too: the 401 comes first.
        for (const QByteArray& request :
             {get("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com", secretHeader, false),
              QByteArray("POST /other?client_id=x HTTP/1.1\r\nHost: evil.example\r\n" + secretHeader + "\r\n")}) {
            const Reply reply = exchange(request);
            QCOMPARE(reply.status, 401);
            QCOMPARE(errorCode(reply), QStringLiteral("unauthorized"));
            QVERIFY(!reply.body.contains(kToken.toUtf8()));
            QVERIFY(!reply.body.contains(secret));
        }
        QVERIFY(m_scopesAsked.isEmpty());
    }

    void anotherHostIsRefused_data()
    {
        QTest::addColumn<QByteArray>("hostHeader");
        QTest::newRow("rebinding name") << QByteArray("evil.example:@PORT@");
        QTest::newRow("localhost") << QByteArray("localhost:@PORT@");
        QTest::newRow("other port") << QByteArray("127.0.0.1:1");
        QTest::newRow("no port") << QByteArray("127.0.0.1");
        QTest::newRow("none") << QByteArray();
    }

    void anotherHostIsRefused()
    {
        QFETCH(QByteArray, hostHeader);
        hostHeader.replace("@PORT@", QByteArray::number(m_endpoint->port()));
        QByteArray request = "GET /msi/token?api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com "
                             "HTTP/1.1\r\nX-IDENTITY-HEADER: " +
                             m_endpoint->secret() + "\r\n";
        if (!hostHeader.isEmpty())
            request += "Host: " + hostHeader + "\r\n";
        const Reply reply = exchange(request + "\r\n");
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.body.contains(kToken.toUtf8()));
        QVERIFY(m_scopesAsked.isEmpty());
    }

    void onlyGetIsServed()
    {
        QByteArray request = get("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com");
        request.replace(0, 3, "POST");
        const Reply reply = exchange(request);
        QCOMPARE(reply.status, 405);
        QVERIFY(m_scopesAsked.isEmpty());
    }

    void anotherIdentityIsRefused_data()
    {
        QTest::addColumn<QByteArray>("parameter");
        QTest::newRow("client_id") << QByteArray("client_id");
        QTest::newRow("mi_res_id") << QByteArray("mi_res_id");
        QTest::newRow("object_id") << QByteArray("object_id");
        QTest::newRow("principal_id") << QByteArray("principal_id");
    }

    void anotherIdentityIsRefused()
    {
        QFETCH(QByteArray, parameter);
        const Reply reply =
            exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com&" + parameter + "=7f3c"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorCode(reply), QStringLiteral("invalid_request"));
        QVERIFY2(reply.body.contains(QByteArray("'" + parameter + "' names another identity")), reply.body.constData());
        QVERIFY(m_scopesAsked.isEmpty());
    }

    void malformedAsksAreRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("old api-version") << QByteArray("api-version=2017-09-01&resource=https%3A%2F%2Fx");
        QTest::newRow("no api-version") << QByteArray("resource=https%3A%2F%2Fx");
        QTest::newRow("api-version twice")
            << QByteArray("api-version=2019-08-01&api-version=2017-09-01&resource=https%3A%2F%2Fx");
        QTest::newRow("no resource") << QByteArray("api-version=2019-08-01");
        QTest::newRow("resource and scope")
            << QByteArray("api-version=2019-08-01&resource=https%3A%2F%2Fx&scope=https%3A%2F%2Fy%2F.default");
        QTest::newRow("two scopes") << QByteArray("api-version=2019-08-01&scope=a%2F.default+b%2F.default");
        QTest::newRow("huge resource") << QByteArray("api-version=2019-08-01&resource=") + QByteArray(600, 'r');
    }

    void malformedAsksAreRefused()
    {
        QFETCH(QByteArray, query);
        const Reply reply = exchange(get(query));
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorCode(reply), QStringLiteral("invalid_request"));
        QVERIFY(m_scopesAsked.isEmpty());
    }

    void otherPathsAreNotFound()
    {
        QByteArray request = get("api-version=2019-08-01&resource=https%3A%2F%2Fx");
        request.replace("/msi/token", "/metadata/identity/oauth2/token");
        QCOMPARE(exchange(request).status, 404);
    }

    void aFailedTokenIsAJsonErrorTheSdkShows()
    {
        m_failWith = Error{
            Error::Code::InteractionRequired, QStringLiteral("Run 'tenantry-cli login --tenant contoso.example'"), {}};
        const Reply reply = exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com"));
        QCOMPARE(reply.status, 400); // never 5xx: the SDKs retry those for minutes
        QCOMPARE(errorCode(reply), QStringLiteral("interaction_required"));
        QVERIFY(reply.body.contains("tenantry-cli login --tenant contoso.example"));
    }

    void oversizedRequestsAreRefusedWithinTheBound_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("100 KB header") << QByteArray("X-Padding: " + QByteArray(100 * 1024, 'a') + "\r\n");
        QByteArray many;
        for (int i = 0; i < 10000; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("10000 headers") << many;
    }

    void oversizedRequestsAreRefusedWithinTheBound()
    {
        QFETCH(QByteArray, request);
        const Reply reply = exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fx", request));
        // 431, or the connection reset by the close while the rest was still on its way: never a token,
        // and the endpoint holds nothing of it afterwards.
        QVERIFY2(reply.status == 431 || (reply.status == 0 && reply.closed), reply.headers.constData());
        QVERIFY(reply.closed);
        QVERIFY(m_scopesAsked.isEmpty());
        QTRY_COMPARE(m_endpoint->openConnections(), 0);
    }

    void aStalledPeerIsDroppedWhileOthersAreServed()
    {
        QTcpSocket stalled;
        stalled.setProxy(QNetworkProxy::NoProxy);
        stalled.connectToHost(QHostAddress::LocalHost, m_endpoint->port());
        QVERIFY(stalled.waitForConnected(3000));
        stalled.write("GET /msi/token?api-version=2019-08-01 HTTP/1.1\r\nHost: 127.0.0.1");
        QTRY_COMPARE(m_endpoint->openConnections(), 1);

        // Meanwhile another client gets its token at once.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fx")).status, 200);
        QVERIFY(timer.elapsed() < 400);

        // The stalled one is gone after the deadline (400 ms here), without an answer.
        QTRY_VERIFY_WITH_TIMEOUT(stalled.state() == QAbstractSocket::UnconnectedState, 3000);
        QVERIFY(!stalled.readAll().contains("200 OK"));
        QCOMPARE(m_endpoint->openConnections(), 0);
    }

    void connectionsAtOnceAreBounded()
    {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < ManagedIdentityEndpoint::kMaxConnections; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->setProxy(QNetworkProxy::NoProxy);
            held.back()->connectToHost(QHostAddress::LocalHost, m_endpoint->port());
            QVERIFY(held.back()->waitForConnected(3000));
        }
        QTRY_COMPARE(m_endpoint->openConnections(), ManagedIdentityEndpoint::kMaxConnections);
        const Reply refused = exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fx"), 2000);
        QCOMPARE(refused.status, 0);
        QVERIFY(refused.closed);
        // Once the held ones are dropped, the endpoint serves again.
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->openConnections(), 0, 3000);
        QCOMPARE(exchange(get("api-version=2019-08-01&resource=https%3A%2F%2Fx")).status, 200);
    }

    void itListensOnLoopbackOnly()
    {
        QCOMPARE(m_endpoint->url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(m_endpoint->url().path(), QStringLiteral("/msi/token"));
        for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            socket.setProxy(QNetworkProxy::NoProxy);
            socket.connectToHost(address, m_endpoint->port());
            QVERIFY2(!socket.waitForConnected(1000), qPrintable(address.toString()));
        }
        QTcpSocket ipv6;
        ipv6.setProxy(QNetworkProxy::NoProxy);
        ipv6.connectToHost(QHostAddress::LocalHostIPv6, m_endpoint->port());
        QVERIFY(!ipv6.waitForConnected(1000));
    }

    void nothingIsServedBeforeServeOrAfterClose()
    {
        ManagedIdentityEndpoint endpoint([this](const QString& scope, ManagedIdentityEndpoint::TokenDone done) {
            m_scopesAsked.append(scope);
            done(ManagedIdentityToken{Secret(kToken), kExpiresOn});
        });
        QString error;
        QVERIFY(endpoint.open(&error));
        const quint16 port = endpoint.port();
        auto ask = [&endpoint, port] {
            bool closed = false;
            return exchangeRaw(port,
                               "GET /msi/token?api-version=2019-08-01&resource=x HTTP/1.1\r\nHost: 127.0.0.1:" +
                                   QByteArray::number(port) + "\r\nX-IDENTITY-HEADER: " + endpoint.secret() +
                                   "\r\n\r\n",
                               &closed, 2000);
        };
        QCOMPARE(ask(), QByteArray()); // accepted by the system, closed unanswered
        endpoint.serve();
        QVERIFY(ask().startsWith("HTTP/1.1 200 OK"));
        endpoint.close();
        QCOMPARE(ask(), QByteArray("refused"));
    }

    void aTokenThatComesAfterCloseGoesNowhere()
    {
        m_holdTokens = true;
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress::LocalHost, m_endpoint->port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write(get("api-version=2019-08-01&resource=https%3A%2F%2Fx"));
        QTRY_COMPARE(m_held.size(), 1);
        // Waiting for its token, the connection outlives the request deadline.
        QTest::qWait(600);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        m_endpoint->close();
        QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState);
        m_held.first()(ManagedIdentityToken{Secret(kToken), kExpiresOn});
        m_endpoint.reset();
        m_held.first()(ManagedIdentityToken{Secret(kToken), kExpiresOn});
        QVERIFY(!socket.readAll().contains(kToken.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestManagedIdentityEndpoint)
#include "TestManagedIdentityEndpoint.moc"
