// A separate process that writes the MSAL token cache file the way Tenantry does, for the concurrency and
// lock tests (TestMsalCacheFile, TestFileLock, TestMsalPythonInterop).
//
//   cache-writer <cache-path> <label> <count> [--pause-ms N]
//       Adds <count> access tokens, one MsalCacheFile::modify() each, with distinct keys (the target is
//       "https://cache-writer.invalid/<label>/<i>/.default"). Exits 0 when every modify() succeeded.
//   cache-writer --hold-lock <lock-path> <ms>
//       Takes the FileLock, prints "locked" (flushed), holds it <ms> milliseconds, releases, exits 0.
//   cache-writer --crash-holding-lock <lock-path>
//       Takes the FileLock, prints "locked", and dies without releasing it (a crashed holder).
//   cache-writer --keychain-only <config-dir> <label> <count> [--service NAME]
//       Adds <count> accounts ("<label>-<i>", each a refresh token and an Account entry) through a
//       TokenCacheService in keychain-only mode on the real keychain (service NAME, default
//       "Tenantry-test"), one modify() each. Prints every warning and error (they never hold a secret) to
//       stderr, then "cache-writer <label>: wrote <count> (keychain)" or "(memory)" when no keychain
//       took them. Exits 0 when every modify() succeeded.
//
// Fake tokens only; nothing secret is printed.

#include "store/FileLock.h"
#include "store/KeychainStore.h"
#include "store/MsalCacheFile.h"
#include "store/TokenCacheService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>
#include <thread>

#include <unistd.h>

using namespace tenantry;

namespace {

int usage()
{
    std::fprintf(stderr, "usage: cache-writer <cache-path> <label> <count> [--pause-ms N]\n"
                         "       cache-writer --hold-lock <lock-path> <ms>\n"
                         "       cache-writer --crash-holding-lock <lock-path>\n"
                         "       cache-writer --keychain-only <config-dir> <label> <count> [--service NAME]\n");
    return 2;
}

void say(const char* line)
{
    std::fprintf(stdout, "%s\n", line);
    std::fflush(stdout);
}

int holdLock(const QString& lockPath, int ms, bool crash)
{
    FileLock lock(lockPath);
    if (!lock.acquire()) {
        std::fprintf(stderr, "cache-writer: %s\n", qPrintable(lock.error()));
        return 1;
    }
    say("locked");
    if (crash)
        ::_exit(0); // no destructors: the lock file stays, the OS drops the flock
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    lock.release();
    say("released");
    return 0;
}

int writeTokens(const QString& cachePath, const QString& label, int count, int pauseMs)
{
    MsalCacheFile file(cachePath);
    for (int i = 0; i < count; ++i) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto result = file.modify([&](MsalCache& cache) {
            AccessToken t;
            t.homeAccountId =
                QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
            t.environment = QStringLiteral("login.microsoftonline.com");
            t.clientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
            t.realm = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
            t.target = QStringLiteral("https://cache-writer.invalid/%1/%2/.default").arg(label).arg(i);
            t.secret = Secret(QStringLiteral("fake-at-%1-%2").arg(label).arg(i));
            t.cachedAt = now;
            t.expiresOn = now + 3600;
            t.extendedExpiresOn = now + 3600;
            cache.upsert(t);
        });
        if (!result.ok) {
            std::fprintf(stderr, "cache-writer %s: token %d: %s\n", qPrintable(label), i, qPrintable(result.error));
            return 1;
        }
        if (pauseMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
    }
    std::fprintf(stdout, "cache-writer %s: wrote %d\n", qPrintable(label), count);
    return 0;
}

// The home_account_id of account <i> of writer <label>.
QString accountId(const QString& label, int i)
{
    return QStringLiteral("%1-%2.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f").arg(label).arg(i);
}

void addAccount(MsalCache& cache, const QString& label, int i)
{
    const QString environment = QStringLiteral("login.microsoftonline.com");
    const QString clientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    RefreshToken rt;
    rt.homeAccountId = accountId(label, i);
    rt.environment = environment;
    rt.clientId = clientId;
    rt.secret = Secret(QStringLiteral("fake-rt-%1-%2").arg(label).arg(i));
    rt.familyId = QStringLiteral("1");
    cache.upsert(rt);
    Account account;
    account.homeAccountId = rt.homeAccountId;
    account.environment = environment;
    account.realm = QStringLiteral("organizations");
    account.localAccountId = QStringLiteral("%1-%2").arg(label).arg(i);
    account.username = QStringLiteral("%1-%2@cache-writer.invalid").arg(label).arg(i);
    account.authorityType = QStringLiteral("MSSTS");
    cache.upsert(account);
}

int writeKeychainOnly(const QString& configDir, const QString& label, int count, const QString& service)
{
    KeychainStore keychain(service, nullptr);
    TokenCacheService cache(&keychain, configDir, StorageMode::KeychainOnly);
    int exitCode = 0;
    bool inKeychain = true;
    int i = 0;
    std::function<void()> next;
    next = [&] {
        if (i == count) {
            std::fprintf(stdout, "cache-writer %s: wrote %d (%s)\n", qPrintable(label), count,
                         inKeychain ? "keychain" : "memory");
            std::fflush(stdout);
            QCoreApplication::exit(exitCode);
            return;
        }
        const int n = i++;
        cache.modify([&label, n](MsalCache& c) { addAccount(c, label, n); },
                     [&](const CacheOutcome& outcome) {
                         for (const QString& warning : outcome.warnings)
                             std::fprintf(stderr, "cache-writer %s: warning: %s\n", qPrintable(label),
                                          qPrintable(warning));
                         if (!outcome.ok) {
                             std::fprintf(stderr, "cache-writer %s: account %d: %s\n", qPrintable(label), n,
                                          qPrintable(outcome.error));
                             exitCode = 1;
                         }
                         inKeychain = inKeychain && outcome.usingKeychain;
                         next();
                     });
    };
    QTimer::singleShot(0, &cache, next);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // argv[0] goes into the lock file, as sys.argv[0] does in Python
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 3 && args.at(0) == QLatin1String("--hold-lock"))
        return holdLock(args.at(1), args.at(2).toInt(), false);
    if (args.size() == 2 && args.at(0) == QLatin1String("--crash-holding-lock"))
        return holdLock(args.at(1), 0, true);
    if ((args.size() == 4 || (args.size() == 6 && args.at(4) == QLatin1String("--service"))) &&
        args.at(0) == QLatin1String("--keychain-only")) {
        bool countOk = false;
        const int accounts = args.at(3).toInt(&countOk);
        if (!countOk || accounts < 0)
            return usage();
        return writeKeychainOnly(args.at(1), args.at(2), accounts,
                                 args.size() == 6 ? args.at(5) : QStringLiteral("Tenantry-test"));
    }
    if (args.size() != 3 && !(args.size() == 5 && args.at(3) == QLatin1String("--pause-ms")))
        return usage();
    bool ok = false;
    const int count = args.at(2).toInt(&ok);
    if (!ok || count < 0)
        return usage();
    const int pauseMs = args.size() == 5 ? args.at(4).toInt() : 0;
    return writeTokens(args.at(0), args.at(1), count, pauseMs);
}
