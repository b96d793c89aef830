#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// cache list: every entry of the shared MSAL token cache, described without its secrets.
// cache remove: an app's tokens, of one account or of all, through the same path as the app's cache window.
class CacheCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void list(const ParsedArgs& args);
    void remove(const ParsedArgs& args);
};

} // namespace tenantry::cli
