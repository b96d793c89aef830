#include "AutostartEntry.h"

#include "UiLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

// The XDG autostart entry: a .desktop file at m_path.

namespace tenantry {

bool AutostartEntry::isSupported()
{
#if defined(Q_OS_MACOS)
    return false;
#else
    return true;
#endif
}

bool AutostartEntry::isEnabled() const
{
    return QFileInfo::exists(m_path);
}

bool AutostartEntry::setEnabled(bool enabled, QString* error)
{
    if (!enabled) {
        if (QFileInfo::exists(m_path) && !QFile::remove(m_path)) {
            if (error)
                *error = tr("Could not remove %1.").arg(m_path);
            return false;
        }
        return true;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(desktopEntry().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    qCInfo(lcUi).noquote() << "autostart entry written:" << m_path;
    return true;
}

} // namespace tenantry
