#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// exec [-s SUB] -- CMD ARGS...: runs CMD with a loopback token endpoint in the App Service managed-identity
// protocol (core/tools/ManagedIdentityEndpoint.h) in its environment, so the Azure SDKs'
// ManagedIdentityCredential and DefaultAzureCredential get tokens of SUB's account and tenant; the endpoint
// serves only while CMD runs, signals sent to exec go to CMD, and CMD's exit code is exec's.
class ExecCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void exec(const ParsedArgs& args);
};

} // namespace tenantry::cli
