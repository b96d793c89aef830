#include "AutostartEntry.h"

#include <QDir>
#include <QSettings>

// The per-user Run key; m_path (the .desktop file) is not used here.

namespace tenantry {

namespace {

const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

} // namespace

bool AutostartEntry::isSupported()
{
    return true;
}

bool AutostartEntry::isEnabled() const
{
    return QSettings(kRunKey, QSettings::NativeFormat).contains(QStringLiteral("Tenantry"));
}

bool AutostartEntry::setEnabled(bool enabled, QString* error)
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(QStringLiteral("Tenantry"), QDir::toNativeSeparators(m_executable).prepend('"').append('"'));
    else
        run.remove(QStringLiteral("Tenantry"));
    run.sync();
    if (run.status() != QSettings::NoError) {
        if (error)
            *error = tr("Could not change the Run key.");
        return false;
    }
    return true;
}

} // namespace tenantry
