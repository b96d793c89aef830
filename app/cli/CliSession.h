#pragma once

#include "account/Session.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace tenantry::cli {

class CliOutput;

// The core Session as tenantry-cli opens it for one command: built on first use (with the storage
// mode from the settings and TENANTRY_CLIENT_ID), az's files loaded, the token cache loaded when a
// command needs tokens. A failure to open is the command's error: it is reported through the
// output, which then finishes.
class CliSession : public QObject
{
    Q_OBJECT

public:
    explicit CliSession(CliOutput& output, QObject* parent = nullptr);
    ~CliSession() override;

    bool open();                                // az's files and the clients; false once the error is reported
    void loadCache(std::function<void()> then); // the token cache; then() only once it is loaded

    // The opened session (open() returned true).
    Session* operator->() { return m_session.get(); }
    const Clock& clock() const { return m_clock; }

    // Whether the identity platform refused the refresh token of this account during this run.
    bool refreshTokenRefused(const QString& homeAccountId) const { return m_deadAccounts.contains(homeAccountId); }

private:
    CliOutput& m_output;
    SystemClock m_clock;
    AppSettings m_settings;             // the storage mode and the tenant choice
    std::unique_ptr<Session> m_session; // destroyed before the clock it reads
    bool m_loaded = false;
    bool m_watchingRefreshes = false; // refreshTokenDead connected (on the first loadCache)
    QSet<QString> m_deadAccounts;     // home account ids whose refresh token the identity platform refused
};

} // namespace tenantry::cli
