#include "AutostartEntry.h"

#include "AppIcons.h"
#include "UiLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace tenantry {

namespace {

#if defined(Q_OS_WIN)
const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
#endif

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

bool AutostartEntry::isSupported()
{
#if defined(Q_OS_MACOS)
    return false;
#else
    return true;
#endif
}

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

bool AutostartEntry::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(kRunKey, QSettings::NativeFormat).contains(QStringLiteral("Tenantry"));
#else
    return QFileInfo::exists(m_path);
#endif
}

bool AutostartEntry::setEnabled(bool enabled, QString* error)
{
#if defined(Q_OS_WIN)
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
#else
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
#endif
}

} // namespace tenantry
