// A guest tenant's admin chooses its display name, whoever can write azureProfile.json the
// subscriptions' and users' names, a server its error_description. The app shows all of them as
// the characters they are: no link to click, no image fetched, no bold, wherever the user sees
// them (tree, details, tooltips, message boxes, tray menu and tooltip, notifications, status).

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "UiTestSupport.h"
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
#include "signin/SignInCoordinator.h"
#include "token/CopyTokenDialog.h"
#include "tray/TrayController.h"
#include "tray/TrayMenu.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#ifdef TENANTRY_HAVE_DBUS
#include <QDBusConnection>
#endif
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>
#include <QtTest>

using namespace tenantry;

namespace {

using namespace test::sample;
// IDs are whatever azureProfile.json says.
const QString kMalloryTenant = QStringLiteral("<b>mallory</b>-tenant");
const QString kMallorySubscription = QStringLiteral("<a href=\"https://evil\">mallory</a>-subscription");
constexpr qint64 kStart = kAdventureArmExpiry - 3600;

const QString kEvilTenant = QStringLiteral("<b>Evil</b><img src=\"http://127.0.0.1:1/x\">");
const QString kEvilDomain = QStringLiteral("<i>adventure</i>.example");
const QString kLinkSubscription = QStringLiteral("<a href=\"https://evil\">click</a>");
// OSC 52: in a terminal, writes the clipboard.
const QString kEscapeSubscription = QStringLiteral("AW Shared \x1b]52;c;ZXZpbA==\x07Services");
const QString kEvilUser = QStringLiteral("<b>mallory</b>@evil.example");
const QString kEvilReason =
    QStringLiteral("AADSTS50076: <b>MFA</b> required. <a href=\"https://evil\">Sign in here</a> <img src=x>");

// The sample's azureProfile.json, renamed by someone hostile, plus a user only the profile knows.
void writeHostileProfile(const QString& dir)
{
    const QString path = dir + QStringLiteral("/azureProfile.json");
    QJsonObject profile = test::readJsonObject(path);
    QJsonArray subscriptions = profile.value(QStringLiteral("subscriptions")).toArray();
    for (int i = 0; i < subscriptions.size(); ++i) {
        QJsonObject s = subscriptions.at(i).toObject();
        const QString id = s.value(QStringLiteral("id")).toString();
        if (s.value(QStringLiteral("tenantId")).toString() == kAdventure) {
            s.insert(QStringLiteral("tenantDisplayName"), kEvilTenant);
            s.insert(QStringLiteral("tenantDefaultDomain"), kEvilDomain);
        }
        if (id == kProduction)
            s.insert(QStringLiteral("name"), kLinkSubscription);
        if (id == kShared)
            s.insert(QStringLiteral("name"), kEscapeSubscription);
        subscriptions.replace(i, s);
    }
    subscriptions.append(QJsonObject{
        {QStringLiteral("id"), kMallorySubscription},
        {QStringLiteral("name"), QStringLiteral("Mallory's")},
        {QStringLiteral("state"), QStringLiteral("Enabled")},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("name"), kEvilUser}, {QStringLiteral("type"), QStringLiteral("user")}}},
        {QStringLiteral("isDefault"), false},
        {QStringLiteral("tenantId"), kMalloryTenant},
        {QStringLiteral("environmentName"), QStringLiteral("AzureCloud")},
        {QStringLiteral("homeTenantId"), kMalloryTenant},
        {QStringLiteral("managedByTenants"), QJsonArray()},
    });
    profile.insert(QStringLiteral("subscriptions"), subscriptions);
    test::writeFile(path, QJsonDocument(profile).toJson());
}

// What a QToolTip (or a notification server reading markup) shows for a text: rich text when it
// looks like rich text, else the text itself.
QString shownByToolTip(const QString& tip)
{
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument document;
    document.setHtml(tip);
    return document.toPlainText();
}

