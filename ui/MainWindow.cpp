#include "MainWindow.h"

#include "AppIcons.h"
#include "WelcomePanel.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace tenantry {

MainWindow::MainWindow(AppSettings* settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Tenantry"));
    setWindowIcon(AppIcons::application());

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePanel(m_stack);
    connect(m_welcome, &WelcomePanel::signInWithBrowserClicked, this,
            [this] { emit signInWithBrowserRequested(QString()); });
    connect(m_welcome, &WelcomePanel::signInWithCodeClicked, this, [this] { emit signInWithCodeRequested(QString()); });
    m_stack->addWidget(m_welcome);

    m_accountsArea = new QWidget(m_stack);
    m_accountsArea->setObjectName(QStringLiteral("accountsArea"));
    m_accountsLayout = new QVBoxLayout(m_accountsArea);
    m_accountsLayout->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_accountsArea);
    setCentralWidget(m_stack);

    m_clipboardLabel = new QLabel(this);
    m_clipboardLabel->hide();
    statusBar()->addPermanentWidget(m_clipboardLabel);

    buildMenus();
    setHasAccounts(false);

    resize(760, 560);
    if (m_settings)
        restoreGeometry(m_settings->value(AppSettings::Key::MainWindowGeometry).toByteArray());
}

void MainWindow::buildMenus()
{
    QMenu* account = menuBar()->addMenu(tr("&Account"));
    QAction* browser = account->addAction(tr("Sign in with a &browser…"));
    browser->setShortcut(QKeySequence::New);
    connect(browser, &QAction::triggered, this, [this] { emit signInWithBrowserRequested(QString()); });
    QAction* code = account->addAction(tr("Sign in with a &code…"));
    connect(code, &QAction::triggered, this, [this] { emit signInWithCodeRequested(QString()); });
    account->addSeparator();
    m_refreshAction = account->addAction(tr("&Refresh all"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshRequested);
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
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Tenantry"),
                           tr("<h3>Tenantry %1</h3><p>Your Azure accounts, tenants and subscriptions, shared "
                              "with the Azure CLI and other tools.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setAccountsView(QTreeView* view)
{
    if (m_accountsView == view)
        return;
    delete m_accountsView;
    m_accountsView = view;
    if (view)
        m_accountsLayout->addWidget(view);
}

bool MainWindow::isShowingAccounts() const
{
    return m_stack->currentWidget() == m_accountsArea;
}

void MainWindow::setHasAccounts(bool hasAccounts)
{
    m_stack->setCurrentWidget(hasAccounts ? m_accountsArea : static_cast<QWidget*>(m_welcome));
    m_refreshAction->setEnabled(hasAccounts);
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
    statusBar()->showMessage(message, 8000);
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
