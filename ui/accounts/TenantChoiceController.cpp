#include "accounts/TenantChoiceController.h"

#include "account/AccountDirectory.h"
#include "account/Session.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountsController.h"
#include "accounts/TenantChoiceDialog.h"

namespace tenantry {

TenantChoiceController::TenantChoiceController(Session* session, AccountDirectory* directory,
                                               AccountsController* accounts, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_directory(directory)
    , m_accounts(accounts)
    , m_window(window)
{}

TenantChoiceDialog* TenantChoiceController::dialog() const
{
    return m_dialog;
}

void TenantChoiceController::choose(const AccountTarget& target)
{
    const AccountEntry* account = m_directory->account(target.username);
    if (!account || account->homeAccountId.isEmpty() || m_dialog)
        return;
    QList<TenantChoiceEntry> entries;
    for (const TenantEntry& t : account->tenants)
        entries.append({t.tenantId, t.displayName, t.defaultDomain, true});
    for (const TenantEntry& t : account->hiddenTenants)
        entries.append({t.tenantId, t.displayName, t.defaultDomain, false});
    const QString homeAccountId = account->homeAccountId;
    const QString username = account->username;
    const QStringList hiddenBefore = m_session->tenantChoice().hiddenTenants(homeAccountId);
    m_dialog = new TenantChoiceDialog(username, entries, QString(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    TenantChoiceDialog* dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, homeAccountId, username, hiddenBefore] {
        const QStringList hidden = dialog->hiddenTenants();
        m_session->tenantChoice().setHiddenTenants(homeAccountId, username, hidden);
        m_accounts->rebuild();
        emit statusMessage(tr("%1: %n tenant(s) hidden.", nullptr, static_cast<int>(hidden.size())).arg(username));
        QStringList newlyHidden;
        for (const QString& tenantId : hidden) {
            if (!hiddenBefore.contains(tenantId, Qt::CaseInsensitive))
                newlyHidden.append(tenantId);
        }
        if (!newlyHidden.isEmpty())
            emit tenantsHidden(username, newlyHidden);
        // Checked again: a refresh finds its subscriptions and whether it needs a sign-in.
        for (const QString& tenantId : hiddenBefore) {
            if (!hidden.contains(tenantId, Qt::CaseInsensitive)) {
                m_accounts->refreshAccount(username);
                break;
            }
        }
    });
    dialog->open();
}

void TenantChoiceController::afterSignIn(const SignInResult& result, std::function<void(const SignInResult&)> then)
{
    TenantChoice& choice = m_session->tenantChoice();
    if (!result.ok() || result.homeAccountId.isEmpty() || choice.hasChosen(result.homeAccountId) ||
        result.discovery.tenants.size() <= TenantChoice::kOfferAbove || m_dialog) {
        then(result);
        return;
    }
    QList<TenantChoiceEntry> entries;
    for (const TenantStatus& t : result.discovery.tenants) {
        const QString name = t.tenant.displayName.isEmpty() ? t.tenant.tenantId : t.tenant.displayName;
        entries.append({t.tenant.tenantId, name, t.tenant.defaultDomain, true});
    }
    m_dialog = new TenantChoiceDialog(
        result.username, entries,
        tr("You have %n tenant(s). Choose the ones you work in: Tenantry keeps only those signed in and asks "
           "you to sign in again only for them.",
           nullptr, static_cast<int>(entries.size())),
        m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    TenantChoiceDialog* dialog = m_dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, result, then](int outcome) {
        // Cancel keeps every tenant, and is a choice too: the question is not asked again.
        const QStringList hidden = outcome == QDialog::Accepted ? dialog->hiddenTenants() : QStringList();
        m_session->tenantChoice().setHiddenTenants(result.homeAccountId, result.username, hidden);
        then(m_session->signIn().withdrawHiddenTenants(result));
    });
    dialog->open();
}

} // namespace tenantry
