// The storage mode both front ends run in (configuredStorageMode): TENANTRY_STORAGE_MODE beats the
// setting; a value that names no mode is not guessed at. The typed settings read the keys earlier
// versions wrote, and write the same ones.
#include "store/TokenCacheService.h"
#include "util/AppSettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    StorageMode modeWith(const QByteArray& environment, const QString& setting, QString* warning = nullptr)
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files)));
        if (!setting.isEmpty())
            settings.setValue(AppSettings::Key::StorageMode, setting);
        if (environment.isNull())
            qunsetenv("TENANTRY_STORAGE_MODE");
        else
            qputenv("TENANTRY_STORAGE_MODE", environment);
        return configuredStorageMode(settings, warning);
    }

    QString writeFile(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

private slots:
    void cleanup() { qunsetenv("TENANTRY_STORAGE_MODE"); }

    void theSettingWithoutTheVariable()
    {
        QCOMPARE(modeWith(QByteArray(), QString()), StorageMode::KeychainAndFile);
        QCOMPARE(modeWith(QByteArray(), QStringLiteral("keychain-only")), StorageMode::KeychainOnly);
        QCOMPARE(modeWith(QByteArray(""), QStringLiteral("keychain-only")), StorageMode::KeychainOnly);
    }

    void theVariableBeatsTheSetting()
    {
        QString warning;
        QCOMPARE(modeWith("keychain-only", QStringLiteral("keychain-and-file"), &warning), StorageMode::KeychainOnly);
        QCOMPARE(modeWith("keychain-and-file", QStringLiteral("keychain-only"), &warning),
                 StorageMode::KeychainAndFile);
        QCOMPARE(warning, QString());
    }

    // A typo must not quietly mean "tokens in the plaintext file": the setting holds, and it is said.
    void aValueThatNamesNoModeKeepsTheSetting()
    {
        QString warning;
        QCOMPARE(modeWith("keychain_only", QStringLiteral("keychain-only"), &warning), StorageMode::KeychainOnly);
        QVERIFY2(warning.contains(QStringLiteral("TENANTRY_STORAGE_MODE")), qPrintable(warning));
    }

    void theEnvironmentSaysWhenItDecides()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files)));
        settings.setStorageMode(StorageMode::KeychainOnly);
        StorageModeChoice choice = settings.storageMode();
        QCOMPARE(choice.mode, StorageMode::KeychainOnly);
        QVERIFY(!choice.setByEnvironment);

        qputenv("TENANTRY_STORAGE_MODE", "keychain-and-file");
        choice = settings.storageMode();
        QCOMPARE(choice.mode, StorageMode::KeychainAndFile);
        QVERIFY(choice.setByEnvironment);
        QCOMPARE(settings.storedStorageMode(), StorageMode::KeychainOnly); // the user's choice is still there

        qputenv("TENANTRY_STORAGE_MODE", "plaintext");
        choice = settings.storageMode();
        QCOMPARE(choice.mode, StorageMode::KeychainOnly);
        QVERIFY(!choice.setByEnvironment);
        QVERIFY2(choice.warning.contains(QStringLiteral("TENANTRY_STORAGE_MODE")), qPrintable(choice.warning));
    }

    // A settings file as earlier versions of Tenantry wrote it keeps working.
    void readsTheKeysEarlierVersionsWrote()
    {
        const QString path = writeFile("[storage]\nmode=keychain-only\n"
                                       "[clipboard]\nclearAfterSeconds=12\nalsoPrimarySelection=true\n"
                                       "[azure]\ncloud=AzureChinaCloud\n"
                                       "[notifications]\nbeforeExpiryMinutes=10\n"
                                       "[startup]\nminimized=true\natLogin=true\n");
        QVERIFY(!path.isEmpty());
        const AppSettings settings(path);
        QCOMPARE(settings.storedStorageMode(), StorageMode::KeychainOnly);
        QCOMPARE(settings.storageMode().mode, StorageMode::KeychainOnly);
        QCOMPARE(settings.clipboardClearSeconds(), 12);
        QVERIFY(settings.copyToPrimarySelection());
        QCOMPARE(settings.cloudName(), QStringLiteral("AzureChinaCloud"));
        QCOMPARE(settings.notifyBeforeExpiryMinutes(), 10);
        QVERIFY(settings.startMinimized());
        QVERIFY(settings.startAtLogin());
    }

    void writesTheSameKeys()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files));
        {
            AppSettings settings(path);
            settings.setStorageMode(StorageMode::KeychainOnly);
            settings.setClipboardClearSeconds(45);
            settings.setCopyToPrimarySelection(true);
            settings.setCloudName(QStringLiteral("AzureUSGovernment"));
            settings.setNotifyBeforeExpiryMinutes(3);
            settings.setStartMinimized(true);
            settings.setStartAtLogin(true);
            settings.sync();
        }
        const QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("storage/mode")).toString(), QStringLiteral("keychain-only"));
        QCOMPARE(raw.value(QStringLiteral("clipboard/clearAfterSeconds")).toInt(), 45);
        QCOMPARE(raw.value(QStringLiteral("clipboard/alsoPrimarySelection")).toBool(), true);
        QCOMPARE(raw.value(QStringLiteral("azure/cloud")).toString(), QStringLiteral("AzureUSGovernment"));
        QCOMPARE(raw.value(QStringLiteral("notifications/beforeExpiryMinutes")).toInt(), 3);
        QCOMPARE(raw.value(QStringLiteral("startup/minimized")).toBool(), true);
        QCOMPARE(raw.value(QStringLiteral("startup/atLogin")).toBool(), true);
    }

    void theDefaultsWithoutAFile()
    {
        const AppSettings settings(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files)));
        QCOMPARE(settings.storageMode().mode, StorageMode::KeychainAndFile);
        QCOMPARE(settings.clipboardClearSeconds(), 30);
        QVERIFY(!settings.copyToPrimarySelection());
        QCOMPARE(settings.cloudName(), QString());
        QCOMPARE(settings.notifyBeforeExpiryMinutes(), 5);
        QVERIFY(!settings.startMinimized());
        QVERIFY(!settings.startAtLogin());
    }

    // A hand-edited file: what is no number reads as the default, a number out of range as its bound.
    void handEditedNumbersAreBounded()
    {
        const AppSettings words(writeFile("[clipboard]\nclearAfterSeconds=soon\n"
                                          "[notifications]\nbeforeExpiryMinutes=later\n"));
        QCOMPARE(words.clipboardClearSeconds(), 30);
        QCOMPARE(words.notifyBeforeExpiryMinutes(), 5);
        const AppSettings negative(writeFile("[clipboard]\nclearAfterSeconds=-5\n"
                                             "[notifications]\nbeforeExpiryMinutes=-1\n"));
        QCOMPARE(negative.clipboardClearSeconds(), 0);
        QCOMPARE(negative.notifyBeforeExpiryMinutes(), 0);
        const AppSettings huge(writeFile("[clipboard]\nclearAfterSeconds=99999999999\n"
                                         "[notifications]\nbeforeExpiryMinutes=600\n"));
        QCOMPARE(huge.clipboardClearSeconds(), AppSettings::kMaxClipboardClearSeconds);
        QCOMPARE(huge.notifyBeforeExpiryMinutes(), AppSettings::kMaxNotifyBeforeExpiryMinutes);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
