#pragma once

#include "account/AzureCliState.h"
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
        QString clientId;                          // empty: Azure CLI's, so tokens are shared with az
        QString cloudName;                         // empty: az's active cloud
        SecretStore* keychain = nullptr;           // null: no keychain (file only)
        QNetworkAccessManager* network = nullptr;  // null: the session makes its own
    };

    Session(Options options, const Clock& clock, QObject* parent = nullptr);
    ~Session() override;

    // Reads az's config (cloud, clouds.config, azureProfile.json) and builds the network clients
    // for the active cloud. Missing files are fine; unreadable ones are an error naming them.
    bool load(QString* error);

    const Cloud& cloud() const;
    const QString& clientId() const { return m_clientId; }
    const Clock& clock() const { return m_clock; }
    AzureCliState& state() { return *m_state; }
    TokenCacheService& cache() { return *m_cache; }
    HttpClient& http() { return *m_http; }
    TokenClient& tokenClient() { return *m_tokenClient; }
    TokenProvider& tokens() { return *m_tokens; }
    ArmClient& arm() { return *m_arm; }
    TenantDiscovery& discovery() { return *m_discovery; }
    SignInService& signIn() { return *m_signIn; }

private:
    Options m_options;
    const Clock& m_clock;
    QString m_clientId;
    std::unique_ptr<AzureCliState> m_state;
    TokenCacheService* m_cache = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    HttpClient* m_http = nullptr;
    AuthorityDiscovery* m_authority = nullptr;
    TokenClient* m_tokenClient = nullptr;
    TokenProvider* m_tokens = nullptr;
    ArmClient* m_arm = nullptr;
    TenantDiscovery* m_discovery = nullptr;
    SignInService* m_signIn = nullptr;
};

} // namespace tenantry
