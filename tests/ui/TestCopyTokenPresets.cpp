// The copy-token presets of the GUI (the dialog and the tray) follow the active cloud: in Azure China
// or US Government they are that cloud's audiences, and in a custom cloud the copied token is for the
// audience its clouds.config names, as the test identity provider sees the request.

#include "DesktopApp.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "azure/ScopeCatalogue.h"
#include "fakes/SessionSignIn.h"
#include "fakes/TestIdentityProvider.h"
#include "token/CopyTokenDialog.h"
#include "tray/TrayMenu.h"
#include "util/Clock.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace tenantry;
using tenantry::test::TestIdentityProvider;

namespace {

const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"); // in both samples
const QString kSam = QStringLiteral("sam@northwind.example");

QStringList presetScopes(const CopyTokenDialog* dialog)
{
    QStringList scopes;
    for (int i = 0; i < dialog->scopeBox()->count(); ++i)
        scopes.append(dialog->scopeBox()->itemData(i, Qt::ToolTipRole).toString());
    return scopes;
}

QStringList presetNames(const CopyTokenDialog* dialog)
{
    QStringList names;
    for (int i = 0; i < dialog->scopeBox()->count(); ++i)
        names.append(dialog->scopeBox()->itemText(i));
    return names;
}

AccountTarget tenantTarget()
{
    AccountTarget target;
    target.kind = AccountTreeModel::TenantKind;
    target.username = kSam;
    target.tenantId = kNorthwind;
    target.tenantName = QStringLiteral("Northwind");
    return target;
}

} // namespace

class TestCopyTokenPresets : public QObject, public test::SampleDesktopApp
{
    Q_OBJECT

private slots:
    void initTestCase() { blockNetwork(); }
    void init() { copySample(test::sample::kAdventureArmExpiry - 600); }
    void cleanup()
    {
        QGuiApplication::clipboard()->clear();
        stopApp();
    }

