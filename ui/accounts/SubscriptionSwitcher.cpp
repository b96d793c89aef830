#include "accounts/SubscriptionSwitcher.h"

#include "UiLogging.h"
#include "account/AzureCliState.h"

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
    emit stateReloaded();
    if (!ok) {
        qCWarning(lcAccounts).noquote() << "could not switch the active subscription:" << why;
        if (error)
            *error = why;
        emit switchFailed(why);
        return false;
    }
    if (changed) {
        if (const auto active = m_state->profile().defaultSubscription(m_state->cloud().name))
            emit activeSubscriptionChanged(*active);
    }
    return true;
}

} // namespace tenantry
