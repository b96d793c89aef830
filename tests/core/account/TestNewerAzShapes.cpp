// The shapes current az (2.61+) and MSAL Python (1.25+) write, from the fixtures in
// tests/data/msal-newer-shapes/, against the core and the test identity provider:
// - AccessToken entries whose target lists the scopes sorted (MSAL >= 1.2x sorts them; 1.21 wrote the
//   response's order): the token is found, and its renewal replaces the entry instead of adding one;
// - Account entries with account_source (authorization_code, the device-code grant URN): kept byte for
//   byte when Tenantry rewrites the file;
// - an ARM 401 with `WWW-Authenticate: Bearer ... error="insufficient_claims", claims="<base64>"`
//   (continuous access evaluation): the tenant needs a sign-in and that sign-in carries the claims.
// The fixtures name login.microsoftonline.com; here the provider is the cache environment, so the test
// puts its address in their place, and the refresh token the provider issued in place of the fixture's.

#include "TestConfig.h"
#include "account/InteractiveSignIn.h"
#include "azure/ArmClient.h"
#include "fakes/FakeBrowser.h"
#include "fakes/IdentityRig.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kFixtures = QStringLiteral(TENANTRY_TEST_DATA_DIR "/msal-newer-shapes/");
const QString kSortedArmTarget = QStringLiteral(
    "https://management.core.windows.net//.default https://management.core.windows.net//user_impersonation");