// What a notification server that reads the body as markup shows of it.
QString shownByMarkupServer(QString body)
{
    return body.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

// Every label under `root` that shows `text` shows it as plain text; there is at least one.
void verifyLabelsShowLiterally(QWidget* root, const QString& text)
{
    int showing = 0;
    const auto labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (!label->text().contains(text))
            continue;
        ++showing;
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
    }
    QVERIFY2(showing > 0, qPrintable(text));
}

} // namespace

class TestUntrustedText : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private:
    // The tree as the view shows it (through its filter): the indexes the view takes.
    QAbstractItemModel* model() const { return view()->model(); }
    AccountsView* view() const { return m_app->accountsView(); }

    QModelIndex find(int role, const QString& value, const QModelIndex& parent = {}) const
    {
        for (int r = 0; r < model()->rowCount(parent); ++r) {
            const QModelIndex child = model()->index(r, 0, parent);
            if (child.data(role).toString() == value)
                return child;
            const QModelIndex below = find(role, value, child);
            if (below.isValid())
                return below;
        }
        return {};
    }
    QModelIndex tenant(const QString& id) const
    {
        return find(AccountTreeModel::TenantIdRole, id);
    } // before its subscriptions
    QModelIndex subscription(const QString& id) const { return find(AccountTreeModel::SubscriptionIdRole, id); }
    QMessageBox* confirmBox() const { return m_app->window()->findChild<QMessageBox*>(QStringLiteral("confirmBox")); }

    // Hovers a row of the accounts tree and returns the tooltip that shows.
    QString hoverToolTip(const QModelIndex& index)
    {
        QToolTip::hideText();
        view()->scrollTo(index);
        const QPoint at = view()->visualRect(index).center();
        QHelpEvent event(QEvent::ToolTip, at, view()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view()->viewport(), &event);
        return QToolTip::isVisible() ? QToolTip::text() : QString();
    }

