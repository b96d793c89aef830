#include "auth/SystemBrowserLauncherPlatform.h"

#include <QFileInfo>
#include <QProcess>

namespace tenantry::systembrowser {

bool canOpenDefault()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const bool desktop = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    return desktop && (QFileInfo::exists(QStringLiteral("/usr/bin/xdg-open")) ||
                       QFileInfo::exists(QStringLiteral("/usr/local/bin/xdg-open")));
#else
    return true;
#endif
}

bool openDefault(const QUrl& url)
{
#if defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
#endif
}

} // namespace tenantry::systembrowser
