// The main window over a real cache (az 2.45's files): the accounts tree, its live countdowns,
// the per-row actions (make active, sign out, copy token), the tray's copy token, notifications.
// No network: every token asked for is in the cache and the clock is a MockClock.

#include "AboutDialog.h"
#include "ClipboardGuard.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SampleDesktopApp.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "WelcomePanel.h"
#include "account/AccountDirectory.h"
#include "account/AccountTreeModel.h"
#include "account/Session.h"
#include "account/TokenProvider.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountDetailsPanel.h"
#include "accounts/AccountItemDelegate.h"
#include "accounts/AccountsController.h"
#include "accounts/AccountsView.h"
#include "fakes/MockClock.h"
#include "fakes/TestFiles.h"
#include "token/CopiedTokenReminder.h"
#include "token/CopyTokenDialog.h"
#include "tray/TrayController.h"
#include "tray/TrayMenu.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include <chrono>

using namespace tenantry;

namespace {

using namespace test::sample;
const QString kArmScope = QStringLiteral("https://management.core.windows.net//.default");
const QString kGraphScope = QStringLiteral("https://graph.microsoft.com/.default");
constexpr qint64 kStart = kAdventureArmExpiry - 3600;

QString defaultOnDisk(const QString& dir)
{
    return test::activeSubscriptionOnDisk(dir);
}

// The secret of the sample cache's access token for a realm and scope (compared, never printed).
QString cachedSecret(const QString& dir, const QString& realm, const QString& scope)
{
    const QJsonObject tokens = test::readJsonObject(dir + QStringLiteral("/msal_token_cache.json"))
                                   .value(QStringLiteral("AccessToken"))
                                   .toObject();
    for (const QJsonValue& t : tokens) {
        const QJsonObject o = t.toObject();
        if (o.value(QStringLiteral("realm")).toString() == realm &&
            o.value(QStringLiteral("target")).toString() == scope)
            return o.value(QStringLiteral("secret")).toString();
    }
    return {};
}

int accessTokensFor(const QString& dir, const QString& realm)
{
    const QJsonObject tokens = test::readJsonObject(dir + QStringLiteral("/msal_token_cache.json"))
                                   .value(QStringLiteral("AccessToken"))
                                   .toObject();
    int count = 0;
    for (const QJsonValue& t : tokens)
        count += t.toObject().value(QStringLiteral("realm")).toString() == realm ? 1 : 0;
    return count;
}

// Exposes what the delegate decides for a cell (colours, icons, fonts).
struct DelegateProbe : AccountItemDelegate
{
    using AccountItemDelegate::initStyleOption;
};

// How often the app's once-a-second timers fire in tests that move the mock clock: they read the
// clock when they fire, so firing sooner tests the same without waiting a real second.
constexpr std::chrono::milliseconds kTick(20);

} // namespace

