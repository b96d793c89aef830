// Tests of the test identity provider itself (tests/fakes/TestIdentityProvider) and its HTTP server,
// over plain HTTP on 127.0.0.1 with QNetworkAccessManager.

#include "fakes/HttpServer.h"
#include "fakes/MockClock.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Jwt.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kCli = TestIdentityProvider::kAzureCliClientId;
const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");  // Northwind
const QString kGuest = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"); // Fabrikam
const QString kMfa = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a");   // Contoso, MFA-gated
const QString kOid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666");
const QString kUpn = QStringLiteral("sam@northwind.example");
const QString kArmScopeRequest =
    QStringLiteral("https://management.core.windows.net//.default offline_access openid profile");
const QString kArmGranted = QStringLiteral(
    "https://management.core.windows.net//user_impersonation https://management.core.windows.net//.default");
const QString kRedirect = QStringLiteral("http://localhost:46011");
const QString kVerifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.abc");
const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

QString challengeFor(const QString& verifier)
{
    return QString::fromLatin1(
        jwt::base64UrlEncode(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    Json json() const
    {
        const auto parsed = json::parse(body);
        return parsed.value ? *parsed.value : Json();
    }
    QString str(const char* key) const { return json::toQString(json().value(key, Json())); }
    QUrlQuery locationQuery() const { return QUrlQuery(QUrl(QString::fromUtf8(header("location"))).query()); }
};

FormFields form(std::initializer_list<std::pair<QString, QString>> items)
{
    FormFields fields;
    for (const auto& [key, value] : items)
        fields.add(key, value);
    return fields;
}

} // namespace

class TestTestIdentityProvider : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    MockClock m_clock{1795422000};
    std::unique_ptr<TestIdentityProvider> m_idp;

    QUrl url(const QString& pathAndQuery) const { return QUrl(m_idp->url().toString() + pathAndQuery); }

    QNetworkRequest request(const QUrl& target, const QString& bearer = {}) const
    {
        QNetworkRequest req(target);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setRawHeader("client-request-id", "6a1e3d8c-0000-4000-8000-000000000001");
        if (!bearer.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        return req;
    }

    Reply finish(QNetworkReply* reply)
    {
        QElapsedTimer timer;
        timer.start();
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            if (!spy.wait(10000))
                qWarning("request timed out");
        }
        Reply result;
        result.elapsedMs = timer.elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    Reply get(const QString& pathAndQuery, const QString& bearer = {})
    {
        return finish(m_nam.get(request(url(pathAndQuery), bearer)));
    }

    Reply getUrl(const QUrl& target, const QString& bearer = {}) { return finish(m_nam.get(request(target, bearer))); }

    QNetworkReply* startPost(const QString& path, const FormFields& fields)
    {
        QNetworkRequest req = request(url(path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        return m_nam.post(req, fields.toEncoded());
    }

    Reply post(const QString& path, const FormFields& fields) { return finish(startPost(path, fields)); }

    QString authorizeUrl(const QString& tenant, const QString& extra = {}) const
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), kCli);
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("redirect_uri"), kRedirect);
        query.addQueryItem(QStringLiteral("scope"), kArmScopeRequest);
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("TkVQWxinsHorgKLO"));
        query.addQueryItem(QStringLiteral("nonce"), QStringLiteral("nonce-hash-1"));
        query.addQueryItem(QStringLiteral("code_challenge"), challengeFor(kVerifier));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        query.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("select_account"));
        return QStringLiteral("/%1/oauth2/v2.0/authorize?").arg(tenant) +
               query.toString(QUrl::FullyEncoded).replace(QLatin1String("+"), QLatin1String("%2B")) + extra;
    }

    QString codeFor(const QString& tenant = QStringLiteral("organizations"))
    {
        QString error;
        const QUrl redirect = m_idp->completeAuthorization(url(authorizeUrl(tenant)), kUpn, &error);
        if (redirect.isEmpty())
            qWarning() << "completeAuthorization:" << error;
        return QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    Reply redeem(const QString& code, const QString& tenant = QStringLiteral("organizations"),
                 const QString& verifier = kVerifier, const QString& redirect = kRedirect)
    {
        return post(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form({{"client_id", kCli},
                                                                               {"grant_type", "authorization_code"},
                                                                               {"client_info", "1"},
                                                                               {"code_verifier", verifier},
                                                                               {"code", code},
                                                                               {"redirect_uri", redirect},
                                                                               {"scope", kArmScopeRequest}}));
    }

    Reply refresh(const QString& refreshToken, const QString& tenant, const QString& clientId = kCli,
                  const QString& scope = kArmScopeRequest)
    {
        return post(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form({{"client_id", clientId},
                                                                               {"grant_type", "refresh_token"},
                                                                               {"client_info", "1"},
                                                                               {"refresh_token", refreshToken},
                                                                               {"scope", scope}}));
    }

    // Signs in interactively at `tenant` and returns the refresh token.
    QString signIn(const QString& tenant = QStringLiteral("organizations"))
    {
        const Reply tokens = redeem(codeFor(tenant), tenant);
        if (tokens.status != 200)
            qWarning() << "sign-in failed:" << tokens.body;
        return tokens.str("refresh_token");
    }

    Json startDeviceFlow(const QString& tenant = QStringLiteral("organizations"))
    {
        return post(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenant),
                    form({{"client_id", kCli}, {"scope", kArmScopeRequest}}))
            .json();
    }

    Reply pollDevice(const QString& deviceCode, const QString& tenant = QStringLiteral("organizations"))
    {
        return post(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form({{"client_id", kCli},
                                                                               {"grant_type", kDeviceGrant},
                                                                               {"client_info", "1"},
                                                                               {"code", deviceCode},
                                                                               {"device_code", deviceCode}}));
    }

    QString armToken(const QString& tenant)
    {
        const QString rt = signIn();
        return refresh(rt, tenant).str("access_token");
    }

