// CacheInventory: the shared cache described app by app without secrets, and the user's removals from
// it, which take exactly what was asked and leave other apps' entries, unknown sections and fields alone.

#include "cache/CacheInventory.h"
#include "fakes/SampleCache.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test::shared;

namespace {

const QString kAzureCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kSamName = QStringLiteral("sam@northwind.example");

QList<CacheRow> rowsOf(const MsalCache& cache, CacheRow::Kind kind, const QString& clientId = {})
{
    QList<CacheRow> out;
    for (const CacheRow& r : CacheInventory::rows(cache)) {
        if (r.kind == kind && (clientId.isEmpty() || r.clientId == clientId))
            out.append(r);
    }
    return out;
}

// The document without the given entries: what a removal of exactly those must leave.
Json without(Json document, const QList<QPair<const char*, QString>>& entries)
{
    for (const auto& [section, key] : entries)
        document[section].erase(key.toStdString());
    return document;
}

} // namespace

class TestCacheInventory : public QObject
{
    Q_OBJECT

private slots:
    void knownClientNames()
    {
        QCOMPARE(CacheInventory::knownClientName(kAzureCli), QStringLiteral("Azure CLI"));
        QCOMPARE(CacheInventory::knownClientName(QStringLiteral("1950A258-227B-4E31-A9CF-717495945FC2")),
                 QStringLiteral("Azure PowerShell"));
        QCOMPARE(CacheInventory::knownClientName(kVsCode), QStringLiteral("Visual Studio Code"));
        QCOMPARE(CacheInventory::knownClientName(QStringLiteral("872cd9fa-d31f-45e0-9eab-6e460a02d1f1")),
                 QStringLiteral("Visual Studio"));
        QCOMPARE(CacheInventory::knownClientName(kUnknownApp), QString());
    }

    // Every entry once, sections in MSAL's order, each app by name where known and each token with its account.
    void rowsOfASharedCache()
    {
        const MsalCache cache = test::sharedSampleCache();
        const QList<CacheRow> rows = CacheInventory::rows(cache);
        QCOMPARE(rows.size(), 8 + 3 + 4 + 2 + 2);
        QCOMPARE(rows.first().kind, CacheRow::Kind::AccessToken);
        QCOMPARE(rows.last().kind, CacheRow::Kind::AppMetadata);

        const QList<CacheRow> vsCode = rowsOf(cache, CacheRow::Kind::AccessToken, kVsCode);
        QCOMPARE(vsCode.size(), 2);
        QCOMPARE(vsCode[0].appName(), QStringLiteral("Visual Studio Code"));
        QCOMPARE(vsCode[0].username, kSamName);
        QCOMPARE(vsCode[0].realm, QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"));
        QCOMPARE(vsCode[0].expiresOn, kSamVsCodeTokenExpiry);
        QCOMPARE(vsCode[1].username, kAlexName);
        QCOMPARE(vsCode[1].expiresOn, kAlexTokenExpiry);

        const QList<CacheRow> unknown = rowsOf(cache, CacheRow::Kind::AccessToken, kUnknownApp);
        QCOMPARE(unknown.size(), 2);
        QCOMPARE(unknown[0].clientName, QString());
        QCOMPARE(unknown[0].appName(), kUnknownApp);
        QCOMPARE(unknown[0].homeAccountId, QString()); // app-only
        QCOMPARE(unknown[0].username, QString());

        const QList<CacheRow> refresh = rowsOf(cache, CacheRow::Kind::RefreshToken, kAzureCli);
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(refresh[0].appName(), QStringLiteral("Azure CLI"));
        QCOMPARE(refresh[0].scopes, QStringLiteral("https://management.core.windows.net//.default"));
        QVERIFY(refresh[0].lastModified > 0);

        for (const CacheRow& r : rowsOf(cache, CacheRow::Kind::Account))
            QCOMPARE(r.clientName, QString());
    }

    void removeOneEntry()
    {
        MsalCache cache = test::sharedSampleCache();
        const CacheRow doomed = rowsOf(cache, CacheRow::Kind::AccessToken, kVsCode).first();
        const Json expected = without(cache.document(), {{"AccessToken", doomed.key}});

        const CacheRemoval removal = CacheInventory::removeEntry(cache, CacheRow::Kind::AccessToken, doomed.key);
        QCOMPARE(removal.accessTokens, 1);
        QCOMPARE(removal.total(), 1);
        QVERIFY(cache.document() == expected); // nothing else: other apps, the unknown section and field stay
        QVERIFY(cache.document().contains("UnknownSection"));

        QCOMPARE(CacheInventory::removeEntry(cache, CacheRow::Kind::AccessToken, doomed.key).total(), 0);
        QCOMPARE(CacheInventory::removeEntry(cache, CacheRow::Kind::RefreshToken, doomed.key).total(), 0);
        QVERIFY(cache.document() == expected);
    }

    // One account's tokens of one app: its access, refresh and ID tokens; the account stays for other apps.
    void removeAnAppsTokensOfOneAccount()
    {
        MsalCache cache = test::sharedSampleCache();
        QList<QPair<const char*, QString>> doomed;
        for (const CacheRow& r : CacheInventory::rows(cache)) {
            if (r.clientId == kVsCode && r.homeAccountId == kSam)
                doomed.append({r.kind == CacheRow::Kind::AccessToken    ? "AccessToken"
                               : r.kind == CacheRow::Kind::RefreshToken ? "RefreshToken"
                                                                        : "IdToken",
                               r.key});
        }
        QCOMPARE(doomed.size(), 3);
        const Json expected = without(cache.document(), doomed);

        const CacheRemoval removal = CacheInventory::removeAppEntries(cache, kVsCode.toUpper(), kSam);
        QCOMPARE(removal.accessTokens, 1);
        QCOMPARE(removal.refreshTokens, 1);
        QCOMPARE(removal.idTokens, 1);
        QCOMPARE(removal.accounts, 0);
        QVERIFY(cache.document() == expected);
    }

    // Every account's tokens of one app, and its metadata; accounts and other apps stay.
    void removeAnAppsTokensOfEveryAccount()
    {
        MsalCache cache = test::sharedSampleCache();
        const MsalCache before = cache;
        const CacheRemoval removal = CacheInventory::removeAppEntries(cache, kVsCode, QString());
        QCOMPARE(removal.accessTokens, 2);
        QCOMPARE(removal.refreshTokens, 2);
        QCOMPARE(removal.idTokens, 1);
        QCOMPARE(removal.accounts, 0);
        for (const CacheRow& r : CacheInventory::rows(cache))
            QVERIFY2(r.clientId != kVsCode, qPrintable(r.key));
        QCOMPARE(cache.accounts().size(), 2);
        QCOMPARE(rowsOf(cache, CacheRow::Kind::AccessToken, kAzureCli).size(), 4);
        QCOMPARE(rowsOf(cache, CacheRow::Kind::AccessToken, kUnknownApp).size(), 2);
        QCOMPARE(cache.document().at("UnknownSection"), before.document().at("UnknownSection"));
        QCOMPARE(cache.entryCount(), before.entryCount() - 6);

        // An app-only token goes with its app's tokens of every account.
        QCOMPARE(CacheInventory::removeAppEntries(cache, kUnknownApp, QString()).accessTokens, 2);
    }
};

QTEST_GUILESS_MAIN(TestCacheInventory)
#include "TestCacheInventory.moc"
