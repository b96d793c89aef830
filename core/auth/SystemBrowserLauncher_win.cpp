#include "auth/SystemBrowserLauncherPlatform.h"

#include <QProcess>

namespace tenantry::systembrowser {

bool canOpenDefault()
{
    return true;
}

bool openDefault(const QUrl& url)
{
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
}

} // namespace tenantry::systembrowser
