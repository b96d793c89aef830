// Tenantry's sign-in in git and kubectl, with the real clients: Debian's git asks `tenantry-cli
// git-credential` (configured by `tenantry-cli git-credential configure` in a throw-away global git
// config) for Azure Repos and nothing else; Debian's kubectl runs `tenantry-cli kube-token` as its exec
// credential plugin against a local HTTPS API server that records the bearer token; `tenantry-cli
// kubeconfig convert` rewrites kubelogin and legacy azure auth-provider users, and kubectl then reads
// and uses what it wrote.
//
// As TestCliAgainstTestIdp: the test runs itself again inside scripts/fake-azure-hosts.sh (the real host
// names on 127.0.0.1, a throw-away CA trusted, a loopback-only network) and serves the test identity
// provider with TLS on 127.0.0.1:443. Sam signs in once, through a core Session; every token then comes
// from the cache or a refresh at the provider. Tokens are compared, never printed.

#include "TestConfig.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/FakeKubeApiServer.h"
#include "fakes/ProcessRunner.h"
#include "fakes/SampleDirectory.h"
#include "fakes/SessionSignIn.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Clock.h"
#include "util/Json.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <algorithm>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kAksServerId = QStringLiteral("6dae42f8-4368-4678-94ff-3960e28e3630");
const QString kDevOpsResource = QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798");
const QString kGit = QStringLiteral("/usr/bin/git");
const QString kKubectl = QStringLiteral("/usr/bin/kubectl");
const QString kExecInfoV1 = QStringLiteral(
    R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"interactive":false}})");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    // For failure messages: the exit code and stderr only (stdout may hold a token).
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\nstderr: " + err.left(4000); }
};

// The value of `key=` in a credential helper's or `git credential fill`'s output.
QString attribute(const QByteArray& output, const QByteArray& key)
{
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith(QByteArray(key + '=')))
            return QString::fromUtf8(line.mid(key.size() + 1));
    }
    return QString();
}

} // namespace

class TestToolCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    FakeKubeApiServer m_kube;
    QString m_defaultTenant; // the active subscription's, after the sign-in

    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString configDir() const { return home() + QStringLiteral("/.azure"); }
    QString gitConfig() const { return m_dir.filePath(QStringLiteral("gitconfig")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = confinedUserEnvironment(home());
        env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), gitConfig());
        env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
        env.insert(QStringLiteral("GIT_ASKPASS"), QStringLiteral("/bin/false"));
        for (const char* name : {"KUBECONFIG", "KUBERNETES_EXEC_INFO", "SSH_ASKPASS"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    // Runs a program with `input` on stdin while this thread's event loop serves the provider and the API server.
    Run run(const QString& program, const QStringList& args, const QByteArray& input = {},
            const QProcessEnvironment& extra = {}, bool closeStdin = true)
    {
        QProcessEnvironment env = environment();
        for (const QString& key : extra.keys())
            env.insert(key, extra.value(key));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path());
        process.start(program, args);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        process.write(input);
        if (closeStdin)
            process.closeWriteChannel();
        // The event loop runs (the provider and the API server answer) until the program ends, or a minute.
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (process.state() != QProcess::NotRunning)
            loop.exec();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            result.err = "[killed after a minute]\n";
        }
        result.out = process.readAllStandardOutput();
        result.err += process.readAllStandardError();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return result;
    }

    Run cli(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& extra = {})
    {
        return run(tenantryCli(), args, input, extra);
    }

    // The secret and expiry of the cached access token for `resource` (any of its scopes) of `tenant`.
    QPair<QString, qint64> cachedToken(const QString& resource, const QString& tenant) const
    {
        const auto parsed = json::parse(readFile(configDir() + QStringLiteral("/msal_token_cache.json")));
        if (!parsed.value || !parsed.value->is_object() || !parsed.value->contains("AccessToken"))
            return {};
        for (const auto& [key, entry] : (*parsed.value)["AccessToken"].items()) {
            if (json::toQString(entry["realm"]) == tenant && json::toQString(entry["target"]).startsWith(resource))
                return {json::toQString(entry["secret"]), json::toSeconds(entry["expires_on"]).value_or(0)};
        }
        return {};
    }

    QString writeKubeconfig(const QString& fixture)
    {
        QByteArray text = readFile(dataPath(QStringLiteral("kubeconfig/") + fixture));
        text.replace("@SERVER@", m_kube.url().toUtf8());
        text.replace("@CA@", qgetenv("TENANTRY_TEST_CA"));
        const QString path = m_dir.filePath(fixture);
        writeFile(path, text);
        return path;
    }

    // kubectl's own reading of a kubeconfig: its users by name.
    QMap<QString, Json> kubeconfigUsers(const QString& kubeconfig)
    {
        const Run view =
            run(kKubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("config"), QStringLiteral("view"),
                           QStringLiteral("--raw"), QStringLiteral("-o"), QStringLiteral("json")});
        QMap<QString, Json> users;
        const auto parsed = json::parse(view.out);
        if (view.exitCode != 0 || !parsed.value || !parsed.value->is_object())
            return users;
        for (const Json& user : (*parsed.value)["users"])
            users.insert(json::toQString(user["name"]), user["user"]);
        return users;
    }

    static QStringList strings(const Json& array)
    {
        QStringList list;
        for (const Json& item : array)
            list.append(json::toQString(item));
        return list;
    }

