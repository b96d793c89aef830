#include "accounts/SubscriptionSwitcher.h"

#include "UiLogging.h"
#include "account/AzureCliState.h"
#include "account/RecentSubscriptions.h"

namespace tenantry {

SubscriptionSwitcher::SubscriptionSwitcher(AzureCliState* state, QObject* parent)
    : QObject(parent)
    , m_state(state)
{}

bool SubscriptionSwitcher::makeActive(const QString& subscriptionId, QString* error)
{
    QString why;
    bool ok = m_state->load(&why);
    bool changed = false;
    if (ok) {
        const auto current = m_state->profile().defaultSubscription(m_state->cloud().name);
        if (!current || current->id.compare(subscriptionId, Qt::CaseInsensitive) != 0) {
            ok = m_state->setActive(subscriptionId, &why);
            changed = ok;
        }
    }
    const auto active = ok ? m_state->profile().defaultSubscription(m_state->cloud().name) : std::nullopt;
    if (active && m_recent)
        m_recent->remember(active->id); // also when it already was active: it was chosen again
    emit stateReloaded();
    if (!ok) {
        qCWarning(lcAccounts).noquote() << "could not switch the active subscription:" << why;
        if (error)
            *error = why;
        emit switchFailed(why);
        return false;
    }
    if (changed && active)
        emit activeSubscriptionChanged(*active);
    return true;
}

} // namespace tenantry
