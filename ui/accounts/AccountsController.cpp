#include "accounts/AccountsController.h"

#include "UiLogging.h"
#include "account/Session.h"
#include "account/TokenProvider.h"

#include <QPointer>

namespace tenantry {

namespace {

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
        return TenantState::NeedsInteraction;
    case TenantStatus::State::HeldByBroker:
        return TenantState::SignedIn; // az renews its token through the broker; the reason says so
    case TenantStatus::State::Error:
    case TenantStatus::State::Hidden: // never asked: applyDiscovery() leaves it alone
        break;
    }
    return TenantState::Unreachable;
}

} // namespace

AccountsController::AccountsController(Session* session, AccountDirectory* directory, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_directory(directory)
    , m_files(session->state().configDir())
{
    const Cloud& cloud = m_session->cloud();
    m_directory->setCloud(cloud.name, cloud.authorityHost(), cloud.armScope());
    m_directory->setTenantChoice(&m_session->tenantChoice());

    connect(&m_session->cache(), &TokenCacheService::cacheChanged, this, [this] {
        if (m_loaded)
            rebuild();
    });
    connect(&m_session->cache(), &TokenCacheService::warning, this, &AccountsController::statusMessage);
    connect(&m_session->signIn(), &SignInService::profileChanged, this, &AccountsController::rebuild);
    connect(
        &m_session->tokens(), &TokenProvider::interactionRequired, this,
        [this](const QString& homeAccountId, const QString& tenantId, const QString& message, const QString& claims) {
            const TenantKey key(homeAccountId, tenantId);
            m_directory->setTenantState(key, TenantState::NeedsInteraction, message, claims);
            const TenantEntry* tenant = m_directory->tenant(key);
            emit tenantNeedsSignIn(usernameOf(homeAccountId), tenantId, tenant ? tenant->displayName : tenantId,
                                   message);
        });
    connect(&m_session->tokens(), &TokenProvider::refreshTokenDead, this,
            [this](const QString& homeAccountId, const QString& message) {
                m_directory->setSignInExpired(homeAccountId);
                emit accountSignInExpired(usernameOf(homeAccountId), message);
            });
    connect(&m_files, &AzureFilesWatcher::profileChanged, this, &AccountsController::reloadProfile);
    connect(&m_files, &AzureFilesWatcher::tokenCacheChanged, this, &AccountsController::reloadTokenCache);
}

void AccountsController::start(bool discover)
{
    m_files.start();
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

void AccountsController::reloadFromDisk()
{
    reloadProfile();
    reloadTokenCache();
}

void AccountsController::reloadProfile()
{
    QString error;
    if (!m_session->state().load(&error))
        emit statusMessage(error);
    rebuild();
}

void AccountsController::reloadTokenCache()
{
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
        if (account.signedIn() && !account.homeAccountId.isEmpty() &&
            !m_directory->isSignInExpired(account.homeAccountId) && !m_directory->isRefreshing(account.homeAccountId))
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
        if (status.state == TenantStatus::State::Hidden)
            continue; // the user's choice: no state to show, nothing to ask
        const TenantState state = stateOf(status.state);
        m_directory->setTenantState({homeAccountId, tenant.tenantId}, state, status.reason, status.claims);
        const QString name = tenant.displayName.isEmpty() ? tenant.tenantId : tenant.displayName;
        if (state == TenantState::NeedsInteraction)
            emit tenantNeedsSignIn(username, tenant.tenantId, name, status.reason);
        else if (state == TenantState::SignedIn)
            emit tenantSignedIn(username, tenant.tenantId);
    }
}

void AccountsController::applySignIn(const SignInResult& result)
{
    if (result.homeAccountId.isEmpty())
        return;
    m_directory->setSignedIn(result.homeAccountId);
    rebuild();
    applyDiscovery(result.homeAccountId, result.discovery);
}

void AccountsController::refreshAccount(const QString& username)
{
    const AccountEntry* account = m_directory->account(username);
    if (!account || account->homeAccountId.isEmpty() || m_directory->isRefreshing(account->homeAccountId))
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
        if (account.signedIn() && !m_directory->isSignInExpired(account.homeAccountId))
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
    const TenantKey key(homeAccountId, tenantId);
    const TenantEntry* tenant = m_directory->tenant(key);
    const QString name = tenant ? tenant->displayName : tenantId;
    QPointer<AccountsController> self(this);
    m_session->signIn().signOutTenant(username, tenantId, [self, key, name](const QString& error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            emit self->operationFailed(error);
            return;
        }
        self->m_directory->forgetTenant(key);
        self->rebuild();
        emit self->statusMessage(tr("Signed out of %1.").arg(name));
    });
}

} // namespace tenantry
