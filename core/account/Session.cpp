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
    , m_tenantChoice(m_options.settings)
{
    m_cache = new TokenCacheService(m_options.keychain, m_options.configDir.path(), m_options.storageMode, this);
    m_cache->setClientId(m_clientId);
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
    if (m_clients.tokens)
        buildClients(); // a reload: the clients follow the cloud now
    return true;
}

HttpClient& Session::http()
{
    // Constructing the network stack costs more than answering from the cache (Qt's TLS backend, a
    // CA bundle named by REQUESTS_CA_BUNDLE parsed): only a request pays for it.
    if (!m_http) {
        m_network = m_options.network ? m_options.network : new QNetworkAccessManager(this);
        m_http = new HttpClient(m_network, this);
    }
    return *m_http;
}

Session::Clients& Session::clients()
{
    if (!m_clients.tokens)
        buildClients();
    return m_clients;
}

void Session::buildClients()
{
    delete m_clients.signIn;
    delete m_clients.discovery;
    delete m_clients.arm;
    delete m_clients.tokens;
    delete m_clients.tokenClient;
    delete m_clients.authority;
    const Cloud& cloud = m_state->cloud();
    HttpClient* http = &this->http();
    Clients& c = m_clients;
    c.authority = new AuthorityDiscovery(http, QUrl(cloud.activeDirectory), this);
    c.tokenClient = new TokenClient(http, c.authority, m_clientId, m_clock, this);
    c.tokens = new TokenProvider(m_cache, c.tokenClient, m_clock, this);
    c.arm = new ArmClient(http, QUrl(cloud.resourceManager), this);
    c.discovery = new TenantDiscovery(c.tokens, c.arm, cloud.armScope(), this);
    c.discovery->setTenantChoice(&m_tenantChoice);
    c.signIn = new SignInService(m_state.get(), m_cache, c.tokenClient, c.discovery, m_clock, this);
    c.signIn->setTenantChoice(&m_tenantChoice);
}

} // namespace tenantry
