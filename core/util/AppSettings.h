#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace tenantry {

enum class StorageMode; // store/TokenCacheService.h

// Tenantry's own settings (QSettings: ~/.config/Tenantry/Tenantry.conf on Linux), shared by the
// app and tenantry-cli. Typed keys with defaults, in one place. Never holds a secret.
class AppSettings
{
public:
    enum class Key {
        StorageMode,           // "keychain-and-file" (default) or "keychain-only"
        ClipboardClearSeconds, // 30; 0 = never clear
        CopyToPrimarySelection, // false: tokens go to the clipboard only, not to middle-click paste
        StartMinimized,
        StartAtLogin,
        CloudName,             // empty: follow az's `config` [cloud] name
        NotifyBeforeExpiryMinutes, // warn this long before a copied token expires; 0 = off
        MainWindowGeometry,
    };

    AppSettings();                                    // the user's settings
    explicit AppSettings(const QString& iniFile);     // a file of its own (tests)
    ~AppSettings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    void sync();

    static QString path(Key key);
    static QVariant defaultValue(Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

// The storage mode both front ends run in: TENANTRY_STORAGE_MODE ("keychain-only" or "keychain-and-file")
// when set, else the setting. A value that is neither is not guessed at: the setting holds, and `warning`
// (when given) says so.
StorageMode configuredStorageMode(const AppSettings& settings, QString* warning = nullptr);

} // namespace tenantry
