#pragma once

#include "ClipboardGuard.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace tenantry {

class AccountDirectory;
class CopiedTokenReminder;
class CopyTokenDialog;
class MainWindow;
class Session;
class SignInCoordinator;
class TokenCopier;
class TrayMenu;
struct AccountTarget;

// Copying tokens in the desktop app: the tray's presets and custom scope for the active subscription,
// the copy-token dialog for a row of the tree, and what the user is told afterwards (status line,
// notification when the window is hidden, the reminder before the copied token expires). A tenant
// that needs a sign-in first is signed in with the request the account directory makes for it.
class TokenCopyController : public QObject
{
    Q_OBJECT

public:
    TokenCopyController(Session* session, TokenCopier* copier, AccountDirectory* directory, TrayMenu* trayMenu,
                        MainWindow* window, CopiedTokenReminder* reminder, SignInCoordinator* signIn,
                        QObject* parent = nullptr);
    ~TokenCopyController() override;

    CopyTokenDialog* dialog() const; // the open copy-token dialog, if any

public slots:
    void openDialog(const tenantry::AccountTarget& target);

signals:
    void notificationRequested(const QString& title, const QString& message); // said where the user looks

private:
    void copyForActiveSubscription(const QString& scope, const QString& label, ClipboardGuard::TokenFormat format);
    void openDialogForActiveSubscription(ClipboardGuard::TokenFormat format);

    Session* m_session;
    TokenCopier* m_copier; // null when az's config could not be used
    AccountDirectory* m_directory;
    TrayMenu* m_trayMenu;
    MainWindow* m_window;
    CopiedTokenReminder* m_reminder;
    SignInCoordinator* m_signIn; // null with the copier
    QPointer<CopyTokenDialog> m_dialog;
};

} // namespace tenantry
