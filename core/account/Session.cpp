#include "account/Session.h"

#include "account/SignInService.h"
#include "account/TenantDiscovery.h"
#include "account/TokenProvider.h"
#include "account/TokenRequest.h"
#include "auth/AuthorityDiscovery.h"
#include "auth/TokenClient.h"
#include "azure/ArmClient.h"
#include "http/HttpClient.h"

#include <QNetworkAccessManager>

namespace tenantry {

Session::Session(Options options, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_clientId(m_options.clientId.isEmpty() ? kAzureCliClientId : m_options.clientId)
    , m_state(std::make_unique<AzureCliState>(m_options.configDir))
{
    m_cache = new TokenCacheService(m_options.keychain, m_options.configDir.path(), m_options.storageMode, this);
    m_cache->setClientId(m_clientId);
    m_network = m_options.network ? m_options.network : new QNetworkAccessManager(this);
    m_http = new HttpClient(m_network, this);
}

Session::~Session() = default;

const Cloud& Session::cloud() const
{
    return m_state->cloud();
}

bool Session::load(QString* error)
{
    if (!m_state->load(error))
        return false;
    if (!m_options.cloudName.isEmpty() && m_options.cloudName != m_state->cloud().name) {
        if (!m_state->useCloud(m_options.cloudName, error))
            return false;
    }
    const Cloud& cloud = m_state->cloud();
    QString why;
    if (!isAllowedAuthority(cloud.activeDirectory, &why) || !isAllowedAuthority(cloud.resourceManager, &why)) {
        *error = QStringLiteral("Cloud '%1' cannot be used: %2").arg(cloud.name, why);
        return false;
    }
    delete m_signIn;
    delete m_discovery;
    delete m_arm;
    delete m_tokens;
    delete m_tokenClient;
    delete m_authority;
    m_authority = new AuthorityDiscovery(m_http, QUrl(cloud.activeDirectory), this);
    m_tokenClient = new TokenClient(m_http, m_authority, m_clientId, m_clock, this);
    m_tokens = new TokenProvider(m_cache, m_tokenClient, m_clock, this);
    m_arm = new ArmClient(m_http, QUrl(cloud.resourceManager), this);
    m_discovery = new TenantDiscovery(m_tokens, m_arm, cloud.armScope(), this);
    m_signIn = new SignInService(m_state.get(), m_cache, m_tokenClient, m_discovery, m_clock, this);
    return true;
}

} // namespace tenantry