    void presetsAreTheActiveCloudsAudiences_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QString>("armScope");
        QTest::newRow("AzureChinaCloud") << QStringLiteral("AzureChinaCloud")
                                         << QStringLiteral("https://management.core.chinacloudapi.cn//.default");
        QTest::newRow("AzureUSGovernment") << QStringLiteral("AzureUSGovernment")
                                           << QStringLiteral("https://management.core.usgovcloudapi.net//.default");
    }

    void presetsAreTheActiveCloudsAudiences()
    {
        QFETCH(QString, cloud);
        QFETCH(QString, armScope);
        test::writeFile(m_config + QStringLiteral("/config"),
                        QStringLiteral("[cloud]\nname = %1\n\n").arg(cloud).toUtf8());
        startApp();
        QCOMPARE(m_app->session()->cloud().name, cloud);
        // The cloud's catalogue (its values per cloud: TestScopeCatalogue).
        QStringList scopes;
        const QList<ScopeEntry> presets = ScopeCatalogue(m_app->session()->cloud()).presets();
        for (const ScopeEntry& preset : presets)
            scopes.append(preset.scope);
        QCOMPARE(scopes.size(), 5);

        m_app->openCopyTokenDialog(tenantTarget());
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // What the dialog offers, by name and by the scope each asks for, then the custom scope.
        QCOMPARE(presetNames(dialog),
                 (QStringList{QStringLiteral("Azure Resource Manager"), QStringLiteral("Microsoft Graph"),
                              QStringLiteral("Key Vault"), QStringLiteral("Storage"), QStringLiteral("Azure DevOps"),
                              QStringLiteral("Custom scope…")}));
        QCOMPARE(presetScopes(dialog), scopes + QStringList{QString()});
        QCOMPARE(dialog->scope(), armScope); // ARM first, as az asks for it
        dialog->scopeBox()->setCurrentIndex(1);
        QCOMPARE(dialog->scope(), scopes.at(1));
        test::saveScreenshot(dialog, QStringLiteral("copy-token-") + cloud);
        dialog->reject();

        // The tray's "Copy token" submenu offers the same.
        QStringList trayScopes;
        const QList<QAction*> actions = m_app->trayMenu()->copyTokenMenu()->actions();
        for (QAction* action : actions) {
            if (!action->data().toString().isEmpty())
                trayScopes.append(action->data().toString());
        }
        QCOMPARE(trayScopes, scopes);
    }

    void copiesATokenForTheCustomCloudsGraph()
    {
        // A custom cloud with its own identity provider (the test one) and its own Microsoft Graph.
        TestIdentityProvider idp;
        QString error;
        QVERIFY2(idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(idp.listen());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        m_config = dir.filePath(QStringLiteral("azure"));
        QDir().mkpath(m_config);
        test::writeFile(m_config + QStringLiteral("/clouds.config"),
                        QStringLiteral("[TestIdp]\nendpoint_active_directory = %1\nendpoint_resource_manager = %1/\n"
                                       "endpoint_active_directory_resource_id = https://management.core.windows.net/\n"
                                       "endpoint_microsoft_graph_resource_id = https://graph.test.example\n"
                                       "suffix_keyvault_dns = .vault.test.example\n")
                            .arg(idp.url().toString())
                            .toUtf8());
        test::writeFile(m_config + QStringLiteral("/config"), "[cloud]\nname = TestIdp\n\n");
        m_network.setProxy(QNetworkProxy::NoProxy);
        SystemClock clock;
        // Sam signed in before (tokens and subscriptions on disk, as az or Tenantry leave them).
        const SignInResult signedIn = test::signInThroughSession(m_config, &m_network, clock, idp, kSam);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error));
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(m_config);
        options.settings = m_settings.get();
        options.clock = &clock;
        options.network = &m_network;
        options.discoverAtStart = false;
        m_app = std::make_unique<DesktopApp>(options);
        m_app->start(LaunchOptions());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        QTRY_VERIFY(m_app->accounts()->isLoaded());

        m_app->openCopyTokenDialog(tenantTarget());
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        // Its own identity provider: no Microsoft Entra-wide resources (Storage, Azure DevOps).
        QCOMPARE(presetNames(dialog),
                 (QStringList{QStringLiteral("Azure Resource Manager"), QStringLiteral("Microsoft Graph"),
                              QStringLiteral("Key Vault"), QStringLiteral("Custom scope…")}));
        dialog->scopeBox()->setCurrentIndex(dialog->scopeBox()->findText(QStringLiteral("Microsoft Graph")));
        idp.clearRequests();
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        const QPointer<CopyTokenDialog> open(dialog);
        QTRY_VERIFY2_WITH_TIMEOUT(!open, qPrintable(open ? open->statusText() : QString()), 20000);
        // The provider issued the token on the clipboard for the custom cloud's Graph.
        const std::optional<test::IdpAccessToken> copied = idp.accessTokenInfo(QGuiApplication::clipboard()->text());
        QVERIFY(copied);
        QCOMPARE(copied->audience, QStringLiteral("https://graph.test.example"));
        QCOMPARE(copied->tenantId, kNorthwind);
        QCOMPARE(idp.requestCount(test::IdpEndpoint::Token, QStringLiteral("refresh_token")), 1);
        stopApp(); // before the provider goes
    }
    void germanNamesThePresets()
    {
        QTranslator german;
        QVERIFY(german.load(Translations::directory() + QStringLiteral("/tenantry_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        test::writeFile(m_config + QStringLiteral("/config"), "[cloud]\nname = AzureChinaCloud\n\n");
        startApp();
        m_app->openCopyTokenDialog(tenantTarget());
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QStringList names = presetNames(dialog);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Azure Resource Manager"), QStringLiteral("Microsoft Graph"),
                              QStringLiteral("Key Vault (Schlüsseltresor)"), QStringLiteral("Speicher (Azure Storage)"),
                              QStringLiteral("Azure DevOps"), QStringLiteral("Eigener Bereich (Scope) …")}));
        QStringList trayNames;
        const QList<QAction*> actions = m_app->trayMenu()->copyTokenMenu()->actions();
        for (QAction* action : actions) {
            if (!action->isSeparator() && !action->isCheckable())
                trayNames.append(action->text());
        }
        QCOMPARE(trayNames, names);
        test::saveScreenshot(dialog, QStringLiteral("copy-token-AzureChinaCloud-de"));
        dialog->reject();
        QCoreApplication::removeTranslator(&german);
    }
};

QTEST_MAIN(TestCopyTokenPresets)
#include "TestCopyTokenPresets.moc"