QByteArray readFixture(const QString& name)
{
    QFile file(kFixtures + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Json parsed(const QByteArray& bytes)
{
    auto result = json::parse(bytes);
    return result.value && result.value->is_object() ? *result.value : Json::object();
}

// The WWW-Authenticate header of the fixture's ARM 401.
QByteArray fixtureChallenge()
{
    const Json answer = parsed(readFixture(QStringLiteral("arm-401-insufficient-claims.json")));
    const Json headers = answer.value("headers", Json::object());
    return QByteArray::fromStdString(headers.value("WWW-Authenticate", std::string()));
}

Json section(const QString& path, const char* name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json::object();
    const Json document = parsed(file.readAll());
    const auto it = document.find(name);
    return it != document.end() && it->is_object() ? *it : Json::object();
}

} // namespace

class TestNewerAzShapes : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<IdentityRig> m_rig;
    Json m_fixture; // msal_token_cache.json of the fixture as placed in the rig's config dir

    TokenResponse armToken(const QString& tenant)
    {
        TokenRequest request;
        request.scopes = {kArmScope};
        request.tenantId = tenant;
        request.username = sample::kSam;
        return await<TokenResponse>(
            [&](TokenProvider::Done done) { m_rig->tokens->getToken(request, std::move(done)); });
    }

    // The fixture cache as the rig's msal_token_cache.json: the provider's environment and refresh token.
    void placeCacheFixture()
    {
        m_rig->signInToCache(); // for a refresh token the provider knows
        const QList<RefreshToken> issued = m_rig->cacheOnDisk().refreshTokens();
        QCOMPARE(issued.size(), 1);
        QByteArray bytes = readFixture(QStringLiteral("msal_token_cache.json"));
        QVERIFY(!bytes.isEmpty());
        const Json refreshTokens = parsed(bytes).value("RefreshToken", Json::object());
        QCOMPARE(refreshTokens.size(), std::size_t(1));
        const std::string fixtureSecret = refreshTokens.begin().value().value("secret", std::string());
        QVERIFY(!fixtureSecret.empty());
        bytes.replace(QByteArray::fromStdString(fixtureSecret), issued.first().secret.reveal().toUtf8());
        bytes.replace("login.microsoftonline.com", m_rig->environment().toUtf8());
        m_fixture = parsed(bytes);
        QFile file(m_rig->cacheFilePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        const CacheOutcome loaded =
            await<CacheOutcome>([this](TokenCacheService::Done done) { m_rig->cache->load(std::move(done)); });
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        m_rig->idp.clearRequests();
    }

    QList<AccessToken> armTokensOnDisk(const QString& realm) const
    {
        QList<AccessToken> found;
        for (const AccessToken& token : m_rig->cacheOnDisk().accessTokens()) {
            if (token.realm == realm && token.target.contains(QLatin1String("management.core.windows.net")))
                found.append(token);
        }
        return found;
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

    void sortedTargetIsFoundAndRenewedInPlace()
    {
        placeCacheFixture();
        const QList<AccessToken> before = armTokensOnDisk(sample::kNorthwind);
        QCOMPARE(before.size(), 1);
        QCOMPARE(before.first().target, kSortedArmTarget);

        m_rig->clock.setSecs(before.first().expiresOn - 600);
        const TokenResponse cached = armToken(sample::kNorthwind);
        QVERIFY2(cached.ok(), qPrintable(cached.message));
        QVERIFY(cached.accessToken == before.first().secret);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);

        // Under five minutes left: renewed, and the new token takes the old one's place.
        m_rig->clock.setSecs(before.first().expiresOn - 60);
        const TokenResponse renewed = armToken(sample::kNorthwind);
        QVERIFY2(renewed.ok(), qPrintable(renewed.message));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
        const QList<AccessToken> after = armTokensOnDisk(sample::kNorthwind);
        QCOMPARE(after.size(), 1);
        QVERIFY(after.first().secret == renewed.accessToken);
        QVERIFY(!(after.first().secret == before.first().secret));
        // And it is found again without a second renewal.
        QVERIFY(armToken(sample::kNorthwind).accessToken == renewed.accessToken);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
    }

    void accountSourceIsKeptOnARewrite()
    {
        placeCacheFixture();
        const Json accountsBefore = m_fixture["Account"];
        QStringList sources;
        for (const auto& [key, entry] : accountsBefore.items())
            sources << json::toQString(entry.value("account_source", Json()));
        sources.sort();
        QCOMPARE(sources, (QStringList{QStringLiteral("authorization_code"), kDeviceCodeGrant}));

        // A renewal rewrites the file.
        m_rig->clock.setSecs(armTokensOnDisk(sample::kNorthwind).first().expiresOn - 60);
        QVERIFY(armToken(sample::kNorthwind).ok());
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
        const Json accountsAfter = section(m_rig->cacheFilePath(), "Account");
        QCOMPARE(accountsAfter.size(), accountsBefore.size());
        for (const auto& [key, entry] : accountsBefore.items()) {
            const auto it = accountsAfter.find(key);
            QVERIFY2(it != accountsAfter.end(), key.c_str());
            QCOMPARE(QByteArray::fromStdString(it->dump()), QByteArray::fromStdString(entry.dump()));
        }
    }

    void armClaimsChallengeFixtureIsRead()
    {
        const QByteArray header = fixtureChallenge();
        QCOMPARE(parseClaimsChallenge(header),
                 QStringLiteral("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1795422100\"}}}"));
        // Not a claims challenge, or claims that are no JSON object: none.
        QCOMPARE(parseClaimsChallenge("Bearer authorization_uri=\"https://x\", error=\"invalid_token\""), QString());
        QCOMPARE(parseClaimsChallenge("Bearer error=\"insufficient_claims\", claims=\"bm90IGpzb24=\""), QString());
        QCOMPARE(parseClaimsChallenge("Bearer error=\"insufficient_claims\", claims=\"%%%\""), QString());
        QCOMPARE(parseClaimsChallenge("Bearer error=\"insufficient_claims\", claims=\"e30\""), QStringLiteral("{}"));
        QCOMPARE(parseClaimsChallenge(QByteArray(20000, '"')), QString());
    }

    // ARM answers the guest tenant's token with the fixture's challenge: that tenant needs a sign-in (the
    // others are reached), and the sign-in to it hands the claims to the authorize request.
    void armClaimsChallengeReachesTheNextSignIn()
    {
        const QString claims = parseClaimsChallenge(fixtureChallenge());
        QVERIFY(!claims.isEmpty());
        m_rig->idp.setArmClaimsChallenge(sample::kFabrikam, claims);

        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        InteractiveSignIn first(m_rig->client.get(), m_rig->signIn.get(), m_rig->clock, kArmScope);
        std::optional<SignInResult> firstResult;
        connect(&first, &InteractiveSignIn::completed, this, [&](const SignInResult& r) { firstResult = r; });
        QVERIFY(first.startWithBrowser({}, &browser));
        QVERIFY(QTest::qWaitFor([&] { return firstResult.has_value(); }, 60000));
        std::optional<TenantStatus> fabrikam;
        for (const TenantStatus& status : firstResult->tenantsNeedingSignIn()) {
            if (status.tenant.tenantId == sample::kFabrikam)
                fabrikam = status;
        }
        QVERIFY(fabrikam);
        QCOMPARE(fabrikam->state, TenantStatus::State::NeedsSignIn);
        QCOMPARE(fabrikam->claims, claims);

        InteractiveSignIn second(m_rig->client.get(), m_rig->signIn.get(), m_rig->clock, kArmScope);
        std::optional<SignInResult> secondResult;
        connect(&second, &InteractiveSignIn::completed, this, [&](const SignInResult& r) { secondResult = r; });
        SignInRequest request;
        request.tenant = sample::kFabrikam;
        request.loginHint = sample::kSam;
        request.claims = fabrikam->claims;
        QVERIFY(second.startWithBrowser(request, &browser));
        QVERIFY(QTest::qWaitFor([&] { return secondResult.has_value(); }, 60000));
        const QUrl authorize = browser.opened.last();
        QCOMPARE(QUrlQuery(authorize).queryItemValue(QStringLiteral("claims"), QUrl::FullyDecoded),
                 TokenClient::claimsParameter(claims));
        bool fabrikamReached = false;
        for (const TenantStatus& status : secondResult->discovery.tenants)
            fabrikamReached |=
                status.tenant.tenantId == sample::kFabrikam && status.state == TenantStatus::State::SignedIn;
        QVERIFY(fabrikamReached);
    }
};

QTEST_GUILESS_MAIN(TestNewerAzShapes)
#include "TestNewerAzShapes.moc"
