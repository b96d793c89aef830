#pragma once

#include "DesktopApp.h"
#include "MainWindow.h"
#include "account/Session.h"
#include "accounts/AccountsController.h"
#include "fakes/MockClock.h"
#include "fakes/TestFiles.h"
#include "util/AppSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tenantry::test {

// The sample's tenants, subscriptions and user.
namespace sample {
inline const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
inline const QString kAdventure = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
inline const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211"); // Northwind
inline const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");    // Northwind, active
inline const QString kShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");     // Adventure
inline const QString kUser = QStringLiteral("sam@northwind.example");
// The ARM token of the second tenant expires at this second (2026-11-23 09:20:12 UTC).
constexpr qint64 kAdventureArmExpiry = 1795425612;
} // namespace sample

// A JSON file az writes (azureProfile.json starts with a byte order mark).
inline QJsonObject readJsonObject(const QString& path)
{
    QByteArray bytes = readFile(path);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return QJsonDocument::fromJson(bytes).object();
}

// The id of the subscription azureProfile.json in `configDir` marks isDefault (az's active one).
inline QString activeSubscriptionOnDisk(const QString& configDir)
{
    const QJsonArray subscriptions = readJsonObject(configDir + QStringLiteral("/azureProfile.json"))
                                         .value(QStringLiteral("subscriptions"))
                                         .toArray();
    for (const QJsonValue& s : subscriptions) {
        if (s.toObject().value(QStringLiteral("isDefault")).toBool())
            return s.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

// For a test of the whole desktop app over a copy of the az 2.45 sample files (tests/data), with a
// MockClock, settings of its own and no network: every request goes to a proxy that is not there.
// A test class derives from it (after QObject) and calls these from its own slots.
class SampleDesktopApp
{
protected:
    // initTestCase()
    void blockNetwork() { m_network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 9)); }

    // init(): a fresh copy of the sample, for the app to start on.
    void copySample(qint64 clockStart)
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate()));
        test::copySample(QStringLiteral("azure-cli-2.45"), m_config);
        m_clock = std::make_unique<MockClock>(clockStart);
        m_settings = std::make_unique<AppSettings>(m_config + QStringLiteral(".ini"));
    }

    // `keychain`: none by default (the token cache file alone); not owned.
    void startApp(SecretStore* keychain = nullptr)
    {
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(m_config);
        options.settings = m_settings.get();
        options.clock = m_clock.get();
        options.network = &m_network;
        options.keychain = keychain;
        options.discoverAtStart = false; // no identity provider here: the cache is all there is
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start(LaunchOptions());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        QTRY_VERIFY(m_app->accounts()->isLoaded());
    }

    // cleanup()
    void stopApp()
    {
        m_app.reset();
        m_settings.reset();
    }

    QTemporaryDir m_dir;
    QString m_config;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<DesktopApp> m_app;
    QNetworkAccessManager m_network;
};

} // namespace tenantry::test
