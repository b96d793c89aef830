#include "auth/DeviceCodeFlow.h"

#include "util/Clock.h"
#include "util/Logging.h"

#include <algorithm>

namespace tenantry {

DeviceCodeFlow::DeviceCodeFlow(TokenClient* client, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

void DeviceCodeFlow::start(const QString& tenant, const QStringList& scopes, const QString& claims)
{
    cancel();
    m_running = true;
    m_tenant = tenant;
    m_claims = claims;
    const quint64 generation = ++m_generation;
    m_client->requestDeviceCode(tenant, scopes, [this, generation](const std::optional<DeviceCode>& code,
                                                                    const QString& error) {
        if (generation != m_generation)
            return;
        if (!code) {
            fail(error, TokenGrantResult::Kind::Network);
            return;
        }
        m_code = *code;
        qCInfo(lcAuth) << "device code issued; polling every" << m_code.intervalSecs << "s";
        emit promptReady(
            {m_code.userCode, m_code.verificationUri, m_code.verificationHost, m_code.message, m_code.expiresAt});
        scheduleNextPoll();
    });
}

void DeviceCodeFlow::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_timer.stop();
    emit cancelled();
}

void DeviceCodeFlow::poll()
{
    if (m_clock.nowSecs() >= m_code.expiresAt) {
        fail(tr("The code %1 expired before the sign-in was completed.").arg(m_code.userCode),
             TokenGrantResult::Kind::Expired);
        return;
    }
    const quint64 generation = m_generation;
    m_client->pollDeviceCode(m_tenant, m_code.deviceCode, m_claims,
                             [this, generation](const TokenGrantResult& result, const QString& realm) {
                                 if (generation != m_generation)
                                     return;
                                 switch (result.kind) {
                                 case TokenGrantResult::Kind::Ok:
                                     m_running = false;
                                     emit succeeded(result, realm);
                                     return;
                                 case TokenGrantResult::Kind::AuthorizationPending:
                                     scheduleNextPoll();
                                     return;
                                 case TokenGrantResult::Kind::SlowDown:
                                     m_code.intervalSecs += DeviceCode::kSlowDownSecs;
                                     scheduleNextPoll();
                                     return;
                                 case TokenGrantResult::Kind::Declined:
                                     fail(tr("The sign-in was declined."), result.kind);
                                     return;
                                 case TokenGrantResult::Kind::Expired:
                                     fail(tr("The code %1 expired before the sign-in was completed.")
                                              .arg(m_code.userCode),
                                          result.kind);
                                     return;
                                 default:
                                     fail(result.message(), result.kind);
                                     return;
                                 }
                             });
}

void DeviceCodeFlow::scheduleNextPoll()
{
    m_code.intervalSecs = std::clamp(m_code.intervalSecs, DeviceCode::kMinIntervalSecs, DeviceCode::kMaxIntervalSecs);
    m_timer.start(m_code.intervalSecs * m_secondLength);
}

void DeviceCodeFlow::fail(const QString& message, TokenGrantResult::Kind kind)
{
    m_running = false;
    m_timer.stop();
    emit failed(message, kind);
}

} // namespace tenantry
