#include "AutostartEntry.h"

#include "AppIcons.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace tenantry {

namespace {

QString defaultPath()
{
    // $XDG_CONFIG_HOME/autostart, as the XDG Autostart specification says.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart/") +
           AppIcons::kAppId + QStringLiteral(".desktop");
}

QString quotedExec(const QString& executable)
{
    // The Desktop Entry spec's quoting for Exec: quote the path, escape \ " ` $.
    QString escaped = executable;
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')})
        escaped.replace(c, QLatin1Char('\\') + c);
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

AutostartEntry::AutostartEntry()
    : AutostartEntry(defaultPath(), QCoreApplication::applicationFilePath())
{}

AutostartEntry::AutostartEntry(QString desktopFilePath, QString executable)
    : m_path(std::move(desktopFilePath))
    , m_executable(std::move(executable))
{}

QString AutostartEntry::desktopEntry() const
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Tenantry\n"
                          "Comment=%1\n"
                          "Exec=%2\n"
                          "Icon=%3\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(tr("Azure accounts, tenants and subscriptions"), quotedExec(m_executable), AppIcons::kAppId);
}

} // namespace tenantry
