#include "cache/CacheKeys.h"
#include "cache/TokenResponseWriter.h"
#include "fakes/FakeJwt.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kEnv = QStringLiteral("login.microsoftonline.com");
const QString kUid = QStringLiteral("00000000-aaaa-bbbb-cccc-000000000001");
const QString kHome = QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47");
const QString kOther = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kArm = QStringLiteral("https://management.core.windows.net//.default");
const qint64 kNow = 1795422055;

TokenGrantResult response(const QString& tenant, const QString& rt = QStringLiteral("rt-1"))
{
    TokenGrantResult r;
    r.kind = TokenGrantResult::Kind::Ok;
    r.accessToken = Secret(QStringLiteral("at-") + tenant);
    r.refreshToken = Secret(rt);
    r.idToken = Secret(makeJwt({{"aud", kCli.toStdString()},
                                {"tid", tenant.toStdString()},
                                {"oid", kUid.toStdString()},
                                {"sub", "subject"},
                                {"preferred_username", "alice@contoso.com"},
                                {"name", "Alice"}}));
    r.tokenType = QStringLiteral("Bearer");
    r.scope = QStringLiteral("https://management.core.windows.net//user_impersonation "
                             "https://management.core.windows.net//.default");
    r.expiresIn = 4442;
    r.extExpiresIn = 4442;
    r.clientInfo = clientInfo(kUid, kHome);
    r.foci = QStringLiteral("1");
    return r;
}

TokenResponseContext context(const QString& realm, bool signIn)
{
    TokenResponseContext c;
    c.environment = kEnv;
    c.clientId = kCli;
    c.realm = realm;
    c.requestedScopes = {kArm, QStringLiteral("offline_access"), QStringLiteral("openid"), QStringLiteral("profile")};
    c.now = kNow;
    c.createAccount = signIn;
    return c;
}

} // namespace

class TestTokenResponseWriter : public QObject
{
    Q_OBJECT

private slots:
    void signInWritesWhatMsalWrites()
    {
        MsalCache cache;
        const QString hid = writeTokenResponse(cache, response(QStringLiteral("organizations")),
                                               context(QStringLiteral("organizations"), true));
        QCOMPARE(hid, kUid + QLatin1Char('.') + kHome);
        const Json& doc = cache.document();
        // Sections in MSAL's order after a fresh az login.
        QStringList order;
        for (const auto& [name, section] : doc.items())
            order.append(QString::fromStdString(name));
        QCOMPARE(order, (QStringList{QStringLiteral("AccessToken"), QStringLiteral("IdToken"),
                                     QStringLiteral("Account"), QStringLiteral("RefreshToken"),
                                     QStringLiteral("AppMetadata")}));
        const AccessToken at = cache.accessTokens().first();
        QCOMPARE(at.realm, QStringLiteral("organizations"));
        QCOMPARE(at.target, QStringLiteral("https://management.core.windows.net//user_impersonation "
                                           "https://management.core.windows.net//.default"));
        QCOMPARE(at.cachedAt, kNow);
        QCOMPARE(at.expiresOn, kNow + 4442);
        QCOMPARE(at.key, cachekeys::accessToken(at));
        const Account account = cache.accounts().first();
        QCOMPARE(account.username, QStringLiteral("alice@contoso.com"));
        QCOMPARE(account.localAccountId, kUid);
        QCOMPARE(account.realm, QStringLiteral("organizations"));
        QCOMPARE(account.authorityType, QStringLiteral("MSSTS"));
        const RefreshToken rt = cache.refreshTokens().first();
        QCOMPARE(rt.familyId, QStringLiteral("1"));
        QCOMPARE(rt.lastModificationTime, kNow);
        QCOMPARE(cache.appMetadata().first().familyId, QStringLiteral("1"));
        QCOMPARE(cache.appMetadata().first().key,
                 QStringLiteral("appmetadata-login.microsoftonline.com-04b07795-8ddb-461a-bbee-02f9e1bf7b46"));
    }

    void refreshForAnotherTenantRotatesRtAndCreatesNoAccount()
    {
        MsalCache cache;
        writeTokenResponse(cache, response(QStringLiteral("organizations")),
                           context(QStringLiteral("organizations"), true));
        const QString rtKey = cache.refreshTokens().first().key;
        TokenResponseContext refresh = context(kOther, false);
        refresh.now = kNow + 10;
        refresh.rotatedRefreshTokenKey = rtKey;
        writeTokenResponse(cache, response(kOther, QStringLiteral("rt-2")), refresh);
        QCOMPARE(cache.accounts().size(), 1);
        QCOMPARE(cache.refreshTokens().size(), 1);
        QVERIFY(cache.refreshTokens().first().secret == Secret(QStringLiteral("rt-2")));
        QCOMPARE(cache.refreshTokens().first().lastModificationTime, kNow + 10);
        QCOMPARE(cache.accessTokens().size(), 2);
        QCOMPARE(cache.idTokens().size(), 2);
    }

    void missingScopeFallsBackToRequestAndMissingExpiryTo600()
    {
        MsalCache cache;
        TokenGrantResult r = response(kHome);
        r.scope.clear();
        writeTokenResponse(cache, r, context(kHome, false));
        QCOMPARE(cache.accessTokens().first().target,
                 QStringLiteral("https://management.core.windows.net//.default offline_access openid profile"));

        HttpResponse http;
        http.status = 200;
        http.body = QByteArray::fromStdString(Json{{"access_token", "x"}, {"token_type", "Bearer"}}.dump());
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).expiresIn, qint64(600));
        http.body = QByteArray::fromStdString(Json{{"access_token", "x"}, {"expires_in", "3599"}}.dump()); // AAD v1
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).expiresIn, qint64(3599));
    }

    void errorsAreClassifiedForWhatTheUserMustDo()
    {
        HttpResponse http;
        http.status = 400;
        auto body = [&http](const Json& j) { http.body = QByteArray::fromStdString(j.dump()); };
        body({{"error", "invalid_grant"},
              {"error_description", "AADSTS50076: Due to a configuration change made by your administrator, you "
                                    "must use multi-factor authentication.\r\nTrace ID: x"},
              {"error_codes", {50076}},
              {"suberror", "basic_action"},
              {"claims", "{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"p\"]}}}"}});
        TokenGrantResult r = TokenGrantResult::fromHttp(http, kNow);
        QCOMPARE(r.kind, TokenGrantResult::Kind::InteractionRequired);
        QVERIFY(r.message().startsWith(QStringLiteral("AADSTS50076:")));
        QVERIFY(!r.message().contains(QStringLiteral("Trace ID")));
        QVERIFY(r.claims.contains(QStringLiteral("capolids")));

        body({{"error", "invalid_grant"},
              {"error_description", "AADSTS700082: The refresh token has expired"},
              {"error_codes", {700082}}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::RefreshTokenDead);
        body({{"error", "interaction_required"}, {"error_codes", {50079}}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::InteractionRequired);
        body({{"error", "authorization_pending"}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::AuthorizationPending);
        body({{"error", "slow_down"}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::SlowDown);
        body({{"error", "authorization_declined"}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::Declined);
        body({{"error", "expired_token"}});
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::Expired);
        http.body = "<html>garbage";
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::InvalidResponse);
        http.status = 503;
        QCOMPARE(TokenGrantResult::fromHttp(http, kNow).kind, TokenGrantResult::Kind::Network);
    }
};

QTEST_GUILESS_MAIN(TestTokenResponseWriter)
#include "TestTokenResponseWriter.moc"
