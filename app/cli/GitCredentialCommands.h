#pragma once

#include "CliCommand.h"

namespace tenantry {
struct GitCredentialRequest;
}

namespace tenantry::cli {

// git-credential get|store|erase: git's credential helper for Azure Repos (dev.azure.com,
// *.visualstudio.com), answering with an Azure DevOps token of the organisation's tenant; and
// git-credential configure, which makes git ask it.
class GitCredentialCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void get();
    void ignoreRequest(); // store, erase
    void configure(const ParsedArgs& args);
    void answer(const GitCredentialRequest& request, const QString& organization);
};

} // namespace tenantry::cli
