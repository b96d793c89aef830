#pragma once

#include "util/ChildProcess.h"
#include "util/Result.h"

#include <QStringList>

namespace tenantry {

// Whether git asks Tenantry for Azure Repos credentials, and making it so: the user's global git config
// (git config --global, so GIT_CONFIG_GLOBAL and HOME are honoured as git honours them), read and written
// by running git itself with bounded waits. For dev.azure.com and *.visualstudio.com the helper list is
// reset (an empty value) and then names tenantry-cli, so no other helper (credential.helper=store, say)
// is asked for, or handed, an Azure DevOps token; dev.azure.com also gets useHttpPath, so the helper sees
// the organisation in the path.
class GitCredentialHelperConfig
{
public:
    explicit GitCredentialHelperConfig(QString gitProgram = QStringLiteral("git"), ChildProcessLimits limits = {5000});

    // The URLs the helper is configured for.
    static QStringList urls();
    // The helper value for the tenantry-cli at `cliPath`: a shell command git runs with get/store/erase appended.
    static QString helperValue(const QString& cliPath);
    // The `git config --global` commands configure() runs, as a user would type them (for --dry-run and the README).
    static QStringList commandLines(const QString& helperValue);

    // Whether every URL's helper list ends with `helperValue` after a reset, and useHttpPath is on for dev.azure.com.
    Result<bool> isConfigured(const QString& helperValue) const;
    Result<void> configure(const QString& helperValue) const;

private:
    static QList<QStringList> configCommands(const QString& helperValue);
    Result<ChildProcessOutput> git(const QStringList& args) const;

    QString m_git;
    ChildProcessLimits m_limits;
};

} // namespace tenantry
