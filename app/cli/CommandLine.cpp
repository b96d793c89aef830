#include "CommandLine.h"

namespace tenantry::cli {

namespace {

const OptionSpec* findOption(const QList<OptionSpec>& options, const QString& name)
{
    for (const OptionSpec& option : options) {
        if (option.names.contains(name))
            return &option;
    }
    return nullptr;
}

bool isOptionName(const QString& arg)
{
    // "-5" would be a value; az's option names are letters after the dash.
    return arg.size() > 1 && arg.startsWith(QLatin1Char('-')) && !arg.at(1).isDigit();
}

} // namespace

QList<OptionSpec> globalOptions()
{
    return {
        {{QStringLiteral("--output"), QStringLiteral("-o")},
         QStringLiteral("output"),
         false,
         false,
         QStringLiteral("Output format: json, jsonc, table, tsv, none. Default: json.")},
        {{QStringLiteral("--query")},
         QStringLiteral("query"),
         false,
         false,
         QStringLiteral("JMESPath query string, as in az (e.g. \"[?isDefault].id | [0]\").")},
        {{QStringLiteral("--debug")},
         QStringLiteral("debug"),
         true,
         false,
         QStringLiteral("Show all debug logs (never tokens).")},
        {{QStringLiteral("--verbose")}, QStringLiteral("verbose"), true, false, QStringLiteral("Show more logs.")},
        {{QStringLiteral("--only-show-errors")},
         QStringLiteral("only-show-errors"),
         true,
         false,
         QStringLiteral("Only show errors, suppressing warnings.")},
        {{QStringLiteral("--help"), QStringLiteral("-h")},
         QStringLiteral("help"),
         true,
         false,
         QStringLiteral("Show this help message and exit.")},
    };
}

OptionSpec subscriptionOption()
{
    return {{QStringLiteral("--subscription"), QStringLiteral("-s"), QStringLiteral("--name"), QStringLiteral("-n")},
            QStringLiteral("subscription"),
            false,
            false,
            QStringLiteral("Name or ID of subscription.")};
}

const CommandSpec* findCommand(const QList<CommandSpec>& specs, const QStringList& args, QStringList* matchedPrefix)
{
    const CommandSpec* best = nullptr;
    for (const CommandSpec& spec : specs) {
        if (args.size() >= spec.path.size() && args.mid(0, spec.path.size()) == spec.path &&
            (!best || spec.path.size() > best->path.size()))
            best = &spec;
    }
    matchedPrefix->clear();
    if (best) {
        *matchedPrefix = best->path;
        return best;
    }
    // For help on a group ("account"): the words that lead to some command.
    for (const QString& word : args) {
        QStringList next = *matchedPrefix;
        next.append(word);
        const bool leads = std::any_of(specs.cbegin(), specs.cend(), [&](const CommandSpec& s) {
            return s.path.size() > next.size() && s.path.mid(0, next.size()) == next;
        });
        if (!leads)
            break;
        *matchedPrefix = next;
    }
    return nullptr;
}

Result<ParsedArgs> parseOptions(const CommandSpec& spec, const QStringList& args)
{
    QList<OptionSpec> options = spec.options + globalOptions();
    ParsedArgs parsed;
    for (int i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        if (spec.takesCommand && name == QLatin1String("--")) {
            parsed.setCommand(args.mid(i + 1));
            break;
        }
        QString inlineValue;
        bool hasInline = false;
        if (name.startsWith(QStringLiteral("--")) && name.contains(QLatin1Char('='))) {
            inlineValue = name.section(QLatin1Char('='), 1);
            name = name.section(QLatin1Char('='), 0, 0);
            hasInline = true;
        }
        if (!isOptionName(name))
            return failure(Error::Code::InvalidArgument,
                           QStringLiteral("unrecognized arguments: %1").arg(args.mid(i).join(QLatin1Char(' '))));
        const OptionSpec* option = findOption(options, name);
        if (!option)
            return failure(Error::Code::InvalidArgument, QStringLiteral("unrecognized arguments: %1").arg(name));
        if (option->flag) {
            if (hasInline)
                return failure(Error::Code::InvalidArgument,
                               QStringLiteral("argument %1: ignored explicit argument '%2'").arg(name, inlineValue));
            parsed.add(option->dest, QStringLiteral("true"));
            continue;
        }
        if (hasInline) {
            parsed.add(option->dest, inlineValue);
            continue;
        }
        int taken = 0;
        while (i + 1 < args.size() && !isOptionName(args.at(i + 1)) && (option->multi || taken == 0)) {
            parsed.add(option->dest, args.at(++i));
            ++taken;
        }
        if (taken == 0)
            return failure(Error::Code::InvalidArgument,
                           QStringLiteral("argument %1: expected %2")
                               .arg(name, option->multi ? QStringLiteral("at least one argument")
                                                        : QStringLiteral("one argument")));
    }
    return parsed;
}

QString helpText(const CommandSpec& spec)
{
    QString text = QStringLiteral("\nCommand\n    tenantry-cli %1 : %2\n\nArguments\n")
                       .arg(spec.path.join(QLatin1Char(' ')), spec.summary);
    auto describe = [&text](const QList<OptionSpec>& options) {
        for (const OptionSpec& o : options) {
            const QString names = o.names.join(QStringLiteral(" ")) + (o.flag ? QString() : QStringLiteral(" VALUE"));
            text += QStringLiteral("    %1\n        %2\n").arg(names, o.help);
        }
    };
    describe(spec.options);
    text += QStringLiteral("\nGlobal Arguments\n");
    describe(globalOptions());
    return text;
}

QString groupHelpText(const QList<CommandSpec>& specs, const QStringList& prefix)
{
    QString text = QStringLiteral("\nGroup\n    tenantry-cli %1\n\nCommands\n").arg(prefix.join(QLatin1Char(' ')));
    for (const CommandSpec& spec : specs) {
        if (spec.path.mid(0, prefix.size()) == prefix) {
            text += QStringLiteral("    %1  %2\n")
                        .arg(spec.path.mid(prefix.size()).join(QLatin1Char(' ')).leftJustified(22), spec.summary);
        }
    }
    return text;
}

} // namespace tenantry::cli
