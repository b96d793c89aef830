#include "util/AppSettings.h"

#include "store/TokenCacheService.h"
#include "tools/GitCredential.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

#include <optional>

namespace tenantry {

namespace {

const QString kKeychainOnly = QStringLiteral("keychain-only");
const QString kKeychainAndFile = QStringLiteral("keychain-and-file");
const QString kTenantChoiceGroup = QStringLiteral("tenantChoice");

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Tenantry"),
                                             QStringLiteral("Tenantry")))
{}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

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
    case Key::AzureDevOpsTenants:
        return QStringLiteral("azureDevOps/tenants");
    case Key::RecentSubscriptions:
        return QStringLiteral("subscriptions/recent");
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::StorageMode:
        return kKeychainAndFile;
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
    case Key::AzureDevOpsTenants:
        return QVariant();
    case Key::RecentSubscriptions:
        return QStringList();
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

QString AppSettings::storageModeName(StorageMode mode)
{
    return mode == StorageMode::KeychainOnly ? kKeychainOnly : kKeychainAndFile;
}

std::optional<StorageMode> AppSettings::storageModeNamed(const QString& name)
{
    if (name == kKeychainOnly)
        return StorageMode::KeychainOnly;
    if (name == kKeychainAndFile)
        return StorageMode::KeychainAndFile;
    return std::nullopt;
}

int AppSettings::boundedInt(Key key, int max) const
{
    bool ok = false;
    const qint64 stored = value(key).toLongLong(&ok);
    return ok ? static_cast<int>(qBound(qint64(0), stored, qint64(max))) : defaultValue(key).toInt();
}

StorageMode AppSettings::storedStorageMode() const
{
    return storageModeNamed(value(Key::StorageMode).toString()).value_or(StorageMode::KeychainAndFile);
}

void AppSettings::setStorageMode(StorageMode mode)
{
    setValue(Key::StorageMode, storageModeName(mode));
}

StorageModeChoice AppSettings::storageMode() const
{
    StorageModeChoice choice{storedStorageMode(), false, QString()};
    const QString fromEnvironment = qEnvironmentVariable("TENANTRY_STORAGE_MODE");
    if (fromEnvironment.isEmpty())
        return choice;
    if (const auto mode = storageModeNamed(fromEnvironment)) {
        choice.mode = *mode;
        choice.setByEnvironment = true;
        return choice;
    }
    choice.warning =
        QCoreApplication::translate("tenantry::AppSettings", "TENANTRY_STORAGE_MODE is neither \"keychain-only\" nor "
                                                             "\"keychain-and-file\"; the storage setting is used.");
    return choice;
}

int AppSettings::clipboardClearSeconds() const
{
    return boundedInt(Key::ClipboardClearSeconds, kMaxClipboardClearSeconds);
}

void AppSettings::setClipboardClearSeconds(int seconds)
{
    setValue(Key::ClipboardClearSeconds, qBound(0, seconds, kMaxClipboardClearSeconds));
}

bool AppSettings::copyToPrimarySelection() const
{
    return value(Key::CopyToPrimarySelection).toBool();
}

void AppSettings::setCopyToPrimarySelection(bool copy)
{
    setValue(Key::CopyToPrimarySelection, copy);
}

QString AppSettings::cloudName() const
{
    return value(Key::CloudName).toString();
}

void AppSettings::setCloudName(const QString& name)
{
    setValue(Key::CloudName, name);
}

int AppSettings::notifyBeforeExpiryMinutes() const
{
    return boundedInt(Key::NotifyBeforeExpiryMinutes, kMaxNotifyBeforeExpiryMinutes);
}

void AppSettings::setNotifyBeforeExpiryMinutes(int minutes)
{
    setValue(Key::NotifyBeforeExpiryMinutes, qBound(0, minutes, kMaxNotifyBeforeExpiryMinutes));
}

bool AppSettings::startMinimized() const
{
    return value(Key::StartMinimized).toBool();
}

