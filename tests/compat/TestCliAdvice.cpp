// tenantry-cli's advice after core's errors: core words what is missing, the CLI adds the command to
// run, and the bytes are those tenantry-cli always printed (scripts match them). It stays English in a
// German locale: it installs no translator, as az has none.
#include "fakes/ProcessRunner.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;
using namespace tenantry::test::sample;

class TestCliAdvice : public QObject
{
    Q_OBJECT

    CliSandbox m_sandbox;
    QString m_config;

    ProcessResult cli(const QStringList& args) { return m_sandbox.cli(args); }

    void writeProfile(const QString& defaultId)
    {
        writeFile(m_config + QStringLiteral("/azureProfile.json"),
                  azProfileBytes({northwindSubscription(kNorthwindProduction, QStringLiteral("Northwind Production")),
                                  northwindSubscription(kNorthwindDev, QStringLiteral("Northwind Dev"))},
                                 defaultId));
    }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        // A German desktop: tenantry-cli still speaks az's English.
        m_sandbox.environment().insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        m_sandbox.environment().insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
    }

    void noAccountAdvisesLogin()
    {
        const ProcessResult show = cli({QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(show.exitCode, 1);
        QCOMPARE(show.err,
                 QByteArray("ERROR: Please run 'tenantry-cli login' (or 'az login') to set up an account.\n"));
    }

    void noDefaultSubscriptionAdvisesAccountSet()
    {
        writeProfile(QString());
        const ProcessResult show = cli({QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(show.exitCode, 1);
        QCOMPARE(
            show.err,
            QByteArray("ERROR: No subscription found. Run 'tenantry-cli account set' to select a subscription.\n"));

        const ProcessResult unknown =
            cli({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("-s"), QStringLiteral("Contoso")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err,
                 QByteArray("ERROR: Subscription 'Contoso' not found. Check the spelling and casing and try again.\n"));
    }

    // Sam's subscriptions are listed, but the token cache has no account for Sam.
    void tokenForSomeoneNotSignedInAdvisesLogin()
    {
        writeProfile(kNorthwindProduction);
        const ProcessResult token = cli({QStringLiteral("account"), QStringLiteral("get-access-token")});
        QCOMPARE(token.exitCode, 1);
        QVERIFY2(token.err.endsWith("ERROR: User 'sam@northwind.example' is not signed in. Run 'tenantry-cli login' "
                                    "(or 'az login').\nTo re-authenticate sam@northwind.example, please run:\n"
                                    "tenantry-cli login\n"),
                 token.err.constData());
        QVERIFY(token.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAdvice)
#include "TestCliAdvice.moc"
