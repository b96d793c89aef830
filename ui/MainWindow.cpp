#include "MainWindow.h"

#include "AppIcons.h"
#include "NoticePanel.h"
#include "UntrustedText.h"
#include "WelcomePanel.h"
#include "accounts/AccountActions.h"
#include "auth/EntraError.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tenantry {

MainWindow::MainWindow(AppSettings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Tenantry")); // the icon is the application's (main): set once, converted once

    auto* central = new QWidget(this);
    m_centralLayout = new QVBoxLayout(central);
    m_centralLayout->setContentsMargins(0, 0, 0, 0);
    m_centralLayout->setSpacing(0);
    // The problem and notice bars above it are built when first shown (showProblem(), showNotice()): most
    // starts show neither, and each renders its icon when built.
    m_stack = new QStackedWidget(central);
    m_centralLayout->addWidget(m_stack, 1);
    m_accountsArea = new QWidget(m_stack);
    m_accountsArea->setObjectName(QStringLiteral("accountsArea"));
    m_accountsLayout = new QVBoxLayout(m_accountsArea);
    m_accountsLayout->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_accountsArea);
    setCentralWidget(central);

    m_clipboardLabel = new QLabel(this);
    m_clipboardLabel->hide();
    statusBar()->addPermanentWidget(m_clipboardLabel);
    connect(statusBar(), &QStatusBar::messageChanged, this, &MainWindow::updateStatusToolTip);

    buildMenus();
    setHasAccounts(false);

    resize(940, 600);
    if (m_settings)
        restoreGeometry(m_settings->value(AppSettings::Key::MainWindowGeometry).toByteArray());
}

WelcomePanel* MainWindow::welcomePanel()
{
    if (!m_welcome) {
        m_welcome = new WelcomePanel(m_stack);
        connect(m_welcome, &WelcomePanel::signInWithBrowserClicked, this,
                [this] { emit signInWithBrowserRequested(QString()); });
        connect(m_welcome, &WelcomePanel::signInWithCodeClicked, this,
                [this] { emit signInWithCodeRequested(QString()); });
        m_stack->addWidget(m_welcome);
    }
    return m_welcome;
}

void MainWindow::buildMenus()
{
    QMenu* account = menuBar()->addMenu(tr("&Account"));
    m_browserSignInAction = account->addAction(tr("Sign in with a &browser…"));
    m_browserSignInAction->setShortcut(QKeySequence::New);
    connect(m_browserSignInAction, &QAction::triggered, this, [this] { emit signInWithBrowserRequested(QString()); });
    m_codeSignInAction = account->addAction(tr("Sign in with a &code…"));
    connect(m_codeSignInAction, &QAction::triggered, this, [this] { emit signInWithCodeRequested(QString()); });
    account->addSeparator();
    m_refreshAction = account->addAction(tr("&Refresh all"));
    m_refreshAction->setIcon(AppIcons::action(QStringLiteral("refresh")));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshRequested);
    m_accountMenu = account;
    QAction* tokenCache = m_tokenCacheAction = account->addAction(tr("Shared &token cache…"));
    tokenCache->setObjectName(QStringLiteral("showTokenCache"));
    tokenCache->setStatusTip(tr("See which apps hold tokens for which account, and remove them"));
    connect(tokenCache, &QAction::triggered, this, &MainWindow::tokenCacheRequested);
    // Also in the empty state: other tools' tokens may be in the shared cache without an account to show.
    m_signOutEverywhereAction = account->addAction(tr("Sign &out everywhere…"));
    m_signOutEverywhereAction->setObjectName(QStringLiteral("signOutEverywhere"));
    m_signOutEverywhereAction->setStatusTip(
        tr("Remove every account's tokens from this computer, for az and other tools too"));
    connect(m_signOutEverywhereAction, &QAction::triggered, this, &MainWindow::signOutEverywhereRequested);
    account->addSeparator();
    QAction* settings = account->addAction(tr("&Settings…"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    QAction* quit = account->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Tenantry"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::aboutRequested);
}

NoticePanel* MainWindow::buildDismissableBar(NoticePanel::Tone tone, const QString& iconName, const QString& objectName,
                                             int index)
{
    auto* bar = new NoticePanel(tone, AppIcons::status(iconName), 16, centralWidget());
    bar->setObjectName(objectName);
    auto* close = new QToolButton(bar);
    close->setAutoRaise(true);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));
    connect(close, &QToolButton::clicked, bar, &QWidget::hide);
    bar->row()->addWidget(close, 0, Qt::AlignTop);
    bar->hide();
    m_centralLayout->insertWidget(index, bar);
    return bar;
}

