#pragma once

#include "DesktopApp.h"
#include "LaunchOptions.h"
#include "UiTestSupport.h"
#include "fakes/TestIdentityProvider.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <functional>
#include <memory>

namespace tenantry::test {

// The desktop app against the test identity provider (the sample directory, on 127.0.0.1), which is
// az's custom cloud "TestIdp" in a fresh AZURE_CONFIG_DIR: what a ui test starts to sign in end to end.
class AppOnTestIdp
{
public:
    // `configDir`: a directory that does not exist yet. Check error() before using it.
    explicit AppOnTestIdp(const QString& azureConfigDir)
        : configDir(azureConfigDir)
        , settings(azureConfigDir + QStringLiteral(".ini"))
    {
        if (!idp.loadConfig(TestIdentityProvider::sampleConfig(), &m_error))
            return;
        if (!idp.listen()) {
            m_error = QStringLiteral("the test identity provider cannot listen");
            return;
        }
        network.setProxy(QNetworkProxy::NoProxy);
        writeTestIdpCloud(configDir, idp.url());
    }

    QString error() const { return m_error; }

    // Builds the app, runs `beforeStart` on it, and starts it as `tenantry <arguments>` would. False
    // (error() says why) when the app cannot be used.
    bool start(const QStringList& arguments, const std::function<void(DesktopApp&)>& beforeStart = {})
    {
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(configDir);
        options.settings = &settings;
        options.clock = &clock;
        options.network = &network;
        app = std::make_unique<DesktopApp>(options);
        m_error = app->sessionError();
        LaunchOptions launch;
        if (m_error.isEmpty() &&
            !LaunchOptions::parse(QStringList{QStringLiteral("tenantry")} + arguments, &launch, &m_error))
            return false;
        if (!m_error.isEmpty())
            return false;
        if (beforeStart)
            beforeStart(*app);
        app->start(launch);
        return true;
    }

    const QString configDir;
    SystemClock clock;
    TestIdentityProvider idp;
    QNetworkAccessManager network;
    AppSettings settings;
    std::unique_ptr<DesktopApp> app; // last: goes first

private:
    QString m_error;
};

} // namespace tenantry::test
