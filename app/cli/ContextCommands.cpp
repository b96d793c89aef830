#include "ContextCommands.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "CliTokens.h"

#include "tools/ContextAz.h"
#include "tools/ShellSnippet.h"
#include "tools/SubscriptionContext.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>

#include <cstdio>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace tenantry::cli {

namespace {

OptionSpec shellOption()
{
    return {{QStringLiteral("--shell")},
            QStringLiteral("shell"),
            false,
            false,
            QStringLiteral("The shell to print for: bash, zsh or fish (default: $SHELL's, else bash).")};
}

QStringList currentPath()
{
    return qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
}

#ifdef Q_OS_UNIX
qint64 parentPid()
{
    return ::getppid();
}
#else
qint64 parentPid()
{
    return 0;
}
#endif

// The context this process's environment names (a previous `env` in the same shell), when `owner` owns it.
std::optional<SubscriptionContext> previousContextOf(const ProcessIdentity& owner)
{
    const QString previous = qEnvironmentVariable("TENANTRY_CONTEXT");
    if (previous.isEmpty())
        return std::nullopt;
    std::optional<SubscriptionContext> context = SubscriptionContext::open(previous);
    if (!context || !(context->owner() == owner))
        return std::nullopt;
    return context;
}

} // namespace

QList<CliCommand> ContextCommands::commands()
{
    return {
        {{{QStringLiteral("env")},
          QStringLiteral("Print shell lines that give this shell its own subscription: eval \"$(tenantry-cli env -s "
                         "SUB)\" (bash, zsh) or tenantry-cli env -s SUB --shell fish | source. az in that shell "
                         "uses SUB; other shells keep the default. Also sets AZURE_SUBSCRIPTION_ID, "
                         "AZURE_TENANT_ID, ARM_SUBSCRIPTION_ID and ARM_TENANT_ID."),
          {subscriptionOption(),
           shellOption(),
           {{QStringLiteral("--unset")},
            QStringLiteral("unset"),
            true,
            false,
            QStringLiteral("Print the lines that leave the subscription context again.")}}},
         [this](const ParsedArgs& args) { env(args); }},
        {{{QStringLiteral("shell")},
          QStringLiteral("Start $SHELL with its own subscription (as 'env'); the context ends with it."),
          {subscriptionOption()}},
         [this](const ParsedArgs& args) { shell(args); }},
    };
}

namespace {

std::optional<SubscriptionContext> createContextFor(CliSession& session, CliOutput& output, const Subscription& sub,
                                                    const ProcessIdentity& owner)
{
    Result<SubscriptionContext> context =
        SubscriptionContext::create(session->state().configDir(), sub, owner, QCoreApplication::applicationFilePath());
    if (!context) {
        output.fail(context.error().message());
        return std::nullopt;
    }
    return *context;
}

} // namespace

std::optional<SubscriptionContext> createOwnContext(CliSession& session, CliOutput& output, const Subscription& sub)
{
    SubscriptionContext::removeAbandoned();
    const std::optional<ProcessIdentity> self = ProcessIdentity::of(QCoreApplication::applicationPid());
    if (!self) {
        output.fail(QStringLiteral("This process cannot be identified in /proc."));
        return std::nullopt;
    }
    return createContextFor(session, output, sub, *self);
}

std::optional<Subscription> ContextCommands::requiredSubscription(const ParsedArgs& args)
{
    const QString wanted = args.value(QStringLiteral("subscription"));
    if (wanted.isEmpty()) {
        m_output.fail(QStringLiteral("the following arguments are required: --subscription/-s/--name/-n"), 2);
        return std::nullopt;
    }
    return chosenSubscription(m_session, m_output, wanted);
}

