// The desktop app's "Sign out everywhere…" and its storage mode, with the real keychain (the test session's
// gnome-keyring) and real files: the wipe asks first and says what goes, then the window shows the empty
// state and nothing comes back — not when az's files are read again, not when `tenantry-cli account clear`
// wipes while the app runs. TENANTRY_STORAGE_MODE=keychain-only keeps a sign-in's refresh token out of
// msal_token_cache.json in the app as in the CLI.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "WelcomePanel.h"
#include "account/AccountTreeModel.h"
#include "account/Session.h"
#include "account/TokenProvider.h"
#include "account/TokenRequest.h"
#include "accounts/AccountsController.h"
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/SignInCoordinator.h"
#include "store/KeychainStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSignalSpy>
#include <QtTest>

using namespace tenantry;
using tenantry::test::TestIdentityProvider;

namespace {

using namespace test::sample;
const QString kArmScope = QStringLiteral("https://management.core.windows.net//.default");
constexpr qint64 kStart = kAdventureArmExpiry - 3600;

// The file's entries of one section (0 when the file is gone).
int entriesOnDisk(const QString& config, const QString& section)
{
    if (!QFileInfo::exists(config + QStringLiteral("/msal_token_cache.json")))
        return 0;
    return test::readJsonObject(config + QStringLiteral("/msal_token_cache.json")).value(section).toObject().size();
}

int subscriptionsOnDisk(const QString& config)
{
    return test::readJsonObject(config + QStringLiteral("/azureProfile.json"))
        .value(QStringLiteral("subscriptions"))
        .toArray()
        .size();
}

// Runs while an environment variable is set; the previous value comes back afterwards.
class ScopedEnvironment
{
public:
    ScopedEnvironment(const char* name, const QByteArray& value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnvironment()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestSignOutEverywhere : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private:
    std::unique_ptr<KeychainStore> m_keychain;
    std::unique_ptr<ScopedEnvironment> m_storageMode;

    AccountTreeModel* model() const { return m_app->model(); }
    QMessageBox* confirmBox() const { return m_app->window()->findChild<QMessageBox*>(QStringLiteral("confirmBox")); }
    QAction* signOutEverywhere() const { return m_app->window()->signOutEverywhereAction(); }

    void useStorageModeVariable(const QByteArray& value)
    {
        m_storageMode.reset(); // the previous value back first
        m_storageMode = std::make_unique<ScopedEnvironment>("TENANTRY_STORAGE_MODE", value);
    }

    // The sample app, as SampleDesktopApp starts it, with the real keychain.
    void startWithKeychain()
    {
        startApp(m_keychain.get());
        QTRY_COMPARE(model()->rowCount(), 1);
    }

    // What tenantry-cli reads from the keychain item and the file, reconciled: the cache entries.
    QByteArray cliCacheList()
    {
        QProcessEnvironment env = test::azEnvironment(m_config);
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QString::fromUtf8(qgetenv("TENANTRY_STORAGE_MODE")));
        const test::ProcessResult list =
            test::runProcess(test::tenantryCli(), {QStringLiteral("cache"), QStringLiteral("list")}, env, 60000);
        return list.exitCode == 0 ? list.out.trimmed() : QByteArray("(failed) ") + list.err;
    }

    // The keychain item goes with the test.
    void removeKeychainItem()
    {
        if (!m_app)
            return;
        std::optional<CacheOutcome> done;
        m_app->session()->cache().clear([&done](const CacheOutcome& o) { done = o; });
        QTRY_VERIFY(done.has_value());
    }

    void acceptSignOutEverywhere()
    {
        signOutEverywhere()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        for (QAbstractButton* b : box->buttons()) {
            if (b->text() == QLatin1String("Sign out everywhere"))
                b->click();
        }
    }

    // az's files read again, as the file watcher does after any change (and a little longer).
    void reloadAsTheWatcherDoes()
    {
        m_app->accounts()->reloadFromDisk();
        QTest::qWait(1500);
    }

    void checkNothingLeft()
    {
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(!m_app->window()->isShowingAccounts());
        QVERIFY(m_app->window()->welcomePanel()->isVisible());
        QVERIFY(!QFileInfo::exists(m_config + QStringLiteral("/msal_token_cache.json")));
        QCOMPARE(subscriptionsOnDisk(m_config), 0);
        QCOMPARE(m_app->session()->cache().cache().entryCount(), 0);
        QCOMPARE(cliCacheList(), QByteArray("[]"));
    }

private slots:
    void initTestCase()
    {
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(QFileInfo(test::tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        blockNetwork();
    }

    void init()
    {
        copySample(kStart);
        m_keychain = std::make_unique<KeychainStore>();
        useStorageModeVariable("keychain-and-file");
    }

    void cleanup()
    {
        removeKeychainItem();
        stopApp();
        m_keychain.reset();
        m_storageMode.reset();
    }

    // The Account menu's "Sign out everywhere…": Cancel changes nothing; confirmed, every token and
    // subscription goes and stays gone when az's files are read again.
    void signOutEverywhereAfterConfirming()
    {
        startWithKeychain();
        QVERIFY(signOutEverywhere());
        QCOMPARE(signOutEverywhere()->text(), QStringLiteral("Sign &out everywhere…"));
        QVERIFY(m_app->window()->menuBar()->actions().first()->menu()->actions().contains(signOutEverywhere()));

        signOutEverywhere()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = confirmBox()) && box->isVisible());
        QCOMPARE(box->windowTitle(), QStringLiteral("Sign out everywhere?"));
        QCOMPARE(box->icon(), QMessageBox::Warning);
        const QString text = box->text();
        QVERIFY2(text.contains(m_config + QStringLiteral("/msal_token_cache.json")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("keychain")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("azureProfile.json")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("az login")), qPrintable(text));
        // Other apps sharing the cache are named: they are signed out too.
        QVERIFY2(text.contains(QStringLiteral("Azure PowerShell")) && text.contains(QStringLiteral("VS Code")),
                 qPrintable(text));
        test::saveScreenshot(box, QStringLiteral("sign-out-everywhere-confirm"));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(subscriptionsOnDisk(m_config), 3);
        QVERIFY(entriesOnDisk(m_config, QStringLiteral("RefreshToken")) > 0);

        acceptSignOutEverywhere();
        QTRY_COMPARE(model()->rowCount(), 0);
        checkNothingLeft();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_app->window()->problemText(), QString());

