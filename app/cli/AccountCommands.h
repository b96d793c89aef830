#pragma once

#include "CliCommand.h"

#include <functional>

namespace tenantry::cli {

// account list, show, set and clear: the subscriptions in azureProfile.json, shared with az.
class AccountCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void list(const ParsedArgs& args);
    void show(const ParsedArgs& args);
    void set(const ParsedArgs& args);
    void clear(const ParsedArgs& args);
    // account list --refresh: each account's tenants and subscriptions again, one after the other.
    void refreshAccounts(QStringList usernames, std::function<void()> then);

    int m_partialExitCode = 0; // 3 when a refresh left tenants needing an interactive sign-in, 1 on a failed refresh
};

} // namespace tenantry::cli
