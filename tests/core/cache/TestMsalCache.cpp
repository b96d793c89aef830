#include "cache/CacheKeys.h"
#include "cache/MsalCache.h"
#include "fakes/SampleCache.h"
#include "fakes/TestFiles.h"

#include <QtTest>

using namespace tenantry;
using tenantry::test::copyAccountEntries;
using tenantry::test::dataPath;
using tenantry::test::readFile;

namespace {

const QString kCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kEnv = QStringLiteral("login.microsoftonline.com");
const QString kHid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kOther = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const qint64 kSampleNow = 1795422100; // a minute after the sample's tokens were cached

MsalCache sample()
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json"))), &cache, &error))
        qFatal("sample does not parse");
    return cache;
}

Json parsed(const QByteArray& bytes)
{
    return Json::parse(bytes.constBegin(), bytes.constEnd());
}

// The environment of every token and Account entry of `homeAccountId`.
QStringList entryEnvironmentsOf(const MsalCache& cache, const QString& homeAccountId)
{
    QStringList out;
    for (const AccessToken& t : cache.accessTokens())
        if (t.homeAccountId == homeAccountId)
            out.append(t.environment);
    for (const RefreshToken& t : cache.refreshTokens())
        if (t.homeAccountId == homeAccountId)
            out.append(t.environment);
    for (const IdToken& t : cache.idTokens())
        if (t.homeAccountId == homeAccountId)
            out.append(t.environment);
    for (const Account& a : cache.accounts())
        if (a.homeAccountId == homeAccountId)
            out.append(a.environment);
    return out;
}

} // namespace

class TestMsalCache : public QObject
{
    Q_OBJECT

private slots:
    void roundTripOfAzSampleIsIdentical()
    {
        const QByteArray original = readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json")));
        const QByteArray saved = sample().serialize();
        QCOMPARE(parsed(saved), parsed(original));
        // MSAL Python's json.dumps(indent=4) bytes, too: no BOM, no trailing newline.
        QCOMPARE(saved, original);
    }

    void typedViewsOfSample()
    {
        const MsalCache cache = sample();
        QCOMPARE(cache.accessTokens().size(), 4);
        QCOMPARE(cache.idTokens().size(), 3);
        QCOMPARE(cache.refreshTokens().size(), 1);
        QCOMPARE(cache.accounts().size(), 1);
        QCOMPARE(cache.appMetadata().size(), 1);
        const Account account = cache.accounts().first();
        QCOMPARE(account.username, QStringLiteral("sam@northwind.example"));
        QCOMPARE(account.homeAccountId, kHid);
        QCOMPARE(account.realm, QStringLiteral("organizations"));
        const RefreshToken rt = cache.refreshTokens().first();
        QCOMPARE(rt.familyId, QStringLiteral("1"));
        QCOMPARE(rt.lastModificationTime, qint64(1795422014));
    }

    void keysAreRecomputedExactlyAsMsal()
    {
        // Every key in az's own file equals the key we derive from the entry's fields.
        const MsalCache cache = sample();
        for (const AccessToken& t : cache.accessTokens())
            QCOMPARE(cachekeys::accessToken(t), t.key);
        for (const RefreshToken& t : cache.refreshTokens())
            QCOMPARE(cachekeys::refreshToken(t), t.key);
        for (const IdToken& t : cache.idTokens())
            QCOMPARE(cachekeys::idToken(t), t.key);
        for (const Account& a : cache.accounts())
            QCOMPARE(cachekeys::account(a), a.key);
        for (const AppMetadata& m : cache.appMetadata())
            QCOMPARE(cachekeys::appMetadata(m), m.key);
    }

