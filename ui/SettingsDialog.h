#pragma once

#include "store/TokenCacheService.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace tenantry {

class AppSettings;
class AutostartEntry;
class GitSetupRow;

// Tenantry's preferences, read from and written to AppSettings on OK: where tokens are stored,
// how long a copied token stays on the clipboard and whether it goes to the primary selection too,
// start minimized / at login (the autostart entry is written or removed right away), and the cloud
// (or follow az's choice), and git's credential helper for Azure Repos (set up at once, like the autostart entry). When
// TENANTRY_STORAGE_MODE sets the storage mode, the dialog shows that mode, says so and leaves the stored choice alone.
// Switching to "keychain only" asks first whether the tokens Tenantry copied into the keychain should be removed from
// Azure CLI's plaintext file (plaintextCopies() has the answer when settingsChanged() comes).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings* settings, AutostartEntry* autostart, QWidget* parent = nullptr);

    // The widgets, for tests.
    QComboBox* storageModeBox() const { return m_storageMode; }
    QLabel* storageModeNote() const { return m_storageModeNote; } // shown when TENANTRY_STORAGE_MODE decides
    QSpinBox* clipboardSecondsBox() const { return m_clipboardSeconds; }
    QCheckBox* copyToSelectionBox() const { return m_copyToSelection; }
    QSpinBox* expiryReminderBox() const { return m_expiryReminder; }
    QCheckBox* startMinimizedBox() const { return m_startMinimized; }
    QCheckBox* startAtLoginBox() const { return m_startAtLogin; }
    QComboBox* cloudBox() const { return m_cloud; }
    GitSetupRow* gitSetup() const { return m_gitSetup; }

    // What to do with the plaintext copies on a switch to keychain-only (Keep otherwise).
    PlaintextCopies plaintextCopies() const { return m_plaintextCopies; }

public slots:
    // Saves, then closes; stays open when the autostart entry fails. A switch to keychain-only first asks
    // (a window-modal box named "plaintextCopiesBox") and saves once it is answered.
    void accept() override;

signals:
    void settingsChanged();

private:
    void buildUi();
    void load();
    bool save(QString* error);
    void saveAndClose();
    StorageMode selectedStorageMode() const;

    AppSettings* m_settings;
    AutostartEntry* m_autostart;
    QComboBox* m_storageMode = nullptr;
    QLabel* m_storageModeNote = nullptr;
    bool m_storageModeFromEnvironment = false;
    QSpinBox* m_clipboardSeconds = nullptr;
    QCheckBox* m_copyToSelection = nullptr;
    QSpinBox* m_expiryReminder = nullptr;
    QCheckBox* m_startMinimized = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QComboBox* m_cloud = nullptr;
    GitSetupRow* m_gitSetup = nullptr;
    QLabel* m_errorLabel = nullptr;
    PlaintextCopies m_plaintextCopies = PlaintextCopies::Keep;
};

} // namespace tenantry
