#include "UiTestSupport.h"
#include "account/AzureCliState.h"
#include "fakes/TestFiles.h"
#include "tray/TrayMenu.h"

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

    // The menu's items from a tenant header up to the next separator.
    static QStringList itemsUnder(QMenu* menu, const QString& header)
    {
        QStringList items;
        bool inside = false;
        const QList<QAction*> actions = menu->actions();
        for (QAction* action : actions) {
            if (action->text() == header) {
                inside = true;
                continue;
            }
            if (inside && (action->isSeparator() || !action->isEnabled()))
                break;
            if (inside)
                items.append(action->text() + (action->isChecked() ? QStringLiteral(" ✓") : QString()));
        }
        return items;
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
        for (QAction* header : tray.tenantHeaders()) {
            headers.append(header->text());
            QVERIFY(!header->isEnabled());
        }
        QCOMPARE(headers, (QStringList{QStringLiteral("Adventure Works"), QStringLiteral("Northwind Traders")}));
        QCOMPARE(itemsUnder(tray.menu(), QStringLiteral("Adventure Works")),
                 QStringList{QStringLiteral("AW Shared Services")});
        QCOMPARE(itemsUnder(tray.menu(), QStringLiteral("Northwind Traders")),
                 (QStringList{QStringLiteral("Northwind Production"), QStringLiteral("Northwind Sandbox ✓")}));

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

    void namesTenantsByIdWhenNothingBetterIsKnown()
    {
        AzureCliState state{AzureConfigDir(m_config)};
        QString error;
        QVERIFY(state.load(&error));
        TrayMenu tray(&state);
        QStringList headers;
        for (QAction* header : tray.tenantHeaders())
            headers.append(header->text());
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
