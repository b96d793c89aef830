// tenantry: the desktop app's composition root. It gives DesktopApp (ui/) the real clock,
// settings and keychain, keeps the app to one instance per user, and runs the event loop.

#include "AppIcons.h"
#include "AutostartEntry.h"
#include "DesktopApp.h"
#include "LaunchOptions.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "UiLogging.h"
#include "store/KeychainStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/ProcessGuard.h"

#include <QApplication>

#include <memory>

namespace {

using namespace tenantry;

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
        QObject::connect(app.get(), &DesktopApp::quitRequested, qApp, &QCoreApplication::quit);
    }
};

} // namespace

int main(int argc, char* argv[])
{
    // Before anything reads a token: no core dump of this process, and no abort on an exception.
    ProcessGuard::install("tenantry");
    QString hardeningError;
    const bool hardened = ProcessGuard::disableCoreDumps(&hardeningError);

    // QtWebEngine (started only at the first embedded sign-in) shares OpenGL contexts with the
    // widgets; this must be set before the application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    GuardedApplication<QApplication> app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QApplication::setApplicationName(QStringLiteral("Tenantry"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tenantry"));
    QApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));
    QApplication::setDesktopFileName(AppIcons::kAppId);
    QApplication::setWindowIcon(AppIcons::application());
    if (!hardened)
        qCWarning(lcUi).noquote() << "Core dumps could not be turned off:" << hardeningError;
    Translations::install(&app);
    const LaunchOptions options = LaunchOptions::process(app);

    std::unique_ptr<Gui> gui;
    SingleInstance instance;
    const auto startGui = [&] {
        gui = std::make_unique<Gui>();
        QObject::connect(&instance, &SingleInstance::activationRequested, &app,
                         [&gui](const QStringList& arguments) { gui->app->activate(arguments); });
        gui->app->start(options);
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
