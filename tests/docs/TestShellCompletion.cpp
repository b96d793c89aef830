// tenantry-cli's bash and zsh completions, as the build leaves them in build/docs, run in the real
// shells: bash calls the function the way `complete -F` does (COMP_WORDS, COMP_CWORD, COMPREPLY); zsh
// runs it with the completion system's _describe, compadd and _files replaced by functions that print
// what they were given. They offer what tenantry-cli's own --help lists, and values from the profile.

#include "DocsTestSupport.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tenantry::test;

namespace {

const QString kBash = QStringLiteral(R"(source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
_tenantry_cli
printf '%s\n' "${COMPREPLY[@]}")");

const QString kZsh = QStringLiteral(R"(_describe() { local name=${@[-1]}; print -rl -- ${${(P)name}%%:*}; }
compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }
_files() { print -r -- '<files>'; }
_message() { :; }
compdef() { :; }
source "$1"; shift
words=("$@"); CURRENT=$#
_tenantry_cli)");

} // namespace

class TestShellCompletion : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    CliHelp m_help;

    // What the shell offers for `words` (the last one is the word being completed).
    QStringList complete(const QString& shell, const QStringList& words)
    {
        const bool bash = shell == QLatin1String("bash");
        const QString script = docsFile(bash ? QStringLiteral("tenantry-cli.bash") : QStringLiteral("_tenantry-cli"));
        const QStringList args = QStringList{bash ? QStringLiteral("--norc") : QStringLiteral("-f"),
                                             QStringLiteral("-c"), bash ? kBash : kZsh, shell, script} +
                                 QStringList{QStringLiteral("tenantry-cli")} + words;
        const ProcessResult result = runProcess(shell, args, m_env, 30000);
        if (result.exitCode != 0 || !result.err.isEmpty())
            qWarning().noquote() << shell << "said:" << result.err;
        QStringList offered = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        offered.sort();
        return offered;
    }

    static QStringList sorted(QStringList words)
    {
        words.sort();
        return words;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Three subscriptions in two tenants, as az left them.
        const QString config = m_home.filePath(QStringLiteral(".azure"));
        QVERIFY(QDir().mkpath(config));
        QVERIFY(QFile::copy(QStringLiteral(TENANTRY_TEST_DATA_DIR "/azure-cli-2.45/azureProfile.json"),
                            config + QStringLiteral("/azureProfile.json")));
        m_env = azEnvironment(config);
        m_env.insert(QStringLiteral("HOME"), m_home.path());
        m_env.insert(QStringLiteral("PATH"), QStringLiteral(TENANTRY_BIN_DIR ":/usr/bin:/bin"));
        m_help = CliHelp::read(m_env);
        QVERIFY2(m_help.error.isEmpty(), qPrintable(m_help.error));
        QVERIFY(!m_help.commands.isEmpty());
    }

    void shells_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("bash") << QStringLiteral("bash");
        QTest::newRow("zsh") << QStringLiteral("zsh");
    }

    void commandWords_data() { shells_data(); }
    void commandWords()
    {
        QFETCH(QString, shell);
        QStringList top;
        for (const CliHelp::Command& command : std::as_const(m_help.commands)) {
            if (!top.contains(command.path.first()))
                top.append(command.path.first());
        }
        QCOMPARE(complete(shell, {QString()}),
                 sorted(top + QStringList{QStringLiteral("--help"), QStringLiteral("--version")}));
        QVERIFY(complete(shell, {QStringLiteral("acc")}).contains(QStringLiteral("account")));
        const QStringList account = complete(shell, {QStringLiteral("account"), QString()});
        for (const QString& word : {QStringLiteral("list"), QStringLiteral("set"), QStringLiteral("get-access-token"),
                                    QStringLiteral("tenant")})
            QVERIFY2(account.contains(word), qPrintable(word));
        QVERIFY(complete(shell, {QStringLiteral("account"), QStringLiteral("tenant"), QString()})
                    .contains(QStringLiteral("unhide")));
    }

    // Every command's options, as its --help lists them, and nothing else.
    void everyCommandsOptions_data() { shells_data(); }
    void everyCommandsOptions()
    {
        QFETCH(QString, shell);
        for (const CliHelp::Command& command : std::as_const(m_help.commands)) {
            QStringList expected;
            for (const QStringList& names : command.options + command.globalOptions)
                expected += names;
            QCOMPARE(complete(shell, command.path + QStringList{QStringLiteral("-")}), sorted(expected));
        }
    }

    void values_data() { shells_data(); }
    void values()
    {
        QFETCH(QString, shell);
        QCOMPARE(complete(shell, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("-o"), QString()}),
                 sorted({QStringLiteral("json"), QStringLiteral("jsonc"), QStringLiteral("table"),
                         QStringLiteral("tsv"), QStringLiteral("none")}));
        // From azureProfile.json, through `tenantry-cli account list`: no network, no keychain.
        QCOMPARE(complete(shell, {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("--subscription"),
                                  QString()}),
                 sorted({QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211"),
                         QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                         QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e")}));
        QCOMPARE(complete(shell, {QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("-t"),
                                  QString()}),
                 sorted({QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"),
                         QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f")}));
        // A value nobody can guess: nothing offered, and no option names in its place.
        QCOMPARE(
            complete(shell, {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--query"), QString()}),
            QStringList());
    }
};

QTEST_GUILESS_MAIN(TestShellCompletion)
#include "TestShellCompletion.moc"
