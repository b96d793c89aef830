#include "CliReference.h"

#include "OutputFormatter.h"

#include <QSet>

namespace tenantry::cli::reference {

namespace {

const QString kGenerated =
    QStringLiteral("Generated from tenantry-cli's command specs (tenantry-cli --print-reference); do not edit.");

// What a shell offers after an option that takes a value, by the option's dest.
enum class ValueKind { None, OutputFormat, SubscriptionId, TenantId, File };

ValueKind valueKind(const OptionSpec& option)
{
    if (option.flag)
        return ValueKind::None;
    if (option.dest == QLatin1String("output"))
        return ValueKind::OutputFormat;
    if (option.dest == QLatin1String("subscription"))
        return ValueKind::SubscriptionId;
    if (option.dest == QLatin1String("tenant"))
        return ValueKind::TenantId;
    if (option.dest == QLatin1String("kubeconfig"))
        return ValueKind::File;
    return ValueKind::None;
}

// The words that may follow `prefix` on the command line: the next word of every command path under it.
QStringList nextWords(const QList<CommandSpec>& specs, const QStringList& prefix)
{
    QStringList words;
    for (const CommandSpec& spec : specs) {
        if (spec.path.size() > prefix.size() && spec.path.mid(0, prefix.size()) == prefix &&
            !words.contains(spec.path.at(prefix.size())))
            words.append(spec.path.at(prefix.size()));
    }
    return words;
}

// Every group path ("account", "account tenant") and the root (empty), in the order of the specs.
QList<QStringList> groupPaths(const QList<CommandSpec>& specs)
{
    QList<QStringList> groups{QStringList()};
    for (const CommandSpec& spec : specs) {
        for (int length = 1; length < spec.path.size(); ++length) {
            const QStringList group = spec.path.mid(0, length);
            if (!groups.contains(group))
                groups.append(group);
        }
    }
    return groups;
}

QList<OptionSpec> allOptions(const CommandSpec& spec)
{
    return spec.options + globalOptions();
}

QStringList optionNames(const CommandSpec& spec)
{
    QStringList names;
    for (const OptionSpec& option : allOptions(spec))
        names += option.names;
    return names;
}

// --- roff ---------------------------------------------------------------------------------------

// Text as roff reads it: a backslash is \e, a hyphen in an option name is \- (a minus that copies as
// "-"), and a line never starts with a control character.
QString roffText(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString roffOptionName(QString name)
{
    return QStringLiteral("\\fB") + name.replace(QLatin1Char('-'), QStringLiteral("\\-")) + QStringLiteral("\\fR");
}

QString roffOptions(const QList<OptionSpec>& options)
{
    QString roff;
    for (const OptionSpec& option : options) {
        QStringList names;
        for (const QString& name : option.names)
            names.append(roffOptionName(name));
        QString value;
        if (!option.flag)
            value = option.multi ? QStringLiteral(" \\fIvalue\\fR ...") : QStringLiteral(" \\fIvalue\\fR");
        roff += QStringLiteral(".TP\n") + names.join(QStringLiteral(", ")) + value + QLatin1Char('\n') +
                roffText(option.help) + QLatin1Char('\n');
    }
    return roff;
}

// --- shells -------------------------------------------------------------------------------------

// A word for a single-quoted shell string: ' ends it, so it becomes '\''.
QString shellQuoted(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

// One command path's case label: the words joined by spaces, quoted.
QString caseLabel(const QStringList& path)
{
    return shellQuoted(path.join(QLatin1Char(' ')));
}

QString bashValueCompletion(ValueKind kind)
{
    switch (kind) {
    case ValueKind::OutputFormat:
        return QStringLiteral("COMPREPLY=($(compgen -W %1 -- \"$cur\"))")
            .arg(shellQuoted(OutputFormatter::knownFormats().join(QLatin1Char(' '))));
    case ValueKind::SubscriptionId:
        return QStringLiteral("COMPREPLY=($(compgen -W \"$(_tenantry_cli_column id)\" -- \"$cur\"))");
    case ValueKind::TenantId:
        return QStringLiteral("COMPREPLY=($(compgen -W \"$(_tenantry_cli_column tenantId)\" -- \"$cur\"))");
    case ValueKind::File:
        return QStringLiteral("COMPREPLY=($(compgen -f -- \"$cur\"))");
    case ValueKind::None:
        break;
    }
    return QStringLiteral("COMPREPLY=()");
}

QString zshValueCompletion(ValueKind kind)
{
    switch (kind) {
    case ValueKind::OutputFormat:
        return QStringLiteral("compadd -- ") + OutputFormatter::knownFormats().join(QLatin1Char(' '));
    case ValueKind::SubscriptionId:
        return QStringLiteral("compadd -- ${(f)\"$(_tenantry_cli_column id)\"}");
    case ValueKind::TenantId:
        return QStringLiteral("compadd -- ${(f)\"$(_tenantry_cli_column tenantId)\"}");
    case ValueKind::File:
        return QStringLiteral("_files");
    case ValueKind::None:
        break;
    }
    return QStringLiteral("_message value");
}

// The `case $prev in` arms for a command's options that take a value: one per option, all its names. They
// return the completion's status (zsh: whether it found matches).
QString valueCases(const CommandSpec& spec, QString (*completion)(ValueKind))
{
    QString text;
    for (const OptionSpec& option : allOptions(spec)) {
        if (!option.flag) {
            text += QStringLiteral("        %1)\n            %2\n            return\n            ;;\n")
                        .arg(option.names.join(QLatin1Char('|')), completion(valueKind(option)));
        }
    }
    return text;
}

// The shell function both scripts share: one column of `account list` (ids of subscriptions, of their
// tenants) read from azureProfile.json in milliseconds, without the network or the keychain.
QString columnFunction()
{
    return QStringLiteral("_tenantry_cli_column()\n"
                          "{\n"
                          "    command tenantry-cli account list --all --only-show-errors --output tsv \\\n"
                          "        --query \"[].$1\" 2>/dev/null | sort -u\n"
                          "}\n");
}

// The words before the cursor that name a command (those up to the first option), space-joined.
QString commandPathLoop(const QString& firstIndex, const QString& cursor)
{
    return QStringLiteral("    local command_path='' word i\n"
                          "    for ((i = %1; i < %2; i++)); do\n"
                          "        word=${words[i]}\n"
                          "        [[ $word == -* ]] && break\n"
                          "        command_path+=${command_path:+ }$word\n"
                          "    done\n")
        .arg(firstIndex, cursor);
}

} // namespace

QString manCommands(const QList<CommandSpec>& specs)
{
    QString roff = QStringLiteral(".\\\" ") + kGenerated + QStringLiteral("\n.SH COMMANDS\n");
    for (const CommandSpec& spec : specs) {
        roff += QStringLiteral(".SS \"") + spec.path.join(QLatin1Char(' ')) + QStringLiteral("\"\n") +
                roffText(spec.summary) + QLatin1Char('\n') + roffOptions(spec.options);
    }
    roff += QStringLiteral(".SH \"GLOBAL OPTIONS\"\nEvery command takes these.\n") + roffOptions(globalOptions());
    return roff;
}

QString bashCompletion(const QList<CommandSpec>& specs)
{
    QString script = QStringLiteral("# bash completion for tenantry-cli. ") + kGenerated + QStringLiteral("\n\n") +
                     columnFunction() +
                     QStringLiteral("\n_tenantry_cli()\n"
                                    "{\n"
                                    "    local cur=${COMP_WORDS[COMP_CWORD]} prev=''\n"
                                    "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
                                    "    local -a words=(\"${COMP_WORDS[@]}\")\n") +
                     commandPathLoop(QStringLiteral("1"), QStringLiteral("COMP_CWORD")) +
                     QStringLiteral("    local choices=''\n"
                                    "    case $command_path in\n");
    for (const QStringList& group : groupPaths(specs)) {
        QStringList choices = nextWords(specs, group);
        if (group.isEmpty())
            choices << QStringLiteral("--help") << QStringLiteral("--version");
        else
            choices << QStringLiteral("--help") << QStringLiteral("-h");
        script += QStringLiteral("    ") + caseLabel(group) + QStringLiteral(")\n        choices=") +
                  shellQuoted(choices.join(QLatin1Char(' '))) + QStringLiteral("\n        ;;\n");
    }
    for (const CommandSpec& spec : specs) {
        script += QStringLiteral("    ") + caseLabel(spec.path) + QStringLiteral(")\n        case $prev in\n") +
                  valueCases(spec, bashValueCompletion) + QStringLiteral("        esac\n        choices=") +
                  shellQuoted(optionNames(spec).join(QLatin1Char(' '))) + QStringLiteral("\n        ;;\n");
    }
    script += QStringLiteral("    esac\n"
                             "    COMPREPLY=($(compgen -W \"$choices\" -- \"$cur\"))\n"
                             "}\n"
                             "complete -F _tenantry_cli tenantry-cli\n");
    return script;
}

QString zshCompletion(const QList<CommandSpec>& specs)
{
    // _describe reads "word:description"; a colon in the word is escaped.
    const auto described = [](const QString& word, const QString& description) {
        return shellQuoted(QString(word).replace(QLatin1Char(':'), QStringLiteral("\\:")) + QLatin1Char(':') +
                           description);
    };
    QString script = QStringLiteral("#compdef tenantry-cli\n# zsh completion for tenantry-cli. ") + kGenerated +
                     QStringLiteral("\n\n") + columnFunction() +
                     QStringLiteral("\n_tenantry_cli()\n"
                                    "{\n"
                                    "    local cur=${words[CURRENT]} prev=${words[CURRENT - 1]}\n") +
                     commandPathLoop(QStringLiteral("2"), QStringLiteral("CURRENT")) +
                     QStringLiteral("    local -a choices\n"
                                    "    case $command_path in\n");
    for (const QStringList& group : groupPaths(specs)) {
        QStringList choices;
        for (const QString& word : nextWords(specs, group)) {
            QStringList path = group;
            path.append(word);
            QString summary;
            for (const CommandSpec& spec : specs) {
                if (spec.path == path)
                    summary = spec.summary;
            }
            choices.append(described(word, summary.isEmpty() ? QStringLiteral("command group") : summary));
        }
        choices.append(described(QStringLiteral("--help"), QStringLiteral("Show the help and exit.")));
        if (group.isEmpty())
            choices.append(described(QStringLiteral("--version"), QStringLiteral("Show the version and exit.")));
        script += QStringLiteral("    ") + caseLabel(group) + QStringLiteral(")\n        choices=(\n            ") +
                  choices.join(QStringLiteral("\n            ")) +
                  QStringLiteral("\n        )\n        _describe -t commands command choices\n        ;;\n");
    }
    for (const CommandSpec& spec : specs) {
        QStringList choices;
        for (const OptionSpec& option : allOptions(spec)) {
            for (const QString& name : option.names)
                choices.append(described(name, option.help));
        }
        script += QStringLiteral("    ") + caseLabel(spec.path) + QStringLiteral(")\n        case $prev in\n") +
                  valueCases(spec, zshValueCompletion) +
                  QStringLiteral("        esac\n        choices=(\n            ") +
                  choices.join(QStringLiteral("\n            ")) +
                  QStringLiteral("\n        )\n        _describe -t options option choices\n        ;;\n");
    }
    script += QStringLiteral("    esac\n"
                             "}\n"
                             "\n"
                             "# Autoloaded from $fpath: complete now. Sourced: register the function.\n"
                             "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
                             "    _tenantry_cli \"$@\"\n"
                             "else\n"
                             "    compdef _tenantry_cli tenantry-cli\n"
                             "fi\n");
    return script;
}

} // namespace tenantry::cli::reference
