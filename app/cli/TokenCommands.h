#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// account get-access-token: a token from the shared cache, refreshed when needed, in az's shape.
class TokenCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void getAccessToken(const ParsedArgs& args);
};

} // namespace tenantry::cli
