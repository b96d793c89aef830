#include "util/AppSettings.h"

#include "store/TokenCacheService.h"

#include <QCoreApplication>
#include <QSettings>

#include <optional>

namespace tenantry {

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Tenantry"),
                                             QStringLiteral("Tenantry")))
{}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::path(Key key)
{
    switch (key) {
    case Key::StorageMode:
        return QStringLiteral("storage/mode");
    case Key::ClipboardClearSeconds:
        return QStringLiteral("clipboard/clearAfterSeconds");
    case Key::CopyToPrimarySelection:
        return QStringLiteral("clipboard/alsoPrimarySelection");
    case Key::StartMinimized:
        return QStringLiteral("startup/minimized");
    case Key::StartAtLogin:
        return QStringLiteral("startup/atLogin");
    case Key::CloudName:
        return QStringLiteral("azure/cloud");
    case Key::NotifyBeforeExpiryMinutes:
        return QStringLiteral("notifications/beforeExpiryMinutes");
    case Key::MainWindowGeometry:
        return QStringLiteral("window/geometry");
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::StorageMode:
        return QStringLiteral("keychain-and-file");
    case Key::ClipboardClearSeconds:
        return 30; // long enough to paste into curl or Postman, short enough not to linger
    case Key::CopyToPrimarySelection:
        return false; // any window gets the primary selection by a stray middle click
    case Key::StartMinimized:
    case Key::StartAtLogin:
        return false;
    case Key::CloudName:
        return QString();
    case Key::NotifyBeforeExpiryMinutes:
        return 5;
    case Key::MainWindowGeometry:
        return QByteArray();
    }
    return {};
}

QVariant AppSettings::value(Key key) const
{
    return m_settings->value(path(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(path(key), value);
}

void AppSettings::sync()
{
    m_settings->sync();
}

namespace {

std::optional<StorageMode> storageModeNamed(const QString& name)
{
    if (name == QLatin1String("keychain-only"))
        return StorageMode::KeychainOnly;
    if (name == QLatin1String("keychain-and-file"))
        return StorageMode::KeychainAndFile;
    return std::nullopt;
}

} // namespace

StorageMode configuredStorageMode(const AppSettings& settings, QString* warning)
{
    const QString fromEnvironment = qEnvironmentVariable("TENANTRY_STORAGE_MODE");
    if (!fromEnvironment.isEmpty()) {
        if (const auto mode = storageModeNamed(fromEnvironment))
            return *mode;
        if (warning)
            *warning = QCoreApplication::translate(
                "tenantry::AppSettings",
                "TENANTRY_STORAGE_MODE is neither \"keychain-only\" nor \"keychain-and-file\"; "
                "the storage setting is used.");
    }
    return storageModeNamed(settings.value(AppSettings::Key::StorageMode).toString())
        .value_or(StorageMode::KeychainAndFile);
}

} // namespace tenantry
