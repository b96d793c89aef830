#pragma once

#include <QString>

namespace tenantry {

class EmbeddedSignInFactory;

// Loads the embedded sign-in browser, the plugin tenantry-signin-webengine, when a sign-in first
// needs it: until then the app maps no QtWebEngine (nor the Qt Quick and OpenGL libraries it pulls in).
class EmbeddedSignInLoader
{
public:
    // The plugin where the build or the package put it: a fixed path next to the executable.
    EmbeddedSignInLoader();
    // Another plugin file (tests: a missing or broken one).
    explicit EmbeddedSignInLoader(const QString& pluginPath);

    // The factory, loading the plugin on the first call; null if it cannot be loaded (`error` says why).
    EmbeddedSignInFactory* factory(QString* error);
    QString pluginPath() const { return m_pluginPath; }

    // <directory of the executable>/../lib/tenantry/tenantry-signin-webengine.so
    static QString installedPluginPath();

private:
    QString m_pluginPath;
    EmbeddedSignInFactory* m_factory = nullptr;
};

} // namespace tenantry
