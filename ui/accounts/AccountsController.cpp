#include "accounts/AccountsController.h"

#include "UiLogging.h"
#include "account/Session.h"
#include "account/TokenProvider.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

namespace tenantry {

namespace {

// One change is several events (az rewrites azureProfile.json in place: truncate, then write; MSAL
// writes the cache as temp + rename next to a lock file). Waiting a little reads the result once, and
// still shows `az account set` well within a second.
constexpr int kReloadDebounceMs = 200;

// The files whose changes the window shows. Watched themselves (a directory watch does not see a file
// rewritten in place) and through the directory (created, or replaced by a rename).
const QStringList& watchedFileNames()
{
    static const QStringList names{QStringLiteral("azureProfile.json"), QStringLiteral("msal_token_cache.json")};
    return names;
}

QString subscriptionNames(const QList<Subscription>& subscriptions)
{
    QStringList names;
    for (const Subscription& s : subscriptions)
        names.append(s.name.isEmpty() ? s.id : s.name);
    return names.join(QStringLiteral(", "));
}

QString nameOf(const Subscription& s)
{
    return s.name.isEmpty() ? s.id : s.name;
}

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
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &AccountsController::onFileChanged);
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
    // A file replaced by a rename is a new file: its watch went with the old one and is added again.
    const QStringList watched = m_watcher.files();
    for (const QString& name : watchedFileNames()) {
        const QString path = QDir(dir).filePath(name);
        if (!watched.contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
    }
}

void AccountsController::onFileChanged(const QString& path)
{
    Q_UNUSED(path)
    watchFiles();
    m_reloadDebounce.start();
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
        const QString change = describeProfileChange(result.profileChange);
        if (!change.isEmpty())
            emit self->profileChangeNotice(change);
    });
}

QString AccountsController::describeProfileChange(const ProfileChange& change)
{
    QStringList sentences;
    if (!change.added.isEmpty())
        sentences.append(
            tr("Added %n subscription(s) to the Azure CLI's list: %1.", nullptr, static_cast<int>(change.added.size()))
                .arg(subscriptionNames(change.added)));
    if (!change.removed.isEmpty())
        sentences.append(tr("Removed %n subscription(s) from the Azure CLI's list: %1.", nullptr,
                            static_cast<int>(change.removed.size()))
                             .arg(subscriptionNames(change.removed)));
    if (change.activeChanged()) {
        if (!change.activeAfter)
            sentences.append(
                tr("No subscription is active any more: %1 is no longer listed.").arg(nameOf(*change.activeBefore)));
        else if (!change.activeBefore)
            sentences.append(
                tr("%1 is now the active subscription, as none was active.").arg(nameOf(*change.activeAfter)));
        else
            sentences.append(tr("%1 is now the active subscription: %2 is no longer listed.")
                                 .arg(nameOf(*change.activeAfter), nameOf(*change.activeBefore)));
    } else if (!sentences.isEmpty() && change.activeAfter) {
        sentences.append(tr("The active subscription is still %1.").arg(nameOf(*change.activeAfter)));
    }
    return sentences.join(QLatin1Char(' '));
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
