// Access tokens on demand (core/account/TokenProvider) against the test identity provider: the cache
// first, a refresh when the cached token has under 5 minutes left (MockClock), one refresh in flight
// per (account, tenant, scopes) however many ask, the refresh written back for az, family refresh
// tokens, and the errors callers act on.

#include "account/TokenProvider.h"
#include "auth/AuthCodeFlow.h"
#include "cache/TokenResponseWriter.h"
#include "fakes/FakeBrowser.h"
#include "fakes/IdentityRig.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kGraphScope = QStringLiteral("https://graph.microsoft.com/.default");
const QString kPowerShellClientId = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");

TokenRequest armRequest(const QString& tenant, const QString& user = sample::kSam)
{
    TokenRequest request;
    request.scopes = {kArmScope};
    request.tenantId = tenant;
    request.username = user;
    return request;
}

} // namespace

class TestTokenProvider : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    TokenResponse getToken(const TokenRequest& request)
    {
        return await<TokenResponse>(
            [&](TokenProvider::Done done) { m_rig->tokens->getToken(request, std::move(done)); });
    }

    int refreshes(const QString& tenant = {}) const
    {
        return m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token"), tenant);
    }

    // The access tokens msal_token_cache.json holds for a realm (what az would read).
    QList<AccessToken> accessTokensOnDisk(const QString& realm) const
    {
        QList<AccessToken> found;
        for (const AccessToken& token : m_rig->cacheOnDisk().accessTokens()) {
            if (token.realm == realm && token.homeAccountId == sample::kSamHomeAccountId)
                found.append(token);
        }
        return found;
    }

    void verifyNoSecretIn(QStringList texts)
    {
        QList<Secret> secrets;
        const MsalCache cache = m_rig->cacheOnDisk();
        for (const AccessToken& t : cache.accessTokens())
            secrets.append(t.secret);
        for (const RefreshToken& t : cache.refreshTokens())
            secrets.append(t.secret);
        for (const IdToken& t : cache.idTokens())
            secrets.append(t.secret);
        texts += LogCapture::messages();
        const QStringList leaks = leakedSecrets(texts, secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
        m_rig->signInToCache();
        m_rig->idp.clearRequests();
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    void cacheFirst()
    {
        const TokenResponse token = getToken(armRequest(QStringLiteral("organizations")));
        QVERIFY2(token.ok(), qPrintable(token.message));
        QCOMPARE(refreshes(), 0);
        const QList<AccessToken> cached = accessTokensOnDisk(QStringLiteral("organizations"));
        QCOMPARE(cached.size(), 1);
        QVERIFY(token.accessToken == cached.first().secret);
        QCOMPARE(token.expiresOn, cached.first().expiresOn);
        QCOMPARE(token.homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(token.tokenType, QStringLiteral("Bearer"));
    }

    // MSAL's rule: a token with 5 minutes or less left is not used; it is refreshed, and the new one
    // is written to the cache file for az.
    void refreshWhenExpiringWithinFiveMinutes()
    {
        const QList<AccessToken> cached = accessTokensOnDisk(QStringLiteral("organizations"));
        QCOMPARE(cached.size(), 1);
        const qint64 expiresOn = cached.first().expiresOn;

        m_rig->clock.setSecs(expiresOn - 301);
        QVERIFY(getToken(armRequest(QStringLiteral("organizations"))).ok());
        QCOMPARE(refreshes(), 0);

        m_rig->clock.setSecs(expiresOn - 299);
        const TokenResponse refreshed = getToken(armRequest(QStringLiteral("organizations")));
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.message));
        QCOMPARE(refreshes(QStringLiteral("organizations")), 1);
        QVERIFY(refreshed.accessToken != cached.first().secret);
        QCOMPARE(refreshed.expiresOn, m_rig->clock.nowSecs() + 3599);

        const QList<AccessToken> onDisk = accessTokensOnDisk(QStringLiteral("organizations"));
        QCOMPARE(onDisk.size(), 1);
        QVERIFY(onDisk.first().secret == refreshed.accessToken);
        QCOMPARE(onDisk.first().expiresOn, refreshed.expiresOn);

        // And from then on the new one comes from the cache.
        QVERIFY(getToken(armRequest(QStringLiteral("organizations"))).accessToken == refreshed.accessToken);
        QCOMPARE(refreshes(), 1);
        verifyNoSecretIn({refreshed.message});
    }

    void forceRefreshSkipsTheCache()
    {
        TokenRequest request = armRequest(QStringLiteral("organizations"));
        request.forceRefresh = true;
        const TokenResponse token = getToken(request);
        QVERIFY(token.ok());
        QCOMPARE(refreshes(), 1);
    }

    // However many ask at once for one (account, tenant, scopes), one refresh goes out and every caller
    // gets its answer; other tenants and scopes get their own.
    void oneRefreshInFlightPerKey()
    {
        m_rig->idp.setLatency(IdpEndpoint::Token, 400);
        QList<TokenResponse> northwind;
        QList<TokenResponse> fabrikam;
        QList<TokenResponse> graph;
        for (int i = 0; i < 20; ++i)
            m_rig->tokens->getToken(armRequest(sample::kNorthwind),
                                    [&northwind](const TokenResponse& r) { northwind.append(r); });
        for (int i = 0; i < 5; ++i)
            m_rig->tokens->getToken(armRequest(sample::kFabrikam),
                                    [&fabrikam](const TokenResponse& r) { fabrikam.append(r); });
        TokenRequest graphRequest = armRequest(sample::kNorthwind);
        graphRequest.scopes = {kGraphScope};
        m_rig->tokens->getToken(graphRequest, [&graph](const TokenResponse& r) { graph.append(r); });
        QCOMPARE(m_rig->tokens->refreshesInFlight(), 3);

        // Latecomers while the refresh is out join it.
        QTest::qWait(150);
        for (int i = 0; i < 10; ++i)
            m_rig->tokens->getToken(armRequest(sample::kNorthwind),
                                    [&northwind](const TokenResponse& r) { northwind.append(r); });

        QVERIFY(QTest::qWaitFor([&] { return northwind.size() == 30 && fabrikam.size() == 5 && graph.size() == 1; },
                                30000));
        QCOMPARE(m_rig->tokens->refreshesInFlight(), 0);
        QCOMPARE(refreshes(sample::kNorthwind), 2); // ARM and Graph
        QCOMPARE(refreshes(sample::kFabrikam), 1);
        QCOMPARE(refreshes(), 3);
        for (const TokenResponse& r : std::as_const(northwind)) {
            QVERIFY2(r.ok(), qPrintable(r.message));
            QVERIFY(r.accessToken == northwind.first().accessToken);
            QCOMPARE(r.tenantId, sample::kNorthwind);
        }
        for (const TokenResponse& r : std::as_const(fabrikam)) {
            QVERIFY(r.ok());
            QVERIFY(r.accessToken == fabrikam.first().accessToken);
        }
        QVERIFY(graph.first().ok());
        QVERIFY(m_rig->idp.accessTokenInfo(graph.first().accessToken.reveal())
                    ->audience.contains(QLatin1String("graph.microsoft.com")));
        QCOMPARE(m_rig->idp.accessTokenInfo(northwind.first().accessToken.reveal())->tenantId, sample::kNorthwind);
        QCOMPARE(m_rig->idp.accessTokenInfo(fabrikam.first().accessToken.reveal())->tenantId, sample::kFabrikam);

        // Now cached, per tenant: no more requests.
        QVERIFY(getToken(armRequest(sample::kNorthwind)).accessToken == northwind.first().accessToken);
        QVERIFY(getToken(armRequest(sample::kFabrikam)).accessToken == fabrikam.first().accessToken);
        QCOMPARE(refreshes(), 3);
        QCOMPARE(accessTokensOnDisk(sample::kNorthwind).size(), 2);
        QCOMPARE(accessTokensOnDisk(sample::kFabrikam).size(), 1);
    }

    // The identity provider rotates refresh tokens and kills the old ones: the rotated one is kept, so
    // the next tenant's refresh still works.
    void rotatedRefreshTokenIsKept()
    {
        m_rig->idp.setRefreshTokenRotation(TestIdentityProvider::RefreshTokenRotation::RevokeOld);
        const Secret before = m_rig->cacheOnDisk().refreshTokens().first().secret;
        QVERIFY(getToken(armRequest(sample::kNorthwind)).ok());
        const QList<RefreshToken> after = m_rig->cacheOnDisk().refreshTokens();
        QCOMPARE(after.size(), 1);
        QVERIFY(after.first().secret != before);
        QVERIFY(!m_rig->idp.isRefreshTokenValid(before.reveal()));
        QVERIFY(m_rig->idp.isRefreshTokenValid(after.first().secret.reveal()));
        const TokenResponse fabrikam = getToken(armRequest(sample::kFabrikam));
        QVERIFY2(fabrikam.ok(), qPrintable(fabrikam.message));
    }

    void notSignedIn()
    {
        const TokenResponse token =
            getToken(armRequest(sample::kNorthwind, QStringLiteral("nobody@northwind.example")));
        QCOMPARE(token.error, TokenResponse::Error::NotSignedIn);
        QVERIFY(token.message.contains(QLatin1String("nobody@northwind.example")));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Any), 0);
    }

    // A dead refresh token: every waiting caller hears it, and the UI is told once.
    void deadRefreshToken()
    {
        m_rig->idp.revokeRefreshTokens(sample::kSam);
        QList<QString> deadSignals;
        QString deadReason;
        connect(m_rig->tokens.get(), &TokenProvider::refreshTokenDead,
                [&deadSignals, &deadReason](const QString& homeAccountId, const QString& reason) {
                    deadSignals.append(homeAccountId);
                    deadReason = reason;
                });
        QList<TokenResponse> answers;
        for (int i = 0; i < 3; ++i)
            m_rig->tokens->getToken(armRequest(sample::kNorthwind),
                                    [&answers](const TokenResponse& r) { answers.append(r); });
        QVERIFY(QTest::qWaitFor([&] { return answers.size() == 3; }, 30000));
        for (const TokenResponse& r : std::as_const(answers)) {
            QCOMPARE(r.error, TokenResponse::Error::RefreshTokenDead);
            QCOMPARE(r.message,
                     QStringLiteral("The sign-in of %1 has expired or was revoked: sign in again.").arg(sample::kSam));
        }
        QCOMPARE(deadSignals, QList<QString>{sample::kSamHomeAccountId});
        // The UI hears the provider's own words (its code), not the sentence the callers got.
        QVERIFY2(deadReason.startsWith(QStringLiteral("AADSTS50173: The provided grant has expired")),
                 qPrintable(deadReason));
        QCOMPARE(refreshes(), 1);
        verifyNoSecretIn({answers.first().message});
    }

    // MFA tenant: InteractionRequired with the claims to sign in with; the signal names the tenant.
    // Refreshes for many tenants ending close together: every token reaches the cache on disk, in a few
    // cache writes (each a locked read-merge-write) instead of one after another per tenant.
    void refreshesEndingTogetherShareCacheWrites()
    {
        QStringList tenants;
        for (int i = 0; i < 12; ++i) {
            IdpTenant tenant;
            tenant.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            tenant.defaultDomain = QStringLiteral("t%1.example").arg(i);
            m_rig->idp.addTenant(tenant);
            tenants.append(tenant.id);
        }
        m_rig->idp.setLatency(IdpEndpoint::Token, 100);
        int writes = 0;
        connect(m_rig->cache.get(), &TokenCacheService::cacheChanged, this, [&writes] { ++writes; });
        int answered = 0;
        for (const QString& tenant : tenants)
            m_rig->tokens->getToken(armRequest(tenant),
                                    [&answered](const TokenResponse& token) { answered += token.ok() ? 1 : 0; });
        QVERIFY(QTest::qWaitFor([&] { return answered == tenants.size(); }, 30000));
        QCOMPARE(refreshes(), tenants.size());
        for (const QString& tenant : tenants)
            QCOMPARE(accessTokensOnDisk(tenant).size(), 1);
        QVERIFY2(writes > 0 && writes <= tenants.size() / 2, qPrintable(QString::number(writes)));
    }

    void interactionRequiredForAnMfaTenant()
    {
        QStringList tenants;
        QString signalledClaims;
        connect(m_rig->tokens.get(), &TokenProvider::interactionRequired,
                [&](const QString& homeAccountId, const QString& tenantId, const QString&, const QString& claims) {
                    QCOMPARE(homeAccountId, sample::kSamHomeAccountId);
                    tenants.append(tenantId);
                    signalledClaims = claims;
                });
        const TokenResponse contoso = getToken(armRequest(sample::kContoso));
        QCOMPARE(contoso.error, TokenResponse::Error::InteractionRequired);
        QVERIFY(!contoso.claims.isEmpty());
        QCOMPARE(signalledClaims, contoso.claims);
        QCOMPARE(tenants, QStringList{sample::kContoso});
        QVERIFY2(contoso.message.startsWith(QLatin1String("AADSTS50076")), qPrintable(contoso.message));
        QVERIFY(getToken(armRequest(sample::kNorthwind)).ok());
        verifyNoSecretIn({contoso.message});
    }

    void serverDownIsANetworkError()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::Token).repeat(-1));
        const TokenResponse token = getToken(armRequest(sample::kNorthwind));
        QCOMPARE(token.error, TokenResponse::Error::Network);
        QCOMPARE(token.message, QStringLiteral("The identity provider did not answer (HTTP 500)."));
        verifyNoSecretIn({token.message});
    }

    // Only another family client (Azure PowerShell) left a refresh token: it is used (FOCI).
    void familyRefreshToken()
    {
        IdentityRig other;
        TokenClient powerShell(other.http.get(), other.authority.get(), kPowerShellClientId, other.clock);
        InProcessAuthorizationBrowser browser(&other.idp);
        browser.user = sample::kSam;
        AuthCodeFlow flow(&powerShell, &browser);
        std::optional<Grant> grant;
        connect(&flow, &AuthCodeFlow::succeeded, [&grant](const TokenGrantResult& result, const QString& realm) {
            grant = Grant{result, realm};
        });
        AuthCodeRequest request;
        request.scopes = {kArmScope};
        flow.start(request);
        QVERIFY(QTest::qWaitFor([&] { return grant.has_value(); }, 30000));
        QCOMPARE(grant->result.foci, QStringLiteral("1"));
        TokenResponseContext context;
        context.environment = other.environment();
        context.clientId = kPowerShellClientId;
        context.realm = grant->realm;
        context.requestedScopes = TokenClient::decoratedScope({kArmScope}).split(u' ');
        context.now = other.clock.nowSecs();
        context.createAccount = true;
        const TokenGrantResult result = grant->result;
        QVERIFY(await<CacheOutcome>([&](TokenCacheService::Done done) {
                    other.cache->modify([&](MsalCache& c) { writeTokenResponse(c, result, context); }, done);
                }).ok);
        other.idp.clearRequests();

        const TokenResponse token = await<TokenResponse>(
            [&](TokenProvider::Done done) { other.tokens->getToken(armRequest(sample::kNorthwind), done); });
        QVERIFY2(token.ok(), qPrintable(token.message));
        QCOMPARE(other.idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
        QCOMPARE(other.idp.requests().last().clientId, kAzureCliClientId);
        QCOMPARE(other.idp.accessTokenInfo(token.accessToken.reveal())->clientId, kAzureCliClientId);
    }
};

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "TestTokenProvider.moc"
