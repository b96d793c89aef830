// The built tenantry-cli on files other programs wrote badly: az's profile with entries of every wrong shape,
// a token cache nested a million levels deep. It answers with what it can read, or exits with a clear
// error naming the file; it never aborts (SIGABRT) or overflows the stack (SIGSEGV).
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"
#include "util/Json.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

class TestCliSurvivesHostileFiles : public QObject
{
    Q_OBJECT

private:
    CliSandbox m_sandbox;
    QString m_config;

    ProcessResult cli(const QStringList& args) { return m_sandbox.cli(args); }
    QString profilePath() const { return m_config + QStringLiteral("/azureProfile.json"); }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        writeFile(profilePath(), readFile(dataPath(QStringLiteral("hostile/azureProfile-junk-entries.json"))));
    }

    void accountListShowsTheReadableEntries()
    {
        const ProcessResult list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const Json rows = *json::parse(list.out).value;
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[0]["name"], Json("Northwind Production"));
        QCOMPARE(rows[1]["name"], Json("Northwind Sandbox"));

        const ProcessResult show = cli({QStringLiteral("account"), QStringLiteral("show")});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QCOMPARE((*json::parse(show.out).value)["name"], Json("Northwind Sandbox"));
    }

    void accountSetKeepsWhatItCannotRead()
    {
        const QByteArray before = readFile(profilePath());
        const ProcessResult set = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                                       QStringLiteral("Northwind Production")});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        // Only the two readable entries' flags changed, byte for byte.
        QByteArray expected = before;
        const qsizetype production = expected.indexOf("\"name\": \"Northwind Production\"");
        expected.replace(expected.indexOf("\"isDefault\": false", production), 18, "\"isDefault\": true");
        const qsizetype sandbox = expected.indexOf("\"name\": \"Northwind Sandbox\"");
        expected.replace(expected.indexOf("\"isDefault\": true", sandbox), 17, "\"isDefault\": false");
        QCOMPARE(readFile(profilePath()), expected);

        const ProcessResult junk = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                                        QStringLiteral("IsDefault Is A String")});
        QCOMPARE(junk.exitCode, 1);
        QVERIFY2(junk.err.contains("doesn't exist"), junk.err.constData());
        QCOMPARE(readFile(profilePath()), expected);
    }

    void aProfileThatIsNoProfileIsAnErrorNamingIt()
    {
        writeFile(profilePath(), R"({"subscriptions": 42})");
        const ProcessResult list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 1);
        QVERIFY2(list.err.contains(profilePath().toUtf8()), list.err.constData());
        QCOMPARE(readFile(profilePath()), QByteArray(R"({"subscriptions": 42})"));
    }

    void aDeeplyNestedTokenCacheIsAnErrorNamingIt()
    {
        const QString cachePath = m_config + QStringLiteral("/msal_token_cache.json");
        const QByteArray deep = "{\"Deep\": " + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}";
        writeFile(cachePath, deep);
        const ProcessResult token = cli({QStringLiteral("account"), QStringLiteral("get-access-token")});
        QVERIFY2(token.exitCode > 0, token.err.constData()); // -1 would be a crash
        QVERIFY2(token.err.contains(cachePath.toUtf8()), token.err.constData());
        QVERIFY2(token.err.contains("more than 64 levels deep"), token.err.constData());
        QVERIFY(token.out.isEmpty());
        QCOMPARE(readFile(cachePath), deep);
    }
};

QTEST_GUILESS_MAIN(TestCliSurvivesHostileFiles)
#include "TestCliSurvivesHostileFiles.moc"
