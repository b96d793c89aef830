#include "TerminalCommand.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace tenantry {

std::optional<TerminalLaunch> TerminalCommand::find(const QStringList& command)
{
    QStringList candidates = {QStringLiteral("x-terminal-emulator"), QStringLiteral("gnome-terminal"),
                              QStringLiteral("konsole"), QStringLiteral("xfce4-terminal"), QStringLiteral("xterm")};
    const QString chosen = qEnvironmentVariable("TERMINAL");
    if (!chosen.isEmpty())
        candidates.prepend(chosen);
    for (const QString& candidate : std::as_const(candidates)) {
        const QString path = QStandardPaths::findExecutable(candidate);
        if (!path.isEmpty())
            return launch(path, command);
    }
    return std::nullopt;
}

TerminalLaunch TerminalCommand::launch(const QString& terminal, const QStringList& command)
{
    const QString name = QFileInfo(terminal).fileName();
    QString option = QStringLiteral("-e");
    if (name == QLatin1String("gnome-terminal"))
        option = QStringLiteral("--");
    else if (name == QLatin1String("xfce4-terminal"))
        option = QStringLiteral("-x");
    return {terminal, QStringList{option} + command};
}

QStringList TerminalCommand::subscriptionShell(const QString& cliPath, const QString& subscriptionId)
{
    return {cliPath, QStringLiteral("shell"), QStringLiteral("-s"), subscriptionId};
}

} // namespace tenantry
