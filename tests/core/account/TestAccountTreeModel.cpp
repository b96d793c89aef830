#include "account/AccountTreeModel.h"
#include "account/TokenRequest.h"
#include "azure/AzureProfile.h"
#include "fakes/MockClock.h"
#include "fakes/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kOther = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const qint64 kArmExpiry = 1795425612; // the sample's ARM token for the second tenant

} // namespace

class TestAccountTreeModel : public QObject
{
    Q_OBJECT

private:
    MsalCache m_cache;
    AzureProfile m_profile;

private slots:
    void initTestCase()
    {
        QVERIFY(MsalCache::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json"))), &m_cache,
                                 nullptr));
        QString error;
        QCOMPARE(m_profile.load(dataPath(QStringLiteral("azure-cli-2.45/azureProfile.json")), &error),
                 AzureProfile::LoadStatus::Ok);
    }

    void treeShowsAccountTenantsAndSubscriptionsFromAzFiles()
    {
        MockClock clock(kArmExpiry - 3600);
        AccountDirectory directory(kAzureCliClientId);
        AccountTreeModel model(&directory, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        directory.rebuild(m_cache, m_profile.subscriptions());

        QCOMPARE(model.rowCount(), 1);
        const QModelIndex account = model.index(0, 0);
        QCOMPARE(account.data().toString(), QStringLiteral("sam@northwind.example (Sam)"));
        QCOMPARE(model.rowCount(account), 2);
        const QModelIndex home = model.index(0, 0, account);
        const QModelIndex other = model.index(1, 0, account);
        QCOMPARE(home.data(AccountTreeModel::TenantIdRole).toString(), kHome);
        QCOMPARE(other.data(AccountTreeModel::TenantIdRole).toString(), kOther);
        QCOMPARE(model.rowCount(home), 2);
        QCOMPARE(model.rowCount(other), 1);
        QCOMPARE(model.index(1, 0, home).data().toString(), QStringLiteral("Northwind Sandbox"));
        QVERIFY(model.index(1, 0, home).data(AccountTreeModel::IsActiveRole).toBool());
        QVERIFY(!model.index(0, 0, home).data(AccountTreeModel::IsActiveRole).toBool());
        QCOMPARE(model.activeSubscriptionIndex(), model.index(1, 0, home));
        QCOMPARE(model.index(1, AccountTreeModel::StatusColumn, account).data().toString(),
                 QStringLiteral("Signed in"));
    }

    void countdownFollowsTheClock()
    {
        MockClock clock(kArmExpiry - 3600);
        AccountDirectory directory(kAzureCliClientId);
        AccountTreeModel model(&directory, clock);
        directory.rebuild(m_cache, m_profile.subscriptions());
        const QModelIndex expires = model.index(1, AccountTreeModel::ExpiresColumn, model.index(0, 0));
        QCOMPARE(expires.data().toString(), QStringLiteral("1:00:00"));
        QVERIFY(!expires.data(AccountTreeModel::ExpiringSoonRole).toBool());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(1);
        model.tick();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(expires.data().toString(), QStringLiteral("59:59"));

        clock.setSecs(kArmExpiry - 299);
        QCOMPARE(expires.data().toString(), QStringLiteral("4:59"));
        QVERIFY(expires.data(AccountTreeModel::ExpiringSoonRole).toBool());

        clock.setSecs(kArmExpiry + 5);
        QCOMPARE(expires.data().toString(), QStringLiteral("expired — renews on use"));
    }

    void tenantNeedingSignInShowsWhy()
    {
        MockClock clock(kArmExpiry - 3600);
        AccountDirectory directory(kAzureCliClientId);
        AccountTreeModel model(&directory, clock);
        directory.rebuild(m_cache, m_profile.subscriptions());
        const QString hid = directory.accounts().first().homeAccountId;
        directory.setTenantState(hid, kOther, TenantState::NeedsSignIn,
                                 QStringLiteral("AADSTS50076: multi-factor authentication required"),
                                 QStringLiteral("{\"access_token\":{}}"));
        const QModelIndex other = model.index(1, AccountTreeModel::StatusColumn, model.index(0, 0));
        QCOMPARE(other.data().toString(),
                 QStringLiteral("Needs sign-in: AADSTS50076: multi-factor authentication required"));
        QCOMPARE(other.data(AccountTreeModel::ClaimsRole).toString(), QStringLiteral("{\"access_token\":{}}"));
        // Its cached token still counts down; once expired, no refresh renews it.
        const QModelIndex expires = model.index(1, AccountTreeModel::ExpiresColumn, model.index(0, 0));
        QCOMPARE(expires.data().toString(), QStringLiteral("1:00:00"));
        clock.setSecs(kArmExpiry + 1);
        QCOMPARE(expires.data().toString(), QStringLiteral("expired"));
        clock.setSecs(kArmExpiry - 3600);
        // A rebuild (the cache changed) keeps what discovery learnt.
        directory.rebuild(m_cache, m_profile.subscriptions());
        QCOMPARE(model.index(1, AccountTreeModel::StatusColumn, model.index(0, 0))
                     .data(AccountTreeModel::TenantStateRole)
                     .toInt(),
                 static_cast<int>(TenantState::NeedsSignIn));
    }

    void usersWithoutTokensNeedSignIn()
    {
        MockClock clock;
        AccountDirectory directory(kAzureCliClientId);
        AccountTreeModel model(&directory, clock);
        directory.rebuild(MsalCache(), m_profile.subscriptions());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Not signed in"));
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn, model.index(0, 0))
                     .data(AccountTreeModel::TenantStateRole)
                     .toInt(),
                 static_cast<int>(TenantState::NeedsSignIn));
    }

    void countdownFormat()
    {
        QCOMPARE(AccountTreeModel::formatCountdown(59), QStringLiteral("0:59"));
        QCOMPARE(AccountTreeModel::formatCountdown(3599), QStringLiteral("59:59"));
        QCOMPARE(AccountTreeModel::formatCountdown(3723), QStringLiteral("1:02:03"));
        QCOMPARE(AccountTreeModel::formatCountdown(90000), QStringLiteral("1 d 1 h"));
        QCOMPARE(AccountTreeModel::formatCountdown(-5), QStringLiteral("0:00"));
    }
};

QTEST_GUILESS_MAIN(TestAccountTreeModel)
#include "TestAccountTreeModel.moc"
