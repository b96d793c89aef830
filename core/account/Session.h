#pragma once

#include "account/AzureCliState.h"
#include "account/TenantChoice.h"
#include "store/TokenCacheService.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace tenantry {

class ArmClient;
class AuthorityDiscovery;
class Clock;
class HttpClient;
class SecretStore;
class SignInService;
class TenantDiscovery;
class TokenClient;
class TokenProvider;

// The core objects of one Azure config dir, wired together once: az's files, the token cache,
// the identity platform and ARM clients for the active cloud, tokens, discovery and sign-in.
// tenantry-cli and the app each build one in their main(); nothing reaches it from deep inside.
class Session : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        AzureConfigDir configDir = AzureConfigDir::fromEnvironment();
        StorageMode storageMode = StorageMode::KeychainAndFile;
        QString clientId;                         // empty: Azure CLI's, so tokens are shared with az
        QString cloudName;                        // empty: az's active cloud
        SecretStore* keychain = nullptr;          // null: no keychain (file only)
        QNetworkAccessManager* network = nullptr; // null: the session makes its own
        AppSettings* settings = nullptr;          // Tenantry's settings (the tenant choice); null: all tenants active
    };

    Session(Options options, const Clock& clock, QObject* parent = nullptr);
    ~Session() override;

    // Reads az's config (cloud, clouds.config, azureProfile.json) and checks the active cloud's
    // endpoints. Missing files are fine; unreadable ones are an error naming them. The network
    // clients for the cloud are built on first use (a command answered from az's files or the token
    // cache never constructs a network stack); a reload that changes them rebuilds them at once.
    bool load(QString* error);

    const Cloud& cloud() const;
    const QString& clientId() const { return m_clientId; }
    const Clock& clock() const { return m_clock; }
    AzureCliState& state() { return *m_state; }
    TokenCacheService& cache() { return *m_cache; }
    HttpClient& http();
    TokenClient& tokenClient() { return *clients().tokenClient; }
    TokenProvider& tokens() { return *clients().tokens; }
    ArmClient& arm() { return *clients().arm; }
    TenantDiscovery& discovery() { return *clients().discovery; }
    SignInService& signIn() { return *clients().signIn; }
    TenantChoice& tenantChoice() { return m_tenantChoice; }

private:
    // What talks to the identity platform and ARM of the loaded cloud.
    struct Clients
    {
        AuthorityDiscovery* authority = nullptr;
        TokenClient* tokenClient = nullptr;
        TokenProvider* tokens = nullptr;
        ArmClient* arm = nullptr;
        TenantDiscovery* discovery = nullptr;
        SignInService* signIn = nullptr;
    };
    Clients& clients(); // built on first use
    void buildClients();

    Options m_options;
    const Clock& m_clock;
    QString m_clientId;
    std::unique_ptr<AzureCliState> m_state;
    TenantChoice m_tenantChoice;
    TokenCacheService* m_cache = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    HttpClient* m_http = nullptr;
    Clients m_clients;
};

} // namespace tenantry
