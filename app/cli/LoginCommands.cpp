#include "LoginCommands.h"

#include "AccountReport.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "InterruptWatcher.h"

#include "auth/AuthCodeFlow.h"
#include "auth/DeviceCodeFlow.h"
#include "auth/LoopbackRedirectListener.h"

#include <algorithm>
#include <cstdio>

namespace tenantry::cli {

namespace {

// How long `login` waits for the system browser to come back: TENANTRY_LOGIN_TIMEOUT seconds (az has
// no option for it), 5 minutes by default, a day at most.
int browserLoginTimeoutSecs()
{
    bool ok = false;
    const int secs = qEnvironmentVariableIntValue("TENANTRY_LOGIN_TIMEOUT", &ok);
    return ok && secs > 0 ? std::min(secs, 24 * 60 * 60) : 5 * 60;
}

// Device codes are phished: an attacker starts a sign-in and talks the user into entering its code.
QString deviceCodeWarning(const QString& verificationHost)
{
    const QString belongsTo =
        verificationHost.isEmpty() ? QString() : QStringLiteral("; it belongs to %1").arg(verificationHost);
    return QStringLiteral("Only enter this code if you started this sign-in from tenantry-cli just now%1. Whoever "
                          "started it gets access to your account once you enter it.")
        .arg(belongsTo);
}

} // namespace

LoginCommands::LoginCommands(CliSession& session, CliOutput& output, QObject* parent)
    : QObject(parent)
    , CommandGroup(session, output)
    , m_clock(session.clock())
{}

LoginCommands::~LoginCommands() = default;

QList<CliCommand> LoginCommands::commands()
{
    return {
        {{{QStringLiteral("login")},
          QStringLiteral("Log in to Azure (browser or device code); tokens are shared with az."),
          {{{QStringLiteral("--tenant"), QStringLiteral("-t")},
            QStringLiteral("tenant"),
            false,
            false,
            QStringLiteral("The Azure AD tenant (id or domain) to sign in to, e.g. one that needs MFA.")},
           {{QStringLiteral("--use-device-code")},
            QStringLiteral("use-device-code"),
            true,
            false,
            QStringLiteral("Use the device code flow (sign in on another device).")},
           {{QStringLiteral("--allow-no-subscriptions")},
            QStringLiteral("allow-no-subscriptions"),
            true,
            false,
            QStringLiteral("Also list tenants without subscriptions, as tenant-level accounts.")},
           {{QStringLiteral("--scope")},
            QStringLiteral("scope"),
            false,
            true,
            QStringLiteral("Scopes to consent to at sign-in. Default: Azure Resource Manager.")}}},
         [this](const ParsedArgs& args) { login(args); }},
        {{{QStringLiteral("logout")},
          QStringLiteral("Sign out an account: its tokens and subscriptions (of nobody else)."),
          {{{QStringLiteral("--username")},
            QStringLiteral("username"),
            false,
            false,
            QStringLiteral("Account user. Default: the user of the active subscription.")}}},
         [this](const ParsedArgs& args) { logout(args); }},
    };
}

void LoginCommands::login(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    SignInOptions options;
    options.tenant = args.value(QStringLiteral("tenant"));
    options.allowNoSubscriptions = args.has(QStringLiteral("allow-no-subscriptions"));
    QStringList scopes = args.values(QStringLiteral("scope"));
    if (scopes.isEmpty())
        scopes = {m_session->cloud().armScope()};
    const QString tenant = options.tenant.isEmpty() ? QStringLiteral("organizations") : options.tenant;
    auto* launcher = new SystemBrowserLauncher;
    const bool useDeviceCode = args.has(QStringLiteral("use-device-code")) || !launcher->canOpen();

    m_session.loadCache([this, options, scopes, tenant, useDeviceCode, launcher] {
        if (useDeviceCode) {
            delete launcher;
            auto* flow = new DeviceCodeFlow(&m_session->tokenClient(), m_clock, this);
            connect(flow, &DeviceCodeFlow::promptReady, this, [](const DeviceCodePrompt& prompt) {
                printError(prompt.message); // az's line, which scripts read; then the warning
                printError(QStringLiteral("WARNING: ") + deviceCodeWarning(prompt.verificationHost));
            });
            connect(flow, &DeviceCodeFlow::succeeded, this,
                    [this, scopes, options](const TokenGrantResult& result, const QString& realm) {
                        endLoginWait();
                        completeLogin(result, realm, scopes, options);
                    });
            connect(flow, &DeviceCodeFlow::failed, this, [this](const QString& message, TokenGrantResult::Kind) {
                endLoginWait();
                m_output.fail(message);
            });
            watchLoginWait([flow] { flow->cancel(); },
                           QStringLiteral("Run 'tenantry-cli login --use-device-code' to sign in again."));
            flow->start(tenant, scopes);
            return;
        }
        auto* browser = new LoopbackRedirectListener(launcher, this);
        auto* flow = new AuthCodeFlow(&m_session->tokenClient(), browser, this);
        connect(flow, &AuthCodeFlow::succeeded, this,
                [this, scopes, options, launcher](const TokenGrantResult& result, const QString& realm) {
                    delete launcher;
                    endLoginWait();
                    completeLogin(result, realm, scopes, options);
                });
        const QString deviceCodeHint = QStringLiteral("If no web browser is available or it fails to open, use "
                                                      "'tenantry-cli login --use-device-code'.");
        connect(flow, &AuthCodeFlow::failed, this,
                [this, deviceCodeHint](const QString& message, TokenGrantResult::Kind) {
                    endLoginWait();
                    m_output.fail(message + QLatin1Char('\n') + deviceCodeHint);
                });
        watchLoginWait([flow] { flow->cancel(); }, deviceCodeHint);
        AuthCodeRequest request;
        request.tenant = tenant;
        request.scopes = scopes;
        request.timeoutSecs = browserLoginTimeoutSecs(); // the flow fails with a clear error, listener closed
        flow->start(request);
        fprintf(stderr, "A web browser has been opened to sign in. Please continue the login in the web browser. "
                        "If no web browser is available or if the web browser fails to open, use device code flow "
                        "with `tenantry-cli login --use-device-code`.\n");
    });
}

void LoginCommands::watchLoginWait(const std::function<void()>& cancel, const QString& whatToDo)
{
    const auto stop = [this, cancel, whatToDo](const QString& why) {
        endLoginWait();
        cancel();
        m_output.fail(why + QStringLiteral(" Nothing was saved.\n") + whatToDo);
    };
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, [stop] { stop(QStringLiteral("Login interrupted.")); });
}

