#include "UiTestSupport.h"
#include "account/AzureCliState.h"
#include "account/RecentSubscriptions.h"
#include "fakes/ProfileFixtures.h"
#include "fakes/TestFiles.h"
#include "tray/TrayMenu.h"
#include "util/AppSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

namespace {

const QString kNorthwindTenant = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kAdventureTenant = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");
const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");

// The id of the subscription azureProfile.json on disk marks isDefault.
QString defaultOnDisk(const QString& dir)
{
    QByteArray bytes = test::readFile(dir + QStringLiteral("/azureProfile.json"));
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QJsonArray subscriptions =
        QJsonDocument::fromJson(bytes).object().value(QStringLiteral("subscriptions")).toArray();
    QString id;
    for (const QJsonValue& s : subscriptions) {
        if (s.toObject().value(QStringLiteral("isDefault")).toBool()) {
            if (!id.isEmpty())
                return QStringLiteral("<several>");
            id = s.toObject().value(QStringLiteral("id")).toString();
        }
    }
    return id;
}

} // namespace

class TestTrayMenu : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    // A tenant submenu's items, the checked one marked.
    static QStringList itemsOf(QMenu* menu)
    {
        QStringList items;
        const QList<QAction*> actions = menu->actions();
        for (QAction* action : actions)
            items.append(action->text() + (action->isChecked() ? QStringLiteral(" ✓") : QString()));
        return items;
    }

    static QStringList texts(const QList<QAction*>& actions)
    {
        QStringList items;
        for (QAction* action : actions)
            items.append(action->text() + (action->isChecked() ? QStringLiteral(" ✓") : QString()));
        return items;
    }

    // The menu's top-level items up to the first separator.
    static QStringList leadingItems(QMenu* menu)
    {
        QStringList items;
        const QList<QAction*> actions = menu->actions();
        for (QAction* action : actions) {
            if (action->isSeparator())
                break;
            items.append(action->text() + (action->isChecked() ? QStringLiteral(" ✓") : QString()));
        }
        return items;
    }

    // The sample's subscriptions and a hundred more tenants of ten subscriptions each.
    void writeManyTenants()
    {
        QList<Subscription> subscriptions = test::manyTenantSubscriptions(100, 10);
        subscriptions.prepend(test::northwindSubscription(kSandbox, QStringLiteral("Northwind Sandbox")));
        test::writeFile(m_config + QStringLiteral("/azureProfile.json"), test::azProfileBytes(subscriptions, kSandbox));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate()));
        test::copySample(QStringLiteral("azure-cli-2.45"), m_config);
    }

    void listsSubscriptionsGroupedByTenant()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY2(state.load(&error), qPrintable(error));
        TrayMenu tray(&state);
        tray.setTenantNames({{kNorthwindTenant, QStringLiteral("Northwind Traders")},
                             {kAdventureTenant.toUpper(), QStringLiteral("Adventure Works")}});

        QCOMPARE(tray.subscriptionActions().size(), 3);
        QStringList headers;
        for (QMenu* tenant : tray.tenantMenus())
            headers.append(tenant->title());
        QCOMPARE(headers, (QStringList{QStringLiteral("Adventure Works"), QStringLiteral("Northwind Traders")}));
        QCOMPARE(itemsOf(tray.tenantMenus().at(0)), QStringList{QStringLiteral("AW Shared Services")});
        QCOMPARE(itemsOf(tray.tenantMenus().at(1)),
                 (QStringList{QStringLiteral("Northwind Production"), QStringLiteral("Northwind Sandbox ✓")}));
        // First of all, the active one, with its tenant.
        QCOMPARE(leadingItems(tray.menu()), QStringList{QStringLiteral("Northwind Sandbox — Northwind Traders ✓")});
        QVERIFY(!tray.moreAction());

        int checked = 0;
        for (QAction* action : tray.subscriptionActions())
            checked += action->isChecked() ? 1 : 0;
        QCOMPARE(checked, 1);
        QVERIFY(tray.subscriptionAction(kSandbox)->isChecked());

        QVERIFY(tray.toolTip().contains(QStringLiteral("Northwind Sandbox")));
        QVERIFY(tray.toolTip().contains(QStringLiteral("Northwind Traders")));

        tray.menu()->show();
        test::saveScreenshot(tray.menu(), QStringLiteral("tray-menu"));
        tray.menu()->hide();
    }

    void buildsTheSubscriptionsWhenFirstAskedFor()
    {
        // A hundred tenants' submenus are not built at start (before the window is shown), but when the tray
        // first asks for the menu, with the names and recent subscriptions given meanwhile.
        writeManyTenants();
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY2(state.load(&error), qPrintable(error));
        TrayMenu tray(&state);
        QSignalSpy rebuilt(&tray, &TrayMenu::rebuilt);
        AppSettings settings(m_config + QStringLiteral(".ini"));
        RecentSubscriptions recent(settings);
        tray.setRecentSubscriptions(&recent);
        tray.setTenantNames({{kNorthwindTenant, QStringLiteral("Northwind Traders")}});
        QCOMPARE(rebuilt.count(), 0);

        QMenu* menu = tray.menu();
        QCOMPARE(rebuilt.count(), 1);
        QCOMPARE(leadingItems(menu), QStringList{QStringLiteral("Northwind Sandbox — Northwind Traders ✓")});
        QVERIFY(tray.moreAction());
        tray.setTenantNames({{kNorthwindTenant, QStringLiteral("Northwind")}}); // built: at once
        QCOMPARE(rebuilt.count(), 2);
        QCOMPARE(leadingItems(tray.menu()), QStringList{QStringLiteral("Northwind Sandbox — Northwind ✓")});
    }

    void leadsWithTheActiveAndTheRecentOnesAcrossRestarts()
    {
        const QString settingsFile = m_config + QStringLiteral(".ini");
        {
            AzureCliState state{AzureConfigDir(m_config)};
            QString error;
            QVERIFY(state.load(&error));
            AppSettings settings(settingsFile);
            RecentSubscriptions recent(settings);
            TrayMenu tray(&state);
            tray.setRecentSubscriptions(&recent);
            tray.setTenantNames({{kNorthwindTenant, QStringLiteral("Northwind Traders")},
                                 {kAdventureTenant, QStringLiteral("Adventure Works")}});

            for (const QString& id : {kShared, kProduction}) {
                QSignalSpy rebuilt(&tray, &TrayMenu::rebuilt); // once the switch has returned
                tray.subscriptionAction(id)->trigger();
                QVERIFY(rebuilt.wait());
            }
            QCOMPARE(leadingItems(tray.menu()),
                     (QStringList{QStringLiteral("Northwind Production — Northwind Traders ✓"),
                                  QStringLiteral("AW Shared Services — Adventure Works")}));
            // Chosen from the top, it acts on that subscription.
            tray.recentActions().at(1)->trigger();
            QCOMPARE(defaultOnDisk(m_config), kShared);
        }
        // The next start: the same, from Tenantry's settings (ids only).
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        AppSettings settings(settingsFile);
        QCOMPARE(settings.value(AppSettings::Key::RecentSubscriptions).toStringList(),
                 (QStringList{kShared, kProduction}));
        RecentSubscriptions recent(settings);
        TrayMenu tray(&state);
        tray.setRecentSubscriptions(&recent);
        tray.setTenantNames({{kNorthwindTenant, QStringLiteral("Northwind Traders")},
                             {kAdventureTenant, QStringLiteral("Adventure Works")}});
        QCOMPARE(texts(tray.recentActions()),
                 (QStringList{QStringLiteral("AW Shared Services — Adventure Works ✓"),
                              QStringLiteral("Northwind Production — Northwind Traders")}));

        // `tenantry-cli account set` meanwhile (another process, the same settings): seen when the menu opens.
        {
            AppSettings cli(settingsFile);
            RecentSubscriptions(cli).remember(kSandbox);
        }
        AzureCliState az{AzureConfigDir(m_config)};
        QVERIFY(az.load(&error));
        QVERIFY(az.setActive(kSandbox, &error));
        tray.reloadAndRebuild();
        QCOMPARE(texts(tray.recentActions()),
                 (QStringList{QStringLiteral("Northwind Sandbox — Northwind Traders ✓"),
                              QStringLiteral("AW Shared Services — Adventure Works"),
                              QStringLiteral("Northwind Production — Northwind Traders")}));
    }

    void recentOnesAzNoLongerListsAreLeftOut()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        AppSettings settings(m_config + QStringLiteral(".ini"));
        RecentSubscriptions recent(settings);
        recent.remember(test::manySubscriptionId(1, 1)); // signed out of since
        recent.remember(kShared);
        TrayMenu tray(&state);
        tray.setRecentSubscriptions(&recent);
        QCOMPARE(tray.recentActions().size(), 2);
        QCOMPARE(tray.recentActions().at(1)->data().toString(), kShared);
    }

    void offersMoreInsteadOfAHundredSubmenus()
    {
        writeManyTenants();
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY2(state.load(&error), qPrintable(error));
        AppSettings settings(m_config + QStringLiteral(".ini"));
        RecentSubscriptions recent(settings);
        recent.remember(test::manySubscriptionId(42, 7));
        TrayMenu tray(&state);
        tray.setRecentSubscriptions(&recent);

        QVERIFY(tray.tenantMenus().isEmpty());
        QVERIFY(tray.moreAction());
        QCOMPARE(tray.moreAction()->text(), QStringLiteral("More…"));
        QCOMPARE(texts(tray.recentActions()),
                 (QStringList{QStringLiteral("Northwind Sandbox — 9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f ✓"),
                              QStringLiteral("Workload 07 — Fabrikam Client 042")}));
        // The menu stays short: the two, "More…", Copy token, Show and Quit.
        int items = 0;
        for (QAction* action : tray.menu()->actions())
            items += action->isSeparator() ? 0 : 1;
        QCOMPARE(items, 6);
        QSignalSpy find(&tray, &TrayMenu::findRequested);
        tray.moreAction()->trigger();
        QCOMPARE(find.count(), 1);

        // Ten tenants still get their submenus.
        QList<Subscription> ten = test::manyTenantSubscriptions(10, 2);
        test::writeFile(m_config + QStringLiteral("/azureProfile.json"), test::azProfileBytes(ten, ten.first().id));
        tray.reloadAndRebuild();
        QCOMPARE(tray.tenantMenus().size(), TrayMenu::kMaxTenantMenus);
        QVERIFY(!tray.moreAction());

        writeManyTenants();
        tray.reloadAndRebuild();
        tray.menu()->show();
        test::saveScreenshot(tray.menu(), QStringLiteral("tray-menu-many-tenants"));
        tray.menu()->hide();
    }

    void namesTenantsByIdWhenNothingBetterIsKnown()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QStringList headers;
        for (QMenu* tenant : tray.tenantMenus())
            headers.append(tenant->title());
        QCOMPARE(headers, (QStringList{kAdventureTenant, kNorthwindTenant}));
        QVERIFY(tray.toolTip().contains(kNorthwindTenant));
    }

    void choosingASubscriptionMakesItActiveOnDisk()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QCOMPARE(defaultOnDisk(m_config), kSandbox);
        QSignalSpy changed(&tray, &TrayMenu::activeSubscriptionChanged);
        QSignalSpy failed(&tray, &TrayMenu::switchFailed);

        tray.subscriptionAction(kShared)->trigger();

        QCOMPARE(failed.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Subscription>().id, kShared);
        // What `az account set -s` writes: isDefault in azureProfile.json, the cloud's subscription in clouds.config.
        QCOMPARE(defaultOnDisk(m_config), kShared);
        const QByteArray clouds = test::readFile(m_config + QStringLiteral("/clouds.config"));
        const QByteArray expected = "[AzureCloud]\nsubscription = " + kShared.toLatin1();
        QVERIFY2(clouds.contains(expected), clouds.constData());
        QVERIFY(!clouds.contains(kSandbox.toLatin1()));

        // The menu is rebuilt once the triggered action has returned: the check moved.
        QTRY_VERIFY(tray.subscriptionAction(kShared) && tray.subscriptionAction(kShared)->isChecked());
        QVERIFY(!tray.subscriptionAction(kSandbox)->isChecked());
        QVERIFY(tray.toolTip().contains(QStringLiteral("AW Shared Services")));
    }

    void followsWhatAzWroteMeanwhile()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        // `az account set` in a shell, behind Tenantry's back:
        AzureCliState az{AzureConfigDir(m_config)};
        QVERIFY(az.load(&error));
        QVERIFY(az.setActive(QStringLiteral("Northwind Production"), &error));
        tray.reloadAndRebuild(); // what opening the menu does
        QVERIFY(tray.subscriptionAction(QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211"))->isChecked());
    }

    void copyTokenOffersTheScopePresets()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QStringList scopes;
        QAction* graph = nullptr;
        QAction* asHeader = nullptr;
        for (QAction* action : tray.copyTokenMenu()->actions()) {
            if (!action->data().toString().isEmpty())
                scopes.append(action->data().toString());
            if (action->text() == QLatin1String("Microsoft Graph"))
                graph = action;
            if (action->isCheckable())
                asHeader = action;
        }
        QCOMPARE(scopes, (QStringList{QStringLiteral("https://management.core.windows.net//.default"),
                                      QStringLiteral("https://graph.microsoft.com//.default"),
                                      QStringLiteral("https://vault.azure.net/.default"),
                                      QStringLiteral("https://storage.azure.com/.default"),
                                      QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")}));
        QVERIFY(graph && asHeader);
        QVERIFY(tray.copyTokenMenu()->isEnabled());
        QSignalSpy requested(&tray, &TrayMenu::copyTokenRequested);
        graph->trigger();
        asHeader->setChecked(true);
        graph->trigger();
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("https://graph.microsoft.com//.default"));
        QCOMPARE(requested.at(0).at(1).value<ClipboardGuard::TokenFormat>(), ClipboardGuard::TokenFormat::Raw);
        QCOMPARE(requested.at(1).at(1).value<ClipboardGuard::TokenFormat>(),
                 ClipboardGuard::TokenFormat::AuthorizationHeader);
    }

    void showAndQuit()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QSignalSpy show(&tray, &TrayMenu::showRequested);
        QSignalSpy quit(&tray, &TrayMenu::quitRequested);
        QVERIFY(tray.menu()->actions().contains(tray.showAction()));
        QVERIFY(tray.menu()->actions().contains(tray.quitAction()));
        tray.showAction()->trigger();
        tray.quitAction()->trigger();
        QCOMPARE(show.count(), 1);
        QCOMPARE(quit.count(), 1);
    }

    void invitesASignInWhenAzKnowsNothing()
    {
        AzureCliState state{AzureConfigDir(m_dir.filePath(QStringLiteral("empty")))};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QVERIFY(tray.subscriptionActions().isEmpty());
        QVERIFY(!tray.copyTokenMenu()->isEnabled());
        QSignalSpy signIn(&tray, &TrayMenu::signInRequested);
        QAction* first = tray.menu()->actions().first();
        QCOMPARE(first->text(), QStringLiteral("Sign in…"));
        first->trigger();
        QCOMPARE(signIn.count(), 1);
        QCOMPARE(tray.toolTip(), QStringLiteral("Tenantry\nNo active subscription"));
    }
};

QTEST_MAIN(TestTrayMenu)
#include "TestTrayMenu.moc"
