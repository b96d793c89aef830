// An account whose sign-in a broker holds (WAM, az's default on Windows since 2.61; newer MSAL's macOS
// and Linux brokers): MSAL Python caches the broker's Account, ID and access tokens but no refresh token
// (tests/data/msal-newer-shapes/broker_token_cache.json). Tenantry serves the cached tokens, calls the
// account signed in, and when a new token is needed says that az renews it: never "sign in again".

#include "account/AccountTreeModel.h"
#include "account/BrokerHeldAccount.h"
#include "fakes/IdentityRig.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/SampleCache.h"
#include "fakes/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kAzureHost = QStringLiteral("login.microsoftonline.com");
const qint64 kTokenExpiry = 1795426247; // expires_on of the fixture's access tokens

MsalCache brokerCache()
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(readFile(dataPath(QStringLiteral("msal-newer-shapes/broker_token_cache.json"))), &cache,
                          &error))
        qFatal("the broker fixture does not parse");
    return cache;
}

bool heldByBroker(const MsalCache& cache)
{
    return isHeldByBroker(cache, sample::kSamHomeAccountId, kAzureHost, kAzureCliClientId);
}

TokenRequest armRequest(const QString& tenant)
{
    TokenRequest request;
    request.scopes = {TestIdentityProvider::kArmScope};
    request.tenantId = tenant;
    request.username = sample::kSam;
    return request;
}

} // namespace

class TestBrokerHeldAccount : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    QStringList m_signInSignals;

    // The rig's cache holds the fixture's entries under the test provider's host, as the broker wrote them.
    void useBrokerCache()
    {
        m_rig = std::make_unique<IdentityRig>();
        const MsalCache fixture = brokerCache();
        const QString environment = m_rig->environment();
        QVERIFY(await<CacheOutcome>([&](TokenCacheService::Done done) {
                    m_rig->cache->modify(
                        [&](MsalCache& cache) {
                            copyAccountEntries(fixture, environment, sample::kSamHomeAccountId, &cache);
                        },
                        done);
                }).ok);
        connect(m_rig->tokens.get(), &TokenProvider::refreshTokenDead, this,
                [this](const QString& homeAccountId, const QString&) { m_signInSignals.append(homeAccountId); });
        connect(m_rig->tokens.get(), &TokenProvider::interactionRequired, this,
                [this](const QString&, const QString& tenantId, const QString&, const QString&) {
                    m_signInSignals.append(tenantId);
                });
    }

    TokenResponse getToken(const TokenRequest& request)
    {
        return await<TokenResponse>(
            [&](TokenProvider::Done done) { m_rig->tokens->getToken(request, std::move(done)); });
    }

