#pragma once

#include "CliCommand.h"

#include "util/Result.h"

#include <optional>

namespace tenantry {
class SubscriptionContext;
struct ProcessIdentity;
} // namespace tenantry

namespace tenantry::cli {

// env and shell: one shell's subscription (a SubscriptionContext), az's and the SDKs' variables for it.
class ContextCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

    // What a context's bin/az runs (`tenantry-cli context-az DIR ARGS…`, from main() before anything else):
    // the real az in the context. Returns only on failure, with the exit code after the error line.
    static int runAzInContext(int argc, char** argv);

private:
    void env(const ParsedArgs& args);
    void shell(const ParsedArgs& args);
    // The context for -s of `args`, owned by `owner`; nullopt once the error is reported.
    std::optional<SubscriptionContext> createContext(const ParsedArgs& args, const ProcessIdentity& owner);
};

} // namespace tenantry::cli
