#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

class QSettings;

namespace tenantry {

enum class StorageMode; // store/TokenCacheService.h

// Where the storage mode in force comes from: TENANTRY_STORAGE_MODE beats the setting.
struct StorageModeChoice
{
    StorageMode mode;              // the one in force
    bool setByEnvironment = false; // TENANTRY_STORAGE_MODE names a mode: the setting does not count
    QString warning;               // TENANTRY_STORAGE_MODE is set but names no mode: why it is ignored
};

// The tenants of one account the user hid (TenantChoice decides with it).
struct HiddenTenants
{
    QString username;      // the account's, so that az's profile can be filtered without the token cache
    QStringList tenantIds; // in lower case
};

// Tenantry's own settings (QSettings: ~/.config/Tenantry/Tenantry.ini on Linux), shared by the
// app and tenantry-cli. Typed keys with defaults, in one place. Never holds a secret.
// The front ends read and write through the typed accessors; a value in the file that is not of its
// type (a hand edit) reads as the default, one out of range as the nearest bound.
class AppSettings
{
public:
    enum class Key {
        StorageMode,            // "keychain-and-file" (default) or "keychain-only"
        ClipboardClearSeconds,  // 30; 0 = never clear
        CopyToPrimarySelection, // false: tokens go to the clipboard only, not to middle-click paste
        StartMinimized,
        StartAtLogin,
        CloudName,                 // empty: follow az's `config` [cloud] name
        NotifyBeforeExpiryMinutes, // warn this long before a copied token expires; 0 = off
        MainWindowGeometry,
        AzureDevOpsTenants,  // a group: organisation name (lower case) -> the tenant its git credentials come from
        RecentSubscriptions, // ids, newest first (account/RecentSubscriptions.h)
    };

    AppSettings();                                // the user's settings
    explicit AppSettings(const QString& iniFile); // a file of its own (tests)
    ~AppSettings();

    // What the user chose in the file alone, and with TENANTRY_STORAGE_MODE.
    StorageMode storedStorageMode() const;
    void setStorageMode(StorageMode mode);
    StorageModeChoice storageMode() const;

    static constexpr int kMaxClipboardClearSeconds = 3600;
    int clipboardClearSeconds() const; // 0 = never clear
    void setClipboardClearSeconds(int seconds);
    bool copyToPrimarySelection() const;
    void setCopyToPrimarySelection(bool copy);

    QString cloudName() const; // empty: follow az's choice
    void setCloudName(const QString& name);

    static constexpr int kMaxNotifyBeforeExpiryMinutes = 55;
    int notifyBeforeExpiryMinutes() const; // 0 = off
    void setNotifyBeforeExpiryMinutes(int minutes);

    bool startMinimized() const;
    void setStartMinimized(bool minimized);
    bool startAtLogin() const;
    void setStartAtLogin(bool atLogin);

    // The tenant set for an Azure DevOps organisation; empty when none is (or the file holds no tenant there).
    QString azureDevOpsTenant(const QString& organization) const;
    void setAzureDevOpsTenant(const QString& organization, const QString& tenant); // empty: remove
    // Hidden tenants, keyed by the account's home account id ("<object id>.<tenant id>"). nullopt: the user
    // never chose for that account. A hand-edited value that is not a list of tenant ids reads as "none hidden".
    static constexpr int kMaxTenantChoiceAccounts = 100;
    static constexpr int kMaxHiddenTenants = 5000;
    std::optional<HiddenTenants> hiddenTenants(const QString& homeAccountId) const;
    void setHiddenTenants(const QString& homeAccountId, const HiddenTenants& hidden);
    QStringList tenantChoiceAccounts() const;        // home account ids with a choice, at most kMaxTenantChoiceAccounts
    static bool isTenantChoiceId(const QString& id); // a home account or tenant id fit for a key: no path, bounded

    // Untyped access by key, for the rest (the window geometry) and tests that write the file as a
    // hand edit would.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    void sync();
    QString fileName() const; // where the settings are kept (shown in About)

    static QString path(Key key);
    static QVariant defaultValue(Key key);
    // "keychain-only" / "keychain-and-file": the stored and the environment's spelling.
    static QString storageModeName(StorageMode mode);
    static std::optional<StorageMode> storageModeNamed(const QString& name);

private:
    int boundedInt(Key key, int max) const;

    std::unique_ptr<QSettings> m_settings;
};

// The storage mode both front ends run in: TENANTRY_STORAGE_MODE ("keychain-only" or "keychain-and-file")
// when set, else the setting. A value that is neither is not guessed at: the setting holds, and `warning`
// (when given) says so. The same as settings.storageMode().
StorageMode configuredStorageMode(const AppSettings& settings, QString* warning = nullptr);

} // namespace tenantry
