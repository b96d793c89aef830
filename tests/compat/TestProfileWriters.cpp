// azureProfile.json with several writers: the real az (Debian's 2.45, offline: `az account set` needs no
// network) runs between Tenantry's read and its write, and tenantry-cli processes are killed with SIGKILL
// at random moments while they write. Nothing of either writer is lost, and the file always parses.
#include "azure/AzureProfileFile.h"
#include "fakes/ProcessRunner.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/TestFiles.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kAnalytics = QStringLiteral("d4d4d4d4-0000-4000-8000-000000000001");

Subscription subscription(const QString& id, const QString& name)
{
    return northwindSubscription(id, name);
}

QByteArray profileBytes(const QString& defaultId)
{
    return azProfileBytes(
        {subscription(kProduction, QStringLiteral("Production")), subscription(kSandbox, QStringLiteral("Sandbox"))},
        defaultId);
}

} // namespace

class TestProfileWriters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    QString profilePath() const { return m_config + QStringLiteral("/azureProfile.json"); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate()));
        QVERIFY(QDir().mkpath(m_config));
        writeFile(profilePath(), profileBytes(kProduction));
    }

    // The real az switches the active subscription after Tenantry read the file and before it writes:
    // Tenantry's change (a subscription added) is made again on what az wrote.
    void azAccountSetBetweenReadAndWrite()
    {
        if (!azAvailable())
            QSKIP("Debian's azure-cli is not installed");
        int calls = 0;
        ProcessResult az;
        const AzureProfileFile::Result result = AzureProfileFile(profilePath()).modify([&](AzureProfile& profile) {
            if (++calls == 1)
                az = runProcess(QStringLiteral("/usr/bin/az"),
                                {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), kSandbox},
                                azEnvironment(m_config));
            // One more subscription; the active one stays where it is (as a Tenantry sign-in does).
            const auto active = profile.defaultSubscription({});
            profile.merge({subscription(kAnalytics, QStringLiteral("Analytics"))});
            return active && profile.setDefault(active->id);
        });
        QVERIFY2(az.exitCode == 0, az.err.constData());
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, 2);

        AzureProfile now;
        QString error;
        QCOMPARE(now.load(profilePath(), &error), AzureProfile::LoadStatus::Ok);
        QStringList ids;
        for (const Subscription& s : now.subscriptions())
            ids.append(s.id);
        QCOMPARE(ids, (QStringList{kProduction, kSandbox, kAnalytics}));
        QCOMPARE(now.defaultSubscription({})->id, kSandbox); // az's choice survived

        // And az reads the result.
        const ProcessResult show =
            runProcess(QStringLiteral("/usr/bin/az"),
                       {QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--query"),
                        QStringLiteral("id"), QStringLiteral("-o"), QStringLiteral("tsv")},
                       azEnvironment(m_config));
        QCOMPARE(show.exitCode, 0);
        QCOMPARE(show.out.trimmed(), kSandbox.toLatin1());
    }

    // `tenantry-cli account set` killed at random moments, over and over: the file always parses, the
    // lock a killed writer left behind never blocks the next one for long, and the last set wins.
    void killedWritersNeverLeaveAnUnparsableFile()
    {
        const QProcessEnvironment env = azEnvironment(m_config);
        int killedWhileRunning = 0;
        for (int round = 0; round < 40; ++round) {
            QProcess cli;
            cli.setProcessEnvironment(env);
            cli.start(tenantryCli(), {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                                      round % 2 ? kProduction : kSandbox});
            QVERIFY(cli.waitForStarted(10000));
            if (!cli.waitForFinished(static_cast<int>(QRandomGenerator::global()->bounded(2, 60)))) {
                ::kill(static_cast<pid_t>(cli.processId()), SIGKILL);
                ++killedWhileRunning;
                QVERIFY(cli.waitForFinished(10000));
            }

            AzureProfile profile;
            QString error;
            QCOMPARE(profile.load(profilePath(), &error), AzureProfile::LoadStatus::Ok);
            QCOMPARE(profile.subscriptions().size(), 2);
        }
        qInfo("%d of 40 writers were killed while running", killedWhileRunning);
        QVERIFY(killedWhileRunning > 0);

        QElapsedTimer timer;
        timer.start();
        const ProcessResult last = runProcess(
            tenantryCli(), {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), kAnalytics}, env,
            20000);
        QCOMPARE(last.exitCode, 1); // no such subscription: nothing written, but the lock was had
        const ProcessResult set =
            runProcess(tenantryCli(),
                       {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), kSandbox}, env, 20000);
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY(timer.elapsed() < 15000);
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(profilePath(), &error), AzureProfile::LoadStatus::Ok);
        QCOMPARE(profile.defaultSubscription({})->id, kSandbox);
    }
};

QTEST_GUILESS_MAIN(TestProfileWriters)
#include "TestProfileWriters.moc"
