#include "AutostartEntry.h"
#include "GitSetupRow.h"
#include "SettingsDialog.h"
#include "UiTestSupport.h"
#include "util/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        qunsetenv("TENANTRY_STORAGE_MODE");
        qunsetenv("GIT_CONFIG_GLOBAL");
    }

    // Other tools: one click makes git ask Tenantry for Azure Repos credentials, in the user's global git
    // config (GIT_CONFIG_GLOBAL here), in place of the generic helper, and keeps the rest of that file.
    void setsUpGitForAzureRepos()
    {
        QTemporaryDir dir;
        const QString gitConfig = dir.filePath(QStringLiteral("gitconfig"));
        QFile file(gitConfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[credential]\n\thelper = store\n[user]\n\tname = Sam Example\n");
        file.close();
        qputenv("GIT_CONFIG_GLOBAL", QFile::encodeName(gitConfig));
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        GitSetupRow* git = dialog.gitSetup();
        QTRY_VERIFY_WITH_TIMEOUT(git->setUpButton()->isEnabled(), 10000);
        QCOMPARE(git->statusLabel()->text(), QStringLiteral("git does not ask Tenantry for Azure Repos credentials."));

        QSignalSpy checked(git, &GitSetupRow::checked);
        git->setUpButton()->click();
        QVERIFY(checked.wait(10000));
        QCOMPARE(git->statusLabel()->text(),
                 QStringLiteral("git asks Tenantry for Azure Repos credentials (dev.azure.com, *.visualstudio.com)."));
        QVERIFY(!git->setUpButton()->isEnabled());
        test::saveScreenshot(&dialog, QStringLiteral("settings-git-set-up"));

        auto gitConfigValue = [&](const QStringList& args) {
            QProcess process;
            process.start(QStringLiteral("git"),
                          QStringList{QStringLiteral("config"), QStringLiteral("--file"), gitConfig} + args);
            process.waitForFinished(10000);
            return QString::fromUtf8(process.readAllStandardOutput());
        };
        const QString helper = QStringLiteral("!") + QCoreApplication::applicationDirPath() +
                               QStringLiteral("/tenantry-cli git-credential");
        QCOMPARE(
            gitConfigValue({QStringLiteral("--get-all"), QStringLiteral("credential.https://dev.azure.com.helper")}),
            QStringLiteral("\n") + helper + QStringLiteral("\n"));
        QCOMPARE(gitConfigValue({QStringLiteral("--get"), QStringLiteral("user.name")}),
                 QStringLiteral("Sam Example\n"));
        QCOMPARE(gitConfigValue({QStringLiteral("--get"), QStringLiteral("credential.helper")}),
                 QStringLiteral("store\n")); // other hosts keep their helper

        // The next time Settings opens it says so at once, and offers nothing to do.
        SettingsDialog again(&settings, nullptr);
        QSignalSpy checkedAgain(again.gitSetup(), &GitSetupRow::checked);
        QVERIFY(checkedAgain.wait(10000));
        QCOMPARE(again.gitSetup()->statusLabel()->text(), git->statusLabel()->text());
        QVERIFY(!again.gitSetup()->setUpButton()->isEnabled());
    }

    void showsTheDefaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        AutostartEntry autostart(dir.filePath(QStringLiteral("autostart/tenantry.desktop")),
                                 QStringLiteral("/usr/bin/tenantry"));
        SettingsDialog dialog(&settings, &autostart);
        dialog.show();
        QCOMPARE(dialog.storageModeBox()->currentData().toString(), QStringLiteral("keychain-and-file"));
        QCOMPARE(dialog.clipboardSecondsBox()->value(), 30);
        QVERIFY(!dialog.copyToSelectionBox()->isChecked()); // middle-click paste gets no token unless asked
        QCOMPARE(dialog.expiryReminderBox()->value(), 5);
        QVERIFY(!dialog.startMinimizedBox()->isChecked());
        QVERIFY(!dialog.startAtLoginBox()->isChecked());
        QCOMPARE(dialog.cloudBox()->currentData().toString(), QString()); // follow az
        QVERIFY(dialog.storageModeBox()->isEnabled());
        QVERIFY(!dialog.storageModeNote()->isVisible());
        test::saveScreenshot(&dialog, QStringLiteral("settings"));
    }

    // TENANTRY_STORAGE_MODE decides over the setting: the dialog shows the mode in force, says why the
    // choice is locked, and OK leaves the user's own setting (and Azure CLI's file) alone.
    void showsThatTheEnvironmentSetsTheStorageMode()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        AppSettings settings(ini);
        settings.setStorageMode(StorageMode::KeychainAndFile);
        qputenv("TENANTRY_STORAGE_MODE", "keychain-only");
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QCOMPARE(dialog.storageModeBox()->currentData().toString(), QStringLiteral("keychain-only"));
        QCOMPARE(dialog.storageModeBox()->currentText(), QStringLiteral("Keychain only"));
        QVERIFY(!dialog.storageModeBox()->isEnabled());
        QVERIFY(dialog.storageModeNote()->isVisible());
        QVERIFY2(dialog.storageModeNote()->text().contains(QStringLiteral("TENANTRY_STORAGE_MODE")),
                 qPrintable(dialog.storageModeNote()->text()));
        test::saveScreenshot(&dialog, QStringLiteral("settings-storage-from-environment"));

        QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
        dialog.accept();
        QCOMPARE(changed.count(), 1); // saved at once: nothing to ask about the plaintext copies
        QVERIFY(!dialog.findChild<QMessageBox*>(QStringLiteral("plaintextCopiesBox")));
        QCOMPARE(dialog.plaintextCopies(), PlaintextCopies::Keep);
        QCOMPARE(AppSettings(ini).value(AppSettings::Key::StorageMode).toString(), QStringLiteral("keychain-and-file"));
    }

    // A value that names no mode decides nothing: the user's choice is shown and can be changed.
    void aVariableThatNamesNoModeLeavesTheChoiceOpen()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setStorageMode(StorageMode::KeychainOnly);
        qputenv("TENANTRY_STORAGE_MODE", "keychain_only");
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QCOMPARE(dialog.storageModeBox()->currentData().toString(), QStringLiteral("keychain-only"));
        QVERIFY(dialog.storageModeBox()->isEnabled());
        QVERIFY(!dialog.storageModeNote()->isVisible());
    }

    void savesOnOkAndWritesTheAutostartEntry()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        const QString desktop = dir.filePath(QStringLiteral("config/autostart/org.tenantry.Tenantry.desktop"));
        {
            AppSettings settings(ini);
            AutostartEntry autostart(desktop, QStringLiteral("/opt/Tenantry $HOME/tenantry"));
            SettingsDialog dialog(&settings, &autostart);
            QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
            dialog.storageModeBox()->setCurrentIndex(
                dialog.storageModeBox()->findData(QStringLiteral("keychain-only")));
            dialog.clipboardSecondsBox()->setValue(0);
            dialog.copyToSelectionBox()->setChecked(true);
            dialog.expiryReminderBox()->setValue(0);
            dialog.startMinimizedBox()->setChecked(true);
            dialog.startAtLoginBox()->setChecked(true);
            dialog.cloudBox()->setCurrentIndex(dialog.cloudBox()->findData(QStringLiteral("AzureChinaCloud")));
            dialog.show();
            dialog.accept();
            // Switching to keychain-only asks first what happens to the plaintext copies; saved once answered.
            QMessageBox* box = nullptr;
            QTRY_VERIFY((box = dialog.findChild<QMessageBox*>(QStringLiteral("plaintextCopiesBox"))) &&
                        box->isVisible());
            QCOMPARE(changed.count(), 0);
            QVERIFY(box->text().contains(QStringLiteral("Remove the refresh tokens")));
            QCOMPARE(box->buttons().size(), 2);
            QAbstractButton* remove = nullptr;
            for (QAbstractButton* button : box->buttons()) {
                if (button->text() == QStringLiteral("&Remove from the file"))
                    remove = button;
            }
            QVERIFY(remove);
            remove->click();
            QTRY_COMPARE(changed.count(), 1);
            QCOMPARE(dialog.plaintextCopies(), PlaintextCopies::Remove);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        AppSettings reread(ini);
        QCOMPARE(reread.value(AppSettings::Key::StorageMode).toString(), QStringLiteral("keychain-only"));
        QCOMPARE(reread.value(AppSettings::Key::ClipboardClearSeconds).toInt(), 0);
        QCOMPARE(reread.value(AppSettings::Key::CopyToPrimarySelection).toBool(), true);
        QCOMPARE(reread.value(AppSettings::Key::NotifyBeforeExpiryMinutes).toInt(), 0);
        QCOMPARE(reread.value(AppSettings::Key::StartMinimized).toBool(), true);
        QCOMPARE(reread.value(AppSettings::Key::StartAtLogin).toBool(), true);
        QCOMPARE(reread.value(AppSettings::Key::CloudName).toString(), QStringLiteral("AzureChinaCloud"));

        QFile file(desktop);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString entry = QString::fromUtf8(file.readAll());
        QVERIFY(entry.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(entry.contains(QStringLiteral("Type=Application\n")));
        // Quoted and escaped as the Desktop Entry spec wants.
        QVERIFY2(entry.contains(QStringLiteral("Exec=\"/opt/Tenantry \\$HOME/tenantry\"\n")), qPrintable(entry));
        QVERIFY(entry.contains(QStringLiteral("Icon=org.tenantry.Tenantry\n")));
        file.close();

        // Unticking removes it again.
        AppSettings settings(ini);
        AutostartEntry autostart(desktop, QStringLiteral("/usr/bin/tenantry"));
        SettingsDialog dialog(&settings, &autostart);
        QVERIFY(dialog.startAtLoginBox()->isChecked());
        dialog.startAtLoginBox()->setChecked(false);
        dialog.accept();
        QVERIFY(!QFile::exists(desktop));
        QCOMPARE(AppSettings(ini).value(AppSettings::Key::StartAtLogin).toBool(), false);
    }

    void cancelChangesNothing()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        const QString desktop = dir.filePath(QStringLiteral("autostart/t.desktop"));
        AppSettings settings(ini);
        AutostartEntry autostart(desktop, QStringLiteral("/usr/bin/tenantry"));
        SettingsDialog dialog(&settings, &autostart);
        dialog.clipboardSecondsBox()->setValue(99);
        dialog.copyToSelectionBox()->setChecked(true);
        dialog.startAtLoginBox()->setChecked(true);
        dialog.reject();
        QCOMPARE(AppSettings(ini).value(AppSettings::Key::ClipboardClearSeconds).toInt(), 30);
        QCOMPARE(AppSettings(ini).value(AppSettings::Key::CopyToPrimarySelection).toBool(), false);
        QVERIFY(!QFile::exists(desktop));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