void ContextCommands::env(const ParsedArgs& args)
{
    ShellSnippet::Shell shell = ShellSnippet::fromEnvironment();
    if (args.has(QStringLiteral("shell"))) {
        const QString name = args.value(QStringLiteral("shell"));
        const auto parsed = ShellSnippet::parse(name);
        if (!parsed || name.contains(QLatin1Char('/'))) {
            m_output.fail(
                QStringLiteral("argument --shell: invalid choice: '%1' (choose from 'bash', 'zsh', 'fish')").arg(name),
                2);
            return;
        }
        shell = *parsed;
    }
    SubscriptionContext::removeAbandoned();
    // bash and zsh run the one command of "$(…)" in the forked subshell itself, fish runs `… | source`'s
    // command as its own child: either way the parent is the shell that evaluates the lines.
    const std::optional<ProcessIdentity> owner = ProcessIdentity::of(parentPid());
    if (!owner) {
        m_output.fail(QStringLiteral("The shell that runs tenantry-cli cannot be identified."));
        return;
    }
    const std::optional<SubscriptionContext> previous = previousContextOf(*owner);
    if (args.has(QStringLiteral("unset"))) {
        if (previous)
            previous->remove();
        fputs(qPrintable(ShellSnippet::unset(shell, SubscriptionContext::variableNames(),
                                             SubscriptionContext::pathWithoutContexts(currentPath()))),
              stdout);
        m_output.succeed();
        return;
    }
    const std::optional<Subscription> sub = requiredSubscription(args);
    if (!sub)
        return;
    const std::optional<SubscriptionContext> context = createContextFor(m_session, m_output, *sub, *owner);
    if (!context)
        return;
    if (previous)
        previous->remove();
    // Ids and paths only: a subscription's name is chosen by its tenant's admins and never reaches the shell.
    fputs(qPrintable(ShellSnippet::set(shell, context->variables(), context->pathWith(currentPath()))), stdout);
    m_output.succeed();
}

void ContextCommands::shell(const ParsedArgs& args)
{
#ifdef Q_OS_UNIX
    const std::optional<Subscription> sub = requiredSubscription(args);
    if (!sub)
        return;
    const std::optional<SubscriptionContext> context = createOwnContext(m_session, m_output, *sub);
    if (!context)
        return;
    const QProcessEnvironment environment = context->environment(QProcessEnvironment::systemEnvironment());
    QString program = qEnvironmentVariable("SHELL");
    if (program.isEmpty())
        program = QStringLiteral("/bin/sh");

    std::vector<QByteArray> storage;
    for (const QString& entry : environment.toStringList())
        storage.push_back(QFile::encodeName(entry));
    std::vector<char*> envp;
    for (QByteArray& entry : storage)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    QByteArray programBytes = QFile::encodeName(program);
    char* argv[] = {programBytes.data(), nullptr};

    // The terminal's signals are the shell's to handle; this process waits for it and then cleans up, also
    // when the terminal is closed (SIGHUP).
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldInt = {}, oldQuit = {}, oldHup = {};
    sigaction(SIGINT, &ignore, &oldInt);
    sigaction(SIGQUIT, &ignore, &oldQuit);
    sigaction(SIGHUP, &ignore, &oldHup);
    fflush(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        sigaction(SIGINT, &oldInt, nullptr);
        sigaction(SIGQUIT, &oldQuit, nullptr);
        sigaction(SIGHUP, &oldHup, nullptr);
        ::execve(argv[0], argv, envp.data());
        fprintf(stderr, "ERROR: Cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    int exitCode = 1;
    if (child < 0) {
        m_output.error(QStringLiteral("Cannot start %1: %2").arg(program, QString::fromLocal8Bit(strerror(errno))));
    } else {
        pid_t waited = -1;
        do {
            waited = ::waitpid(child, &status, 0);
        } while (waited < 0 && errno == EINTR);
        if (waited == child)
            exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGQUIT, &oldQuit, nullptr);
    sigaction(SIGHUP, &oldHup, nullptr);
    context->remove();
    m_output.finish(exitCode);
#else
    Q_UNUSED(args);
    m_output.fail(QStringLiteral("tenantry-cli shell needs Linux's user namespaces."));
#endif
}

int ContextCommands::runAzInContext(int argc, char** argv)
{
    // argv: tenantry-cli context-az DIR [ARGS…]
    if (argc < 3) {
        fputs("ERROR: usage: tenantry-cli context-az DIR [AZ ARGUMENTS]\n", stderr);
        return 2;
    }
    const QString error = ContextAz::exec(QFile::decodeName(argv[2]), argv + 2);
    fprintf(stderr, "ERROR: %s\n", qPrintable(error));
    return 1;
}

} // namespace tenantry::cli
