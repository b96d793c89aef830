// The user's choice of an account's active tenants (core/account/TenantChoice), against the test identity
// provider and checked on disk: a tenant signed out of stays signed out through a refresh (no token for it in
// the cache, none of its subscriptions in azureProfile.json) until the user signs in to it again; a hidden
// tenant is never refreshed or prompted for, and what az wrote for it stays; a tenant hidden right after a
// first sign-in leaves azureProfile.json again; a hand-edited setting reads as "all active".

#include "account/SignInService.h"
#include "account/TenantChoice.h"
#include "fakes/IdentityRig.h"
#include "fakes/TestFiles.h"
#include "util/AppSettings.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

QStringList ids(const Json& profile)
{
    QStringList out;
    for (const Json& entry : profile.value("subscriptions", Json::array()))
        out.append(json::toQString(entry.value("id", Json())));
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The tenants for which Sam has an ARM access token in the cache on disk: those refreshed.
QStringList armTokenRealms(const MsalCache& cache)
{
    QStringList out;
    for (const AccessToken& t : cache.accessTokens()) {
        if (t.homeAccountId == sample::kSamHomeAccountId && t.scopes().contains(kArmScope))
            out.append(t.realm.toLower());
    }
    out.sort();
    return out;
}

TenantStatus::State stateOf(const SignInResult& result, const QString& tenantId)
{
    for (const TenantStatus& t : result.discovery.tenants) {
        if (t.tenant.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0)
            return t.state;
    }
    return TenantStatus::State::Error;
}

} // namespace

class TestTenantChoice : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TenantChoice> m_choice;

    QString settingsPath() const { return m_settingsDir->filePath(QStringLiteral("Tenantry.conf")); }

    SignInResult signInAs(const QString& tenant = {})
    {
        const Grant grant =
            m_rig->interactiveSignIn(tenant.isEmpty() ? QStringLiteral("organizations") : tenant, sample::kSam);
        if (!grant.result.ok())
            qFatal("sign-in failed: %s", qPrintable(grant.result.message()));
        SignInOptions options;
        options.tenant = tenant;
        return await<SignInResult>([&](SignInService::Done done) {
            m_rig->signIn->completeSignIn(grant.result, grant.realm, {kArmScope}, options, std::move(done));
        });
    }

    SignInResult refresh()
    {
        return await<SignInResult>(
            [&](SignInService::Done done) { m_rig->signIn->refreshAccount(sample::kSam, std::move(done)); });
    }

