// Azure Resource Manager listings (core/azure/ArmClient) against the test identity provider's ARM:
// tenants and subscriptions across nextLink pages, 401 as "needs sign-in", retried throttling, server
// errors and unreadable answers, and a token never sent to a next page on another host.

#include "azure/ArmClient.h"
#include "fakes/IdentityRig.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

class TestArmClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    Secret armToken(const QString& tenant)
    {
        const TokenResponse token = await<TokenResponse>([&](TokenProvider::Done done) {
            m_rig->tokens->getToken({{kArmScope}, tenant, sample::kSam}, std::move(done));
        });
        if (!token.ok())
            qFatal("no ARM token for %s: %s", qPrintable(tenant), qPrintable(token.message));
        return token.accessToken;
    }

    ArmListing<ArmTenant> tenants(const Secret& token)
    {
        return await<ArmListing<ArmTenant>>([&](std::function<void(const ArmListing<ArmTenant>&)> done) {
            m_rig->arm->listTenants(token.reveal(), std::move(done));
        });
    }

    ArmListing<ArmSubscription> subscriptions(const Secret& token)
    {
        return await<ArmListing<ArmSubscription>>([&](std::function<void(const ArmListing<ArmSubscription>&)> done) {
            m_rig->arm->listSubscriptions(token.reveal(), std::move(done));
        });
    }

    void verifyNoSecretIn(const QStringList& texts, const QList<Secret>& secrets)
    {
        const QStringList leaks = leakedSecrets(texts + LogCapture::messages(), secrets);
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

    void tenantsAcrossPages()
    {
        m_rig->idp.setArmPageSize(1);
        const ArmListing<ArmTenant> listing = tenants(armToken(QStringLiteral("organizations")));
        QVERIFY2(listing.ok(), qPrintable(listing.error));
        QCOMPARE(listing.items.size(), 3);
        QCOMPARE(listing.items.at(0).tenantId, sample::kNorthwind);
        QCOMPARE(listing.items.at(0).displayName, QStringLiteral("Northwind"));
        QCOMPARE(listing.items.at(0).defaultDomain, QStringLiteral("northwind.example"));
        QCOMPARE(listing.items.at(0).category, QStringLiteral("Home"));
        QCOMPARE(listing.items.at(1).tenantId, sample::kFabrikam);
        QCOMPARE(listing.items.at(2).tenantId, sample::kContoso);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), 3);
        for (const IdpRequestRecord& record : m_rig->idp.requests()) {
            if (record.endpoint == IdpEndpoint::ArmTenants)
                QCOMPARE(record.apiVersion, QStringLiteral("2022-12-01"));
        }
    }

    void subscriptionsAcrossPages()
    {
        m_rig->idp.setArmPageSize(1);
        const ArmListing<ArmSubscription> northwind = subscriptions(armToken(sample::kNorthwind));
        QVERIFY2(northwind.ok(), qPrintable(northwind.error));
        QCOMPARE(northwind.items.size(), 2);
        QCOMPARE(northwind.items.at(0).subscriptionId, sample::kNorthwindProduction);
        QCOMPARE(northwind.items.at(0).displayName, QStringLiteral("Northwind Production"));
        QCOMPARE(northwind.items.at(0).state, QStringLiteral("Enabled"));
        QCOMPARE(northwind.items.at(0).homeTenantId, sample::kNorthwind);
        QCOMPARE(northwind.items.at(1).subscriptionId, sample::kNorthwindDev);
        QCOMPARE(northwind.items.at(1).state, QStringLiteral("Disabled"));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmSubscriptions), 2);

        const ArmListing<ArmSubscription> fabrikam = subscriptions(armToken(sample::kFabrikam));
        QVERIFY(fabrikam.ok());
        QCOMPARE(fabrikam.items.size(), 1);
        QCOMPARE(fabrikam.items.first().subscriptionId, sample::kFabrikamShared);
        QCOMPARE(fabrikam.items.first().homeTenantId, sample::kFabrikam);
        QCOMPARE(fabrikam.items.first().managedByTenants, QStringList{sample::kNorthwind});
    }

    // 401: the token's tenant needs a (new) sign-in.
    void unauthorized()
    {
        const Secret token = armToken(sample::kNorthwind);
        m_rig->idp.revokeAccessTokens();
        const ArmListing<ArmSubscription> listing = subscriptions(token);
        QVERIFY(!listing.ok());
        QVERIFY(listing.unauthorized());
        QCOMPARE(listing.httpStatus, 401);
        QVERIFY2(listing.error.endsWith(QLatin1String("(HTTP 401)")), qPrintable(listing.error));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmSubscriptions), 1);
        verifyNoSecretIn({listing.error}, {token});
    }

    void throttlingIsRetried()
    {
        m_rig->idp.addFault(IdpFault::tooManyRequests(IdpEndpoint::ArmSubscriptions, 1));
        const ArmListing<ArmSubscription> listing = subscriptions(armToken(sample::kNorthwind));
        QVERIFY2(listing.ok(), qPrintable(listing.error));
        QCOMPARE(listing.items.size(), 2);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmSubscriptions), 2);
    }

    void serverErrorAndGarbage()
    {
        const Secret token = armToken(sample::kNorthwind);
        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::ArmSubscriptions).repeat(-1));
        const ArmListing<ArmSubscription> failing = subscriptions(token);
        QVERIFY(!failing.ok());
        QVERIFY(!failing.unauthorized());
        QCOMPARE(failing.httpStatus, 500);
        QVERIFY2(failing.error.startsWith(QLatin1String("Encountered internal server error")),
                 qPrintable(failing.error));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmSubscriptions), RetryPolicy().maxAttempts);

        m_rig->idp.clearFaults();
        m_rig->idp.addFault(IdpFault::garbageJson(IdpEndpoint::ArmSubscriptions));
        const ArmListing<ArmSubscription> garbage = subscriptions(token);
        QCOMPARE(garbage.error, QStringLiteral("Azure Resource Manager sent an unreadable answer."));
        verifyNoSecretIn({failing.error, garbage.error}, {token});
    }

    // Items that are not objects are skipped, the rest kept; how many were skipped goes to the debug log.
    void junkItemsAreSkipped()
    {
        m_rig->idp.setArmJunkItems(Json::parse(R"([42, null, "x", [], true, {"displayName": "no id"}])"));
        const ArmListing<ArmSubscription> listing = subscriptions(armToken(sample::kNorthwind));
        QVERIFY2(listing.ok(), qPrintable(listing.error));
        QCOMPARE(listing.items.size(), 2);
        QCOMPARE(listing.items.at(0).subscriptionId, sample::kNorthwindProduction);
        const ArmListing<ArmTenant> tenantList = tenants(armToken(QStringLiteral("organizations")));
        QVERIFY2(tenantList.ok(), qPrintable(tenantList.error));
        QCOMPARE(tenantList.items.size(), 3);
        bool counted = false;
        for (const QString& line : LogCapture::messages())
            counted = counted || line.contains(QLatin1String("/subscriptions listed 5 entries that are not objects"));
        QVERIFY(counted);
    }

    // A list that is not a list, fields of the wrong type, a nextLink that is no string: an error or an
    // empty field, never a throw.
    void mistypedListsNeverThrow()
    {
        const Secret token = armToken(sample::kNorthwind);
        struct Case
        {
            QByteArray body;
            QString error;
            int items;
        };
        const QList<Case> cases = {
            {R"({"value": {"subscriptionId": "s1"}})",
             QStringLiteral("Azure Resource Manager sent a list that is not a list."), 0},
            {R"({"value": "x"})", QStringLiteral("Azure Resource Manager sent a list that is not a list."), 0},
            {R"({"value": [], "nextLink": 42})",
             QStringLiteral("Azure Resource Manager sent an unreadable next page link."), 0},
            {R"({"value": [], "nextLink": {"href": "x"}})",
             QStringLiteral("Azure Resource Manager sent an unreadable next page link."), 0},
            {R"([{"subscriptionId": "s1"}])", QStringLiteral("Azure Resource Manager sent an unreadable answer."), 0},
            {R"({"value": null, "nextLink": null})", {}, 0},
            {R"({})", {}, 0},
            {R"({"value": [{"subscriptionId": 7}, {"id": ["x"]}, {"subscriptionId": "s1", "displayName": ["x"],
                "state": {}, "tenantId": 5, "managedByTenants": 7}]})",
             {},
             1},
        };
        for (const Case& c : cases) {
            m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::ArmSubscriptions, 200, c.body));
            const ArmListing<ArmSubscription> listing = subscriptions(token);
            QVERIFY2(listing.error == c.error, qPrintable(listing.error + u' ' + QString::fromUtf8(c.body)));
            QVERIFY2(listing.items.size() == c.items, c.body.constData());
        }
        m_rig->idp.addFault(IdpFault::answer(
            IdpEndpoint::ArmSubscriptions, 200,
            R"({"value": [{"subscriptionId": "s1", "managedByTenants": [42, null, {"tenantId": 5}, {"tenantId": "t1"}]}]})"));
        const ArmListing<ArmSubscription> managed = subscriptions(token);
        QVERIFY2(managed.ok(), qPrintable(managed.error));
        QCOMPARE(managed.items.first().managedByTenants, QStringList{QStringLiteral("t1")});
        QCOMPARE(managed.items.first().displayName, QString());
    }

    // ARM redirecting to another server: not followed, the bearer token stays; on ARM itself it is followed.
    void redirectToAnotherServerCarriesNoToken()
    {
        const Secret token = armToken(sample::kNorthwind);
        RecordingServer stranger;
        QVERIFY(stranger.listen());
        QUrl elsewhere = stranger.url();
        elsewhere.setPath(QStringLiteral("/subscriptions"));
        elsewhere.setQuery(QStringLiteral("api-version=2022-12-01"));
        m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::ArmSubscriptions, elsewhere, 302));
        const ArmListing<ArmSubscription> refused = subscriptions(token);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error, QStringLiteral("127.0.0.1 redirected the request (HTTP 302) to another server, %1; it "
                                               "was not followed, so no credential was sent there.")
                                    .arg(stranger.url().toString()));
        QTest::qWait(100);
        QVERIFY2(stranger.received().isEmpty(), stranger.everything().constData());

        QUrl onArm = m_rig->idp.url();
        onArm.setPath(QStringLiteral("/subscriptions"));
        onArm.setQuery(QStringLiteral("api-version=2022-12-01"));
        m_rig->idp.addFault(IdpFault::redirect(IdpEndpoint::ArmSubscriptions, onArm, 307));
        const ArmListing<ArmSubscription> followed = subscriptions(token);
        QVERIFY2(followed.ok(), qPrintable(followed.error));
        QCOMPARE(followed.items.size(), 2);
        verifyNoSecretIn({refused.error, QString::fromLatin1(stranger.everything())}, {token});
    }

    // A nextLink to another host is not followed: the bearer token stays with ARM.
    void nextLinkToAnotherHostIsRefused()
    {
        const Secret token = armToken(QStringLiteral("organizations"));
        m_rig->idp.setArmPageSize(1);
        QUrl elsewhere = m_rig->idp.url();
        elsewhere.setHost(QStringLiteral("127.0.0.2"));
        m_rig->idp.setArmUrl(elsewhere);
        const ArmListing<ArmTenant> listing = tenants(token);
        QVERIFY(!listing.ok());
        QCOMPARE(listing.error, QStringLiteral("Azure Resource Manager pointed the next page to another host."));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), 1);
    }

    // A server whose nextLinks never end: the listing ends after its page bound (ArmClient::kMaxPages,
    // shortened here) with an error, each page handed on as it came, and no request after that.
    void endlessNextLinksEnd()
    {
        const Secret token = armToken(QStringLiteral("organizations"));
        const QString self = m_rig->idp.url().toString(QUrl::StripTrailingSlash) +
                             QStringLiteral("/tenants?api-version=") + QLatin1String(ArmClient::kApiVersion);
        const QByteArray page = QStringLiteral(R"({"value": [{"tenantId": "%1"}], "nextLink": "%2"})")
                                    .arg(sample::kNorthwind, self)
                                    .toUtf8();
        m_rig->idp.addFault(IdpFault::answer(IdpEndpoint::ArmTenants, 200, page).repeat(-1));
        constexpr int maxPages = 25;
        m_rig->arm->setMaxPages(maxPages);
        int pages = 0;
        const ArmListing<ArmTenant> listing =
            await<ArmListing<ArmTenant>>([&](std::function<void(const ArmListing<ArmTenant>&)> done) {
                m_rig->arm->listTenants(
                    token.reveal(), [&pages](const QList<ArmTenant>& items) { pages += int(items.size()); },
                    std::move(done));
            });
        QCOMPARE(
            listing.error,
            QStringLiteral("Azure Resource Manager listed more than %1 pages; the rest was not read.").arg(maxPages));
        QCOMPARE(pages, maxPages);
        QCOMPARE(listing.items.size(), maxPages);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::ArmTenants), maxPages);
    }
};

QTEST_GUILESS_MAIN(TestArmClient)
#include "TestArmClient.moc"
