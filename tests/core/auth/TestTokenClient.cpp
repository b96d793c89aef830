// The token endpoint client (core/auth/TokenClient) against the test identity provider: refresh per
// tenant, the error classes callers act on (dead refresh token, MFA / Conditional Access with its
// claims), retries of 500 and 429 (Retry-After), unreadable answers, the PKCE check, and no secret in
// any message or log line.

#include "auth/Pkce.h"
#include "auth/TokenClient.h"
#include "fakes/IdentityRig.h"
#include "util/Jwt.h"

#include <QElapsedTimer>
#include <QUrlQuery>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kTailspin = QStringLiteral("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
const QString kTailspinClaims = QStringLiteral("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}");

} // namespace

class TestTokenClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;
    Grant m_signIn; // Sam's interactive sign-in at "organizations"

    Grant refresh(const QString& tenant, const Secret& refreshToken = {}, const QString& claims = {})
    {
        const Secret rt = refreshToken.isEmpty() ? m_signIn.result.refreshToken : refreshToken;
        return awaitGrant([&](TokenClient::Done done) {
            m_rig->client->refresh(tenant, rt, {kArmScope}, sample::kSamHomeAccountId, claims, std::move(done));
        });
    }

    // Fails the test when a token of this test shows up in any of `texts` or in the log.
    void verifyNoSecretIn(QStringList texts, QList<Secret> more = {})
    {
        texts += LogCapture::messages();
        more += {m_signIn.result.accessToken, m_signIn.result.refreshToken, m_signIn.result.idToken};
        const QStringList leaks = leakedSecrets(texts, more);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
        m_signIn = m_rig->interactiveSignIn();
        QVERIFY2(m_signIn.result.ok(), qPrintable(m_signIn.result.message()));
        m_rig->idp.clearRequests();
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    // One sign-in reaches every tenant of the account by refresh; the realm is the tenant that answered.
    void refreshPerTenant()
    {
        for (const QString& tenant : {sample::kNorthwind, sample::kFabrikam}) {
            const Grant grant = refresh(tenant);
            QVERIFY2(grant.result.ok(), qPrintable(grant.result.message()));
            QCOMPARE(grant.realm, tenant);
            const auto info = m_rig->idp.accessTokenInfo(grant.result.accessToken.reveal());
            QVERIFY(info);
            QCOMPARE(info->tenantId, tenant);
            QCOMPARE(info->objectId, sample::kSamOid);
            QCOMPARE(grant.result.scope, QStringLiteral("https://management.core.windows.net//user_impersonation "
                                                        "https://management.core.windows.net//.default"));
            QVERIFY(grant.result.expiresIn > 3000);
            QVERIFY(!grant.result.refreshToken.isEmpty());
            QCOMPARE(grant.result.foci, QStringLiteral("1"));
            QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token"), tenant), 1);
        }
        // A tenant named by its domain: the realm is still its id, as MSAL stores it.
        const Grant byDomain = refresh(QStringLiteral("fabrikam.example"));
        QVERIFY2(byDomain.result.ok(), qPrintable(byDomain.result.message()));
        QCOMPARE(byDomain.realm, sample::kFabrikam);

        for (const IdpRequestRecord& record : m_rig->idp.requests()) {
            if (record.endpoint == IdpEndpoint::Token) {
                QCOMPARE(record.clientId, kAzureCliClientId);
                QVERIFY(!record.correlationId.isEmpty());
            }
        }
        verifyNoSecretIn({});
    }

    // invalid_grant 700082 (inactivity) and 50173 (revoked): the account needs a new sign-in.
    void deadRefreshToken()
    {
        m_rig->idp.expireRefreshTokens(sample::kSam);
        const Grant expired = refresh(sample::kNorthwind);
        QCOMPARE(expired.result.kind, TokenGrantResult::Kind::RefreshTokenDead);
        QCOMPARE(expired.result.error, QStringLiteral("invalid_grant"));
        QVERIFY(expired.result.errorCodes.contains(700082));
        QVERIFY2(expired.result.message().startsWith(QLatin1String("AADSTS700082")),
                 qPrintable(expired.result.message()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 1); // an OAuth error is an answer: no retry

        const Grant fresh = m_rig->interactiveSignIn();
        QVERIFY(fresh.result.ok());
        m_rig->idp.revokeRefreshTokens(sample::kSam);
        const Grant revoked = refresh(sample::kNorthwind, fresh.result.refreshToken);
        QCOMPARE(revoked.result.kind, TokenGrantResult::Kind::RefreshTokenDead);
        QVERIFY(revoked.result.errorCodes.contains(50173));
        verifyNoSecretIn({expired.result.message(), expired.result.errorDescription, revoked.result.message(),
                          revoked.result.errorDescription},
                         {fresh.result.refreshToken, fresh.result.accessToken});
    }

    // MFA / Conditional Access: the tenant needs an interactive sign-in, with the claims to pass on.
    void interactionRequiredWithClaims()
    {
        const Grant contoso = refresh(sample::kContoso);
        QCOMPARE(contoso.result.kind, TokenGrantResult::Kind::InteractionRequired);
        QCOMPARE(contoso.result.error, QStringLiteral("invalid_grant"));
        QVERIFY(contoso.result.errorCodes.contains(50076));
        QCOMPARE(contoso.result.suberror, QStringLiteral("basic_action"));
        const auto claims = json::parse(contoso.result.claims.toUtf8());
        QVERIFY(claims.value && (*claims.value)["access_token"].contains("capolids"));
        QVERIFY(contoso.result.message().contains(QLatin1String("multi-factor authentication")));

        // The other shape AAD uses: error=interaction_required, code 53003 (Conditional Access).
        IdpTenant tailspin;
        tailspin.id = kTailspin;
        tailspin.displayName = QStringLiteral("Tailspin");
        tailspin.defaultDomain = QStringLiteral("tailspin.example");
        tailspin.requiresMfa = true;
        tailspin.mfaError = QStringLiteral("interaction_required");
        tailspin.mfaErrorCode = 53003;
        tailspin.mfaClaims = kTailspinClaims;
        m_rig->idp.addTenant(tailspin);
        const Grant conditional = refresh(kTailspin);
        QCOMPARE(conditional.result.kind, TokenGrantResult::Kind::InteractionRequired);
        QCOMPARE(conditional.result.error, QStringLiteral("interaction_required"));
        QCOMPARE(conditional.result.claims, kTailspinClaims);

        // Other tenants are unaffected.
        QVERIFY(refresh(sample::kFabrikam).result.ok());
        verifyNoSecretIn({contoso.result.message(), conditional.result.message(), conditional.result.errorDescription});
    }

    // 500s are retried with backoff; the answer after them is the caller's.
    void serverErrorsAreRetried()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::Token).repeat(2));
        const Grant grant = refresh(sample::kNorthwind);
        QVERIFY2(grant.result.ok(), qPrintable(grant.result.message()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 3);
        verifyNoSecretIn({});
    }

    void persistentServerErrorGivesUp()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::Token, 503).repeat(-1));
        QElapsedTimer timer;
        timer.start();
        const Grant grant = refresh(sample::kNorthwind);
        QCOMPARE(grant.result.kind, TokenGrantResult::Kind::Network);
        QCOMPARE(grant.result.httpStatus, 503);
        QCOMPARE(grant.result.message(), QStringLiteral("The identity provider did not answer (HTTP 503)."));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), RetryPolicy().maxAttempts);
        QVERIFY2(timer.elapsed() >= 3000, qPrintable(QString::number(timer.elapsed()))); // 0.5 + 1 + 2 s of backoff
        verifyNoSecretIn({grant.result.message()});
    }

    // 429 with Retry-After: the retry waits as long as the server asked, not the shorter backoff.
    void tooManyRequestsHonoursRetryAfter()
    {
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::Token, 2));
        QElapsedTimer timer;
        timer.start();
        const Grant grant = refresh(sample::kNorthwind);
        QVERIFY2(grant.result.ok(), qPrintable(grant.result.message()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 2);
        qint64 first = -1;
        qint64 second = -1;
        for (const IdpRequestRecord& record : m_rig->idp.requests()) {
            if (record.endpoint == IdpEndpoint::Token)
                (first < 0 ? first : second) = record.receivedMs;
        }
        QVERIFY2(second - first >= 1800, qPrintable(QString::number(second - first)));
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
    }

    // 200 with a body that is not JSON: a clear error, not a crash or an empty token.
    void garbageJsonIsAClearError()
    {
        m_rig->idp.addFault(IdpFault::garbageJson(IdpEndpoint::Token));
        const Grant grant = refresh(sample::kNorthwind);
        QCOMPARE(grant.result.kind, TokenGrantResult::Kind::InvalidResponse);
        QVERIFY(grant.result.accessToken.isEmpty());
        QCOMPARE(grant.result.message(),
                 QStringLiteral("The identity provider's answer was not a token response (HTTP 200)."));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 1);
        verifyNoSecretIn({grant.result.message()});
    }

    // Answers with fields missing, mistyped or absurd: a clear error or MSAL's default, never a throw, and
    // never a number taken for a token.
    void mistypedTokenAnswers()
    {
        struct Case
        {
            int status;
            QByteArray body;
            TokenGrantResult::Kind kind;
            qint64 expiresIn; // Ok only
            QString message;  // errors only
        };
        const QByteArray token = "\"access_token\": \"at\", \"token_type\": \"Bearer\"";
        const QList<Case> cases = {
            {200, "{\"access_token\": 42, \"expires_in\": 3599}", TokenGrantResult::Kind::InvalidResponse, 0,
             QStringLiteral("The identity provider's answer was not a token response (HTTP 200).")},
            {200, "{\"access_token\": [\"at\"]}", TokenGrantResult::Kind::InvalidResponse, 0, {}},
            {200, "{" + token + ", \"expires_in\": {\"seconds\": 1}}", TokenGrantResult::Kind::Ok, 600, {}},
            {200, "{" + token + ", \"expires_in\": 1e300}", TokenGrantResult::Kind::Ok, 2 * 24 * 3600, {}},
            {200,
             "{" + token + ", \"expires_in\": 99999999999999999999999}",
             TokenGrantResult::Kind::Ok,
             2 * 24 * 3600,
             {}},
            {200,
             "{" + token + ", \"expires_in\": \"99999999999999999999999\"}",
             TokenGrantResult::Kind::Ok,
             2 * 24 * 3600,
             {}},
            {200, "{" + token + ", \"expires_in\": -5}", TokenGrantResult::Kind::Ok, 600, {}},
            {200, "{" + token + ", \"expires_in\": \"soon\"}", TokenGrantResult::Kind::Ok, 600, {}},
            {200, "{" + token + ", \"expires_in\": \"3599\"}", TokenGrantResult::Kind::Ok, 3599, {}},
            {200,
             "{" + token + ", \"expires_in\": null, \"ext_expires_in\": [], \"refresh_in\": -1}",
             TokenGrantResult::Kind::Ok,
             600,
             {}},
            {400,
             "{\"error\": \"invalid_grant\", \"error_description\": [\"AADSTS1\"], \"error_codes\": "
             "[1.5, -1, \"x\", 99999999999999999999]}",
             TokenGrantResult::Kind::RefreshTokenDead, 0, QStringLiteral("invalid_grant")},
            {400, "{\"error\": 42, \"error_description\": {\"text\": \"no\"}}", TokenGrantResult::Kind::OtherError, 0,
             QStringLiteral("http_400")},
            {400, "[1, 2, 3]", TokenGrantResult::Kind::InvalidResponse, 0,
             QStringLiteral("The identity provider's answer was not a token response (HTTP 400).")},
            {200, "<html>Sign in</html>", TokenGrantResult::Kind::InvalidResponse, 0, {}},
            {200, "", TokenGrantResult::Kind::InvalidResponse, 0, {}},
        };
        for (const Case& c : cases) {
            m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::Token, c.status, c.body));
            const Grant grant = refresh(sample::kNorthwind);
            QVERIFY2(grant.result.kind == c.kind, c.body.constData());
            if (c.kind == TokenGrantResult::Kind::Ok)
                QVERIFY2(grant.result.expiresIn == c.expiresIn,
                         qPrintable(QString::number(grant.result.expiresIn) + u' ' + QString::fromUtf8(c.body)));
            else
                QVERIFY2(grant.result.accessToken.isEmpty(), c.body.constData());
            if (!c.message.isEmpty())
                QCOMPARE(grant.result.message(), c.message);
        }
        // A description of a megabyte is cut for people.
        m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::Token, 400,
                                             "{\"error\": \"invalid_request\", \"error_description\": \"" +
                                                 QByteArray(1024 * 1024, 'A') + "\"}"));
        QCOMPARE(refresh(sample::kNorthwind).result.message().size(), 1000);
    }

    // A token endpoint that redirects (307 keeps method and body) to another server: the refresh token in
    // the form never leaves; the caller hears why.
    void tokenEndpointRedirectIsRefused()
    {
        RecordingServer stranger;
        QVERIFY(stranger.listen());
        QUrl elsewhere = stranger.url();
        elsewhere.setPath(QStringLiteral("/organizations/oauth2/v2.0/token"));
        for (const int status : {307, 308, 302}) {
            m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::Token, elsewhere, status));
            const Grant grant = refresh(sample::kNorthwind);
            QCOMPARE(grant.result.kind, TokenGrantResult::Kind::Network);
            QCOMPARE(grant.result.message(),
                     QStringLiteral("127.0.0.1 answered the sign-in request with a redirect (HTTP %1) to %2; sign-in "
                                    "requests are never redirected, so it was not followed.")
                         .arg(status)
                         .arg(stranger.url().toString()));
        }
        // Nor to the same server: a token request has one address, the one discovery named.
        QUrl sameServer = m_rig->idp.url();
        sameServer.setPath(QStringLiteral("/common/oauth2/v2.0/token"));
        m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::Token, sameServer, 307));
        QCOMPARE(refresh(sample::kNorthwind).result.kind, TokenGrantResult::Kind::Network);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 4);

        QTest::qWait(100);
        QVERIFY2(stranger.received().isEmpty(), stranger.everything().constData());
        verifyNoSecretIn({QString::fromLatin1(stranger.everything())});
    }

    // The connection drops every time: a network error that names the host.
    void droppedConnections()
    {
        m_rig->idp.addFault(IdpFault::drop(IdpEndpoint::Token).repeat(-1));
        const Grant grant = refresh(sample::kNorthwind);
        QCOMPARE(grant.result.kind, TokenGrantResult::Kind::Network);
        QVERIFY2(grant.result.message().contains(QLatin1String("127.0.0.1")), qPrintable(grant.result.message()));
        // Qt itself resends once when a kept-alive connection closes without an answer.
        const int requests = m_rig->idp.requestCount(IdpEndpoint::Token);
        QVERIFY2(requests >= RetryPolicy().maxAttempts && requests <= 2 * RetryPolicy().maxAttempts,
                 qPrintable(QString::number(requests)));
        verifyNoSecretIn({grant.result.message()});
    }

    // An unknown tenant fails at discovery, before any token request.
    void unknownTenant()
    {
        const Grant grant = refresh(QStringLiteral("nowhere.example"));
        QCOMPARE(grant.result.kind, TokenGrantResult::Kind::Network);
        QCOMPARE(grant.result.message(), QStringLiteral("'nowhere.example' is not a tenant 127.0.0.1 knows."));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
    }

    // The code is redeemed with the verifier whose S256 challenge the authorize request carried; any
    // other verifier is refused. A code is never resent on a 500 (it is single-use).
    void authorizationCodeAndPkce()
    {
        const QString redirectUri = QStringLiteral("http://localhost:40123");
        auto codeFor = [&](const AuthorizationRandoms& randoms) {
            QUrl authorize = m_rig->idp.url();
            authorize.setPath(QStringLiteral("/organizations/oauth2/v2.0/authorize"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("client_id"), kAzureCliClientId);
            query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
            query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
            query.addQueryItem(QStringLiteral("scope"), TokenClient::decoratedScope({kArmScope}));
            query.addQueryItem(QStringLiteral("state"), randoms.state);
            query.addQueryItem(QStringLiteral("code_challenge"), randoms.codeChallenge);
            query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            authorize.setQuery(query);
            const QUrl redirect = m_rig->idp.completeAuthorization(authorize, sample::kSam);
            return std::make_pair(
                Secret(QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)),
                QUrlQuery(redirect).queryItemValue(QStringLiteral("client_info"), QUrl::FullyDecoded));
        };
        auto redeem = [&](const Secret& code, const Secret& verifier, const QString& clientInfo) {
            return awaitGrant([&](TokenClient::Done done) {
                m_rig->client->redeemAuthorizationCode(QStringLiteral("organizations"), code, verifier, redirectUri,
                                                       {kArmScope}, clientInfo, QString(), std::move(done));
            });
        };

        const AuthorizationRandoms randoms = AuthorizationRandoms::generate();
        QCOMPARE(randoms.codeChallenge, AuthorizationRandoms::challengeFor(randoms.codeVerifier.reveal()));
        const auto [code, clientInfo] = codeFor(randoms);
        QVERIFY(!code.isEmpty());
        const Secret wrongVerifier = AuthorizationRandoms::generate().codeVerifier;
        const Grant refused = redeem(code, wrongVerifier, clientInfo);
        QCOMPARE(refused.result.kind, TokenGrantResult::Kind::OtherError);
        QVERIFY(refused.result.errorCodes.contains(501481));
        QVERIFY2(refused.result.message().contains(QLatin1String("Code_Verifier does not match")),
                 qPrintable(refused.result.message()));

        const auto [secondCode, secondClientInfo] = codeFor(randoms);
        const Grant accepted = redeem(secondCode, randoms.codeVerifier, secondClientInfo);
        QVERIFY2(accepted.result.ok(), qPrintable(accepted.result.message()));
        QCOMPARE(accepted.result.clientInfo, secondClientInfo);

        const auto [thirdCode, thirdClientInfo] = codeFor(randoms);
        m_rig->idp.clearRequests();
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::Token).onlyGrant(QStringLiteral("authorization_code")));
        const Grant failed = redeem(thirdCode, randoms.codeVerifier, thirdClientInfo);
        QCOMPARE(failed.result.kind, TokenGrantResult::Kind::Network);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 1);

        verifyNoSecretIn({refused.result.message(), refused.result.errorDescription, failed.result.message()},
                         {code, secondCode, thirdCode, randoms.codeVerifier, wrongVerifier, accepted.result.accessToken,
                          accepted.result.refreshToken});
    }

    // The wire form of scopes and claims (what MSAL sends, so the server treats us as az).
    void decoratedScopeAndClaims()
    {
        QCOMPARE(TokenClient::decoratedScope({kArmScope}),
                 QStringLiteral("https://management.core.windows.net//.default offline_access openid profile"));
        QCOMPARE(TokenClient::decoratedScope({QStringLiteral("openid"), QStringLiteral("b"), QStringLiteral("a")}),
                 QStringLiteral("a b offline_access openid profile"));
        const auto plain = json::parse(TokenClient::claimsParameter(QString()).toUtf8());
        QVERIFY(plain.value);
        QCOMPARE(plain.value->dump(), std::string("{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}"));
        const auto merged = json::parse(TokenClient::claimsParameter(kTailspinClaims).toUtf8());
        QVERIFY(merged.value);
        QVERIFY((*merged.value)["access_token"].contains("acrs"));
        QVERIFY((*merged.value)["access_token"].contains("xms_cc"));
        // A server's challenge whose access_token is not an object is replaced, never a throw.
        for (const char* hostile : {R"({"access_token": "x"})", R"({"access_token": [1, 2]})", "[1]", "{"}) {
            const auto result = json::parse(TokenClient::claimsParameter(QString::fromUtf8(hostile)).toUtf8());
            QVERIFY2(result.value, hostile);
            QCOMPARE(result.value->dump(), std::string("{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}"));
        }
    }

    // AZURE_IDENTITY_DISABLE_CP1, set to anything (even empty), stops the CAE capability as in az; a claims
    // challenge from the tenant is still passed on, alone.
    void cp1DisabledByEnvironment()
    {
        const auto restore = qScopeGuard([] { qunsetenv("AZURE_IDENTITY_DISABLE_CP1"); });
        qputenv("AZURE_IDENTITY_DISABLE_CP1", QByteArray());
        QVERIFY(!TokenClient::announcesCp1());
        QCOMPARE(TokenClient::claimsParameter(QString()), QString());
        QCOMPARE(TokenClient::claimsParameter(kTailspinClaims), kTailspinClaims);

        const Grant plain = refresh(sample::kNorthwind);
        QVERIFY2(plain.result.ok(), qPrintable(plain.result.message()));
        const Grant challenged = refresh(sample::kNorthwind, {}, kTailspinClaims);
        QVERIFY2(challenged.result.ok(), qPrintable(challenged.result.message()));
        QList<bool> claimsSent;
        for (const IdpRequestRecord& record : m_rig->idp.requests()) {
            if (record.endpoint == IdpEndpoint::Token)
                claimsSent.append(record.hasClaims);
        }
        QCOMPARE(claimsSent, QList<bool>({false, true}));
        for (const Grant* grant : {&plain, &challenged})
            QVERIFY(!jwt::claims(grant->result.accessToken.reveal()).contains("xms_cc"));

        qputenv("AZURE_IDENTITY_DISABLE_CP1", "1");
        const Grant stillOff = refresh(sample::kNorthwind);
        QVERIFY(!jwt::claims(stillOff.result.accessToken.reveal()).contains("xms_cc"));
        qunsetenv("AZURE_IDENTITY_DISABLE_CP1");
        const Grant announced = refresh(sample::kNorthwind);
        QCOMPARE(jwt::claims(announced.result.accessToken.reveal())["xms_cc"], Json::array({"CP1"}));
    }
};

QTEST_GUILESS_MAIN(TestTokenClient)
#include "TestTokenClient.moc"
