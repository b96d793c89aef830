#pragma once

#include "CommandLine.h"
#include "OutputFormatter.h"

#include "account/Session.h"
#include "account/SignInService.h"
#include "util/Clock.h"
#include "JmesPath.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace tenantry::cli {

class InterruptWatcher;

// tenantry-cli: az's vocabulary and JSON shapes on Tenantry's core. Results go to stdout, errors
// and warnings to stderr ("ERROR: ..."/"WARNING: ..."), exit code 0 ok, 1 error, 2 usage.
class CliApp : public QObject
{
    Q_OBJECT

public:
    explicit CliApp(QStringList args, QObject* parent = nullptr);
    ~CliApp() override;

    void start(); // asynchronous: emits finished() once

signals:
    void finished(int exitCode);

private:
    using Handler = void (CliApp::*)(const ParsedArgs&);
    struct Command
    {
        CommandSpec spec;
        Handler handler;
    };

    QList<CommandSpec> specs() const;
    void accountList(const ParsedArgs& args);
    void accountShow(const ParsedArgs& args);
    void accountSet(const ParsedArgs& args);
    void accountClear(const ParsedArgs& args);
    void accountGetAccessToken(const ParsedArgs& args);
    void cacheList(const ParsedArgs& args);
    void login(const ParsedArgs& args);
    void logout(const ParsedArgs& args);
    void accountTenantList(const ParsedArgs& args);

    bool loadSession();                         // az's files and the clients; prints the error and finishes on failure
    void loadCache(std::function<void()> then); // the token cache; finishes with the error on failure
    void completeLogin(const TokenGrantResult& result, const QString& realm, const QStringList& scopes,
                       const SignInOptions& options);
    // While a sign-in waits for the user, Ctrl+C / SIGTERM end it: `cancel` stops the flow, closing
    // its loopback listener, before anything is written; `whatToDo` ends the message. endLoginWait()
    // once the flow has answered. (The browser wait's timeout is the flow's own.)
    void watchLoginWait(const std::function<void()>& cancel, const QString& whatToDo);
    void endLoginWait();
    void refreshAccounts(QStringList usernames, std::function<void()> then);
    // What a sign-in or refresh changed in azureProfile.json besides its entries' details, on stderr.
    void reportProfileChange(const ProfileChange& change);
    bool reportUnreachedTenants(const SignInResult& result); // warns per tenant; true if any
    Json subscriptionsOutput(const QList<Subscription>& subscriptions, bool all) const;
    void printResult(const Json& result, const OutputFormatter::TableTransform& table = {});
    void warn(const QString& message);
    void fail(const QString& message, int exitCode = 1);
    void succeed();
    void finish(int exitCode);

    QStringList m_args;
    QList<Command> m_commands;
    QString m_output = QStringLiteral("json");
    JmesPath m_query; // --query, applied to every result before it is formatted
    bool m_onlyShowErrors = false;
    bool m_finished = false;
    SystemClock m_clock;
    Session* m_session = nullptr;
    bool m_sessionLoaded = false;
    int m_partialExitCode = 0;    // 3 when a sign-in left tenants needing an interactive sign-in, 1 on a failed refresh
    QSet<QString> m_deadAccounts; // home account ids whose refresh token the identity platform refused
    QPointer<InterruptWatcher> m_interrupts; // only while a sign-in waits for the user
};

} // namespace tenantry::cli
