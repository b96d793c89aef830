#include "accounts/AccountsController.h"

#include "UiLogging.h"
#include "account/Session.h"
#include "account/TokenProvider.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

namespace tenantry {

namespace {

// az writes a file as temp + rename and takes a lock file next to it: one change is several
// events. Waiting a little reads the result once.
constexpr int kReloadDebounceMs = 600;

TenantState stateOf(TenantStatus::State state)
{
    switch (state) {
    case TenantStatus::State::SignedIn:
        return TenantState::SignedIn;
    case TenantStatus::State::NeedsSignIn:
        return TenantState::NeedsSignIn;
    case TenantStatus::State::Error:
        break;
    }
    return TenantState::Error;
}

} // namespace

AccountsController::AccountsController(Session* session, AccountDirectory* directory, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_directory(directory)
{
    const Cloud& cloud = m_session->cloud();
    m_directory->setCloud(cloud.name, cloud.authorityHost(), cloud.armScope());

    connect(&m_session->cache(), &TokenCacheService::cacheChanged, this, [this] {
        if (m_loaded)
            rebuild();
    });
    connect(&m_session->cache(), &TokenCacheService::warning, this, &AccountsController::statusMessage);
    connect(&m_session->signIn(), &SignInService::profileChanged, this, &AccountsController::rebuild);
    connect(
        &m_session->tokens(), &TokenProvider::interactionRequired, this,
        [this](const QString& homeAccountId, const QString& tenantId, const QString& message, const QString& claims) {
            m_directory->setTenantState(homeAccountId, tenantId, TenantState::NeedsSignIn, message, claims);
            const TenantEntry* tenant = m_directory->tenant(homeAccountId, tenantId);
            emit tenantNeedsSignIn(usernameOf(homeAccountId), tenantId, tenant ? tenant->displayName : tenantId,
                                   message);
        });
    connect(&m_session->tokens(), &TokenProvider::refreshTokenDead, this,
            [this](const QString& homeAccountId, const QString& message) {
                m_directory->setRefreshTokenDead(homeAccountId, true);
                emit accountSignInExpired(usernameOf(homeAccountId), message);
            });

    m_reloadDebounce.setSingleShot(true);
    m_reloadDebounce.setInterval(kReloadDebounceMs);
    connect(&m_reloadDebounce, &QTimer::timeout, this, &AccountsController::onFilesMaybeChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDebounce, qOverload<>(&QTimer::start));
}

void AccountsController::start(bool discover)
{
    watchFiles();
    m_filesSignature = filesSignature();
    QPointer<AccountsController> self(this);
    m_session->cache().load([self, discover](const CacheOutcome& outcome) {
        if (!self)
            return;
        if (!outcome.ok)
            emit self->operationFailed(outcome.error);
        self->m_loaded = true;
        self->rebuild();
        emit self->loaded();
        if (discover)
            self->discoverAll();
    });
}

void AccountsController::watchFiles()
{
    const QString dir = m_session->state().configDir().path();
    if (!QDir(dir).exists())
        QDir().mkpath(dir); // so az's first sign-in is seen too
    if (QDir(dir).exists() && !m_watcher.directories().contains(dir))
        m_watcher.addPath(dir);
}

QByteArray AccountsController::filesSignature() const
{
    const AzureConfigDir& dir = m_session->state().configDir();
    QByteArray signature;
    for (const QString& name : {QStringLiteral("azureProfile.json"), QStringLiteral("msal_token_cache.json"),
                                QStringLiteral("clouds.config"), QStringLiteral("config")}) {
        const QFileInfo info(QDir(dir.path()).filePath(name));
        signature += name.toUtf8() + ':' + QByteArray::number(info.exists() ? info.size() : -1) + ':' +
                     QByteArray::number(info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0) + ';';
    }
    return signature;
}

void AccountsController::onFilesMaybeChanged()
{
    const QByteArray signature = filesSignature();
    if (signature == m_filesSignature)
        return;
    reloadFromDisk();
}

void AccountsController::reloadFromDisk()
{
    m_filesSignature = filesSignature();
    QString error;
    if (!m_session->state().load(&error))
        emit statusMessage(error);
    watchFiles();
    rebuild();
    m_session->cache().load([](const CacheOutcome&) {}); // emits cacheChanged when az changed it
}

void AccountsController::rebuild()
{
    m_directory->rebuild(m_session->cache().cache(), m_session->state().subscriptions());
}

QString AccountsController::usernameOf(const QString& homeAccountId) const
{
    const QList<AccountEntry>& accounts = m_directory->accounts();
    for (const AccountEntry& a : accounts) {
        if (a.homeAccountId == homeAccountId)
            return a.username;
    }
    return {};
}

void AccountsController::discoverAll()
{
    const QList<AccountEntry> accounts = m_directory->accounts();
    for (const AccountEntry& account : accounts) {
        if (account.hasRefreshToken && !account.refreshTokenDead && !account.homeAccountId.isEmpty() &&
            !account.refreshing)
            discover(account);
    }
}

void AccountsController::discover(const AccountEntry& account)
{
    const QString homeAccountId = account.homeAccountId;
    m_directory->setAccountRefreshing(homeAccountId, true);
    QPointer<AccountsController> self(this);
    m_session->discovery().discover(account.username, {}, [self, homeAccountId](const DiscoveryResult& result) {
        if (!self)
            return;
        self->m_directory->setAccountRefreshing(homeAccountId, false);
        if (!result.ok()) {
            // Offline or the provider is down: the cache still says what it said; no tenant is marked.
            qCInfo(lcAccounts).noquote() << "discovery failed:" << result.error;
            emit self->statusMessage(result.error);
            return;
        }
        self->applyDiscovery(homeAccountId, result);
    });
}

void AccountsController::applyDiscovery(const QString& homeAccountId, const DiscoveryResult& discovery)
{
    const QString username = usernameOf(homeAccountId).isEmpty() ? discovery.username : usernameOf(homeAccountId);
    for (const TenantStatus& status : discovery.tenants) {
        const ArmTenant& tenant = status.tenant;
        if (!tenant.displayName.isEmpty() || !tenant.defaultDomain.isEmpty())
            m_directory->setTenantName(tenant.tenantId, tenant.displayName, tenant.defaultDomain);
        const TenantState state = stateOf(status.state);
        m_directory->setTenantState(homeAccountId, tenant.tenantId, state, status.reason, status.claims);
        const QString name = tenant.displayName.isEmpty() ? tenant.tenantId : tenant.displayName;
        if (state == TenantState::NeedsSignIn)
            emit tenantNeedsSignIn(username, tenant.tenantId, name, status.reason);
        else if (state == TenantState::SignedIn)
            emit tenantSignedIn(username, tenant.tenantId);
    }
}

void AccountsController::applySignIn(const SignInResult& result)
{
    if (result.homeAccountId.isEmpty())
        return;
    m_directory->setRefreshTokenDead(result.homeAccountId, false);
    rebuild();
    applyDiscovery(result.homeAccountId, result.discovery);
}

void AccountsController::refreshAccount(const QString& username)
{
    const AccountEntry* account = m_directory->account(username);
    if (!account || account->homeAccountId.isEmpty() || account->refreshing)
        return;
    const QString homeAccountId = account->homeAccountId;
    m_directory->setAccountRefreshing(homeAccountId, true);
    QPointer<AccountsController> self(this);
    m_session->signIn().refreshAccount(username, [self, homeAccountId](const SignInResult& result) {
        if (!self)
            return;
        self->m_directory->setAccountRefreshing(homeAccountId, false);
        self->applyDiscovery(homeAccountId, result.discovery);
        if (!result.ok()) {
            emit self->operationFailed(result.error);
            return;
        }
        emit self->statusMessage(
            tr("Refreshed %1: %n subscription(s).", nullptr, static_cast<int>(result.subscriptions.size()))
                .arg(result.username));
    });
}

void AccountsController::refreshAll()
{
    const QList<AccountEntry> accounts = m_directory->accounts();
    for (const AccountEntry& account : accounts) {
        if (account.hasRefreshToken && !account.refreshTokenDead)
            refreshAccount(account.username);
    }
}

void AccountsController::signOutAccount(const QString& username)
{
    const AccountEntry* account = m_directory->account(username);
    const QString homeAccountId = account ? account->homeAccountId : QString();
    QPointer<AccountsController> self(this);
    m_session->signIn().signOutAccount(username, [self, username, homeAccountId](const QString& error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            emit self->operationFailed(error);
            return;
        }
        if (!homeAccountId.isEmpty())
            self->m_directory->forgetAccount(homeAccountId);
        self->rebuild();
        emit self->statusMessage(tr("Signed out %1.").arg(username));
    });
}

void AccountsController::signOutTenant(const QString& username, const QString& tenantId)
{
    const AccountEntry* account = m_directory->account(username);
    const QString homeAccountId = account ? account->homeAccountId : QString();
    const TenantEntry* tenant = m_directory->tenant(homeAccountId, tenantId);
    const QString name = tenant ? tenant->displayName : tenantId;
    QPointer<AccountsController> self(this);
    m_session->signIn().signOutTenant(username, tenantId,
                                      [self, username, tenantId, homeAccountId, name](const QString& error) {
                                          if (!self)
                                              return;
                                          if (!error.isEmpty()) {
                                              emit self->operationFailed(error);
                                              return;
                                          }
                                          self->m_directory->forgetTenant(homeAccountId, tenantId);
                                          self->rebuild();
                                          emit self->statusMessage(tr("Signed out of %1.").arg(name));
                                      });
}

} // namespace tenantry
