// GitCredentialHelperConfig against Debian's git and a throw-away global config (GIT_CONFIG_GLOBAL): what
// configure() writes, that it keeps the user's other settings, and when isConfigured() says yes.
#include "tools/GitCredentialHelperConfig.h"
#include "util/ChildProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestGitCredentialHelperConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    const QString m_helper = GitCredentialHelperConfig::helperValue(QStringLiteral("/opt/it's here/tenantry-cli"));

    QByteArray git(const QStringList& args) const
    {
        const auto run = runChildProcess(QStringLiteral("git"), args);
        return run ? run->out : QByteArray("[git did not run]");
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("needs git");
        QVERIFY(m_dir.isValid());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qputenv("HOME", m_dir.path().toUtf8());
    }

    void init()
    {
        m_config = m_dir.filePath(QStringLiteral("gitconfig-%1").arg(QTest::currentTestFunction()));
        qputenv("GIT_CONFIG_GLOBAL", m_config.toUtf8());
    }

    void configuresAndKeepsTheRest()
    {
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[user]\n\tname = Sam\n[credential]\n\thelper = store\n");
        file.close();
        const GitCredentialHelperConfig config;
        QCOMPARE(config.isConfigured(m_helper).value(), false);
        QVERIFY(config.configure(m_helper).has_value());
        QCOMPARE(config.isConfigured(m_helper).value(), true);
        QCOMPARE(config.isConfigured(GitCredentialHelperConfig::helperValue(QStringLiteral("/elsewhere"))).value(),
                 false);
        // The path is quoted for the shell git runs the helper with.
        QCOMPARE(m_helper, QStringLiteral("!'/opt/it'\\''s here/tenantry-cli' git-credential"));
        QCOMPARE(GitCredentialHelperConfig::helperValue(QStringLiteral("/usr/bin/tenantry-cli")),
                 QStringLiteral("!/usr/bin/tenantry-cli git-credential"));
        QCOMPARE(git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("user.name")}),
                 QByteArray("Sam\n"));
        QCOMPARE(git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("credential.helper")}),
                 QByteArray("store\n"));
        // git's own view for an Azure Repos URL: the list reset, then only Tenantry.
        QCOMPARE(git({QStringLiteral("config"), QStringLiteral("--get-urlmatch"), QStringLiteral("credential.helper"),
                      QStringLiteral("https://fabrikam.visualstudio.com/p/_git/r")}),
                 m_helper.toUtf8() + '\n');
        // Configured twice is configured once.
        QVERIFY(config.configure(m_helper).has_value());
        QCOMPARE(git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--get-all"),
                      QStringLiteral("credential.https://dev.azure.com.helper")}),
                 '\n' + m_helper.toUtf8() + '\n');
    }

    void aHelperAddedAfterTenantryIsNotConfigured()
    {
        const GitCredentialHelperConfig config;
        QVERIFY(config.configure(m_helper).has_value());
        git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--add"),
             QStringLiteral("credential.https://dev.azure.com.helper"), QStringLiteral("store")});
        QCOMPARE(config.isConfigured(m_helper).value(), false);
    }

    void aMissingGitIsAnError()
    {
        const GitCredentialHelperConfig config(QStringLiteral("/nonexistent/git"));
        const auto configured = config.isConfigured(m_helper);
        QVERIFY(!configured.has_value());
        QVERIFY2(configured.error().detail.contains(QStringLiteral("/nonexistent/git")),
                 qPrintable(configured.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestGitCredentialHelperConfig)
#include "TestGitCredentialHelperConfig.moc"