void MainWindow::buildProblemBar()
{
    m_problemBar = buildDismissableBar(NoticePanel::Tone::Warning, QStringLiteral("needs-sign-in"),
                                       QStringLiteral("problemBar"), 0);
    m_problemLabel = m_problemBar->label();
    // The identity provider's own words (code, trace and correlation ids) under the plain sentence, on demand.
    m_problemDetails = new QLabel(m_problemBar);
    m_problemDetails->setObjectName(QStringLiteral("problemDetails"));
    m_problemDetails->setTextFormat(Qt::PlainText);
    m_problemDetails->setWordWrap(true);
    m_problemDetails->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problemDetails->hide();
    // The message and its details share the message's place in the bar's row.
    QHBoxLayout* row = m_problemBar->row();
    const int at = row->indexOf(m_problemLabel);
    delete row->takeAt(at);
    auto* texts = new QVBoxLayout;
    texts->setSpacing(4);
    texts->addWidget(m_problemLabel);
    texts->addWidget(m_problemDetails);
    row->insertLayout(at, texts, 1);
    m_problemDetailsButton = new QToolButton(m_problemBar);
    m_problemDetailsButton->setObjectName(QStringLiteral("problemDetailsButton"));
    m_problemDetailsButton->setText(tr("Details"));
    m_problemDetailsButton->setCheckable(true);
    m_problemDetailsButton->setAutoRaise(true);
    m_problemDetailsButton->hide();
    connect(m_problemDetailsButton, &QToolButton::toggled, m_problemDetails, &QWidget::setVisible);
    row->insertWidget(row->count() - 1, m_problemDetailsButton, 0, Qt::AlignTop); // before the dismiss button
}

void MainWindow::showProblem(const QString& message)
{
    if (!m_problemBar) {
        if (message.isEmpty())
            return;
        buildProblemBar();
    }
    // The identity provider's words in plain ones, its own under Details; anything else as it is.
    const EntraErrorText text = describeEntraError(message);
    const bool fromProvider = text.code != 0;
    m_problemLabel->setText(fromProvider ? text.line() : message);
    m_problemDetails->setText(fromProvider ? text.details : QString());
    m_problemDetailsButton->setChecked(false);
    m_problemDetailsButton->setVisible(!m_problemDetails->text().isEmpty());
    m_problemBar->setVisible(!message.isEmpty());
}

QString MainWindow::problemDetails() const
{
    return m_problemDetails ? m_problemDetails->text() : QString();
}

void MainWindow::showNotice(const QString& message)
{
    if (!m_noticeBar) {
        if (message.isEmpty())
            return;
        m_noticeBar = buildDismissableBar(NoticePanel::Tone::Information, QStringLiteral("active"),
                                          QStringLiteral("noticeBar"), m_problemBar ? 1 : 0); // under it
    }
    m_noticeBar->label()->setText(message);
    m_noticeBar->setVisible(!message.isEmpty());
}

QString MainWindow::noticeText() const
{
    return !m_noticeBar || m_noticeBar->isHidden() ? QString() : m_noticeBar->label()->text();
}

QString MainWindow::problemText() const
{
    return !m_problemBar || m_problemBar->isHidden() ? QString() : m_problemLabel->text();
}

void MainWindow::setAccountActions(AccountActions* actions)
{
    if (!m_toolBar) {
        m_toolBar = addToolBar(tr("Accounts"));
        m_toolBar->setObjectName(QStringLiteral("accountsToolBar"));
        m_toolBar->setMovable(false);
        m_toolBar->setFloatable(false);
        m_toolBar->setIconSize(QSize(16, 16));
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toolBar->toggleViewAction()->setVisible(false);
    }
    m_toolBar->clear();
    // "Add account": the browser by default, the code from its menu.
    auto* addAccount = new QToolButton(m_toolBar);
    addAccount->setText(tr("Add account"));
    addAccount->setToolTip(tr("Sign in to another account or tenant"));
    addAccount->setIcon(AppIcons::action(QStringLiteral("account")));
    addAccount->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addAccount->setPopupMode(QToolButton::MenuButtonPopup);
    auto* addMenu = new QMenu(addAccount);
    addMenu->addAction(m_browserSignInAction);
    addMenu->addAction(m_codeSignInAction);
    addAccount->setMenu(addMenu);
    connect(addAccount, &QToolButton::clicked, m_browserSignInAction, &QAction::trigger);
    m_toolBar->addWidget(addAccount);
    // The frequent jobs; everything else about a row is in the details panel and its context menu.
    m_toolBar->addAction(actions->makeActive());
    m_toolBar->addAction(actions->copyToken());
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addAction(m_refreshAction);
}

