#include "tray/TrayMenu.h"

#include "UiLogging.h"
#include "UntrustedText.h"
#include "account/AzureCliState.h"
#include "account/RecentSubscriptions.h"
#include "accounts/SubscriptionSwitcher.h"
#include "azure/ScopeCatalogue.h"

#include <QActionGroup>
#include <QMenu>

#include <algorithm>

namespace tenantry {

namespace {

// A menu item's text as the name it is: no mnemonic from an '&', no shortcut column from a tab.
QString menuText(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&")).replace(QLatin1Char('\t'), QLatin1Char(' '));
}

} // namespace

TrayMenu::TrayMenu(AzureCliState* state, SubscriptionSwitcher* switcher, QObject* parent)
    : QObject(parent)
    , m_state(state)
    , m_switcher(switcher ? switcher : new SubscriptionSwitcher(state, this))
    , m_menu(new QMenu)
{
    connect(m_switcher, &SubscriptionSwitcher::activeSubscriptionChanged, this, &TrayMenu::activeSubscriptionChanged);
    connect(m_switcher, &SubscriptionSwitcher::switchFailed, this, &TrayMenu::switchFailed);
    // Rebuilt once the triggered() that may have got us here has returned: rebuilding deletes the action.
    connect(m_switcher, &SubscriptionSwitcher::stateReloaded, this, &TrayMenu::rebuild, Qt::QueuedConnection);
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    buildCopyTokenMenu();
    m_showAction = new QAction(tr("&Show Tenantry"), this);
    connect(m_showAction, &QAction::triggered, this, &TrayMenu::showRequested);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &TrayMenu::quitRequested);
    // az may have switched or signed in since the menu was built: read its files again.
    connect(m_menu, &QMenu::aboutToShow, this, &TrayMenu::reloadAndRebuild);
    // The subscriptions go in when the menu is first asked for (the tray's start, after the window is shown):
    // with many tenants, building their submenus was a good part of the start-up.
}

void TrayMenu::ensureBuilt() const
{
    if (!m_built)
        const_cast<TrayMenu*>(this)->rebuild();
}

TrayMenu::~TrayMenu()
{
    qDeleteAll(m_tenantMenus);
    delete m_copyTokenMenu;
    delete m_menu;
}

void TrayMenu::buildCopyTokenMenu()
{
    m_copyTokenMenu = new QMenu(tr("Copy &token"));
    m_copyTokenMenu->setObjectName(QStringLiteral("copyTokenMenu"));
    // The session's clients are built for the cloud the state had at start; so are its presets.
    const QList<ScopeEntry> presets = ScopeCatalogue(m_state->cloud()).presets();
    for (const ScopeEntry& preset : presets) {
        QAction* action = m_copyTokenMenu->addAction(preset.displayName());
        action->setData(preset.scope);
        action->setToolTip(preset.scope);
        const QString scope = preset.scope;
        connect(action, &QAction::triggered, this, [this, scope] { emit copyTokenRequested(scope, tokenFormat()); });
    }
    m_copyTokenMenu->addSeparator();
    QAction* custom = m_copyTokenMenu->addAction(ScopeCatalogue::custom().displayName());
    connect(custom, &QAction::triggered, this, [this] { emit customScopeRequested(tokenFormat()); });
    m_copyTokenMenu->addSeparator();
    m_asHeaderAction = m_copyTokenMenu->addAction(tr("As “Authorization: Bearer” header"));
    m_asHeaderAction->setCheckable(true);
    m_copyTokenMenu->setToolTipsVisible(true);
}

ClipboardGuard::TokenFormat TrayMenu::tokenFormat() const
{
    return m_asHeaderAction->isChecked() ? ClipboardGuard::TokenFormat::AuthorizationHeader
                                         : ClipboardGuard::TokenFormat::Raw;
}

void TrayMenu::setTenantNames(const QHash<QString, QString>& names)
{
    m_tenantNames.clear();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_tenantNames.insert(it.key().toLower(), it.value());
    if (m_built)
        rebuild();
}

QString TrayMenu::tenantName(const Subscription& subscription) const
{
    const QString known = m_tenantNames.value(subscription.tenantId.toLower());
    if (!known.isEmpty())
        return known;
    if (!subscription.tenantDisplayName.isEmpty())
        return subscription.tenantDisplayName;
    if (!subscription.tenantDefaultDomain.isEmpty())
        return subscription.tenantDefaultDomain;
    return subscription.tenantId;
}

std::optional<Subscription> TrayMenu::activeSubscription() const
{
    const QList<Subscription> subscriptions = m_state->subscriptions();
    for (const Subscription& subscription : subscriptions) {
        if (subscription.isDefault)
            return subscription;
    }
    return std::nullopt;
}

QString TrayMenu::toolTip() const
{
    const std::optional<Subscription> active = activeSubscription();
    if (!active)
        return tr("Tenantry\nNo active subscription");
    return tr("Tenantry\nSubscription: %1\nTenant: %2").arg(active->name, tenantName(*active));
}

void TrayMenu::setRecentSubscriptions(RecentSubscriptions* recent)
{
    m_recent = recent;
    m_switcher->setRecentSubscriptions(recent);
    if (m_built)
        rebuild();
}

QList<QAction*> TrayMenu::subscriptionActions() const
{
    ensureBuilt();
    return m_subscriptionGroup ? m_subscriptionGroup->actions() : QList<QAction*>();
}

QList<QAction*> TrayMenu::recentActions() const
{
    ensureBuilt();
    return m_recentGroup ? m_recentGroup->actions() : QList<QAction*>();
}

