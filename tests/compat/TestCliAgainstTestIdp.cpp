// tenantry-cli's network commands (login, account list --refresh, account tenant list, get-access-token
// by refresh, logout) against the test identity provider, with the real Azure CLI 2.45 on the same
// files: what tenantry-cli signs in with, az uses without a login of its own, and the other way round.
//
// As TestAzAgainstTestIdp: the test runs itself again inside scripts/fake-azure-hosts.sh (the real host
// names on 127.0.0.1, a throw-away CA trusted, a loopback-only network) and serves the provider with
// TLS on 127.0.0.1:443. Each scenario has its own AZURE_CONFIG_DIR in a temp dir. It skips only when no
// namespace can be made or az is missing.

#include "TestConfig.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/HttpServer.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Json.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <unistd.h>
#include <vector>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");     // Northwind (sample config)
const QString kGuest = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");    // Fabrikam
const QString kMfa = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a");      // Contoso, MFA-gated
const QString kTailspin = QStringLiteral("7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"); // the second user's only tenant
const QString kSam = QStringLiteral("sam@northwind.example");
const QString kAlex = QStringLiteral("alex@tailspin.example");
const QString kAlexObjectId = QStringLiteral("1b1b1b1b-2222-4333-8444-555566667777");
// A user of two tenants whose admins chose names that are terminal commands: ESC ] 52 (write the
// clipboard), ESC [ 2J (clear the screen), BEL, a CR, and the 8-bit CSI U+009B.
const QString kMallory = QStringLiteral("mallory@hostile.example");
const QString kNora = QStringLiteral("nora@emptyco.example"); // her only tenant has no subscription
const QString kEmptyCo = QStringLiteral("4d5e6f70-8192-4a3b-8c4d-5e6f708192a3");
const QString kHostile = QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3");
const QString kHostileMfa = QStringLiteral("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
const QString kHostileOps = QStringLiteral("9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0");
const char* const kHostileTenantName = "Hostile\x1b]52;c;aGFja2Vk\x07 Corp";
const char* const kHostileSubscriptionName = "Ops\x1b[2J\rFake\xc2\x9b"
                                             "31m";
const char* const kHostileMfaName = "Guarded\x1b]0;owned\x07";

const QString kNorthwindProd = QStringLiteral("5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f");
const QString kNorthwindDev = QStringLiteral("a3c5e7f9-1b2d-4f6a-8c0e-3d5f7a9b1c2e"); // Disabled
const QString kFabrikamShared = QStringLiteral("c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f");
const QString kContosoGuarded = QStringLiteral("e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b");
const QString kTailspinOps = QStringLiteral("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f");
// Added at the provider by accountListRefreshFindsANewSubscription; the scenarios after it see it too.
const QString kFabrikamResearch = QStringLiteral("6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a");

const QString kGraphScope = QStringLiteral("https://graph.microsoft.com/.default");
const QString kRefreshGrant = QStringLiteral("refresh_token");

struct RunResult
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

// How the test plays the person who approves a device code.
enum class Approval {
    VerificationPage, // POST the code to https://login.microsoftonline.com/devicelogin, as a browser would
    ProviderSwitch,   // TestIdentityProvider::approveDeviceCode
};

QStringList sortedIds(const Json& subscriptions, const QString& user = {})
{
    QStringList ids;
    for (const Json& sub : subscriptions) {
        if (user.isEmpty() || json::toQString(sub["user"]["name"]).compare(user, Qt::CaseInsensitive) == 0)
            ids.append(json::toQString(sub["id"]));
    }
    ids.sort();
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Whether `bytes` (UTF-8) hold anything a terminal takes as a command: C0 controls other than the
// line break (and the tab, where it is the format's own separator), DEL, and C1 U+0080..U+009F.
bool hasTerminalControl(const QByteArray& bytes, bool tabIsLayout)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == '\n' || (c == '\t' && tabIsLayout))
            continue;
        if (c < 0x20 || c == 0x7f)
            return true;
        if (c == 0xc2 && i + 1 < bytes.size() && static_cast<unsigned char>(bytes.at(i + 1)) >= 0x80 &&
            static_cast<unsigned char>(bytes.at(i + 1)) <= 0x9f)
            return true;
    }
    return false;
}

// Every file below `dir` with a digest of its content: what a run must leave as it was.
QMap<QString, QByteArray> filesBelow(const QString& dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(file.fileName(), QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

QByteArray digest(const Json& value)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(value.dump()), QCryptographicHash::Sha256).toHex();
}