class TestAccountsWindow : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private:
    // The tree as the view shows it (through its filter): the indexes the view takes.
    QAbstractItemModel* model() const { return view()->model(); }
    AccountsView* view() const { return m_app->accountsView(); }
    QModelIndex account() const { return model()->index(0, 0); }
    QModelIndex tenant(const QString& id, int column = 0) const
    {
        for (int t = 0; t < model()->rowCount(account()); ++t) {
            const QModelIndex index = model()->index(t, column, account());
            if (index.data(AccountTreeModel::TenantIdRole).toString() == id)
                return index;
        }
        return {};
    }
    QModelIndex subscription(const QString& id) const
    {
        for (int t = 0; t < model()->rowCount(account()); ++t) {
            const QModelIndex tenantIndex = model()->index(t, 0, account());
            for (int s = 0; s < model()->rowCount(tenantIndex); ++s) {
                const QModelIndex index = model()->index(s, 0, tenantIndex);
                if (index.data(AccountTreeModel::SubscriptionIdRole).toString() == id)
                    return index;
            }
        }
        return {};
    }
    // Ctrl+C on the current row, and Copy in the dialog that opens (its preset: ARM).
    void copyWithTheDialog()
    {
        QTest::keyClick(view(), Qt::Key_C, Qt::ControlModifier);
        CopyTokenDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_app->copyTokenDialog()) && dialog->isVisible());
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_app->copyTokenDialog());
    }
    QMessageBox* confirmBox() const { return m_app->window()->findChild<QMessageBox*>(QStringLiteral("confirmBox")); }
    static QAbstractButton* buttonNamed(QMessageBox* box, const QString& text)
    {
        const QList<QAbstractButton*> buttons = box->buttons();
        for (QAbstractButton* b : buttons) {
            if (b->text() == text)
                return b;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        // English as the app shows it (plural forms come from the English translation).
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        blockNetwork();
    }

    void init()
    {
        copySample(kStart);
        QGuiApplication::clipboard()->clear();
    }

    void cleanup() { stopApp(); }

    void treeShowsTheCacheAtStart()
    {
        startApp();
        MainWindow* window = m_app->window();
        QCOMPARE(window->windowTitle(), QStringLiteral("Tenantry"));
        QVERIFY(window->isShowingAccounts());
        QVERIFY(view()->isVisible());
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(account().data().toString(), QStringLiteral("sam@northwind.example (Sam)"));
        QCOMPARE(model()->rowCount(account()), 2);
        QCOMPARE(model()->rowCount(tenant(kNorthwind)), 2);
        QCOMPARE(model()->rowCount(tenant(kAdventure)), 1);
        QCOMPARE(subscription(kShared).data().toString(), QStringLiteral("AW Shared Services"));
        // Everything is open, and the active subscription is the current row, marked.
        QVERIFY(view()->isExpanded(account()));
        QVERIFY(view()->isExpanded(tenant(kNorthwind)));
        QVERIFY(view()->isExpanded(tenant(kAdventure)));
        const QModelIndex active = subscription(kSandbox);
        QVERIFY(active.data(AccountTreeModel::IsActiveRole).toBool());
        QCOMPARE(active.siblingAtColumn(AccountTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("Active (az uses it)"));
        QCOMPARE(view()->currentIndex().siblingAtColumn(0), active);
        DelegateProbe probe;
        QStyleOptionViewItem option;
        option.initFrom(view());
        probe.initStyleOption(&option, active);
        QVERIFY(option.font.bold());
        QCOMPARE(tenant(kNorthwind, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Signed in"));
        QCOMPARE(tenant(kAdventure, AccountTreeModel::ExpiresColumn).data().toString(), QStringLiteral("1:00:00"));
        // No Chromium (nor Qt Quick, nor an OpenGL driver) until a sign-in needs it.
        const QStringList mapped = test::mappedLibraries();
        QVERIFY2(mapped.isEmpty(), qPrintable(mapped.join(QLatin1Char(' '))));
        test::saveScreenshot(window, QStringLiteral("main-accounts"));
    }

    void detailsPanelShowsTheCurrentRow()
    {
        startApp();
        AccountDetailsPanel* details = m_app->details();
        QVERIFY(details->isVisible());
        // At start the active subscription is current.
        QCOMPARE(details->titleText(), QStringLiteral("Northwind Sandbox"));
        QVERIFY(details->factsText().contains(QStringLiteral("Subscription ID: ") + kSandbox));
        QVERIFY(details->factsText().contains(QStringLiteral("State: Active (az uses it)")));

        view()->setCurrentIndex(tenant(kAdventure));
        QCOMPARE(details->titleText(), kAdventure); // az 2.45 does not store tenant names
        QVERIFY(details->factsText().contains(QStringLiteral("Tenant ID: ") + kAdventure));
        QVERIFY(details->factsText().contains(QStringLiteral("Token expires:")));
        QVERIFY(details->factsText().contains(QStringLiteral("(in 1:00:00)")));
        view()->ticker()->setInterval(kTick);
        m_clock->advance(1);
        QTRY_VERIFY_WITH_TIMEOUT(details->factsText().contains(QStringLiteral("(in 59:59)")), 2500);
        QStringList buttons;
        for (QToolButton* button : details->buttons())
            buttons.append(button->text());
        QCOMPARE(buttons, (QStringList{QStringLiteral("Sign in to tenant…"), QStringLiteral("Copy token…"),
                                       QStringLiteral("Sign out of tenant")}));

        // The full reason a tenant needs a sign-in, which the tree cuts short.
        const QString why = QStringLiteral("AADSTS53003: Access has been blocked by Conditional Access policies. "
                                           "The access policy does not allow token issuance.");
        emit m_app->session()->tokens().interactionRequired(
            account().data(AccountTreeModel::HomeAccountIdRole).toString(), kAdventure, why, QString());
        QCOMPARE(view()->currentIndex().siblingAtColumn(0), tenant(kAdventure));
        // Plain words first; the provider's own under Details.
        QVERIFY(details->factsText().contains(
            QStringLiteral("Status: Needs sign-in: A Conditional Access policy of this tenant blocked the sign-in; its "
                           "administrator can say why. (AADSTS53003)")));
        QVERIFY(details->factsText().contains(QStringLiteral("Details: ") + why));
        test::saveScreenshot(m_app->window(), QStringLiteral("main-needs-sign-in"));
    }

    void expansionSurvivesAStateChangeAndARefresh()
    {
        startApp();
        QSignalSpy reset(model(), &QAbstractItemModel::modelAboutToBeReset);
        view()->collapse(tenant(kNorthwind));
        view()->setCurrentIndex(subscription(kShared));
        QVERIFY(!view()->isExpanded(tenant(kNorthwind)));

        // A refresh for the tenant meets MFA: its row says so, and stays closed.
        const QString why = QStringLiteral("AADSTS50076: you must use multi-factor authentication.");
        const QString shown = QStringLiteral("Needs sign-in: This tenant asks for multi-factor authentication: sign "
                                             "in to it again. (AADSTS50076)");
        emit m_app->session()->tokens().interactionRequired(
            account().data(AccountTreeModel::HomeAccountIdRole).toString(), kNorthwind, why, QString());
        QCOMPARE(tenant(kNorthwind, AccountTreeModel::StatusColumn).data().toString(), shown);
        QVERIFY(!view()->isExpanded(tenant(kNorthwind)));
        QVERIFY(view()->isExpanded(tenant(kAdventure)));
        QVERIFY(view()->isExpanded(account()));

        // az's files change (another subscription made active) and everything is read again.
        m_app->trayMenu()->subscriptionAction(kProduction)->trigger();
        QTRY_VERIFY(subscription(kProduction).data(AccountTreeModel::IsActiveRole).toBool());
        m_app->accounts()->reloadFromDisk();
        QTRY_VERIFY(!subscription(kSandbox).data(AccountTreeModel::IsActiveRole).toBool());
        QVERIFY(!view()->isExpanded(tenant(kNorthwind)));
        QVERIFY(view()->isExpanded(tenant(kAdventure)));
        QCOMPARE(view()->currentIndex().siblingAtColumn(0), subscription(kShared));
        QCOMPARE(tenant(kNorthwind, AccountTreeModel::StatusColumn).data().toString(), shown);
        QCOMPARE(reset.count(), 0);
    }

    void countdownTicksEverySecondAndTurnsColour()
    {
        startApp();
        const QModelIndex expires = tenant(kAdventure, AccountTreeModel::ExpiresColumn);
        QCOMPARE(expires.data().toString(), QStringLiteral("1:00:00"));
        QSignalSpy ticked(model(), &QAbstractItemModel::dataChanged);
        view()->ticker()->setInterval(kTick);
        m_clock->advance(2);
        // The view's own 1 Hz timer picks the new time up and repaints the cell.
        QTRY_VERIFY_WITH_TIMEOUT(ticked.count() > 0, 2500);
        QCOMPARE(tenant(kAdventure, AccountTreeModel::ExpiresColumn).data().toString(), QStringLiteral("59:58"));

        DelegateProbe probe;
        QStyleOptionViewItem calm;
        calm.initFrom(view());
        probe.initStyleOption(&calm, tenant(kAdventure, AccountTreeModel::ExpiresColumn));
        m_clock->setSecs(kAdventureArmExpiry - 299);
        const int before = ticked.count();
        QTRY_VERIFY_WITH_TIMEOUT(ticked.count() > before, 2500);
        const QModelIndex soon = tenant(kAdventure, AccountTreeModel::ExpiresColumn);
        QCOMPARE(soon.data().toString(), QStringLiteral("4:59"));
        QStyleOptionViewItem warn;
        warn.initFrom(view());
        probe.initStyleOption(&warn, soon);
        QCOMPARE(warn.palette.color(QPalette::Text), AccountItemDelegate::expiringColor(view()->palette()));
        QVERIFY(calm.palette.color(QPalette::Text) != warn.palette.color(QPalette::Text));

        m_clock->setSecs(kAdventureArmExpiry + 10);
        QTRY_COMPARE_WITH_TIMEOUT(tenant(kAdventure, AccountTreeModel::ExpiresColumn).data().toString(),
                                  QStringLiteral("expired — renews on use"), 2500);
    }

    void makeActiveFromTheTreeWritesAzFiles()
    {
        startApp();
        QCOMPARE(defaultOnDisk(m_config), kSandbox);
        view()->setFocus();
        view()->setCurrentIndex(subscription(kShared));
        QVERIFY(m_app->actions()->makeActive()->isEnabled());
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(defaultOnDisk(m_config), kShared);
        const QByteArray clouds = test::readFile(m_config + QStringLiteral("/clouds.config"));
        QVERIFY2(clouds.contains(QByteArray(QByteArray("subscription = ") + kShared.toLatin1())), clouds.constData());
        // The tree and the tray follow; the row stays current.
        QTRY_VERIFY(subscription(kShared).data(AccountTreeModel::IsActiveRole).toBool());
        QVERIFY(!subscription(kSandbox).data(AccountTreeModel::IsActiveRole).toBool());
        QCOMPARE(view()->currentIndex().siblingAtColumn(0), subscription(kShared));
        QVERIFY(!m_app->actions()->makeActive()->isEnabled());
        QTRY_VERIFY(m_app->trayMenu()->subscriptionAction(kShared) &&
                    m_app->trayMenu()->subscriptionAction(kShared)->isChecked());
    }

    void trayMenuSwitchUpdatesTheTree()
    {
        startApp();
        m_app->trayMenu()->subscriptionAction(kProduction)->trigger();
        QCOMPARE(defaultOnDisk(m_config), kProduction);
        QTRY_VERIFY(subscription(kProduction).data(AccountTreeModel::IsActiveRole).toBool());
    }

    void contextMenuOffersTheRowsActions()
    {
        startApp();
        const QModelIndex row = subscription(kProduction);
        view()->scrollTo(row);
        const QPoint at = view()->visualRect(row).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view()->viewport(), &event);
        QMenu* menu = nullptr;
        QTRY_VERIFY((menu = view()->findChild<QMenu*>(QStringLiteral("accountsContextMenu"))));
        QStringList texts;
        const QList<QAction*> actions = menu->actions();
        for (QAction* action : actions) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("Make &active"), QStringLiteral("&Copy token…"),
                                     QStringLiteral("Open a &terminal here"), QStringLiteral("&Refresh")}));
        menu->close();

        view()->setCurrentIndex(tenant(kAdventure));
        QMenu tenantMenu;
        m_app->actions()->fillMenu(&tenantMenu);
        texts.clear();
        for (QAction* action : tenantMenu.actions()) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        QVERIFY(texts.contains(QStringLiteral("&Sign in to tenant…")));
        QVERIFY(texts.contains(QStringLiteral("Sign &out of tenant")));
        QVERIFY(texts.contains(QStringLiteral("Sign out of &account")));
    }

    void signOutOfATenantAfterConfirming()
    {
        startApp();
        view()->setFocus();
        view()->setCurrentIndex(tenant(kAdventure));
        QTest::keyClick(view(), Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = confirmBox()));
        // Cancel changes nothing.
        buttonNamed(box, QStringLiteral("&Cancel")) ? buttonNamed(box, QStringLiteral("&Cancel"))->click()
                                                    : box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QVERIFY(tenant(kAdventure).isValid());
        QCOMPARE(accessTokensFor(m_config, kAdventure), 1);

        view()->setCurrentIndex(tenant(kAdventure));
        m_app->actions()->signOutTenant()->trigger();
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        buttonNamed(box, QStringLiteral("Sign out"))->click();
        QTRY_VERIFY(!tenant(kAdventure).isValid());
        QCOMPARE(accessTokensFor(m_config, kAdventure), 0);
        QVERIFY(accessTokensFor(m_config, kNorthwind) > 0);
        QVERIFY(!subscription(kShared).isValid());
        QVERIFY(subscription(kSandbox).isValid());
    }

    void signOutOfTheAccountShowsTheEmptyState()
    {
        startApp();
        view()->setCurrentIndex(account());
        m_app->actions()->signOutAccount()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        buttonNamed(box, QStringLiteral("Sign out"))->click();
        QTRY_COMPARE(model()->rowCount(), 0);
        QVERIFY(!m_app->window()->isShowingAccounts());
        QVERIFY(m_app->window()->welcomePanel()->browserButton()->isVisible());
        QCOMPARE(defaultOnDisk(m_config), QString());
        QCOMPARE(accessTokensFor(m_config, kNorthwind), 0);
    }

    void copyTokenDialogPutsTheTokenOnTheClipboardAndClearsIt()
    {
        m_settings->setValue(AppSettings::Key::ClipboardClearSeconds, 2);
        startApp();
        // Steps long enough for the countdown to be seen in the status line before it ends.
        m_app->clipboard()->setTickInterval(std::chrono::milliseconds(250));
        view()->setFocus();
        view()->setCurrentIndex(subscription(kProduction));
        QTest::keyClick(view(), Qt::Key_C, Qt::ControlModifier);
        CopyTokenDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_app->copyTokenDialog()) && dialog->isVisible());
        QCOMPARE(dialog->scope(), kArmScope);
        QCOMPARE(dialog->scopeBox()->count(), 6); // five presets and a custom scope
        dialog->selectScope(kGraphScope);
        dialog->setFormat(ClipboardGuard::TokenFormat::AuthorizationHeader);
        test::saveScreenshot(dialog, QStringLiteral("copy-token"));
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_app->copyTokenDialog());

        const QString expected =
            QStringLiteral("Authorization: Bearer ") + cachedSecret(m_config, kNorthwind, kGraphScope);
        QVERIFY(QGuiApplication::clipboard()->text() == expected);
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
                 QByteArray("secret"));
        // The status line counts down, and the clipboard is cleared when it reaches 0.
        bool counting = false;
        const auto labels = m_app->window()->statusBar()->findChildren<QLabel*>();
        for (QLabel* label : labels)
            counting = counting || (label->isVisible() && label->text().contains(QStringLiteral("cleared in")));
        QVERIFY(counting);
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);
    }

    void copyTokenDialogCustomScopeAndRawToken()
    {
        startApp();
        AccountTarget target = AccountTarget::fromIndex(tenant(kAdventure));
        m_app->openCopyTokenDialog(target);
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        dialog->focusCustomScope();
        QVERIFY(dialog->customScopeEdit()->isVisible());
        QVERIFY(!dialog->copyButton()->isEnabled()); // nothing typed yet
        // A resource, as az's --resource takes it, means its .default scope (with az's double slash).
        QTest::keyClicks(dialog->customScopeEdit(), QStringLiteral("https://management.core.windows.net/"));
        QCOMPARE(dialog->scope(), kArmScope);
        QVERIFY(dialog->copyButton()->isEnabled());
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_app->copyTokenDialog());
        QVERIFY(QGuiApplication::clipboard()->text() == cachedSecret(m_config, kAdventure, kArmScope));
    }

    void copyTokenDialogSaysWhyThereIsNone()
    {
        startApp();
        // No Graph token for the second tenant is cached, and the identity provider cannot be reached.
        m_app->openCopyTokenDialog(AccountTarget::fromIndex(tenant(kAdventure)));
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        dialog->selectScope(kGraphScope);
        dialog->copy();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->statusText().startsWith(QStringLiteral("No token:")), 20000);
        QVERIFY(dialog->isVisible());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        test::saveScreenshot(dialog, QStringLiteral("copy-token-failed"));
        dialog->reject();
    }

    // az signed in through a broker (WAM): its cache has no refresh token (tests/data/msal-newer-shapes).
    // The account is signed in, Copy token copies its cached token, and for a tenant without one the
    // dialog says az renews it; no sign-in is offered or opened.
    void brokerHeldAccountCopiesItsCachedToken()
    {
        const QString fixture = test::dataPath(QStringLiteral("msal-newer-shapes/broker_token_cache.json"));
        test::writeFile(m_config + QStringLiteral("/msal_token_cache.json"), test::readFile(fixture));
        startApp();
        QVERIFY(account().data(AccountTreeModel::SignedInRole).toBool());
        QCOMPARE(tenant(kNorthwind, AccountTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("Signed in through the broker"));
        view()->setFocus();
        view()->setCurrentIndex(subscription(kProduction));
        QVERIFY(m_app->actions()->copyToken()->isEnabled());
        copyWithTheDialog();
        QString northwindSecret;
        const QJsonObject tokens = test::readJsonObject(fixture).value(QStringLiteral("AccessToken")).toObject();
        for (const QJsonValue& t : tokens) {
            if (t.toObject().value(QStringLiteral("realm")).toString() == kNorthwind)
                northwindSecret = t.toObject().value(QStringLiteral("secret")).toString();
        }
        QVERIFY(!northwindSecret.isEmpty() && QGuiApplication::clipboard()->text() == northwindSecret);

        m_app->openCopyTokenDialog(AccountTarget::fromIndex(tenant(kAdventure)));
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        dialog->copy();
        QTRY_VERIFY(dialog->statusText().startsWith(
            QStringLiteral("No token: The sign-in of sam@northwind.example is held by the broker az signed in with")));
        QVERIFY(!dialog->statusText().contains(QStringLiteral("Sign in")));
        dialog->reject();
    }

    void trayCopyTokenUsesTheActiveSubscription()
    {
        m_settings->setValue(AppSettings::Key::ClipboardClearSeconds, 30);
        startApp();
        QAction* arm = nullptr;
        for (QAction* action : m_app->trayMenu()->copyTokenMenu()->actions()) {
            if (action->data().toString() == kArmScope)
                arm = action;
        }
        QVERIFY(arm);
        QSignalSpy copied(m_app->copier(), &TokenCopier::copied);
        arm->trigger();
        QTRY_COMPARE(copied.count(), 1);
        // Northwind Sandbox is active: Northwind's ARM token.
        QVERIFY(QGuiApplication::clipboard()->text() == cachedSecret(m_config, kNorthwind, kArmScope));
        QVERIFY(m_app->clipboard()->holdsSecret());
        QCOMPARE(m_app->clipboard()->secondsLeft(), 30);
    }

    void remindsBeforeACopiedTokenExpires()
    {
        m_settings->setValue(AppSettings::Key::NotifyBeforeExpiryMinutes, 5);
        startApp();
        QSignalSpy notified(m_app->notifier(), &Notifier::notify);
        m_app->trayMenu()->copyTokenMenu()->actions().first()->trigger(); // ARM, active subscription
        QTRY_VERIFY(m_app->reminder()->isPending());
        m_app->reminder()->setCheckInterval(kTick);
        m_clock->setSecs(kAdventureArmExpiry - 4 * 60);
        QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 2500);
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("A copied token expires soon"));
        QVERIFY(notified.first().at(1).toString().contains(QStringLiteral("expires in 4 minutes")));
    }

    void notifiesOnceWhenATenantNeedsSignIn()
    {
        startApp();
        QSignalSpy notified(m_app->notifier(), &Notifier::notify);
        QSignalSpy attention(m_app->notifier(), &Notifier::attentionChanged);
        const QString hid = account().data(AccountTreeModel::HomeAccountIdRole).toString();
        const QString why = QStringLiteral("AADSTS50076: Due to a configuration change made by your administrator, "
                                           "you must use multi-factor authentication.");
        // What TokenProvider says when a refresh for the tenant meets MFA.
        emit m_app->session()->tokens().interactionRequired(hid, kAdventure, why, QStringLiteral("{\"x\":1}"));
        emit m_app->session()->tokens().interactionRequired(hid, kAdventure, why, QStringLiteral("{\"x\":1}"));
        QCOMPARE(notified.count(), 1);
        QVERIFY(notified.first().at(1).toString().contains(kUser));
        QVERIFY(notified.first().at(1).toString().contains(QStringLiteral("AADSTS50076")));
        QCOMPARE(attention.count(), 1);
        QVERIFY(attention.first().first().toBool());
        // The tree says it too, in plain words, and Return on the row starts its sign-in.
        const QModelIndex status = tenant(kAdventure, AccountTreeModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Needs sign-in: This tenant asks for multi-factor "
                                                          "authentication: sign in to it again. (AADSTS50076)"));
        QCOMPARE(status.data(AccountTreeModel::ClaimsRole).toString(), QStringLiteral("{\"x\":1}"));
        DelegateProbe probe;
        QStyleOptionViewItem option;
        option.initFrom(view());
        probe.initStyleOption(&option, status);
        QCOMPARE(option.palette.color(QPalette::Text), AccountItemDelegate::warningColor(view()->palette()));
        // Not again for the same tenant; but for a dead refresh token, yes.
        emit m_app->session()->tokens().refreshTokenDead(hid, QStringLiteral("AADSTS700082: expired"));
        QCOMPARE(notified.count(), 2);
        QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Sign-in expired"));
        QCOMPARE(account().siblingAtColumn(AccountTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("Sign-in expired"));
        QVERIFY(!m_app->actions()->copyToken()->isEnabled() || view()->currentIndex().isValid());
    }

    // Issue 15's words: the tenant's name, plain sentences with the code, the details on demand, one
    // state for an account and its tenants, and Copy token while a cached token is still valid.
    void wordsAfterMfaAndARevokedSignIn()
    {
        startApp();
        const QString hid = account().data(AccountTreeModel::HomeAccountIdRole).toString();
        m_app->directory()->setTenantName(kAdventure, QStringLiteral("Adventure Works"),
                                          QStringLiteral("adventure.example"));
        QSignalSpy notified(m_app->notifier(), &Notifier::notify);
        const QString why =
            QStringLiteral("AADSTS50076: Due to a configuration change made by your administrator, or because you "
                           "moved to a new location, you must use multi-factor authentication to access "
                           "'797f4846-ba00-4fd7-ba43-dac1f8f63013'.");
        emit m_app->session()->tokens().interactionRequired(hid, kAdventure, why, QString());
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Sign-in needed for Adventure Works"));
        const QString told = notified.first().at(1).toString();
        QCOMPARE(told, QStringLiteral("sam@northwind.example needs you to sign in again to use the tenant Adventure "
                                      "Works.\nThis tenant asks for multi-factor authentication: sign in to it "
                                      "again. (AADSTS50076)"));
        QVERIFY(!told.contains(kAdventure));
        // The tree: a short sentence; the provider's words in the row's tooltip.
        QVERIFY(!tenant(kAdventure, AccountTreeModel::StatusColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("configuration change")));
        QVERIFY(tenant(kAdventure).data(Qt::ToolTipRole).toString().contains(why));
        test::saveScreenshot(m_app->window(), QStringLiteral("words-needs-mfa"));

        // The refresh token is revoked: the balloon says so once, with the provider's code for reference.
        emit m_app->session()->tokens().refreshTokenDead(
            hid, QStringLiteral("AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth "
                                "token is needed. The user might have changed or reset their password."));
        QCOMPARE(notified.count(), 2);
        QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Sign-in expired"));
        const QString expired = notified.last().at(1).toString();
        QCOMPARE(expired.count(QStringLiteral("expired or was revoked")), 1);
        QCOMPARE(expired, QStringLiteral("The sign-in of sam@northwind.example has expired or was revoked. Sign in "
                                         "again to keep using its tenants. (AADSTS50173)"));
        // The account and each of its tenants say the same, also after discovery reached a tenant with
        // its still-valid cached token.
        m_app->directory()->setTenantState({hid, kNorthwind}, TenantState::SignedIn); // what discovery found
        QCOMPARE(account().siblingAtColumn(AccountTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("Sign-in expired"));
        for (const QString& id : {kNorthwind, kAdventure})
            QCOMPARE(tenant(id, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Sign-in expired"));

        // Copy token serves the cached token while it is valid, and is offered no longer after.
        view()->setFocus();
        view()->setCurrentIndex(tenant(kAdventure));
        QVERIFY(m_app->actions()->copyToken()->isEnabled());
        copyWithTheDialog();
        QVERIFY(QGuiApplication::clipboard()->text() == cachedSecret(m_config, kAdventure, kArmScope));
        view()->ticker()->setInterval(kTick);
        m_clock->setSecs(kAdventureArmExpiry + 1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->actions()->copyToken()->isEnabled(), 2500);
    }

    void statusBarElidesWhatDoesNotFit()
    {
        startApp();
        MainWindow* window = m_app->window();
        QStatusBar* bar = window->statusBar();
        const QString longText = QStringLiteral("Refreshed sam@northwind.example: ") +
                                 QStringList(40, QStringLiteral("Northwind Sandbox")).join(QStringLiteral(", "));
        window->showStatus(longText);
        QVERIFY(bar->currentMessage().endsWith(QChar(0x2026)));
        QVERIFY(bar->currentMessage().size() < longText.size());
        QVERIFY(bar->fontMetrics().horizontalAdvance(bar->currentMessage()) < window->width());
        QVERIFY(bar->toolTip().contains(QStringLiteral("Northwind Sandbox, Northwind Sandbox")));
        // An error in the status bar: plain words, the provider's own in the tooltip.
        window->resize(1600, window->height()); // room for all of it
        QTRY_COMPARE(window->width(), 1600);
        window->showStatus(QStringLiteral("Could not list the tenants of sam@northwind.example: AADSTS53003: Access "
                                          "has been blocked by Conditional Access policies."));
        QCOMPARE(bar->currentMessage(), QStringLiteral("Could not list the tenants of sam@northwind.example: A "
                                                       "Conditional Access policy of this tenant blocked the "
                                                       "sign-in; its administrator can say why. (AADSTS53003)"));
        QVERIFY(bar->toolTip().contains(QStringLiteral("AADSTS53003: Access has been blocked")));
        bar->clearMessage();
        QVERIFY(bar->toolTip().isEmpty());
    }

    void problemBarShowsDetailsOnDemand()
    {
        startApp();
        MainWindow* window = m_app->window();
        window->showProblem(QStringLiteral("The sign-in did not complete: AADSTS65001: The user or administrator has "
                                           "not consented to use the application with ID '04b07795'."));
        QCOMPARE(window->problemText(), QStringLiteral("The sign-in did not complete: The app has no consent in this "
                                                       "tenant: sign in and accept, or ask its administrator to "
                                                       "consent. (AADSTS65001)"));
        auto* details = window->findChild<QLabel*>(QStringLiteral("problemDetails"));
        auto* button = window->findChild<QToolButton*>(QStringLiteral("problemDetailsButton"));
        QVERIFY(details && button);
        QVERIFY(button->isVisible());
        QVERIFY(!details->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(details->isVisible());
        QVERIFY(details->text().startsWith(QStringLiteral("AADSTS65001: The user or administrator")));
        test::saveScreenshot(window, QStringLiteral("words-error-details"));
        // Words of Tenantry's own have no details to show.
        window->showProblem(QStringLiteral("Tenantry uses the new cloud setting from its next start."));
        QVERIFY(!button->isVisible());
        QVERIFY(!details->isVisible());
    }

    void titlesAndAboutAsTheDesktopHasThem()
    {
        startApp();
        m_app->openSettings();
        QDialog* settings = nullptr;
        QTRY_VERIFY((settings = m_app->window()->findChild<SettingsDialog*>()) && settings->isVisible());
        QCOMPARE(settings->windowTitle(), QStringLiteral("Settings")); // the desktop adds " — Tenantry"
        settings->reject();

        m_app->openAbout();
        AboutDialog* about = nullptr;
        QTRY_VERIFY((about = m_app->window()->findChild<AboutDialog*>()) && about->isVisible());
        QCOMPARE(about->windowTitle(), QStringLiteral("About Tenantry"));
        const QString text = about->text();
        QVERIFY(text.contains(QStringLiteral("Tenantry %1").arg(QApplication::applicationVersion())));
        QVERIFY(text.contains(QStringLiteral("shares its sign-ins with the Azure CLI")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QDir::toNativeSeparators(m_config + QStringLiteral("/msal_token_cache.json"))));
        QVERIFY(text.contains(QDir::toNativeSeparators(m_config + QStringLiteral(".ini"))));
        QVERIFY(text.contains(QStringLiteral("Keychain and file: the tokens are in the system keychain")));
        // Where the logs are, the project's home (project()'s HOMEPAGE_URL) and the licence.
        QVERIFY(text.contains(QStringLiteral("Standard error, not a file")));
        QVERIFY(text.contains(QStringLiteral("\njournalctl --user (or ~/.xsession-errors)\n")));
        QVERIFY(text.contains(QStringLiteral("<a href=\"https://github.com/tenantry/tenantry\">")));
        QVERIFY(text.contains(QStringLiteral("MIT License")));
        test::saveScreenshot(about, QStringLiteral("about"));
        about->showLicence(); // what the licence link opens
        QDialog* licence = nullptr;
        QTRY_VERIFY((licence = about->findChild<QDialog*>(QStringLiteral("licenceWindow"))) && licence->isVisible());
        const QString licenceText = licence->findChild<QPlainTextEdit*>()->toPlainText();
        QVERIFY(licenceText.startsWith(QStringLiteral("MIT License")));
        QVERIFY(licenceText.contains(QStringLiteral("Permission is hereby granted, free of charge")));
        licence->reject();
        about->reject();
    }
};

QTEST_MAIN(TestAccountsWindow)
#include "TestAccountsWindow.moc"
