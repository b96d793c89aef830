#include "tray/TrayMenu.h"

#include "UiLogging.h"
#include "UntrustedText.h"
#include "account/AzureCliState.h"
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
    rebuild();
}

TrayMenu::~TrayMenu()
{
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

QList<QAction*> TrayMenu::subscriptionActions() const
{
    return m_subscriptionGroup ? m_subscriptionGroup->actions() : QList<QAction*>();
}

QAction* TrayMenu::subscriptionAction(const QString& subscriptionId) const
{
    const QList<QAction*> actions = subscriptionActions();
    for (QAction* action : actions) {
        if (action->data().toString().compare(subscriptionId, Qt::CaseInsensitive) == 0)
            return action;
    }
    return nullptr;
}

void TrayMenu::reloadAndRebuild()
{
    QString error;
    if (!m_state->load(&error))
        qCWarning(lcTray).noquote() << "could not read the Azure CLI state:" << error;
    rebuild();
}

void TrayMenu::rebuild()
{
    m_menu->clear(); // deletes the subscription and header actions, which the menu owns
    m_tenantHeaders.clear();
    delete m_subscriptionGroup;
    m_subscriptionGroup = new QActionGroup(this);
    m_subscriptionGroup->setExclusive(true);

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

    for (const QString& tenant : std::as_const(tenantOrder)) {
        QList<Subscription>& group = byTenant[tenant];
        std::sort(group.begin(), group.end(),
                  [](const Subscription& a, const Subscription& b) { return a.name.localeAwareCompare(b.name) < 0; });
        if (!m_tenantHeaders.isEmpty())
            m_menu->addSeparator();
        // A disabled, bold item rather than QMenu::addSection: many styles draw sections as bare lines.
        QAction* header = m_menu->addAction(menuText(tenantName(group.first())));
        header->setEnabled(false);
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
        header->setData(group.first().tenantId);
        m_tenantHeaders.append(header);
        for (const Subscription& subscription : std::as_const(group)) {
            QString label = subscription.isTenantLevel() ? tr("Tenant without subscriptions") : subscription.name;
            if (!subscription.state.isEmpty() && subscription.state != QLatin1String("Enabled"))
                label = tr("%1 (%2)").arg(label, subscription.state);
            QAction* action = m_menu->addAction(menuText(label));
            action->setCheckable(true);
            action->setChecked(subscription.isDefault);
            action->setData(subscription.id);
            action->setToolTip(plainTextToolTip(subscription.id));
            action->setActionGroup(m_subscriptionGroup);
            const QString id = subscription.id;
            connect(action, &QAction::triggered, this, [this, id] { m_switcher->makeActive(id); });
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