void MainWindow::setAccountsView(QTreeView* view)
{
    if (m_accountsView == view)
        return;
    delete m_accountsView;
    m_accountsView = view;
    if (view)
        m_accountsLayout->insertWidget(0, view, 1);
}

void MainWindow::setDetailsPanel(QWidget* panel)
{
    m_accountsLayout->addWidget(panel);
}

void MainWindow::setFilterBar(QWidget* bar, QAction* findAction)
{
    m_accountsLayout->insertWidget(0, bar);
    addAction(findAction); // the shortcut works in the whole window, also with the menu bar hidden
    findAction->setEnabled(m_hasAccounts);
    m_findAction = findAction;
    m_accountMenu->insertAction(m_tokenCacheAction, findAction); // after Refresh all
}

bool MainWindow::isShowingAccounts() const
{
    return m_hasAccounts;
}

void MainWindow::setHasAccounts(bool hasAccounts)
{
    m_hasAccounts = hasAccounts;
    m_refreshAction->setEnabled(hasAccounts);
    if (m_findAction)
        m_findAction->setEnabled(hasAccounts);
    if (hasAccounts)
        m_stack->setCurrentWidget(m_accountsArea);
    else if (isVisible())
        m_stack->setCurrentWidget(welcomePanel());
}

void MainWindow::showEvent(QShowEvent* event)
{
    // The empty state is built when it is first shown: a start with accounts never builds it.
    if (!m_hasAccounts)
        m_stack->setCurrentWidget(welcomePanel());
    QMainWindow::showEvent(event);
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::toggleVisible()
{
    if (isVisible() && !isMinimized() && isActiveWindow())
        close(); // hides to the tray
    else
        showAndRaise();
}

void MainWindow::setClipboardCountdown(int secondsLeft)
{
    m_clipboardLabel->setVisible(secondsLeft > 0);
    if (secondsLeft > 0)
        m_clipboardLabel->setText(tr("Token on the clipboard, cleared in %1 s").arg(secondsLeft));
}

void MainWindow::showStatus(const QString& message)
{
    // Plain words in the bar; what does not fit, and the provider's own words, in its tooltip.
    const EntraErrorText text = describeEntraError(message);
    const bool fromProvider = text.code != 0;
    m_statusText = fromProvider ? text.line() : message;
    m_statusDetails = fromProvider ? text.details : QString();
    showStatusElided();
}

QString MainWindow::elidedStatus() const
{
    const int permanent = m_clipboardLabel->isVisible() ? m_clipboardLabel->sizeHint().width() : 0;
    const int room =
        std::max(width() - permanent - 2 * style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) - 24, 40);
    return statusBar()->fontMetrics().elidedText(m_statusText, Qt::ElideRight, room);
}

void MainWindow::updateStatusToolTip(const QString& shown)
{
    // Gone, or replaced by a menu's status tip: no tooltip of ours.
    if (shown.isEmpty() || shown != m_statusShown) {
        statusBar()->setToolTip(QString());
        return;
    }
    QStringList full;
    if (m_statusShown != m_statusText)
        full.append(m_statusText);
    if (!m_statusDetails.isEmpty())
        full.append(m_statusDetails);
    statusBar()->setToolTip(plainTextToolTip(full.join(QLatin1Char('\n'))));
}

void MainWindow::showStatusElided()
{
    m_statusShown = elidedStatus();
    statusBar()->showMessage(m_statusShown, kStatusMillis);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    // The text shown is cut to the old width: cut the full text to the new one (the remaining time restarts).
    if (!m_statusShown.isEmpty() && statusBar()->currentMessage() == m_statusShown)
        showStatusElided();
}

void MainWindow::requestBrowserSignIn(const QString& tenant)
{
    emit signInWithBrowserRequested(tenant);
}

void MainWindow::requestCodeSignIn(const QString& tenant)
{
    emit signInWithCodeRequested(tenant);
}

void MainWindow::prepareToQuit()
{
    m_quitting = true;
}

void MainWindow::saveGeometrySetting()
{
    if (m_settings) {
        m_settings->setValue(AppSettings::Key::MainWindowGeometry, saveGeometry());
        m_settings->sync();
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveGeometrySetting();
    if (m_closeToTray && !m_quitting) {
        // Like KeePassXC: the window goes, the app stays in the tray.
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace tenantry
