// azureProfile.json changed by several programs at once (core/azure/AzureProfileFile): every change
// lands on the file as it is on disk at that moment, under Tenantry's lock, and is made again when az
// (which takes no lock and rewrites the file in place) wrote between the read and the write.
#include "azure/AzureProfileFile.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/TestFiles.h"

#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace tenantry;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");
const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kAnalytics = QStringLiteral("d4d4d4d4-0000-4000-8000-000000000001");
const QString kAzAdded = QStringLiteral("e5e5e5e5-0000-4000-8000-000000000002");

Subscription subscription(const QString& id, const QString& name)
{
    return tenantry::test::northwindSubscription(id, name);
}

QByteArray azBytes(const QList<Subscription>& subs, const QString& defaultId, const Json& extra = Json::object())
{
    return tenantry::test::azProfileBytes(subs, defaultId, extra);
}

AzureProfile onDisk(const QString& path)
{
    AzureProfile profile;
    QString error;
    if (profile.load(path, &error) != AzureProfile::LoadStatus::Ok)
        qWarning("azureProfile.json does not parse: %s", qPrintable(error));
    return profile;
}

QStringList idsOf(const AzureProfile& profile)
{
    QStringList ids;
    for (const Subscription& s : profile.subscriptions())
        ids.append(s.id);
    return ids;
}

// Tenantry's own change in these tests: one more subscription, the active one left where it is.
bool addAnalytics(AzureProfile& profile)
{
    const auto active = profile.defaultSubscription({});
    profile.merge({subscription(kAnalytics, QStringLiteral("Analytics"))});
    if (active)
        profile.setDefault(active->id);
    return true;
}

QString defaultOf(const AzureProfile& profile)
{
    const auto d = profile.defaultSubscription({});
    return d ? d->id : QString();
}

} // namespace

class TestAzureProfileFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("azureProfile-%1.json").arg(QTest::currentTestFunction()));
        writeFile(m_path, azBytes({subscription(kProduction, QStringLiteral("Production")),
                                   subscription(kSandbox, QStringLiteral("Sandbox"))},
                                  kProduction, Json{{"futureField", {{"kept", true}}}}));
    }

    // The change goes onto the file as it is now, not onto a copy read earlier.
    void changeAppliesToTheFileAsItIsNow()
    {
        AzureProfile loadedEarlier;
        QString error;
        QCOMPARE(loadedEarlier.load(m_path, &error), AzureProfile::LoadStatus::Ok);
        // az account set + a new subscription, after that copy was read.
        writeFile(m_path, azBytes({subscription(kProduction, QStringLiteral("Production")),
                                   subscription(kSandbox, QStringLiteral("Sandbox")),
                                   subscription(kAzAdded, QStringLiteral("Added by az"))},
                                  kSandbox, Json{{"futureField", {{"kept", true}}}}));

        const AzureProfileFile::Result result = AzureProfileFile(m_path).modify(addAnalytics);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.written);
        const AzureProfile now = onDisk(m_path);
        QCOMPARE(idsOf(now), (QStringList{kProduction, kSandbox, kAzAdded, kAnalytics}));
        QCOMPARE(defaultOf(now), kSandbox); // az's choice, still in the file
        QCOMPARE(now.document()["futureField"], (Json{{"kept", true}}));
        QCOMPARE(idsOf(result.profile), idsOf(now));
        QVERIFY(readFile(m_path).startsWith(kBom));
    }

    // az writes between Tenantry's read and its write (inside the change, so at exactly that moment):
    // the change is made again on what az wrote, and nothing of either is lost.
    void azWritingBetweenReadAndWriteIsMergedAgain()
    {
        int calls = 0;
        const AzureProfileFile::Result result = AzureProfileFile(m_path).modify([&](AzureProfile& profile) {
            if (++calls == 1)
                writeFile(m_path, azBytes({subscription(kProduction, QStringLiteral("Production")),
                                           subscription(kSandbox, QStringLiteral("Sandbox")),
                                           subscription(kAzAdded, QStringLiteral("Added by az"))},
                                          kSandbox));
            return addAnalytics(profile);
        });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(calls, 2);
        const AzureProfile now = onDisk(m_path);
        QCOMPARE(idsOf(now), (QStringList{kProduction, kSandbox, kAzAdded, kAnalytics}));
        QCOMPARE(defaultOf(now), kSandbox);
    }

    // A file that keeps changing under the change is left to its writer after a few tries: bounded.
    void endlessRewritesEndInAnError()
    {
        int calls = 0;
        const AzureProfileFile::Result result = AzureProfileFile(m_path).modify([&](AzureProfile& profile) {
            ++calls;
            writeFile(m_path,
                      azBytes({subscription(kProduction, QStringLiteral("Production %1").arg(calls))}, kProduction));
            profile.clear();
            return true;
        });
        QVERIFY(!result.ok);
        QVERIFY(calls <= 5);
        QVERIFY2(result.error.contains(m_path), qPrintable(result.error));
        QCOMPARE(idsOf(onDisk(m_path)), QStringList{kProduction}); // the other writer's last word
    }

    // az truncates the file and then writes it: Tenantry reads it again rather than take it for corrupt.
    void halfWrittenFileIsReadAgain()
    {
        const QByteArray full = azBytes({subscription(kProduction, QStringLiteral("Production")),
                                         subscription(kAzAdded, QStringLiteral("Added by az"))},
                                        kAzAdded);
        writeFile(m_path, full.left(full.size() / 2));
        std::thread az([this, full] {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            writeFile(m_path, full);
        });
        const AzureProfileFile::Result result = AzureProfileFile(m_path).modify(addAnalytics);
        az.join();
        QVERIFY2(result.ok, qPrintable(result.error));
        const AzureProfile now = onDisk(m_path);
        QCOMPARE(idsOf(now), (QStringList{kProduction, kAzAdded, kAnalytics}));
        QCOMPARE(defaultOf(now), kAzAdded);
        QVERIFY(!QFileInfo::exists(m_path + QStringLiteral(".bak"))); // it was never corrupt
    }

    // Another Tenantry process holds the lock: a bounded wait, an error naming the file, nothing written.
    void heldLockIsWaitedForBoundedly()
    {
        FileLockOptions quick;
        quick.createTimeout = std::chrono::milliseconds(100);
        quick.lockTimeout = std::chrono::milliseconds(300);
        quick.retryInterval = std::chrono::milliseconds(20);
        const AzureProfileFile file(m_path, quick);
        FileLock other(file.lockPath());
        QVERIFY(other.acquire());
        const QByteArray before = readFile(m_path);
        QElapsedTimer timer;
        timer.start();
        const AzureProfileFile::Result result = file.modify([](AzureProfile& profile) {
            profile.clear();
            return true;
        });
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(m_path), qPrintable(result.error));
        QCOMPARE(readFile(m_path), before);
        other.release();

        const AzureProfileFile::Result after = file.modify([](AzureProfile& profile) {
            profile.clear();
            return true;
        });
        QVERIFY2(after.ok, qPrintable(after.error));
        QVERIFY(idsOf(onDisk(m_path)).isEmpty());
        QVERIFY(!QFileInfo::exists(file.lockPath())); // released and removed
    }

    // A change that changes nothing (or is refused) writes nothing: az's bytes stay byte for byte.
    void noChangeWritesNothing()
    {
        const QByteArray before = readFile(m_path);
        const AzureProfileFile::Result same =
            AzureProfileFile(m_path).modify([](AzureProfile& profile) { return profile.setDefault(kProduction); });
        QVERIFY(same.ok);
        QVERIFY(!same.written);
        const AzureProfileFile::Result refused = AzureProfileFile(m_path).modify([](AzureProfile& profile) {
            profile.clear();
            return false;
        });
        QVERIFY(refused.ok);
        QVERIFY(!refused.written);
        QCOMPARE(readFile(m_path), before);
    }
};

QTEST_GUILESS_MAIN(TestAzureProfileFile)
#include "TestAzureProfileFile.moc"