// The sample directory, with Sam in its three tenants only, and a second user alone in a fourth one.
Json providerConfig()
{
    Json config = TestIdentityProvider::sampleConfig();
    config["users"][0]["tenants"] = Json::array({kHome.toStdString(), kGuest.toStdString(), kMfa.toStdString()});
    config["tenants"].push_back(
        {{"id", kTailspin.toStdString()},
         {"displayName", "Tailspin"},
         {"defaultDomain", "tailspin.example"},
         {"subscriptions", Json::array({{{"id", kTailspinOps.toStdString()}, {"name", "Tailspin Operations"}}})}});
    config["users"].push_back({{"objectId", kAlexObjectId.toStdString()},
                               {"homeTenant", kTailspin.toStdString()},
                               {"upn", kAlex.toStdString()},
                               {"name", "Alex Example"},
                               {"tenants", Json::array({kTailspin.toStdString()})}});
    config["tenants"].push_back(
        {{"id", kHostile.toStdString()},
         {"displayName", kHostileTenantName},
         {"defaultDomain", "hostile.example"},
         {"subscriptions", Json::array({{{"id", kHostileOps.toStdString()}, {"name", kHostileSubscriptionName}}})}});
    config["tenants"].push_back({{"id", kHostileMfa.toStdString()},
                                 {"displayName", kHostileMfaName},
                                 {"defaultDomain", "guarded.hostile.example"},
                                 {"requiresMfa", true},
                                 {"subscriptions", Json::array()}});
    config["users"].push_back({{"objectId", "2c2c2c2c-3333-4444-8555-666677778888"},
                               {"homeTenant", kHostile.toStdString()},
                               {"upn", kMallory.toStdString()},
                               {"name", "Mallory Example"},
                               {"tenants", Json::array({kHostile.toStdString(), kHostileMfa.toStdString()})}});
    config["tenants"].push_back({{"id", kEmptyCo.toStdString()},
                                 {"displayName", "EmptyCo"},
                                 {"defaultDomain", "emptyco.example"},
                                 {"subscriptions", Json::array()}});
    config["users"].push_back({{"objectId", "3d3d3d3d-4444-4555-8666-777788889999"},
                               {"homeTenant", kEmptyCo.toStdString()},
                               {"upn", kNora.toStdString()},
                               {"name", "Nora Example"},
                               {"tenants", Json::array({kEmptyCo.toStdString()})}});
    return config;
}

} // namespace

