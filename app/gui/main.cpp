// tenantry: the desktop app's composition root. It gives DesktopApp (ui/) the real clock,
// settings and keychain, keeps the app to one instance per user, and runs the event loop.

#include "AppIcons.h"
#include "AutostartEntry.h"
#include "DeferredStandardIconsStyle.h"
#include "DesktopApp.h"
#include "FontConfigWarmUp.h"
#include "LaunchOptions.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "UiLogging.h"
#include "store/KeychainStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/ProcessGuard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>

#include <memory>

namespace {

using namespace tenantry;

// With tenantry.ui.startup.debug=true in QT_LOGGING_RULES: how long each start-up step took, from main()
// to the main window's first paint.
QElapsedTimer sinceMain;

class FirstPaintLog : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            qCDebug(lcStartup) << "first paint of the window:" << sinceMain.elapsed();
            watched->removeEventFilter(this);
        }
        return false;
    }
};

// What lives as long as the app once this process is the only Tenantry of the user.
struct Gui
{
    SystemClock clock;
    AppSettings settings;
    AutostartEntry autostart;
    KeychainStore keychain;
    std::unique_ptr<DesktopApp> app;

    Gui()
    {
        DesktopApp::Options options;
        options.settings = &settings;
        options.clock = &clock;
        options.keychain = &keychain;
        options.autostart = &autostart;
        options.clientId = qEnvironmentVariable("TENANTRY_CLIENT_ID");
        app = std::make_unique<DesktopApp>(options);
        qCDebug(lcStartup) << "DesktopApp built:" << sinceMain.elapsed();
        if (lcStartup().isDebugEnabled())
            app->window()->installEventFilter(new FirstPaintLog(app.get()));
        QObject::connect(app.get(), &DesktopApp::quitRequested, qApp, &QCoreApplication::quit);
    }
};

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
}

// --help, --version and a wrong option: printed in the user's language by a core application, so that
// they need no display (`tenantry --version` over ssh, in a package's install test).
int printLaunchOptionsAnswer(int argc, char* argv[])
{
    GuardedApplication<QCoreApplication> app(argc, argv);
    nameApplication();
    QCoreApplication::setApplicationName(QStringLiteral("tenantry")); // "tenantry 0.1.0", as the command is called
    Translations::install(&app);
    LaunchOptions::process(app); // prints, then exits: 0, or 1 for a wrong option
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    sinceMain.start();
    // In parallel with connecting to the display and reading the session; waited for before the first widget.
    FontConfigWarmUp fonts;
    // Before anything reads a token: no core dump of this process, and no abort on an exception.
    ProcessGuard::install("tenantry");
    QString hardeningError;
    const bool hardened = ProcessGuard::disableCoreDumps(&hardeningError);

    QStringList commandLine;
    for (int i = 0; i < argc; ++i)
        commandLine.append(QString::fromLocal8Bit(argv[i]));
    if (LaunchOptions::onlyPrints(commandLine))
        return printLaunchOptionsAnswer(argc, argv);

    // No Qt::AA_ShareOpenGLContexts here: set before the application object, it makes QGuiApplication
    // create an OpenGL context at once, loading the OpenGL driver (Mesa llvmpipe: ~60 MiB) in every run.
    // QtWebEngine needs it only for a sign-in; EmbeddedSignInLoader sets it up just before loading it.
    GuardedApplication<QApplication> app(argc, argv);
    qCDebug(lcStartup) << "application object:" << sinceMain.elapsed();
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Tenantry"));
    QApplication::setDesktopFileName(AppIcons::kAppId);
    QApplication::setWindowIcon(AppIcons::application());
    QApplication::setStyle(new DeferredStandardIconsStyle); // the platform's style; owned by the application
    if (!hardened)
        qCWarning(lcUi).noquote() << "Core dumps could not be turned off:" << hardeningError;
    Translations::install(&app);
    const LaunchOptions options = LaunchOptions::process(app);
    qCDebug(lcStartup) << "translations and options:" << sinceMain.elapsed();

    std::unique_ptr<Gui> gui;
    SingleInstance instance;
    const auto startGui = [&] {
        fonts.wait();
        gui = std::make_unique<Gui>();
        QObject::connect(&instance, &SingleInstance::activationRequested, &app,
                         [&gui](const QStringList& arguments) { gui->app->activate(arguments); });
        gui->app->start(options);
        qCDebug(lcStartup) << "started, window shown:" << sinceMain.elapsed();
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

    const int status = ProcessGuard::exitCode(QApplication::exec());
    gui.reset(); // the windows go while the application object still exists
    return status;
}
