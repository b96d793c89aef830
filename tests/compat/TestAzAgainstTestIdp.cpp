// The real Azure CLI 2.45 (Debian's azure-cli, MSAL Python 1.21) against the test identity provider:
// proves the provider speaks the identity platform and ARM protocols the way the real client expects.
//
// az insists on https://login.microsoftonline.com and https://management.azure.com, so the test runs
// itself again inside scripts/fake-azure-hosts.sh (a private mount namespace where those names are
// 127.0.0.1 and a throw-away CA is trusted, with a loopback-only network namespace of its own, so
// parallel runs do not compete for port 443) and serves the provider in-process with TLS on 127.0.0.1:443.
// az runs with HOME and AZURE_CONFIG_DIR in a temp dir. It skips only when no namespace can be made.

#include "TestConfig.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Jwt.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <unistd.h>
#include <vector>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");  // Northwind (sample config)
const QString kGuest = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"); // Fabrikam
const QString kMfa = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a");   // Contoso, MFA-gated
const QString kUpn = QStringLiteral("sam@northwind.example");
const QString kRefreshGrant = QStringLiteral("refresh_token");
const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

struct AzResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
    }
    Json json() const
    {
        const auto parsed = json::parse(out);
        return parsed.value ? *parsed.value : Json();
    }
};

} // namespace

class TestAzAgainstTestIdp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;

    QProcessEnvironment azEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = m_dir.filePath(QStringLiteral("home"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("AZURE_CONFIG_DIR"), home + QStringLiteral("/.azure"));
        env.insert(QStringLiteral("AZURE_CORE_COLLECT_TELEMETRY"), QStringLiteral("no"));
        env.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("yes"));
        env.insert(QStringLiteral("AZURE_CORE_SURVEY_MESSAGE"), QStringLiteral("no"));
        env.insert(QStringLiteral("AZURE_CORE_DISABLE_CONFIRM_PROMPT"), QStringLiteral("yes"));
        env.insert(QStringLiteral("AZURE_CORE_OUTPUT"), QStringLiteral("json"));
        // Debian's interpreter has the azure and msal packages; a python first on PATH may not.
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin:") + env.value(QStringLiteral("PATH")));
        for (const char* name : {"PYTHONPATH", "PYTHONHOME", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                 "all_proxy", "ALL_PROXY", "AZURE_CLI_DISABLE_CONNECTION_VERIFICATION"})
            env.remove(QString::fromLatin1(name));
        return env; // REQUESTS_CA_BUNDLE comes from fake-azure-hosts.sh
    }

    // Runs az while this thread's event loop keeps serving the provider. `onOutput` sees stderr so far.
    AzResult runAz(const QStringList& args, int timeoutMs = 120000,
                   const std::function<void(const QByteArray& err)>& onOutput = {})
    {
        AzResult result;
        QProcess az;
        az.setProcessEnvironment(azEnvironment());
        az.setWorkingDirectory(m_dir.path());
        az.start(QStringLiteral("/usr/bin/az"), args);
        if (!az.waitForStarted(10000))
            return result;
        az.closeWriteChannel();
        const QDeadlineTimer deadline(timeoutMs);
        while (az.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            QTest::qWait(20);
            result.out += az.readAllStandardOutput();
            result.err += az.readAllStandardError();
            if (onOutput)
                onOutput(result.err);
        }
        if (az.state() != QProcess::NotRunning) {
            az.kill();
            az.waitForFinished(5000);
            result.err += "\n[killed after timeout]";
        }
        result.out += az.readAllStandardOutput();
        result.err += az.readAllStandardError();
        result.exitCode = az.exitStatus() == QProcess::NormalExit ? az.exitCode() : -1;
        return result;
    }

    QString providerLog() const
    {
        QStringList lines;
        for (const IdpRequestRecord& record : m_idp.requests())
            lines.append(record.toString());
        return lines.join(u'\n');
    }

