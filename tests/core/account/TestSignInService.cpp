// What a sign-in leaves behind (core/account/SignInService), checked on disk as az reads it: the MSAL
// cache entries, azureProfile.json merged as az login merges (az's choice of default, the user's choice
// kept on refresh), clouds.config; sign-out of an account or of one tenant touching nobody else; and a
// Session on a custom cloud that is http only because it is on loopback.

#include "account/Session.h"
#include "account/SignInService.h"
#include "auth/AuthCodeFlow.h"
#include "auth/DeviceCodeFlow.h"
#include "fakes/FakeBrowser.h"
#include "fakes/IdentityRig.h"
#include "fakes/TestFiles.h"
#include "store/FileLock.h"

#include <QFileInfo>
#include <QNetworkProxy>
#include <QTimer>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kTailspin = QStringLiteral("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
const QString kTailspinOps = QStringLiteral("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e");
const QString kKimOid = QStringLiteral("5e5e5e5e-6666-4777-8888-999900001111");
const QString kKim = QStringLiteral("kim@tailspin.example");
const QString kKimHomeAccountId = kKimOid + QLatin1Char('.') + kTailspin;
const QString kSpSubscription = QStringLiteral("f0f0f0f0-1111-4222-8333-444455556666");
const QString kSpAppId = QStringLiteral("8a8a8a8a-0000-4000-8000-000000000001");
const QByteArray kBom("\xEF\xBB\xBF");
const QString kPowerShellClientId = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");
const QString kThirdPartyClientId = QStringLiteral("c0c0c0c0-2222-4333-8444-555566667777");

// The sample directory, with Sam kept to his three tenants and Kim alone in Tailspin.
Json twoAccountDirectory()
{
    Json config = TestIdentityProvider::sampleConfig();
    config["users"][0]["tenants"] = {json::toStd(sample::kNorthwind), json::toStd(sample::kFabrikam),
                                     json::toStd(sample::kContoso)};
    config["tenants"].push_back({{"id", json::toStd(kTailspin)},
                                 {"displayName", "Tailspin"},
                                 {"defaultDomain", "tailspin.example"},
                                 {"subscriptions", {{{"id", json::toStd(kTailspinOps)}, {"name", "Tailspin Ops"}}}}});
    config["users"].push_back({{"objectId", json::toStd(kKimOid)},
                               {"homeTenant", json::toStd(kTailspin)},
                               {"upn", json::toStd(kKim)},
                               {"name", "Kim"},
                               {"tenants", {json::toStd(kTailspin)}}});
    return config;
}

// A subscription entry az wrote for a service principal Tenantry does not manage.
Json servicePrincipalEntry(bool isDefault)
{
    Subscription sp;
    sp.id = kSpSubscription;
    sp.name = QStringLiteral("Automation");
    sp.state = QStringLiteral("Enabled");
    sp.userName = kSpAppId;
    sp.userType = QStringLiteral("servicePrincipal");
    sp.tenantId = sample::kNorthwind;
    sp.environmentName = QStringLiteral("AzureCloud");
    sp.homeTenantId = sample::kNorthwind;
    Json entry = AzureProfile::toJson(sp);
    entry["isDefault"] = isDefault;
    return entry;
}

QStringList ids(const Json& profile)
{
    QStringList out;
    for (const Json& entry : profile.value("subscriptions", Json::array()))
        out.append(json::toQString(entry.value("id", Json())));
    return out;
}

QStringList defaults(const Json& profile)
{
    QStringList out;
    for (const Json& entry : profile.value("subscriptions", Json::array())) {
        if (entry.value("isDefault", false))
            out.append(json::toQString(entry.value("id", Json())));
    }
    return out;
}

const Json* entryFor(const Json& profile, const QString& id)
{
    for (const Json& entry : profile["subscriptions"]) {
        if (json::toQString(entry.value("id", Json())) == id)
            return &entry;
    }
    return nullptr;
}

// The cache entries of one account, section by section.
struct AccountEntries
{
    QList<AccessToken> accessTokens;
    QList<RefreshToken> refreshTokens;
    QList<IdToken> idTokens;
    QList<Account> accounts;
    int total() const { return int(accessTokens.size() + refreshTokens.size() + idTokens.size() + accounts.size()); }
};

AccountEntries entriesOf(const MsalCache& cache, const QString& homeAccountId)
{
    AccountEntries e;
    for (const AccessToken& t : cache.accessTokens())
        if (t.homeAccountId == homeAccountId)
            e.accessTokens.append(t);
    for (const RefreshToken& t : cache.refreshTokens())
        if (t.homeAccountId == homeAccountId)
            e.refreshTokens.append(t);
    for (const IdToken& t : cache.idTokens())
        if (t.homeAccountId == homeAccountId)
            e.idTokens.append(t);
    for (const Account& a : cache.accounts())
        if (a.homeAccountId == homeAccountId)
            e.accounts.append(a);
    return e;
}

