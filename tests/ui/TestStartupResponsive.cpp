// Start-up with many tenants stays responsive: the window shows the accounts from the cache and
// azureProfile.json at once, while the background discovery's requests (to an identity provider
// and ARM that answer only after seconds) are still pending.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "account/AccountTreeModel.h"
#include "account/Session.h"
#include "accounts/AccountsController.h"
#include "accounts/AccountsView.h"
#include "fakes/SessionSignIn.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tenantry;
using tenantry::test::IdpEndpoint;
using tenantry::test::TestIdentityProvider;

namespace {

constexpr int kTenants = 20;
constexpr int kLatencyMs = 4000;
const QString kUser = QStringLiteral("pat@tailspin.example");

QString tenantId(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestStartupResponsive : public QObject
{
    Q_OBJECT

private slots:
    void windowShowsTheCacheBeforeAnyRequestCompletes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString config = dir.filePath(QStringLiteral("azure"));
        QDir().mkpath(config);

        TestIdentityProvider idp;
        Json directory = Json::object();
        directory["tenants"] = Json::array();
        for (int i = 0; i < kTenants; ++i) {
            Json tenant = {{"id", tenantId(i).toStdString()},
                           {"displayName", QStringLiteral("Tailspin %1").arg(i, 2, 10, QLatin1Char('0')).toStdString()},
                           {"defaultDomain", QStringLiteral("t%1.tailspin.example").arg(i).toStdString()}};
            tenant["subscriptions"] = Json::array({Json{
                {"id", QStringLiteral("10000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')).toStdString()},
                {"name", QStringLiteral("Workload %1").arg(i).toStdString()}}});
            directory["tenants"].push_back(tenant);
        }
        directory["users"] = Json::array({Json{{"objectId", "5a5a5a5a-1111-4222-8333-444455556666"},
                                               {"homeTenant", tenantId(0).toStdString()},
                                               {"upn", kUser.toStdString()},
                                               {"name", "Pat"}}});
        QString error;
        QVERIFY2(idp.loadConfig(directory, &error), qPrintable(error));
        QVERIFY(idp.listen());
        test::writeFile(config + QStringLiteral("/clouds.config"),
                        QStringLiteral("[TestIdp]\nendpoint_active_directory = %1\nendpoint_resource_manager = %1/\n"
                                       "endpoint_active_directory_resource_id = https://management.core.windows.net/\n")
                            .arg(idp.url().toString())
                            .toUtf8());
        test::writeFile(config + QStringLiteral("/config"), "[cloud]\nname = TestIdp\n\n");
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        SystemClock clock;

        // Yesterday: Pat signed in; every tenant and subscription went into the cache and azureProfile.json.
        {
            const SignInResult result = test::signInThroughSession(config, &network, clock, idp, kUser);
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(result.subscriptions.size(), kTenants);
        }

        // Today: every request takes seconds.
        idp.setLatency(kLatencyMs);
        idp.clearRequests();
        AppSettings settings(dir.filePath(QStringLiteral("tenantry.ini")));
        DesktopApp::Options options;
        options.configDir = AzureConfigDir(config);
        options.settings = &settings;
        options.clock = &clock;
        options.network = &network;
        options.discoverAtStart = true;
        QElapsedTimer sinceStart;
        sinceStart.start();
        DesktopApp app(options);
        app.start(LaunchOptions());

        AccountTreeModel* model = app.model();
        QTRY_VERIFY_WITH_TIMEOUT(app.window()->isVisible() && model->rowCount() == 1 &&
                                     model->rowCount(model->index(0, 0)) == kTenants,
                                 kLatencyMs / 2);
        const qint64 filledAfter = sinceStart.elapsed();
        QVERIFY2(filledAfter < kLatencyMs, qPrintable(QString::number(filledAfter)));
        QVERIFY(app.window()->isShowingAccounts());
        QVERIFY(app.accountsView()->isVisible());
        // Discovery started, and nothing it asked for has been answered yet.
        QTRY_VERIFY(idp.inFlight() > 0);
        const QList<test::IdpRequestRecord> requests = idp.requests();
        for (const test::IdpRequestRecord& request : requests)
            QCOMPARE(request.respondedMs, qint64(-1));
        // Meanwhile each tenant shows that it is being looked at, and the window handles input.
        const QModelIndex firstTenant = model->index(0, AccountTreeModel::StatusColumn, model->index(0, 0));
        QCOMPARE(firstTenant.data(AccountTreeModel::TenantStateRole).toInt(), int(TenantState::Refreshing));
        QCOMPARE(model->index(0, 0, model->index(0, 0)).data().toString(), QStringLiteral("Tailspin 00"));
        app.accountsView()->setFocus();
        QTest::keyClick(app.accountsView(), Qt::Key_Down);

        // Later the answers come, all tenants at once (bounded concurrency, not one after another).
        QTRY_COMPARE_WITH_TIMEOUT(firstTenant.data(AccountTreeModel::TenantStateRole).toInt(),
                                  int(TenantState::SignedIn), kLatencyMs * 6);
        QVERIFY(idp.maxInFlight(IdpEndpoint::ArmSubscriptions) > 1);
        QVERIFY(sinceStart.elapsed() < kLatencyMs * 6);
    }
};

QTEST_MAIN(TestStartupResponsive)
#include "TestStartupResponsive.moc"
