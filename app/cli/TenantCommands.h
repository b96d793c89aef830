#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// account tenant list: the tenants the active subscription's account can reach, as ARM lists them.
class TenantCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void list(const ParsedArgs& args);
};

} // namespace tenantry::cli
