// Choosing an account's tenants in the app (TenantChoiceDialog, TenantChoiceController) end to end against the
// test identity provider, with the real widgets: a first sign-in with many tenants offers the choice before any
// tenant is prompted for, and the hidden ones (the MFA tenant among them) are never prompted, shown or written
// to azureProfile.json; a tenant signed out of stays signed out through "Refresh all" until the user signs in
// to it again.

#include "AppOnTestIdp.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountsController.h"
#include "accounts/AccountsView.h"
#include "accounts/TenantChoiceController.h"
#include "accounts/TenantChoiceDialog.h"
#include "fakes/TestFiles.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/SignInCoordinator.h"
#include "tray/TrayMenu.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace tenantry;

namespace {

const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kFabrikam = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString kContoso = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a"); // wants MFA
const QString kFabrikamShared = QStringLiteral("c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f");
const QString kContosoGuarded = QStringLiteral("e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b");
const QString kSam = QStringLiteral("sam@northwind.example");
// Four more tenants Sam is a guest in, one subscription each: seven in all, more than the app asks about.
const QStringList kGuests{
    QStringLiteral("10000000-0000-4000-8000-000000000001"), QStringLiteral("10000000-0000-4000-8000-000000000002"),
    QStringLiteral("10000000-0000-4000-8000-000000000003"), QStringLiteral("10000000-0000-4000-8000-000000000004")};
QString guestSubscription(int i)
{
    return QStringLiteral("20000000-0000-4000-8000-00000000000%1").arg(i + 1);
}

Json manyTenants()
{
    Json config = test::TestIdentityProvider::sampleConfig();
    Json tenants = {json::toStd(kNorthwind), json::toStd(kFabrikam), json::toStd(kContoso)};
    for (int i = 0; i < kGuests.size(); ++i) {
        // A guest tenant's admin picks its name: the second one tries markup and a line break.
        const std::string name = i == 1 ? "<b>Bold</b>\nGuest" : "Guest " + std::to_string(i + 1);
        config["tenants"].push_back(
            {{"id", json::toStd(kGuests[i])},
             {"displayName", name},
             {"defaultDomain", "guest" + std::to_string(i + 1) + ".example"},
             {"subscriptions",
              {{{"id", json::toStd(guestSubscription(i))}, {"name", "Guest Subscription " + std::to_string(i + 1)}}}}});
        tenants.push_back(json::toStd(kGuests[i]));
    }
    config["users"][0]["tenants"] = tenants;
    return config;
}

QStringList subscriptionIdsOnDisk(const QString& dir)
{
    QStringList ids;
    const QJsonArray subscriptions = test::readJsonObject(dir + QStringLiteral("/azureProfile.json"))
                                         .value(QStringLiteral("subscriptions"))
                                         .toArray();
    for (const QJsonValue& s : subscriptions)
        ids.append(s.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

class TestTenantChoiceWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_runs = 0;
    std::unique_ptr<test::AppOnTestIdp> m_rig;

    DesktopApp* app() const { return m_rig->app.get(); }
    QAbstractItemModel* model() const { return app()->accountsView()->model(); } // what the tree shows (the filter)
    QModelIndex account() const { return model()->index(0, 0); }
    QStringList tenantsShown() const
    {
        QStringList ids;
        for (int t = 0; t < model()->rowCount(account()); ++t)
            ids.append(model()->index(t, 0, account()).data(AccountTreeModel::TenantIdRole).toString());
        ids.sort();
        return ids;
    }
    QModelIndex tenant(const QString& id) const
    {
        for (int t = 0; t < model()->rowCount(account()); ++t) {
            const QModelIndex index = model()->index(t, 0, account());
            if (index.data(AccountTreeModel::TenantIdRole).toString() == id)
                return index;
        }
        return {};
    }
    QStringList trayTenants() const
    {
        QStringList ids;
        for (QMenu* tenantMenu : app()->trayMenu()->tenantMenus())
            ids.append(tenantMenu->menuAction()->data().toString());
        ids.sort();
        return ids;
    }
    static QTreeWidgetItem* row(TenantChoiceDialog* dialog, const QString& tenantId)
    {
        QTreeWidget* list = dialog->list();
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(2) == tenantId)
                return list->topLevelItem(i);
        }
        return nullptr;
    }

