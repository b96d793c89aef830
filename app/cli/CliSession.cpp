#include "CliSession.h"

#include "CliOutput.h"

#include "account/TokenProvider.h"
#include "store/KeychainStore.h"

namespace tenantry::cli {

CliSession::CliSession(CliOutput& output, QObject* parent)
    : QObject(parent)
    , m_output(output)
{}

CliSession::~CliSession() = default;

bool CliSession::open()
{
    if (m_loaded)
        return true;
    if (!m_session) {
        Session::Options options;
        QString storageWarning;
        options.storageMode = configuredStorageMode(m_settings, &storageWarning);
        options.settings = &m_settings;
        if (!storageWarning.isEmpty())
            m_output.warn(storageWarning);
        options.keychain = new KeychainStore(this);
        options.clientId = qEnvironmentVariable("TENANTRY_CLIENT_ID");
        m_session = std::make_unique<Session>(options, m_clock);
        connect(&m_session->cache(), &TokenCacheService::warning, &m_output, &CliOutput::warn);
    }
    QString error;
    if (!m_session->load(&error)) {
        m_output.fail(error);
        return false;
    }
    m_loaded = true;
    return true;
}

void CliSession::loadCache(std::function<void()> then)
{
    // Only commands that load the token cache use tokens: the others never build the network clients.
    if (!m_watchingRefreshes) {
        connect(&m_session->tokens(), &TokenProvider::refreshTokenDead, this,
                [this](const QString& homeAccountId, const QString&) { m_deadAccounts.insert(homeAccountId); });
        m_watchingRefreshes = true;
    }
    m_session->cache().load([this, then = std::move(then)](const CacheOutcome& outcome) {
        if (!outcome.ok) {
            m_output.fail(outcome.error);
            return;
        }
        then();
    });
}

} // namespace tenantry::cli
