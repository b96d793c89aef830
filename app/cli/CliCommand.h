#pragma once

#include "CommandLine.h"

#include <QList>

#include <functional>

namespace tenantry::cli {

class CliOutput;
class CliSession;

// One tenantry-cli command: its words, options and help, and what runs it. run() ends, now or
// later, with exactly one finish through the CliOutput its group was given.
struct CliCommand
{
    CommandSpec spec;
    std::function<void(const ParsedArgs&)> run;
};

// Commands that belong together (az's command groups), run over the CliSession and CliOutput that
// CliApp hands them; CliApp lists and dispatches their commands.
class CommandGroup
{
public:
    CommandGroup(CliSession& session, CliOutput& output)
        : m_session(session)
        , m_output(output)
    {}
    virtual ~CommandGroup() = default;

    virtual QList<CliCommand> commands() = 0;

protected:
    CliSession& m_session;
    CliOutput& m_output;
};

} // namespace tenantry::cli
