// `tenantry-cli exec -- CMD` with the real client: Debian's python3-azure (azure.identity's
// ManagedIdentityCredential and DefaultAzureCredential), run by /usr/bin/python3 inside exec, gets a token
// of the chosen subscription's tenant from the loopback endpoint: from the shared cache without asking the
// identity provider, or refreshed once and written to that cache. Also: the subscription's variables, the
// exit code and signals passed through, the endpoint gone when CMD is, 401 without the header, an
// MFA-guarded tenant's refusal as the SDK shows it, and the time next to AzureCliCredential (which runs az).
//
// As TestToolCredentials: the test runs itself again inside scripts/fake-azure-hosts.sh and serves the test
// identity provider with TLS on 127.0.0.1:443 under the real host names. Sam signs in once through a core
// Session. Tokens are compared by their SHA-256 (exec_identity.py prints nothing else of them).

#include "TestConfig.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/ProcessRunner.h"
#include "fakes/SampleDirectory.h"
#include "fakes/SessionSignIn.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Clock.h"
#include "util/Json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <algorithm>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kScript = QStringLiteral(TENANTRY_SOURCE_DIR "/tests/compat/exec_identity.py");
const QString kArmScope = QStringLiteral("https://management.azure.com/.default");
const QString kVaultScope = QStringLiteral("https://vault.azure.net/.default");
const QString kFabrikamShared = QStringLiteral("Fabrikam Shared");

} // namespace

