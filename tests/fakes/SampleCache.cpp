#include "fakes/SampleCache.h"

#include "fakes/TestFiles.h"

namespace tenantry::test {

MsalCache azSampleCache()
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json"))), &cache, &error))
        qFatal("the sample token cache does not parse: %s", qPrintable(error));
    return cache;
}

void copyAccountEntries(const MsalCache& from, const QString& environment, const QString& homeAccountId, MsalCache* to,
                        bool withAccounts, const QString& username)
{
    for (AccessToken t : from.accessTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (RefreshToken t : from.refreshTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (IdToken t : from.idTokens()) {
        t.environment = environment;
        t.homeAccountId = homeAccountId;
        to->upsert(t);
    }
    for (Account a : withAccounts ? from.accounts() : QList<Account>()) {
        a.environment = environment;
        a.homeAccountId = homeAccountId;
        if (!username.isEmpty())
            a.username = username;
        to->upsert(a);
    }
}

MsalCache sharedSampleCache()
{
    using namespace shared;
    const QString environment = QStringLiteral("login.microsoftonline.com");
    const QString northwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
    const QString contoso = QStringLiteral("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
    MsalCache cache = azSampleCache();
    const auto accessToken = [&](const QString& clientId, const QString& homeAccountId, const QString& realm,
                                 const QString& target, const char* secret, qint64 expiresOn) {
        AccessToken t;
        t.homeAccountId = homeAccountId;
        t.environment = environment;
        t.clientId = clientId;
        t.realm = realm;
        t.target = target;
        t.secret = Secret(QString::fromLatin1(secret));
        t.cachedAt = expiresOn - 3600;
        t.expiresOn = expiresOn;
        t.extendedExpiresOn = expiresOn;
        cache.upsert(t);
    };
    const auto refreshToken = [&](const QString& clientId, const QString& homeAccountId, const char* secret) {
        RefreshToken t;
        t.homeAccountId = homeAccountId;
        t.environment = environment;
        t.clientId = clientId;
        t.target = QStringLiteral("https://management.core.windows.net//user_impersonation");
        t.secret = Secret(QString::fromLatin1(secret));
        t.lastModificationTime = 1795420000;
        cache.upsert(t);
    };
    const QString arm = QStringLiteral("https://management.core.windows.net//user_impersonation");
    accessToken(kVsCode, kSam, northwind, arm, "vscode-access-token-sam-northwind-0001", kSamVsCodeTokenExpiry);
    refreshToken(kVsCode, kSam, "vscode-refresh-token-sam-0002");
    IdToken id;
    id.homeAccountId = kSam;
    id.environment = environment;
    id.realm = northwind;
    id.clientId = kVsCode;
    id.secret = Secret(QStringLiteral("vscode-id-token-sam-northwind-0003"));
    cache.upsert(id);
    accessToken(kVsCode, kAlex, contoso, arm, "vscode-access-token-alex-contoso-0004", kAlexTokenExpiry);
    refreshToken(kVsCode, kAlex, "vscode-refresh-token-alex-0005");
    Account alex;
    alex.homeAccountId = kAlex;
    alex.environment = environment;
    alex.realm = contoso;
    alex.localAccountId = kAlex.section(QLatin1Char('.'), 0, 0);
    alex.username = kAlexName;
    cache.upsert(alex);
    AppMetadata vsCode;
    vsCode.clientId = kVsCode;
    vsCode.environment = environment;
    cache.upsert(vsCode);
    accessToken(kUnknownApp, QString(), contoso, QStringLiteral("https://vault.azure.net/.default"),
                "unknown-app-only-token-contoso-0006", kSamVsCodeTokenExpiry);
    accessToken(kUnknownApp, kSam, northwind, QStringLiteral("https://storage.azure.com/.default"),
                "unknown-app-token-sam-northwind-0007", kSamVsCodeTokenExpiry);

    Json document = cache.document();
    document["UnknownSection"] = {{"some-key", {{"field", "kept"}}}};
    for (auto& [key, entry] : document["AccessToken"].items()) {
        if (entry.value("target", std::string()) == "https://graph.microsoft.com/.default")
            entry["x_unknown_field"] = "kept";
    }
    return MsalCache::fromDocument(std::move(document));
}

} // namespace tenantry::test
