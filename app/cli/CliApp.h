#pragma once

#include "CliCommand.h"
#include "CliOutput.h"
#include "CliSession.h"

#include <QObject>

#include <memory>
#include <vector>

namespace tenantry::cli {

// tenantry-cli: az's vocabulary and JSON shapes on Tenantry's core. The composition root: builds the
// output and the session, hands them to the command groups, parses the command line (with az's
// global options) and runs the command it names. Results go to stdout, errors and warnings to
// stderr ("ERROR: ..."/"WARNING: ..."), exit code 0 ok, 1 error, 2 usage.
class CliApp : public QObject
{
    Q_OBJECT

public:
    explicit CliApp(QStringList args, QObject* parent = nullptr);
    ~CliApp() override;

    void start(); // asynchronous: emits finished() once

    QList<CommandSpec> commandSpecs() const; // every command, in the order help lists them

signals:
    void finished(int exitCode);

private:
    // --output, --query, --only-show-errors and the log level; false once the usage error is reported.
    bool applyGlobalOptions(const ParsedArgs& parsed);

    QStringList m_args;
    CliOutput m_output;
    CliSession m_session;
    std::vector<std::unique_ptr<CommandGroup>> m_groups; // destroyed first: their flows use the session
    QList<CliCommand> m_commands;                        // in the order help lists them
};

} // namespace tenantry::cli
