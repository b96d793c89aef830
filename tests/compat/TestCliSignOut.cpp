// The built tenantry-cli signing out on real files and the real keychain (the test session's gnome-keyring):
// `logout --username U` finds U's account and removes its tokens under every alias of the cloud's sign-in
// host, as older MSAL/ADAL and .NET tools wrote them (login.windows.net, sts.windows.net); `account clear`
// leaves no token and no subscription behind, in the file or in the keychain.
#include "cache/CacheInventory.h"
#include "cache/MsalCache.h"
#include "fakes/ProcessRunner.h"
#include "fakes/SampleCache.h"
#include "fakes/TestFiles.h"
#include "util/Json.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kSam = QStringLiteral("sam@northwind.example");
const QString kSamHomeAccountId =
    QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kKim = QStringLiteral("kim@tailspin.example");
const QString kKimHomeAccountId =
    QStringLiteral("5e5e5e5e-6666-4777-8888-999900001111.7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
const QString kTailspin = QStringLiteral("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
const QString kTailspinOps = QStringLiteral("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e");

// az's sample account (Sam: RT, four ATs, three ID tokens, the Account) under `environment` for
// `homeAccountId` / `username`, with Azure CLI's AppMetadata for that host.
void addSampleAccount(MsalCache* cache, const QString& environment, const QString& homeAccountId,
                      const QString& username, bool withAccountEntry)
{
    const MsalCache sample = azSampleCache();
    copyAccountEntries(sample, environment, homeAccountId, cache, withAccountEntry, username);
    for (AppMetadata m : sample.appMetadata()) {
        m.environment = environment;
        cache->upsert(m);
    }
}

// "environment" of every entry of `homeAccountId`, in any section.
QStringList environmentsOf(const Json& document, const QString& homeAccountId)
{
    QStringList out;
    for (const auto& [name, section] : document.items()) {
        if (!section.is_object())
            continue;
        for (const auto& [key, entry] : section.items()) {
            if (entry.value("home_account_id", Json()) == Json(homeAccountId.toStdString()))
                out.append(json::toQString(entry.value("environment", Json())));
        }
    }
    return out;
}

} // namespace

class TestCliSignOut : public QObject
{
    Q_OBJECT

private:
    CliSandbox m_sandbox;
    QString m_config;

    ProcessResult cli(const QStringList& args) { return m_sandbox.cli(args); }
    QString cachePath() const { return m_config + QStringLiteral("/msal_token_cache.json"); }
    QString profilePath() const { return m_config + QStringLiteral("/azureProfile.json"); }

    Json cacheOnDisk() const
    {
        const auto parsed = json::parse(readFile(cachePath()));
        return parsed.value ? *parsed.value : Json();
    }

    // What tenantry-cli itself reads: the keychain copy and the file, reconciled.
    Json cacheList()
    {
        const ProcessResult list = cli({QStringLiteral("cache"), QStringLiteral("list")});
        if (list.exitCode != 0)
            qWarning("cache list: %s", list.err.constData());
        const auto parsed = json::parse(list.out);
        return parsed.value ? *parsed.value : Json();
    }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());

        // az's profile: Sam's three subscriptions, and Kim's one.
        const QByteArray bom("\xEF\xBB\xBF");
        Json profile = *json::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/azureProfile.json")))).value;
        Json kim = profile["subscriptions"][0];
        kim["id"] = kTailspinOps.toStdString();
        kim["name"] = "Tailspin Ops";
        kim["isDefault"] = false;
        kim["tenantId"] = kTailspin.toStdString();
        kim["homeTenantId"] = kTailspin.toStdString();
        kim["user"]["name"] = kKim.toStdString();
        profile["subscriptions"].push_back(kim);
        writeFile(profilePath(), bom + json::dumpPythonCompact(profile));

        // Sam as a .NET tool and older MSAL/ADAL left him: the Account and tokens under login.windows.net,
        // more tokens under sts.windows.net, nothing under login.microsoftonline.com. Kim under two hosts too.
        MsalCache cache;
        addSampleAccount(&cache, QStringLiteral("login.windows.net"), kSamHomeAccountId, kSam, true);
        addSampleAccount(&cache, QStringLiteral("sts.windows.net"), kSamHomeAccountId, kSam, false);
        addSampleAccount(&cache, QStringLiteral("login.microsoftonline.com"), kKimHomeAccountId, kKim, true);
        addSampleAccount(&cache, QStringLiteral("login.windows.net"), kKimHomeAccountId, kKim, false);
        writeFile(cachePath(), cache.serialize());
    }

    void cleanup()
    {
        cli({QStringLiteral("account"), QStringLiteral("clear")}); // the keychain item goes with the test
    }

    // tenantry-cli logout --username sam: nothing of Sam is left under any alias; Kim keeps everything.
    void logoutRemovesTheAccountUnderEveryAlias()
    {
        const Json before = cacheOnDisk();
        QCOMPARE(environmentsOf(before, kSamHomeAccountId).size(), 17);
        const QStringList kimBefore = environmentsOf(before, kKimHomeAccountId);
        QCOMPARE(kimBefore.size(), 17);

        const ProcessResult logout = cli({QStringLiteral("logout"), QStringLiteral("--username"), kSam});
        QVERIFY2(logout.exitCode == 0, logout.err.constData());

        const Json after = cacheOnDisk();
        QCOMPARE(environmentsOf(after, kSamHomeAccountId), QStringList());
        QCOMPARE(environmentsOf(after, kKimHomeAccountId), kimBefore);
        QCOMPARE(after["Account"].size(), size_t(1));
        QCOMPARE(after["AppMetadata"], before["AppMetadata"]); // kept, as MSAL's remove_account does
        // What Tenantry reads back (keychain and file) has no entry of Sam either.
        for (const Json& row : cacheList())
            QVERIFY(row.value("homeAccountId", Json()) != Json(kSamHomeAccountId.toStdString()));

        const Json profile = *json::parse(readFile(profilePath())).value;
        QCOMPARE(profile["subscriptions"].size(), size_t(1));
        QCOMPARE(profile["subscriptions"][0]["user"]["name"], Json(kKim.toStdString()));

        // The account is not there to sign out a second time.
        const ProcessResult again = cli({QStringLiteral("logout"), QStringLiteral("--username"), kSam});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(environmentsOf(cacheOnDisk(), kKimHomeAccountId), kimBefore);
    }

    // tenantry-cli account clear: no token of anybody in the file or the keychain, no subscription.
    void accountClearLeavesNothing()
    {
        // A first command puts the cache into the keychain too.
        QCOMPARE(cacheList().size(), size_t(17 + 17 + 3)); // the AppMetadata of three hosts

        const ProcessResult clear = cli({QStringLiteral("account"), QStringLiteral("clear")});
        QVERIFY2(clear.exitCode == 0, clear.err.constData());

        QVERIFY(!QFileInfo::exists(cachePath()));
        QCOMPARE(cacheList(), Json::array());
        const Json profile = *json::parse(readFile(profilePath())).value;
        QCOMPARE(profile["subscriptions"], Json::array());
        const ProcessResult list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(*json::parse(list.out).value, Json::array());
    }

    // `cache remove --client C [--account A]`: that app's tokens of that account (or of every account) go from
    // the file and the keychain copy; other apps' tokens, the accounts and unknown sections stay.
    void cacheRemoveTakesOneAppsTokens()
    {
        MsalCache expected = sharedSampleCache();
        writeFile(cachePath(), expected.serialize());
        const QString vsCode = QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56");

        const ProcessResult unknown = cli({QStringLiteral("cache"), QStringLiteral("remove"),
                                           QStringLiteral("--client"), QStringLiteral("Azure PowerShell")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("No app 'Azure PowerShell'"), unknown.err.constData());
        QVERIFY(cacheOnDisk() == expected.document());

        const ProcessResult one = cli({QStringLiteral("cache"), QStringLiteral("remove"), QStringLiteral("--client"),
                                       QStringLiteral("visual studio code"), QStringLiteral("--account"), kSam});
        QVERIFY2(one.exitCode == 0, one.err.constData());
        const auto counts = json::parse(one.out);
        QVERIFY(counts.value);
        QCOMPARE(*counts.value, (Json{{"accessTokens", 1}, {"idTokens", 1}, {"refreshTokens", 1}}));
        CacheInventory::removeAppEntries(expected, vsCode, shared::kSam);
        QVERIFY(cacheOnDisk() == expected.document());
        QVERIFY(cacheOnDisk().contains("UnknownSection"));

        const ProcessResult all =
            cli({QStringLiteral("cache"), QStringLiteral("remove"), QStringLiteral("--client"), vsCode});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        CacheInventory::removeAppEntries(expected, vsCode, QString());
        QVERIFY(cacheOnDisk() == expected.document());
        for (const Json& entry : cacheList())
            QVERIFY(entry.value("clientId", Json()) != Json(vsCode.toStdString())); // nor in the keychain copy
    }
};

QTEST_GUILESS_MAIN(TestCliSignOut)
#include "TestCliSignOut.moc"