private slots:
    void init()
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_nam.clearConnectionCache();
        m_clock.setSecs(1795422000);
        m_idp = std::make_unique<TestIdentityProvider>();
        QString error;
        QVERIFY2(m_idp->loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp->setClock(&m_clock);
        QVERIFY(m_idp->listen());
    }

    void cleanup()
    {
        m_nam.clearConnectionCache();
        m_idp.reset();
    }

    // --- HTTP server ---

    void serverAnswersGarbageWith400AndCloses()
    {
        QSignalSpy bad(m_idp->server(), &HttpServer::badRequest);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_idp->url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", 11));
        QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.bytesAvailable() > 0);
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 400 Bad Request\r\n"));
        QCOMPARE(bad.size(), 1);
    }

    void serverKeepsAliveAndAnswersPipelinedRequestsInOrder()
    {
        m_idp->setLatency(IdpEndpoint::OpenIdConfiguration, 50); // the first answer is the slow one
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_idp->url().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /organizations/v2.0/.well-known/openid-configuration HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 ") == 2);
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(received.indexOf("HTTP/1.1 404 Not Found") > received.indexOf("token_endpoint"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // keep-alive
        socket.write("GET /nowhere HTTP/1.0\r\n\r\n");
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState); // HTTP/1.0 closes
    }

    void serverSpeaksTls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            QSKIP("openssl could not make a test certificate");

        TestIdentityProvider tls;
        QString error;
        QVERIFY2(tls.enableTls(cert, key, &error), qPrintable(error));
        QVERIFY(tls.loadConfig(TestIdentityProvider::sampleConfig(), &error));
        QVERIFY(tls.listen());
        QCOMPARE(tls.url().scheme(), QStringLiteral("https"));
        QNetworkRequest req(
            QUrl(tls.url().toString() + QStringLiteral("/common/v2.0/.well-known/openid-configuration")));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(cert));
        req.setSslConfiguration(config);
        const Reply reply = finish(m_nam.get(req));
        QCOMPARE(reply.error, QNetworkReply::NoError);
        QCOMPARE(reply.str("token_endpoint"), tls.url().toString() + QStringLiteral("/common/oauth2/v2.0/token"));

        // A client that does not trust the certificate fails the handshake; the server carries on.
        QNetworkAccessManager fresh; // not the connection the trusting request left open
        fresh.setProxy(QNetworkProxy::NoProxy);
        const Reply untrusted = finish(fresh.get(QNetworkRequest(req.url())));
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(finish(m_nam.get(req)).error, QNetworkReply::NoError);
    }

    // --- Discovery ---

    void openIdConfigurationForOrganizations()
    {
        const Reply reply = get(QStringLiteral("/organizations/v2.0/.well-known/openid-configuration"));
        QCOMPARE(reply.status, 200);
        const QString base = m_idp->url().toString();
        QCOMPARE(reply.str("authorization_endpoint"), base + QStringLiteral("/organizations/oauth2/v2.0/authorize"));
        QCOMPARE(reply.str("token_endpoint"), base + QStringLiteral("/organizations/oauth2/v2.0/token"));
        QCOMPARE(reply.str("device_authorization_endpoint"),
                 base + QStringLiteral("/organizations/oauth2/v2.0/devicecode"));
        QCOMPARE(reply.str("issuer"), base + QStringLiteral("/{tenantid}/v2.0"));
    }

    void openIdConfigurationForDomainUsesTenantId()
    {
        const Reply reply = get(QStringLiteral("/fabrikam.example/v2.0/.well-known/openid-configuration"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.str("token_endpoint"), m_idp->authority(kGuest) + QStringLiteral("/oauth2/v2.0/token"));
        QCOMPARE(reply.str("issuer"), m_idp->authority(kGuest) + QStringLiteral("/v2.0"));
    }

    void openIdConfigurationOfUnknownTenantFails()
    {
        const Reply reply = get(QStringLiteral("/nosuch.example/v2.0/.well-known/openid-configuration"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.str("error"), QStringLiteral("invalid_tenant"));
        QVERIFY(reply.str("error_description").startsWith(QLatin1String("AADSTS90002: ")));
        QCOMPARE(reply.json()["error_codes"], Json::array({90002}));
        QCOMPARE(reply.str("correlation_id"), QStringLiteral("6a1e3d8c-0000-4000-8000-000000000001"));
        QVERIFY(!reply.str("trace_id").isEmpty());
        QVERIFY(!reply.str("timestamp").isEmpty());
    }

    void configuredAuthorityUrlIsUsedInDocuments()
    {
        m_idp->setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        const Reply reply = get(QStringLiteral("/common/v2.0/.well-known/openid-configuration"));
        QCOMPARE(reply.str("token_endpoint"),
                 QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
    }

    void instanceDiscovery()
    {
        const Reply known = get(QStringLiteral("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                                               "https://login.microsoftonline.com/common/oauth2/authorize"));
        QCOMPARE(known.status, 200);
        QCOMPARE(known.str("tenant_discovery_endpoint"),
                 QStringLiteral("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"));
        const Json aliases = known.json()["metadata"][0]["aliases"];
        QCOMPARE(aliases, Json::array({"login.microsoftonline.com", "login.windows.net", "login.microsoft.com",
                                       "sts.windows.net"}));
        const Reply own =
            getUrl(url(QStringLiteral("/common/discovery/instance?api-version=1.0&authorization_endpoint=") +
                       QString::fromLatin1(QUrl::toPercentEncoding(m_idp->authority(kHome) +
                                                                   QStringLiteral("/oauth2/v2.0/authorize")))));
        QCOMPARE(own.status, 200);
        QCOMPARE(own.str("tenant_discovery_endpoint"),
                 m_idp->authority(kHome) + QStringLiteral("/v2.0/.well-known/openid-configuration"));
        const Reply unknown = get(QStringLiteral("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                                                 "https://login.evil.example/common/oauth2/authorize"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.str("error"), QStringLiteral("invalid_instance"));
    }

    // --- Authorization code flow ---

    void signInPageIsAFormThatRedirectsWithCode()
    {
        const Reply page = get(authorizeUrl(QStringLiteral("organizations"), QStringLiteral("&login_hint=") + kUpn));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("content-type").startsWith("text/html"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(
            QLatin1String("<form id=\"signin\" method=\"post\" action=\"/organizations/oauth2/v2.0/authorize\">")));
        QVERIFY(html.contains(QStringLiteral("id=\"username\" name=\"username\" value=\"%1\"").arg(kUpn)));
        const QRegularExpression flowPattern(QStringLiteral("name=\"flow\" value=\"([^\"]+)\""));
        const QString flow = flowPattern.match(html).captured(1);
        QVERIFY(!flow.isEmpty());

        const Reply redirect = post(QStringLiteral("/organizations/oauth2/v2.0/authorize"),
                                    form({{"flow", flow}, {"username", kUpn}, {"action", "signin"}}));
        QCOMPARE(redirect.status, 302);
        const QString location = QString::fromUtf8(redirect.header("location"));
        QVERIFY2(location.startsWith(kRedirect + QStringLiteral("?code=")), qPrintable(location));
        const QUrlQuery query = redirect.locationQuery();
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("TkVQWxinsHorgKLO"));
        const Json info =
            json::parse(jwt::base64UrlDecode(query.queryItemValue(QStringLiteral("client_info")).toLatin1()))
                .value.value();
        QCOMPARE(info, (Json{{"uid", kOid.toStdString()}, {"utid", kHome.toStdString()}}));
        QVERIFY(!query.queryItemValue(QStringLiteral("session_state")).isEmpty());

        // The flow is done: submitting the form again is refused.
        QCOMPARE(
            post(QStringLiteral("/organizations/oauth2/v2.0/authorize"), form({{"flow", flow}, {"username", kUpn}}))
                .status,
            400);
        QCOMPARE(redeem(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)).status, 200);
    }

    void signInPageAccountButtonsAndUnknownUser()
    {
        const QString html = QString::fromUtf8(get(authorizeUrl(QStringLiteral("organizations"))).body);
        QVERIFY(html.contains(QStringLiteral("id=\"account-0\"")));
        const QString flow =
            QRegularExpression(QStringLiteral("name=\"flow\" value=\"([^\"]+)\"")).match(html).captured(1);
        const Reply unknown = post(QStringLiteral("/organizations/oauth2/v2.0/authorize"),
                                   form({{"flow", flow}, {"username", "nobody@nowhere.example"}}));
        QCOMPARE(unknown.status, 200);
        QVERIFY(unknown.body.contains("id=\"error\""));
        const Reply picked =
            post(QStringLiteral("/organizations/oauth2/v2.0/authorize"), form({{"flow", flow}, {"account", kUpn}}));
        QCOMPARE(picked.status, 302);
    }

    void cancelAndAuthorizeErrorRedirectWithError()
    {
        const QString html = QString::fromUtf8(get(authorizeUrl(QStringLiteral("organizations"))).body);
        const QString flow =
            QRegularExpression(QStringLiteral("name=\"flow\" value=\"([^\"]+)\"")).match(html).captured(1);
        const Reply cancelled =
            post(QStringLiteral("/organizations/oauth2/v2.0/authorize"), form({{"flow", flow}, {"action", "cancel"}}));
        QCOMPARE(cancelled.status, 302);
        QCOMPARE(cancelled.locationQuery().queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(cancelled.locationQuery().queryItemValue(QStringLiteral("state")), QStringLiteral("TkVQWxinsHorgKLO"));

        m_idp->setAuthorizeError(QStringLiteral("access_denied"), QStringLiteral("AADSTS50105: not assigned"));
        const QUrl redirect = m_idp->completeAuthorization(url(authorizeUrl(QStringLiteral("organizations"))), kUpn);
        // Form-encoded as login.microsoftonline.com does it: '+' for a space.
        QVERIFY2(
            redirect.query(QUrl::FullyEncoded).contains(QLatin1String("error_description=AADSTS50105%3A+not+assigned")),
            qPrintable(redirect.query(QUrl::FullyEncoded)));
        const FormFields query = FormFields::parse(redirect.query(QUrl::FullyEncoded).toLatin1());
        QCOMPARE(query.value(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(query.value(QStringLiteral("error_description")), QStringLiteral("AADSTS50105: not assigned"));
        QVERIFY(!query.contains(QStringLiteral("code")));
    }

    void testShortcutAndAutoSignIn()
    {
        const Reply shortcut =
            get(authorizeUrl(QStringLiteral("organizations"), QStringLiteral("&test_idp_user=") + kUpn));
        QCOMPARE(shortcut.status, 302);
        QVERIFY(shortcut.locationQuery().hasQueryItem(QStringLiteral("code")));
        m_idp->setAutoSignInUser(kUpn);
        const Reply automatic = get(authorizeUrl(QStringLiteral("organizations")));
        QCOMPARE(automatic.status, 302);
        QVERIFY(automatic.locationQuery().hasQueryItem(QStringLiteral("code")));
    }

    void badRedirectUriIsNotRedirectedTo()
    {
        QString path = authorizeUrl(QStringLiteral("organizations"));
        path.replace(kRedirect, QStringLiteral("https://evil.example/"));
        const Reply reply = get(path);
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.header("location").isEmpty());
        QVERIFY(reply.body.contains("AADSTS50011"));
        QString error;
        QVERIFY(m_idp->completeAuthorization(url(path), kUpn, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("AADSTS50011")));
    }

    void authorizationCodeGrantIssuesTokens()
    {
        const Reply reply = redeem(codeFor());
        QCOMPARE(reply.status, 200);
        const Json body = reply.json();
        QCOMPARE(reply.str("token_type"), QStringLiteral("Bearer"));
        QCOMPARE(reply.str("scope"), kArmGranted);
        QCOMPARE(body["expires_in"], Json(3599));
        QCOMPARE(body["ext_expires_in"], Json(3599));
        QCOMPARE(reply.str("foci"), QStringLiteral("1"));
        QVERIFY(reply.str("refresh_token").size() > 40);
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store, no-cache"));

        const Json at = jwt::claims(reply.str("access_token"));
        QCOMPARE(at["aud"], Json("https://management.core.windows.net/"));
        QCOMPARE(at["tid"], Json(kHome.toStdString()));
        QCOMPARE(at["oid"], Json(kOid.toStdString()));
        QCOMPARE(at["upn"], Json(kUpn.toStdString()));
        QCOMPARE(at["preferred_username"], Json(kUpn.toStdString()));
        QCOMPARE(at["name"], Json("Sam Example"));
        QCOMPARE(at["scp"], Json("user_impersonation"));
        QCOMPARE(at["appid"], Json(kCli.toStdString()));
        QCOMPARE(at["iat"], Json(1795422000));
        QCOMPARE(at["nbf"], Json(1795422000));
        QCOMPARE(at["exp"], Json(1795422000 + 3599));
        QCOMPARE(at["iss"], Json("https://sts.windows.net/" + kHome.toStdString() + "/"));

        const Json id = jwt::claims(reply.str("id_token"));
        QCOMPARE(id["aud"], Json(kCli.toStdString()));
        QCOMPARE(id["nonce"], Json("nonce-hash-1"));
        QCOMPARE(id["tid"], Json(kHome.toStdString()));
        QCOMPARE(id["oid"], Json(kOid.toStdString()));
        QCOMPARE(id["preferred_username"], Json(kUpn.toStdString()));
        QVERIFY(id.contains("sub"));
        QCOMPARE(id["iss"], Json(m_idp->authority(kHome).toStdString() + "/v2.0"));

        const Json info = json::parse(jwt::base64UrlDecode(reply.str("client_info").toLatin1())).value.value();
        QCOMPARE(info, (Json{{"uid", kOid.toStdString()}, {"utid", kHome.toStdString()}}));

        const auto issued = m_idp->accessTokenInfo(reply.str("access_token"));
        QVERIFY(issued.has_value());
        QCOMPARE(issued->tenantId, kHome);
        QCOMPARE(issued->scopes, kArmGranted.split(u' '));
    }

    void authorizationCodeIsSingleUse()
    {
        const QString code = codeFor();
        QCOMPARE(redeem(code).status, 200);
        const Reply again = redeem(code);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(again.json()["error_codes"], Json::array({54005}));
    }

    void pkceAndRedirectUriAreChecked()
    {
        const Reply wrongVerifier =
            redeem(codeFor(), QStringLiteral("organizations"), QStringLiteral("not-the-verifier"));
        QCOMPARE(wrongVerifier.status, 400);
        QCOMPARE(wrongVerifier.str("error"), QStringLiteral("invalid_grant"));
        QVERIFY(wrongVerifier.str("error_description").startsWith(QLatin1String("AADSTS501481: ")));

        const Reply wrongRedirect =
            redeem(codeFor(), QStringLiteral("organizations"), kVerifier, QStringLiteral("http://localhost:46012"));
        QCOMPARE(wrongRedirect.status, 400);
        QCOMPARE(wrongRedirect.json()["error_codes"], Json::array({500112}));

        const Reply garbage = redeem(QStringLiteral("made-up-code"));
        QCOMPARE(garbage.str("error"), QStringLiteral("invalid_grant"));

        const QString code = codeFor();
        m_clock.advance(601);
        QCOMPARE(redeem(code).json()["error_codes"], Json::array({70008}));
    }

    void missingParametersAndUnsupportedGrant()
    {
        const Reply noGrant = post(QStringLiteral("/organizations/oauth2/v2.0/token"), form({{"client_id", kCli}}));
        QCOMPARE(noGrant.str("error"), QStringLiteral("invalid_request"));
        QCOMPARE(noGrant.json()["error_codes"], Json::array({900144}));
        const Reply password = post(QStringLiteral("/organizations/oauth2/v2.0/token"),
                                    form({{"client_id", kCli}, {"grant_type", "password"}}));
        QCOMPARE(password.str("error"), QStringLiteral("unsupported_grant_type"));
        const Reply twoResources = refresh(
            signIn(), kHome, kCli,
            QStringLiteral("https://management.core.windows.net//.default https://graph.microsoft.com/.default"));
        QCOMPARE(twoResources.str("error"), QStringLiteral("invalid_scope"));
    }

    // --- Refresh ---

    void refreshRotatesAndReachesEveryTenant()
    {
        const QString rt = signIn();
        const Reply home = refresh(rt, kHome);
        QCOMPARE(home.status, 200);
        QCOMPARE(jwt::claims(home.str("access_token"))["tid"], Json(kHome.toStdString()));
        const QString rotated = home.str("refresh_token");
        QVERIFY(!rotated.isEmpty());
        QVERIFY(rotated != rt);
        QVERIFY(m_idp->isRefreshTokenValid(rt)); // AAD keeps the old one valid
        QVERIFY(home.json().contains("id_token"));

        const Reply guest = refresh(rt, kGuest);
        QCOMPARE(guest.status, 200);
        const Json at = jwt::claims(guest.str("access_token"));
        QCOMPARE(at["tid"], Json(kGuest.toStdString()));
        QCOMPARE(at["idp"], Json("https://sts.windows.net/" + kHome.toStdString() + "/"));
        QCOMPARE(jwt::claims(guest.str("id_token"))["tid"], Json(kGuest.toStdString()));
        QCOMPARE(m_idp->requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token"), kGuest), 1);
        // Domain names work as the tenant segment too.
        QCOMPARE(refresh(rotated, QStringLiteral("fabrikam.example")).status, 200);
    }

    void otherResourceScopesAreEchoed()
    {
        const Reply graph =
            refresh(signIn(), kHome, kCli,
                    QStringLiteral("https://graph.microsoft.com/User.Read offline_access openid profile"));
        QCOMPARE(graph.str("scope"), QStringLiteral("https://graph.microsoft.com/User.Read"));
        QCOMPARE(jwt::claims(graph.str("access_token"))["aud"], Json("https://graph.microsoft.com"));
        QCOMPARE(jwt::claims(graph.str("access_token"))["scp"], Json("User.Read"));
        const Reply vault = refresh(signIn(), kHome, kCli, QStringLiteral("https://vault.azure.net/.default"));
        QCOMPARE(vault.str("scope"), QStringLiteral("https://vault.azure.net/.default"));
        QVERIFY(!vault.json().contains("refresh_token")); // no offline_access asked for
        QVERIFY(!vault.json().contains("id_token"));
    }

    void rotationModes()
    {
        m_idp->setRefreshTokenRotation(TestIdentityProvider::RefreshTokenRotation::RevokeOld);
        const QString rt = signIn();
        const Reply first = refresh(rt, kHome);
        QCOMPARE(first.status, 200);
        const Reply old = refresh(rt, kHome);
        QCOMPARE(old.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(old.json()["error_codes"], Json::array({50173}));
        QCOMPARE(refresh(first.str("refresh_token"), kHome).status, 200);

        m_idp->setRefreshTokenRotation(TestIdentityProvider::RefreshTokenRotation::Reuse);
        const QString stable = signIn();
        QCOMPARE(refresh(stable, kHome).str("refresh_token"), stable);
    }

    void deadRefreshTokenGets700082()
    {
        const QString rt = signIn();
        m_idp->expireRefreshTokens(kUpn);
        const Reply reply = refresh(rt, kHome);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.str("error"), QStringLiteral("invalid_grant"));
        QVERIFY(reply.str("error_description").startsWith(QLatin1String("AADSTS700082: ")));
        QCOMPARE(reply.json()["error_codes"], Json::array({700082}));
        QVERIFY(!m_idp->isRefreshTokenValid(rt));
        // A new sign-in gives a working refresh token again.
        QCOMPARE(refresh(signIn(), kHome).status, 200);
    }

    void mfaTenantNeedsInteractiveSignIn()
    {
        const QString rt = signIn();
        const Reply gated = refresh(rt, kMfa);
        QCOMPARE(gated.status, 400);
        QCOMPARE(gated.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(gated.json()["error_codes"], Json::array({50076}));
        QVERIFY(gated.str("error_description").startsWith(QLatin1String("AADSTS50076: ")));
        QCOMPARE(gated.str("suberror"), QStringLiteral("basic_action"));
        const QString claims = gated.str("claims");
        QVERIFY(json::parse(claims.toUtf8()).value->contains("access_token")); // a JSON string
        QCOMPARE(refresh(rt, kGuest).status, 200);                             // other tenants are unaffected

        // Sign in interactively at the gated tenant (passing the claims challenge): then refreshes work.
        const QUrl redirect = m_idp->completeAuthorization(
            url(authorizeUrl(kMfa, QStringLiteral("&claims=") + QString::fromLatin1(QUrl::toPercentEncoding(claims)))),
            kUpn);
        const Reply tokens =
            redeem(QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), kMfa);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(jwt::claims(tokens.str("access_token"))["amr"], Json::array({"pwd", "mfa"}));
        QCOMPARE(refresh(tokens.str("refresh_token"), kMfa).status, 200);

        m_idp->setTenantRequiresMfa(kGuest, true, QStringLiteral("{\"access_token\":{\"acrs\":{\"essential\":true}}}"));
        QCOMPARE(refresh(rt, kGuest).str("claims"),
                 QStringLiteral("{\"access_token\":{\"acrs\":{\"essential\":true}}}"));
    }

    void familyRefreshTokensWorkForFamilyClientsOnly()
    {
        const QString rt = signIn();
        const QString powerShell = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");
        const Reply family = refresh(rt, kHome, powerShell);
        QCOMPARE(family.status, 200);
        QCOMPARE(jwt::claims(family.str("access_token"))["appid"], Json(powerShell.toStdString()));
        const Reply stranger = refresh(rt, kHome, QStringLiteral("11112222-3333-4444-5555-666677778888"));
        QCOMPARE(stranger.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(stranger.json()["error_additional_info"], Json::array({"client_mismatch"}));
    }

    void clientInfoOnlyWhenAskedFor()
    {
        const Reply reply =
            post(QStringLiteral("/organizations/oauth2/v2.0/token"), form({{"client_id", kCli},
                                                                           {"grant_type", "refresh_token"},
                                                                           {"refresh_token", signIn()},
                                                                           {"scope", kArmScopeRequest}}));
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().contains("client_info"));
    }

    // --- Device code ---

    void deviceCodeFlowPendingThenApproved()
    {
        m_idp->setDeviceCodeInterval(1);
        QSignalSpy issued(m_idp.get(), &TestIdentityProvider::deviceCodeIssued);
        const Json flow = startDeviceFlow();
        const QString userCode = json::toQString(flow["user_code"]);
        const QString deviceCode = json::toQString(flow["device_code"]);
        QCOMPARE(flow["interval"], Json(1));
        QCOMPARE(flow["expires_in"], Json(900));
        QCOMPARE(json::toQString(flow["verification_uri"]), m_idp->url().toString() + QStringLiteral("/devicelogin"));
        QCOMPARE(json::toQString(flow["message"]),
                 QStringLiteral("To sign in, use a web browser to open the page %1/devicelogin and enter the code %2 "
                                "to authenticate.")
                     .arg(m_idp->url().toString(), userCode));
        QTRY_COMPARE(issued.size(), 1);
        QCOMPARE(issued.first().first().toString(), userCode);
        QCOMPARE(m_idp->pendingUserCodes(), QStringList{userCode});

        const Reply pending = pollDevice(deviceCode);
        QCOMPARE(pending.status, 400);
        QCOMPARE(pending.str("error"), QStringLiteral("authorization_pending"));

        QVERIFY(!m_idp->approveDeviceCode(userCode, QStringLiteral("nobody@nowhere.example")));
        QVERIFY(m_idp->approveDeviceCode(userCode, kUpn));
        const Reply tokens = pollDevice(deviceCode);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.str("scope"), kArmGranted);
        QCOMPARE(tokens.str("foci"), QStringLiteral("1"));
        QCOMPARE(jwt::claims(tokens.str("id_token"))["preferred_username"], Json(kUpn.toStdString()));
        QVERIFY(!tokens.str("client_info").isEmpty());
        QVERIFY(m_idp->pendingUserCodes().isEmpty());
        QCOMPARE(pollDevice(deviceCode).str("error"), QStringLiteral("invalid_grant")); // redeemed
    }

    void deviceCodeVerificationPage()
    {
        const QString userCode = json::toQString(startDeviceFlow()["user_code"]);
        const Reply page = get(QStringLiteral("/devicelogin"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("name=\"otc\""));
        const Reply wrong = post(QStringLiteral("/devicelogin"), form({{"otc", "WRONGCODE"}, {"username", kUpn}}));
        QVERIFY(wrong.body.contains("That code didn't work"));
        const Reply approved = post(QStringLiteral("/devicelogin"),
                                    form({{"otc", userCode.toLower()}, {"username", kUpn}, {"action", "approve"}}));
        QCOMPARE(approved.status, 200);
        QVERIFY(approved.body.contains("You have signed in"));
        QVERIFY(m_idp->pendingUserCodes().isEmpty());
    }

    void deviceCodeSlowDownDeclinedExpired()
    {
        m_idp->setDeviceCodeSlowDown(1);
        Json flow = startDeviceFlow();
        QString deviceCode = json::toQString(flow["device_code"]);
        QCOMPARE(pollDevice(deviceCode).str("error"), QStringLiteral("slow_down"));
        QCOMPARE(pollDevice(deviceCode).str("error"), QStringLiteral("authorization_pending"));
        QVERIFY(m_idp->declineDeviceCode(json::toQString(flow["user_code"])));
        QCOMPARE(pollDevice(deviceCode).str("error"), QStringLiteral("authorization_declined"));

        m_idp->setDeviceCodeSlowDown(0);
        flow = startDeviceFlow();
        deviceCode = json::toQString(flow["device_code"]);
        m_clock.advance(901);
        const Reply expired = pollDevice(deviceCode);
        QCOMPARE(expired.str("error"), QStringLiteral("expired_token"));
        QVERIFY(!m_idp->approveDeviceCode(json::toQString(flow["user_code"]), kUpn));

        flow = startDeviceFlow();
        QVERIFY(m_idp->expireDeviceCode(json::toQString(flow["user_code"])));
        QCOMPARE(pollDevice(json::toQString(flow["device_code"])).str("error"), QStringLiteral("expired_token"));
        QCOMPARE(pollDevice(QStringLiteral("not-a-device-code")).str("error"), QStringLiteral("bad_verification_code"));
    }

    void deviceCodeAutoApprove()
    {
        m_idp->setDeviceCodeAutoApprove(kUpn, 1);
        const QString deviceCode = json::toQString(startDeviceFlow()["device_code"]);
        QCOMPARE(pollDevice(deviceCode).str("error"), QStringLiteral("authorization_pending"));
        QCOMPARE(pollDevice(deviceCode).status, 200);
    }

    // --- Client credentials ---

    void clientCredentials()
    {
        const QString app = QStringLiteral("11112222-3333-4444-5555-666677778888");
        m_idp->addConfidentialClient(app, QStringLiteral("s3cret"), kHome);
        const Reply reply = post(QStringLiteral("/%1/oauth2/v2.0/token").arg(kHome),
                                 form({{"client_id", app},
                                       {"grant_type", "client_credentials"},
                                       {"client_secret", "s3cret"},
                                       {"scope", "https://management.core.windows.net//.default"}}));
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().contains("refresh_token"));
        QCOMPARE(jwt::claims(reply.str("access_token"))["idtyp"], Json("app"));
        const Reply subscriptions =
            get(QStringLiteral("/subscriptions?api-version=2022-12-01"), reply.str("access_token"));
        QCOMPARE(subscriptions.json()["value"].size(), std::size_t(2));
        const Reply wrong = post(QStringLiteral("/%1/oauth2/v2.0/token").arg(kHome),
                                 form({{"client_id", app},
                                       {"grant_type", "client_credentials"},
                                       {"client_secret", "nope"},
                                       {"scope", "https://management.core.windows.net//.default"}}));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.str("error"), QStringLiteral("invalid_client"));
    }

    // --- ARM ---

    void armTenantsWithPaging()
    {
        m_idp->setArmPageSize(2);
        const QString token = refresh(signIn(), QStringLiteral("organizations")).str("access_token");
        Reply page = get(QStringLiteral("/tenants?api-version=2022-12-01"), token);
        QCOMPARE(page.status, 200);
        QStringList ids;
        int pages = 1;
        for (;;) {
            const Json body = page.json();
            for (const Json& tenant : body["value"]) {
                ids.append(json::toQString(tenant["tenantId"]));
                QCOMPARE(tenant["id"], Json("/tenants/" + tenant["tenantId"].get<std::string>()));
                QVERIFY(tenant.contains("displayName") && tenant.contains("defaultDomain") &&
                        tenant.contains("tenantCategory") && tenant.contains("domains") &&
                        tenant.contains("countryCode"));
            }
            const QString next = page.str("nextLink");
            if (next.isEmpty())
                break;
            QVERIFY(next.startsWith(m_idp->url().toString() + QStringLiteral("/tenants?api-version=2022-12-01&")));
            page = getUrl(QUrl(next), token);
            QCOMPARE(page.status, 200);
            ++pages;
        }
        QCOMPARE(pages, 2);
        QCOMPARE(ids, (QStringList{kHome, kGuest, kMfa}));
    }

    void armSubscriptionsPerTenant()
    {
        m_idp->setArmPageSize(1);
        const QString rt = signIn();
        const QString homeToken = refresh(rt, kHome).str("access_token");
        Reply page = get(QStringLiteral("/subscriptions?api-version=2019-11-01"), homeToken);
        QCOMPARE(page.status, 200);
        const Json first = page.json()["value"][0];
        QCOMPARE(first["id"], Json("/subscriptions/5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f"));
        QCOMPARE(first["subscriptionId"], Json("5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f"));
        QCOMPARE(first["displayName"], Json("Northwind Production"));
        QCOMPARE(first["state"], Json("Enabled"));
        QCOMPARE(first["tenantId"], Json(kHome.toStdString()));
        QCOMPARE(first["managedByTenants"], Json::array());
        QCOMPARE(first["authorizationSource"], Json("RoleBased"));
        QVERIFY(first["subscriptionPolicies"].contains("quotaId"));
        page = getUrl(QUrl(page.str("nextLink")), homeToken);
        QCOMPARE(page.json()["value"][0]["state"], Json("Disabled"));
        QVERIFY(!page.json().contains("nextLink"));

        const QString guestToken = refresh(rt, kGuest).str("access_token");
        const Reply guest = get(QStringLiteral("/subscriptions?api-version=2022-12-01"), guestToken);
        QCOMPARE(guest.json()["value"].size(), std::size_t(1));
        QCOMPARE(guest.json()["value"][0]["managedByTenants"], Json::array({{{"tenantId", kHome.toStdString()}}}));

        const Reply one = get(
            QStringLiteral("/subscriptions/c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f?api-version=2022-12-01"), guestToken);
        QCOMPARE(one.status, 200);
        const Reply wrongTenant = get(
            QStringLiteral("/subscriptions/c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f?api-version=2022-12-01"), homeToken);
        QCOMPARE(wrongTenant.status, 401);
        QCOMPARE(wrongTenant.json()["error"]["code"], Json("InvalidAuthenticationTokenTenant"));
        QCOMPARE(m_idp->requestCount(IdpEndpoint::ArmSubscriptions, {}, kGuest), 2);
    }

    void armRejectsBadTokens()
    {
        const Reply none = get(QStringLiteral("/subscriptions?api-version=2022-12-01"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json()["error"]["code"], Json("AuthenticationFailed"));
        QVERIFY(none.header("www-authenticate").startsWith("Bearer authorization_uri="));
        const Reply forged = get(QStringLiteral("/subscriptions?api-version=2022-12-01"),
                                 QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0."));
        QCOMPARE(forged.json()["error"]["code"], Json("InvalidAuthenticationToken"));
        const QString rt = signIn();
        const QString graph =
            refresh(rt, kHome, kCli, QStringLiteral("https://graph.microsoft.com/.default")).str("access_token");
        QCOMPARE(get(QStringLiteral("/subscriptions?api-version=2022-12-01"), graph).json()["error"]["code"],
                 Json("InvalidAuthenticationTokenAudience"));
        const QString arm = refresh(rt, kHome).str("access_token");
        QCOMPARE(get(QStringLiteral("/subscriptions"), arm).json()["error"]["code"],
                 Json("MissingApiVersionParameter"));
        m_clock.advance(3600);
        const Reply expired = get(QStringLiteral("/subscriptions?api-version=2022-12-01"), arm);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json()["error"]["code"], Json("ExpiredAuthenticationToken"));
        const QString fresh = refresh(rt, kHome).str("access_token");
        QCOMPARE(get(QStringLiteral("/subscriptions?api-version=2022-12-01"), fresh).status, 200);
        m_idp->revokeAccessTokens();
        QCOMPARE(get(QStringLiteral("/subscriptions?api-version=2022-12-01"), fresh).status, 401);
    }

    // --- Switches ---

    void faultsHttp500And429AndGarbage()
    {
        const QString rt = signIn();
        m_idp->addFault(IdpFault::httpError(IdpEndpoint::Token).onlyGrant(QStringLiteral("refresh_token")).repeat(2));
        QCOMPARE(refresh(rt, kHome).status, 500);
        QCOMPARE(refresh(rt, kHome).status, 500);
        QCOMPARE(refresh(rt, kHome).status, 200);

        m_idp->addFault(IdpFault::tooManyRequests(IdpEndpoint::ArmSubscriptions, 7));
        const QString arm = refresh(rt, kHome).str("access_token");
        const Reply throttled = get(QStringLiteral("/subscriptions?api-version=2022-12-01"), arm);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.header("retry-after"), QByteArray("7"));
        QCOMPARE(throttled.json()["error"]["code"], Json("TooManyRequests"));
        QCOMPARE(get(QStringLiteral("/subscriptions?api-version=2022-12-01"), arm).status, 200);

        m_idp->addFault(IdpFault::garbageJson(IdpEndpoint::OpenIdConfiguration));
        const Reply garbage = get(QStringLiteral("/organizations/v2.0/.well-known/openid-configuration"));
        QCOMPARE(garbage.status, 200);
        QVERIFY(!json::parse(garbage.body).value.has_value());

        // A fault for one tenant leaves the others alone.
        m_idp->addFault(IdpFault::httpError(IdpEndpoint::Token, 503).onlyTenant(kGuest).repeat(-1));
        QCOMPARE(refresh(rt, kHome).status, 200);
        QCOMPARE(refresh(rt, kGuest).status, 503);
        QCOMPARE(refresh(rt, kGuest).status, 503);
        m_idp->clearFaults();
        QCOMPARE(refresh(rt, kGuest).status, 200);
        const auto records = m_idp->requests();
        QVERIFY(std::any_of(records.begin(), records.end(),
                            [](const IdpRequestRecord& r) { return r.fault == QLatin1String("http-503"); }));
    }

    void faultOAuthErrorHangAndDrop()
    {
        const QString rt = signIn();
        IdpFault interaction = IdpFault::oauthError(QStringLiteral("interaction_required"), 50079);
        interaction.claims = QStringLiteral("{\"id_token\":{\"amr\":{\"values\":[\"mfa\"]}}}");
        m_idp->addFault(interaction);
        const Reply error = refresh(rt, kHome);
        QCOMPARE(error.status, 400);
        QCOMPARE(error.str("error"), QStringLiteral("interaction_required"));
        QCOMPARE(error.str("claims"), interaction.claims);

        // QNAM retries once when a reused connection closes, so drop every attempt.
        m_idp->addFault(IdpFault::drop(IdpEndpoint::Token).repeat(-1));
        const Reply dropped = refresh(rt, kHome);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        QCOMPARE(dropped.status, 0);
        m_idp->clearFaults();

        m_idp->addFault(IdpFault::hang(IdpEndpoint::Token));
        QNetworkReply* hanging =
            startPost(QStringLiteral("/%1/oauth2/v2.0/token").arg(kHome), form({{"client_id", kCli},
                                                                                {"grant_type", "refresh_token"},
                                                                                {"refresh_token", rt},
                                                                                {"scope", kArmScopeRequest}}));
        QTRY_COMPARE(m_idp->inFlight(IdpEndpoint::Token), 1);
        QTest::qWait(200);
        QVERIFY(!hanging->isFinished());
        hanging->abort();
        hanging->deleteLater();
    }

    void latencyIsAppliedWithoutBlocking()
    {
        const QString rt = signIn();
        m_idp->clearRequests();
        m_idp->setLatency(IdpEndpoint::Token, 300);
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply*> replies;
        for (const QString& tenant : {kHome, kGuest, kHome})
            replies.append(
                startPost(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form({{"client_id", kCli},
                                                                                     {"grant_type", "refresh_token"},
                                                                                     {"refresh_token", rt},
                                                                                     {"scope", kArmScopeRequest}})));
        QTRY_COMPARE(m_idp->maxInFlight(IdpEndpoint::Token), 3);
        for (QNetworkReply* reply : replies)
            QCOMPARE(finish(reply).status, 200);
        QVERIFY2(timer.elapsed() < 900, qPrintable(QString::number(timer.elapsed()))); // in parallel, not 3 x 300
        QCOMPARE(m_idp->inFlight(IdpEndpoint::Token), 0);
        for (const IdpRequestRecord& record : m_idp->requests())
            QVERIFY(record.respondedMs - record.receivedMs >= 295);
        QCOMPARE(m_idp->requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 3);
        QCOMPARE(m_idp->requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token"), kGuest), 1);
    }

    void requestLogHoldsNoSecrets()
    {
        const QString code = codeFor();
        const Reply tokens = redeem(code);
        const QString rt = tokens.str("refresh_token");
        refresh(rt, kHome);
        QSignalSpy finished(m_idp.get(), &TestIdentityProvider::requestFinished);
        refresh(rt, kGuest);
        QCOMPARE(finished.size(), 1);
        const auto records = m_idp->requests();
        QVERIFY(records.size() >= 3);
        for (const IdpRequestRecord& record : records) {
            const QString line = record.toString() + record.path + record.host + record.correlationId;
            QVERIFY(!line.contains(rt));
            QVERIFY(!line.contains(code));
            QVERIFY(!line.contains(kVerifier));
            QVERIFY(!line.contains(tokens.str("access_token")));
        }
        const IdpRequestRecord last = records.last();
        QCOMPARE(last.grantType, QStringLiteral("refresh_token"));
        QCOMPARE(last.tenant, kGuest);
        QCOMPARE(last.issuedTenant, kGuest);
        QCOMPARE(last.user, kUpn);
        QCOMPARE(last.clientId, kCli);
        QCOMPARE(last.status, 200);
        QVERIFY(last.receivedAt.isValid());
    }

    // The hostile switches, as the test-idp tool's config sets them: canned answers, redirects, a raw
    // Retry-After, junk in ARM lists, a device code without interval whose page is elsewhere.
    void hostileSwitchesFromConfig()
    {
        Json config = TestIdentityProvider::sampleConfig();
        // Built, not parsed from raw strings: moc reads "//" in a raw string as a comment.
        config["faults"] =
            Json::array({Json{{"kind", "answer"}, {"endpoint", "openid-configuration"}, {"body", "[42, null]"}},
                         Json{{"kind", "redirect"},
                              {"endpoint", "token"},
                              {"status", 307},
                              {"location", "http://127.0.0.1:9/stolen"}},
                         Json{{"kind", "too-many-requests"},
                              {"endpoint", "keys"},
                              {"retryAfter", "Fri, 31 Dec 9999 23:59:59 GMT"}}});
        config["armJunkItems"] = Json::array({42, nullptr, "x"});
        config["deviceCode"] = Json{{"interval", -1}, {"verificationUri", "https://microsoft.com/devicelogin"}};
        QString error;
        QVERIFY2(m_idp->loadConfig(config, &error), qPrintable(error));

        const Reply canned = get(QStringLiteral("/organizations/v2.0/.well-known/openid-configuration"));
        QCOMPARE(canned.status, 200);
        QCOMPARE(canned.body, QByteArray("[42, null]"));
        const Reply redirect = post(QStringLiteral("/organizations/oauth2/v2.0/token"), form({{"client_id", kCli}}));
        QCOMPARE(redirect.status, 307);
        QCOMPARE(redirect.header("location"), QByteArray("http://127.0.0.1:9/stolen"));
        const Reply throttled = get(QStringLiteral("/organizations/discovery/v2.0/keys"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.header("retry-after"), QByteArray("Fri, 31 Dec 9999 23:59:59 GMT"));

        const Json page = get(QStringLiteral("/tenants?api-version=2022-12-01"), armToken(kHome)).json();
        QCOMPARE(page["value"].size(), std::size_t(6)); // three junk entries, then Sam's three tenants
        QCOMPARE(page["value"][0], Json(42));
        const Json device = startDeviceFlow();
        QVERIFY(!device.contains("interval"));
        QCOMPARE(device["verification_uri"], Json("https://microsoft.com/devicelogin"));
    }

    void configErrorsAreReported()
    {
        QString error;
        QVERIFY(!m_idp->loadConfig(Json::parse(R"({"users": [{"upn": "x"}]})"), &error));
        QVERIFY(error.contains(QLatin1String("objectId")));
        QVERIFY(!m_idp->loadConfig(Json::parse(R"({"faults": [{"kind": "explode"}]})"), &error));
        QVERIFY(
            m_idp->loadConfig(Json::parse(R"({"faults": [{"kind": "http-error", "endpoint": "token", "status": 502}],
                                                  "latencyMs": {"token": 10}, "armPageSize": 3})"),
                              &error));
        QCOMPARE(post(QStringLiteral("/organizations/oauth2/v2.0/token"), form({{"client_id", kCli}})).status, 502);
    }
};

QTEST_GUILESS_MAIN(TestTestIdentityProvider)
#include "TestTestIdentityProvider.moc"
