#include "CliApp.h"

#include "AccountCommands.h"
#include "CacheCommands.h"
#include "ContextCommands.h"
#include "ExecCommands.h"
#include "GitCredentialCommands.h"
#include "KubeCommands.h"
#include "LoginCommands.h"
#include "TenantCommands.h"
#include "TokenCommands.h"

#include <QLoggingCategory>

#include <cstdio>
#include <utility>

namespace tenantry::cli {

CliApp::CliApp(QStringList args, QObject* parent)
    : QObject(parent)
    , m_args(std::move(args))
    , m_session(m_output)
{
    connect(&m_output, &CliOutput::finished, this, &CliApp::finished);
    m_groups.push_back(std::make_unique<AccountCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<TokenCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<LoginCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<TenantCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<CacheCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<GitCredentialCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<KubeCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<ExecCommands>(m_session, m_output));
    m_groups.push_back(std::make_unique<ContextCommands>(m_session, m_output));
    for (const auto& group : m_groups)
        m_commands += group->commands();
}

CliApp::~CliApp() = default;

QList<CommandSpec> CliApp::commandSpecs() const
{
    QList<CommandSpec> specs;
    for (const CliCommand& command : m_commands)
        specs.append(command.spec);
    return specs;
}

void CliApp::start()
{
    const QList<CommandSpec> specs = commandSpecs();
    QStringList prefix;
    const CommandSpec* spec = findCommand(specs, m_args, &prefix);
    if (!spec) {
        const bool askedForHelp =
            m_args.isEmpty() || m_args.contains(QStringLiteral("-h")) || m_args.contains(QStringLiteral("--help"));
        fputs(qPrintable(groupHelpText(specs, prefix)), askedForHelp ? stdout : stderr);
        if (!askedForHelp)
            m_output.error(QStringLiteral("'%1' is misspelled or not recognized by the system.")
                               .arg(m_args.mid(prefix.size()).value(0)));
        m_output.finish(askedForHelp ? 0 : 2);
        return;
    }
    const Result<ParsedArgs> parsed = parseOptions(*spec, m_args.mid(spec->path.size()));
    if (!parsed) {
        m_output.fail(parsed.error().detail, 2);
        return;
    }
    if (parsed->has(QStringLiteral("help"))) {
        fputs(qPrintable(helpText(*spec)), stdout);
        m_output.succeed();
        return;
    }
    if (!applyGlobalOptions(*parsed))
        return;
    for (const CliCommand& command : std::as_const(m_commands)) {
        if (command.spec.path == spec->path) {
            command.run(*parsed);
            return;
        }
    }
}

bool CliApp::applyGlobalOptions(const ParsedArgs& parsed)
{
    if (parsed.has(QStringLiteral("output"))) {
        const QString format = parsed.value(QStringLiteral("output")).toLower();
        if (!OutputFormatter::isKnownFormat(format)) {
            m_output.fail(QStringLiteral("argument --output/-o: invalid choice: '%1' (choose from 'json', 'jsonc', "
                                         "'table', 'tsv', 'none')")
                              .arg(format),
                          2);
            return false;
        }
        m_output.setFormat(format);
    }
    if (parsed.has(QStringLiteral("query"))) {
        const QString query = parsed.value(QStringLiteral("query"));
        Result<JmesPath> compiled = JmesPath::compile(query);
        if (!compiled) {
            // A query too long to be real is not echoed whole.
            const QString shown = query.size() > 200 ? query.left(200) + QStringLiteral("...") : query;
            m_output.fail(QStringLiteral("argument --query: invalid jmespath_type value: '%1' (%2)")
                              .arg(shown, compiled.error().detail),
                          2);
            return false;
        }
        m_output.setQuery(std::move(*compiled));
    }
    m_output.setOnlyShowErrors(parsed.has(QStringLiteral("only-show-errors")));
    // Like az: quiet by default (warnings reach the user as "WARNING:" lines), --verbose adds
    // progress, --debug everything. No category ever logs a secret.
    if (parsed.has(QStringLiteral("debug")))
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=true"));
    else if (parsed.has(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=false\ntenantry.*.info=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=false"));
    return true;
}

} // namespace tenantry::cli