private slots:
    void initTestCase()
    {
        TENANTRY_REQUIRE_FAKE_AZURE_HOSTS();
        if (!QFileInfo(kGit).isExecutable() || !QFileInfo(kKubectl).isExecutable())
            QSKIP("needs Debian's git and kubectl (kubernetes-client)");
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is not built");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(configDir()));

        QString error;
        QVERIFY2(m_idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        m_idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
        QVERIFY2(m_idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                                 qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        QVERIFY2(m_idp.listen(QHostAddress::LocalHost, 443), qPrintable(m_idp.server()->errorString()));
        QVERIFY2(m_kube.listen(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                               qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        m_nam.setProxy(QNetworkProxy::NoProxy);

        const SignInResult signedIn = signInThroughSession(configDir(), &m_nam, m_clock, m_idp, sample::kSam);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error));
        const Run show = cli({QStringLiteral("account"), QStringLiteral("show")});
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        const auto account = json::parse(show.out);
        QVERIFY(account.value && account.value->is_object());
        m_defaultTenant = json::toQString((*account.value)["tenantId"]);
        QVERIFY(!m_defaultTenant.isEmpty());
    }

    // --- git -----------------------------------------------------------------------------------------

    void configureWritesTheHelperIntoGitsGlobalConfig()
    {
        const Run configure = cli({QStringLiteral("git-credential"), QStringLiteral("configure")});
        QVERIFY2(configure.exitCode == 0, configure.describe().constData());
        const Run helpers =
            run(kGit, {QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--get-all"),
                       QStringLiteral("credential.https://dev.azure.com.helper")});
        const QByteArray expected = "\n!" + tenantryCli().toUtf8() + " git-credential\n"; // a plain path, unquoted
        QCOMPARE(helpers.out, expected);
        const Run useHttpPath = run(kGit, {QStringLiteral("config"), QStringLiteral("--global"),
                                           QStringLiteral("credential.https://dev.azure.com.useHttpPath")});
        QCOMPARE(useHttpPath.out, QByteArray("true\n"));
        // A second run leaves one reset and one helper, not two of each.
        QCOMPARE(cli({QStringLiteral("git-credential"), QStringLiteral("configure")}).exitCode, 0);
        QCOMPARE(run(kGit, {QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--get-all"),
                            QStringLiteral("credential.https://dev.azure.com.helper")})
                     .out,
                 expected);
    }

    void gitGetsAnAzureDevOpsTokenForAzureRepos()
    {
        m_idp.clearRequests();
        const Run fill = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")},
                             "protocol=https\nhost=dev.azure.com\npath=northwind/payments/_git/api\n\n");
        QVERIFY2(fill.exitCode == 0, fill.describe().constData());
        const QString password = attribute(fill.out, "password");
        QVERIFY2(!password.isEmpty(), fill.describe().constData());
        QCOMPARE(attribute(fill.out, "username"), sample::kSam);
        const auto issued = m_idp.accessTokenInfo(password);
        QVERIFY2(issued.has_value(), "git got a password the provider did not issue");
        QCOMPARE(issued->audience, kDevOpsResource);
        QCOMPARE(issued->tenantId, m_defaultTenant);
        QVERIFY2(password == cachedToken(kDevOpsResource, m_defaultTenant).first,
                 "git's password is not the cached token");
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 1); // one refresh, written to the shared cache

        // The next fill, and a *.visualstudio.com remote of the same tenant, come from the cache.
        m_idp.clearRequests();
        const Run again = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")},
                              "protocol=https\nhost=northwind.visualstudio.com\npath=payments/_git/api\n\n");
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY2(attribute(again.out, "password") == password, "the second fill did not get the cached token");
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 0);

        // The user name in the remote URL (https://northwind@dev.azure.com/...) is kept.
        const Run named = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")},
                              "url=https://northwind@dev.azure.com/northwind/payments/_git/api\n\n");
        QCOMPARE(attribute(named.out, "username"), QStringLiteral("northwind"));
        QVERIFY(attribute(named.out, "password") == password);
    }

    void anOrganisationsOwnTenantIsUsed()
    {
        const Run configure =
            cli({QStringLiteral("git-credential"), QStringLiteral("configure"), QStringLiteral("--org"),
                 QStringLiteral("Fabrikam"), QStringLiteral("--tenant"), sample::kFabrikam});
        QVERIFY2(configure.exitCode == 0, configure.describe().constData());
        const Run fill = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")},
                             "protocol=https\nhost=dev.azure.com\npath=fabrikam/shared/_git/tools\n\n");
        QVERIFY2(fill.exitCode == 0, fill.describe().constData());
        const auto issued = m_idp.accessTokenInfo(attribute(fill.out, "password"));
        QVERIFY(issued.has_value());
        QCOMPARE(issued->tenantId, sample::kFabrikam);
        QCOMPARE(issued->audience, kDevOpsResource);
        // Other organisations keep the active subscription's tenant; "default" undoes the choice.
        QCOMPARE(cli({QStringLiteral("git-credential"), QStringLiteral("configure"), QStringLiteral("--org"),
                      QStringLiteral("fabrikam"), QStringLiteral("--tenant"), QStringLiteral("default")})
                     .exitCode,
                 0);
        const Run back = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")},
                             "protocol=https\nhost=dev.azure.com\npath=fabrikam/shared/_git/tools\n\n");
        QCOMPARE(m_idp.accessTokenInfo(attribute(back.out, "password"))->tenantId, m_defaultTenant);
    }

    void gitGetsNothingForOtherHosts_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("github.com") << QByteArray("protocol=https\nhost=github.com\npath=org/repo.git\n\n");
        QTest::newRow("look-alike suffix") << QByteArray("protocol=https\nhost=dev.azure.com.evil.example\n\n");
        QTest::newRow("look-alike prefix") << QByteArray("protocol=https\nhost=evil-dev.azure.com\n\n");
        QTest::newRow("subdomain") << QByteArray("protocol=https\nhost=ssh.dev.azure.com\n\n");
        QTest::newRow("visualstudio look-alike")
            << QByteArray("protocol=https\nhost=org.visualstudio.com.evil.example\n\n");
        QTest::newRow("http") << QByteArray("protocol=http\nhost=dev.azure.com\n\n");
        QTest::newRow("other port") << QByteArray("protocol=https\nhost=dev.azure.com:8443\n\n");
    }

    // git itself asks the helper only where its config says; for anything else there is no password
    // (and, with prompts off, git fails). The helper, asked directly, answers nothing and exits 0.
    void gitGetsNothingForOtherHosts()
    {
        QFETCH(QByteArray, request);
        const Run fill = run(kGit, {QStringLiteral("credential"), QStringLiteral("fill")}, request);
        QVERIFY2(attribute(fill.out, "password").isEmpty(), fill.describe().constData());
        QVERIFY(fill.exitCode != 0);
        const Run helper = cli({QStringLiteral("git-credential"), QStringLiteral("get")}, request);
        QVERIFY2(helper.exitCode == 0, helper.describe().constData());
        QVERIFY(helper.out.isEmpty());
        QVERIFY2(helper.err.isEmpty(), helper.err.constData());
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("why");
        QTest::newRow("host twice") << QByteArray("protocol=https\nhost=github.com\nhost=dev.azure.com\n\n")
                                    << QByteArray("'host' is given twice");
        QTest::newRow("no equals sign") << QByteArray("protocol=https\nhost dev.azure.com\n\n")
                                        << QByteArray("is not key=value");
        QTest::newRow("NUL") << QByteArray("protocol=https\nhost=dev.azure.com" + QByteArray(1, '\0') + ".evil\n\n")
                             << QByteArray("NUL byte");
        QTest::newRow("huge line") << QByteArray("protocol=https\nhost=dev.azure.com\nwwwauth[]=" +
                                                 QByteArray(20000, 'x') + "\n\n")
                                   << QByteArray("longer than 16384 bytes");
        QTest::newRow("huge request") << QByteArray("protocol=https\n" + QByteArray(100000, 'x'))
                                      << QByteArray("larger than 65536 bytes");
        QTest::newRow("many lines") << QByteArray("capability[]=authtype\n").repeated(300)
                                    << QByteArray("more than 256 lines");
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, why);
        const Run helper = cli({QStringLiteral("git-credential"), QStringLiteral("get")}, request);
        QCOMPARE(helper.exitCode, 1);
        QVERIFY(helper.out.isEmpty());
        QVERIFY2(helper.err.contains("not a git credential request: ") && helper.err.contains(why),
                 helper.err.constData());
    }

    // A writer that neither ends its request nor closes stdin holds the helper 30 s, no longer.
    void aRequestThatNeverEndsIsGivenUpOn()
    {
        QElapsedTimer timer;
        timer.start();
        const Run helper = run(tenantryCli(), {QStringLiteral("git-credential"), QStringLiteral("get")},
                               "protocol=https\nhost=dev.azure.com\n", {}, false);
        QCOMPARE(helper.exitCode, 1);
        QVERIFY(helper.out.isEmpty());
        QVERIFY2(helper.err.contains("the request on stdin did not end within 30 s"), helper.err.constData());
        QVERIFY2(timer.elapsed() < 45000, qPrintable(QString::number(timer.elapsed())));
    }

    // git hands every helper the credential that worked (store) or failed (erase): nothing is kept or dropped.
    void storeAndEraseKeepNothing()
    {
        const QByteArray cacheBefore = readFile(configDir() + QStringLiteral("/msal_token_cache.json"));
        const QByteArray credential = "protocol=https\nhost=dev.azure.com\nusername=sam\npassword=from-git\n\n";
        for (const QString& action : {QStringLiteral("store"), QStringLiteral("erase")}) {
            const Run helper = cli({QStringLiteral("git-credential"), action}, credential);
            QVERIFY2(helper.exitCode == 0, helper.describe().constData());
            QVERIFY(helper.out.isEmpty());
        }
        QCOMPARE(readFile(configDir() + QStringLiteral("/msal_token_cache.json")), cacheBefore);
        const QStringList files = QDir(home()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(!files.contains(QStringLiteral(".git-credentials")), qPrintable(files.join(u' ')));
    }

    // --- kubectl -------------------------------------------------------------------------------------

    void kubectlSendsTheCachedTokenFromKubeToken_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::newRow("v1beta1") << QStringLiteral("client.authentication.k8s.io/v1beta1");
        QTest::newRow("v1") << QStringLiteral("client.authentication.k8s.io/v1");
    }

    void kubectlSendsTheCachedTokenFromKubeToken()
    {
        QFETCH(QString, apiVersion);
        const QString kubeconfig = m_dir.filePath(QStringLiteral("plain.kubeconfig"));
        writeFile(kubeconfig, QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: aks\n  cluster:\n"
                                             "    server: %1\n    certificate-authority: %2\ncontexts:\n- name: aks\n"
                                             "  context: {cluster: aks, user: sam}\ncurrent-context: aks\nusers:\n"
                                             "- name: sam\n  user:\n    exec:\n      apiVersion: %3\n"
                                             "      command: %4\n      args: [kube-token, --server-id, %5]\n"
                                             "      interactiveMode: Never\n")
                                  .arg(m_kube.url(), qEnvironmentVariable("TENANTRY_TEST_CA"), apiVersion,
                                       tenantryCli(), kAksServerId)
                                  .toUtf8());
        m_kube.clear();
        const Run get = run(kKubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
                                       QStringLiteral("--raw"), QStringLiteral("/api")});
        QVERIFY2(get.exitCode == 0, get.describe().constData());
        QVERIFY2(get.out.contains("\"APIVersions\""), get.out.left(200).constData());
        // kubectl asks /version first while its cache of it is new; every request carries the token.
        QVERIFY2(m_kube.requests().contains(QStringLiteral("GET /api")), qPrintable(m_kube.requests().join(u',')));
        QCOMPARE(m_kube.bearerTokens().size(), m_kube.requests().size());
        const auto cached = cachedToken(kAksServerId, m_defaultTenant);
        QVERIFY2(!cached.first.isEmpty(), "no token for the server id was cached");
        for (const QString& token : m_kube.bearerTokens())
            QVERIFY2(token == cached.first, "the API server got another token than the cached one");
        QCOMPARE(m_idp.accessTokenInfo(cached.first)->audience, kAksServerId);
    }

    // What kubectl reads: the version KUBERNETES_EXEC_INFO asks for, the token, its expiry in RFC 3339 UTC.
    void kubeTokenAnswersTheVersionAsked()
    {
        QProcessEnvironment v1;
        v1.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), kExecInfoV1);
        m_idp.clearRequests();
        const Run token = cli({QStringLiteral("kube-token"), QStringLiteral("--server-id"), kAksServerId}, {}, v1);
        QVERIFY2(token.exitCode == 0, token.describe().constData());
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 0); // cached by the kubectl run before
        const auto parsed = json::parse(token.out);
        QVERIFY(parsed.value && parsed.value->is_object());
        const Json& credential = *parsed.value;
        QCOMPARE(json::toQString(credential["kind"]), QStringLiteral("ExecCredential"));
        QCOMPARE(json::toQString(credential["apiVersion"]), QStringLiteral("client.authentication.k8s.io/v1"));
        const auto cached = cachedToken(kAksServerId, m_defaultTenant);
        QVERIFY(json::toQString(credential["status"]["token"]) == cached.first);
        const QString expiry = json::toQString(credential["status"]["expirationTimestamp"]);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")).match(expiry).hasMatch(),
            qPrintable(expiry));
        QCOMPARE(QDateTime::fromString(expiry, Qt::ISODate).toSecsSinceEpoch(), cached.second);

        const Run beta = cli({QStringLiteral("kube-token"), QStringLiteral("--server-id"), kAksServerId});
        QVERIFY2(beta.out.contains("\"apiVersion\":\"client.authentication.k8s.io/v1beta1\""),
                 beta.describe().constData());
    }

    void hostileExecInfoIsRefused_data()
    {
        QTest::addColumn<QString>("execInfo");
        QTest::newRow("not JSON") << QStringLiteral("{\"apiVersion\":");
        QTest::newRow("not an object") << QStringLiteral("[\"client.authentication.k8s.io/v1\"]");
        QTest::newRow("other version") << QStringLiteral("{\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\"}");
        QTest::newRow("deep") << QString(QStringLiteral("[").repeated(100000));
        QTest::newRow("huge") << QStringLiteral("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"x\":\"%1\"}")
                                     .arg(QString(100000, u'x'));
    }

    void hostileExecInfoIsRefused()
    {
        QFETCH(QString, execInfo);
        QProcessEnvironment env;
        env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), execInfo);
        const Run token = cli({QStringLiteral("kube-token"), QStringLiteral("--server-id"), kAksServerId}, {}, env);
        QCOMPARE(token.exitCode, 1);
        QVERIFY(token.out.isEmpty());
        QVERIFY2(token.err.contains("KUBERNETES_EXEC_INFO"), token.err.constData());
    }

    // kubelogin's user becomes kube-token's with the same server id and tenant; everything else stays.
    void convertRewritesAKubeloginUser()
    {
        const QString kubeconfig = writeKubeconfig(QStringLiteral("kubelogin.yaml"));
        const QByteArray before = readFile(kubeconfig);
        const Run dryRun = cli({QStringLiteral("kubeconfig"), QStringLiteral("convert"), QStringLiteral("--kubeconfig"),
                                kubeconfig, QStringLiteral("--dry-run")});
        QVERIFY2(dryRun.exitCode == 0, dryRun.describe().constData());
        QVERIFY2(dryRun.out.contains("clusterUser_northwind-rg_aks-northwind"), dryRun.out.constData());
        QCOMPARE(readFile(kubeconfig), before);

        const Run convert =
            cli({QStringLiteral("kubeconfig"), QStringLiteral("convert"), QStringLiteral("--kubeconfig"), kubeconfig});
        QVERIFY2(convert.exitCode == 0, convert.describe().constData());
        const QMap<QString, Json> users = kubeconfigUsers(kubeconfig);
        const Json exec = users.value(QStringLiteral("clusterUser_northwind-rg_aks-northwind"))["exec"];
        QCOMPARE(json::toQString(exec["command"]), tenantryCli());
        QCOMPARE(strings(exec["args"]), (QStringList{QStringLiteral("kube-token"), QStringLiteral("--server-id"),
                                                     kAksServerId, QStringLiteral("--tenant"), sample::kFabrikam}));
        QCOMPARE(json::toQString(exec["apiVersion"]), QStringLiteral("client.authentication.k8s.io/v1beta1"));
        QCOMPARE(json::toQString(exec["env"][0]["name"]), QStringLiteral("AAD_LOGIN_METHOD"));
        QCOMPARE(json::toQString(exec["interactiveMode"]), QStringLiteral("IfAvailable"));
        QCOMPARE(json::toQString(users.value(QStringLiteral("admin-on-prem"))["token"]),
                 QStringLiteral("not-an-entra-token"));
        QVERIFY(readFile(kubeconfig).contains("namespace: payments"));

        m_kube.clear();
        const Run get = run(kKubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
                                       QStringLiteral("--raw"), QStringLiteral("/api")});
        QVERIFY2(get.exitCode == 0, get.describe().constData());
        QVERIFY(m_kube.requests().contains(QStringLiteral("GET /api")));
        QCOMPARE(m_idp.accessTokenInfo(m_kube.bearerTokens().constFirst())->tenantId, sample::kFabrikam);
        QVERIFY(m_kube.bearerTokens().constFirst() == cachedToken(kAksServerId, sample::kFabrikam).first);
    }

    // ... and so does the legacy azure auth provider's, in the file KUBECONFIG names.
    void convertRewritesALegacyAzureAuthProviderUser()
    {
        const QString kubeconfig = writeKubeconfig(QStringLiteral("az-auth-provider.yaml"));
        QProcessEnvironment kubeconfigVariable;
        kubeconfigVariable.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        const Run convert = cli({QStringLiteral("kubeconfig"), QStringLiteral("convert")}, {}, kubeconfigVariable);
        QVERIFY2(convert.exitCode == 0, convert.describe().constData());
        const Json user = kubeconfigUsers(kubeconfig).value(QStringLiteral("clusterUser_legacy-rg_aks-legacy"));
        QVERIFY2(!user.contains("auth-provider"), user.dump().c_str());
        QCOMPARE(json::toQString(user["exec"]["command"]), tenantryCli());
        QCOMPARE(strings(user["exec"]["args"]),
                 (QStringList{QStringLiteral("kube-token"), QStringLiteral("--server-id"), kAksServerId,
                              QStringLiteral("--tenant"), sample::kNorthwind}));

        m_kube.clear();
        const Run get = run(kKubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
                                       QStringLiteral("--raw"), QStringLiteral("/api")});
        QVERIFY2(get.exitCode == 0, get.describe().constData());
        QVERIFY(m_kube.requests().contains(QStringLiteral("GET /api")));
        QVERIFY(m_kube.bearerTokens().constFirst() == cachedToken(kAksServerId, sample::kNorthwind).first);
    }

    // The figures for the README, when TENANTRY_MEASURE_RUNS=N is set: kubectl's credential step, the token
    // cached, as tenantry-cli kube-token and as az account get-access-token --resource (what kubelogin's
    // azurecli mode runs; kubelogin itself is not in Debian), and a whole `kubectl get --raw /api` with kube-token.
    void measureTheCredentialStep()
    {
        const int runs = qEnvironmentVariableIntValue("TENANTRY_MEASURE_RUNS");
        if (runs <= 0)
            QSKIP("set TENANTRY_MEASURE_RUNS to measure");
        const QString kubeconfig = m_dir.filePath(QStringLiteral("plain.kubeconfig"));
        QVERIFY(QFileInfo::exists(kubeconfig)); // kubectlSendsTheCachedTokenFromKubeToken wrote it
        auto median = [this, runs](const QString& program, const QStringList& args) {
            QList<double> times;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer timer;
                timer.start();
                const Run result = run(program, args);
                times.append(timer.nsecsElapsed() / 1e6);
                if (result.exitCode != 0)
                    return -1.0;
            }
            std::sort(times.begin(), times.end());
            return times.at(times.size() / 2);
        };
        m_idp.clearRequests();
        const double kubeToken =
            median(tenantryCli(), {QStringLiteral("kube-token"), QStringLiteral("--server-id"), kAksServerId});
        const double az =
            median(QStringLiteral("/usr/bin/az"), {QStringLiteral("account"), QStringLiteral("get-access-token"),
                                                   QStringLiteral("--resource"), kAksServerId});
        const double kubectl = median(kKubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("get"),
                                                 QStringLiteral("--raw"), QStringLiteral("/api")});
        // kubectl on its own: the same cluster with a static token, no plugin to run.
        const QString staticKubeconfig = m_dir.filePath(QStringLiteral("static.kubeconfig"));
        QByteArray staticText = readFile(kubeconfig);
        staticText.replace(staticText.indexOf("    exec:"), staticText.size(), "    token: static-test-token\n");
        writeFile(staticKubeconfig, staticText);
        const double kubectlAlone =
            median(kKubectl, {QStringLiteral("--kubeconfig"), staticKubeconfig, QStringLiteral("get"),
                              QStringLiteral("--raw"), QStringLiteral("/api")});
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token), 0); // every run answered from the cache
        qInfo("medians of %d runs: kube-token %.1f ms, az account get-access-token --resource %.1f ms, "
              "kubectl get --raw /api with kube-token %.1f ms, with a static token %.1f ms",
              runs, kubeToken, az, kubectl, kubectlAlone);
        QVERIFY(kubeToken > 0 && az > 0 && kubectl > 0 && kubectlAlone > 0);
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestToolCredentials test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestToolCredentials.moc"
