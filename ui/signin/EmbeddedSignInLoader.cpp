#include "signin/EmbeddedSignInLoader.h"

#include "UiLogging.h"
#include "signin/EmbeddedSignIn.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QOpenGLContext>
#include <QPluginLoader>

// Qt Gui's own (declared in its private qopenglcontext_p.h, exported): QGuiApplication and QtWebEngine
// set the application's global OpenGL share context with it.
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext* context);

namespace tenantry {

namespace {

// QtWebEngine shares OpenGL resources with Qt Quick through the application's global share context and
// warns ("initialized from a plugin") when it is loaded after the application object without one.
// QGuiApplication creates that context at start-up when Qt::AA_ShareOpenGLContexts is set before it,
// but that loads the OpenGL driver in every run (Mesa's llvmpipe maps libLLVM: about 60 MiB and 150 ms)
// although most runs never sign in; and the attribute cannot be set later (Qt warns). So the app sets
// neither, and this creates the share context, as QGuiApplication would have, just before QtWebEngine
// is loaded. It lives as long as the process, as QGuiApplication's would.
void shareOpenGLContextsForWebEngine()
{
    if (QOpenGLContext::globalShareContext())
        return;
    auto* context = new QOpenGLContext;
    context->setFormat(QSurfaceFormat::defaultFormat());
    if (!context->create())
        qCWarning(lcSignIn) << "no OpenGL context to share with the embedded browser: it renders in software";
    qt_gl_set_global_share_context(context);
}

} // namespace

EmbeddedSignInLoader::EmbeddedSignInLoader()
    : EmbeddedSignInLoader(installedPluginPath())
{}

EmbeddedSignInLoader::EmbeddedSignInLoader(const QString& pluginPath)
    : m_pluginPath(pluginPath)
{}

QString EmbeddedSignInLoader::installedPluginPath()
{
    // The plugin runs as the app: it is loaded only from where the build or the package installed it,
    // relative to the executable itself (/proc/self/exe), never from a path an environment variable,
    // the working directory or a library search path names -- a library loaded from a relative or
    // user-writable place would run whatever code someone put there.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                           QStringLiteral(TENANTRY_SIGNIN_PLUGIN_FROM_BINDIR));
}

EmbeddedSignInFactory* EmbeddedSignInLoader::factory(QString* error)
{
    if (m_factory)
        return m_factory;
    QElapsedTimer timer;
    timer.start();
    shareOpenGLContextsForWebEngine();
    QPluginLoader loader(m_pluginPath);
    QObject* instance = loader.instance(); // stays loaded: Qt 6 never unloads a plugin instance
    m_factory = qobject_cast<EmbeddedSignInFactory*>(instance);
    if (!m_factory) {
        const QString reason = instance ? QCoreApplication::translate("tenantry::EmbeddedSignInLoader",
                                                                      "%1 is not Tenantry's sign-in plugin")
                                              .arg(m_pluginPath)
                                        : QStringLiteral("%1: %2").arg(m_pluginPath, loader.errorString());
        qCWarning(lcSignIn).noquote() << "the embedded sign-in browser cannot be loaded:" << reason;
        if (error)
            *error = reason;
        return nullptr;
    }
    qCDebug(lcSignIn) << "loaded the embedded sign-in browser in" << timer.elapsed() << "ms";
    return m_factory;
}

} // namespace tenantry