QStringList realms(const QList<AccessToken>& tokens)
{
    QStringList out;
    for (const AccessToken& t : tokens)
        out.append(t.realm);
    out.sort();
    return out;
}

} // namespace

class TestSignInService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    SignInResult signInAs(const QString& user, const SignInOptions& options = {})
    {
        const Grant grant = m_rig->interactiveSignIn(QStringLiteral("organizations"), user);
        if (!grant.result.ok())
            qFatal("sign-in failed: %s", qPrintable(grant.result.message()));
        return await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->completeSignIn(grant.result, grant.realm, {kArmScope}, options, std::move(done));
        });
    }

    QString signOut(const QString& user, const QString& tenant = {})
    {
        return await<QString>([&](std::function<void(const QString&)> done) {
            if (tenant.isEmpty())
                m_rig->signIn->signOutAccount(user, std::move(done));
            else
                m_rig->signIn->signOutTenant(user, tenant, std::move(done));
        });
    }

    // An azureProfile.json as az left it, before Tenantry starts.
    void seedProfile(const Json& subscriptions)
    {
        Json doc = {{"subscriptions", subscriptions}, {"installationId", "b4b92d00-e716-11f1-aa58-02fc00000001"}};
        writeFile(m_rig->profilePath(), kBom + json::dumpPythonCompact(doc));
        QString error;
        QVERIFY2(m_rig->state->load(&error), qPrintable(error));
    }

    QString cloudsConfigSubscription()
    {
        CloudConfig clouds{AzureConfigDir(m_rig->configDir.path())};
        QString error;
        if (!clouds.load(&error))
            return QStringLiteral("(unreadable: %1)").arg(error);
        return clouds.subscriptionOf(QStringLiteral("AzureCloud"));
    }

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
        QString error;
        QVERIFY2(m_rig->idp.loadConfig(twoAccountDirectory(), &error), qPrintable(error));
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    // While the sign-in's tokens are being stored (here az holds the cache file's lock), the tenant list is
    // already asked for with the sign-in's own token; the tenants' refreshes wait for the store, and the
    // sign-in ends as it would have.
    void tenantListAskedForWhileTheSignInIsStored()
    {
        const Grant grant = m_rig->interactiveSignIn(QStringLiteral("organizations"), sample::kSam);
        QVERIFY(grant.result.ok());
        m_rig->idp.clearRequests();
        FileLock azHoldsTheCache(m_rig->cacheFilePath() + QStringLiteral(".lockfile"));
        QVERIFY(azHoldsTheCache.acquire());
        int pagesWhileLocked = -1;
        int refreshesWhileLocked = -1;
        QTimer::singleShot(1500, [&] {
            pagesWhileLocked = m_rig->idp.requestCount(IdpEndpoint::ArmTenants);
            refreshesWhileLocked = m_rig->idp.requestCount(IdpEndpoint::Token);
            azHoldsTheCache.release();
        });
        const SignInResult result = await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->completeSignIn(grant.result, grant.realm, {kArmScope}, {}, std::move(done));
        });
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(pagesWhileLocked, 1);
        QCOMPARE(refreshesWhileLocked, 0);
        QCOMPARE(result.homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(result.subscriptions.size(), 3);
        QCOMPARE(ids(m_rig->profileOnDisk()),
                 (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev, sample::kFabrikamShared}));
        QCOMPARE(entriesOf(m_rig->cacheOnDisk(), sample::kSamHomeAccountId).refreshTokens.size(), 1);
    }

    // The tokens cannot be stored (az never lets go of the cache): the sign-in says so, and no subscription
    // of the tenants discovery listed meanwhile reaches azureProfile.json.
    void tokensThatCannotBeStoredAddNoSubscription()
    {
        const Grant grant = m_rig->interactiveSignIn(QStringLiteral("organizations"), sample::kSam);
        QVERIFY(grant.result.ok());
        FileLockOptions quick;
        quick.createTimeout = std::chrono::milliseconds(200);
        quick.lockTimeout = std::chrono::milliseconds(300);
        quick.retryInterval = std::chrono::milliseconds(50);
        m_rig->cache->setFileLockOptions(quick);
        FileLock azHoldsTheCache(m_rig->cacheFilePath() + QStringLiteral(".lockfile"));
        QVERIFY(azHoldsTheCache.acquire());
        const SignInResult result = await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->completeSignIn(grant.result, grant.realm, {kArmScope}, {}, std::move(done));
        });
        QVERIFY2(result.error.startsWith(QStringLiteral("Signed in, but the tokens could not be stored: ")),
                 qPrintable(result.error));
        QVERIFY(result.subscriptions.isEmpty());
        QVERIFY(!QFileInfo::exists(m_rig->profilePath()) || ids(m_rig->profileOnDisk()).isEmpty());
    }

    // az login: the cache gets the account and its tokens, azureProfile.json every subscription the
    // account reaches, the MFA tenant is reported, the default is az's choice.
    void signInWritesCacheAndProfile()
    {
        int changes = 0;
        connect(m_rig->signIn.get(), &SignInService::profileChanged, [&changes] { ++changes; });
        const SignInResult result = signInAs(sample::kSam);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(changes, 1);
        QCOMPARE(result.username, sample::kSam);
        QCOMPARE(result.homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(result.subscriptions.size(), 3);
        QCOMPARE(result.tenantsNeedingSignIn().size(), 1);
        QCOMPARE(result.tenantsNeedingSignIn().first().tenant.tenantId, sample::kContoso);

        // The MSAL cache, as az will read it.
        const MsalCache cache = m_rig->cacheOnDisk();
        const AccountEntries sam = entriesOf(cache, sample::kSamHomeAccountId);
        QCOMPARE(sam.accounts.size(), 1);
        QCOMPARE(sam.accounts.first().username, sample::kSam);
        QCOMPARE(sam.accounts.first().environment, QStringLiteral("127.0.0.1"));
        QCOMPARE(sam.accounts.first().localAccountId, sample::kSamOid);
        QCOMPARE(sam.refreshTokens.size(), 1);
        QCOMPARE(sam.refreshTokens.first().clientId, kAzureCliClientId);
        QCOMPARE(sam.refreshTokens.first().familyId, QStringLiteral("1"));
        QVERIFY(m_rig->idp.isRefreshTokenValid(sam.refreshTokens.first().secret.reveal()));
        QCOMPARE(realms(sam.accessTokens),
                 (QStringList{sample::kFabrikam, sample::kNorthwind, QStringLiteral("organizations")}));
        QVERIFY(!sam.idTokens.isEmpty());
        QCOMPARE(cache.appMetadata().size(), 1);
        QCOMPARE(cache.appMetadata().first().clientId, kAzureCliClientId);

        // azureProfile.json, BOM first, az's fields.
        QVERIFY(readFile(m_rig->profilePath()).startsWith(kBom));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile),
                 (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev, sample::kFabrikamShared}));
        QCOMPARE(defaults(profile), QStringList{sample::kNorthwindProduction});
        const Json& fabrikam = *entryFor(profile, sample::kFabrikamShared);
        QCOMPARE(json::toQString(fabrikam["name"]), QStringLiteral("Fabrikam Shared"));
        QCOMPARE(json::toQString(fabrikam["state"]), QStringLiteral("Enabled"));
        QCOMPARE(json::toQString(fabrikam["user"]["name"]), sample::kSam);
        QCOMPARE(json::toQString(fabrikam["user"]["type"]), QStringLiteral("user"));
        QCOMPARE(json::toQString(fabrikam["tenantId"]), sample::kFabrikam);
        QCOMPARE(json::toQString(fabrikam["homeTenantId"]), sample::kFabrikam);
        QCOMPARE(json::toQString(fabrikam["environmentName"]), QStringLiteral("AzureCloud"));
        QCOMPARE(json::toQString(fabrikam["managedByTenants"][0]["tenantId"]), sample::kNorthwind);
        QCOMPARE(json::toQString(fabrikam["tenantDisplayName"]), QStringLiteral("Fabrikam"));
        QVERIFY(!entryFor(profile, sample::kContosoGuarded)); // behind MFA
        QCOMPARE(cloudsConfigSubscription(), sample::kNorthwindProduction);
        // Nothing was active: the new default is a change to tell the user about.
        QVERIFY(result.profileChange.activeChanged());
        QVERIFY(!result.profileChange.activeBefore);
        QCOMPARE(result.profileChange.activeAfter->id, sample::kNorthwindProduction);
        QCOMPARE(result.profileChange.added.size(), 3);

        // No token in the profile, the result or the log.
        QList<Secret> secrets;
        for (const AccessToken& t : cache.accessTokens())
            secrets.append(t.secret);
        for (const RefreshToken& t : cache.refreshTokens())
            secrets.append(t.secret);
        const QStringList leaks = leakedSecrets(
            LogCapture::messages() << QString::fromUtf8(readFile(m_rig->profilePath())) << result.error, secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // Tenants are looked at as their pages arrive and finish in any order (here the first one last):
    // azureProfile.json still lists the subscriptions in ARM's order of tenants, as az writes them.
    void profileInArmsOrderWhateverFinishesFirst()
    {
        m_rig->idp.setArmPageSize(1);
        m_rig->idp.addFault(IdpFault::drip(IdpEndpoint::ArmSubscriptions, 1).onlyTenant(sample::kNorthwind).repeat(-1));
        const SignInResult result = signInAs(sample::kSam);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(ids(m_rig->profileOnDisk()),
                 (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev, sample::kFabrikamShared}));
        QCOMPARE(defaults(m_rig->profileOnDisk()), QStringList{sample::kNorthwindProduction});
    }

    // az: with no subscription active before, the first Enabled new one is chosen.
    void defaultIsTheFirstEnabledSubscription()
    {
        Json config = twoAccountDirectory();
        for (Json& tenant : config["tenants"]) {
            if (json::toQString(tenant["id"]) == sample::kNorthwind) // Dev (Disabled) listed first
                std::swap(tenant["subscriptions"][0], tenant["subscriptions"][1]);
        }
        QString error;
        QVERIFY2(m_rig->idp.loadConfig(config, &error), qPrintable(error));
        seedProfile(Json::array({servicePrincipalEntry(false)})); // nothing active yet

        const SignInResult result = signInAs(sample::kSam);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile), (QStringList{kSpSubscription, sample::kNorthwindDev, sample::kNorthwindProduction,
                                            sample::kFabrikamShared}));
        QCOMPARE(defaults(profile), QStringList{sample::kNorthwindProduction});
        QCOMPARE(json::toQString((*entryFor(profile, kSpSubscription))["user"]["type"]),
                 QStringLiteral("servicePrincipal"));
        QCOMPARE(json::toQString(profile["installationId"]), QStringLiteral("b4b92d00-e716-11f1-aa58-02fc00000001"));
    }

    // az: signing in again keeps the default the user had, when the new list still has it.
    void signInAgainKeepsThePreviousDefault()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        QString error;
        QVERIFY2(m_rig->state->setActive(sample::kFabrikamShared, &error), qPrintable(error));
        const SignInResult again = signInAs(sample::kSam);
        QVERIFY2(again.ok(), qPrintable(again.error));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(defaults(profile), QStringList{sample::kFabrikamShared});
        QCOMPARE(ids(profile).size(), 3); // merged by id, no duplicates
        QCOMPARE(cloudsConfigSubscription(), sample::kFabrikamShared);
    }

    // account list --refresh: new subscriptions appear, the user's choice of default stays.
    void refreshKeepsTheUsersChoice()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        QString error;
        QVERIFY2(m_rig->state->setActive(sample::kFabrikamShared, &error), qPrintable(error));
        IdpSubscription added;
        added.id = QStringLiteral("d4d4d4d4-0000-4000-8000-000000000001");
        added.displayName = QStringLiteral("Northwind Analytics");
        m_rig->idp.addSubscription(sample::kNorthwind, added);

        const SignInResult refreshed = await<SignInResult>(
            [&](SignInService::Done done) { m_rig->signIn->refreshAccount(sample::kSam, std::move(done)); });
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error));
        const Json profile = m_rig->profileOnDisk();
        QVERIFY(ids(profile).contains(added.id));
        QCOMPARE(ids(profile).size(), 4);
        QCOMPARE(defaults(profile), QStringList{sample::kFabrikamShared});
        QCOMPARE(cloudsConfigSubscription(), sample::kFabrikamShared);
        // A refresh never creates Account entries.
        QCOMPARE(entriesOf(m_rig->cacheOnDisk(), sample::kSamHomeAccountId).accounts.size(), 1);

        const SignInResult unknown = await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->refreshAccount(QStringLiteral("nobody@northwind.example"), std::move(done));
        });
        QVERIFY(!unknown.ok());
    }

    // Job 4: one more sign-in, to the MFA tenant that refreshes cannot reach (az login --tenant T).
    void signInToTheMfaTenant()
    {
        const SignInResult first = signInAs(sample::kSam);
        QCOMPARE(first.tenantsNeedingSignIn().size(), 1);
        const TenantStatus contoso = first.tenantsNeedingSignIn().first();

        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        AuthCodeFlow flow(m_rig->client.get(), &browser);
        std::optional<Grant> grant;
        connect(&flow, &AuthCodeFlow::succeeded, [&grant](const TokenGrantResult& result, const QString& realm) {
            grant = Grant{result, realm};
        });
        AuthCodeRequest request;
        request.tenant = contoso.tenant.tenantId;
        request.scopes = {kArmScope};
        request.claims = contoso.claims;
        request.loginHint = sample::kSam;
        flow.start(request);
        QVERIFY(QTest::qWaitFor([&] { return grant.has_value(); }, 30000));
        SignInOptions options;
        options.tenant = contoso.tenant.tenantId;
        const SignInResult second = await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->completeSignIn(grant->result, grant->realm, {kArmScope}, options, std::move(done));
        });
        QVERIFY2(second.ok(), qPrintable(second.error));
        QVERIFY(second.tenantsNeedingSignIn().isEmpty());
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile), (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev,
                                            sample::kFabrikamShared, sample::kContosoGuarded}));
        // Unlike az (which makes the tenant's first Enabled subscription the default): one more tenant
        // leaves the subscription every shell works on where it was, and the result says what was added.
        QCOMPARE(defaults(profile), QStringList{sample::kNorthwindProduction});
        QVERIFY(!second.profileChange.activeChanged());
        QCOMPARE(second.profileChange.added.size(), 1);
        QCOMPARE(second.profileChange.added.first().id, sample::kContosoGuarded);
        QVERIFY(second.profileChange.removed.isEmpty());
        QCOMPARE(cloudsConfigSubscription(), sample::kNorthwindProduction);
        QCOMPARE(entriesOf(m_rig->cacheOnDisk(), sample::kSamHomeAccountId).refreshTokens.size(), 1);

        // From now on a refresh reaches every tenant.
        const SignInResult refreshed = await<SignInResult>(
            [&](SignInService::Done done) { m_rig->signIn->refreshAccount(sample::kSam, std::move(done)); });
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error));
        QVERIFY(refreshed.tenantsNeedingSignIn().isEmpty());
        QCOMPARE(refreshed.subscriptions.size(), 4);
        QCOMPARE(defaults(m_rig->profileOnDisk()), QStringList{sample::kNorthwindProduction});
        QVERIFY(refreshed.profileChange.isEmpty());

        // A later refresh that cannot reach Contoso (Conditional Access again) keeps its subscription
        // listed for az instead of dropping what it could not check; the reason is still reported.
        m_rig->idp.addFault(IdpFault::oauthError(QStringLiteral("interaction_required"), 53003)
                                .onlyTenant(sample::kContoso)
                                .onlyGrant(QStringLiteral("refresh_token"))
                                .repeat(-1));
        m_rig->clock.advance(3600); // the tenant's access token is gone: the refresh must go out
        const SignInResult blocked = await<SignInResult>(
            [&](SignInService::Done done) { m_rig->signIn->refreshAccount(sample::kSam, std::move(done)); });
        QVERIFY2(blocked.ok(), qPrintable(blocked.error));
        QCOMPARE(blocked.tenantsNeedingSignIn().size(), 1);
        QCOMPARE(ids(m_rig->profileOnDisk()), (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev,
                                                           sample::kFabrikamShared, sample::kContosoGuarded}));
        QCOMPARE(defaults(m_rig->profileOnDisk()), QStringList{sample::kNorthwindProduction});
    }

    // A tenant without subscriptions: an error by default; a tenant-level entry with the option.
    void accountWithoutSubscriptions()
    {
        Json config = twoAccountDirectory();
        config["tenants"].back()["subscriptions"] = Json::array();
        QString error;
        QVERIFY2(m_rig->idp.loadConfig(config, &error), qPrintable(error));

        const SignInResult refused = signInAs(kKim);
        // No advice for one front end in core's words: tenantry-cli names its option (TestCliAdvice).
        QCOMPARE(refused.error, QStringLiteral("No subscriptions found for %1.").arg(kKim));
        QVERIFY(refused.noSubscriptions);
        SignInOptions options;
        options.allowNoSubscriptions = true;
        const SignInResult tenantLevel = signInAs(kKim, options);
        QVERIFY2(tenantLevel.ok(), qPrintable(tenantLevel.error));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile), QStringList{kTailspin});
        const Json& entry = *entryFor(profile, kTailspin);
        QCOMPARE(json::toQString(entry["name"]), QStringLiteral("N/A(tenant level account)"));
        QVERIFY(!entry.contains("homeTenantId"));
    }

    // Signing in another account leaves the active subscription alone; what it added is reported.
    void signInOfAnotherAccountKeepsTheActiveSubscription()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        QString error;
        QVERIFY2(m_rig->state->setActive(sample::kFabrikamShared, &error), qPrintable(error));
        const SignInResult kim = signInAs(kKim);
        QVERIFY2(kim.ok(), qPrintable(kim.error));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(defaults(profile), QStringList{sample::kFabrikamShared});
        QCOMPARE(cloudsConfigSubscription(), sample::kFabrikamShared);
        QVERIFY(!kim.profileChange.activeChanged());
        QCOMPARE(kim.profileChange.activeAfter->id, sample::kFabrikamShared);
        QCOMPARE(kim.profileChange.added.size(), 1);
        QCOMPARE(kim.profileChange.added.first().id, kTailspinOps);
        QVERIFY(!kim.profileChange.isEmpty());
    }

    // az adds a subscription to azureProfile.json while a sign-in is discovering (the ARM answers are
    // slow): the sign-in merges into the file as it is then, so az's entry and the new ones are all there.
    void subscriptionAddedByAzDuringSignInIsKept()
    {
        seedProfile(Json::array({servicePrincipalEntry(true)}));
        const Grant grant = m_rig->interactiveSignIn(QStringLiteral("organizations"), sample::kSam);
        QVERIFY(grant.result.ok());
        m_rig->idp.setLatency(IdpEndpoint::ArmSubscriptions, 1500);
        std::optional<SignInResult> result;
        m_rig->signIn->completeSignIn(grant.result, grant.realm, {kArmScope}, {},
                                      [&result](const SignInResult& r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return m_rig->idp.inFlight(IdpEndpoint::ArmSubscriptions) > 0; }, 20000));
        QVERIFY(!result);

        // What `az login --service-principal` for a second subscription writes meanwhile (az: in place).
        Json added = servicePrincipalEntry(false);
        added["id"] = "f1f1f1f1-2222-4333-8444-555566667777";
        added["name"] = "Automation Two";
        Json doc = {{"subscriptions", Json::array({servicePrincipalEntry(true), added})},
                    {"installationId", "b4b92d00-e716-11f1-aa58-02fc00000001"}};
        writeFile(m_rig->profilePath(), kBom + json::dumpPythonCompact(doc));

        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
        QVERIFY2(result->ok(), qPrintable(result->error));
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile),
                 (QStringList{kSpSubscription, QStringLiteral("f1f1f1f1-2222-4333-8444-555566667777"),
                              sample::kNorthwindProduction, sample::kNorthwindDev, sample::kFabrikamShared}));
        QCOMPARE(defaults(profile), QStringList{kSpSubscription}); // the active one stays
        QVERIFY(!result->profileChange.activeChanged());
        QCOMPARE(result->profileChange.added.size(), 3);   // az's own entry is not Tenantry's change
        QCOMPARE(m_rig->state->subscriptions().size(), 5); // and the state shows what the file holds
    }

    // az logout <user>: that account's tokens, Account entries and subscriptions go; nobody else's.
    void signOutAccountTouchesNobodyElse()
    {
        seedProfile(Json::array({servicePrincipalEntry(false)}));
        QVERIFY(signInAs(sample::kSam).ok());
        QVERIFY(signInAs(kKim).ok());
        // Sam's tokens of other apps sharing the cache: Azure PowerShell (same family), a third-party app.
        const CacheOutcome seeded = await<CacheOutcome>([&](TokenCacheService::Done done) {
            m_rig->cache->modify(
                [env = m_rig->environment()](MsalCache& cache) {
                    RefreshToken family;
                    family.homeAccountId = sample::kSamHomeAccountId;
                    family.environment = env;
                    family.clientId = kPowerShellClientId;
                    family.familyId = QStringLiteral("1");
                    family.secret = Secret(QStringLiteral("powershell-family-refresh-token-0001"));
                    cache.upsert(family);
                    RefreshToken thirdParty = family;
                    thirdParty.clientId = kThirdPartyClientId;
                    thirdParty.familyId.clear();
                    thirdParty.secret = Secret(QStringLiteral("third-party-refresh-token-0001"));
                    cache.upsert(thirdParty);
                    AccessToken foreign;
                    foreign.homeAccountId = sample::kSamHomeAccountId;
                    foreign.environment = env;
                    foreign.clientId = kThirdPartyClientId;
                    foreign.realm = sample::kNorthwind;
                    foreign.target = QStringLiteral("api://third-party/.default");
                    foreign.secret = Secret(QStringLiteral("third-party-access-token-0001"));
                    foreign.expiresOn = 1895422000;
                    cache.upsert(foreign);
                },
                std::move(done));
        });
        QVERIFY2(seeded.ok, qPrintable(seeded.error));
        const MsalCache before = m_rig->cacheOnDisk();
        const AccountEntries kimBefore = entriesOf(before, kKimHomeAccountId);
        QVERIFY(kimBefore.total() >= 4);
        QVERIFY(entriesOf(before, sample::kSamHomeAccountId).total() >= 6);

        int changes = 0;
        connect(m_rig->signIn.get(), &SignInService::profileChanged, [&changes] { ++changes; });
        QCOMPARE(signOut(sample::kSam), QString());
        QCOMPARE(changes, 1);

        // All of Sam's entries but the third-party app's refresh token, as MSAL's remove_account.
        const MsalCache after = m_rig->cacheOnDisk();
        const AccountEntries samAfter = entriesOf(after, sample::kSamHomeAccountId);
        QCOMPARE(samAfter.total(), 1);
        QCOMPARE(samAfter.refreshTokens.size(), 1);
        QCOMPARE(samAfter.refreshTokens.first().clientId, kThirdPartyClientId);
        const AccountEntries kimAfter = entriesOf(after, kKimHomeAccountId);
        QCOMPARE(kimAfter.total(), kimBefore.total());
        for (int i = 0; i < kimBefore.accessTokens.size(); ++i)
            QVERIFY(kimAfter.accessTokens.at(i).secret == kimBefore.accessTokens.at(i).secret);
        QVERIFY(kimAfter.refreshTokens.first().secret == kimBefore.refreshTokens.first().secret);
        QCOMPARE(after.appMetadata().size(), 1); // app metadata stays, as MSAL's remove_account

        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile), (QStringList{kSpSubscription, kTailspinOps}));
        QVERIFY(readFile(m_rig->profilePath()).startsWith(kBom));

        // Kim still gets tokens without signing in again.
        const TokenResponse kim = await<TokenResponse>([&](TokenProvider::Done done) {
            m_rig->tokens->getToken({{kArmScope}, kTailspin, kKim, true}, std::move(done));
        });
        QVERIFY2(kim.ok(), qPrintable(kim.message));
        const TokenResponse sam = await<TokenResponse>([&](TokenProvider::Done done) {
            m_rig->tokens->getToken({{kArmScope}, sample::kNorthwind, sample::kSam}, std::move(done));
        });
        QCOMPARE(sam.error, TokenResponse::Error::NotSignedIn);
    }

    // Sign out of one tenant: its tokens and subscriptions go; the account, its refresh token and its
    // other tenants stay (and that tenant can be reached again by refresh).
    void signOutTenantOnlyThatTenant()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        QVERIFY(signInAs(kKim).ok());
        const AccountEntries samBefore = entriesOf(m_rig->cacheOnDisk(), sample::kSamHomeAccountId);
        const AccountEntries kimBefore = entriesOf(m_rig->cacheOnDisk(), kKimHomeAccountId);

        QCOMPARE(signOut(sample::kSam, sample::kFabrikam), QString());

        const MsalCache after = m_rig->cacheOnDisk();
        const AccountEntries sam = entriesOf(after, sample::kSamHomeAccountId);
        QCOMPARE(realms(sam.accessTokens), (QStringList{sample::kNorthwind, QStringLiteral("organizations")}));
        for (const IdToken& t : sam.idTokens)
            QVERIFY(t.realm != sample::kFabrikam);
        QCOMPARE(sam.accounts.size(), samBefore.accounts.size());
        QCOMPARE(sam.refreshTokens.size(), 1);
        QVERIFY(sam.refreshTokens.first().secret == samBefore.refreshTokens.first().secret);
        QCOMPARE(entriesOf(after, kKimHomeAccountId).total(), kimBefore.total());

        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(ids(profile), (QStringList{sample::kNorthwindProduction, sample::kNorthwindDev, kTailspinOps}));

        const TokenResponse again = await<TokenResponse>([&](TokenProvider::Done done) {
            m_rig->tokens->getToken({{kArmScope}, sample::kFabrikam, sample::kSam}, std::move(done));
        });
        QVERIFY2(again.ok(), qPrintable(again.message));
    }

    // A token refresh that was on the wire while the account was signed out must not sign it in
    // again when its answer arrives: nothing of the account is written back.
    void signOutIsNotUndoneByARefreshInFlight()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        QVERIFY(signInAs(kKim).ok());
        const AccountEntries kimBefore = entriesOf(m_rig->cacheOnDisk(), kKimHomeAccountId);
        m_rig->idp.setLatency(IdpEndpoint::Token, 700);
        std::optional<TokenResponse> inFlight;
        // No Graph token is cached: this refreshes with Sam's refresh token.
        m_rig->tokens->getToken(
            {{QStringLiteral("https://graph.microsoft.com/.default")}, sample::kNorthwind, sample::kSam},
            [&inFlight](const TokenResponse& r) { inFlight = r; });
        QVERIFY(QTest::qWaitFor([&] { return m_rig->idp.inFlight(IdpEndpoint::Token) == 1; }, 5000));

        QCOMPARE(signOut(sample::kSam), QString());
        QVERIFY(QTest::qWaitFor([&] { return inFlight.has_value(); }, 10000));
        QVERIFY2(inFlight->ok(), qPrintable(inFlight->message)); // the caller still gets what it asked for
        QTest::qWait(100);                                       // the write-back, had there been one

        const MsalCache after = m_rig->cacheOnDisk();
        QCOMPARE(entriesOf(after, sample::kSamHomeAccountId).total(), 0);
        QCOMPARE(entriesOf(m_rig->cache->cache(), sample::kSamHomeAccountId).total(), 0);
        QCOMPARE(entriesOf(after, kKimHomeAccountId).total(), kimBefore.total());
    }

    // Sign out everywhere (az account clear): no token of any account or app, no subscription left;
    // a refresh on the wire meanwhile writes nothing back.
    void signOutEverywhereLeavesNothing()
    {
        seedProfile(Json::array({servicePrincipalEntry(true)}));
        QVERIFY(signInAs(sample::kSam).ok());
        QVERIFY(signInAs(kKim).ok());
        QVERIFY(m_rig->cacheOnDisk().entryCount() > 8);
        m_rig->idp.setLatency(IdpEndpoint::Token, 700);
        std::optional<TokenResponse> inFlight;
        m_rig->tokens->getToken({{QStringLiteral("https://graph.microsoft.com/.default")}, kTailspin, kKim},
                                [&inFlight](const TokenResponse& r) { inFlight = r; });
        QVERIFY(QTest::qWaitFor([&] { return m_rig->idp.inFlight(IdpEndpoint::Token) == 1; }, 5000));

        int changes = 0;
        connect(m_rig->signIn.get(), &SignInService::profileChanged, [&changes] { ++changes; });
        const QString error = await<QString>(
            [&](std::function<void(const QString&)> done) { m_rig->signIn->signOutEverywhere(std::move(done)); });
        QCOMPARE(error, QString());
        QCOMPARE(changes, 1);
        QVERIFY(!QFileInfo::exists(m_rig->cacheFilePath()));
        QCOMPARE(m_rig->cache->cache().entryCount(), 0);
        const Json profile = m_rig->profileOnDisk();
        QCOMPARE(profile["subscriptions"], Json::array());
        QVERIFY(readFile(m_rig->profilePath()).startsWith(kBom));

        QVERIFY(QTest::qWaitFor([&] { return inFlight.has_value(); }, 10000));
        QTest::qWait(100);
        QVERIFY(!QFileInfo::exists(m_rig->cacheFilePath()) || m_rig->cacheOnDisk().entryCount() == 0);
        QCOMPARE(m_rig->cache->cache().entryCount(), 0);
    }

    // A refresh whose discovery was under way when everything was wiped does not put the account's
    // subscriptions back into azureProfile.json.
    void wipeDuringARefreshStaysWiped()
    {
        QVERIFY(signInAs(sample::kSam).ok());
        m_rig->idp.setLatency(IdpEndpoint::ArmSubscriptions, 700); // the tenants' tokens are already fetched
        std::optional<SignInResult> refreshed;
        m_rig->signIn->refreshAccount(sample::kSam, [&refreshed](const SignInResult& r) { refreshed = r; });
        QVERIFY(QTest::qWaitFor([&] { return m_rig->idp.inFlight(IdpEndpoint::ArmSubscriptions) >= 1; }, 5000));

        const QString error = await<QString>(
            [&](std::function<void(const QString&)> done) { m_rig->signIn->signOutEverywhere(std::move(done)); });
        QCOMPARE(error, QString());
        QVERIFY(QTest::qWaitFor([&] { return refreshed.has_value(); }, 20000));
        QVERIFY(!refreshed->ok());
        QVERIFY2(refreshed->error.contains(QStringLiteral("signed out meanwhile")), qPrintable(refreshed->error));
        QCOMPARE(m_rig->profileOnDisk()["subscriptions"], Json::array());
        QVERIFY(!QFileInfo::exists(m_rig->cacheFilePath()) || m_rig->cacheOnDisk().entryCount() == 0);
    }

    // A custom cloud on loopback may use plain http (tests, local sandboxes); elsewhere https is required.
    void sessionOnACustomLoopbackCloud()
    {
        QTemporaryDir dir;
        const QString authority = m_rig->idp.url().toString();
        writeFile(dir.filePath(QStringLiteral("config")), "[cloud]\nname = TestIdpCloud\n\n");
        writeFile(dir.filePath(QStringLiteral("clouds.config")),
                  QStringLiteral("[TestIdpCloud]\nendpoint_active_directory = %1\nendpoint_resource_manager = %1/\n"
                                 "endpoint_active_directory_resource_id = https://management.core.windows.net/\n\n")
                      .arg(authority)
                      .toUtf8());
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        Session::Options options;
        options.configDir = AzureConfigDir(dir.path());
        options.network = &network;
        Session session(options, m_rig->clock);
        QString error;
        QVERIFY2(session.load(&error), qPrintable(error));
        QCOMPARE(session.cloud().name, QStringLiteral("TestIdpCloud"));

        // Device code sign-in through the session's objects, as tenantry-cli login --use-device-code.
        m_rig->idp.setDeviceCodeAutoApprove(sample::kSam, 0);
        DeviceCodeFlow flow(&session.tokenClient(), session.clock());
        std::optional<Grant> grant;
        connect(&flow, &DeviceCodeFlow::succeeded, [&grant](const TokenGrantResult& result, const QString& realm) {
            grant = Grant{result, realm};
        });
        flow.start(QStringLiteral("organizations"), {session.cloud().armScope()});
        QVERIFY(QTest::qWaitFor([&] { return grant.has_value(); }, 30000));
        const SignInResult result = await<SignInResult>([&](SignInService::Done done) {
            session.signIn().completeSignIn(grant->result, grant->realm, {session.cloud().armScope()}, {},
                                            std::move(done));
        });
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto profile = json::parse(readFile(AzureConfigDir(dir.path()).profileFile()));
        QVERIFY(profile.value);
        for (const Json& entry : (*profile.value)["subscriptions"])
            QCOMPARE(json::toQString(entry["environmentName"]), QStringLiteral("TestIdpCloud"));
        QCOMPARE(defaults(*profile.value), QStringList{sample::kNorthwindProduction});
        CloudConfig clouds{AzureConfigDir(dir.path())};
        QVERIFY(clouds.load(&error));
        QCOMPARE(clouds.subscriptionOf(QStringLiteral("TestIdpCloud")), sample::kNorthwindProduction);

        // The same cloud on a remote host over http is refused before any request.
        QTemporaryDir remote;
        writeFile(remote.filePath(QStringLiteral("config")), "[cloud]\nname = PlainHttpCloud\n\n");
        writeFile(remote.filePath(QStringLiteral("clouds.config")),
                  "[PlainHttpCloud]\nendpoint_active_directory = http://login.test.example\n"
                  "endpoint_resource_manager = https://arm.test.example/\n"
                  "endpoint_active_directory_resource_id = https://management.core.test.example/\n\n");
        Session::Options remoteOptions;
        remoteOptions.configDir = AzureConfigDir(remote.path());
        remoteOptions.network = &network;
        Session refused(remoteOptions, m_rig->clock);
        QVERIFY(!refused.load(&error));
        QVERIFY2(error.startsWith(QLatin1String("Cloud 'PlainHttpCloud' cannot be used:")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("https")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSignInService)
#include "TestSignInService.moc"