    void onlyKeysAreLowerCasedAndAppMetadataIsNot()
    {
        MsalCache cache;
        AccessToken t;
        t.homeAccountId = QStringLiteral("UID.UTID");
        t.environment = kEnv;
        t.clientId = kCli;
        t.realm = QStringLiteral("organizations");
        t.target = QStringLiteral("https://graph.microsoft.com/User.Read https://graph.microsoft.com/.default");
        t.secret = Secret(QStringLiteral("at"));
        t.expiresOn = 100;
        cache.upsert(t);
        AppMetadata m{QString(), QStringLiteral("ABC-Client"), QStringLiteral("Login.Example"), QString()};
        cache.upsert(m);
        const Json& doc = cache.document();
        const std::string key =
            "uid.utid-login.microsoftonline.com-accesstoken-" + kCli.toStdString() +
            "-organizations-https://graph.microsoft.com/user.read https://graph.microsoft.com/.default";
        QVERIFY(doc["AccessToken"].contains(key));
        QCOMPARE(doc["AccessToken"][key]["target"].get<std::string>(),
                 std::string("https://graph.microsoft.com/User.Read https://graph.microsoft.com/.default"));
        QCOMPARE(doc["AccessToken"][key]["home_account_id"].get<std::string>(), std::string("UID.UTID"));
        QVERIFY(doc["AppMetadata"].contains("appmetadata-Login.Example-ABC-Client"));
        // Times are strings of integer seconds.
        QVERIFY(doc["AccessToken"][key]["expires_on"].is_string());
    }

    void unknownSectionsFieldsAndOtherClientsSurvive()
    {
        Json doc = sample().document();
        doc["AccessToken"].begin().value()["x_unknown_field"] = "keep me";
        doc["SomeoneElsesSection"] = {{"k", {{"a", 1}, {"b", {1, 2, 3}}}}};
        const std::string psKey = "abc.def-login.windows.net-refreshtoken-1950a258-227b-4e31-a9cf-717495945fc2--";
        doc["RefreshToken"][psKey] = {{"credential_type", "RefreshToken"},
                                      {"secret", "ps"},
                                      {"home_account_id", "abc.def"},
                                      {"environment", "login.windows.net"},
                                      {"client_id", "1950a258-227b-4e31-a9cf-717495945fc2"},
                                      {"ext", {{"x", 1}}}};
        MsalCache cache = MsalCache::fromDocument(doc);

        // Our own writes elsewhere in the cache leave all of that unchanged.
        AccessToken t;
        t.homeAccountId = kHid;
        t.environment = kEnv;
        t.clientId = kCli;
        t.realm = kOther;
        t.target = QStringLiteral("https://vault.azure.net/.default");
        t.secret = Secret(QStringLiteral("kv"));
        t.expiresOn = kSampleNow + 3600;
        cache.upsert(t);
        MsalCache reloaded;
        QVERIFY(MsalCache::parse(cache.serialize(), &reloaded, nullptr));
        Json expected = doc;
        expected["AccessToken"][cachekeys::accessToken(t).toStdString()] =
            reloaded.document()["AccessToken"][cachekeys::accessToken(t).toStdString()];
        QCOMPARE(reloaded.document(), expected);
        QCOMPARE(reloaded.document()["RefreshToken"][psKey]["ext"]["x"].get<int>(), 1);
    }

    // Writing an Account entry over one another client wrote keeps what Tenantry does not set (MSAL
    // Python >= 1.25's account_source, client_info); a sign-in's own account_source replaces the old one.
    void accountUpsertKeepsOtherClientsFields()
    {
        const std::string key = "u.t-login.microsoftonline.com-organizations";
        const Json foreign = {{"home_account_id", "u.t"},      {"environment", "login.microsoftonline.com"},
                              {"realm", "organizations"},      {"local_account_id", "u"},
                              {"username", "old@contoso.com"}, {"authority_type", "MSSTS"},
                              {"account_source", "broker"},    {"client_info", "eyJ1aWQiOiJ1In0"}};
        MsalCache cache;
        QString error;
        QVERIFY(MsalCache::fromJson(Json{{"Account", {{key, foreign}}}}, &cache, &error));
        QCOMPARE(cache.accounts().first().accountSource, QStringLiteral("broker"));

        Account a;
        a.homeAccountId = QStringLiteral("u.t");
        a.environment = kEnv;
        a.realm = QStringLiteral("organizations");
        a.localAccountId = QStringLiteral("u");
        a.username = QStringLiteral("new@contoso.com");
        cache.upsert(a);
        Json expected = foreign;
        expected["username"] = "new@contoso.com";
        QCOMPARE(cache.document()["Account"][key], expected);

        a.accountSource = QStringLiteral("authorization_code");
        cache.upsert(a);
        expected["account_source"] = "authorization_code";
        QCOMPARE(cache.document()["Account"][key], expected);
    }

