#include "LoginCommands.h"

#include "AccountReport.h"
#include "CliAdvice.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "InterruptWatcher.h"

#include "account/InteractiveSignIn.h"
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
    SignInRequest request;
    request.tenant = args.value(QStringLiteral("tenant"));
    request.allowNoSubscriptions = args.has(QStringLiteral("allow-no-subscriptions"));
    request.scopes = args.values(QStringLiteral("scope"));
    request.browserTimeoutSecs = browserLoginTimeoutSecs(); // the sign-in fails with a clear error, listener closed
    m_browserLauncher = std::make_unique<SystemBrowserLauncher>();
    const bool useDeviceCode = args.has(QStringLiteral("use-device-code")) || !m_browserLauncher->canOpen();

    m_session.loadCache([this, request, useDeviceCode] {
        auto* signIn = new InteractiveSignIn(m_session.operator->(), this);
        connect(signIn, &InteractiveSignIn::tokensReceived, this, &LoginCommands::endLoginWait);
        connect(signIn, &InteractiveSignIn::completed, this, &LoginCommands::completeLogin);
        if (useDeviceCode) {
            connect(signIn, &InteractiveSignIn::deviceCodeReady, this, [](const DeviceCodePrompt& prompt) {
                printError(prompt.message); // az's line, which scripts read; then the warning
                printError(QStringLiteral("WARNING: ") + deviceCodeWarning(prompt.verificationHost));
            });
            connect(signIn, &InteractiveSignIn::failed, this, [this](const Error& error) {
                endLoginWait();
                m_output.fail(error.detail);
            });
            watchLoginWait([signIn] { signIn->cancel(); },
                           QStringLiteral("Run 'tenantry-cli login --use-device-code' to sign in again."));
            signIn->startWithDeviceCode(request);
            return;
        }
        auto* browser = new LoopbackRedirectListener(m_browserLauncher.get(), this);
        const QString deviceCodeHint = QStringLiteral("If no web browser is available or it fails to open, use "
                                                      "'tenantry-cli login --use-device-code'.");
        connect(signIn, &InteractiveSignIn::failed, this, [this, deviceCodeHint](const Error& error) {
            // Still waiting for the browser: the hint fits. Once the tokens are in, the browser is not to blame.
            const bool browserFailed = m_interrupts != nullptr;
            endLoginWait();
            m_output.fail(browserFailed ? error.detail + QLatin1Char('\n') + deviceCodeHint : error.detail);
        });
        watchLoginWait([signIn] { signIn->cancel(); }, deviceCodeHint);
        signIn->startWithBrowser(request, browser);
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

void LoginCommands::completeLogin(const SignInResult& signIn)
{
    const bool partial = reportUnreachedTenants(signIn, m_output);
    if (!signIn.ok()) {
        m_output.fail(signInFailureMessage(signIn));
        return;
    }
    reportProfileChange(signIn.profileChange, m_output);
    m_output.printResult(subscriptionsOutput(m_session->state().profile(), signIn.subscriptions, true, m_output));
    // 3: signed in, but some tenants still need an interactive sign-in (said on stderr above).
    m_output.finish(partial ? 3 : 0);
}

void LoginCommands::logout(const ParsedArgs& args)
{
    if (!m_session.open())
        return;
    QString username = args.value(QStringLiteral("username"));
    if (username.isEmpty()) {
        const auto active = m_session->state().subscription(QString());
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
