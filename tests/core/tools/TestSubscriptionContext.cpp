// SubscriptionContext and ShellSnippet: what a context directory holds and with which modes (never a token), that
// its shim hands its arguments on intact, which contexts the clean-up removes (owner gone, PID reused) and which it
// leaves, and the env/unset lines run by the real bash, zsh and fish with a runtime directory and PATH entries
// that hold spaces, quotes and `$`.
#include "fakes/ProfileFixtures.h"
#include "fakes/TestFiles.h"
#include "tools/ShellSnippet.h"
#include "tools/SubscriptionContext.h"
#include "util/ChildProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kDefaultId = QStringLiteral("6b1f0e3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
const QString kOtherId = QStringLiteral("0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f");
const QString kOtherTenant = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");

int modeOf(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QStringList entries(const QString& dir)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    names.sort();
    return names;
}

// The environment a child of the shell sees after it ran `snippet` (as `eval "$(…)"` or `… | source`).
QMap<QString, QString> environmentAfter(ShellSnippet::Shell shell, const QString& snippet, const QString& path,
                                        const QString& home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), path);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    env.insert(QStringLiteral("SNIPPET"), snippet);
    env.insert(QStringLiteral("TENANTRY_CONTEXT"), QStringLiteral("/earlier"));
    QString program;
    QStringList args;
    switch (shell) {
    case ShellSnippet::Shell::Bash:
        program = QStringLiteral("/bin/bash");
        args = {QStringLiteral("--norc"), QStringLiteral("--noprofile"), QStringLiteral("-c"),
                QStringLiteral("eval \"$SNIPPET\" && /usr/bin/env -0")};
        break;
    case ShellSnippet::Shell::Zsh:
        program = QStringLiteral("/usr/bin/zsh");
        args = {QStringLiteral("-f"), QStringLiteral("-c"), QStringLiteral("eval \"$SNIPPET\" && /usr/bin/env -0")};
        break;
    case ShellSnippet::Shell::Fish:
        program = QStringLiteral("/usr/bin/fish");
        args = {QStringLiteral("--no-config"), QStringLiteral("-c"),
                QStringLiteral("printf '%s' \"$SNIPPET\" | source; and /usr/bin/env -0")};
        break;
    }
    QMap<QString, QString> result;
    const auto run = runChildProcess(program, args, {}, {}, env);
    if (!run || run->exitCode != 0) {
        result.insert(QStringLiteral("[failed]"), run ? QString::fromUtf8(run->err) : run.error().detail);
        return result;
    }
    for (const QByteArray& entry : run->out.split('\0')) {
        const int eq = entry.indexOf('=');
        if (eq > 0)
            result.insert(QString::fromUtf8(entry.left(eq)), QString::fromUtf8(entry.mid(eq + 1)));
    }
    return result;
}

} // namespace

Q_DECLARE_METATYPE(tenantry::ShellSnippet::Shell)

class TestSubscriptionContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_runtime;
    AzureConfigDir m_config{QString()};
    QByteArray m_profileBytes;
    Subscription m_other;
    ProcessIdentity m_self;

    SubscriptionContext make(const ProcessIdentity& owner, const QString& cli = QStringLiteral("/usr/bin/true"))
    {
        Result<SubscriptionContext> context = SubscriptionContext::create(m_config, m_other, owner, cli);
        if (!context)
            qFatal("%s", qPrintable(context.error().message()));
        return *context;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A runtime directory as awkward as a path can be for a shell.
        m_runtime = m_dir.filePath(QStringLiteral("run dir 'it''s' $HOME \"q\" `x` \\ end"));
        QVERIFY(QDir().mkpath(m_runtime));
        QVERIFY(
            QFile::setPermissions(m_runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime));
        QVERIFY(SubscriptionContext::rootDirectory().startsWith(m_runtime));

        m_config = AzureConfigDir(m_dir.filePath(QStringLiteral("azure")));
        QVERIFY(QDir().mkpath(m_config.path()));
        Subscription home = northwindSubscription(kDefaultId, QStringLiteral("Northwind Production"));
        m_other = northwindSubscription(kOtherId, QStringLiteral("$(touch pwned) 'Fabrikam'"));
        m_other.tenantId = kOtherTenant;
        m_profileBytes = azProfileBytes({home, m_other}, kDefaultId, {{"futureKey", {{"kept", true}}}});
        writeFile(m_config.profileFile(), m_profileBytes);
        // A token cache next to it, which a context must never copy.
        writeFile(m_config.msalCacheFile(), "{\"AccessToken\": {}}");
        m_self = ProcessIdentity::of(QCoreApplication::applicationPid()).value();
    }

    void aContextHoldsItsProfileOwnerAndShimOnlyPrivately()
    {
        const SubscriptionContext context = make(m_self);
        const QString root = SubscriptionContext::rootDirectory();
        QCOMPARE(QFileInfo(context.directory()).path(), root);
        QCOMPARE(modeOf(root), 0700);
        QCOMPARE(modeOf(QFileInfo(root).path()), 0700);
        QCOMPARE(modeOf(context.directory()), 0700);
        QCOMPARE(entries(context.directory()), (QStringList{"azureProfile.json", "bin", "owner"}));
        QCOMPARE(entries(context.binDirectory()), QStringList{"az"});
        QCOMPARE(modeOf(context.binDirectory()), 0700);
        QCOMPARE(modeOf(context.binDirectory() + QStringLiteral("/az")), 0700);
        QCOMPARE(modeOf(context.profileFile()), 0600);
        QCOMPARE(modeOf(context.directory() + QStringLiteral("/owner")), 0600);

        // az's profile with the other subscription the default; every other entry and key as az wrote them.
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(context.profileFile(), &error), AzureProfile::LoadStatus::Ok);
        QCOMPARE(profile.defaultSubscription(QString())->id, kOtherId);
        QCOMPARE(profile.subscriptions().size(), 2);
        QCOMPARE(profile.document()["futureKey"], Json({{"kept", true}}));
        QVERIFY(!readFile(context.profileFile()).contains("AccessToken"));
        // az's own file is untouched.
        QCOMPARE(readFile(m_config.profileFile()), m_profileBytes);

        const QList<QPair<QString, QString>> expected = {{"TENANTRY_CONTEXT", context.directory()},
                                                         {"AZURE_SUBSCRIPTION_ID", kOtherId},
                                                         {"AZURE_TENANT_ID", kOtherTenant},
                                                         {"ARM_SUBSCRIPTION_ID", kOtherId},
                                                         {"ARM_TENANT_ID", kOtherTenant}};
        QCOMPARE(context.variables(), expected);
        QVERIFY(context.remove());
        QVERIFY(!QFileInfo::exists(context.directory()));
    }

    void theShimHandsItsArgumentsToTheCliIntact()
    {
        // A "tenantry-cli" at an awkward path that records how it was called.
        const QString cliDir = m_dir.filePath(QStringLiteral("cli dir 'x' $y"));
        QVERIFY(QDir().mkpath(cliDir));
        const QString cli = cliDir + QStringLiteral("/tenantry-cli");
        writeFile(cli, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        QVERIFY(QFile::setPermissions(cli, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const SubscriptionContext context = make(m_self, cli);
        const auto run = runChildProcess(context.binDirectory() + QStringLiteral("/az"),
                                         {QStringLiteral("account"), QStringLiteral("a b"), QStringLiteral("it's $x")});
        QVERIFY(run);
        QCOMPARE(QString::fromUtf8(run->out),
                 QStringLiteral("context-az\n") + context.directory() + QStringLiteral("\naccount\na b\nit's $x\n"));
        context.remove();
    }

    void cleanUpRemovesContextsWhoseOwnerIsGone()
    {
        QProcess sleeper;
        sleeper.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted());
        const ProcessIdentity dying = ProcessIdentity::of(sleeper.processId()).value();
        const SubscriptionContext ownedByDead = make(dying);
        // Same PID as a running process, another start time: the PID was reused, the owner is gone.
        const SubscriptionContext ownedByReused = make(ProcessIdentity{m_self.pid, m_self.startTime + 1});
        const SubscriptionContext ownedByMe = make(m_self);
        // Things in the root this code did not make.
        const QString root = SubscriptionContext::rootDirectory();
        QVERIFY(QDir(root).mkdir(QStringLiteral("not-a-context")));
        const QString linkName = root + QStringLiteral("/0123456789abcdef0123456789abcdef");
        QVERIFY(QFile::link(m_dir.path(), linkName));

        QCOMPARE(SubscriptionContext::removeAbandoned(), 1); // the reused PID's only: the sleeper still runs
        QVERIFY(!QFileInfo::exists(ownedByReused.directory()));
        sleeper.kill();
        QVERIFY(sleeper.waitForFinished());
        QCOMPARE(SubscriptionContext::removeAbandoned(), 1);
        QVERIFY(!QFileInfo::exists(ownedByDead.directory()));
        QVERIFY(QFileInfo::exists(ownedByMe.directory()));
        QVERIFY(QFileInfo(root + QStringLiteral("/not-a-context")).isDir());
        QVERIFY(QFileInfo(linkName).isSymLink());
        QVERIFY(QFileInfo::exists(m_config.profileFile())); // nothing behind the link was touched

        // Bounded: it looks at no more than it is told to.
        QDir(root).rmdir(QStringLiteral("not-a-context"));
        QFile::remove(linkName);
        QVERIFY(ownedByMe.remove());
        make(ProcessIdentity{m_self.pid, m_self.startTime + 1});
        make(ProcessIdentity{m_self.pid, m_self.startTime + 1});
        QCOMPARE(SubscriptionContext::removeAbandoned(1), 1);
        QCOMPARE(SubscriptionContext::removeAbandoned(), 1);
        QCOMPARE(entries(root), QStringList());
    }

    void noContextIsMadeThroughASymlinkedRoot()
    {
        const QString runtime = m_dir.filePath(QStringLiteral("other-runtime"));
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(runtime) && QDir().mkpath(elsewhere));
        QVERIFY(
            QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(QFile::link(elsewhere, runtime + QStringLiteral("/tenantry")));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        const Result<SubscriptionContext> context = SubscriptionContext::create(m_config, m_other, m_self, "/x");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime));
        QVERIFY(!context);
        QCOMPARE(context.error().code, Error::Code::Storage);
        QCOMPARE(entries(elsewhere), QStringList());
    }

    void theSnippetSetsAndUnsetsTheContextInEachShell_data()
    {
        QTest::addColumn<ShellSnippet::Shell>("shell");
        QTest::addColumn<QString>("program");
        QTest::newRow("bash") << ShellSnippet::Shell::Bash << QStringLiteral("/bin/bash");
        QTest::newRow("zsh") << ShellSnippet::Shell::Zsh << QStringLiteral("/usr/bin/zsh");
        QTest::newRow("fish") << ShellSnippet::Shell::Fish << QStringLiteral("/usr/bin/fish");
    }

    void theSnippetSetsAndUnsetsTheContextInEachShell()
    {
        QFETCH(ShellSnippet::Shell, shell);
        QFETCH(QString, program);
        if (!QFileInfo(program).isExecutable())
            QSKIP(qPrintable(program + QStringLiteral(" is not installed (scripts/install-deps.sh test)")));
        const SubscriptionContext earlier = make(m_self);
        const SubscriptionContext context = make(m_self);
        // The user's PATH, with an earlier context's entry (a second eval must not stack them).
        const QStringList path = {earlier.binDirectory(), QStringLiteral("/usr/bin"),
                                  m_dir.filePath(QStringLiteral("odd dir 'q' $PATH \"x\"")), QStringLiteral("/bin")};
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(home);

        const QMap<QString, QString> inside = environmentAfter(
            shell, ShellSnippet::set(shell, context.variables(), context.pathWith(path)), path.join(u':'), home);
        QVERIFY2(!inside.contains(QStringLiteral("[failed]")), qPrintable(inside.value(QStringLiteral("[failed]"))));
        QCOMPARE(inside.value(QStringLiteral("PATH")), (QStringList{context.binDirectory()} + path.mid(1)).join(u':'));
        for (const auto& [name, value] : context.variables())
            QCOMPARE(inside.value(name), value);

        const QMap<QString, QString> outside =
            environmentAfter(shell,
                             ShellSnippet::unset(shell, SubscriptionContext::variableNames(),
                                                 SubscriptionContext::pathWithoutContexts(context.pathWith(path))),
                             path.join(u':'), home);
        QVERIFY2(!outside.contains(QStringLiteral("[failed]")), qPrintable(outside.value(QStringLiteral("[failed]"))));
        QCOMPARE(outside.value(QStringLiteral("PATH")), path.mid(1).join(u':'));
        for (const QString& name : SubscriptionContext::variableNames())
            QVERIFY2(!outside.contains(name), qPrintable(name));
        earlier.remove();
        context.remove();
    }

    void shellNamesAreParsed()
    {
        QVERIFY(ShellSnippet::parse(QStringLiteral("/usr/bin/zsh")) == ShellSnippet::Shell::Zsh);
        QVERIFY(ShellSnippet::parse(QStringLiteral("fish")) == ShellSnippet::Shell::Fish);
        QVERIFY(ShellSnippet::parse(QStringLiteral("bash")) == ShellSnippet::Shell::Bash);
        QVERIFY(!ShellSnippet::parse(QStringLiteral("tcsh")));
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionContext)
#include "TestSubscriptionContext.moc"