class TestCliAgainstTestIdp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;
    QString m_browser;      // $BROWSER for the programs run; empty: none
    QString m_loginTimeout; // $TENANTRY_LOGIN_TIMEOUT for the programs run; empty: none

    QString configDir(const QString& scenario) const { return m_dir.filePath(scenario + QStringLiteral("/.azure")); }

    QProcessEnvironment environment(const QString& scenario) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.filePath(scenario));
        env.insert(QStringLiteral("AZURE_CONFIG_DIR"), configDir(scenario));
        env.insert(QStringLiteral("AZURE_CORE_COLLECT_TELEMETRY"), QStringLiteral("no"));
        env.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("yes"));
        env.insert(QStringLiteral("AZURE_CORE_SURVEY_MESSAGE"), QStringLiteral("no"));
        env.insert(QStringLiteral("AZURE_CORE_DISABLE_CONFIRM_PROMPT"), QStringLiteral("yes"));
        env.insert(QStringLiteral("AZURE_CORE_OUTPUT"), QStringLiteral("json"));
        // tenantry-cli keeps msal_token_cache.json in step with its keychain copy, so az sees its tokens.
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-and-file"));
        // Debian's interpreter has the azure and msal packages; a python first on PATH may not.
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin:") + env.value(QStringLiteral("PATH")));
        for (const char* name :
             {"PYTHONPATH", "PYTHONHOME", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
              "ALL_PROXY", "AZURE_CLI_DISABLE_CONNECTION_VERIFICATION", "TENANTRY_CLIENT_ID"})
            env.remove(QString::fromLatin1(name));
        env.remove(QStringLiteral("BROWSER"));
        if (!m_browser.isEmpty())
            env.insert(QStringLiteral("BROWSER"), m_browser);
        env.remove(QStringLiteral("TENANTRY_LOGIN_TIMEOUT"));
        if (!m_loginTimeout.isEmpty())
            env.insert(QStringLiteral("TENANTRY_LOGIN_TIMEOUT"), m_loginTimeout);
        return env; // REQUESTS_CA_BUNDLE comes from fake-azure-hosts.sh
    }

    // Runs a program while this thread's event loop keeps serving the provider. `onOutput` sees stderr so
    // far, and the running process.
    RunResult run(const QString& program, const QStringList& args, const QString& scenario, int timeoutMs = 120000,
                  const std::function<void(const QByteArray& err, QProcess& process)>& onOutput = {})
    {
        RunResult result;
        QProcess process;
        process.setProcessEnvironment(environment(scenario));
        process.setWorkingDirectory(m_dir.path());
        process.start(program, args);
        if (!process.waitForStarted(10000))
            return result;
        process.closeWriteChannel();
        const QDeadlineTimer deadline(timeoutMs);
        while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            QTest::qWait(20);
            result.out += process.readAllStandardOutput();
            result.err += process.readAllStandardError();
            if (onOutput)
                onOutput(result.err, process);
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            result.err += "\n[killed after timeout]";
        }
        result.out += process.readAllStandardOutput();
        result.err += process.readAllStandardError();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return result;
    }

    RunResult cli(const QString& scenario, const QStringList& args)
    {
        return run(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), args, scenario);
    }
    RunResult az(const QString& scenario, const QStringList& args)
    {
        return run(QStringLiteral("/usr/bin/az"), args, scenario);
    }

    // `login --use-device-code` (plus `extraArgs`) by `program`; the device code is approved for `user`
    // as soon as the program shows it on stderr.
    RunResult deviceCodeLogin(const QString& program, const QString& scenario, const QString& user, Approval approval,
                              const QStringList& extraArgs = {})
    {
        QString userCode;
        QNetworkReply* page = nullptr;
        bool switched = false;
        const QRegularExpression codePattern(QStringLiteral("enter the code ([A-Z0-9]+) to authenticate"));
        RunResult login = run(
            program, QStringList{QStringLiteral("login"), QStringLiteral("--use-device-code")} + extraArgs, scenario,
            180000, [&](const QByteArray& err, QProcess&) {
                const auto match = codePattern.match(QString::fromUtf8(err));
                if (!userCode.isEmpty() || !match.hasMatch())
                    return;
                userCode = match.captured(1);
                if (approval == Approval::ProviderSwitch) {
                    switched = m_idp.approveDeviceCode(userCode, user);
                    return;
                }
                QNetworkRequest request(QUrl(QStringLiteral("https://login.microsoftonline.com/devicelogin")));
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
                FormFields form;
                form.add(QStringLiteral("otc"), userCode);
                form.add(QStringLiteral("username"), user);
                form.add(QStringLiteral("action"), QStringLiteral("approve"));
                page = m_nam.post(request, form.toEncoded());
            });
        if (userCode.isEmpty())
            login.err += "\n[the test saw no device code]";
        else if (approval == Approval::ProviderSwitch && !switched)
            login.err += "\n[the provider did not take the code]";
        if (page) {
            if (!page->isFinished() || page->error() != QNetworkReply::NoError ||
                !page->readAll().contains("You have signed in"))
                login.err += "\n[the verification page did not sign in]";
            page->deleteLater();
        }
        return login;
    }

    Json cacheFile(const QString& scenario) const
    {
        QFile file(configDir(scenario) + QStringLiteral("/msal_token_cache.json"));
        if (!file.open(QIODevice::ReadOnly))
            return Json();
        const auto parsed = json::parse(file.readAll());
        return parsed.value ? *parsed.value : Json();
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
        QVERIFY2(QFileInfo(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli")).isExecutable(),
                 "tenantry-cli is not built");
        QVERIFY(m_dir.isValid());

        QString error;
        QVERIFY2(m_idp.loadConfig(providerConfig(), &error), qPrintable(error));
        m_idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        m_idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
        m_idp.setDeviceCodeInterval(1);
        m_idp.setArmPageSize(1); // tenantry-cli must follow nextLink as az does
        QVERIFY2(m_idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                                 qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        QVERIFY2(m_idp.listen(QHostAddress::LocalHost, 443), qPrintable(m_idp.server()->errorString()));
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void loginWithDeviceCodeListsEveryTenant()
    {
        m_idp.setTenantRequiresMfa(kMfa, false);
        m_idp.clearRequests();
        const RunResult login = deviceCodeLogin(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), QStringLiteral("a"),
                                                kSam, Approval::VerificationPage);
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe() + u'\n' + providerLog()));
        QVERIFY2(login.err.contains("To sign in, use a web browser to open the page "
                                    "https://login.microsoftonline.com/devicelogin and enter the code"),
                 login.err.constData());
        QVERIFY2(!login.err.contains("ERROR"), login.err.constData());
        // After az's line (scripts read it): who the code is for, and when not to enter it.
        const QByteArray warning = "\nWARNING: Only enter this code if you started this sign-in from tenantry-cli just "
                                   "now; it belongs to login.microsoftonline.com.";
        QVERIFY2(login.err.indexOf(warning) > login.err.indexOf("enter the code"), login.err.constData());

        // As az login: every subscription of every tenant, Disabled ones too, one of them the default.
        const Json subscriptions = login.json();
        QVERIFY2(subscriptions.is_array(), login.out.constData());
        QCOMPARE(sortedIds(subscriptions), sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kContosoGuarded}));
        int defaults = 0;
        for (const Json& sub : subscriptions) {
            QCOMPARE(sub["user"], Json({{"name", kSam.toStdString()}, {"type", "user"}}));
            QCOMPARE(sub["cloudName"], Json("AzureCloud"));
            defaults += sub["isDefault"].get<bool>() ? 1 : 0;
        }
        QCOMPARE(defaults, 1);

        // The wire: one device code, tenants paged, a refresh and a paged subscription list per tenant.
        QVERIFY(m_idp.requestCount(IdpEndpoint::DeviceCode) == 1);
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmTenants) >= 3); // page size 1
        for (const QString& tenant : {kHome, kGuest, kMfa}) {
            QVERIFY2(m_idp.requestCount(IdpEndpoint::ArmSubscriptions, {}, tenant) >= 1, qPrintable(tenant));
        }
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmSubscriptions, {}, kHome) >= 2);
        for (const IdpRequestRecord& record : m_idp.requests()) {
            if (record.endpoint == IdpEndpoint::Other || record.status >= 400)
                QFAIL(qPrintable(QStringLiteral("unexpected request: ") + record.toString()));
            if (!record.clientId.isEmpty())
                QCOMPARE(record.clientId, TestIdentityProvider::kAzureCliClientId);
        }
    }

    void azUsesWhatTenantrySignedIn()
    {
        const QString a = QStringLiteral("a");
        const RunResult list = az(a, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QCOMPARE(sortedIds(list.json()), sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kContosoGuarded}));
        const RunResult enabled = az(a, {QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(sortedIds(enabled.json()), sorted({kNorthwindProd, kFabrikamShared, kContosoGuarded}));

        // The access tokens tenantry-cli cached are found by MSAL Python: no request to the token endpoint.
        const int tokenRequests = m_idp.requestCount(IdpEndpoint::Token);
        const RunResult token = az(a, {QStringLiteral("account"), QStringLiteral("get-access-token")});
        QVERIFY2(token.exitCode == 0, qPrintable(token.describe() + u'\n' + providerLog()));
        const auto issued = m_idp.accessTokenInfo(json::toQString(token.json()["accessToken"]));
        QVERIFY2(issued.has_value(), "az returned a token the provider did not issue");
        QCOMPARE(issued->audience, QStringLiteral("https://management.core.windows.net/"));
        QCOMPARE(json::toQString(token.json()["tenant"]), issued->tenantId);
        QCOMPARE(json::toQString(token.json()["subscription"]).isEmpty(), false);

        const RunResult guest =
            az(a, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest});
        QVERIFY2(guest.exitCode == 0, qPrintable(guest.describe()));
        const auto guestToken = m_idp.accessTokenInfo(json::toQString(guest.json()["accessToken"]));
        QVERIFY(guestToken.has_value());
        QCOMPARE(guestToken->tenantId, kGuest);
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), tokenRequests);

        // And tenantry-cli serves the same cached token az just did.
        const RunResult ours =
            cli(a, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.describe()));
        QVERIFY(digest(ours.json()["accessToken"]) == digest(guest.json()["accessToken"]));
        QCOMPARE(ours.json()["tenant"], Json(kGuest.toStdString()));
        QVERIFY(!ours.json().contains("subscription")); // az omits it with --tenant

        // A resource nobody has a token for yet: az refreshes with the refresh token tenantry-cli stored.
        const RunResult graph = az(a, {QStringLiteral("account"), QStringLiteral("get-access-token"),
                                       QStringLiteral("--tenant"), kGuest, QStringLiteral("--scope"), kGraphScope});
        QVERIFY2(graph.exitCode == 0, qPrintable(graph.describe() + u'\n' + providerLog()));
        const auto graphToken = m_idp.accessTokenInfo(json::toQString(graph.json()["accessToken"]));
        QVERIFY(graphToken.has_value());
        QCOMPARE(graphToken->audience, QStringLiteral("https://graph.microsoft.com"));
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest) > 0, true);
        QCOMPARE(m_idp.requests().last().grantType, kRefreshGrant);
    }

    void accountTenantListShowsEveryTenantOfTheAccount()
    {
        // az 2.45 has no "account tenant list" (it came with the account extension, later with az
        // itself, in the same shape): compare with what ARM lists for the user.
        m_idp.clearRequests();
        const RunResult ours =
            cli(QStringLiteral("a"), {QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list")});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.describe() + u'\n' + providerLog()));
        Json expected = Json::array();
        for (const IdpTenant& t : m_idp.tenants()) {
            if (!QStringList{kHome, kGuest, kMfa}.contains(t.id))
                continue; // not Sam's
            expected.push_back({{"id", "/tenants/" + t.id.toStdString()},
                                {"tenantId", t.id.toStdString()},
                                {"displayName", t.displayName.toStdString()},
                                {"defaultDomain", t.defaultDomain.toStdString()},
                                {"tenantCategory", t.category.toStdString()}});
        }
        // Every page, in ARM's order (Json keeps key order: compare field by field).
        QVERIFY2(ours.json().size() == expected.size(), ours.out.constData());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            for (const auto& [field, value] : expected[i].items())
                QCOMPARE(ours.json()[i][field], value);
        }
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmTenants) >= 3);

        const RunResult table =
            cli(QStringLiteral("a"), {QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list"),
                                      QStringLiteral("-o"), QStringLiteral("tsv")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 3);
        QVERIFY(table.out.contains("Fabrikam"));
    }

    void accountListRefreshFindsANewSubscription()
    {
        const QString a = QStringLiteral("a");
        const QString defaultBefore =
            json::toQString(cli(a, {QStringLiteral("account"), QStringLiteral("show")}).json().value("id", Json()));
        QVERIFY(!defaultBefore.isEmpty());

        IdpSubscription research;
        research.id = kFabrikamResearch;
        research.displayName = QStringLiteral("Fabrikam Research");
        m_idp.addSubscription(kGuest, research);
        // Without --refresh: what the files say, no network.
        const int before = m_idp.requestCount();
        const RunResult cached = cli(a, {QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY2(cached.exitCode == 0, qPrintable(cached.describe()));
        QVERIFY(!sortedIds(cached.json()).contains(kFabrikamResearch));
        QCOMPARE(m_idp.requestCount(), before);

        const RunResult refreshed =
            cli(a, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--refresh")});
        QVERIFY2(refreshed.exitCode == 0, qPrintable(refreshed.describe() + u'\n' + providerLog()));
        QCOMPARE(sortedIds(refreshed.json()),
                 sorted({kNorthwindProd, kFabrikamShared, kContosoGuarded, kFabrikamResearch}));
        QVERIFY(m_idp.requestCount(IdpEndpoint::ArmSubscriptions, {}, kGuest) > 0);

        // Written for az too, with the default kept.
        const RunResult list = az(a, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QCOMPARE(sortedIds(list.json()),
                 sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kContosoGuarded, kFabrikamResearch}));
        const RunResult shown = az(a, {QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(json::toQString(shown.json()["id"]), defaultBefore);
    }

    void tenantryRefreshesWhatAzSignedIn()
    {
        const QString b = QStringLiteral("b");
        m_idp.setTenantRequiresMfa(kMfa, true);
        const RunResult login = deviceCodeLogin(QStringLiteral("/usr/bin/az"), b, kSam, Approval::ProviderSwitch);
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe() + u'\n' + providerLog()));

        // No Graph token anywhere yet: tenantry-cli gets one by refreshing with az's refresh token.
        const int refreshes = m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest);
        const RunResult ours = cli(b, {QStringLiteral("account"), QStringLiteral("get-access-token"),
                                       QStringLiteral("--tenant"), kGuest, QStringLiteral("--scope"), kGraphScope});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.describe() + u'\n' + providerLog()));
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token, kRefreshGrant, kGuest), refreshes + 1);
        const IdpRequestRecord last = m_idp.requests().last();
        QCOMPARE(last.grantType, kRefreshGrant);
        QCOMPARE(last.clientId, TestIdentityProvider::kAzureCliClientId);
        const Json token = ours.json();
        const auto issued = m_idp.accessTokenInfo(json::toQString(token["accessToken"]));
        QVERIFY2(issued.has_value(), "tenantry-cli returned a token the provider did not issue");
        QCOMPARE(issued->tenantId, kGuest);
        QCOMPARE(issued->audience, QStringLiteral("https://graph.microsoft.com"));
        QCOMPARE(token["tenant"], Json(kGuest.toStdString()));
        QCOMPARE(token["tokenType"], Json("Bearer"));
        QVERIFY(token["expires_on"].is_number_integer());
        QVERIFY(token["expiresOn"].is_string());
        QVERIFY(!token.contains("subscription"));

        // az finds that token in the cache tenantry-cli wrote, and the rest of its cache still works.
        const int tokenRequests = m_idp.requestCount(IdpEndpoint::Token);
        const RunResult theirs = az(b, {QStringLiteral("account"), QStringLiteral("get-access-token"),
                                        QStringLiteral("--tenant"), kGuest, QStringLiteral("--scope"), kGraphScope});
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.describe()));
        QVERIFY(digest(theirs.json()["accessToken"]) == digest(token["accessToken"]));
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), tokenRequests);
        const RunResult arm = az(b, {QStringLiteral("account"), QStringLiteral("get-access-token")});
        QVERIFY2(arm.exitCode == 0, qPrintable(arm.describe()));
        QVERIFY(m_idp.accessTokenInfo(json::toQString(arm.json()["accessToken"])).has_value());
        const RunResult list = az(b, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QCOMPARE(sortedIds(list.json()), sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kFabrikamResearch}));

        // The MFA tenant az could not reach: the refresh is refused, and the person is told what to run.
        const RunResult mfa =
            cli(b, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kMfa});
        QCOMPARE(mfa.exitCode, 1);
        QVERIFY(mfa.out.isEmpty());
        QVERIFY2(mfa.err.contains("AADSTS50076"), mfa.err.constData());
        // az's ERROR: line, in plain words with the code; the provider's own words on the next line.
        QVERIFY2(mfa.err.startsWith("ERROR: This tenant asks for multi-factor authentication: sign in to it again. "
                                    "(AADSTS50076)\nAADSTS50076: "),
                 mfa.err.constData());
        QVERIFY(mfa.err.contains(QByteArray(QByteArray("tenantry-cli login --tenant ") + kMfa.toLatin1())));

        // Refreshing the account says the same about that tenant, and lists the others' subscriptions.
        const RunResult refreshed =
            cli(b, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--refresh")});
        QVERIFY2(refreshed.exitCode == 3, qPrintable(refreshed.describe()));
        const QByteArray named = "Tenant 'Contoso' (" + kMfa.toLatin1() + ") needs an interactive sign-in";
        QVERIFY2(refreshed.err.contains(named), refreshed.err.constData());
        QVERIFY(refreshed.err.contains(QByteArray(QByteArray("tenantry-cli login --tenant ") + kMfa.toLatin1())));
        QCOMPARE(sortedIds(refreshed.json()), sorted({kNorthwindProd, kFabrikamShared, kFabrikamResearch}));

        // A refresh adds no account and replaces the refresh token instead of adding one.
        const Json cache = cacheFile(b);
        QCOMPARE(cache["Account"].size(), std::size_t(1));
        QCOMPARE(cache["RefreshToken"].size(), std::size_t(1));
        QVERIFY(m_idp.isRefreshTokenValid(json::toQString(cache["RefreshToken"].begin().value()["secret"])));
    }

    void mfaTenantLeavesTheLoginPartial()
    {
        const QString c = QStringLiteral("c");
        m_idp.setTenantRequiresMfa(kMfa, true);
        const QString cliPath = QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli");
        const RunResult login = deviceCodeLogin(cliPath, c, kSam, Approval::ProviderSwitch);
        QVERIFY2(login.exitCode == 3, qPrintable(login.describe() + u'\n' + providerLog()));
        // The person is told which tenant and what to run; the other tenants are signed in.
        QVERIFY2(login.err.contains("Contoso"), login.err.constData());
        QVERIFY(login.err.contains(kMfa.toLatin1()));
        QVERIFY(login.err.contains(QByteArray(QByteArray("tenantry-cli login --tenant ") + kMfa.toLatin1())));
        const QStringList others = sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kFabrikamResearch});
        QCOMPARE(sortedIds(login.json()), others);
        const RunResult list = az(c, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QCOMPARE(sortedIds(list.json()), others);
        // Nothing was active before: the new default is said.
        const QString active = json::toQString(az(c, {QStringLiteral("account"), QStringLiteral("show")}).json()["id"]);
        QVERIFY2(login.err.contains(QStringLiteral("WARNING: The default subscription is now '%1' (%2): no "
                                                   "subscription was the default.")
                                        .arg(QStringLiteral("Northwind Production"), active)
                                        .toUtf8()),
                 login.err.constData());

        // Doing what it said: a sign-in to that tenant adds its subscription to the others, and leaves the
        // active subscription where it was (az would move it to the tenant's first one).
        const RunResult tenantLogin =
            deviceCodeLogin(cliPath, c, kSam, Approval::ProviderSwitch, {QStringLiteral("--tenant"), kMfa});
        QVERIFY2(tenantLogin.exitCode == 0, qPrintable(tenantLogin.describe() + u'\n' + providerLog()));
        QCOMPARE(sortedIds(tenantLogin.json()), QStringList{kContosoGuarded});
        QCOMPARE(json::toQString(az(c, {QStringLiteral("account"), QStringLiteral("show")}).json()["id"]), active);
        QVERIFY2(tenantLogin.err.contains(
                     QStringLiteral("WARNING: Added 1 subscription(s) to azureProfile.json: 'Contoso Guarded' (%1).")
                         .arg(kContosoGuarded)
                         .toUtf8()),
                 tenantLogin.err.constData());
        QVERIFY(!tenantLogin.err.contains("default subscription is now"));
        const RunResult all = az(c, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QCOMPARE(sortedIds(all.json()), sorted(others + QStringList{kContosoGuarded}));
        const RunResult token =
            az(c, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kMfa});
        QVERIFY2(token.exitCode == 0, qPrintable(token.describe() + u'\n' + providerLog()));
        const auto issued = m_idp.accessTokenInfo(json::toQString(token.json()["accessToken"]));
        QVERIFY(issued.has_value());
        QCOMPARE(issued->tenantId, kMfa);
    }

    void logoutRemovesOnlyThatUser()
    {
        const QString c = QStringLiteral("c");
        const RunResult login =
            deviceCodeLogin(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), c, kAlex, Approval::ProviderSwitch);
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe() + u'\n' + providerLog()));
        QCOMPARE(sortedIds(login.json()), QStringList{kTailspinOps});
        const RunResult both = az(c, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QCOMPARE(sortedIds(both.json(), kAlex), QStringList{kTailspinOps});
        QCOMPARE(sortedIds(both.json(), kSam).size(), 5);

        const RunResult logout = cli(c, {QStringLiteral("logout"), QStringLiteral("--username"), kAlex});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.describe()));
        QVERIFY(logout.out.isEmpty());

        const RunResult list = az(c, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY2(!list.out.contains(kAlex.toLatin1()), list.out.constData());
        QCOMPARE(sortedIds(list.json()),
                 sorted({kNorthwindProd, kNorthwindDev, kFabrikamShared, kContosoGuarded, kFabrikamResearch}));
        const Json cache = cacheFile(c);
        const QByteArray cacheText = QByteArray::fromStdString(cache.dump());
        QVERIFY(!cacheText.contains(kAlex.toLatin1()));
        QVERIFY(!cacheText.contains(kAlexObjectId.toLatin1()));
        QCOMPARE(cache["RefreshToken"].size(), std::size_t(1)); // Sam's

        // Sam is still signed in, for az as for tenantry-cli.
        const RunResult sam = az(c, {QStringLiteral("account"), QStringLiteral("get-access-token"),
                                     QStringLiteral("--subscription"), kFabrikamShared});
        QVERIFY2(sam.exitCode == 0, qPrintable(sam.describe() + u'\n' + providerLog()));
        QCOMPARE(sam.json()["tenant"], Json(kGuest.toStdString()));
        // Signing out someone who is not signed in changes nothing and, as for az, is no error.
        const RunResult again = cli(c, {QStringLiteral("logout"), QStringLiteral("--username"), kAlex});
        const RunResult azAgain = az(c, {QStringLiteral("logout"), QStringLiteral("--username"), kAlex});
        QCOMPARE(again.exitCode, azAgain.exitCode);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(sortedIds(cli(c, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")}).json()),
                 sortedIds(list.json()));
    }

    void loginOpensTheBrowserAndTakesTheRedirect()
    {
        // Without --use-device-code: the auth code flow with PKCE through $BROWSER (as xdg-open would
        // pick it) and the loopback listener. The "browser" fetches the authorize URL and follows the
        // provider's redirect (it signs Sam in at once) to http://localhost:PORT. It notes the URL on its
        // command line, which every local user can read in /proc.
        const QString d = QStringLiteral("d");
        const QString launched = m_dir.filePath(QStringLiteral("browser-command-line"));
        m_browser = QStringLiteral("/usr/bin/python3 -c \"import sys, urllib.request; "
                                   "open('%1', 'w').write(sys.argv[1]); "
                                   "urllib.request.urlopen(sys.argv[1], timeout=60).read()\"")
                        .arg(launched);
        m_idp.setAutoSignInUser(kSam);
        m_idp.clearRequests();
        const RunResult login = cli(d, {QStringLiteral("login"), QStringLiteral("--tenant"), kGuest});
        m_idp.setAutoSignInUser({});
        m_browser.clear();
        QVERIFY2(login.exitCode == 0, qPrintable(login.describe() + u'\n' + providerLog()));
        QVERIFY(login.err.contains("A web browser has been opened"));
        QCOMPARE(sortedIds(login.json()), (QStringList{kFabrikamResearch, kFabrikamShared}));
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Authorize), 1);
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token, QStringLiteral("authorization_code"), kGuest), 1);
        QCOMPARE(m_idp.requestCount(IdpEndpoint::DeviceCode), 0);
        // Only the listener's one-time start URL: no state, PKCE challenge or nonce.
        QFile commandLine(launched);
        QVERIFY(commandLine.open(QIODevice::ReadOnly));
        const QString url = QString::fromUtf8(commandLine.readAll());
        QVERIFY2(QRegularExpression(QStringLiteral("^http://localhost:[0-9]+/start/[A-Za-z0-9_-]{22}$"))
                     .match(url)
                     .hasMatch(),
                 qPrintable(url));

        const RunResult token =
            az(d, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--tenant"), kGuest});
        QVERIFY2(token.exitCode == 0, qPrintable(token.describe()));
        QCOMPARE(token.json()["tenant"], Json(kGuest.toStdString()));
    }

    void browserLoginEndsOnCtrlCAndSigtermLeavingNothingBehind()
    {
        // A browser that never comes back: the loopback listener would wait for ever.
        m_browser = QStringLiteral("/bin/true");
        for (const int signal : {SIGINT, SIGTERM}) {
            const QString scenario = QStringLiteral("interrupted-%1").arg(signal);
            QVERIFY(QDir().mkpath(configDir(scenario)));
            const QMap<QString, QByteArray> before = filesBelow(m_dir.filePath(scenario));
            QByteArray limits;
            const RunResult login = run(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), {QStringLiteral("login")},
                                        scenario, 60000, [&](const QByteArray& err, QProcess& process) {
                                            if (!limits.isEmpty() || !err.contains("A web browser has been opened"))
                                                return;
                                            QFile file(QStringLiteral("/proc/%1/limits").arg(process.processId()));
                                            QVERIFY(file.open(QIODevice::ReadOnly));
                                            limits = file.readAll();
                                            QTest::qWait(500); // the listener is up once discovery answered
                                            ::kill(static_cast<pid_t>(process.processId()), signal);
                                        });
            QCOMPARE(login.exitCode, 1); // as az on Ctrl+C
            QVERIFY2(login.err.contains("ERROR: Login interrupted. Nothing was saved.\nIf no web browser is available "
                                        "or it fails to open, use 'tenantry-cli login --use-device-code'."),
                     qPrintable(login.describe()));
            QVERIFY(login.out.isEmpty());
            QCOMPARE(filesBelow(m_dir.filePath(scenario)), before);
            // No core dump of a process that holds tokens.
            QVERIFY2(QRegularExpression(QStringLiteral("\nMax core file size +0 +0 +bytes"))
                         .match(QString::fromLatin1(limits))
                         .hasMatch(),
                     limits.constData());
        }
        m_browser.clear();
    }

    void browserLoginGivesUpAfterTheTimeout()
    {
        const QString scenario = QStringLiteral("timed-out");
        QVERIFY(QDir().mkpath(configDir(scenario)));
        const QMap<QString, QByteArray> before = filesBelow(m_dir.filePath(scenario));
        m_browser = QStringLiteral("/bin/true");
        m_loginTimeout = QStringLiteral("2");
        const RunResult login =
            run(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), {QStringLiteral("login")}, scenario, 30000);
        m_browser.clear();
        m_loginTimeout.clear();
        QCOMPARE(login.exitCode, 1);
        QVERIFY2(login.err.contains("ERROR: The sign-in did not come back from the browser within 2 seconds.\nIf no "
                                    "web browser is available or it fails to open, use "
                                    "'tenantry-cli login --use-device-code'."),
                 qPrintable(login.describe()));
        QCOMPARE(filesBelow(m_dir.filePath(scenario)), before);
    }

    // The provider's error redirect, form-encoded as login.microsoftonline.com sends it ('+' for each
    // space): the user reads the description, not "AADSTS65004:+User+declined+to+consent...".
    void browserLoginShowsTheProvidersErrorAsText()
    {
        const QString scenario = QStringLiteral("declined");
        QVERIFY(QDir().mkpath(configDir(scenario)));
        const QMap<QString, QByteArray> before = filesBelow(m_dir.filePath(scenario));
        m_browser = QStringLiteral("/usr/bin/python3 -c \"import sys, urllib.request; "
                                   "urllib.request.urlopen(sys.argv[1], timeout=60).read()\"");
        m_idp.setAutoSignInUser(kSam);
        m_idp.setAuthorizeError(QStringLiteral("access_denied"),
                                QStringLiteral("AADSTS65004: User declined to consent to access the app."));
        const RunResult login = cli(scenario, {QStringLiteral("login")});
        m_idp.setAuthorizeError({});
        m_idp.setAutoSignInUser({});
        m_browser.clear();
        QCOMPARE(login.exitCode, 1);
        QVERIFY2(login.err.contains("ERROR: AADSTS65004: User declined to consent to access the app.\n"),
                 qPrintable(login.describe() + u'\n' + providerLog()));
        QVERIFY(login.out.isEmpty());
        QCOMPARE(filesBelow(m_dir.filePath(scenario)), before);
    }

    void hostileNamesReachTheTerminalInert()
    {
        m_idp.setTenantRequiresMfa(kHostileMfa, true);
        const QString h = QStringLiteral("h");
        const RunResult login =
            deviceCodeLogin(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), h, kMallory, Approval::ProviderSwitch);
        // The MFA-gated tenant is named in a warning on stderr: shown, not obeyed.
        QVERIFY2(login.exitCode == 3, qPrintable(login.describe()));
        QVERIFY2(!hasTerminalControl(login.err, false), login.err.constData());
        const QByteArray mfaWarning = "WARNING: Tenant 'Guarded\\x1b]0;owned\\x07' (" + kHostileMfa.toLatin1() + ')';
        QVERIFY2(login.err.contains(mfaWarning), login.err.constData());
        // -o json keeps the names as they are, escaped as JSON (and az) escape them.
        const Json subscriptions = login.json();
        QVERIFY2(subscriptions.is_array() && subscriptions.size() == 1, login.out.constData());
        QCOMPARE(subscriptions[0]["name"], Json(kHostileSubscriptionName));
        QVERIFY(login.out.contains("Ops\\u001b[2J\\rFake\xc2\x9b"
                                   "31m"));

        const QByteArray shownSubscription = "Ops\\x1b[2J\\rFake\\x9b31m";
        const RunResult table = cli(h, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("-o"),
                                        QStringLiteral("table"), QStringLiteral("--debug")});
        QVERIFY2(table.exitCode == 0, qPrintable(table.describe()));
        QVERIFY2(!hasTerminalControl(table.out, false), table.out.constData());
        QVERIFY2(!hasTerminalControl(table.err, false), table.err.constData()); // the log too
        QVERIFY2(table.out.contains(shownSubscription), table.out.constData());

        // jsonc colours only for a terminal: run it on one. DEL and C1 become \u escapes (the same JSON).
        const RunResult jsonc =
            run(QStringLiteral("/usr/bin/script"),
                {QStringLiteral("-qec"), QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli account list -o jsonc"),
                 QStringLiteral("/dev/null")},
                h);
        QVERIFY2(jsonc.exitCode == 0, qPrintable(jsonc.describe()));
        QVERIFY2(jsonc.out.contains("\x1b[32m\"Ops\\u001b[2J\\rFake\\u009b31m\"\x1b[0m"), jsonc.out.constData());
        QVERIFY2(!jsonc.out.contains("\xc2\x9b"), jsonc.out.constData());

        const RunResult tsv = cli(h, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--query"),
                                      QStringLiteral("[].[name, id]"), QStringLiteral("-o"), QStringLiteral("tsv")});
        QVERIFY2(tsv.exitCode == 0, qPrintable(tsv.describe()));
        QCOMPARE(tsv.out, QByteArray(shownSubscription + '\t' + kHostileOps.toLatin1() + '\n'));

        const RunResult tenants = cli(h, {QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list"),
                                          QStringLiteral("-o"), QStringLiteral("table")});
        QVERIFY2(tenants.exitCode == 0, qPrintable(tenants.describe()));
        QVERIFY2(!hasTerminalControl(tenants.out, false), tenants.out.constData());
        QVERIFY2(tenants.out.contains("Hostile\\x1b]52;c;aGFja2Vk\\x07 Corp"), tenants.out.constData());
    }

    // Core says only what it found; tenantry-cli adds az's option for tenants without subscriptions.
    void loginWithoutSubscriptionsNamesTheOption()
    {
        const QString n = QStringLiteral("n");
        const RunResult refused =
            deviceCodeLogin(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), n, kNora, Approval::ProviderSwitch);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        const QByteArray refusal = "ERROR: No subscriptions found for " + kNora.toLatin1() +
                                   ". Sign in with --allow-no-subscriptions to use its tenants.\n";
        QVERIFY2(refused.err.contains(refusal), qPrintable(refused.describe()));

        const RunResult tenantLevel =
            deviceCodeLogin(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli"), n, kNora, Approval::ProviderSwitch,
                            {QStringLiteral("--allow-no-subscriptions")});
        QVERIFY2(tenantLevel.exitCode == 0, qPrintable(tenantLevel.describe()));
        QCOMPARE(sortedIds(tenantLevel.json()), QStringList{kEmptyCo});
    }

    void deadRefreshTokenAsksForANewLogin()
    {
        // Scenario a: Sam's access tokens run out and the refresh token dies (90 days unused).
        const QString a = QStringLiteral("a");
        QFile file(configDir(a) + QStringLiteral("/msal_token_cache.json"));
        Json cache = cacheFile(a);
        const std::string soon = std::to_string(QDateTime::currentSecsSinceEpoch() + 60);
        for (auto& [key, at] : cache["AccessToken"].items()) {
            at["expires_on"] = soon;
            at["extended_expires_on"] = soon;
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json::dumpIndented4(cache));
        file.close();
        m_idp.expireRefreshTokens(kSam);

        const QByteArray hint = "To re-authenticate " + kSam.toLatin1() + ", please run:\ntenantry-cli login";
        const RunResult refreshed =
            cli(a, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--refresh")});
        QCOMPARE(refreshed.exitCode, 1);
        QVERIFY2(refreshed.err.contains(hint), refreshed.err.constData());
        // What was known is still listed, and still in the files.
        QCOMPARE(sortedIds(refreshed.json()),
                 sorted({kNorthwindProd, kFabrikamShared, kContosoGuarded, kFabrikamResearch}));

        const RunResult token = cli(a, {QStringLiteral("account"), QStringLiteral("get-access-token")});
        QCOMPARE(token.exitCode, 1);
        QVERIFY(token.out.isEmpty());
        QVERIFY2(token.err.contains(hint), token.err.constData());
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestCliAgainstTestIdp test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCliAgainstTestIdp.moc"
