// tenantry: the desktop app's composition root. It builds the objects and wires them; the
// classes themselves live in ui/ (tenantry-ui) and core/ (tenantry-core).

#include "AppIcons.h"
#include "AutostartEntry.h"
#include "ClipboardGuard.h"
#include "LaunchOptions.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "UiLogging.h"
#include "account/AzureCliState.h"
#include "tray/TrayController.h"
#include "tray/TrayMenu.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QSystemTrayIcon>

#include <memory>

namespace {

using namespace tenantry;

// The app's long-lived objects, built once this process is the only Tenantry of the user.
class Gui
{
public:
    Gui()
        : m_azState(AzureConfigDir::fromEnvironment())
        , m_window(&m_settings)
        , m_trayMenu(&m_azState)
        , m_tray(&m_trayMenu)
    {
        QString error;
        if (!m_azState.load(&error))
            qCWarning(lcUi).noquote() << "could not read the Azure CLI state:" << error;
        m_trayMenu.rebuild();
        m_clipboard.applySettings(m_settings);
        wire();
    }

    void start(const LaunchOptions& options)
    {
        m_tray.start();
        const bool minimized = options.minimized || m_settings.value(AppSettings::Key::StartMinimized).toBool();
        if (!minimized)
            m_window.showAndRaise();
        else if (!QSystemTrayIcon::isSystemTrayAvailable())
            m_window.showMinimized(); // no tray (yet): minimized to the taskbar instead of invisible
        act(options);
    }

    // A second launch handed over its command line.
    void activate(const QStringList& arguments)
    {
        LaunchOptions options;
        QString error;
        if (!LaunchOptions::parse(arguments, &options, &error))
            qCWarning(lcUi).noquote() << "ignored a second launch's command line:" << error;
        if (!options.minimized)
            m_window.showAndRaise();
        act(options);
    }

private:
    void wire()
    {
        auto* app = qApp;
        // Until a tray shows up, closing the window quits, as in any app without one.
        app->setQuitOnLastWindowClosed(true);
        QObject::connect(&m_tray, &TrayController::availabilityChanged, &m_window, [this, app](bool available) {
            m_window.setCloseToTray(available);
            app->setQuitOnLastWindowClosed(!available);
            if (!available && !m_window.isVisible())
                m_window.showAndRaise(); // started minimized, but there is nowhere to minimize to
        });
        QObject::connect(&m_tray, &TrayController::activated, &m_window, &MainWindow::toggleVisible);
        QObject::connect(&m_trayMenu, &TrayMenu::showRequested, &m_window, &MainWindow::showAndRaise);
        QObject::connect(&m_trayMenu, &TrayMenu::signInRequested, &m_window, [this] {
            m_window.showAndRaise();
            m_window.requestBrowserSignIn();
        });
        QObject::connect(&m_trayMenu, &TrayMenu::activeSubscriptionChanged, &m_window,
                         [this](const Subscription& subscription) {
                             m_window.showStatus(
                                 QCoreApplication::translate("main", "Active subscription: %1").arg(subscription.name));
                         });
        const auto quit = [this, app] {
            m_window.prepareToQuit();
            app->quit();
        };
        QObject::connect(&m_trayMenu, &TrayMenu::quitRequested, app, quit);
        QObject::connect(&m_window, &MainWindow::quitRequested, app, quit);

        QObject::connect(&m_clipboard, &ClipboardGuard::countdown, &m_window, &MainWindow::setClipboardCountdown);
        QObject::connect(&m_window, &MainWindow::settingsRequested, &m_window, [this] { openSettings(); });
        // Still to be connected by the accounts integration: MainWindow::signInWithBrowserRequested /
        // signInWithCodeRequested / refreshRequested, TrayMenu::copyTokenRequested / customScopeRequested.
    }

    void openSettings()
    {
        auto* dialog = new SettingsDialog(&m_settings, &m_autostart, &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &SettingsDialog::settingsChanged, &m_window,
                         [this] { m_clipboard.applySettings(m_settings); });
        dialog->open();
    }

    void act(const LaunchOptions& options)
    {
        if (options.signIn)
            m_window.requestBrowserSignIn(options.tenant);
        else if (options.deviceCode)
            m_window.requestCodeSignIn(options.tenant);
    }

    AppSettings m_settings;
    AutostartEntry m_autostart;
    AzureCliState m_azState;
    MainWindow m_window;
    TrayMenu m_trayMenu;
    TrayController m_tray;
    ClipboardGuard m_clipboard;
};

} // namespace

int main(int argc, char* argv[])
{
    // QtWebEngine (started only at the first embedded sign-in) shares OpenGL contexts with the
    // widgets; this must be set before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QApplication::setApplicationName(QStringLiteral("Tenantry"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tenantry"));
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setDesktopFileName(AppIcons::kAppId);
    QApplication::setWindowIcon(AppIcons::application());
    Translations::install(&app);
    const LaunchOptions options = LaunchOptions::process(app);

    std::unique_ptr<Gui> gui;
    SingleInstance instance;
    const auto startGui = [&] {
        gui = std::make_unique<Gui>();
        QObject::connect(&instance, &SingleInstance::activationRequested, &app,
                         [&gui](const QStringList& arguments) { gui->activate(arguments); });
        gui->start(options);
    };
    QObject::connect(&instance, &SingleInstance::becamePrimary, &app, startGui);
    QObject::connect(&instance, &SingleInstance::failed, &app, [&](const QString& message) {
        qCWarning(lcUi).noquote() << message << "- running without the single-instance check";
        startGui();
    });
    // Queued: exit() before exec() would be lost.
    QObject::connect(
        &instance, &SingleInstance::forwarded, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    instance.start(QCoreApplication::arguments());

    const int status = QApplication::exec();
    gui.reset(); // the windows go while the application object still exists
    return status;
}
