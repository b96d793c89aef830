#include "Notifier.h"

#include "auth/EntraError.h"

namespace tenantry {

QString Notifier::key(const QString& username, const QString& tenantId)
{
    return username.toLower() + QLatin1Char('|') + tenantId.toLower();
}

void Notifier::tenantNeedsSignIn(const QString& username, const QString& tenantId, const QString& tenantName,
                                 const QString& reason)
{
    const bool before = needsAttention();
    const QString k = key(username, tenantId);
    if (m_tenants.contains(k) || m_accounts.contains(username.toLower()))
        return;
    m_tenants.insert(k);
    QString text = tr("%1 needs you to sign in again to use the tenant %2.").arg(username, tenantName);
    const QString why = describeEntraError(reason).line(); // plain words and the code; a balloon has no details
    if (!why.isEmpty())
        text += QLatin1Char('\n') + why;
    emit notify(tr("Sign-in needed for %1").arg(tenantName), text);
    if (!before)
        emit attentionChanged(true);
}

void Notifier::tenantSignedIn(const QString& username, const QString& tenantId)
{
    if (m_tenants.remove(key(username, tenantId)) && !needsAttention())
        emit attentionChanged(false);
}

void Notifier::accountSignInExpired(const QString& username, const QString& message)
{
    const bool before = needsAttention();
    if (m_accounts.contains(username.toLower()))
        return;
    m_accounts.insert(username.toLower());
    QString text =
        tr("The sign-in of %1 has expired or was revoked. Sign in again to keep using its tenants.").arg(username);
    // The first sentence says what happened; of the provider's answer only its code adds something.
    const QString code = describeEntraError(message).codeName();
    if (!code.isEmpty())
        text += QLatin1Char(' ') + tr("(%1)").arg(code);
    emit notify(tr("Sign-in expired"), text);
    if (!before)
        emit attentionChanged(true);
}

void Notifier::accountSignedIn(const QString& username)
{
    const QString prefix = username.toLower() + QLatin1Char('|');
    bool changed = m_accounts.remove(username.toLower());
    for (auto it = m_tenants.begin(); it != m_tenants.end();) {
        if (it->startsWith(prefix)) {
            it = m_tenants.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed && !needsAttention())
        emit attentionChanged(false);
}

void Notifier::message(const QString& title, const QString& text)
{
    emit notify(title, text);
}

} // namespace tenantry