    // A device-code sign-in the user approves on "another device"; waits for it to complete.
    bool signInWithCode(const QStringList& arguments)
    {
        QPointer<DeviceCodeDialog> dialog;
        if (!QTest::qWaitFor([&] { return (dialog = app()->signIn()->deviceCodeDialog()) && dialog->isVisible(); },
                             20000)) {
            qWarning("no device code dialog for %s", qPrintable(arguments.join(QLatin1Char(' '))));
            return false;
        }
        return m_rig->idp.approveDeviceCode(dialog->userCode(), kSam);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        // A config dir and settings file of its own: no choice made in an earlier test.
        m_rig = std::make_unique<test::AppOnTestIdp>(m_dir.filePath(QStringLiteral("azure-%1").arg(++m_runs)));
        QVERIFY2(m_rig->error().isEmpty(), qPrintable(m_rig->error()));
        QString error;
        QVERIFY2(m_rig->idp.loadConfig(manyTenants(), &error), qPrintable(error));
        m_rig->idp.setDeviceCodeInterval(1);
    }

    void cleanup() { m_rig.reset(); }

    void chooseAfterFirstSignInThenSignOutStaysSignedOut()
    {
        QVERIFY2(m_rig->start({QStringLiteral("--device-code")}), qPrintable(m_rig->error()));
        QSignalSpy notices(app()->notifier(), &Notifier::notify);
        QSignalSpy completed(app()->signIn(), &SignInCoordinator::completed);
        QVERIFY(signInWithCode({}));
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);

        // Seven tenants: the choice comes first, every tenant checked, names as plain text.
        QPointer<TenantChoiceDialog> dialog;
        QTRY_VERIFY((dialog = app()->tenantChoice()->dialog()) && dialog->isVisible());
        QCOMPARE(dialog->list()->topLevelItemCount(), 7);
        QCOMPARE(dialog->activeTenants().size(), 7);
        QCOMPARE(row(dialog, kGuests[1])->text(0), QStringLiteral("<b>Bold</b> Guest"));
        QCOMPARE(notices.count(), 0); // nothing prompted yet, not even the MFA tenant
        test::saveScreenshot(dialog, QStringLiteral("tenant-choice-first-sign-in"));

        // Sam works in Northwind, Fabrikam and the first guest tenant.
        for (const QString& hide : {kContoso, kGuests[1], kGuests[2], kGuests[3]})
            row(dialog, hide)->setCheckState(0, Qt::Unchecked);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();

        const QStringList shown = [] {
            QStringList ids{kNorthwind, kFabrikam, kGuests[0]};
            ids.sort();
            return ids;
        }();
        QTRY_COMPARE(tenantsShown(), shown);
        QTest::qWait(300);
        QCOMPARE(notices.count(), 0); // Contoso wants MFA, but it is hidden: no "Sign-in needed"
        QVERIFY(!app()->notifier()->needsAttention());
        QStringList onDisk = subscriptionIdsOnDisk(m_rig->configDir);
        QVERIFY(onDisk.contains(kFabrikamShared));
        QVERIFY(onDisk.contains(guestSubscription(0)));
        QVERIFY(!onDisk.contains(guestSubscription(1)));
        QVERIFY(!onDisk.contains(kContosoGuarded));
        QTRY_COMPARE(trayTenants(), shown);