void LoginCommands::endLoginWait()
{
    if (m_interrupts)
        m_interrupts->deleteLater(); // it may be the one emitting now
    m_interrupts = nullptr;
}

void LoginCommands::completeLogin(const TokenGrantResult& result, const QString& realm, const QStringList& scopes,
                                  const SignInOptions& options)
{
    m_session->signIn().completeSignIn(result, realm, scopes, options, [this](const SignInResult& signIn) {
        const bool partial = reportUnreachedTenants(signIn, m_output);
        if (!signIn.ok()) {
            m_output.fail(signIn.error);
            return;
        }
        reportProfileChange(signIn.profileChange, m_output);
        m_output.printResult(subscriptionsOutput(m_session->state().profile(), signIn.subscriptions, true, m_output));
        // 3: signed in, but some tenants still need an interactive sign-in (said on stderr above).
        m_output.finish(partial ? 3 : 0);
    });
}

void LoginCommands::logout(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    QString username = args.value(QStringLiteral("username"));
    if (username.isEmpty()) {
        QString error;
        const auto active = m_session->state().subscription(QString(), &error);
        if (!active) {
            m_output.fail(QStringLiteral("There are no active accounts."));
            return;
        }
        username = active->userName;
    }
    m_session.loadCache([this, username] {
        m_session->signIn().signOutAccount(username, [this](const QString& error) {
            if (!error.isEmpty()) {
                m_output.fail(error);
                return;
            }
            m_output.succeed();
        });
    });
}

} // namespace tenantry::cli
