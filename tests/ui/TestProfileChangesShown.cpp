// What az and Tenantry change in azureProfile.json shows in the window, and Tenantry changes only what
// it means to: `az account set` (a rewrite in place, as az's Session.save does, or a replace by rename)
// shows within a second; "Refresh all" keeps the subscription az made active; a sign-in to one more
// tenant keeps the active subscription and the window says what it added. The app runs against the
// project's test identity provider as a custom cloud on http://127.0.0.1 (device code sign-ins).

#include "DesktopApp.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "account/AccountTreeModel.h"
#include "accounts/AccountsController.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "signin/SignInCoordinator.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/Json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using tenantry::test::TestIdentityProvider;
using namespace tenantry::test::sample;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

} // namespace

class TestProfileChangesShown : public QObject
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

    QString profilePath() const { return m_config + QStringLiteral("/azureProfile.json"); }

    Json profileOnDisk() const
    {
        const json::ParseResult parsed = json::parse(test::readFile(profilePath()));
        return parsed.value ? *parsed.value : Json();
    }

    QString defaultOnDisk() const
    {
        const Json profile = profileOnDisk();
        if (profile.is_object() && profile.contains("subscriptions")) {
            for (const Json& entry : profile["subscriptions"]) {
                if (entry.is_object() && entry.value("isDefault", false))
                    return json::toQString(entry.value("id", Json()));
            }
        }
        return {};
    }

    QString activeShown() const
    {
        return m_app->model()->activeSubscriptionIndex().data(AccountTreeModel::SubscriptionIdRole).toString();
    }

    // What `az account set -s <id>` leaves: the same file with isDefault moved, BOM + json.dumps.
    QByteArray withDefault(const QString& id) const
    {
        Json profile = profileOnDisk();
        for (Json& entry : profile["subscriptions"])
            entry["isDefault"] = json::toQString(entry.value("id", Json())) == id;
        return kBom + json::dumpPythonCompact(profile);
    }

    // az's Session.save: open(path, 'w') and write -- the same file, rewritten in place.
    void rewriteInPlace(const QByteArray& bytes) const
    {
        QFile file(profilePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
    }

    // Another writer's atomic replace: a new file renamed over the old one.
    void replaceByRename(const QByteArray& bytes) const
    {
        const QString temp = profilePath() + QStringLiteral(".new");
        test::writeFile(temp, bytes);
        QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(profilePath()).constData()) == 0);
    }

    // The window shows `id` as active within a second of the change.
    void expectShownWithinASecond(const QString& id)
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(QTest::qWaitFor([&] { return activeShown() == id; }, 3000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QStringLiteral("shown after %1 ms").arg(timer.elapsed())));
    }

    void startApp()
    {
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(m_config);
        options.settings = m_settings.get();
        options.clock = &m_clock;
        options.network = m_network.get();
        m_app = std::make_unique<DesktopApp>(options);
        QVERIFY2(m_app->sessionError().isEmpty(), qPrintable(m_app->sessionError()));
        m_app->start(LaunchOptions());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        QTRY_VERIFY(m_app->accounts()->isLoaded());
    }

    // A device code sign-in the provider approves at once; `tenant` empty: the account's home first.
    void signInWithCode(const QString& tenant = {})
    {
        QSignalSpy completed(m_app->signIn(), &SignInCoordinator::completed);
        m_app->signIn()->signInWithCode({tenant, {}, {}});
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 30000);
        const SignInResult result = completed.first().first().value<SignInResult>();
        QVERIFY2(result.ok(), qPrintable(result.error));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_idp = std::make_unique<TestIdentityProvider>();
        QString error;
        QVERIFY2(m_idp->loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        QVERIFY(m_idp->listen());
        m_idp->setDeviceCodeInterval(1);
        m_idp->setDeviceCodeAutoApprove(kSam);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_config = m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate()));
        test::writeTestIdpCloud(m_config, m_idp->url());
        m_settings = std::make_unique<AppSettings>(m_config + QStringLiteral(".ini"));
        startApp();
        signInWithCode();
        QTRY_COMPARE(activeShown(), kNorthwindProduction);
        QCOMPARE(defaultOnDisk(), kNorthwindProduction);
        QTest::qWait(400); // the app's own write has been seen and settled
    }

    void cleanup()
    {
        m_app.reset();
        m_settings.reset();
        m_network.reset();
        m_idp.reset();
    }

    // `az account set` rewrites azureProfile.json in place; a directory watch never hears of that.
    void azAccountSetShowsWithinASecond()
    {
        rewriteInPlace(withDefault(kFabrikamShared));
        expectShownWithinASecond(kFabrikamShared);

        // Replaced by a rename (a new inode): seen, and the new file is watched in turn.
        replaceByRename(withDefault(kNorthwindProduction));
        expectShownWithinASecond(kNorthwindProduction);
        QTest::qWait(300);
        rewriteInPlace(withDefault(kFabrikamShared));
        expectShownWithinASecond(kFabrikamShared);
    }

    // az makes another subscription active while the window still shows the old one; "Refresh all"
    // then rewrites the account's subscriptions and must leave az's choice alone.
    void refreshAllKeepsWhatAzMadeActive()
    {
        rewriteInPlace(withDefault(kFabrikamShared));
        QCOMPARE(activeShown(), kNorthwindProduction); // not reloaded yet: the window still says A
        QSignalSpy refreshed(m_app->accounts(), &AccountsController::statusMessage);
        emit m_app->window()->refreshRequested();
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
        QCOMPARE(defaultOnDisk(), kFabrikamShared);
        QTRY_COMPARE(activeShown(), kFabrikamShared);
        QTest::qWait(400); // and no late reload puts it back
        QCOMPARE(activeShown(), kFabrikamShared);
        QCOMPARE(defaultOnDisk(), kFabrikamShared);
    }

    // Signing in to one more tenant keeps the active subscription, and the window says what changed.
    void tenantSignInKeepsTheActiveSubscriptionAndSaysWhatItAdded()
    {
        QVERIFY2(m_app->window()->noticeText().contains(QStringLiteral("Northwind Production")),
                 qPrintable(m_app->window()->noticeText())); // the first sign-in chose it: none was active
        signInWithCode(kContoso);
        QCOMPARE(defaultOnDisk(), kNorthwindProduction);
        QTRY_COMPARE(activeShown(), kNorthwindProduction);
        const QString notice = m_app->window()->noticeText();
        QVERIFY2(notice.contains(QStringLiteral("Contoso Guarded")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("still Northwind Production")), qPrintable(notice));
        test::saveScreenshot(m_app->window(), QStringLiteral("profile-change-notice"));
    }
};

QTEST_MAIN(TestProfileChangesShown)
#include "TestProfileChangesShown.moc"
