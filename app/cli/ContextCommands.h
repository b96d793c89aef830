#pragma once

#include "CliCommand.h"

#include "util/Result.h"

#include <optional>

namespace tenantry {
class SubscriptionContext;
struct Subscription;
} // namespace tenantry

namespace tenantry::cli {

class CliOutput;
class CliSession;

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
    // -s of `args` (required here), as az resolves it; nullopt once the error is reported.
    std::optional<Subscription> requiredSubscription(const ParsedArgs& args);
};

// SUB's subscription context owned by this process (shell, exec: it lives as long as they run), after the
// contexts of ended processes are removed; nullopt once the error is reported through `output`.
std::optional<SubscriptionContext> createOwnContext(CliSession& session, CliOutput& output, const Subscription& sub);

} // namespace tenantry::cli
