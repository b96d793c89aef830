#pragma once

#include "util/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry::cli {

// One option of a command, az style: several names ("--subscription", "-s"), a flag or a value,
// optionally many values ("--scope a b" or "--scope a --scope b").
struct OptionSpec
{
    QStringList names;
    QString dest;
    bool flag = false;
    bool multi = false;
    QString help;
};

struct CommandSpec
{
    QStringList path; // e.g. {"account", "get-access-token"}
    QString summary;
    QList<OptionSpec> options;
    // Takes a command after "--" (exec): the words after it are the command's, never options.
    bool takesCommand = false;
};

// Parsed invocation. Values by option dest; flags present as "true".
class ParsedArgs
{
public:
    bool has(const QString& dest) const { return m_values.contains(dest); }
    QString value(const QString& dest) const { return m_values.value(dest).value(0); }
    QStringList values(const QString& dest) const { return m_values.value(dest); }
    void add(const QString& dest, const QString& value) { m_values[dest].append(value); }
    // What followed "--", for a command that takesCommand; nullopt when there was no "--".
    const std::optional<QStringList>& command() const { return m_command; }
    void setCommand(QStringList command) { m_command = std::move(command); }

private:
    QHash<QString, QStringList> m_values;
    std::optional<QStringList> m_command;
};

// az's global options, accepted by every command.
QList<OptionSpec> globalOptions();

// --subscription/-s/--name/-n, as az's account commands take it.
OptionSpec subscriptionOption();

// Finds the longest command path that `args` start with. Returns nullptr (and the words it did
// match in `matchedPrefix`) when none does.
const CommandSpec* findCommand(const QList<CommandSpec>& specs, const QStringList& args, QStringList* matchedPrefix);

// Parses the options after the command path; an InvalidArgument error's detail is an az-like usage error.
Result<ParsedArgs> parseOptions(const CommandSpec& spec, const QStringList& args);

QString helpText(const CommandSpec& spec);
QString groupHelpText(const QList<CommandSpec>& specs, const QStringList& prefix);

} // namespace tenantry::cli