private slots:
    void initTestCase()
    {
        TENANTRY_REQUIRE_FAKE_AZURE_HOSTS();
        if (!QFileInfo(QStringLiteral("/usr/bin/az")).isExecutable())
            QSKIP("the Azure CLI (/usr/bin/az, Debian package azure-cli) is not installed");
        QVERIFY(m_dir.isValid());

        QString error;
        QVERIFY2(m_idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        m_idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
        m_idp.setDeviceCodeInterval(1); // az polls once a second
        m_idp.setArmPageSize(1);        // every list is paged: az must follow nextLink
        // MSAL refreshes tokens with less than 5 minutes left, so every az command goes to the token
        // endpoint: get-access-token --tenant must work through the refresh grant.
        m_idp.setAccessTokenLifetime(290);
        QVERIFY2(m_idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                                 qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        QVERIFY2(m_idp.listen(QHostAddress::LocalHost, 443), qPrintable(m_idp.server()->errorString()));
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void qtTrustsTheTestCaUnderTheRealHostName()
    {
        // The namespace's /etc/ssl/certs (with the CA's hash link) is what Qt's TLS trusts.
        QNetworkRequest request(QUrl(
            QStringLiteral("https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration")));
        QNetworkReply* reply = m_nam.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        const Json config = json::parse(reply->readAll()).value.value();
        QCOMPARE(config["token_endpoint"], Json("https://login.microsoftonline.com/organizations/oauth2/v2.0/token"));
        reply->deleteLater();
    }

    void loginWithDeviceCode()
    {
        m_idp.clearRequests();
        QString userCode;
        QNetworkReply* approval = nullptr;
        const QRegularExpression codePattern(QStringLiteral("enter the code ([A-Z0-9]+) to authenticate"));
        const AzResult login =
            runAz({QStringLiteral("login"), QStringLiteral("--use-device-code")}, 180000, [&](const QByteArray& err) {
                const auto match = codePattern.match(QString::fromUtf8(err));
                if (approval || !match.hasMatch())
                    return;
                // Approve on the verification page, as a person in a browser would.
                userCode = match.captured(1);
                QNetworkRequest request(QUrl(QStringLiteral("https://login.microsoftonline.com/devicelogin")));
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
                FormFields form;
                form.add(QStringLiteral("otc"), userCode);
                form.add(QStringLiteral("username"), kUpn);
                form.add(QStringLiteral("action"), QStringLiteral("approve"));
                approval = m_nam.post(request, form.toEncoded());
            });
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe() + u'\n' + providerLog()));
        QVERIFY(!userCode.isEmpty());
        QVERIFY(login.err.contains("To sign in, use a web browser to open the page "
                                   "https://login.microsoftonline.com/devicelogin and enter the code"));
        QVERIFY(approval && approval->isFinished());
        QCOMPARE(approval->error(), QNetworkReply::NoError);
        QVERIFY(approval->readAll().contains("You have signed in"));
        approval->deleteLater();

        // az login prints the subscriptions it found: every tenant except the MFA-gated one.
        const Json subscriptions = login.json();
        QVERIFY2(subscriptions.is_array(), login.out.constData());
        QStringList found;
        for (const Json& sub : subscriptions) {
            found.append(json::toQString(sub["id"]));
            QCOMPARE(sub["user"]["name"], Json(kUpn.toStdString()));
        }
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f"),
                                     QStringLiteral("a3c5e7f9-1b2d-4f6a-8c0e-3d5f7a9b1c2e"),
                                     QStringLiteral("c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f")}));
        // The MFA tenant's AADSTS50076 is recognised by az as "needs MFA".
        QVERIFY2(login.err.contains("require Multi-Factor Authentication"), login.err.constData());
        QVERIFY(login.err.contains(kMfa.toLatin1()));

        // The wire: device code grant, tenants and subscriptions paged, one refresh per tenant.
        QVERIFY(m_idp.requestCount(IdpEndpoint::DeviceCode) == 1);
        QVERIFY(m_idp.requestCount(IdpEndpoint::Token, kDeviceGrant) >= 2); // pending, then tokens
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmTenants) >= 3);          // 3 tenants, page size 1
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmSubscriptions, {}, kHome) >= 2);
        QVERIFY(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest) >= 1);
        QVERIFY(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kMfa) >= 1);
        for (const IdpRequestRecord& record : m_idp.requests()) {
            if (record.endpoint == IdpEndpoint::Other)
                QFAIL(qPrintable(QStringLiteral("az asked for something the provider does not serve: ") +
                                 record.toString()));
        }
    }

    void accountListShowsEveryTenant()
    {
        // Without --all az lists the Enabled subscriptions only.
        const AzResult enabled =
            runAz({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.describe()));
        QCOMPARE(enabled.json().size(), std::size_t(2));
        const AzResult list = runAz({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all"),
                                     QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        const Json subscriptions = list.json();
        QCOMPARE(subscriptions.size(), std::size_t(3));
        int defaults = 0;
        QSet<QString> tenants;
        for (const Json& sub : subscriptions) {
            tenants.insert(json::toQString(sub["tenantId"]));
            defaults += sub["isDefault"].get<bool>() ? 1 : 0;
            QCOMPARE(sub["cloudName"], Json("AzureCloud"));
            QCOMPARE(sub["user"]["type"], Json("user"));
            if (sub["id"] == Json("c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f")) {
                QCOMPARE(sub["name"], Json("Fabrikam Shared"));
                QCOMPARE(sub["homeTenantId"], Json(kGuest.toStdString()));
                QCOMPARE(sub["managedByTenants"], Json::array({{{"tenantId", kHome.toStdString()}}}));
            }
            if (sub["id"] == Json("a3c5e7f9-1b2d-4f6a-8c0e-3d5f7a9b1c2e"))
                QCOMPARE(sub["state"], Json("Disabled"));
        }
        QCOMPARE(defaults, 1);
        QCOMPARE(tenants, (QSet<QString>{kHome, kGuest}));

        // MSAL stored what the provider sent: the ARM target in AAD's order, a family refresh token.
        QFile cacheFile(m_dir.filePath(QStringLiteral("home/.azure/msal_token_cache.json")));
        QVERIFY(cacheFile.open(QIODevice::ReadOnly));
        const Json cache = json::parse(cacheFile.readAll()).value.value();
        QCOMPARE(cache["RefreshToken"].size(), std::size_t(1));
        const Json rt = cache["RefreshToken"].begin().value();
        QCOMPARE(rt["family_id"], Json("1"));
        QVERIFY(m_idp.isRefreshTokenValid(json::toQString(rt["secret"])));
        QCOMPARE(cache["Account"].begin().value()["username"], Json(kUpn.toStdString()));
        QCOMPARE(cache["Account"].begin().value()["home_account_id"],
                 Json("0a0a0a0a-1111-4222-8333-444455556666." + kHome.toStdString()));
        bool guestToken = false;
        for (const auto& [key, at] : cache["AccessToken"].items()) {
            QCOMPARE(at["target"], Json("https://management.core.windows.net//user_impersonation "
                                        "https://management.core.windows.net//.default"));
            guestToken = guestToken || at["realm"] == Json(kGuest.toStdString());
        }
        QVERIFY(guestToken);
    }

    void getAccessTokenReturnsAnIssuedToken()
    {
        const int refreshesBefore = m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kHome);
        const AzResult result = runAz({QStringLiteral("account"), QStringLiteral("get-access-token"),
                                       QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const Json token = result.json();
        const QString accessToken = json::toQString(token["accessToken"]);
        const auto issued = m_idp.accessTokenInfo(accessToken);
        QVERIFY2(issued.has_value(), "az returned a token the provider did not issue");
        QCOMPARE(issued->tenantId, kHome); // the default subscription's tenant
        QCOMPARE(issued->audience, QStringLiteral("https://management.core.windows.net/"));
        QCOMPARE(token["tenant"], Json(kHome.toStdString()));
        QCOMPARE(token["tokenType"], Json("Bearer"));
        QVERIFY(token.contains("subscription"));
        QVERIFY(token.contains("expiresOn"));
        QVERIFY(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kHome) > refreshesBefore);
    }

    void getAccessTokenForSecondTenantRefreshes()
    {
        const int refreshesBefore = m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest);
        const AzResult result =
            runAz({QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest,
                   QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe() + u'\n' + providerLog()));
        const Json token = result.json();
        const auto issued = m_idp.accessTokenInfo(json::toQString(token["accessToken"]));
        QVERIFY(issued.has_value());
        QCOMPARE(issued->tenantId, kGuest);
        QCOMPARE(token["tenant"], Json(kGuest.toStdString()));
        QVERIFY(!token.contains("subscription")); // az omits it with --tenant
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest), refreshesBefore + 1);
        const IdpRequestRecord last = m_idp.requests().last();
        QCOMPARE(last.grantType, kRefreshGrant);
        QCOMPARE(last.tenant, kGuest);
        QCOMPARE(last.clientId, TestIdentityProvider::kAzureCliClientId);
        QVERIFY(last.hasClaims); // az announces CP1
        QCOMPARE(jwt::claims(json::toQString(token["accessToken"]))["xms_cc"], Json::array({"CP1"}));

        // Another resource in the same tenant: a new refresh, the requested scope echoed.
        const AzResult graph =
            runAz({QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest,
                   QStringLiteral("--scope"), QStringLiteral("https://graph.microsoft.com/.default"),
                   QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(graph.exitCode == 0, qPrintable(graph.describe()));
        const auto graphToken = m_idp.accessTokenInfo(json::toQString(graph.json()["accessToken"]));
        QVERIFY(graphToken.has_value());
        QCOMPARE(graphToken->audience, QStringLiteral("https://graph.microsoft.com"));
        QCOMPARE(graphToken->tenantId, kGuest);
    }

    void deadRefreshTokenFailsLikeAad()
    {
        m_idp.expireRefreshTokens(kUpn);
        const AzResult result =
            runAz({QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest,
                   QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("AADSTS700082"), result.err.constData());
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestAzAgainstTestIdp test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestAzAgainstTestIdp.moc"
