#pragma once

#include "auth/TokenClient.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace tenantry {

class Clock;

// What the user needs to see to finish a device code sign-in elsewhere (no secret in it).
struct DeviceCodePrompt
{
    QString userCode;
    QUrl verificationUri;
    QString verificationHost; // the host the code belongs to: front ends show it next to the code
    QString message;
    qint64 expiresAt = 0;
};

// The device authorization grant (RFC 8628) as MSAL runs it: poll every `interval` seconds,
// 5 s slower on slow_down, stop on any other error, on expiry or on cancel(). The interval is bounded
// (DeviceCode::kMinIntervalSecs..kMaxIntervalSecs), so a hostile answer can neither make it hammer the
// token endpoint nor wait forever.
class DeviceCodeFlow : public QObject
{
    Q_OBJECT

public:
    DeviceCodeFlow(TokenClient* client, const Clock& clock, QObject* parent = nullptr);

    void start(const QString& tenant, const QStringList& scopes, const QString& claims = {});
    void cancel();
    bool isRunning() const { return m_running; }
    // How long one second of the server's polling interval lasts: a second, which tests shorten
    // instead of waiting.
    void setSecondLength(std::chrono::milliseconds length) { m_secondLength = length; }

signals:
    void promptReady(const tenantry::DeviceCodePrompt& prompt);
    // Exactly one of these ends a started flow.
    void succeeded(const tenantry::TokenGrantResult& result, const QString& realm);
    void failed(const QString& message, tenantry::TokenGrantResult::Kind kind);
    void cancelled();

private:
    void poll();
    void scheduleNextPoll();
    void fail(const QString& message, TokenGrantResult::Kind kind);

    TokenClient* m_client;
    const Clock& m_clock;
    QTimer m_timer;
    std::chrono::milliseconds m_secondLength{std::chrono::seconds(1)};
    QString m_tenant;
    QString m_claims;
    DeviceCode m_code;
    bool m_running = false;
    quint64 m_generation = 0; // answers to a cancelled run are dropped
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::DeviceCodePrompt)
