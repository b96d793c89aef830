// `tenantry --sign-in` and `--device-code` end to end: the app (DesktopApp, the real
// EmbeddedSignInDialog with QtWebEngine from the plugin tenantry-signin-webengine, the core Session) against the
// project's test identity provider, reachable as a custom cloud in clouds.config on http://127.0.0.1:PORT (a loopback
// authority may be http). The provider's sign-in page is submitted in the embedded browser, the
// redirect is caught, and the account's tenants and subscriptions appear without a restart.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "UiTestSupport.h"
#include "WelcomePanel.h"
#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountFilterModel.h"
#include "accounts/AccountsController.h"
#include "accounts/AccountsView.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/EmbeddedSignIn.h"
#include "signin/SignInCoordinator.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QtTest>

using namespace tenantry;
using tenantry::test::TestIdentityProvider;

namespace {

const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kFabrikam = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString kContoso = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a");
const QString kContosoGuarded = QStringLiteral("e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b");
const QString kSam = QStringLiteral("sam@northwind.example");

QJsonObject readJson(const QString& path)
{
    QByteArray bytes = test::readFile(path);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return QJsonDocument::fromJson(bytes).object();
}

QStringList subscriptionIdsOnDisk(const QString& dir)
{
    QStringList ids;
    const QJsonArray subscriptions =
        readJson(dir + QStringLiteral("/azureProfile.json")).value(QStringLiteral("subscriptions")).toArray();
    for (const QJsonValue& s : subscriptions)
        ids.append(s.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

class TestSignInEndToEnd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    SystemClock m_clock;
    std::unique_ptr<TestIdentityProvider> m_idp;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<DesktopApp> m_app;

    AccountTreeModel* model() const { return m_app->model(); }

    QModelIndex tenant(const QString& id, int column = 0) const
    {
        for (int a = 0; a < model()->rowCount(); ++a) {
            const QModelIndex account = model()->index(a, 0);
            for (int t = 0; t < model()->rowCount(account); ++t) {
                const QModelIndex index = model()->index(t, column, account);
                if (index.data(AccountTreeModel::TenantIdRole).toString() == id)
                    return index;
            }
        }
        return {};
    }

    QStringList subscriptionNames(const QString& tenantId) const
    {
        QStringList names;
        const QModelIndex parent = tenant(tenantId);
        for (int s = 0; s < model()->rowCount(parent); ++s)
            names.append(model()->index(s, 0, parent).data().toString());
        names.sort();
        return names;
    }

    void startApp(const QStringList& arguments)
    {
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(m_config);
        options.settings = m_settings.get();
        options.clock = &m_clock;
        options.network = m_network.get();
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->sessionError().isEmpty(), qPrintable(m_app->sessionError()));
        LaunchOptions launch;
        QString error;
        QVERIFY2(LaunchOptions::parse(QStringList{QStringLiteral("tenantry")} + arguments, &launch, &error),
                 qPrintable(error));
        m_app->start(launch);
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    }

    // The sign-in page of the dialog the plugin made (reached through Qt's own classes: the dialog's
    // class is the plugin's).
    static QWebEnginePage* page(QWidget* dialog)
    {
        auto* view = dialog ? dialog->findChild<QWebEngineView*>() : nullptr;
        return view ? view->page() : nullptr;
    }

    // What the dialog shows instead of the page when the sign-in failed.
    static QString failureText(QWidget* dialog)
    {
        auto* label = dialog->findChild<QLabel*>(QStringLiteral("failureText"));
        return label && label->isVisible() ? label->text() : QString();
    }

    // The embedded dialog of the running sign-in, once its page (the provider's form) has loaded.
    QWidget* waitForSignInPage()
    {
        QPointer<QWidget> dialog;
        if (!QTest::qWaitFor(
                [&] {
                    dialog = m_app->signIn()->browser() ? m_app->signIn()->browser()->window() : nullptr;
                    return dialog && dialog->isVisible() && page(dialog);
                },
                20000))
            return nullptr;
        // The form is there when the page's document has it.
        bool ready = false;
        const bool loaded = QTest::qWaitFor(
            [&] {
                if (!dialog)
                    return true;
                page(dialog)->runJavaScript(QStringLiteral("document.getElementById('signin') !== null"),
                                            [&ready](const QVariant& result) { ready = result.toBool(); });
                QTest::qWait(100);
                return ready;
            },
            20000);
        return loaded ? dialog.data() : nullptr;
    }

    // What the user does on the provider's page: their account is filled in; they press "Sign in".
    static void submit(QWidget* dialog, const QString& user)
    {
        page(dialog)->runJavaScript(QStringLiteral("document.getElementById('username').value = '%1';"
                                                   "document.getElementById('next').click();")
                                        .arg(user));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_idp = std::make_unique<TestIdentityProvider>();
        QString error;
        QVERIFY2(m_idp->loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(m_idp->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setProxy(QNetworkProxy::NoProxy);

        // The provider as a custom cloud az would accept too (az's own files, az's own keys).
        m_config = m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate()));
        test::writeTestIdpCloud(m_config, m_idp->url());
        m_settings = std::make_unique<AppSettings>(m_config + QStringLiteral(".ini"));
    }

    void cleanup()
    {
        m_app.reset();
        m_settings.reset();
        m_network.reset();
        m_idp.reset();
    }

    void signInWithTheEmbeddedBrowser()
    {
        startApp({QStringLiteral("--sign-in")});
        // Nothing signed in yet: the window invites the first sign-in while the sign-in page opens.
        QTRY_VERIFY(m_app->accounts()->isLoaded());
        QVERIFY(!m_app->window()->isShowingAccounts());
        QWidget* dialog = waitForSignInPage();
        QVERIFY(dialog);
        QVERIFY(page(dialog)->profile()->isOffTheRecord());
        QCOMPARE(QUrl(page(dialog)->url()).host(), QStringLiteral("127.0.0.1"));
        test::saveScreenshot(dialog, QStringLiteral("e2e-sign-in-page"));
        QSignalSpy completed(m_app->signIn(), &SignInCoordinator::completed);
        submit(dialog, kSam);

        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);
        // The dialog closed itself; the tree has the account, its tenants and their subscriptions.
        QTRY_VERIFY(!m_app->signIn()->browser() || !m_app->signIn()->browser()->window());
        QTRY_VERIFY(m_app->window()->isShowingAccounts());
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY(model()->index(0, 0).data().toString().startsWith(kSam));
        QTRY_COMPARE(model()->rowCount(model()->index(0, 0)), 3);
        QCOMPARE(subscriptionNames(kNorthwind),
                 (QStringList{QStringLiteral("Northwind Dev"), QStringLiteral("Northwind Production")}));
        QCOMPARE(subscriptionNames(kFabrikam), QStringList{QStringLiteral("Fabrikam Shared")});
        QCOMPARE(tenant(kNorthwind).data().toString(), QStringLiteral("Northwind"));
        QCOMPARE(tenant(kNorthwind, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Signed in"));
        // Contoso wants MFA: shown, with why, not signed in.
        QCOMPARE(tenant(kContoso).data().toString(), QStringLiteral("Contoso"));
        QCOMPARE(tenant(kContoso, AccountTreeModel::StatusColumn).data(AccountTreeModel::TenantStateRole).toInt(),
                 int(TenantState::NeedsInteraction));
        QVERIFY(
            tenant(kContoso, AccountTreeModel::StatusColumn).data().toString().contains(QStringLiteral("AADSTS50076")));
        // az sees it too.
        const QStringList onDisk = subscriptionIdsOnDisk(m_config);
        QCOMPARE(onDisk.size(), 3);
        QVERIFY(QFile::exists(m_config + QStringLiteral("/msal_token_cache.json")));
        QVERIFY(model()->activeSubscriptionIndex().isValid());
        test::saveScreenshot(m_app->window(), QStringLiteral("e2e-signed-in"));

        // One more tenant: Contoso, interactively, with its claims challenge; only that tenant changes.
        QSignalSpy again(m_app->signIn(), &SignInCoordinator::completed);
        m_app->accountsView()->setFocus();
        m_app->accountsView()->setCurrentIndex(m_app->accountsView()->filterModel()->mapFromSource(tenant(kContoso)));
        QTest::keyClick(m_app->accountsView(), Qt::Key_Return);
        dialog = waitForSignInPage();
        QVERIFY(dialog);
        QVERIFY(page(dialog)->url().toString().contains(kContoso));
        submit(dialog, kSam);
        QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, 30000);
        QTRY_COMPARE(tenant(kContoso, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Signed in"));
        QCOMPARE(subscriptionNames(kContoso), QStringList{QStringLiteral("Contoso Guarded")});
        QVERIFY(subscriptionIdsOnDisk(m_config).contains(kContosoGuarded));
        QCOMPARE(model()->rowCount(model()->index(0, 0)), 3);
    }

    void cancellingChangesNothing()
    {
        startApp({QStringLiteral("--sign-in")});
        QWidget* dialog = waitForSignInPage();
        QVERIFY(dialog);
        QSignalSpy cancelled(m_app->signIn(), &SignInCoordinator::cancelled);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(cancelled.count(), 1);
        QVERIFY(!m_app->signIn()->isRunning());
        QTest::qWait(300);
        QVERIFY(!QFile::exists(m_config + QStringLiteral("/azureProfile.json")));
        QVERIFY(!QFile::exists(m_config + QStringLiteral("/msal_token_cache.json")));
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(!m_app->window()->isShowingAccounts());
        QCOMPARE(m_idp->requestCount(test::IdpEndpoint::Token), 0);
    }

    void providersErrorIsShownAndNothingChanges()
    {
        m_idp->setAuthorizeError(QStringLiteral("access_denied"),
                                 QStringLiteral("AADSTS65004: User declined to consent to access the app."));
        startApp({QStringLiteral("--sign-in")});
        QSignalSpy failed(m_app->signIn(), &SignInCoordinator::failed);
        QPointer<QWidget> dialog = waitForSignInPage();
        QVERIFY(dialog);
        submit(dialog, kSam);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(dialog && dialog->isVisible());
        // Plain words with the code in the dialog and the main window; the provider's own under Details (it
        // sends '+' for spaces, and they read spaces).
        const QString plain =
            QStringLiteral("The consent the app asked for was declined; nothing was signed in. (AADSTS65004)");
        QCOMPARE(failureText(dialog), plain);
        QCOMPARE(m_app->window()->problemText(), QStringLiteral("The sign-in did not complete: ") + plain);
        QCOMPARE(m_app->window()->problemDetails(),
                 QStringLiteral("AADSTS65004: User declined to consent to access the app."));
        QVERIFY(!QFile::exists(m_config + QStringLiteral("/msal_token_cache.json")));
        QTest::keyClick(dialog, Qt::Key_Escape);
    }

    void signInWithADeviceCode()
    {
        m_idp->setDeviceCodeInterval(1);
        startApp({QStringLiteral("--device-code")});
        QPointer<DeviceCodeDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->signIn()->deviceCodeDialog()) && dialog->isVisible(), 20000);
        QCOMPARE(m_idp->pendingUserCodes(), QStringList{dialog->userCode()});
        test::saveScreenshot(dialog, QStringLiteral("e2e-device-code"));
        QSignalSpy completed(m_app->signIn(), &SignInCoordinator::completed);
        // The user signs in on another device.
        QVERIFY(m_idp->approveDeviceCode(dialog->userCode(), kSam));
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        QTRY_COMPARE(model()->rowCount(), 1);
        QTRY_COMPARE(model()->rowCount(model()->index(0, 0)), 3);
        QCOMPARE(subscriptionNames(kFabrikam), QStringList{QStringLiteral("Fabrikam Shared")});
    }

    void cancellingTheDeviceCodeChangesNothing()
    {
        startApp({QStringLiteral("--device-code")});
        QPointer<DeviceCodeDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->signIn()->deviceCodeDialog()) && dialog->isVisible(), 20000);
        QSignalSpy cancelled(m_app->signIn(), &SignInCoordinator::cancelled);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(cancelled.count(), 1);
        QVERIFY(!QFile::exists(m_config + QStringLiteral("/msal_token_cache.json")));
        QCOMPARE(model()->rowCount(), 0);
    }
};

int main(int argc, char* argv[])
{
    // Chromium refuses its sandbox as root (tests and CI only); no GPU under Xvfb or offscreen.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestSignInEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSignInEndToEnd.moc"
