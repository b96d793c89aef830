// AzureFilesWatcher over a real directory: az's writes (in place for azureProfile.json, temp file and
// rename for the token cache, next to a lock file) each come out as one signal after the burst.

#include "azure/AzureFilesWatcher.h"
#include "fakes/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <memory>

using namespace tenantry;

class TestAzureFilesWatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    std::unique_ptr<AzureFilesWatcher> m_watcher;
    std::unique_ptr<QSignalSpy> m_profile;
    std::unique_ptr<QSignalSpy> m_cache;

    QString path(const QString& name) const { return m_dir + QLatin1Char('/') + name; }

    // az's Session.save: open(path, 'w') and write, in two steps as a truncate and a write are.
    void rewriteInPlace(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(file.flush());
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
    }

    // MSAL's persistence: a lock file, a temp file renamed over the cache, the lock removed.
    void replaceByRename(const QString& name, const QByteArray& bytes) const
    {
        test::writeFile(path(name) + QStringLiteral(".lockfile"), "1234");
        const QString temp = path(name) + QStringLiteral(".tmp");
        test::writeFile(temp, bytes);
        QCOMPARE(std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path(name)).constData()), 0);
        QVERIFY(QFile::remove(path(name) + QStringLiteral(".lockfile")));
    }

    // Events arrive, then the debounce runs out; nothing follows it.
    static void waitPastTheBurst() { QTest::qWait(AzureFilesWatcher::kDebounceMs * 4); }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.filePath(QStringLiteral("azure-%1").arg(QTest::currentTestFunction()));
        m_watcher = std::make_unique<AzureFilesWatcher>(AzureConfigDir(m_dir));
    }

    void cleanup()
    {
        m_profile.reset();
        m_cache.reset();
        m_watcher.reset();
    }

    void startSeesNothingButCreatesTheDirectory()
    {
        m_profile = std::make_unique<QSignalSpy>(m_watcher.get(), &AzureFilesWatcher::profileChanged);
        m_watcher->start();
        QVERIFY(QFileInfo(m_dir).isDir());
        // az's first sign-in: the files appear in the directory created for it.
        m_cache = std::make_unique<QSignalSpy>(m_watcher.get(), &AzureFilesWatcher::tokenCacheChanged);
        replaceByRename(QStringLiteral("msal_token_cache.json"), "{}");
        QTRY_COMPARE(m_cache->count(), 1);
        waitPastTheBurst();
        QCOMPARE(m_cache->count(), 1);
        QCOMPARE(m_profile->count(), 0);
    }

    void eachWriteIsOneSignal()
    {
        QVERIFY(QDir().mkpath(m_dir));
        test::writeFile(path(QStringLiteral("azureProfile.json")), "{\"subscriptions\": [ ]}");
        test::writeFile(path(QStringLiteral("msal_token_cache.json")), "{}");
        m_watcher->start();
        m_profile = std::make_unique<QSignalSpy>(m_watcher.get(), &AzureFilesWatcher::profileChanged);
        m_cache = std::make_unique<QSignalSpy>(m_watcher.get(), &AzureFilesWatcher::tokenCacheChanged);

        // az account set: the profile rewritten in place, the same size as before.
        rewriteInPlace(QStringLiteral("azureProfile.json"), "{\"subscriptions\": [1]}");
        QTRY_COMPARE(m_profile->count(), 1);
        waitPastTheBurst();
        QCOMPARE(m_profile->count(), 1);
        QCOMPARE(m_cache->count(), 0);

        // A token refresh: the cache replaced by a rename (its old watch goes with the old file).
        replaceByRename(QStringLiteral("msal_token_cache.json"), "{\"AccessToken\": {}}");
        QTRY_COMPARE(m_cache->count(), 1);
        waitPastTheBurst();
        QCOMPARE(m_cache->count(), 1);
        QCOMPARE(m_profile->count(), 1);

        // The renamed-in file is watched again: a rewrite in place of it is seen too.
        rewriteInPlace(QStringLiteral("msal_token_cache.json"), "{\"AccessToken\": {\"x\": 1}}");
        QTRY_COMPARE(m_cache->count(), 2);

        // Several writes in a burst (az login: profile and cache) are one signal each.
        for (int i = 0; i < 3; ++i) {
            rewriteInPlace(QStringLiteral("azureProfile.json"), QByteArray("{\"n\": ") + QByteArray::number(i) + '}');
            replaceByRename(QStringLiteral("msal_token_cache.json"),
                            QByteArray("{\"n\": ") + QByteArray::number(i) + '}');
        }
        QTRY_COMPARE(m_profile->count(), 2);
        QTRY_COMPARE(m_cache->count(), 3);
        waitPastTheBurst();
        QCOMPARE(m_profile->count(), 2);
        QCOMPARE(m_cache->count(), 3);

        // az cloud set writes clouds.config: the profile (which cloud, which subscription) changed.
        replaceByRename(QStringLiteral("clouds.config"), "[AzureCloud]\nsubscription = x\n");
        QTRY_COMPARE(m_profile->count(), 3);

        // A lock file coming and going alone is no change of az's files.
        test::writeFile(path(QStringLiteral("msal_token_cache.json.lockfile")), "1");
        QVERIFY(QFile::remove(path(QStringLiteral("msal_token_cache.json.lockfile"))));
        waitPastTheBurst();
        QCOMPARE(m_profile->count(), 3);
        QCOMPARE(m_cache->count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestAzureFilesWatcher)
#include "TestAzureFilesWatcher.moc"
