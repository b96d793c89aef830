// The built tenantry-cli answering `account get-access-token` from a valid cached token, in the test
// session's real keychain (gnome-keyring): in the default mode, once the keychain copy is known to be in
// step with msal_token_cache.json, the token comes from the file with the Secret Service unreachable and
// no keychain warning; while the keychain holds a sign-out the file could not take, and in keychain-only
// mode, the keychain is asked.
#include "cache/MsalCache.h"
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"
#include "util/Json.h"

#include <QDateTime>
#include <QDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kSam = QStringLiteral("sam@northwind.example");
// The default subscription's tenant in the az 2.45 sample.
const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");

} // namespace

class TestCliCachedToken : public QObject
{
    Q_OBJECT

private:
    CliSandbox m_sandbox;
    QString m_config;
    QString m_noBus; // a session bus address nothing listens on

    QString cachePath() const { return m_config + QStringLiteral("/msal_token_cache.json"); }

    ProcessResult token(const QProcessEnvironment& env) const
    {
        return runProcess(tenantryCli(), {QStringLiteral("account"), QStringLiteral("get-access-token")}, env, 60000);
    }

    QProcessEnvironment withoutKeychain()
    {
        QProcessEnvironment env = m_sandbox.environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_noBus);
        return env;
    }

    // The secret of the cached ARM token of Sam's home tenant.
    QString cachedArmToken() const
    {
        MsalCache cache;
        QString error;
        if (!MsalCache::parse(readFile(cachePath()), &cache, &error))
            return QString();
        for (const AccessToken& entry : cache.accessTokens()) {
            if (entry.realm == kNorthwind &&
                entry.target == QLatin1String("https://management.core.windows.net//.default"))
                return entry.secret.reveal();
        }
        return QString();
    }

    static QString accessTokenOf(const ProcessResult& result)
    {
        const auto parsed = json::parse(result.out);
        if (!parsed.value || !parsed.value->is_object())
            return QString();
        return json::toQString(parsed.value->value("accessToken", Json()));
    }

private slots:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("TENANTRY_IN_TEST_SESSION"))
            QSKIP("needs the private Secret Service: run inside scripts/with-test-session.sh");
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is not built");
    }

    // az's sample, its access tokens valid for another hour, loaded once by tenantry-cli with the keychain there.
    void init()
    {
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        m_noBus = QStringLiteral("unix:path=") + m_config + QStringLiteral("/no-such-bus");
        copySample(QStringLiteral("azure-cli-2.45"), m_config);
        const auto parsed = json::parse(readFile(cachePath()));
        QVERIFY(parsed.value && parsed.value->is_object());
        Json document = *parsed.value;
        const std::string expiry = std::to_string(QDateTime::currentSecsSinceEpoch() + 3600);
        for (auto& [key, entry] : document["AccessToken"].items()) {
            entry["expires_on"] = expiry;
            entry["extended_expires_on"] = expiry;
        }
        writeFile(cachePath(), MsalCache::fromDocument(document).serialize());

        const ProcessResult first = token(m_sandbox.environment());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.err.isEmpty(), first.err.constData());
        QCOMPARE(accessTokenOf(first), cachedArmToken());
    }

    void cachedTokenIsServedWithoutTheKeychain()
    {
        const ProcessResult result = token(withoutKeychain());
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.isEmpty(), result.err.constData()); // no "no keychain service answered"
        QCOMPARE(accessTokenOf(result), cachedArmToken());
    }

    // `logout` while the file cannot be written: the sign-out reaches the keychain only. The file still
    // holds Sam's tokens (and az's profile his subscriptions, as az wrote it again), but the keychain is
    // asked: unreachable, it says so; reachable, Sam is signed out.
    void aSignOutOnlyTheKeychainTookIsHonoured()
    {
        const QString profilePath = m_config + QStringLiteral("/azureProfile.json");
        const QByteArray profile = readFile(profilePath);
        const QString lockPath = cachePath() + QStringLiteral(".lockfile");
        QVERIFY(QDir().mkpath(lockPath)); // the lock cannot be taken: the file is not written
        const ProcessResult logout = m_sandbox.cli({QStringLiteral("logout"), QStringLiteral("--username"), kSam});
        QVERIFY(QDir().rmdir(lockPath));
        writeFile(profilePath, profile);
        QVERIFY2(logout.err.contains("saved in the keychain"), logout.err.constData());
        QVERIFY(!cachedArmToken().isEmpty());

        const ProcessResult unreachable = token(withoutKeychain());
        QVERIFY2(unreachable.err.contains("Tokens are kept in"), unreachable.err.constData());

        const ProcessResult asked = token(m_sandbox.environment());
        QVERIFY2(asked.exitCode == 1, asked.out.constData());
        QVERIFY(asked.out.isEmpty());
        QVERIFY2(asked.err.contains(kSam.toUtf8()), asked.err.constData());
    }

    void keychainOnlyModeAsksTheKeychain()
    {
        QProcessEnvironment env = withoutKeychain();
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-only"));
        const ProcessResult result = token(env);
        QVERIFY2(result.err.contains("Keychain-only mode"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCachedToken)
#include "TestCliCachedToken.moc"
