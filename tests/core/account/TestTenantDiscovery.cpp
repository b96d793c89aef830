// Tenant discovery after a sign-in (core/account/TenantDiscovery) against the test identity provider:
// tenants from ARM, a token per tenant by refresh, all tenants at once but bounded, an MFA tenant marked
// with its reason while the others' subscriptions (across nextLink pages) are listed.

#include "account/TenantDiscovery.h"
#include "fakes/IdentityRig.h"
#include "store/FileLock.h"

#include <QTimer>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const TenantStatus* find(const DiscoveryResult& result, const QString& tenantId)
{
    for (const TenantStatus& status : result.tenants) {
        if (status.tenant.tenantId == tenantId)
            return &status;
    }
    return nullptr;
}

// The requests to one endpoint (and tenant, by path or token) in the order they reached the provider.
QList<IdpRequestRecord> requestsTo(const TestIdentityProvider& idp, IdpEndpoint endpoint, const QString& tenant = {})
{
    QList<IdpRequestRecord> found;
    for (const IdpRequestRecord& record : idp.requests()) {
        if (record.endpoint == endpoint &&
            (tenant.isEmpty() || record.tenant == tenant || record.issuedTenant == tenant))
            found.append(record);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return found;
}

QStringList subscriptionIds(const TenantStatus& status)
{
    QStringList ids;
    for (const ArmSubscription& s : status.subscriptions)
        ids.append(s.subscriptionId);
    return ids;
}

} // namespace

class TestTenantDiscovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    DiscoveryResult discover(const QString& user = sample::kSam, const QString& onlyTenant = {})
    {
        return await<DiscoveryResult>([&](std::function<void(const DiscoveryResult&)> done) {
            m_rig->discovery->discover(user, onlyTenant, std::move(done));
        });
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

    void everyTenantWithAnMfaTenantMarked()
    {
        m_rig->idp.setArmPageSize(1);
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.username, sample::kSam);
        QCOMPARE(result.homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(result.tenants.size(), 3);
        QCOMPARE(result.tenants.at(0).tenant.tenantId, sample::kNorthwind); // ARM's order
        QCOMPARE(result.tenants.at(1).tenant.tenantId, sample::kFabrikam);
        QCOMPARE(result.tenants.at(2).tenant.tenantId, sample::kContoso);

        const TenantStatus& northwind = result.tenants.at(0);
        QCOMPARE(northwind.state, TenantStatus::State::SignedIn);
        QCOMPARE(northwind.tenant.displayName, QStringLiteral("Northwind"));
        QCOMPARE(subscriptionIds(northwind), (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev}));
        QVERIFY(northwind.tokenExpiresOn > m_rig->clock.nowSecs() + 3000);
        QVERIFY(northwind.reason.isEmpty());

        const TenantStatus& fabrikam = result.tenants.at(1);
        QCOMPARE(fabrikam.state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(fabrikam), QStringList{sample::kFabrikamShared});

        const TenantStatus& contoso = result.tenants.at(2);
        QCOMPARE(contoso.state, TenantStatus::State::NeedsSignIn);
        QVERIFY2(contoso.reason.contains(QLatin1String("multi-factor authentication")), qPrintable(contoso.reason));
        QVERIFY(!contoso.claims.isEmpty());
        QVERIFY(contoso.subscriptions.isEmpty());

        // One refresh per tenant (the organizations token came from the cache), pages followed.
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 3);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), 3);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmSubscriptions), 3); // 2 pages + 1
        // The per-tenant tokens are cached for az.
        for (const QString& tenant : {sample::kNorthwind, sample::kFabrikam}) {
            bool cached = false;
            for (const AccessToken& token : m_rig->cacheOnDisk().accessTokens())
                cached = cached || token.realm == tenant;
            QVERIFY2(cached, qPrintable(tenant));
        }
    }

    // A tenant's subscriptions are listed as soon as its token is issued, while the token's cache write waits
    // (here for az, holding the cache file's lock); the result comes once the writes ended, the tokens on disk.
    void subscriptionsListedWhileTheTokensAreBeingCached()
    {
        FileLock azHoldsTheCache(m_rig->cacheFilePath() + QStringLiteral(".lockfile"));
        QVERIFY(azHoldsTheCache.acquire());
        int listedWhileLocked = -1;
        bool released = false;
        QTimer::singleShot(1500, [&] {
            listedWhileLocked = requestsTo(m_rig->idp, IdpEndpoint::ArmSubscriptions).size();
            azHoldsTheCache.release();
            released = true;
        });
        std::optional<DiscoveryResult> result;
        bool answeredAfterRelease = false;
        m_rig->discovery->discover(sample::kSam, {}, [&](const DiscoveryResult& r) {
            answeredAfterRelease = released;
            result = r;
        });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
        QVERIFY2(result->ok(), qPrintable(result->error));
        QCOMPARE(result->tenants.at(0).state, TenantStatus::State::SignedIn);
        QCOMPARE(result->tenants.at(1).state, TenantStatus::State::SignedIn);
        // Northwind's and Fabrikam's subscriptions, asked for before az let go of the cache...
        QCOMPARE(listedWhileLocked, 2);
        // ...and the answer only once their tokens were written.
        QVERIFY(answeredAfterRelease);
        for (const QString& tenant : {sample::kNorthwind, sample::kFabrikam}) {
            bool cached = false;
            for (const AccessToken& token : m_rig->cacheOnDisk().accessTokens())
                cached = cached || token.realm == tenant;
            QVERIFY2(cached, qPrintable(tenant));
        }
    }

    // All tenants at once, but never more requests in flight than the HTTP client allows.
    void concurrentButBounded()
    {
        for (int i = 0; i < 10; ++i) {
            IdpTenant tenant;
            tenant.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            tenant.displayName = QStringLiteral("Tenant %1").arg(i);
            tenant.defaultDomain = QStringLiteral("t%1.example").arg(i);
            m_rig->idp.addTenant(tenant);
            IdpSubscription subscription;
            subscription.id = QStringLiteral("10000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            subscription.displayName = QStringLiteral("Subscription %1").arg(i);
            m_rig->idp.addSubscription(tenant.id, subscription);
        }
        m_rig->http->setMaxInFlightPerHost(4);
        m_rig->idp.setLatency(IdpEndpoint::Token, 250);
        m_rig->idp.setLatency(IdpEndpoint::OpenIdConfiguration, 100);
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.tenants.size(), 13);
        int signedIn = 0;
        for (const TenantStatus& status : result.tenants)
            signedIn += status.state == TenantStatus::State::SignedIn ? 1 : 0;
        QCOMPARE(signedIn, 12); // all but Contoso
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 13);
        const int maxTokens = m_rig->idp.maxInFlight(IdpEndpoint::Token);
        QVERIFY2(maxTokens >= 2 && maxTokens <= 4, qPrintable(QString::number(maxTokens)));
        QVERIFY(m_rig->idp.maxInFlight(IdpEndpoint::Any) <= 4);
    }

    // az login --tenant T: only that tenant, no tenant list.
    void onlyOneTenant()
    {
        const DiscoveryResult result = discover(sample::kSam, sample::kFabrikam);
        QVERIFY(result.ok());
        QCOMPARE(result.tenants.size(), 1);
        QCOMPARE(result.tenants.first().state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(result.tenants.first()), QStringList{sample::kFabrikamShared});
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), 0);
    }

    // After an interactive sign-in to the MFA tenant, it is reachable like the others.
    void mfaTenantAfterItsOwnSignIn()
    {
        m_rig->storeSignIn(m_rig->interactiveSignIn(sample::kContoso));
        const DiscoveryResult result = discover();
        QVERIFY(result.ok());
        const TenantStatus* contoso = find(result, sample::kContoso);
        QVERIFY(contoso);
        QCOMPARE(contoso->state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(*contoso), QStringList{sample::kContosoGuarded});
    }

    // ARM refuses one tenant's token (401): that tenant needs a sign-in; the others are listed.
    void armRefusesOneTenant()
    {
        // Northwind's token is cached and outlives the organizations one; then ARM forgets every token.
        m_rig->clock.advance(1000);
        QVERIFY(await<TokenResponse>([&](TokenProvider::Done done) {
                    m_rig->tokens->getToken({{kArmScope}, sample::kNorthwind, sample::kSam}, std::move(done));
                }).ok());
        m_rig->idp.revokeAccessTokens();
        m_rig->clock.advance(2400); // the organizations token is now refreshed, Northwind's still used
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        const TenantStatus* northwind = find(result, sample::kNorthwind);
        QCOMPARE(northwind->state, TenantStatus::State::NeedsSignIn);
        QVERIFY2(northwind->reason.endsWith(QLatin1String("(HTTP 401)")), qPrintable(northwind->reason));
        QCOMPARE(find(result, sample::kFabrikam)->state, TenantStatus::State::SignedIn);
        QCOMPARE(find(result, sample::kContoso)->state, TenantStatus::State::NeedsSignIn);
    }

    // ARM lists with junk in every page, and one tenant whose subscription list is not a list at all: the
    // junk is skipped (and counted in the debug log), the strange tenant is an error, the others are listed.
    void strangeArmAnswersStopNoOtherTenant()
    {
        m_rig->idp.setArmPageSize(1);
        m_rig->idp.setArmJunkItems(Json::parse(R"([42, null, "x", [], true, {"displayName": "no id"}])"));
        m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::ArmSubscriptions, 200, R"({"value": "x", "nextLink": 7})")
                                .onlyTenant(sample::kFabrikam)
                                .repeat(-1));
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.tenants.size(), 3);
        const TenantStatus* northwind = find(result, sample::kNorthwind);
        QCOMPARE(northwind->state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(*northwind), (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev}));
        const TenantStatus* fabrikam = find(result, sample::kFabrikam);
        QCOMPARE(fabrikam->state, TenantStatus::State::Error);
        QCOMPARE(fabrikam->reason, QStringLiteral("Azure Resource Manager sent a list that is not a list."));
        QCOMPARE(find(result, sample::kContoso)->state, TenantStatus::State::NeedsSignIn);
        bool counted = false;
        for (const QString& line : LogCapture::messages())
            counted = counted || line.contains(QLatin1String("listed 5 entries that are not objects"));
        QVERIFY(counted);
    }

    // A tenant's refresh and subscriptions start when its page of /tenants arrives, while the next page is
    // already on its way; the result is what waiting for the whole list gave (ARM's order).
    void perTenantWorkStartsWithItsPage()
    {
        m_rig->idp.setArmPageSize(1);
        m_rig->idp.setLatency(IdpEndpoint::ArmTenants, 300);
        m_rig->idp.setLatency(IdpEndpoint::Token, 100);
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.tenants.size(), 3);
        QCOMPARE(result.tenants.at(0).tenant.tenantId, sample::kNorthwind);
        QCOMPARE(result.tenants.at(1).tenant.tenantId, sample::kFabrikam);
        QCOMPARE(result.tenants.at(2).tenant.tenantId, sample::kContoso);
        QCOMPARE(subscriptionIds(result.tenants.at(0)),
                 (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev}));

        const QList<IdpRequestRecord> pages = requestsTo(m_rig->idp, IdpEndpoint::ArmTenants);
        QCOMPARE(pages.size(), 3);
        const QList<IdpRequestRecord> refresh = requestsTo(m_rig->idp, IdpEndpoint::Token, sample::kNorthwind);
        QCOMPARE(refresh.size(), 1);
        const QList<IdpRequestRecord> subscriptions =
            requestsTo(m_rig->idp, IdpEndpoint::ArmSubscriptions, sample::kNorthwind);
        QVERIFY(!subscriptions.isEmpty());
        // Northwind (page 1) was refreshed and its subscriptions listed before page 2 was answered...
        QVERIFY2(refresh.first().receivedMs < pages.at(1).respondedMs,
                 qPrintable(QStringLiteral("refresh at %1 ms, page 2 answered at %2 ms")
                                .arg(refresh.first().receivedMs)
                                .arg(pages.at(1).respondedMs)));
        QVERIFY(subscriptions.first().receivedMs < pages.at(2).respondedMs);
        // ...and page 2 was asked for at once, not after Northwind's refresh.
        QVERIFY2(pages.at(1).receivedMs < refresh.first().respondedMs,
                 qPrintable(QStringLiteral("page 2 asked at %1 ms, refresh answered at %2 ms")
                                .arg(pages.at(1).receivedMs)
                                .arg(refresh.first().respondedMs)));
    }

    // Page 2 of the tenant list fails: the discovery fails, and says so, but page 1's tenant was looked at
    // to the end (its token cached, its subscriptions listed) before the answer came.
    void aFailingTenantPageKeepsTheTenantsBefore()
    {
        m_rig->idp.setArmPageSize(1);
        QObject::connect(
            &m_rig->idp, &TestIdentityProvider::requestFinished, &m_rig->idp, [this](const IdpRequestRecord& record) {
                if (record.endpoint == IdpEndpoint::ArmTenants && m_rig->idp.requestCount(IdpEndpoint::ArmTenants) == 1)
                    m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::ArmTenants, 404));
            });
        const DiscoveryResult result = discover();
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(QStringLiteral("Could not list the tenants of %1: ").arg(sample::kSam)),
                 qPrintable(result.error));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), 2);
        QCOMPARE(result.tenants.size(), 1);
        QCOMPARE(result.tenants.first().tenant.tenantId, sample::kNorthwind);
        QCOMPARE(result.tenants.first().state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(result.tenants.first()),
                 (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev}));
        QCOMPARE(m_rig->idp.inFlight(), 0); // nothing was left running
    }

    // One tenant's subscription page fails: that tenant is an error; the ones on the same and later
    // pages of the tenant list are all there.
    void aFailingSubscriptionPageLosesOnlyItsTenant()
    {
        m_rig->idp.setArmPageSize(1);
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::ArmSubscriptions, 404).onlyTenant(sample::kNorthwind));
        const DiscoveryResult result = discover();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.tenants.size(), 3);
        QCOMPARE(result.tenants.at(0).state, TenantStatus::State::Error);
        QVERIFY(result.tenants.at(0).subscriptions.isEmpty());
        QCOMPARE(result.tenants.at(1).state, TenantStatus::State::SignedIn);
        QCOMPARE(subscriptionIds(result.tenants.at(1)), QStringList{sample::kFabrikamShared});
        QCOMPARE(result.tenants.at(2).state, TenantStatus::State::NeedsSignIn);
    }

    void tenantListFails()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::ArmTenants, 503).repeat(-1));
        const DiscoveryResult result = discover();
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(QStringLiteral("Could not list the tenants of %1: ").arg(sample::kSam)),
                 qPrintable(result.error));
        QVERIFY(result.tenants.isEmpty());
    }

    // A server error for one tenant's token is an error for that tenant, not a sign-in request.
    void tokenErrorForOneTenant()
    {
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::Token).onlyTenant(sample::kFabrikam).repeat(-1));
        const DiscoveryResult result = discover();
        QVERIFY(result.ok());
        QCOMPARE(find(result, sample::kFabrikam)->state, TenantStatus::State::Error);
        QCOMPARE(find(result, sample::kFabrikam)->reason,
                 QStringLiteral("The identity provider did not answer (HTTP 500)."));
        QCOMPARE(find(result, sample::kNorthwind)->state, TenantStatus::State::SignedIn);
    }

    void unknownUser()
    {
        const DiscoveryResult result = discover(QStringLiteral("nobody@northwind.example"));
        QVERIFY(!result.ok());
        QVERIFY(result.error.contains(QLatin1String("nobody@northwind.example")));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Any), 0);
    }
};

QTEST_GUILESS_MAIN(TestTenantDiscovery)
#include "TestTenantDiscovery.moc"
