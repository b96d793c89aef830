#include "account/AccountTreeModel.h"
#include "account/TokenRequest.h"
#include "azure/AzureProfile.h"
#include "fakes/MockClock.h"
#include "fakes/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QtTest>

#include <algorithm>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kHome = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kOther = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const qint64 kArmExpiry = 1795425612; // the sample's ARM token for the second tenant

// The sample's accounts picture and its model (checked by QAbstractItemModelTester), an hour before the
// second tenant's ARM token expires.
struct SampleTree
{
    SampleTree(const MsalCache& cache, const QList<Subscription>& subscriptions)
    {
        directory.rebuild(cache, subscriptions);
    }

    MockClock clock{kArmExpiry - 3600};
    AccountDirectory directory{kAzureCliClientId};
    AccountTreeModel model{&directory, clock};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QString homeAccountId() const { return directory.accounts().first().homeAccountId; }
};

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
        directory.setTenantState({hid, kOther}, TenantState::NeedsInteraction,
                                 QStringLiteral("AADSTS50076: multi-factor authentication required"),
                                 QStringLiteral("{\"access_token\":{}}"));
        const QModelIndex other = model.index(1, AccountTreeModel::StatusColumn, model.index(0, 0));
        // Plain words with the code; the provider's own in the tooltip.
        QCOMPARE(other.data().toString(), QStringLiteral("Needs sign-in: This tenant asks for multi-factor "
                                                         "authentication: sign in to it again. (AADSTS50076)"));
        QVERIFY(other.siblingAtColumn(0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("AADSTS50076: multi-factor authentication required")));
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
                 static_cast<int>(TenantState::NeedsInteraction));
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
                 static_cast<int>(TenantState::NotSignedIn));
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn, model.index(0, 0)).data().toString(),
                 QStringLiteral("Needs sign-in: Not signed in on this computer."));
    }

    void stateChangeIsDataChangedForItsRowOnly()
    {
        SampleTree tree(m_cache, m_profile.subscriptions());
        AccountDirectory& directory = tree.directory;
        AccountTreeModel& model = tree.model;
        const QString hid = tree.homeAccountId();
        const QPersistentModelIndex other = model.index(1, 0, model.index(0, 0));

        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutAboutToBeChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        directory.setTenantState({hid, kOther.toUpper()}, TenantState::NeedsInteraction,
                                 QStringLiteral("AADSTS50076: multi-factor authentication required"),
                                 QStringLiteral("{\"access_token\":{}}"));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>(), QModelIndex(other));
        QCOMPARE(changed.first().at(1).value<QModelIndex>(),
                 other.sibling(other.row(), AccountTreeModel::ColumnCount - 1));
        QCOMPARE(other.data(AccountTreeModel::TenantStateRole).toInt(), int(TenantState::NeedsInteraction));

        // The same again is no change at all.
        directory.setTenantState({hid, kOther}, TenantState::NeedsInteraction,
                                 QStringLiteral("AADSTS50076: multi-factor authentication required"),
                                 QStringLiteral("{\"access_token\":{}}"));
        QCOMPARE(changed.count(), 1);

        // A refresh of the account: each tenant row and the account's own row (it says "Refreshing…").
        changed.clear();
        directory.setAccountRefreshing(hid, true);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("Refreshing…"));
        QCOMPARE(other.data(AccountTreeModel::TenantStateRole).toInt(), int(TenantState::Refreshing));
        QVERIFY(changed.count() >= 3);
        // It ends without news of the second tenant: it needs its sign-in, as before.
        directory.setTenantState({hid, kHome}, TenantState::SignedIn);
        directory.setAccountRefreshing(hid, false);
        QCOMPARE(other.data(AccountTreeModel::TenantStateRole).toInt(), int(TenantState::NeedsInteraction));
        QCOMPARE(other.data(AccountTreeModel::ClaimsRole).toString(), QStringLiteral("{\"access_token\":{}}"));
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn).data().toString(), QStringLiteral("2 tenant(s)"));

        // A rebuild with nothing new changes no row and keeps every index.
        changed.clear();
        directory.rebuild(m_cache, m_profile.subscriptions());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 0);
        QVERIFY(other.isValid());
        QCOMPARE(other.data(AccountTreeModel::TenantStateRole).toInt(), int(TenantState::NeedsInteraction));
    }

    void subscriptionsComingAndGoingAreRowsInsertedAndRemoved()
    {
        SampleTree tree(m_cache, m_profile.subscriptions());
        AccountDirectory& directory = tree.directory;
        AccountTreeModel& model = tree.model;
        const QPersistentModelIndex home = model.index(0, 0, model.index(0, 0));
        const QPersistentModelIndex other = model.index(1, 0, model.index(0, 0));
        const QPersistentModelIndex active = model.activeSubscriptionIndex();
        QCOMPARE(active.parent(), QModelIndex(home));

        // The first subscription of the home tenant goes (az account list --refresh no longer lists it).
        QList<Subscription> fewer = m_profile.subscriptions();
        const QString gone = model.index(0, 0, home).data(AccountTreeModel::SubscriptionIdRole).toString();
        fewer.erase(std::remove_if(fewer.begin(), fewer.end(), [&](const Subscription& s) { return s.id == gone; }),
                    fewer.end());
        QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        directory.rebuild(m_cache, fewer);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(0).value<QModelIndex>(), QModelIndex(home));
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(model.rowCount(home), 1);
        QVERIFY(active.isValid());
        QCOMPARE(active.row(), 0);
        QVERIFY(active.data(AccountTreeModel::IsActiveRole).toBool());
        QVERIFY(other.isValid());

        // It comes back: inserted where it was.
        directory.rebuild(m_cache, m_profile.subscriptions());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).value<QModelIndex>(), QModelIndex(home));
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.index(0, 0, home).data(AccountTreeModel::SubscriptionIdRole).toString(), gone);

        // Everything goes (signed out, az's profile emptied): the account's row is removed.
        directory.rebuild(MsalCache(), {});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!other.isValid());
    }

    void setStateLogsOldAndNewStateButNoSecret()
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
                if (type == QtInfoMsg && QByteArray(context.category) == "tenantry.core.account")
                    logged.append(message);
            });
        SampleTree tree(m_cache, m_profile.subscriptions());
        AccountDirectory& directory = tree.directory;
        const QString hid = tree.homeAccountId();
        logged.clear();
        directory.setTenantState({hid, kOther}, TenantState::NeedsInteraction,
                                 QStringLiteral("AADSTS50076: multi-factor authentication required"),
                                 QStringLiteral("{\"access_token\":{\"nbf\":{\"essential\":true}}}"));
        directory.setSignInExpired(hid);
        qInstallMessageHandler(previous);

        QCOMPARE(logged.size(), 3); // the second tenant once, then both
        QCOMPARE(logged.at(0),
                 QStringLiteral("tenant %1 of account %2: signed-in -> needs-interaction").arg(kOther, hid));
        QVERIFY(logged.contains(
            QStringLiteral("tenant %1 of account %2: needs-interaction -> sign-in-expired").arg(kOther, hid)));
        QVERIFY(
            logged.contains(QStringLiteral("tenant %1 of account %2: signed-in -> sign-in-expired").arg(kHome, hid)));
        for (const QString& line : std::as_const(logged)) {
            QVERIFY(!line.contains(QStringLiteral("AADSTS")));
            QVERIFY(!line.contains(QStringLiteral("essential")));
        }
    }

    void signInExpiryAndNewSignInFollowTheAccount()
    {
        SampleTree tree(m_cache, m_profile.subscriptions());
        AccountDirectory& directory = tree.directory;
        AccountTreeModel& model = tree.model;
        MockClock& clock = tree.clock;
        const QString hid = tree.homeAccountId();
        const QModelIndex account = model.index(0, 0);
        directory.setSignInExpired(hid);
        QCOMPARE(account.siblingAtColumn(AccountTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("Sign-in expired"));
        QVERIFY(account.data(AccountTreeModel::RefreshTokenDeadRole).toBool());
        QVERIFY(!model.index(0, 0, model.index(0, 0, account)).data(AccountTreeModel::HasRefreshTokenRole).toBool());
        // Each tenant says what its account says.
        QCOMPARE(model.index(1, AccountTreeModel::StatusColumn, account).data().toString(),
                 QStringLiteral("Sign-in expired"));
        // A still-valid cached token lets discovery reach a tenant: it stays as its account is.
        const QString reached = model.index(0, 0, account).data(AccountTreeModel::TenantIdRole).toString();
        directory.setTenantState({hid, reached}, TenantState::SignedIn);
        QCOMPARE(model.index(0, AccountTreeModel::StatusColumn, account).data().toString(),
                 QStringLiteral("Sign-in expired"));
        QVERIFY(directory.isSignInExpired(hid));
        QCOMPARE(model.index(1, AccountTreeModel::ExpiresColumn, account).data().toString(), QStringLiteral("1:00:00"));
        clock.setSecs(kArmExpiry + 1);
        QCOMPARE(model.index(1, AccountTreeModel::ExpiresColumn, account).data().toString(), QStringLiteral("expired"));
        // A rebuild does not revive it: the cache still holds the rejected refresh token.
        directory.rebuild(m_cache, m_profile.subscriptions());
        QVERIFY(directory.isSignInExpired(hid));
        directory.setSignedIn(hid);
        QVERIFY(!directory.isSignInExpired(hid));
        QCOMPARE(model.index(1, AccountTreeModel::StatusColumn, account).data().toString(),
                 QStringLiteral("Signed in"));
        QCOMPARE(model.index(1, AccountTreeModel::ExpiresColumn, account).data().toString(),
                 QStringLiteral("expired — renews on use"));
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
