#include "auth/AuthorizationBrowser.h"

#include "auth/SystemBrowserLauncherPlatform.h"

#include <QProcess>

namespace tenantry {

namespace {

// $BROWSER, as Python's webbrowser (and so az) honours it: the first of a ':'-separated list,
// "%s" standing for the URL (else the URL is appended).
QStringList browserFromEnvironment(const QUrl& url)
{
    const QString command = qEnvironmentVariable("BROWSER").section(QLatin1Char(':'), 0, 0).trimmed();
    if (command.isEmpty())
        return {};
    QStringList parts = QProcess::splitCommand(command);
    const QString target = url.toString(QUrl::FullyEncoded);
    bool substituted = false;
    for (QString& part : parts) {
        if (part.contains(QStringLiteral("%s"))) {
            part.replace(QStringLiteral("%s"), target);
            substituted = true;
        }
    }
    if (!substituted)
        parts.append(target);
    return parts;
}

} // namespace

bool SystemBrowserLauncher::canOpen() const
{
    if (!qEnvironmentVariable("BROWSER").trimmed().isEmpty())
        return true;
    return systembrowser::canOpenDefault();
}

bool SystemBrowserLauncher::open(const QUrl& url)
{
    if (QStringList command = browserFromEnvironment(url); !command.isEmpty()) {
        const QString program = command.takeFirst();
        return QProcess::startDetached(program, command);
    }
    return systembrowser::openDefault(url);
}

} // namespace tenantry
