#include "token/TokenCopyController.h"

#include "MainWindow.h"
#include "account/AccountDirectory.h"
#include "account/AccountTreeModel.h"
#include "account/Session.h"
#include "accounts/AccountActions.h"
#include "azure/ScopeCatalogue.h"
#include "signin/SignInCoordinator.h"
#include "token/CopiedTokenReminder.h"
#include "token/CopyTokenDialog.h"
#include "token/TokenCopier.h"
#include "tray/TrayMenu.h"

#include <QDateTime>
#include <QLocale>

namespace tenantry {

TokenCopyController::TokenCopyController(Session* session, TokenCopier* copier, AccountDirectory* directory,
                                         TrayMenu* trayMenu, MainWindow* window, CopiedTokenReminder* reminder,
                                         SignInCoordinator* signIn, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_copier(copier)
    , m_directory(directory)
    , m_trayMenu(trayMenu)
    , m_window(window)
    , m_reminder(reminder)
    , m_signIn(signIn)
{
    connect(m_trayMenu, &TrayMenu::copyTokenRequested, this,
            [this](const QString& scope, ClipboardGuard::TokenFormat format) {
                const auto preset = ScopeCatalogue(m_session->cloud()).presetForScope(scope);
                copyForActiveSubscription(scope, preset ? preset->displayName() : scope, format);
            });
    connect(m_trayMenu, &TrayMenu::customScopeRequested, this, &TokenCopyController::openDialogForActiveSubscription);
    if (!m_copier)
        return;
    connect(m_copier, &TokenCopier::copied, this,
            [this](const TokenCopyRequest& request, qint64 expiresOn, int clearInSeconds) {
                const QString until = QLocale().toString(QDateTime::fromSecsSinceEpoch(expiresOn).toLocalTime().time(),
                                                         QLocale::ShortFormat);
                const QString text =
                    clearInSeconds > 0 ? tr("Copied a token for %1, valid until %2. The clipboard is cleared in %3 s.")
                                             .arg(request.description, until)
                                             .arg(clearInSeconds)
                                       : tr("Copied a token for %1, valid until %2.").arg(request.description, until);
                m_window->showStatus(text);
                if (!m_window->isVisible())
                    emit notificationRequested(tr("Token copied"), text);
                m_reminder->tokenCopied(request.description, expiresOn);
            });
    connect(m_copier, &TokenCopier::failed, this,
            [this](const TokenCopyRequest& request, const QString& message, bool needsSignIn) {
                if (m_dialog)
                    return; // the dialog says it
                // Core says what is missing; where to sign in is this front end's to say.
                QString text = tr("No token for %1: %2").arg(request.description, message);
                if (needsSignIn)
                    text += QLatin1Char(' ') + tr("Sign in again from the Account menu.");
                if (m_window->isVisible())
                    m_window->showProblem(text);
                else
                    emit notificationRequested(tr("Could not copy a token"), text);
            });
}

TokenCopyController::~TokenCopyController()
{
    delete m_dialog.data();
}

CopyTokenDialog* TokenCopyController::dialog() const
{
    return m_dialog;
}

void TokenCopyController::copyForActiveSubscription(const QString& scope, const QString& label,
                                                    ClipboardGuard::TokenFormat format)
{
    const auto active = m_trayMenu->activeSubscription();
    if (!m_copier || !active)
        return;
    TokenCopyRequest request;
    request.username = active->userName;
    request.tenantId = active->tenantId;
    request.scope = scope;
    request.format = format;
    request.description = tr("%1 in %2").arg(label, active->name);
    m_copier->copy(request);
}

void TokenCopyController::openDialogForActiveSubscription(ClipboardGuard::TokenFormat format)
{
    const auto active = m_trayMenu->activeSubscription();
    if (!active)
        return;
    AccountTarget target;
    target.kind = AccountTreeModel::SubscriptionKind;
    target.username = active->userName;
    target.tenantId = active->tenantId;
    target.tenantName = m_trayMenu->tenantName(*active);
    target.subscriptionId = active->id;
    target.subscriptionName = active->name;
    openDialog(target);
    if (m_dialog) {
        m_dialog->setFormat(format);
        m_dialog->focusCustomScope();
    }
}

void TokenCopyController::openDialog(const AccountTarget& target)
{
    if (!m_copier || target.tenantId.isEmpty())
        return;
    delete m_dialog.data();
    const bool subscription = target.kind == AccountTreeModel::SubscriptionKind;
    auto* dialog = new CopyTokenDialog(m_copier, ScopeCatalogue(m_session->cloud()), target.username, target.tenantId,
                                       target.tenantName, subscription ? target.subscriptionName : QString(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    if (m_signIn) {
        connect(dialog, &CopyTokenDialog::signInRequested, m_signIn,
                [this](const QString& username, const QString& tenantId) {
                    m_signIn->signInWithBrowser(m_directory->signInRequest(username, tenantId));
                });
    }
    dialog->open();
}

} // namespace tenantry
