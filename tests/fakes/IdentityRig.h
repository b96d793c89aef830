#pragma once

#include "account/AzureCliState.h"
#include "account/SignInService.h"
#include "account/TenantDiscovery.h"
#include "account/TokenProvider.h"
#include "auth/AuthorityDiscovery.h"
#include "auth/TokenClient.h"
#include "azure/ArmClient.h"
#include "fakes/MockClock.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestIdentityProvider.h"
#include "http/HttpClient.h"
#include "store/TokenCacheService.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

namespace tenantry::test {

inline const QString kArmScope = TestIdentityProvider::kArmScope;
inline const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

// What a token endpoint call came back with.
struct Grant
{
    TokenGrantResult result;
    QString realm;
};

// The core identity stack wired to a TestIdentityProvider on 127.0.0.1 over plain HTTP, as Session
// wires it for a cloud: one HTTP client, authority discovery, token client, a file-only token cache
// and azureProfile.json in a temporary AZURE_CONFIG_DIR, token provider, ARM, tenant discovery and
// sign-in. Both sides share one MockClock, so tests move token and device code expiry together.
class IdentityRig
{
public:
    IdentityRig(); // the sample directory loaded, listening, the cache loaded (empty)
    ~IdentityRig();

    MockClock clock;
    TestIdentityProvider idp;
    QTemporaryDir configDir;
    QNetworkAccessManager network;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<AuthorityDiscovery> authority;
    std::unique_ptr<TokenClient> client;
    std::unique_ptr<TokenCacheService> cache;
    std::unique_ptr<TokenProvider> tokens;
    std::unique_ptr<ArmClient> arm;
    std::unique_ptr<TenantDiscovery> discovery;
    std::unique_ptr<AzureCliState> state;
    std::unique_ptr<SignInService> signIn;

    QString environment() const { return authority->environment(); } // "127.0.0.1", the cache environment
    QString profilePath() const;
    QString cacheFilePath() const;

    // An interactive sign-in (auth code + PKCE through the in-process browser) at `tenant`.
    Grant interactiveSignIn(const QString& tenant = QStringLiteral("organizations"),
                            const QString& user = sample::kSam);
    // Writes a sign-in's tokens into the cache, as a completed sign-in does (Account entry included).
    void storeSignIn(const Grant& grant);
    // Both: the user is signed in as far as the cache is concerned (no ARM discovery).
    void signInToCache(const QString& tenant = QStringLiteral("organizations"), const QString& user = sample::kSam);

    MsalCache cacheOnDisk() const; // msal_token_cache.json as written
    Json profileOnDisk() const;    // azureProfile.json as written
};

// Runs an asynchronous call and spins the event loop until it calls back (fatal after `timeoutMs`).
template <typename Result, typename Start> Result await(Start start, int timeoutMs = 60000)
{
    auto result = std::make_shared<std::optional<Result>>();
    start([result](const Result& r) { *result = r; });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, timeoutMs))
        qFatal("an asynchronous call never called back");
    return **result;
}

// A token endpoint call: start(done) with TokenClient::Done.
template <typename Start> Grant awaitGrant(Start start, int timeoutMs = 60000)
{
    auto grant = std::make_shared<std::optional<Grant>>();
    start([grant](const TokenGrantResult& result, const QString& realm) { *grant = Grant{result, realm}; });
    if (!QTest::qWaitFor([grant] { return grant->has_value(); }, timeoutMs))
        qFatal("the token endpoint call never called back");
    return **grant;
}

// Every message Qt logs while it lives (tenantry.* debug output switched on), to prove that no
// secret reaches a log line.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    static QStringList messages();
    static void clear();
};

// The secrets that occur in any of `texts` (each named by its length only, never by its value).
QStringList leakedSecrets(const QStringList& texts, const QList<Secret>& secrets);

} // namespace tenantry::test
