#include "account/TenantChoice.h"

#include "util/AppSettings.h"

#include <QHash>
#include <QSet>

namespace tenantry {

TenantChoice::TenantChoice(AppSettings* settings)
    : m_settings(settings)
{}

bool TenantChoice::isActive(const QString& homeAccountId, const QString& tenantId) const
{
    return !hiddenTenants(homeAccountId).contains(tenantId.toLower());
}

bool TenantChoice::hasChosen(const QString& homeAccountId) const
{
    return m_settings && m_settings->hiddenTenants(homeAccountId).has_value();
}

QStringList TenantChoice::hiddenTenants(const QString& homeAccountId) const
{
    if (!m_settings || homeAccountId.isEmpty())
        return {};
    const auto hidden = m_settings->hiddenTenants(homeAccountId);
    return hidden ? hidden->tenantIds : QStringList();
}

void TenantChoice::setHiddenTenants(const QString& homeAccountId, const QString& username, const QStringList& hidden)
{
    if (m_settings && !homeAccountId.isEmpty())
        m_settings->setHiddenTenants(homeAccountId, {username, hidden});
}

void TenantChoice::setActive(const QString& homeAccountId, const QString& username, const QString& tenantId,
                             bool active)
{
    QStringList hidden = hiddenTenants(homeAccountId);
    if (active == !hidden.contains(tenantId.toLower()))
        return;
    if (active)
        hidden.removeAll(tenantId.toLower());
    else
        hidden.append(tenantId.toLower());
    setHiddenTenants(homeAccountId, username, hidden);
}

QList<Subscription> TenantChoice::activeSubscriptions(const QList<Subscription>& subscriptions) const
{
    if (!m_settings)
        return subscriptions;
    QHash<QString, QSet<QString>> hiddenByUser; // username in lower case -> hidden tenant ids
    const QStringList accounts = m_settings->tenantChoiceAccounts();
    for (const QString& homeAccountId : accounts) {
        const auto hidden = m_settings->hiddenTenants(homeAccountId);
        if (hidden && !hidden->username.isEmpty())
            hiddenByUser[hidden->username.toLower()].unite(
                QSet<QString>(hidden->tenantIds.cbegin(), hidden->tenantIds.cend()));
    }
    if (hiddenByUser.isEmpty())
        return subscriptions;
    QList<Subscription> out;
    for (const Subscription& s : subscriptions) {
        const auto it = hiddenByUser.constFind(s.userName.toLower());
        if (s.userType != QLatin1String("user") || it == hiddenByUser.constEnd() || !it->contains(s.tenantId.toLower()))
            out.append(s);
    }
    return out;
}

} // namespace tenantry
