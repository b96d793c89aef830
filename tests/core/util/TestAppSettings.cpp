// The storage mode both front ends run in (configuredStorageMode): TENANTRY_STORAGE_MODE beats the
// setting; a value that names no mode is not guessed at.
#include "store/TokenCacheService.h"
#include "util/AppSettings.h"

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
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "TestAppSettings.moc"
