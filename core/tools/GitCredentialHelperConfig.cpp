#include "tools/GitCredentialHelperConfig.h"

#include <QRegularExpression>

namespace tenantry {

namespace {

const QString kDevAzure = QStringLiteral("https://dev.azure.com");

QString helperKey(const QString& url)
{
    return QStringLiteral("credential.%1.helper").arg(url);
}

QString useHttpPathKey()
{
    return QStringLiteral("credential.%1.useHttpPath").arg(kDevAzure);
}

// Single quotes for sh: git runs a helper that starts with '!' through the shell.
QString shellQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// A word as sh reads it: as it is when it has nothing sh would interpret, else single-quoted.
QString shellWord(const QString& text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    return plain.match(text).hasMatch() ? text : shellQuoted(text);
}

} // namespace

GitCredentialHelperConfig::GitCredentialHelperConfig(QString gitProgram, ChildProcessLimits limits)
    : m_git(std::move(gitProgram))
    , m_limits(limits)
{}

QStringList GitCredentialHelperConfig::urls()
{
    return {kDevAzure, QStringLiteral("https://*.visualstudio.com")};
}

QString GitCredentialHelperConfig::helperValue(const QString& cliPath)
{
    return QLatin1Char('!') + shellWord(cliPath) + QStringLiteral(" git-credential");
}

QList<QStringList> GitCredentialHelperConfig::configCommands(const QString& helperValue)
{
    QList<QStringList> commands;
    for (const QString& url : urls()) {
        commands.append({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--replace-all"),
                         helperKey(url), QString()});
        commands.append({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--add"), helperKey(url),
                         helperValue});
    }
    commands.append({QStringLiteral("config"), QStringLiteral("--global"), useHttpPathKey(), QStringLiteral("true")});
    return commands;
}

QStringList GitCredentialHelperConfig::commandLines(const QString& helperValue)
{
    QStringList lines;
    const QList<QStringList> commands = configCommands(helperValue);
    for (const QStringList& command : commands) {
        QStringList words{QStringLiteral("git")};
        for (const QString& word : command)
            words.append(shellWord(word));
        lines.append(words.join(QLatin1Char(' ')));
    }
    return lines;
}

Result<ChildProcessOutput> GitCredentialHelperConfig::git(const QStringList& args) const
{
    return runChildProcess(m_git, args, m_limits);
}

Result<bool> GitCredentialHelperConfig::isConfigured(const QString& helperValue) const
{
    for (const QString& url : urls()) {
        const auto helpers =
            git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--get-all"), helperKey(url)});
        if (!helpers)
            return tl::unexpected(helpers.error());
        if (helpers->exitCode == 1)
            return false; // no such key
        if (helpers->exitCode != 0)
            return failure(Error::Code::Storage,
                           QStringLiteral("git config failed: %1").arg(QString::fromUtf8(helpers->err.trimmed())));
        const QStringList values = QString::fromUtf8(helpers->out).split(QLatin1Char('\n'));
        // "" then the helper, then the end of output: nothing asked before or after Tenantry.
        const QStringList expected{QString(), helperValue, QString()};
        if (values.size() < 3 || values.mid(values.size() - 3) != expected)
            return false;
    }
    const auto useHttpPath =
        git({QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--type=bool"), useHttpPathKey()});
    if (!useHttpPath)
        return tl::unexpected(useHttpPath.error());
    return useHttpPath->exitCode == 0 && useHttpPath->out.trimmed() == "true";
}

Result<void> GitCredentialHelperConfig::configure(const QString& helperValue) const
{
    const QList<QStringList> commands = configCommands(helperValue);
    for (const QStringList& command : commands) {
        const auto result = git(command);
        if (!result)
            return tl::unexpected(result.error());
        if (result->exitCode != 0)
            return failure(Error::Code::Storage,
                           QStringLiteral("git config failed: %1").arg(QString::fromUtf8(result->err.trimmed())));
    }
    return {};
}

} // namespace tenantry