class TestExecTokenEndpoint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    QString m_defaultTenant;

    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString configDir() const { return home() + QStringLiteral("/.azure"); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = confinedUserEnvironment(home());
        // Nothing of the machine's own Azure set-up may answer instead of the endpoint.
        for (const char* name : {"AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
                                 "AZURE_USERNAME", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "IDENTITY_ENDPOINT",
                                 "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    ProcessResult cli(const QStringList& args) const
    {
        return runProcessServing(tenantryCli(), args, environment(), 60000);
    }

    // exec_identity.py inside `tenantry-cli exec -s subscription`, or on its own (empty subscription).
    ProcessResult identity(const QString& subscription, const QString& credential, const QString& scope,
                           const QString& expectedTenant = {}, const QProcessEnvironment& env = {}) const
    {
        QStringList script{kPython, kScript, credential, scope};
        if (!expectedTenant.isEmpty())
            script.append(expectedTenant);
        const QProcessEnvironment runEnv = env.isEmpty() ? environment() : env;
        if (subscription.isEmpty())
            return runProcessServing(kPython, script.mid(1), runEnv, 60000);
        return runProcessServing(
            tenantryCli(),
            QStringList{QStringLiteral("exec"), QStringLiteral("-s"), subscription, QStringLiteral("--")} + script,
            runEnv, 60000);
    }

    static Json answer(const ProcessResult& run)
    {
        const auto parsed = json::parse(run.out);
        return parsed.value && parsed.value->is_object() ? *parsed.value : Json::object();
    }

    // SHA-256 of the cached access token for `scope`'s resource of `tenant`, as the script prints a token's.
    QString cachedTokenHash(const QString& scope, const QString& tenant) const
    {
        const QString resource = scope.chopped(QStringLiteral("/.default").size());
        const auto parsed = json::parse(readFile(configDir() + QStringLiteral("/msal_token_cache.json")));
        if (!parsed.value || !parsed.value->is_object() || !parsed.value->contains("AccessToken"))
            return {};
        for (const auto& [key, entry] : (*parsed.value)["AccessToken"].items()) {
            if (json::toQString(entry["realm"]) == tenant && json::toQString(entry["target"]).startsWith(resource))
                return QString::fromLatin1(
                    QCryptographicHash::hash(json::toQString(entry["secret"]).toUtf8(), QCryptographicHash::Sha256)
                        .toHex());
        }
        return {};
    }

    static bool logSays(const Json& answer, const QString& text)
    {
        for (const Json& message : answer["log"]) {
            if (json::toQString(message).contains(text))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        TENANTRY_REQUIRE_FAKE_AZURE_HOSTS();
        if (runProcess(kPython, {QStringLiteral("-c"), QStringLiteral("import azure.identity")}, environment(), 30000)
                .exitCode != 0)
            QSKIP("needs Debian's python3-azure");
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is not built");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(configDir()));

        QString error;
        QVERIFY2(serveSampleDirectoryAtRealHostNames(m_idp, &error), qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);

        const SignInResult signedIn = signInThroughSession(configDir(), &m_nam, m_clock, m_idp, sample::kSam);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error));
        const ProcessResult show = cli({QStringLiteral("account"), QStringLiteral("show")});
        QVERIFY2(show.exitCode == 0, describe(show).constData());
        m_defaultTenant = json::toQString(answer(show)["tenantId"]);
        QVERIFY(!m_defaultTenant.isEmpty());
        QVERIFY(m_defaultTenant != sample::kFabrikam);
    }

    // A token nobody has cached yet: one refresh at the provider, for the subscription's tenant, written
    // to the shared cache; the same again is then the cached token, without asking the provider.
    void managedIdentityGetsTheSubscriptionsTenantsToken()
    {
        m_idp.clearRequests();
        const ProcessResult first =
            identity(kFabrikamShared, QStringLiteral("managed-identity"), kVaultScope, sample::kFabrikam);
        QVERIFY2(first.exitCode == 0, describe(first).constData());
        const Json token = answer(first);
        QCOMPARE(json::toQString(token["tid"]), sample::kFabrikam);
        QVERIFY2(json::toQString(token["aud"]).startsWith(QStringLiteral("https://vault.azure.net")),
                 first.out.constData());
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 1);
        QCOMPARE(json::toQString(token["sha256"]), cachedTokenHash(kVaultScope, sample::kFabrikam));
        QVERIFY(logSays(token, QStringLiteral("App Service managed identity")));

        // Again, with an HTTP proxy set that goes nowhere: the endpoint is reached directly all the same.
        QProcessEnvironment proxied = environment();
        proxied.remove(QStringLiteral("NO_PROXY"));
        proxied.insert(QStringLiteral("HTTP_PROXY"), QStringLiteral("http://127.0.0.1:9"));
        proxied.insert(QStringLiteral("http_proxy"), QStringLiteral("http://127.0.0.1:9"));
        m_idp.clearRequests();
        const ProcessResult again =
            identity(kFabrikamShared, QStringLiteral("managed-identity"), kVaultScope, sample::kFabrikam, proxied);
        QVERIFY2(again.exitCode == 0, describe(again).constData());
        QCOMPARE(json::toQString(answer(again)["sha256"]), json::toQString(token["sha256"]));
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 0); // the cached-token fast path
    }

    // DefaultAzureCredential tries EnvironmentCredential first: AZURE_TENANT_ID alone (no AZURE_CLIENT_ID)
    // leaves it unavailable, and ManagedIdentityCredential answers, not AzureCliCredential after it.
    void defaultAzureCredentialIsAnsweredByTheEndpoint()
    {
        const ProcessResult run =
            identity(QStringLiteral("Northwind Production"), QStringLiteral("default"), kArmScope, m_defaultTenant);
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const Json token = answer(run);
        QCOMPARE(json::toQString(token["tid"]), m_defaultTenant);
        QVERIFY2(
            logSays(token, QStringLiteral("DefaultAzureCredential acquired a token from ManagedIdentityCredential")),
            run.out.constData());
        QVERIFY(!cachedTokenHash(kArmScope, m_defaultTenant).isEmpty());
        QCOMPARE(json::toQString(token["sha256"]), cachedTokenHash(kArmScope, m_defaultTenant));
    }

    // A tenant that now asks for MFA: no token, and the SDK shows the endpoint's reason and what cures it.
    void aTenantThatWantsMfaIsTheSdksError()
    {
        m_idp.setTenantRequiresMfa(sample::kFabrikam, true);
        const ProcessResult run = identity(kFabrikamShared, QStringLiteral("managed-identity"),
                                           QStringLiteral("https://storage.azure.com/.default"));
        m_idp.setTenantRequiresMfa(sample::kFabrikam, false);
        QVERIFY2(run.exitCode == 3, describe(run).constData()); // the script's, passed on by exec
        const Json failed = answer(run);
        QCOMPARE(json::toQString(failed["error"]), QStringLiteral("ClientAuthenticationError"));
        const QString message = json::toQString(failed["message"]);
        QVERIFY2(message.contains(QStringLiteral("interaction_required")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("tenantry-cli login --tenant ") + sample::kFabrikam),
                 qPrintable(message));
    }

    void theSubscriptionsVariablesAreSet()
    {
        const ProcessResult run = cli(
            {QStringLiteral("exec"), QStringLiteral("-s"), kFabrikamShared, QStringLiteral("--"),
             QStringLiteral("/bin/sh"), QStringLiteral("-c"),
             QStringLiteral("printf '%s\\n' \"$AZURE_SUBSCRIPTION_ID\" \"$ARM_SUBSCRIPTION_ID\" \"$AZURE_TENANT_ID\" "
                            "\"$ARM_TENANT_ID\" \"$IDENTITY_ENDPOINT\" \"${#IDENTITY_HEADER}\"")});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
        QVERIFY2(lines.size() >= 6, run.out.constData());
        QCOMPARE(lines.at(0), sample::kFabrikamShared);
        QCOMPARE(lines.at(1), sample::kFabrikamShared);
        QCOMPARE(lines.at(2), sample::kFabrikam);
        QCOMPARE(lines.at(3), sample::kFabrikam);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/msi/token$")).match(lines.at(4)).hasMatch(),
            qPrintable(lines.at(4)));
        QCOMPARE(lines.at(5), QStringLiteral("43"));
    }

    // CMD runs in SUB's subscription context, as in `tenantry-cli shell`: the real az there uses SUB while the
    // default stays, and the context is gone once CMD is.
    void azInsideUsesTheSubscription()
    {
        const ProcessResult run =
            cli({QStringLiteral("exec"), QStringLiteral("-s"), kFabrikamShared, QStringLiteral("--"),
                 QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                 QStringLiteral("az account show --query id -o tsv; echo \"$TENANTRY_CONTEXT\"")});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList lines = QString::fromUtf8(run.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), sample::kFabrikamShared);
        QVERIFY(!lines.at(1).isEmpty());
        QVERIFY2(!QFileInfo::exists(lines.at(1)), qPrintable(lines.at(1)));
        const ProcessResult outside =
            test::runProcess(QStringLiteral("/usr/bin/az"),
                             {QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--query"),
                              QStringLiteral("id"), QStringLiteral("-o"), QStringLiteral("tsv")},
                             environment());
        QVERIFY2(outside.exitCode == 0, describe(outside).constData());
        QVERIFY(QString::fromUtf8(outside.out).trimmed() != sample::kFabrikamShared);
    }

    void theExitCodeIsTheCommands_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("exit 7") << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                               QStringLiteral("exit 7")}
                                << 7;
        QTest::newRow("killed by SIGTERM")
            << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("kill -TERM $$")}
            << 128 + 15;
        QTest::newRow("not found") << QStringList{QStringLiteral("no-such-command-here")} << 127;
        QTest::newRow("no such path") << QStringList{QStringLiteral("/no/such/program")} << 127;
        QTest::newRow("not executable") << QStringList{QStringLiteral(TENANTRY_SOURCE_DIR "/README.md")} << 126;
        QTest::newRow("a directory") << QStringList{QStringLiteral("/tmp")} << 126;
        QTest::newRow("options after -- are the command's")
            << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("[ \"$1\" = --help ]"),
                           QStringLiteral("sh"), QStringLiteral("--help")}
            << 0;
    }

    void theExitCodeIsTheCommands()
    {
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        const ProcessResult run = cli(QStringList{QStringLiteral("exec"), QStringLiteral("--")} + command);
        QVERIFY2(run.exitCode == exitCode, describe(run).constData());
        if (exitCode >= 126 && exitCode <= 127)
            QVERIFY2(run.err.contains(command.first().toUtf8()), run.err.constData());
    }

    void withoutDoubleDashNothingRuns()
    {
        const ProcessResult run =
            cli({QStringLiteral("exec"), QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("exit 0")});
        QCOMPARE(run.exitCode, 2);
        const ProcessResult nothing = cli({QStringLiteral("exec"), QStringLiteral("--")});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY(nothing.err.contains("after '--'"));
    }

    void execShowsInTheHelp()
    {
        const ProcessResult help = cli({QStringLiteral("--help")});
        QVERIFY(help.out.contains("exec "));
    }

    // SIGTERM to exec (as a process manager or `kill` sends it) reaches the command, whose exit is exec's.
    void signalsSentToExecReachTheCommand()
    {
        QProcess exec;
        exec.setProcessEnvironment(environment());
        exec.start(tenantryCli(),
                   {QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                    QStringLiteral("trap 'exit 42' TERM; echo ready; while :; do sleep 0.05; done")});
        QVERIFY(exec.waitForStarted(10000));
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += exec.readAllStandardOutput();
                         return out.contains("ready") || exec.state() == QProcess::NotRunning;
                     },
                     10000),
                 exec.readAllStandardError().constData());
        QVERIFY2(out.contains("ready"), exec.readAllStandardError().constData());
        exec.terminate();
        QVERIFY(exec.waitForFinished(10000));
        QCOMPARE(exec.exitStatus(), QProcess::NormalExit);
        QCOMPARE(exec.exitCode(), 42);
    }

    // Inside exec, a process that does not have the header gets 401; once the command is gone, the port
    // takes no connection.
    void theEndpointAnswersOnlyTheCommandAndOnlyWhileItRuns()
    {
        const QString probe = QStringLiteral(
            "import os, sys, urllib.request, urllib.error\n"
            "url = os.environ['IDENTITY_ENDPOINT'] + '?api-version=2019-08-01&resource=https://management.azure.com'\n"
            "try:\n"
            "    urllib.request.urlopen(url, timeout=10)\n"
            "    print('200')\n"
            "except urllib.error.HTTPError as e:\n"
            "    print(e.code)\n"
            "print(os.environ['IDENTITY_ENDPOINT'])\n");
        const ProcessResult run =
            cli({QStringLiteral("exec"), QStringLiteral("--"), kPython, QStringLiteral("-c"), probe});
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("401"));
        const QUrl endpoint(lines.value(1));
        QVERIFY(endpoint.port() > 0);
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(endpoint.port()));
        QVERIFY(!socket.waitForConnected(2000));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    }

    // For the README: ManagedIdentityCredential.get_token inside exec (from the cache) against
    // AzureCliCredential, which runs az for each token; medians of a few runs, measured in Python.
    void measureAgainstAzureCliCredential()
    {
        constexpr int runs = 5;
        auto median = [](QList<double> values) {
            std::sort(values.begin(), values.end());
            return values.at(values.size() / 2);
        };
        QList<double> endpoint;
        QList<double> azCli;
        for (int i = 0; i < runs; ++i) {
            const ProcessResult mi =
                identity(QStringLiteral("Northwind Production"), QStringLiteral("managed-identity"), kArmScope);
            QVERIFY2(mi.exitCode == 0, describe(mi).constData());
            endpoint.append(answer(mi)["seconds"].get<double>() * 1000);
            const ProcessResult cliCredential = identity(QString(), QStringLiteral("cli"), kArmScope);
            QVERIFY2(cliCredential.exitCode == 0, describe(cliCredential).constData());
            azCli.append(answer(cliCredential)["seconds"].get<double>() * 1000);
        }
        qInfo("medians of %d runs of get_token(\"%s\"): ManagedIdentityCredential inside exec %.1f ms, "
              "AzureCliCredential (runs az) %.1f ms",
              runs, qPrintable(kArmScope), median(endpoint), median(azCli));
        QVERIFY(median(endpoint) < median(azCli));
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestExecTokenEndpoint test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestExecTokenEndpoint.moc"
