// Microbenchmarks of the token cache: parse and serialize a 1,000-token MSAL cache (MsalCache), read and
// rewrite it on disk (MsalCacheFile), and answer a token request from it (CachedTokenLookup). Run by
// bench/run.sh (goal: parse and serialize under 20 ms each), never by ctest.
//
//   tenantry-microbench [--benchmark_filter=REGEX] [--benchmark_format=json] ...

#include "account/CachedTokenLookup.h"
#include "cache/MsalCache.h"
#include "store/MsalCacheFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace tenantry;

namespace {

constexpr int kAccounts = 10;
constexpr int kTenantsPerAccount = 50;
const QStringList kResources = {QStringLiteral("https://management.core.windows.net//.default"),
                                QStringLiteral("https://graph.microsoft.com/.default")};
const QString kEnvironment = QStringLiteral("login.microsoftonline.com");
constexpr qsizetype kTokenChars = 1800; // a real access token (a JWT) is 1.5 to 2.5 KB

QString guid(int kind, int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(kind, 8, 10, QLatin1Char('0')).arg(n, 12, 16, QLatin1Char('0'));
}

QString homeAccountId(int account)
{
    return guid(1, account) + QLatin1Char('.') + guid(2, 0);
}

QString username(int account)
{
    return QStringLiteral("user%1@bench.example").arg(account);
}

// A fake token of real length; distinct per entry so nothing compresses or shares.
Secret fakeToken(int n)
{
    QString text = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.%1.").arg(n);
    text.append(QString(kTokenChars - text.size(), QLatin1Char('A' + n % 26)));
    return Secret(text);
}

// 10 accounts, each with a refresh token, an ID token, an Account entry and 100 access tokens (50 tenants
// x 2 resources): 1,000 access tokens, as az leaves after a few weeks with many tenants.
MsalCache thousandTokenCache(qint64 now)
{
    MsalCache cache;
    int n = 0;
    for (int a = 0; a < kAccounts; ++a) {
        Account account;
        account.homeAccountId = homeAccountId(a);
        account.environment = kEnvironment;
        account.realm = guid(2, 0);
        account.localAccountId = guid(1, a);
        account.username = username(a);
        cache.upsert(account);
        RefreshToken refresh;
        refresh.homeAccountId = account.homeAccountId;
        refresh.environment = kEnvironment;
        refresh.clientId = kAzureCliClientId;
        refresh.familyId = QStringLiteral("1");
        refresh.secret = fakeToken(n++);
        refresh.lastModificationTime = now;
        cache.upsert(refresh);
        IdToken id;
        id.homeAccountId = account.homeAccountId;
        id.environment = kEnvironment;
        id.realm = account.realm;
        id.clientId = kAzureCliClientId;
        id.secret = fakeToken(n++);
        cache.upsert(id);
        for (int t = 0; t < kTenantsPerAccount; ++t) {
            for (const QString& resource : kResources) {
                AccessToken token;
                token.homeAccountId = account.homeAccountId;
                token.environment = kEnvironment;
                token.clientId = kAzureCliClientId;
                token.realm = guid(3, t);
                token.target = resource;
                token.secret = fakeToken(n++);
                token.cachedAt = now;
                token.expiresOn = now + 3600;
                token.extendedExpiresOn = now + 3600;
                cache.upsert(token);
            }
        }
    }
    return cache;
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

void parseCache(benchmark::State& state)
{
    const QByteArray bytes = thousandTokenCache(nowSecs()).serialize();
    for (auto _ : state) {
        MsalCache cache;
        QString error;
        if (!MsalCache::parse(bytes, &cache, &error)) {
            state.SkipWithError("the cache did not parse");
            break;
        }
        benchmark::DoNotOptimize(cache);
    }
    state.counters["bytes"] = double(bytes.size());
}
BENCHMARK(parseCache)->Name("MsalCache/parse/1000")->Unit(benchmark::kMillisecond);

void serializeCache(benchmark::State& state)
{
    const MsalCache cache = thousandTokenCache(nowSecs());
    for (auto _ : state) {
        QByteArray bytes = cache.serialize();
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(serializeCache)->Name("MsalCache/serialize/1000")->Unit(benchmark::kMillisecond);

// The file in a fresh temporary directory, as `az` left it.
struct CacheOnDisk
{
    QTemporaryDir dir;
    QString path;

    explicit CacheOnDisk(const MsalCache& cache)
        : path(dir.filePath(QStringLiteral("msal_token_cache.json")))
    {
        QFile file(path);
        if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(cache.serialize()) < 0)
            path.clear();
    }
};

void readCacheFile(benchmark::State& state)
{
    const CacheOnDisk disk(thousandTokenCache(nowSecs()));
    const MsalCacheFile file(disk.path);
    for (auto _ : state) {
        const MsalCacheFile::ReadResult result = file.read();
        if (result.status != MsalCacheFile::Status::Ok) {
            state.SkipWithError("the cache file could not be read");
            break;
        }
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(readCacheFile)->Name("MsalCacheFile/read/1000")->Unit(benchmark::kMillisecond);

// A full write: lock, re-read, change one access token, atomic replace.
void modifyCacheFile(benchmark::State& state)
{
    const qint64 now = nowSecs();
    const CacheOnDisk disk(thousandTokenCache(now));
    MsalCacheFile file(disk.path);
    AccessToken token = thousandTokenCache(now).accessTokens().first();
    for (auto _ : state) {
        token.cachedAt += 1; // a real change, so every iteration writes
        const MsalCacheFile::WriteResult result = file.modify([&token](MsalCache& cache) { cache.upsert(token); });
        if (!result.ok || !result.changed) {
            state.SkipWithError("the cache file could not be written");
            break;
        }
    }
}
BENCHMARK(modifyCacheFile)->Name("MsalCacheFile/modify/1000")->Unit(benchmark::kMillisecond);

// `get-access-token` for the last account's last tenant: the lookup az's answer depends on.
void lookupToken(benchmark::State& state, bool cached)
{
    const qint64 now = nowSecs();
    const MsalCache cache = thousandTokenCache(now);
    const CachedTokenLookup lookup(kEnvironment, kAzureCliClientId);
    TokenRequest request;
    request.scopes = {kResources.first()};
    request.tenantId = cached ? guid(3, kTenantsPerAccount - 1) : guid(3, kTenantsPerAccount);
    request.username = username(kAccounts - 1);
    for (auto _ : state) {
        const TokenResponse response = lookup.lookup(cache, request, now);
        if (response.ok() != cached) {
            state.SkipWithError("the lookup did not give the expected answer");
            break;
        }
        benchmark::DoNotOptimize(response);
    }
}
BENCHMARK_CAPTURE(lookupToken, hit, true)->Name("CachedTokenLookup/hit/1000")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(lookupToken, miss, false)->Name("CachedTokenLookup/miss/1000")->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // QTemporaryDir and the translations want one
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