    void serializationIsAsciiWithPythonEscapes()
    {
        MsalCache cache;
        Account a;
        a.homeAccountId = QStringLiteral("u.t");
        a.environment = kEnv;
        a.realm = QStringLiteral("organizations");
        a.username = QStringLiteral("jos\u00e9@contoso.com \U0001F600");
        cache.upsert(a);
        const QByteArray bytes = cache.serialize();
        for (char c : bytes)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);
        QVERIFY(bytes.contains("jos\\u00e9@contoso.com \\ud83d\\ude00"));
        QVERIFY(!bytes.endsWith('\n'));
        QVERIFY(bytes.contains("\n    \"Account\": {\n        \"u.t-login.microsoftonline.com-organizations\": {"));
    }

    void emptyAndBomAndCorruptText()
    {
        MsalCache cache;
        QString error;
        QVERIFY(MsalCache::parse(QByteArray(), &cache, &error));
        QCOMPARE(cache.entryCount(), 0);
        QVERIFY(MsalCache::parse("  \n", &cache, &error));
        bool bom = false;
        QVERIFY(MsalCache::parse("\xEF\xBB\xBF{\"AccessToken\": {}}", &cache, &error, &bom));
        QVERIFY(bom);
        const QByteArray secretish = "{\"RefreshToken\": {\"k\": {\"secret\": \"SECRET-VALUE-123\"";
        QVERIFY(!MsalCache::parse(secretish, &cache, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QStringLiteral("SECRET-VALUE-123")));
        QVERIFY(!MsalCache::parse("[1,2]", &cache, &error));
    }

    void shapesNoMsalCanUseAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QString notACache = QStringLiteral("the file holds JSON but not a token cache object");
        QTest::newRow("array") << QByteArray("[1, 2]") << notACache;
        QTest::newRow("number") << QByteArray("42") << notACache;
        QTest::newRow("string") << QByteArray("\"AccessToken\"") << notACache;
        QTest::newRow("null") << QByteArray("null") << notACache;
        QTest::newRow("section a list") << QByteArray(R"({"AccessToken": [{"secret": "s"}]})")
                                        << QStringLiteral("its \"AccessToken\" section is not a JSON object");
        QTest::newRow("section null") << QByteArray(R"({"RefreshToken": null})")
                                      << QStringLiteral("its \"RefreshToken\" section is not a JSON object");
        QTest::newRow("section a number") << QByteArray(R"({"AppMetadata": 1})")
                                          << QStringLiteral("its \"AppMetadata\" section is not a JSON object");
        QTest::newRow("nested too deep") << QByteArray("{\"Other\": " + QByteArray(100000, '[') +
                                                       QByteArray(100000, ']') + "}")
                                         << QStringLiteral("it nests arrays or objects more than 64 levels deep");
    }

    void shapesNoMsalCanUseAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        MsalCache cache;
        QString why;
        QVERIFY(!MsalCache::parse(bytes, &cache, &why));
        QCOMPARE(why, error);
        QVERIFY(!MsalCache::fromJson(Json::array(), &cache, &why));
    }

    void entriesOfTheWrongShapeAreSkippedOnReadAndKeptOnWrite()
    {
        // Entries that are not objects or have a field of the wrong type (tests/data/hostile): the one good
        // access token is read, the rest is skipped, and every one of them survives our own writes.
        const QByteArray bytes = readFile(dataPath(QStringLiteral("hostile/msal_token_cache-junk-entries.json")));
        MsalCache cache;
        QString error;
        QVERIFY2(MsalCache::parse(bytes, &cache, &error), qPrintable(error));
        QCOMPARE(cache.accessTokens().size(), 1);
        QCOMPARE(cache.accessTokens().first().key, QStringLiteral("good-at"));
        QCOMPARE(cache.accessTokens().first().expiresOn, qint64(1795425640));
        QVERIFY(cache.refreshTokens().isEmpty());
        QVERIFY(cache.idTokens().isEmpty());
        QVERIFY(cache.accounts().isEmpty());
        QVERIFY(cache.appMetadata().isEmpty());
        AccessTokenQuery query;
        query.clientId = kCli;
        query.environment = kEnv;
        query.homeAccountId = kHid;
        query.realm = kHome;
        query.scopes = {QStringLiteral("https://management.core.windows.net//user_impersonation")};
        QCOMPARE(cache.findAccessToken(query, kSampleNow)->key, QStringLiteral("good-at"));
        QVERIFY(!cache.refreshTokensFor(kHid, kEnv, kCli).size());

        const Json before = *json::parse(bytes).value;
        RefreshToken rt;
        rt.homeAccountId = kHid;
        rt.environment = kEnv;
        rt.clientId = kCli;
        rt.secret = Secret(QStringLiteral("new-rt"));
        cache.upsert(rt);
        QCOMPARE(cache.removeRealm(kHid, kEnv, kOther).total(), 0);
        Json written = *json::parse(cache.serialize()).value;
        written["RefreshToken"].erase(cachekeys::refreshToken(rt).toStdString());
        QCOMPARE(written, before);
    }

    void findAccessTokenMatchesRealmScopesAndExpiry()
    {
        const MsalCache cache = sample();
        AccessTokenQuery q{kCli, kEnv, kHid, kOther, {QStringLiteral("https://management.core.windows.net//.default")}};
        auto hit = cache.findAccessToken(q, kSampleNow);
        QVERIFY(hit);
        QCOMPARE(hit->realm, kOther);
        QCOMPARE(hit->expiresOn, qint64(1795425612));

        q.scopes = {QStringLiteral("https://graph.microsoft.com/.default")};
        QVERIFY(!cache.findAccessToken(q, kSampleNow)); // no Graph token in that tenant
        q.realm = kHome;
        QVERIFY(cache.findAccessToken(q, kSampleNow));
        // Scope matching is case-sensitive, as in MSAL.
        q.scopes = {QStringLiteral("https://GRAPH.microsoft.com/.default")};
        QVERIFY(!cache.findAccessToken(q, kSampleNow));
        // Under 5 minutes left counts as expired.
        q.scopes = {QStringLiteral("https://graph.microsoft.com/.default")};
        QVERIFY(cache.findAccessToken(q, 1795425613 - 301));
        QVERIFY(!cache.findAccessToken(q, 1795425613 - 300));
        // A .NET tool's login.windows.net alias matches too.
        q.environment = QStringLiteral("login.windows.net");
        QVERIFY(cache.findAccessToken(q, kSampleNow));
    }

    void refreshTokenRotationKeepsEntry()
    {
        MsalCache cache = sample();
        const RefreshToken rt = cache.refreshTokensFor(kHid, kEnv, kCli).first();
        Json before = cache.document()["RefreshToken"][rt.key.toStdString()];
        QVERIFY(cache.rotateRefreshToken(rt.key, Secret(QStringLiteral("new-rt")), 1795429999));
        Json after = cache.document()["RefreshToken"][rt.key.toStdString()];
        QCOMPARE(after["secret"].get<std::string>(), std::string("new-rt"));
        QCOMPARE(after["last_modification_time"].get<std::string>(), std::string("1795429999"));
        before.erase("secret");
        before.erase("last_modification_time");
        after.erase("secret");
        after.erase("last_modification_time");
        QCOMPARE(after, before);
        QCOMPARE(cache.refreshTokens().size(), 1);
    }

    void familyRefreshTokensServeOtherFamilyClients()
    {
        const MsalCache cache = sample();
        // Azure PowerShell's client id has no AppMetadata here: any family-1 RT is a candidate.
        const auto rts = cache.refreshTokensFor(kHid, kEnv, QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2"));
        QCOMPARE(rts.size(), 1);
        QCOMPARE(rts.first().clientId, kCli);
    }

    void removeAccountAsMsalForgetMe()
    {
        Json doc = sample().document();
        // Another account's entries must survive.
        doc["Account"]["someone.else-login.microsoftonline.com-organizations"] = {
            {"home_account_id", "someone.else"},
            {"environment", "login.microsoftonline.com"},
            {"realm", "organizations"},
            {"username", "x@y"},
            {"authority_type", "MSSTS"}};
        MsalCache cache = MsalCache::fromDocument(doc);
        const CacheRemoval r = cache.removeAccount(kHid, kEnv, kCli);
        QCOMPARE(r.accessTokens, 4);
        QCOMPARE(r.idTokens, 3);
        QCOMPARE(r.refreshTokens, 1);
        QCOMPARE(r.accounts, 1);
        const Json& after = cache.document();
        QCOMPARE(after["AccessToken"], Json::object()); // emptied sections stay as {}
        QCOMPARE(after["RefreshToken"], Json::object());
        QCOMPARE(after["Account"].size(), size_t(1));
        QCOMPARE(after["AppMetadata"].size(), size_t(1)); // AppMetadata is kept
    }

    // .NET tools and older MSAL/ADAL wrote the same account under login.windows.net and sts.windows.net:
    // a sign-out leaves nothing of it under any alias of the cloud, and touches other clouds and users not.
    void removeAccountUnderEveryAliasOfTheCloud()
    {
        const MsalCache original = sample();
        MsalCache cache = original;
        const QStringList otherAliases = {QStringLiteral("login.windows.net"), QStringLiteral("sts.windows.net"),
                                          QStringLiteral("LOGIN.MICROSOFT.COM")};
        for (const QString& alias : otherAliases) {
            copyAccountEntries(original, alias, kHid, &cache);
        }
        // The same home account in another cloud, and another user under an alias: both stay.
        copyAccountEntries(original, QStringLiteral("login.microsoftonline.us"), kHid, &cache);
        copyAccountEntries(original, QStringLiteral("login.windows.net"), QStringLiteral("someone.else"), &cache);
        AppMetadata dotNet{QString(), kCli, QStringLiteral("login.windows.net"), QStringLiteral("1")};
        cache.upsert(dotNet);

        const CacheRemoval r = cache.removeAccount(kHid, kEnv, kCli);
        QCOMPARE(r.refreshTokens, 4);
        QCOMPARE(r.accounts, 4);
        QCOMPARE(r.accessTokens, 16);
        QCOMPARE(r.idTokens, 12);
        for (const QString& env : entryEnvironmentsOf(cache, kHid))
            QCOMPARE(env, QStringLiteral("login.microsoftonline.us"));
        QCOMPARE(entryEnvironmentsOf(cache, kHid).size(), 9);
        QCOMPARE(entryEnvironmentsOf(cache, QStringLiteral("someone.else")).size(), 9);
        QCOMPARE(cache.appMetadata().size(), 2); // AppMetadata is kept, as MSAL does

        // From an alias, the same: the cloud is what counts, not the host the caller names.
        MsalCache fromAlias = original;
        copyAccountEntries(original, QStringLiteral("sts.windows.net"), kHid, &fromAlias);
        QCOMPARE(fromAlias.removeAccount(kHid, QStringLiteral("login.windows.net"), kCli).total(), 18);
        QCOMPARE(entryEnvironmentsOf(fromAlias, kHid).size(), 0);
    }

    void removeRealmUnderEveryAliasOfTheCloud()
    {
        const MsalCache original = sample();
        MsalCache cache = original;
        copyAccountEntries(original, QStringLiteral("sts.windows.net"), kHid, &cache);
        const CacheRemoval r = cache.removeRealm(kHid, kEnv, kOther);
        QCOMPARE(r.accessTokens, 2);
        QCOMPARE(r.idTokens, 2);
        for (const AccessToken& t : cache.accessTokens())
            QVERIFY(t.realm != kOther);
        QCOMPARE(cache.refreshTokens().size(), 2);
    }

    void removeRealmKeepsRefreshTokenAndOtherTenants()
    {
        MsalCache cache = sample();
        const CacheRemoval r = cache.removeRealm(kHid, kEnv, kOther);
        QCOMPARE(r.accessTokens, 1);
        QCOMPARE(r.idTokens, 1);
        QCOMPARE(cache.refreshTokens().size(), 1);
        QCOMPARE(cache.accessTokens().size(), 3);
    }

    void appOnlyTokenHasNullHomeAccount()
    {
        MsalCache cache;
        AccessToken t;
        t.environment = kEnv;
        t.clientId = QStringLiteral("11112222-3333-4444-5555-666677778888");
        t.realm = kHome;
        t.target = QStringLiteral("https://management.core.windows.net//.default");
        cache.upsert(t);
        const auto& entry = cache.document()["AccessToken"].begin();
        QVERIFY(entry.value()["home_account_id"].is_null());
        QVERIFY(QString::fromStdString(entry.key()).startsWith(QStringLiteral("-login.microsoftonline.com-")));
    }
};

QTEST_GUILESS_MAIN(TestMsalCache)
#include "TestMsalCache.moc"
