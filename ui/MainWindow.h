#pragma once

#include "NoticePanel.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace tenantry {

class AccountActions;
class AppSettings;
class WelcomePanel;

// The window titled "Tenantry": an empty state inviting the first sign-in, or the accounts view
// (a QTreeView over the core's account model, put in with setAccountsView()). It asks for things
// through signals and does none of them itself. Closing it hides it to the tray when there is one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppSettings* settings = nullptr, QWidget* parent = nullptr);

    // The accounts area: takes the view (reparented), shown while hasAccounts is true.
    void setAccountsView(QTreeView* view);
    QTreeView* accountsView() const { return m_accountsView; }
    QWidget* accountsArea() const { return m_accountsArea; }
    WelcomePanel* welcomePanel(); // the empty state, built when first needed
    bool isShowingAccounts() const;
    // Below the accounts view: the current row's details (taken, reparented).
    void setDetailsPanel(QWidget* panel);
    // Above the accounts view: its filter (taken, reparented); `findAction` (Ctrl+F) works in the whole window.
    void setFilterBar(QWidget* bar, QAction* findAction);
    // The toolbar: add an account, make the current subscription active, copy a token, refresh all.
    void setAccountActions(AccountActions* actions);
    QToolBar* toolBar() const { return m_toolBar; }
    QString problemText() const;    // the message bar's text; empty when hidden
    QString problemDetails() const; // what its Details button shows (the provider's own words)
    QString noticeText() const;     // the notice bar's text; empty when hidden
    QAction* signOutEverywhereAction() const { return m_signOutEverywhereAction; }

    void setCloseToTray(bool closeToTray) { m_closeToTray = closeToTray; }
    bool closesToTray() const { return m_closeToTray; }
    void prepareToQuit(); // the next close really closes (Quit from a menu)

public slots:
    void setHasAccounts(bool hasAccounts); // accounts view, or the empty state
    void showAndRaise();
    void toggleVisible();                        // the tray icon's click
    void setClipboardCountdown(int secondsLeft); // ClipboardGuard::countdown; 0 hides it
    void showStatus(const QString& message);
    void showProblem(const QString& message); // a bar above the accounts until dismissed; empty hides it
    // A calm bar for what Tenantry changed that the user should know (az's active subscription, entries
    // added or removed in azureProfile.json), until dismissed or replaced; empty hides it.
    void showNotice(const QString& message);
    void requestBrowserSignIn(const QString& tenant = {}); // --sign-in [--tenant T], the tray's "Sign in…"
    void requestCodeSignIn(const QString& tenant = {});    // --device-code

signals:
    // An empty tenant: "organizations" (any account, home tenant first).
    void signInWithBrowserRequested(const QString& tenant);
    void signInWithCodeRequested(const QString& tenant);
    void refreshRequested();
    void signOutEverywhereRequested(); // every account's tokens and az's subscriptions, after a confirmation
    void tokenCacheRequested();        // the shared token cache's window
    void settingsRequested();
    void aboutRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildMenus();
    void buildProblemBar();
    // A hidden bar with a dismiss button, put at `index` in the central widget's column.
    NoticePanel* buildDismissableBar(NoticePanel::Tone tone, const QString& iconName, const QString& objectName,
                                     int index);
    void saveGeometrySetting();
    QString elidedStatus() const; // the status text, elided with "…" to the room the status bar has
    void showStatusElided();
    void updateStatusToolTip(const QString& shown);

    static constexpr int kStatusMillis = 8000;

    AppSettings* m_settings;
    QVBoxLayout* m_centralLayout = nullptr; // the bars, then the stack
    QStackedWidget* m_stack = nullptr;
    WelcomePanel* m_welcome = nullptr;
    bool m_hasAccounts = false;
    QWidget* m_accountsArea = nullptr;
    QVBoxLayout* m_accountsLayout = nullptr;
    QTreeView* m_accountsView = nullptr;
    QLabel* m_clipboardLabel = nullptr;
    NoticePanel* m_problemBar = nullptr;
    QLabel* m_problemLabel = nullptr;
    QLabel* m_problemDetails = nullptr;
    QToolButton* m_problemDetailsButton = nullptr;
    NoticePanel* m_noticeBar = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_browserSignInAction = nullptr;
    QAction* m_codeSignInAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_findAction = nullptr; // the filter bar's, also in the Account menu
    QMenu* m_accountMenu = nullptr;
    QAction* m_tokenCacheAction = nullptr;
    QAction* m_signOutEverywhereAction = nullptr;
    QString m_statusText;    // the status bar's message in full
    QString m_statusDetails; // and the provider's words behind it
    QString m_statusShown;   // what the bar shows of it
    bool m_closeToTray = false;
    bool m_quitting = false;
};

} // namespace tenantry
