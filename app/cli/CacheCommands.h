#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// cache list: every entry of the shared MSAL token cache, described without its secrets.
class CacheCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void list(const ParsedArgs& args);
};

} // namespace tenantry::cli