private slots:
    void init()
    {
        m_rig = std::make_unique<IdentityRig>();
        m_settingsDir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<AppSettings>(settingsPath());
        m_choice = std::make_unique<TenantChoice>(m_settings.get());
        m_rig->discovery->setTenantChoice(m_choice.get());
        m_rig->signIn->setTenantChoice(m_choice.get());
    }

    void cleanup()
    {
        m_rig.reset();
        m_choice.reset();
        m_settings.reset();
        m_settingsDir.reset();
    }

    // The scenario: sign out of a tenant (its dialog says its subscriptions are removed), Refresh all,
    // and it is still signed out: no token, no subscription; signing in to it brings it back.
    void signedOutTenantStaysSignedOutThroughARefresh()
    {
        const SignInResult first = signInAs();
        QVERIFY2(first.ok(), qPrintable(first.error));
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));
        QVERIFY(m_choice->isActive(sample::kSamHomeAccountId, sample::kFabrikam));

        const QString signedOut = await<QString>([&](std::function<void(const QString&)> done) {
            m_rig->signIn->signOutTenant(sample::kSam, sample::kFabrikam, std::move(done));
        });
        QCOMPARE(signedOut, QString());
        QVERIFY(!ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));
        QVERIFY(!armTokenRealms(m_rig->cacheOnDisk()).contains(sample::kFabrikam));

        const SignInResult refreshed = refresh();
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error));
        QCOMPARE(stateOf(refreshed, sample::kFabrikam), TenantStatus::State::Hidden);
        QVERIFY(!ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kNorthwindProduction));
        QVERIFY(!armTokenRealms(m_rig->cacheOnDisk()).contains(sample::kFabrikam)); // never refreshed
        // Persisted: a new run (the CLI, the app's next start) reads the same choice.
        QVERIFY(!TenantChoice(m_settings.get()).isActive(sample::kSamHomeAccountId, sample::kFabrikam));
        AppSettings reread(settingsPath());
        QVERIFY(!TenantChoice(&reread).isActive(sample::kSamHomeAccountId, sample::kFabrikam));

        const SignInResult again = signInAs(sample::kFabrikam);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QVERIFY(m_choice->isActive(sample::kSamHomeAccountId, sample::kFabrikam));
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));
        const SignInResult later = refresh();
        QCOMPARE(stateOf(later, sample::kFabrikam), TenantStatus::State::SignedIn);
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));
    }

    // A hidden tenant that needs MFA is not asked for and not reported as needing a sign-in; az's own entry
    // for a hidden tenant stays in azureProfile.json through a refresh.
    void hiddenTenantIsNeitherPromptedNorRemoved()
    {
        const SignInResult first = signInAs();
        QCOMPARE(first.tenantsNeedingSignIn().size(), 1); // Contoso wants MFA
        m_choice->setHiddenTenants(sample::kSamHomeAccountId, sample::kSam, {sample::kContoso, sample::kFabrikam});
        // az (another client) lists Fabrikam's subscription, as it does after its own login.
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));

        const SignInResult refreshed = refresh();
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error));
        QCOMPARE(refreshed.tenantsNeedingSignIn().size(), 0);
        QCOMPARE(stateOf(refreshed, sample::kContoso), TenantStatus::State::Hidden);
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared)); // what was there stays
    }

    // Chosen right after a first sign-in: what that sign-in added for the hidden tenants leaves
    // azureProfile.json, and none of them is left to prompt for.
    void tenantsHiddenAfterTheFirstSignInAreWithdrawn()
    {
        const SignInResult first = signInAs();
        QVERIFY(!m_choice->hasChosen(sample::kSamHomeAccountId));
        QVERIFY(ids(m_rig->profileOnDisk()).contains(sample::kFabrikamShared));

        m_choice->setHiddenTenants(sample::kSamHomeAccountId, sample::kSam, {sample::kFabrikam, sample::kContoso});
        const SignInResult chosen = m_rig->signIn->withdrawHiddenTenants(first);
        QVERIFY2(chosen.ok(), qPrintable(chosen.error));
        QVERIFY(m_choice->hasChosen(sample::kSamHomeAccountId));
        QCOMPARE(chosen.tenantsNeedingSignIn().size(), 0);
        QCOMPARE(ids(m_rig->profileOnDisk()), sorted({sample::kNorthwindProduction, sample::kNorthwindDev}));
        for (const Subscription& s : chosen.subscriptions)
            QVERIFY(s.tenantId.compare(sample::kFabrikam, Qt::CaseInsensitive) != 0);
    }

    // The setting as a hand edit leaves it: anything but a list of tenant ids hides nothing; what az's profile
    // shows without the cache follows the username stored beside the choice.
    void handEditedSettingReadsAsAllActive_data()
    {
        QTest::addColumn<QByteArray>("hidden");
        QTest::newRow("a path") << QByteArray("../../etc/passwd");
        QTest::newRow("markup") << QByteArray("\"<b>x</b>\"");
        QTest::newRow("a variant") << QByteArray("@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18)");
        QTest::newRow("one bad among good") << QByteArray("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7, a/b");
    }
    void handEditedSettingReadsAsAllActive()
    {
        QFETCH(QByteArray, hidden);
        m_settings.reset();
        writeFile(settingsPath(), "[tenantChoice]\n" + sample::kSamHomeAccountId.toUtf8() +
                                      "\\username=sam@northwind.example\n" + sample::kSamHomeAccountId.toUtf8() +
                                      "\\hidden=" + hidden + "\n");
        m_settings = std::make_unique<AppSettings>(settingsPath());
        const TenantChoice choice(m_settings.get());
        QVERIFY(choice.isActive(sample::kSamHomeAccountId, sample::kFabrikam));
        QCOMPARE(choice.hiddenTenants(sample::kSamHomeAccountId), QStringList());
        Subscription s;
        s.id = sample::kFabrikamShared;
        s.userName = sample::kSam;
        s.userType = QStringLiteral("user");
        s.tenantId = sample::kFabrikam;
        QCOMPARE(choice.activeSubscriptions({s}).size(), 1);
    }

    void handWrittenListHides()
    {
        m_settings.reset();
        writeFile(settingsPath(), "[tenantChoice]\n" + sample::kSamHomeAccountId.toUtf8() +
                                      "\\username=sam@northwind.example\n" + sample::kSamHomeAccountId.toUtf8() +
                                      "\\hidden=3E4F5A6B-7C8D-4E9F-A0B1-C2D3E4F5A6B7, " + sample::kContoso.toUtf8() +
                                      "\n");
        m_settings = std::make_unique<AppSettings>(settingsPath());
        const TenantChoice choice(m_settings.get());
        QVERIFY(!choice.isActive(sample::kSamHomeAccountId, sample::kFabrikam));
        QVERIFY(!choice.isActive(sample::kSamHomeAccountId, sample::kContoso));
        QVERIFY(choice.isActive(sample::kSamHomeAccountId, sample::kNorthwind));
        Subscription fabrikam;
        fabrikam.id = sample::kFabrikamShared;
        fabrikam.userName = QStringLiteral("SAM@northwind.example");
        fabrikam.userType = QStringLiteral("user");
        fabrikam.tenantId = sample::kFabrikam;
        Subscription northwind = fabrikam;
        northwind.id = sample::kNorthwindProduction;
        northwind.tenantId = sample::kNorthwind;
        const QList<Subscription> shown = choice.activeSubscriptions({fabrikam, northwind});
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().id, sample::kNorthwindProduction);
    }
};

QTEST_GUILESS_MAIN(TestTenantChoice)
#include "TestTenantChoice.moc"
