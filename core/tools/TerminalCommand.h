#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry {

// A terminal window running a command, as the desktop app's "Open a terminal here" starts it (detached).
struct TerminalLaunch
{
    QString program;
    QStringList arguments;
};

// Which terminal emulator, and how to hand it a command: $TERMINAL when it names one on PATH, else Debian's
// x-terminal-emulator, else gnome-terminal, konsole, xfce4-terminal, xterm -- whichever is installed first.
class TerminalCommand
{
public:
    // The terminal running `command` (program and arguments, passed as separate words, never through a
    // shell); nullopt when no terminal is installed.
    static std::optional<TerminalLaunch> find(const QStringList& command);
    // How `terminal` (its file name decides) takes a command: gnome-terminal after "--", xfce4-terminal after
    // "-x", every other (xterm, konsole, x-terminal-emulator, $TERMINAL's) after "-e".
    static TerminalLaunch launch(const QString& terminal, const QStringList& command);
    // `tenantry-cli shell -s <subscription id>`: a shell with that subscription, its context gone when it ends.
    static QStringList subscriptionShell(const QString& cliPath, const QString& subscriptionId);
};

} // namespace tenantry
