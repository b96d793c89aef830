#pragma once

#include <QCoreApplication>
#include <QString>

namespace tenantry {

// "Start at login": an XDG autostart entry (~/.config/autostart/<app id>.desktop) on Linux and
// other freedesktop systems; the per-user Run key on Windows. Not available on macOS yet.
class AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(tenantry::AutostartEntry)

public:
    AutostartEntry(); // the user's autostart location, this executable
    // Tests: an explicit .desktop path (or registry-free stand-in) and command.
    AutostartEntry(QString desktopFilePath, QString executable);

    static bool isSupported();
    bool isEnabled() const;
    bool setEnabled(bool enabled, QString* error = nullptr);
    QString filePath() const { return m_path; }
    QString desktopEntry() const; // the file's content

private:
    QString m_path;
    QString m_executable;
};

} // namespace tenantry
