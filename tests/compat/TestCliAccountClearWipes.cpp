// `tenantry-cli account clear`, the wipe, run as the built binary on real files and the real keychain
// (scripts/with-test-session.sh): afterwards no file in the config dir and no keychain item holds a
// refresh token, in either storage mode, also one of another app that only a ".bak" copy still held.
#include "cache/MsalCache.h"
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"
#include "store/KeychainStore.h"
#include "store/TokenCacheService.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kPowerShell = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");

// Every file in `dir` whose bytes contain one of `needles`.
QStringList filesHolding(const QString& dir, const QList<QByteArray>& needles)
{
    QStringList found;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo& info : files) {
        const QByteArray bytes = readFile(info.absoluteFilePath());
        if (std::any_of(needles.cbegin(), needles.cend(), [&](const QByteArray& n) { return bytes.contains(n); }))
            found << info.fileName();
    }
    return found;
}

} // namespace

class TestCliAccountClearWipes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("TENANTRY_IN_TEST_SESSION"))
            QSKIP("needs the private Secret Service: run inside scripts/with-test-session.sh");
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
    }

    void accountClearLeavesNoRefreshTokenAnywhere_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("keychain-and-file") << QStringLiteral("keychain-and-file");
        QTest::newRow("keychain-only") << QStringLiteral("keychain-only");
    }

    void accountClearLeavesNoRefreshTokenAnywhere()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("azure"));
        copySample(QStringLiteral("azure-cli-2.45"), config);
        const QString cachePath = config + QStringLiteral("/msal_token_cache.json");
        MsalCache cache;
        QVERIFY(MsalCache::parse(readFile(cachePath), &cache, nullptr));
        RefreshToken ps;
        ps.homeAccountId = QStringLiteral("eeeeeeee-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        ps.environment = QStringLiteral("login.microsoftonline.com");
        ps.clientId = kPowerShell;
        ps.secret = Secret(QStringLiteral("FAKE-POWERSHELL-RT-%1").arg(mode));
        cache.upsert(ps);
        QList<QByteArray> secrets;
        for (const RefreshToken& rt : cache.refreshTokens())
            secrets << rt.secret.reveal().toUtf8();
        QCOMPARE(secrets.size(), 2);
        // A BOM-prefixed cache, and the backup an earlier run made of it.
        const QByteArray withBom = QByteArray("\xEF\xBB\xBF") + cache.serialize();
        writeFile(cachePath, withBom);
        writeFile(cachePath + QStringLiteral(".bak"), withBom);

        QProcessEnvironment env = azEnvironment(config);
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), mode);
        const ProcessResult list = runProcess(tenantryCli(), {QStringLiteral("account"), QStringLiteral("list")}, env);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const ProcessResult clear =
            runProcess(tenantryCli(), {QStringLiteral("account"), QStringLiteral("clear")}, env);
        QVERIFY2(clear.exitCode == 0, clear.err.constData());
        for (const QByteArray& secret : std::as_const(secrets)) {
            QVERIFY(!clear.err.contains(secret));
            QVERIFY(!clear.out.contains(secret));
        }

        QCOMPARE(filesHolding(config, secrets), QStringList());
        QCOMPARE(filesHolding(config, {QByteArrayLiteral("RefreshToken")}), QStringList());
        KeychainStore keychain(QStringLiteral("Tenantry"), nullptr);
        std::optional<SecretStoreResult> item;
        keychain.read(TokenCacheService::keychainKeyFor(config), [&item](const SecretStoreResult& r) { item = r; });
        QVERIFY(QTest::qWaitFor([&item] { return item.has_value(); }, 20000));
        QCOMPARE(item->status, SecretStoreResult::Status::NotFound);
    }

    // Without a login session (ssh, containers, cron) there is no XDG_RUNTIME_DIR: the keychain item's
    // lock goes to the config dir, and nothing (Qt's runtime-dir fallback warning) is added to stderr.
    void keychainOnlyWithoutRuntimeDirSaysNothingExtra()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("azure"));
        copySample(QStringLiteral("azure-cli-2.45"), config);
        QProcessEnvironment env = azEnvironment(config);
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-only"));
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        const ProcessResult list = runProcess(tenantryCli(), {QStringLiteral("account"), QStringLiteral("list")}, env);
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(list.err, QByteArray());
        QVERIFY(!list.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAccountClearWipes)
#include "TestCliAccountClearWipes.moc"
