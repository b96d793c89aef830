#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry {

// What `eval "$(tenantry-cli env …)"` (bash, zsh) or `tenantry-cli env --shell fish | source` runs: lines that
// set or remove environment variables, every value quoted for that shell so that nothing in it (a space, a
// quote, a newline, `$`) is ever read as shell syntax. Values are ids and paths only; nobody else's words.
class ShellSnippet
{
public:
    enum class Shell { Bash, Zsh, Fish };

    // "bash", "zsh", "fish" (a path's file name too: $SHELL); nullopt for any other.
    static std::optional<Shell> parse(const QString& name);
    // The user's: $SHELL's file name when it is one of the three, else bash.
    static Shell fromEnvironment();

    // `value` as one word of the shell, literally.
    static QString quote(Shell shell, QString value);

    // Exports each variable; PATH is given as its list of entries (fish keeps PATH as a list).
    static QString set(Shell shell, const QList<QPair<QString, QString>>& variables, const QStringList& path);
    // Removes each variable and sets PATH to `path`.
    static QString unset(Shell shell, const QStringList& names, const QStringList& path);

private:
    static QString setPath(Shell shell, const QStringList& path);
};

} // namespace tenantry
