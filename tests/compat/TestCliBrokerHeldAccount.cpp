// tenantry-cli with a cache az wrote through a broker (WAM; tests/data/msal-newer-shapes/
// broker_token_cache.json): no refresh token, the Account entries say account_source "broker". A valid
// cached token is printed as az prints it; without one, the error says that az renews it and gives the
// az command for the same request, never "sign in again". The subscriptions are listed as usual.
#include "fakes/ProcessRunner.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestFiles.h"
#include "util/Json.h"

#include <QDateTime>
#include <QFileInfo>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;
using namespace tenantry::test::sample;

namespace {

const QString kArmScope = QStringLiteral("https://management.core.windows.net//.default");

} // namespace

class TestCliBrokerHeldAccount : public QObject
{
    Q_OBJECT

    CliSandbox m_sandbox;
    QString m_config;

    ProcessResult cli(const QStringList& args) { return m_sandbox.cli(args); }

    // The broker's cache with its access tokens expiring at `expiresOn`; returns the Northwind token's secret.
    std::string writeBrokerCache(qint64 expiresOn)
    {
        Json cache =
            *json::parse(readFile(dataPath(QStringLiteral("msal-newer-shapes/broker_token_cache.json")))).value;
        std::string northwindToken;
        for (auto& [key, entry] : cache["AccessToken"].items()) {
            entry["expires_on"] = std::to_string(expiresOn);
            entry["extended_expires_on"] = std::to_string(expiresOn);
            if (entry["realm"].get<std::string>() == kNorthwind.toStdString())
                northwindToken = entry["secret"].get<std::string>();
        }
        writeFile(m_config + QStringLiteral("/msal_token_cache.json"), json::dumpIndented4(cache));
        return northwindToken;
    }

    void verifyHeldByBrokerError(const QStringList& options, const QString& tenant, const QString& scope,
                                 const QString& azCommand)
    {
        const ProcessResult token =
            cli(QStringList{QStringLiteral("account"), QStringLiteral("get-access-token")} + options);
        QCOMPARE(token.exitCode, 1);
        QVERIFY(token.out.isEmpty());
        const QByteArray expected = QStringLiteral("ERROR: The sign-in of sam@northwind.example is held by the broker "
                                                   "az signed in with; no valid access token for %1 in tenant %2 is "
                                                   "cached, and only az can get a new one.\nTo renew it through the "
                                                   "broker, run az, then this command again:\n%3\n")
                                        .arg(scope, tenant, azCommand)
                                        .toUtf8();
        QVERIFY2(token.err.endsWith(expected), token.err.constData());
        QVERIFY(!token.err.contains("sign in again"));
        QVERIFY(!token.err.contains("tenantry-cli login"));
    }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        writeFile(m_config + QStringLiteral("/azureProfile.json"),
                  azProfileBytes({northwindSubscription(kNorthwindProduction, QStringLiteral("Northwind Production"))},
                                 kNorthwindProduction));
    }

    void validCachedTokenIsPrinted()
    {
        const qint64 expiresOn = QDateTime::currentSecsSinceEpoch() + 3000;
        const std::string secret = writeBrokerCache(expiresOn);
        const ProcessResult token = cli({QStringLiteral("account"), QStringLiteral("get-access-token")});
        QCOMPARE(token.exitCode, 0);
        QVERIFY2(token.err.isEmpty(), token.err.constData());
        const Json printed = *json::parse(token.out).value;
        QVERIFY(printed["accessToken"].get<std::string>() == secret);
        QCOMPARE(printed["expires_on"].get<qint64>(), expiresOn);
        QCOMPARE(printed["tenant"].get<std::string>(), kNorthwind.toStdString());
        QCOMPARE(printed["subscription"].get<std::string>(), kNorthwindProduction.toStdString());
        // az prints "Bearer" whatever the cache says; the broker's entries say "bearer".
        QCOMPARE(printed["tokenType"].get<std::string>(), std::string("Bearer"));
    }

    void expiredTokenNamesTheAzCommandThatRenewsIt()
    {
        writeBrokerCache(QDateTime::currentSecsSinceEpoch() - 60);
        verifyHeldByBrokerError({}, kNorthwind, kArmScope, QStringLiteral("az account get-access-token"));
        verifyHeldByBrokerError({QStringLiteral("--tenant"), kNorthwind, QStringLiteral("--resource"),
                                 QStringLiteral("https://vault.azure.net")},
                                kNorthwind, QStringLiteral("https://vault.azure.net/.default"),
                                QStringLiteral("az account get-access-token --resource https://vault.azure.net "
                                               "--tenant %1")
                                    .arg(kNorthwind));
        verifyHeldByBrokerError(
            {QStringLiteral("--scope"), QStringLiteral("https://graph.microsoft.com/.default"), QStringLiteral("-t"),
             kFabrikam},
            kFabrikam, QStringLiteral("https://graph.microsoft.com/.default"),
            QStringLiteral("az account get-access-token --scope https://graph.microsoft.com/.default --tenant %1")
                .arg(kFabrikam));
    }

    // account list reads azureProfile.json: the broker-held account's subscriptions, as az lists them.
    void accountListShowsTheSubscriptions()
    {
        writeBrokerCache(QDateTime::currentSecsSinceEpoch() - 60);
        const ProcessResult list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const Json printed = *json::parse(list.out).value;
        QCOMPARE(printed.size(), size_t(1));
        QCOMPARE(printed[0]["id"].get<std::string>(), kNorthwindProduction.toStdString());
        QCOMPARE(printed[0]["user"]["name"].get<std::string>(), kSam.toStdString());
    }
};

QTEST_GUILESS_MAIN(TestCliBrokerHeldAccount)
#include "TestCliBrokerHeldAccount.moc"
