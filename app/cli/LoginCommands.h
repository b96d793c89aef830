#pragma once

#include "CliCommand.h"

#include "account/SignInService.h"
#include "auth/AuthorizationBrowser.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace tenantry::cli {

class InterruptWatcher;

// login (system browser or device code) and logout: an account's tokens, shared with az, and its
// subscriptions in azureProfile.json.
class LoginCommands : public QObject, public CommandGroup
{
    Q_OBJECT

public:
    LoginCommands(CliSession& session, CliOutput& output, QObject* parent = nullptr);
    ~LoginCommands() override;

    QList<CliCommand> commands() override;

private:
    void login(const ParsedArgs& args);
    void logout(const ParsedArgs& args);
    void completeLogin(const SignInResult& signIn); // prints what a finished sign-in found
    // While a sign-in waits for the user, Ctrl+C / SIGTERM end it: `cancel` stops the flow, closing
    // its loopback listener, before anything is written; `whatToDo` ends the message. endLoginWait()
    // once the flow has answered. (The browser wait's timeout is the flow's own.)
    void watchLoginWait(const std::function<void()>& cancel, const QString& whatToDo);
    void endLoginWait();

    QPointer<InterruptWatcher> m_interrupts;            // only while a sign-in waits for the user
    std::unique_ptr<BrowserLauncher> m_browserLauncher; // the system browser of `login`; the listener uses it
};

} // namespace tenantry::cli