void AppSettings::setStartMinimized(bool minimized)
{
    setValue(Key::StartMinimized, minimized);
}

bool AppSettings::startAtLogin() const
{
    return value(Key::StartAtLogin).toBool();
}

void AppSettings::setStartAtLogin(bool atLogin)
{
    setValue(Key::StartAtLogin, atLogin);
}

bool AppSettings::isTenantChoiceId(const QString& id)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"));
    return kId.match(id).hasMatch();
}

std::optional<HiddenTenants> AppSettings::hiddenTenants(const QString& homeAccountId) const
{
    if (!isTenantChoiceId(homeAccountId))
        return std::nullopt;
    const QString group = kTenantChoiceGroup + QLatin1Char('/') + homeAccountId + QLatin1Char('/');
    const QVariant username = m_settings->value(group + QStringLiteral("username"));
    const QVariant hidden = m_settings->value(group + QStringLiteral("hidden"));
    if (!username.isValid() && !hidden.isValid())
        return std::nullopt;
    HiddenTenants out;
    out.username = username.toString().left(256);
    // QSettings reads "a, b" as a list, "a" as a string, "" as an empty string.
    const QStringList ids = hidden.typeId() == QMetaType::QStringList ? hidden.toStringList()
                            : hidden.toString().isEmpty()             ? QStringList()
                                                                      : QStringList{hidden.toString()};
    if (ids.size() > kMaxHiddenTenants)
        return out;
    for (const QString& id : ids) {
        if (!isTenantChoiceId(id))
            return HiddenTenants{out.username, {}}; // a garbled list hides nothing
        out.tenantIds.append(id.toLower());
    }
    out.tenantIds.removeDuplicates();
    return out;
}

void AppSettings::setHiddenTenants(const QString& homeAccountId, const HiddenTenants& hidden)
{
    if (!isTenantChoiceId(homeAccountId))
        return;
    QStringList ids;
    for (const QString& id : hidden.tenantIds) {
        if (isTenantChoiceId(id) && !ids.contains(id, Qt::CaseInsensitive) && ids.size() < kMaxHiddenTenants)
            ids.append(id.toLower());
    }
    if (!hiddenTenants(homeAccountId) && tenantChoiceAccounts().size() >= kMaxTenantChoiceAccounts)
        return;
    const QString group = kTenantChoiceGroup + QLatin1Char('/') + homeAccountId + QLatin1Char('/');
    m_settings->setValue(group + QStringLiteral("username"), hidden.username.left(256));
    m_settings->setValue(group + QStringLiteral("hidden"), ids);
    m_settings->sync();
}

QStringList AppSettings::tenantChoiceAccounts() const
{
    m_settings->beginGroup(kTenantChoiceGroup);
    QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    ids.removeIf([](const QString& id) { return !isTenantChoiceId(id); });
    return ids.mid(0, kMaxTenantChoiceAccounts);
}

StorageMode configuredStorageMode(const AppSettings& settings, QString* warning)
{
    const StorageModeChoice choice = settings.storageMode();
    if (warning && !choice.warning.isEmpty())
        *warning = choice.warning;
    return choice.mode;
}

QString AppSettings::azureDevOpsTenant(const QString& organization) const
{
    if (!isAzureDevOpsOrganizationName(organization))
        return QString();
    const QString tenant =
        m_settings->value(path(Key::AzureDevOpsTenants) + QLatin1Char('/') + organization.toLower()).toString();
    return isTenantIdentifier(tenant) ? tenant.toLower() : QString(); // a hand edit that names no tenant: none
}

void AppSettings::setAzureDevOpsTenant(const QString& organization, const QString& tenant)
{
    if (!isAzureDevOpsOrganizationName(organization))
        return;
    const QString key = path(Key::AzureDevOpsTenants) + QLatin1Char('/') + organization.toLower();
    if (tenant.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, tenant.toLower());
}

} // namespace tenantry