        // Sign out of Fabrikam (the dialog says its subscriptions are removed), then Refresh all.
        app()->accountsView()->setCurrentIndex(tenant(kFabrikam));
        app()->actions()->signOutTenant()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = app()->window()->findChild<QMessageBox*>(QStringLiteral("confirmBox"))) && box->isVisible());
        for (QAbstractButton* b : box->buttons()) {
            if (b->text() == QStringLiteral("Sign out"))
                b->click();
        }
        QTRY_VERIFY(!tenant(kFabrikam).isValid());
        QVERIFY(!subscriptionIdsOnDisk(m_rig->configDir).contains(kFabrikamShared));

        QSignalSpy status(app()->accounts(), &AccountsController::statusMessage);
        app()->accounts()->refreshAll();
        QTRY_VERIFY_WITH_TIMEOUT(
            !status.isEmpty() && status.last().first().toString().startsWith(QStringLiteral("Refreshed ")), 30000);
        QTest::qWait(300);
        QVERIFY(!tenant(kFabrikam).isValid());
        onDisk = subscriptionIdsOnDisk(m_rig->configDir);
        QVERIFY(!onDisk.contains(kFabrikamShared));
        QVERIFY(!onDisk.contains(kContosoGuarded));
        QVERIFY(onDisk.contains(guestSubscription(0)));
        QCOMPARE(notices.count(), 0);
        QVERIFY(!trayTenants().contains(kFabrikam));

        // The account's "Choose tenants…" lists Fabrikam unchecked; Cancel changes nothing.
        app()->accountsView()->setCurrentIndex(account());
        QVERIFY(app()->actions()->chooseTenants()->isEnabled());
        app()->actions()->chooseTenants()->trigger();
        QTRY_VERIFY((dialog = app()->tenantChoice()->dialog()) && dialog->isVisible());
        QCOMPARE(row(dialog, kFabrikam)->checkState(0), Qt::Unchecked);
        QCOMPARE(row(dialog, kNorthwind)->checkState(0), Qt::Checked);
        test::saveScreenshot(dialog, QStringLiteral("tenant-choice"));
        dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());

        // Signing in to Fabrikam again makes it active again.
        completed.clear();
        app()->activate(
            {QStringLiteral("tenantry"), QStringLiteral("--device-code"), QStringLiteral("--tenant"), kFabrikam});
        QVERIFY(signInWithCode({kFabrikam}));
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);
        QTRY_VERIFY(tenant(kFabrikam).isValid());
        QVERIFY(subscriptionIdsOnDisk(m_rig->configDir).contains(kFabrikamShared));
        QTRY_VERIFY(trayTenants().contains(kFabrikam));
        QVERIFY(!app()->tenantChoice()->dialog()); // chosen once: not asked again
    }

    // Cancel at the first sign-in keeps every tenant. At the next start the MFA tenant is prompted for (the
    // tray asks for attention); hiding it takes it out of the tree and withdraws the prompt.
    void hidingATenantLaterWithdrawsItsPrompt()
    {
        QVERIFY2(m_rig->start({QStringLiteral("--device-code")}), qPrintable(m_rig->error()));
        QVERIFY(signInWithCode({}));
        QPointer<TenantChoiceDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = app()->tenantChoice()->dialog()) && dialog->isVisible(), 30000);
        dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
        QTRY_COMPARE(tenantsShown().size(), 7);

        m_rig->app.reset();
        QVERIFY2(m_rig->start({}), qPrintable(m_rig->error()));
        QSignalSpy notices(app()->notifier(), &Notifier::notify);
        QTRY_COMPARE_WITH_TIMEOUT(notices.count(), 1, 30000);
        QCOMPARE(notices.first().first().toString(), QStringLiteral("Sign-in needed for Contoso"));
        QVERIFY(app()->notifier()->needsAttention());
        QVERIFY(!app()->tenantChoice()->dialog()); // Cancel was a choice: not asked again

        QTRY_VERIFY(tenant(kContoso).isValid());
        app()->accountsView()->setCurrentIndex(tenant(kContoso));
        app()->actions()->chooseTenants()->trigger();
        QTRY_VERIFY((dialog = app()->tenantChoice()->dialog()) && dialog->isVisible());
        QCOMPARE(dialog->activeTenants().size(), 7);
        row(dialog, kContoso)->setCheckState(0, Qt::Unchecked);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!tenant(kContoso).isValid());
        QCOMPARE(tenantsShown().size(), 6);
        QVERIFY(!app()->notifier()->needsAttention());
        QCOMPARE(notices.count(), 1);
    }
};

QTEST_MAIN(TestTenantChoiceWindow)
#include "TestTenantChoiceWindow.moc"
