#pragma once

#include "fakes/ProcessRunner.h"
#include "TestConfig.h"

#include <QRegularExpression>
#include <QStringList>

namespace tenantry::test {

// What tenantry-cli's help lists: the command paths of `tenantry-cli --help`, and for each the option
// names of `tenantry-cli <path> --help` (its own, then the global ones). The man page and the shell
// completions are checked against these, i.e. against the parser's own view.
struct CliHelp
{
    struct Command
    {
        QStringList path;
        QList<QStringList> options;       // each option's names, e.g. {"--subscription", "-s", ...}
        QList<QStringList> globalOptions; // those under "Global Arguments"
    };
    QList<Command> commands;
    QString error; // why the help could not be read

    static CliHelp read(const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        CliHelp help;
        const ProcessResult top = runProcess(tenantryCli(), {QStringLiteral("--help")}, env, 30000);
        if (top.exitCode != 0) {
            help.error = QStringLiteral("tenantry-cli --help exited with %1").arg(top.exitCode);
            return help;
        }
        // "    account get-access-token  Get a token ...": words of one space, then two or more spaces.
        static const QRegularExpression commandLine(QStringLiteral("^    ([a-z-]+(?: [a-z-]+)*) {2,}\\S"));
        static const QRegularExpression optionLine(QStringLiteral("^    (-.*)$"));
        for (const QString& line : QString::fromUtf8(top.out).split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = commandLine.match(line);
            if (match.hasMatch())
                help.commands.append({match.captured(1).split(QLatin1Char(' ')), {}, {}});
        }
        for (Command& command : help.commands) {
            const ProcessResult own =
                runProcess(tenantryCli(), command.path + QStringList{QStringLiteral("--help")}, env, 30000);
            bool global = false;
            for (const QString& line : QString::fromUtf8(own.out).split(QLatin1Char('\n'))) {
                if (line == QLatin1String("Global Arguments"))
                    global = true;
                const QRegularExpressionMatch match = optionLine.match(line);
                if (!match.hasMatch())
                    continue;
                QStringList names = match.captured(1).split(QLatin1Char(' '));
                names.removeAll(QStringLiteral("VALUE"));
                (global ? command.globalOptions : command.options).append(names);
            }
        }
        return help;
    }
};

inline QString docsFile(const QString& name)
{
    return QStringLiteral(TENANTRY_DOCS_DIR "/") + name;
}

} // namespace tenantry::test
