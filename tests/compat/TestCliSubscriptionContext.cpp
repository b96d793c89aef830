// One shell's subscription with the real clients: bash and zsh evaluate `tenantry-cli env -s SUB`, Debian's az
// runs inside (through the context's bin/az) and outside; `tenantry-cli shell -s SUB` runs a script as its shell.
// az inside uses SUB and az outside the default; a token az renews inside lands in az's own
// msal_token_cache.json and nothing token-like ever appears in the context; `az account set` inside changes only
// the context; contexts of ended shells are removed.
//
// As TestToolCredentials: the test runs itself again inside scripts/fake-azure-hosts.sh and serves the test
// identity provider with TLS on 127.0.0.1:443 under the real host names. Sam signs in once, through a core
// Session. Tokens are compared, never printed.

#include "TestConfig.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/ProcessRunner.h"
#include "fakes/SampleDirectory.h"
#include "fakes/SessionSignIn.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Clock.h"
#include "util/Json.h"

#include <QDateTime>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kBash = QStringLiteral("/bin/bash");
const QString kZsh = QStringLiteral("/usr/bin/zsh");
const QString kFish = QStringLiteral("/usr/bin/fish");

QStringList lines(const QByteArray& out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCliSubscriptionContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestIdentityProvider m_idp;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    QString m_runtime;
    QString m_default; // the active subscription az's own profile names
    const QString m_fabrikam = sample::kFabrikamShared;

    QString home() const { return m_dir.filePath(QStringLiteral("home")); }
    QString configDir() const { return home() + QStringLiteral("/.azure"); }
    QString contextsRoot() const { return m_runtime + QStringLiteral("/tenantry/contexts"); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = confinedUserEnvironment(home());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime);
        env.insert(QStringLiteral("SHELL"), kBash);
        env.insert(QStringLiteral("CLI"), tenantryCli());
        for (const char* name : {"TENANTRY_CONTEXT", "AZURE_SUBSCRIPTION_ID"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    // `script` run by bash (or zsh) as a user's shell would, while the provider keeps answering.
    ProcessResult shell(const QString& script, const QString& program = kBash)
    {
        const QStringList args = program == kZsh ? QStringList{QStringLiteral("-f"), QStringLiteral("-c"), script}
                                 : program == kFish
                                     ? QStringList{QStringLiteral("--no-config"), QStringLiteral("-c"), script}
                                     : QStringList{QStringLiteral("--norc"), QStringLiteral("-c"), script};
        return runProcessServing(program, args, environment(), 60000);
    }

    ProcessResult cli(const QStringList& args) { return runProcessServing(tenantryCli(), args, environment(), 60000); }

    QStringList contexts() const
    {
        return QDir(contextsRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    }

    Json tokenCache() const
    {
        const auto parsed = json::parse(readFile(configDir() + QStringLiteral("/msal_token_cache.json")));
        return parsed.value && parsed.value->is_object() ? *parsed.value : Json::object();
    }

private slots:
    void initTestCase()
    {
        TENANTRY_REQUIRE_FAKE_AZURE_HOSTS();
        if (!azAvailable())
            QSKIP("needs Debian's azure-cli");
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is not built");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(configDir()));
        // A runtime directory whose path a shell would misread unless every use is quoted.
        m_runtime = m_dir.filePath(QStringLiteral("run 'it''s' $HOME \"q\""));
        QVERIFY(QDir().mkpath(m_runtime));
        QVERIFY(
            QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

        QString error;
        QVERIFY2(m_idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        m_idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
        QVERIFY2(m_idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                                 qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        QVERIFY2(m_idp.listen(QHostAddress::LocalHost, 443), qPrintable(m_idp.server()->errorString()));
        m_nam.setProxy(QNetworkProxy::NoProxy);

        const SignInResult signedIn = signInThroughSession(configDir(), &m_nam, m_clock, m_idp, sample::kSam);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error));
        const ProcessResult show = shell(QStringLiteral("az account show --query id -o tsv"));
        QVERIFY2(show.exitCode == 0, describe(show).constData());
        m_default = lines(show.out).value(0);
        QVERIFY(!m_default.isEmpty() && m_default != m_fabrikam);
    }

    void azInsideUsesTheContextAndOutsideTheDefault_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("bash") << kBash;
        QTest::newRow("zsh") << kZsh;
    }

    void azInsideUsesTheContextAndOutsideTheDefault()
    {
        QFETCH(QString, program);
        if (!QFileInfo(program).isExecutable())
            QSKIP(qPrintable(program + QStringLiteral(" is not installed (scripts/install-deps.sh test)")));
        const QByteArray profileBefore = readFile(configDir() + QStringLiteral("/azureProfile.json"));
        const ProcessResult inside = shell(QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9\n"
                                                          "echo \"$$\"\n"
                                                          "cat \"$TENANTRY_CONTEXT/owner\"; echo\n"
                                                          "echo \"$TENANTRY_CONTEXT\"\n"
                                                          "echo \"$AZURE_SUBSCRIPTION_ID $ARM_TENANT_ID\"\n"
                                                          "command -v az\n"
                                                          "az account show --query id -o tsv\n")
                                               .arg(m_fabrikam),
                                           program);
        QVERIFY2(inside.exitCode == 0, describe(inside).constData());
        const QStringList out = lines(inside.out);
        QCOMPARE(out.size(), 6);
        // The owner is the shell that evaluated the lines (it ran tenantry-cli as its direct child).
        const Json owner = json::parse(out.at(1).toUtf8()).value.value_or(Json());
        QVERIFY(owner.is_object());
        QCOMPARE(QString::number(owner.value("pid", Json(0)).get<qint64>()), out.at(0));
        const QString context = out.at(2);
        QVERIFY2(context.startsWith(contextsRoot() + u'/'), qPrintable(context));
        QCOMPARE(out.at(3), m_fabrikam + u' ' + sample::kFabrikam);
        QCOMPARE(out.at(4), context + QStringLiteral("/bin/az"));
        QCOMPARE(out.at(5), m_fabrikam);

        // Every other shell keeps the default; az's own profile is as it was.
        const ProcessResult outside = shell(QStringLiteral("az account show --query id -o tsv"));
        QCOMPARE(lines(outside.out).value(0), m_default);
        QCOMPARE(readFile(configDir() + QStringLiteral("/azureProfile.json")), profileBefore);
        // That shell has ended: the next env removes its context.
        QVERIFY(QFileInfo::exists(context));
        QCOMPARE(shell(QStringLiteral("\"$CLI\" env -s %1 >/dev/null").arg(m_fabrikam)).exitCode, 0);
        QVERIFY(!QFileInfo::exists(context));
    }

    void fishSourcesTheContext()
    {
        if (!QFileInfo(kFish).isExecutable())
            QSKIP("fish is not installed (scripts/install-deps.sh test)");
        const ProcessResult run = shell(QStringLiteral("\"$CLI\" env -s %1 --shell fish | source; or exit 9\n"
                                                       "echo $fish_pid\n"
                                                       "cat \"$TENANTRY_CONTEXT/owner\"; echo\n"
                                                       "az account show --query id -o tsv\n")
                                            .arg(m_fabrikam),
                                        kFish);
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList out = lines(run.out);
        QCOMPARE(out.size(), 3);
        const Json owner = json::parse(out.at(1).toUtf8()).value.value_or(Json());
        QVERIFY(owner.is_object());
        QCOMPARE(QString::number(owner.value("pid", Json(0)).get<qint64>()), out.at(0));
        QCOMPARE(out.at(2), m_fabrikam);
    }

    void aTokenAzRenewsInsideLandsInTheSharedCache()
    {
        // Every cached access token expired: az must renew the one it needs through the refresh token.
        Json cache = tokenCache();
        QVERIFY(cache.contains("AccessToken"));
        const QByteArray past = QByteArray::number(QDateTime::currentSecsSinceEpoch() - 60);
        for (auto& [key, entry] : cache["AccessToken"].items()) {
            entry["expires_on"] = past.toStdString();
            entry["extended_expires_on"] = past.toStdString();
        }
        writeFile(configDir() + QStringLiteral("/msal_token_cache.json"), QByteArray::fromStdString(cache.dump(4)));
        m_idp.clearRequests();
        const ProcessResult run = shell(QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9\n"
                                                       "az account get-access-token --query accessToken -o tsv || "
                                                       "exit 8\n"
                                                       "ls -A \"$TENANTRY_CONTEXT\"; ls -A \"$TENANTRY_CONTEXT/bin\"\n")
                                            .arg(m_fabrikam));
        QVERIFY2(run.exitCode == 0, describe(run, false).constData());
        const QStringList out = lines(run.out);
        QVERIFY(!out.isEmpty());
        const QString token = out.first();
        const auto issued = m_idp.accessTokenInfo(token);
        QVERIFY2(issued.has_value(), "az printed a token the provider did not issue");
        QCOMPARE(issued->tenantId, sample::kFabrikam);
        QCOMPARE(m_idp.requestCount(IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
        // In az's own cache, valid.
        bool found = false;
        const Json after = tokenCache();
        for (const auto& [key, entry] : after["AccessToken"].items()) {
            if (json::toQString(entry["secret"]) == token) {
                found = true;
                QVERIFY(json::toSeconds(entry["expires_on"]).value_or(0) > QDateTime::currentSecsSinceEpoch());
            }
        }
        QVERIFY2(found, "the renewed token is not in az's msal_token_cache.json");
        // The context held its profile, owner record and shim, and nothing else, while az ran.
        QStringList files = out.mid(1);
        files.sort();
        QCOMPARE(files, (QStringList{"az", "azureProfile.json", "bin", "owner"}));
    }

    void accountSetInsideChangesOnlyTheContext()
    {
        const QByteArray profileBefore = readFile(configDir() + QStringLiteral("/azureProfile.json"));
        const ProcessResult run = shell(QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9\n"
                                                       "az account set -s %2 || exit 8\n"
                                                       "az account show --query id -o tsv\n"
                                                       "echo \"$TENANTRY_CONTEXT\"\n")
                                            .arg(m_fabrikam, m_default));
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        QCOMPARE(lines(run.out).value(0), m_default);
        QCOMPARE(readFile(configDir() + QStringLiteral("/azureProfile.json")), profileBefore);
        // A second shell's context still starts from az's own default choice of SUB.
        const ProcessResult other = shell(
            QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" && az account show --query id -o tsv").arg(m_fabrikam));
        QCOMPARE(lines(other.out).value(0), m_fabrikam);
    }

    void aSecondEvalReplacesTheContextAndUnsetLeavesIt()
    {
        const ProcessResult run =
            shell(QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9\n"
                                 "first=$TENANTRY_CONTEXT\n"
                                 "eval \"$(\"$CLI\" env -s %2)\" || exit 8\n"
                                 "test -e \"$first\" && echo first-still-there\n"
                                 "echo \"$PATH\"\n"
                                 "az account show --query id -o tsv\n"
                                 "second=$TENANTRY_CONTEXT\n"
                                 "eval \"$(\"$CLI\" env --unset)\" || exit 7\n"
                                 "test -e \"$second\" && echo second-still-there\n"
                                 "echo \"${TENANTRY_CONTEXT-unset} ${ARM_SUBSCRIPTION_ID-unset}\"\n"
                                 "az account show --query id -o tsv\n")
                      .arg(m_fabrikam, m_default));
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        const QStringList out = lines(run.out);
        QCOMPARE(out.size(), 4);
        QCOMPARE(out.at(0).count(QStringLiteral("/tenantry/contexts/")), 1); // one context on PATH, not two
        QCOMPARE(out.at(1), m_default);
        QCOMPARE(out.at(2), QStringLiteral("unset unset"));
        QCOMPARE(out.at(3), m_default);
    }

    void whenTheKernelRefusesANamespaceAzFailsClearly()
    {
        // A user namespace in which no further one may be made (user.max_user_namespaces 0 there), as where
        // AppArmor or a container forbids them: az in the context fails with the cause, and nothing else runs.
        if (!QFileInfo(QStringLiteral("/usr/bin/unshare")).isExecutable())
            QSKIP("needs unshare (util-linux)");
        const QByteArray cacheBefore = readFile(configDir() + QStringLiteral("/msal_token_cache.json"));
        const ProcessResult run =
            shell(QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9\n"
                                 "/usr/bin/unshare --user --map-root-user /bin/sh -c "
                                 "'echo 0 > /proc/sys/user/max_user_namespaces && az account show'\n"
                                 "status=$?\n"
                                 "ls -A \"$TENANTRY_CONTEXT\" >&2\n"
                                 "exit $status\n")
                      .arg(m_fabrikam));
        QVERIFY2(run.exitCode == 1, describe(run).constData());
        QCOMPARE(run.out, QByteArray());
        // One line naming the cause; the context still holds only its three entries.
        QCOMPARE(run.err, QByteArray("ERROR: The kernel refuses another user namespace (No space left on device): "
                                     "see sysctl user.max_user_namespaces.\nazureProfile.json\nbin\nowner\n"));
        QCOMPARE(readFile(configDir() + QStringLiteral("/msal_token_cache.json")), cacheBefore);
    }

    void envErrorsPrintNothingToEvaluate()
    {
        const ProcessResult unknown = cli({QStringLiteral("env"), QStringLiteral("-s"), QStringLiteral("nope")});
        QVERIFY(unknown.exitCode != 0);
        QCOMPARE(unknown.out, QByteArray());
        QVERIFY2(unknown.err.startsWith("ERROR: "), unknown.err.constData());
        const ProcessResult badShell = cli({QStringLiteral("env"), QStringLiteral("-s"), m_fabrikam,
                                            QStringLiteral("--shell"), QStringLiteral("tcsh")});
        QCOMPARE(badShell.exitCode, 2);
        QCOMPARE(badShell.out, QByteArray());

        // A subscription of a tenant the user hid is not offered, as `account list` leaves it out.
        const QStringList fabrikam = {QStringLiteral("--tenant"), sample::kFabrikam};
        const ProcessResult hide =
            cli(QStringList{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide")} + fabrikam);
        QVERIFY2(hide.exitCode == 0, describe(hide).constData());
        const ProcessResult hidden = cli({QStringLiteral("env"), QStringLiteral("-s"), m_fabrikam});
        QVERIFY(hidden.exitCode != 0);
        QCOMPARE(hidden.out, QByteArray());
        QVERIFY2(hidden.err.contains("in a tenant you hid"), hidden.err.constData());
        // exec resolves -s as env does: the same refusal, and the command does not run.
        const ProcessResult hiddenExec = cli({QStringLiteral("exec"), QStringLiteral("-s"), m_fabrikam,
                                              QStringLiteral("--"), QStringLiteral("echo"), QStringLiteral("ran")});
        QCOMPARE(hiddenExec.exitCode, 1);
        QCOMPARE(hiddenExec.out, QByteArray());
        QCOMPARE(hiddenExec.err, hidden.err);
        QCOMPARE(
            cli(QStringList{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("unhide")} + fabrikam)
                .exitCode,
            0);
        QCOMPARE(cli({QStringLiteral("env"), QStringLiteral("-s"), m_fabrikam}).exitCode, 0);

        QProcessEnvironment signedOut = environment();
        const QString empty = m_dir.filePath(QStringLiteral("empty-azure"));
        QVERIFY(QDir().mkpath(empty));
        signedOut.insert(QStringLiteral("AZURE_CONFIG_DIR"), empty);
        const ProcessResult notSignedIn = runProcessServing(
            tenantryCli(), {QStringLiteral("env"), QStringLiteral("-s"), m_fabrikam}, signedOut, 60000);
        QVERIFY(notSignedIn.exitCode != 0);
        QCOMPARE(notSignedIn.out, QByteArray());
        QVERIFY2(notSignedIn.err.startsWith("ERROR: "), notSignedIn.err.constData());
    }

    void shellRunsWithTheContextAndForwardsTheExitCode()
    {
        const ProcessResult run =
            shell(QStringLiteral("printf '%s\\n' 'az account show --query id -o tsv' 'echo \"$TENANTRY_CONTEXT\"' "
                                 "'exit 7' | \"$CLI\" shell -s %1\n"
                                 "echo \"exit $?\"\n")
                      .arg(m_fabrikam));
        const QStringList out = lines(run.out);
        QVERIFY2(out.size() == 3, describe(run).constData());
        QCOMPARE(out.at(0), m_fabrikam);
        QVERIFY(out.at(1).startsWith(contextsRoot() + u'/'));
        QVERIFY2(!QFileInfo::exists(out.at(1)), "the context outlived its shell");
        QCOMPARE(out.at(2), QStringLiteral("exit 7"));
    }

    void timings()
    {
        // Medians of 5 runs, timed inside the shell: az account show outside a context and inside one (made once,
        // before), and env itself.
        const auto median = [this](const QString& setUp, const QString& command) {
            const ProcessResult run =
                shell(setUp + QStringLiteral("\nfor i in 1 2 3 4 5; do s=$(date +%s%N); ") + command +
                      QStringLiteral(" >/dev/null || exit 8; e=$(date +%s%N); "
                                     "echo $(( (e - s) / 1000000 )); done\n"));
            QList<int> times;
            for (const QString& line : lines(run.out))
                times.append(line.toInt());
            std::sort(times.begin(), times.end());
            return run.exitCode == 0 && times.size() == 5 ? times.at(2) : -1;
        };
        const QString inContext = QStringLiteral("eval \"$(\"$CLI\" env -s %1)\" || exit 9").arg(m_fabrikam);
        const int outside = median(QString(), QStringLiteral("az account show -o none"));
        const int inside = median(inContext, QStringLiteral("az account show -o none"));
        const int env = median(QString(), QStringLiteral("\"$CLI\" env -s %1").arg(m_fabrikam));
        qInfo("medians of 5 runs: az account show outside a context %d ms, inside %d ms; tenantry-cli env %d ms",
              outside, inside, env);
        QVERIFY(outside > 0 && inside > 0 && env > 0);
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestCliSubscriptionContext test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCliSubscriptionContext.moc"