private slots:
    void initTestCase()
    {
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        blockNetwork();
    }

    void init()
    {
        copySample(kStart);
        writeHostileProfile(m_config);
    }

    void cleanup()
    {
        QToolTip::hideText();
        stopApp();
    }

    void treeAndDetailsShowNamesAsText()
    {
        startApp();
        const QModelIndex evil = tenant(kAdventure);
        QCOMPARE(evil.data().toString(), kEvilTenant);
        QCOMPARE(subscription(kProduction).data().toString(), kLinkSubscription);
        QCOMPARE(subscription(kShared).data().toString(), kEscapeSubscription);
        QVERIFY(find(AccountTreeModel::UsernameRole, kEvilUser).isValid());

        AccountDetailsPanel* details = m_app->details();
        view()->setCurrentIndex(evil);
        QCOMPARE(details->titleText(), kEvilTenant);
        verifyLabelsShowLiterally(details, kEvilTenant);
        verifyLabelsShowLiterally(details, kEvilDomain);
        view()->setCurrentIndex(subscription(kProduction));
        QCOMPARE(details->titleText(), kLinkSubscription);
        verifyLabelsShowLiterally(details, kLinkSubscription);
        view()->setCurrentIndex(subscription(kShared));
        QCOMPARE(details->titleText(), kEscapeSubscription);
        verifyLabelsShowLiterally(details, kEscapeSubscription);
        verifyLabelsShowLiterally(details, kEvilTenant); // "Tenant: <name> (<id>)"
        view()->setCurrentIndex(find(AccountTreeModel::UsernameRole, kEvilUser));
        verifyLabelsShowLiterally(details, kEvilUser);
        test::saveScreenshot(m_app->window(), QStringLiteral("hostile-names"));
    }

    void treeToolTipsShowTheTextAsText()
    {
        startApp();
        // The reason a tenant needs a sign-in is the server's error_description.
        const QString hid = tenant(kAdventure).parent().data(AccountTreeModel::HomeAccountIdRole).toString();
        emit m_app->session()->tokens().interactionRequired(hid, kAdventure, kEvilReason, QString());
        const QModelIndex evil = tenant(kAdventure);
        const QString expected = evil.data(Qt::ToolTipRole).toString();
        QVERIFY(expected.contains(kEvilReason));
        QVERIFY(expected.contains(kEvilDomain));
        QString tip;
        QTRY_VERIFY(!(tip = hoverToolTip(evil)).isEmpty());
        QCOMPARE(shownByToolTip(tip), expected);
        const QWidgetList windows = QApplication::topLevelWidgets();
        for (QWidget* window : windows) {
            if (window->objectName() == QLatin1String("qtooltip_label") && window->isVisible())
                test::saveScreenshot(window, QStringLiteral("hostile-tooltip"));
        }
        // Tooltips that start with what looks like markup: Qt would render those.
        QTRY_VERIFY(!(tip = hoverToolTip(tenant(kMalloryTenant))).isEmpty());
        QCOMPARE(shownByToolTip(tip), tenant(kMalloryTenant).data(Qt::ToolTipRole).toString());
        QVERIFY(shownByToolTip(tip).startsWith(kMalloryTenant));
        QTRY_VERIFY(!(tip = hoverToolTip(subscription(kMallorySubscription))).isEmpty());
        QCOMPARE(shownByToolTip(tip), kMallorySubscription);
    }

    void delegateToolTipStartingWithMarkupIsText()
    {
        // A tooltip whose first line looks like markup is the one Qt would render: the delegate's, any row's.
        QStandardItemModel items;
        auto* item = new QStandardItem(QStringLiteral("row"));
        item->setToolTip(kLinkSubscription + QStringLiteral("\nsecond line"));
        items.appendRow(item);
        QTreeView tree;
        tree.setItemDelegate(new AccountItemDelegate(&tree));
        tree.setModel(&items);
        tree.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tree));
        const QPoint at = tree.visualRect(items.index(0, 0)).center();
        QHelpEvent event(QEvent::ToolTip, at, tree.viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree.viewport(), &event);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(shownByToolTip(QToolTip::text()), kLinkSubscription + QStringLiteral("\nsecond line"));
        QToolTip::hideText();
    }

    void confirmBoxesShowNamesAsText()
    {
        startApp();
        view()->setCurrentIndex(tenant(kAdventure));
        m_app->actions()->signOutTenant()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY(box->text().contains(kEvilTenant));
        verifyLabelsShowLiterally(box, kEvilTenant);
        test::saveScreenshot(box, QStringLiteral("hostile-confirm"));
        box->reject();
        QTRY_VERIFY(!confirmBox());

        view()->setCurrentIndex(find(AccountTreeModel::UsernameRole, kEvilUser));
        m_app->actions()->signOutAccount()->trigger();
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        QCOMPARE(box->textFormat(), Qt::PlainText);
        verifyLabelsShowLiterally(box, kEvilUser);
        box->reject();
    }

    void copyTokenDialogShowsNamesAsText()
    {
        startApp();
        m_app->openCopyTokenDialog(AccountTarget::fromIndex(subscription(kShared)));
        CopyTokenDialog* dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        verifyLabelsShowLiterally(dialog, kEvilTenant);
        verifyLabelsShowLiterally(dialog, kEscapeSubscription);
        dialog->reject();
        // The tenant's ID is its label's tooltip.
        m_app->openCopyTokenDialog(AccountTarget::fromIndex(tenant(kMalloryTenant)));
        dialog = m_app->copyTokenDialog();
        QVERIFY(dialog);
        int tenantLabels = 0;
        const auto labels = dialog->findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->text() != kMalloryTenant)
                continue;
            ++tenantLabels;
            QCOMPARE(label->textFormat(), Qt::PlainText);
            QCOMPARE(shownByToolTip(label->toolTip()), kMalloryTenant);
        }
        QCOMPARE(tenantLabels, 1);
        dialog->reject();
    }

    void serverErrorsShowAsText()
    {
        startApp();
        emit m_app->signIn()->failed(kEvilReason);
        // Plain words in the bar; the server's own, markup and all, under its Details, as text.
        QVERIFY(m_app->window()->problemText().contains(QStringLiteral("(AADSTS50076)")));
        QVERIFY(m_app->window()->problemDetails().contains(kEvilReason));
        verifyLabelsShowLiterally(m_app->window(), kEvilReason);
    }

    void trayMenuShowsNamesAsText()
    {
        startApp();
        QMenu* menu = m_app->trayMenu()->menu();
        QStringList texts;
        const QList<QAction*> actions = menu->actions();
        for (QAction* action : actions) {
            texts.append(action->text());
            if (action->menu()) { // a tenant's submenu
                const QList<QAction*> inTenant = action->menu()->actions();
                for (QAction* subscription : inTenant)
                    texts.append(subscription->text());
            }
        }
        // A QMenu draws its items as plain text; '&' would be a mnemonic, a tab the shortcut column.
        QVERIFY2(texts.contains(kEvilTenant), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(kLinkSubscription));
        QVERIFY(texts.contains(kEscapeSubscription));
        QVERIFY(texts.contains(kMalloryTenant)); // no display name: the ID names the tenant
        QAction* mallory = m_app->trayMenu()->subscriptionAction(kMallorySubscription);
        QVERIFY(mallory);
        QCOMPARE(shownByToolTip(mallory->toolTip()), kMallorySubscription);
    }

    void trayToolTipAndNotificationsShowNamesAsText()
    {
        startApp();
        m_app->trayMenu()->subscriptionAction(kProduction)->trigger(); // az now uses "<a href…>click</a>"
        QTRY_VERIFY(m_app->trayMenu()->toolTip().contains(kLinkSubscription));
        const QString menuToolTip = m_app->trayMenu()->toolTip();

        // What the tray is told when a tenant needs a sign-in, the reason being the server's.
        QSignalSpy notified(m_app->notifier(), &Notifier::notify);
        m_app->notifier()->tenantNeedsSignIn(kUser, kAdventure, kEvilTenant, kEvilReason);
        QCOMPARE(notified.count(), 1);
        const QString title = notified.first().at(0).toString();
        const QString message = notified.first().at(1).toString();
        QVERIFY(title.contains(kEvilTenant));
        // The server's reason is told in plain words with its code; its markup is not passed on.
        QVERIFY(message.contains(QStringLiteral("(AADSTS50076)")));
        QVERIFY(!message.contains(QStringLiteral("href")));
        // Without a tray the status bar says it, and a status bar draws plain text.
        if (!m_app->tray()->isVisible())
            QVERIFY(m_app->window()->statusBar()->currentMessage().contains(kEvilTenant));

        // An XEmbed tray (no StatusNotifierWatcher): Qt's own balloon shows plain text; the tooltip guesses.
        {
            TrayController tray(m_app->trayMenu());
            QCOMPARE(tray.notificationBody(message), message);
            QCOMPARE(shownByToolTip(tray.trayToolTip()), menuToolTip);
        }

#ifdef TENANTRY_HAVE_DBUS
        // A StatusNotifierItem tray: notifications go to a D-Bus notification server that reads markup.
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus");
        const QString connection = QStringLiteral("fake-status-notifier-watcher");
        QDBusConnection watcher = QDBusConnection::connectToBus(QDBusConnection::SessionBus, connection);
        QVERIFY(watcher.registerService(QStringLiteral("org.kde.StatusNotifierWatcher")));
        {
            TrayController tray(m_app->trayMenu());
            const QString body = tray.notificationBody(message);
            QVERIFY2(!body.contains(QLatin1Char('<')), qPrintable(body));
            QCOMPARE(shownByMarkupServer(body), message);
            // No control character in what a server parses as XML; a visible mark instead.
            const QString escape = tray.notificationBody(kEscapeSubscription);
            QCOMPARE(shownByMarkupServer(escape), QString(kEscapeSubscription)
                                                      .replace(QChar(0x1b), QChar::ReplacementCharacter)
                                                      .replace(QChar(0x07), QChar::ReplacementCharacter));
            QCOMPARE(tray.trayToolTip(), menuToolTip); // a StatusNotifierItem's tooltip title: plain text
        }
        watcher.unregisterService(QStringLiteral("org.kde.StatusNotifierWatcher"));
        QDBusConnection::disconnectFromBus(connection);
#endif
    }
};

QTEST_MAIN(TestUntrustedText)
#include "TestUntrustedText.moc"
