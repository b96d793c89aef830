#include "ShellSnippet.h"

#include <QFileInfo>

namespace tenantry {

std::optional<ShellSnippet::Shell> ShellSnippet::parse(const QString& name)
{
    const QString base = QFileInfo(name).fileName();
    if (base == QLatin1String("bash"))
        return Shell::Bash;
    if (base == QLatin1String("zsh"))
        return Shell::Zsh;
    if (base == QLatin1String("fish"))
        return Shell::Fish;
    return std::nullopt;
}

ShellSnippet::Shell ShellSnippet::fromEnvironment()
{
    return parse(qEnvironmentVariable("SHELL")).value_or(Shell::Bash);
}

QString ShellSnippet::quote(Shell shell, QString value)
{
    if (shell == Shell::Fish) {
        // Inside fish's single quotes only \' and \\ are escapes.
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        value.replace(QLatin1Char('\''), QLatin1String("\\'"));
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    }
    // bash and zsh: nothing is special inside single quotes; a quote ends them, is escaped, and they start again.
    value.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

QString ShellSnippet::setPath(Shell shell, const QStringList& path)
{
    if (shell == Shell::Fish) {
        QStringList words;
        for (const QString& entry : path)
            words.append(quote(shell, entry));
        return QStringLiteral("set -gx PATH ") + words.join(QLatin1Char(' ')) + QLatin1Char('\n');
    }
    return QStringLiteral("export PATH=") + quote(shell, path.join(QLatin1Char(':'))) + QLatin1Char('\n');
}

QString ShellSnippet::set(Shell shell, const QList<QPair<QString, QString>>& variables, const QStringList& path)
{
    QString out = setPath(shell, path);
    for (const auto& [name, value] : variables) {
        out += shell == Shell::Fish ? QStringLiteral("set -gx ") + name + QLatin1Char(' ') + quote(shell, value)
                                    : QStringLiteral("export ") + name + QLatin1Char('=') + quote(shell, value);
        out += QLatin1Char('\n');
    }
    return out;
}

QString ShellSnippet::unset(Shell shell, const QStringList& names, const QStringList& path)
{
    QString out = setPath(shell, path);
    // fish's `set -e` fails for a variable that is not set (bash's `unset` does not): the lines still end well.
    for (const QString& name : names) {
        if (shell == Shell::Fish)
            out += QStringLiteral("set -e ") + name + QStringLiteral("; or true\n");
        else
            out += QStringLiteral("unset ") + name + QLatin1Char('\n');
    }
    return out;
}

} // namespace tenantry
