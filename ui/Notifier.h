#pragma once

#include <QObject>
#include <QSet>

namespace tenantry {

// Tells the user, once, what needs them: a tenant that wants an interactive sign-in (MFA,
// Conditional Access), an account whose sign-in expired or was revoked. A tenant is told about
// again only after it was fine in between. Where the messages show (tray balloon, or the window's
// status bar when there is no tray) is up to whoever listens to notify().
class Notifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    bool needsAttention() const { return !m_tenants.isEmpty() || !m_accounts.isEmpty(); }

public slots:
    void tenantNeedsSignIn(const QString& username, const QString& tenantId, const QString& tenantName,
                           const QString& reason);
    void tenantSignedIn(const QString& username, const QString& tenantId);
    void accountSignInExpired(const QString& username, const QString& message);
    void accountSignedIn(const QString& username);
    void message(const QString& title, const QString& text); // passed on as it is

signals:
    void notify(const QString& title, const QString& message);
    void attentionChanged(bool needsAttention);

private:
    static QString key(const QString& username, const QString& tenantId);

    QSet<QString> m_tenants;  // "user|tenant" told about
    QSet<QString> m_accounts; // users told about
};

} // namespace tenantry