QAction* TrayMenu::subscriptionAction(const QString& subscriptionId) const
{
    for (const QList<QAction*>& actions : {subscriptionActions(), recentActions()}) {
        for (QAction* action : actions) {
            if (action->data().toString().compare(subscriptionId, Qt::CaseInsensitive) == 0)
                return action;
        }
    }
    return nullptr;
}

void TrayMenu::reloadAndRebuild()
{
    QString error;
    if (!m_state->load(&error))
        qCWarning(lcTray).noquote() << "could not read the Azure CLI state:" << error;
    if (m_recent)
        m_recent->reload(); // `tenantry-cli account set` may have switched meanwhile
    rebuild();
}

QString TrayMenu::subscriptionName(const Subscription& subscription)
{
    return subscription.isTenantLevel() ? tr("Tenant without subscriptions") : subscription.name;
}

QAction* TrayMenu::addSubscription(QMenu* menu, QActionGroup* group, const Subscription& subscription,
                                   const QString& label)
{
    QString text = label;
    if (!subscription.state.isEmpty() && subscription.state != QLatin1String("Enabled"))
        text = tr("%1 (%2)").arg(text, subscription.state);
    QAction* action = menu->addAction(menuText(text));
    action->setCheckable(true);
    action->setChecked(subscription.isDefault);
    action->setData(subscription.id);
    action->setToolTip(plainTextToolTip(subscription.id));
    action->setActionGroup(group);
    const QString id = subscription.id;
    connect(action, &QAction::triggered, this, [this, id] { m_switcher->makeActive(id); });
    return action;
}

void TrayMenu::addRecent(const QList<Subscription>& subscriptions)
{
    // The active one, then the last switched to that az still lists: each named with its tenant, as
    // they stand outside their tenant's submenu.
    QList<Subscription> lead;
    if (const std::optional<Subscription> active = activeSubscription())
        lead.append(*active);
    const QStringList recentIds = m_recent ? m_recent->ids() : QStringList();
    for (const QString& id : recentIds) {
        const auto it = std::find_if(subscriptions.cbegin(), subscriptions.cend(), [&id](const Subscription& s) {
            return s.id.compare(id, Qt::CaseInsensitive) == 0;
        });
        if (it != subscriptions.cend() && !it->isDefault)
            lead.append(*it);
    }
    for (const Subscription& subscription : std::as_const(lead)) {
        addSubscription(m_menu, m_recentGroup, subscription,
                        tr("%1 — %2").arg(subscriptionName(subscription), tenantName(subscription)));
    }
}

void TrayMenu::rebuild()
{
    m_built = true;
    m_menu->clear(); // deletes the recent and "More…" actions, which the menu owns
    qDeleteAll(m_tenantMenus);
    m_tenantMenus.clear();
    delete m_subscriptionGroup;
    delete m_recentGroup;
    m_subscriptionGroup = new QActionGroup(this);
    m_recentGroup = new QActionGroup(this);
    m_moreAction = nullptr;

    // Group by tenant; tenants and their subscriptions in alphabetical order.
    QList<Subscription> subscriptions = m_state->subscriptions();
    subscriptions.removeIf([this](const Subscription& s) {
        return m_hiddenTenants.contains(s.userName.toLower() + QLatin1Char('|') + s.tenantId.toLower());
    });
    QStringList tenantOrder;
    QHash<QString, QList<Subscription>> byTenant;
    for (const Subscription& subscription : subscriptions) {
        const QString key = subscription.tenantId.toLower();
        if (!byTenant.contains(key))
            tenantOrder.append(key);
        byTenant[key].append(subscription);
    }
    std::sort(tenantOrder.begin(), tenantOrder.end(), [&](const QString& a, const QString& b) {
        return tenantName(byTenant[a].first()).localeAwareCompare(tenantName(byTenant[b].first())) < 0;
    });

    addRecent(subscriptions);
    if (!m_recentGroup->actions().isEmpty())
        m_menu->addSeparator();
    if (tenantOrder.size() > kMaxTenantMenus) {
        m_moreAction = m_menu->addAction(tr("More…"));
        m_moreAction->setObjectName(QStringLiteral("moreSubscriptions"));
        m_moreAction->setToolTip(tr("Find one of the %1 subscriptions in %2 tenants in Tenantry's window")
                                     .arg(subscriptions.size())
                                     .arg(tenantOrder.size()));
        connect(m_moreAction, &QAction::triggered, this, &TrayMenu::findRequested);
    } else {
        for (const QString& tenant : std::as_const(tenantOrder)) {
            QList<Subscription>& group = byTenant[tenant];
            std::sort(group.begin(), group.end(), [](const Subscription& a, const Subscription& b) {
                return a.name.localeAwareCompare(b.name) < 0;
            });
            auto* submenu = new QMenu(menuText(tenantName(group.first())));
            submenu->menuAction()->setData(group.first().tenantId);
            submenu->setToolTipsVisible(true);
            m_menu->addMenu(submenu);
            m_tenantMenus.append(submenu);
            for (const Subscription& subscription : std::as_const(group))
                addSubscription(submenu, m_subscriptionGroup, subscription, subscriptionName(subscription));
        }
    }
    if (subscriptions.isEmpty()) {
        QAction* signIn = m_menu->addAction(tr("Sign in…"));
        connect(signIn, &QAction::triggered, this, &TrayMenu::signInRequested);
    }

    m_menu->addSeparator();
    m_menu->addMenu(m_copyTokenMenu);
    m_copyTokenMenu->setEnabled(!subscriptions.isEmpty());
    m_menu->addSeparator();
    m_menu->addAction(m_showAction);
    m_menu->addAction(m_quitAction);
    m_menu->setToolTipsVisible(true);
    emit rebuilt();
}

} // namespace tenantry
