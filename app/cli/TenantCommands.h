#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// account tenant list: the tenants the active subscription's account can reach, as ARM lists them.
// account tenant hide|unhide: the user's choice of the account's active tenants (TenantChoice).
class TenantCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void list(const ParsedArgs& args);
    void setActive(const ParsedArgs& args, bool active);
    static QList<OptionSpec> choiceOptions();
};

} // namespace tenantry::cli