private slots:
    void init() { m_signInSignals.clear(); }
    void cleanup() { m_rig.reset(); }

    // The fixture is what MSAL Python >= 1.25 writes for a broker answer: Account entries with
    // account_source "broker", targets sorted, and no RefreshToken section at all.
    void fixtureHasTheBrokerShape()
    {
        const MsalCache cache = brokerCache();
        QVERIFY(!cache.document().contains("RefreshToken"));
        QCOMPARE(cache.accounts().size(), 2);
        for (const Account& a : cache.accounts())
            QCOMPARE(a.accountSource, QStringLiteral("broker"));
        for (const AccessToken& t : cache.accessTokens()) {
            QStringList sorted = t.scopes();
            sorted.sort();
            QCOMPARE(t.scopes(), sorted);
            QCOMPARE(t.tokenType, QStringLiteral("bearer"));
        }
        QVERIFY(heldByBroker(cache));
    }

    void ruleFollowsTheCache()
    {
        // A refresh token of the account (az signed in again without the broker): it renews as usual.
        MsalCache withRefreshToken = brokerCache();
        copyAccountEntries(azSampleCache(), kAzureHost, sample::kSamHomeAccountId, &withRefreshToken,
                           /*withAccounts=*/false);
        QVERIFY(!withRefreshToken.refreshTokens().isEmpty());
        QVERIFY(!heldByBroker(withRefreshToken));

        // An older MSAL wrote no account_source: access tokens without a refresh token are the broker's.
        Json document = brokerCache().document();
        for (auto& entry : document["Account"])
            entry.erase("account_source");
        const MsalCache unnamed = MsalCache::fromDocument(document);
        QVERIFY(heldByBroker(unnamed));
        // ... and without any token of the account there is nothing of a broker's: not broker-held.
        document["AccessToken"] = Json::object();
        QVERIFY(!heldByBroker(MsalCache::fromDocument(document)));

        // Established by a browser sign-in, its refresh token gone: that account signs in again.
        MsalCache browser = unnamed;
        for (Account a : browser.accounts()) {
            a.accountSource = QStringLiteral("authorization_code");
            browser.upsert(a);
        }
        QVERIFY(!heldByBroker(browser));

        // Another user's tokens say nothing about Sam.
        QVERIFY(!isHeldByBroker(brokerCache(), QStringLiteral("someone.else"), kAzureHost, kAzureCliClientId));
    }

    // A valid cached token is served as it is, without a request to the identity provider.
    void cachedTokenIsServed()
    {
        useBrokerCache();
        m_rig->clock.setSecs(kTokenExpiry - 3600);
        const TokenResponse token = getToken(armRequest(sample::kNorthwind));
        QVERIFY2(token.ok(), qPrintable(token.message));
        QCOMPARE(token.expiresOn, kTokenExpiry);
        QCOMPARE(token.homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Any), 0);
    }

    // No valid token: HeldByBroker, which no sign-in cures, said plainly; nothing asks for a sign-in.
    void newTokenIsHeldByBroker()
    {
        useBrokerCache();
        m_rig->clock.setSecs(kTokenExpiry - 299);
        const QList<TokenRequest> requests = {armRequest(sample::kNorthwind), armRequest(sample::kFabrikam)};
        for (const TokenRequest& request : requests) {
            const TokenResponse token = getToken(request);
            QCOMPARE(token.error, TokenResponse::Error::HeldByBroker);
            QVERIFY(!token.needsInteractiveSignIn());
            QCOMPARE(token.homeAccountId, sample::kSamHomeAccountId);
            QCOMPARE(token.message,
                     QStringLiteral("The sign-in of sam@northwind.example is held by the broker az signed in with; "
                                    "no valid access token for %1 in tenant %2 is cached, and only az can get a new "
                                    "one.")
                         .arg(TestIdentityProvider::kArmScope, request.tenantId));
            QVERIFY(!token.message.contains(QLatin1String("sign in again")));
        }
        QCOMPARE(m_signInSignals, QStringList());
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Any), 0);
        QCOMPARE(m_rig->tokens->refreshesInFlight(), 0);
    }

    // Discovery of a tenant without a valid token marks it held by the broker, not needing a sign-in.
    void discoveryMarksTheTenantHeldByBroker()
    {
        useBrokerCache();
        m_rig->clock.setSecs(kTokenExpiry + 60);
        const DiscoveryResult result = await<DiscoveryResult>([&](std::function<void(const DiscoveryResult&)> done) {
            m_rig->discovery->discover(sample::kSam, sample::kFabrikam, std::move(done));
        });
        QVERIFY(result.ok());
        QCOMPARE(result.tenants.size(), 1);
        QCOMPARE(result.tenants.first().state, TenantStatus::State::HeldByBroker);
        QVERIFY(result.tenants.first().reason.contains(QLatin1String("held by the broker")));
        QCOMPARE(m_signInSignals, QStringList());
    }

    // The accounts picture: signed in, its tenants too, saying the broker holds the sign-in; a rejected
    // refresh token (there is none here) never turns it into "Sign-in expired".
    void accountAndTenantsShowSignedIn()
    {
        MockClock clock(kTokenExpiry - 3600);
        AccountDirectory directory(kAzureCliClientId);
        AccountTreeModel model(&directory, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Subscription> subscriptions = {
            northwindSubscription(sample::kNorthwindProduction, QStringLiteral("Northwind Production"))};
        directory.rebuild(brokerCache(), subscriptions);

        QCOMPARE(directory.accounts().size(), 1);
        QVERIFY(directory.accounts().first().heldByBroker);
        QVERIFY(directory.accounts().first().signedIn());
        const QModelIndex account = model.index(0, 0);
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("1 tenant(s)"));
        QVERIFY(account.data(AccountTreeModel::SignedInRole).toBool());
        QVERIFY(account.data(AccountTreeModel::HeldByBrokerRole).toBool());
        QVERIFY(!account.data(AccountTreeModel::HasRefreshTokenRole).toBool());
        QVERIFY(account.data(Qt::ToolTipRole).toString().contains(AccountTreeModel::heldByBrokerText()));

        QCOMPARE(model.rowCount(account), 1);
        const QModelIndex tenant = model.index(0, AccountTreeModel::StatusColumn, account);
        QCOMPARE(tenant.data(AccountTreeModel::TenantStateRole).toInt(), static_cast<int>(TenantState::SignedIn));
        QCOMPARE(tenant.data().toString(), QStringLiteral("Signed in through the broker"));
        QVERIFY(tenant.data(Qt::ToolTipRole).toString().contains(AccountTreeModel::heldByBrokerText()));
        QCOMPARE(model.rowCount(model.index(0, 0, account)), 1); // its subscription, as az lists it
        const QModelIndex expires = model.index(0, AccountTreeModel::ExpiresColumn, account);
        QCOMPARE(expires.data().toString(), QStringLiteral("1:00:00"));
        clock.setSecs(kTokenExpiry + 1);
        QCOMPARE(expires.data().toString(), QStringLiteral("expired — az renews it"));

        directory.setSignInExpired(sample::kSamHomeAccountId);
        directory.rebuild(brokerCache(), subscriptions);
        QCOMPARE(tenant.data(AccountTreeModel::TenantStateRole).toInt(), static_cast<int>(TenantState::SignedIn));
        QVERIFY(model.index(0, AccountTreeModel::StatusColumn).data().toString() != QStringLiteral("Sign-in expired"));
    }
};

QTEST_GUILESS_MAIN(TestBrokerHeldAccount)
#include "TestBrokerHeldAccount.moc"