        reloadAsTheWatcherDoes();
        checkNothingLeft();
    }

    // Keychain-only mode imported az's file into the keychain: the wipe takes both, and reading
    // again imports nothing.
    void signOutEverywhereInKeychainOnlyMode()
    {
        useStorageModeVariable("keychain-only");
        startWithKeychain();
        QCOMPARE(m_app->session()->cache().mode(), StorageMode::KeychainOnly);

        acceptSignOutEverywhere();
        QTRY_COMPARE(model()->rowCount(), 0);
        checkNothingLeft();
        if (QTest::currentTestFailed())
            return;
        reloadAsTheWatcherDoes();
        checkNothingLeft();
    }

    // `tenantry-cli account clear` while the app runs: the app shows no account, hands out no token
    // and writes none back.
    void wipeFromTheCliWhileTheAppRuns()
    {
        startWithKeychain();
        const TokenRequest request{{kArmScope}, kNorthwind, kUser};
        std::optional<TokenResponse> before;
        m_app->session()->tokens().getToken(request, [&before](const TokenResponse& r) { before = r; });
        QTRY_VERIFY(before.has_value());
        QVERIFY2(before->ok(), qPrintable(before->message));

        QProcessEnvironment env = test::azEnvironment(m_config);
        env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-and-file"));
        const test::ProcessResult clear =
            test::runProcess(test::tenantryCli(), {QStringLiteral("account"), QStringLiteral("clear")}, env, 60000);
        QVERIFY2(clear.exitCode == 0, clear.err.constData());

        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 0, 5000); // the file watcher saw it
        QTRY_VERIFY(!m_app->window()->isShowingAccounts());
        std::optional<TokenResponse> after;
        m_app->session()->tokens().getToken(request, [&after](const TokenResponse& r) { after = r; });
        QTRY_VERIFY(after.has_value());
        QCOMPARE(after->error, TokenResponse::Error::NotSignedIn);

        reloadAsTheWatcherDoes();
        checkNothingLeft();
    }

    void germanTexts()
    {
        Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        MainWindow window;
        QCOMPARE(window.signOutEverywhereAction()->text(), QStringLiteral("Überall ab&melden …"));
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // TENANTRY_STORAGE_MODE=keychain-only, the setting saying otherwise: a device-code sign-in in the app
    // puts its refresh token in the keychain only, never in msal_token_cache.json.
    void storageModeFromTheEnvironment()
    {
        useStorageModeVariable("keychain-only");
        m_settings->setValue(AppSettings::Key::StorageMode, QStringLiteral("keychain-and-file"));
        TestIdentityProvider idp;
        QString error;
        QVERIFY2(idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(idp.listen());
        idp.setDeviceCodeInterval(1);
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        // A fresh config dir whose cloud is the provider (a loopback authority may be http).
        m_config += QStringLiteral("-idp");
        QVERIFY(QDir().mkpath(m_config));
        test::writeFile(m_config + QStringLiteral("/clouds.config"),
                        QStringLiteral("[TestIdp]\nendpoint_active_directory = %1\nendpoint_resource_manager = %1/\n"
                                       "endpoint_active_directory_resource_id = https://management.core.windows.net/\n")
                            .arg(idp.url().toString())
                            .toUtf8());
        test::writeFile(m_config + QStringLiteral("/config"), "[cloud]\nname = TestIdp\n\n");
        SystemClock clock;
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(m_config);
        options.settings = m_settings.get();
        options.clock = &clock;
        options.network = &network;
        options.keychain = m_keychain.get();
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->sessionError().isEmpty(), qPrintable(m_app->sessionError()));
        LaunchOptions launch;
        launch.deviceCode = true;
        m_app->start(launch);

        QPointer<DeviceCodeDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->signIn()->deviceCodeDialog()) && dialog->isVisible(), 20000);
        QSignalSpy completed(m_app->signIn(), &SignInCoordinator::completed);
        QVERIFY(idp.approveDeviceCode(dialog->userCode(), QStringLiteral("sam@northwind.example")));
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);
        QTRY_COMPARE(model()->rowCount(), 1);

        QVERIFY(!m_app->session()->cache().cache().refreshTokens().isEmpty()); // kept, in the keychain
        QCOMPARE(entriesOnDisk(m_config, QStringLiteral("RefreshToken")), 0);
        QCOMPARE(m_app->session()->cache().mode(), StorageMode::KeychainOnly);
        QVERIFY(cliCacheList().contains("RefreshToken")); // where tenantry-cli finds it
        removeKeychainItem();
        m_app.reset(); // before the provider and the network it uses
    }
};

QTEST_MAIN(TestSignOutEverywhere)
#include "TestSignOutEverywhere.moc"
