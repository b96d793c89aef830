#include "ExecCommands.h"

#include "ChildSignalForwarder.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "CliTokens.h"
#include "ContextCommands.h"

#include "tools/ManagedIdentityEndpoint.h"
#include "tools/SubscriptionContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tenantry::cli {

namespace {

// What a shell exits with when it cannot run a command.
constexpr int kExitNotFound = 127;
constexpr int kExitCannotRun = 126;

struct ResolvedProgram
{
    QString path;     // empty when it cannot be run
    int exitCode = 0; // then: 127 or 126
    QString problem;
};

// CMD as a shell finds it: a path as it is, a name on PATH; told apart, as shells do, "not there"
// (127) from "there but not runnable" (126), which QProcess reports alike.
ResolvedProgram resolveProgram(const QString& program)
{
    const auto cannotRun = [&program](int code, const QString& why) {
        return ResolvedProgram{QString(), code, QStringLiteral("%1: %2").arg(program, why)};
    };
    if (program.contains(QLatin1Char('/')) || program.contains(QDir::separator())) {
        const QFileInfo file(program);
        if (!file.exists())
            return cannotRun(kExitNotFound, QStringLiteral("No such file or directory"));
        if (file.isDir())
            return cannotRun(kExitCannotRun, QStringLiteral("Is a directory"));
        if (!file.isExecutable())
            return cannotRun(kExitCannotRun, QStringLiteral("Permission denied"));
        return {program, 0, {}};
    }
    const QString found = QStandardPaths::findExecutable(program);
    if (!found.isEmpty())
        return {found, 0, {}};
    const QStringList path = qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString& dir : path) {
        const QFileInfo file(QDir(dir).filePath(program));
        if (file.exists() && !file.isDir())
            return cannotRun(kExitCannotRun, QStringLiteral("Permission denied"));
    }
    return cannotRun(kExitNotFound, QStringLiteral("command not found"));
}

Error::Code errorCode(TokenResponse::Error error)
{
    switch (error) {
    case TokenResponse::Error::NotSignedIn:
    case TokenResponse::Error::NoValidToken:
        return Error::Code::NotSignedIn;
    case TokenResponse::Error::InteractionRequired:
        return Error::Code::InteractionRequired;
    case TokenResponse::Error::RefreshTokenDead:
        return Error::Code::SignInExpired;
    case TokenResponse::Error::Network:
        return Error::Code::Network;
    case TokenResponse::Error::Storage:
        return Error::Code::Storage;
    case TokenResponse::Error::HeldByBroker:
    case TokenResponse::Error::None:
        break;
    }
    return Error::Code::ProviderRefused;
}

} // namespace

QList<CliCommand> ExecCommands::commands()
{
    CommandSpec spec{{QStringLiteral("exec")},
                     QStringLiteral("[-s SUB] -- COMMAND [ARGS...]: run COMMAND with a token endpoint for the "
                                    "Azure SDKs' managed-identity credential: tokens of SUB's sign-in."),
                     {subscriptionOption()}};
    spec.takesCommand = true;
    return {{spec, [this](const ParsedArgs& args) { exec(args); }}};
}

void ExecCommands::exec(const ParsedArgs& args)
{
    if (!args.command() || args.command()->isEmpty()) {
        m_output.fail(QStringLiteral("give the command to run after '--': tenantry-cli exec [-s SUBSCRIPTION] -- "
                                     "COMMAND [ARGUMENTS...]"),
                      2);
        return;
    }
    const QStringList command = *args.command();
    const std::optional<Subscription> sub =
        userSubscription(m_session, m_output, args.value(QStringLiteral("subscription")));
    if (!sub)
        return;
    const ResolvedProgram program = resolveProgram(command.first());
    if (program.path.isEmpty()) {
        m_output.fail(program.problem, program.exitCode);
        return;
    }

    // CMD runs in SUB's context, as in `tenantry-cli shell`: az there uses SUB, and so do Terraform and the
    // SDKs through the variables. The context lives as long as this process.
    const std::optional<SubscriptionContext> made = createOwnContext(m_session, m_output, *sub);
    if (!made)
        return;
    const SubscriptionContext context = *made;

    auto* endpoint = new ManagedIdentityEndpoint(
        [this, sub = *sub](const QString& scope, ManagedIdentityEndpoint::TokenDone done) {
            TokenRequest request;
            request.scopes = {scope};
            request.tenantId = sub.tenantId;
            request.username = sub.userName;
            fetchUserTokenAndGoOn(m_session, request, [request, done](const TokenResponse& response) {
                if (response.ok())
                    done(ManagedIdentityToken{response.accessToken, response.expiresOn});
                else
                    done(failure(errorCode(response.error), tokenFailureAdvice(response, request)));
            });
        },
        &m_output);
    QString error;
    if (!endpoint->open(&error)) {
        context.remove();
        m_output.fail(error);
        return;
    }

    QProcessEnvironment env = context.environment(QProcessEnvironment::systemEnvironment());
    // Set, these would make the SDKs pick Service Fabric or an older managed-identity protocol first.
    for (const char* name : {"IDENTITY_SERVER_THUMBPRINT", "MSI_ENDPOINT", "MSI_SECRET"})
        env.remove(QString::fromLatin1(name));
    // An HTTP proxy set for the child must not carry its requests to the endpoint (with the secret) away.
    for (const QString& name : {QStringLiteral("NO_PROXY"), QStringLiteral("no_proxy")}) {
        const QString current = env.value(name);
        env.insert(name, current.isEmpty() ? QStringLiteral("127.0.0.1") : current + QStringLiteral(",127.0.0.1"));
    }
    env.insert(QStringLiteral("IDENTITY_ENDPOINT"), endpoint->url().toString());
    env.insert(QStringLiteral("IDENTITY_HEADER"), QString::fromLatin1(endpoint->secret()));

    auto* child = new QProcess(&m_output);
    child->setProgram(program.path);
    child->setArguments(command.mid(1));
    child->setProcessEnvironment(env);
    child->setProcessChannelMode(QProcess::ForwardedChannels);
    child->setInputChannelMode(QProcess::ForwardedInputChannel);
    auto* forwarder = new QObject(child); // holds the ChildSignalForwarder while the child runs
    QObject::connect(
        child, &QProcess::errorOccurred, &m_output, [this, endpoint, child, context](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return;
            endpoint->close();
            context.remove();
            m_output.fail(QStringLiteral("%1: %2").arg(child->program(), child->errorString()), kExitCannotRun);
        });
    QObject::connect(child, &QProcess::finished, &m_output,
                     [this, endpoint, forwarder, context](int exitCode, QProcess::ExitStatus status) {
                         endpoint->close(); // the moment CMD is gone, nobody gets a token any more
                         context.remove();
                         delete forwarder;
#ifdef Q_OS_UNIX
                         // Killed by signal N: 128 + N, as a shell reports it.
                         m_output.finish(status == QProcess::CrashExit ? 128 + exitCode : exitCode);
#else
                         Q_UNUSED(status);
                         m_output.finish(exitCode);
#endif
                     });
    endpoint->serve();
    child->start();
    if (child->waitForStarted())
        new ChildSignalForwarder(child->processId(), forwarder);
}

} // namespace tenantry::cli
