// The "Shared token cache" window over a real cache file several apps share (az 2.45's sample plus VS Code's
// and an unknown app's tokens, an unknown section and field), the real keychain (the test session's
// gnome-keyring) and a MockClock: the tree by app and account, no secret anywhere in it, the countdowns,
// and removals after a confirmation that reach the file, the keychain copy and the backups, and nothing else.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "UiTestSupport.h"
#include "WelcomePanel.h"
#include "account/Session.h"
#include "cache/CacheTreeModel.h"
#include "cache/CacheWindow.h"
#include "fakes/SampleCache.h"
#include "store/KeychainStore.h"
#include "store/MsalCacheFile.h"

#include <QAbstractButton>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test::shared;

namespace {

using namespace test::sample;
constexpr qint64 kStart = kAdventureArmExpiry - 3600;
const QString kAzureCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kPowerShell = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");
const QString kNoAccount = QStringLiteral("No account (the app's own tokens)");

MsalCache parseCache(const QByteArray& bytes)
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(bytes, &cache, &error))
        qWarning("not a token cache: %s", qPrintable(error));
    return cache;
}

// Every index of the model, all columns, depth first.
QModelIndexList allIndexes(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QModelIndexList out;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column)
            out << model->index(row, column, parent);
        out << allIndexes(model, model->index(row, 0, parent));
    }
    return out;
}

// The first-column child of `parent` whose text is `text`.
QModelIndex childNamed(const QAbstractItemModel* model, const QModelIndex& parent, const QString& text)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
    }
    return {};
}

QStringList childNames(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names << model->index(row, 0, parent).data().toString();
    return names;
}

// The entry under app -> account whose kind and scopes are these.
QModelIndex entryOf(const QAbstractItemModel* model, const QString& app, const QString& account, const QString& kind,
                    const QString& scopes, const QString& tenant = {})
{
    const QModelIndex accountIndex = childNamed(model, childNamed(model, {}, app), account);
    for (int row = 0; row < model->rowCount(accountIndex); ++row) {
        const QModelIndex index = model->index(row, 0, accountIndex);
        if (index.data().toString() == kind &&
            index.siblingAtColumn(CacheTreeModel::ScopesColumn).data().toString() == scopes &&
            (tenant.isEmpty() || index.siblingAtColumn(CacheTreeModel::TenantColumn).data().toString() == tenant))
            return index;
    }
    return {};
}

} // namespace

class TestCacheWindow : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private:
    std::unique_ptr<KeychainStore> m_keychain;
    QByteArray m_original; // the file as the test wrote it

    QString cacheFile() const { return m_config + QStringLiteral("/msal_token_cache.json"); }
    QString backupFile() const { return cacheFile() + QStringLiteral(".bak"); }
    CacheWindow* window() const { return m_app->cacheWindow(); }
    CacheTreeModel* model() const { return window()->model(); }

    void openCacheWindow()
    {
        auto* action = m_app->window()->findChild<QAction*>(QStringLiteral("showTokenCache"));
        QVERIFY(action);
        action->trigger();
        QTRY_VERIFY(window() && window()->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QTRY_VERIFY(model()->rowCount() > 0);
    }

    QMessageBox* confirmBox() const { return window()->findChild<QMessageBox*>(QStringLiteral("confirmBox")); }

    // Selects `index`, presses `button` and waits for the confirmation.
    QMessageBox* askToRemove(const QModelIndex& index, QPushButton* button)
    {
        if (!index.isValid())
            return nullptr;
        window()->view()->setCurrentIndex(index);
        if (!button->isEnabled())
            return nullptr;
        button->click();
        QMessageBox* box = nullptr;
        if (!QTest::qWaitFor([&] { return (box = confirmBox()) && box->isVisible(); }))
            return nullptr;
        return box;
    }

    static void press(QMessageBox* box, const QString& text)
    {
        for (QAbstractButton* b : box->buttons()) {
            if (b->text() == text)
                b->click();
        }
    }

    // The cache the keychain item holds (the envelope's "cache").
    Json keychainCache()
    {
        std::optional<SecretStoreResult> read;
        m_keychain->read(m_app->session()->cache().keychainKey(), [&read](const SecretStoreResult& r) { read = r; });
        if (!QTest::qWaitFor([&read] { return read.has_value(); }, 10000) || !read->ok()) {
            qWarning("keychain: %s", read ? qPrintable(read->error) : "no answer");
            return Json();
        }
        const Json envelope = Json::parse(read->data.constBegin(), read->data.constEnd(), nullptr, false);
        return envelope.is_object() && envelope.contains("cache") ? envelope.at("cache") : Json();
    }

    // Once the removal is done: the file is `expected` and the keychain copy followed.
    void checkStores(const Json& expected)
    {
        QTRY_VERIFY(window()->statusText().startsWith(QStringLiteral("Removed ")));
        QVERIFY(parseCache(test::readFile(cacheFile())).document() == expected);
        QVERIFY(keychainCache() == expected);
        QVERIFY(parseCache(test::readFile(cacheFile())).document().contains("UnknownSection"));
    }

    // Every secret of the test's cache file.
    QStringList secretsOf(const QByteArray& bytes) const
    {
        QStringList secrets;
        const MsalCache cache = parseCache(bytes);
        for (const AccessToken& t : cache.accessTokens())
            secrets << t.secret.reveal();
        for (const RefreshToken& t : cache.refreshTokens())
            secrets << t.secret.reveal();
        for (const IdToken& t : cache.idTokens())
            secrets << t.secret.reveal();
        return secrets;
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
        // az >= 2.50 writes tenant names; the sample's Northwind gets one.
        QJsonObject profile = test::readJsonObject(m_config + QStringLiteral("/azureProfile.json"));
        QJsonArray subscriptions = profile.value(QStringLiteral("subscriptions")).toArray();
        for (QJsonValueRef s : subscriptions) {
            QJsonObject subscription = s.toObject();
            if (subscription.value(QStringLiteral("tenantId")).toString() == kNorthwind)
                subscription.insert(QStringLiteral("tenantDisplayName"), QStringLiteral("Northwind Traders"));
            s = subscription;
        }
        profile.insert(QStringLiteral("subscriptions"), subscriptions);
        test::writeFile(m_config + QStringLiteral("/azureProfile.json"), QJsonDocument(profile).toJson());
        m_original = test::sharedSampleCache().serialize();
        test::writeFile(cacheFile(), m_original);
        // What an earlier rewrite of a BOM-prefixed file left: a plaintext copy of every token.
        test::writeFile(backupFile(), QByteArray("\xEF\xBB\xBF") + m_original);
        m_keychain = std::make_unique<KeychainStore>();
        startApp(m_keychain.get());
    }

    void cleanup()
    {
        if (m_app) {
            std::optional<CacheOutcome> done;
            m_app->session()->cache().clear([&done](const CacheOutcome& o) { done = o; });
            QTRY_VERIFY(done.has_value());
        }
        stopApp();
        m_keychain.reset();
    }

    // Account → Shared token cache…: app, then account, then tokens; names where known; no secret.
    void listsTheCacheByAppAndAccount()
    {
        auto* action = m_app->window()->findChild<QAction*>(QStringLiteral("showTokenCache"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Shared &token cache…"));
        QVERIFY(m_app->window()->menuBar()->actions().first()->menu()->actions().contains(action));
        openCacheWindow();
        QCOMPARE(window()->windowTitle(), QStringLiteral("Shared Token Cache"));
        // Nothing can be removed before the user picks a row (keyboard focus alone picks none).
        window()->view()->setFocus();
        QVERIFY(window()->view()->currentIndex().isValid());
        QVERIFY(!window()->removeEntryButton()->isEnabled());
        QVERIFY(!window()->removeForAccountButton()->isEnabled());
        QVERIFY(!window()->removeForAllAccountsButton()->isEnabled());

        QCOMPARE(childNames(model()),
                 (QStringList{kUnknownApp, QStringLiteral("Azure CLI"), QStringLiteral("Visual Studio Code")}));
        const QModelIndex cli = childNamed(model(), {}, QStringLiteral("Azure CLI"));
        QCOMPARE(cli.data(Qt::ToolTipRole).toString(), QStringLiteral("Client id ") + kAzureCli);
        QCOMPARE(childNames(model(), cli), QStringList{kUser});
        const QModelIndex sam = childNamed(model(), cli, kUser);
        QCOMPARE(childNames(model(), sam), (QStringList{QStringLiteral("Access token"), QStringLiteral("Access token"),
                                                        QStringLiteral("Access token"), QStringLiteral("Access token"),
                                                        QStringLiteral("Refresh token"), QStringLiteral("ID token"),
                                                        QStringLiteral("ID token"), QStringLiteral("ID token")}));
        QCOMPARE(sam.siblingAtColumn(CacheTreeModel::ScopesColumn).data().toString(), QStringLiteral("8 tokens"));
        const QModelIndex vsCode = childNamed(model(), {}, QStringLiteral("Visual Studio Code"));
        QCOMPARE(childNames(model(), vsCode), (QStringList{kAlexName, kUser}));
        QCOMPARE(childNames(model(), childNamed(model(), {}, kUnknownApp)), (QStringList{kNoAccount, kUser}));

        // The tenant by name where Tenantry knows it (az's profile), else its id.
        const QString graph = QStringLiteral("https://graph.microsoft.com/.default");
        QVERIFY(entryOf(model(), QStringLiteral("Azure CLI"), kUser, QStringLiteral("Access token"), graph,
                        QStringLiteral("Northwind Traders"))
                    .isValid());
        QVERIFY(entryOf(model(), QStringLiteral("Azure CLI"), kUser, QStringLiteral("Access token"),
                        QStringLiteral("https://management.core.windows.net//.default"), kAdventure)
                    .isValid());

        // Not a token, nor a part of one, nor a digest of one, in any role of any index.
        const QStringList secrets = secretsOf(m_original);
        QCOMPARE(secrets.size(), 8 + 3 + 4);
        QStringList needles;
        for (const QString& secret : secrets) {
            needles << secret << secret.right(16) << secret.section(QLatin1Char('.'), 1, 1).left(16)
                    << QString::fromLatin1(
                           QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex())
                    << QString::fromLatin1(
                           QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toBase64());
        }
        needles.removeAll(QString());
        const QModelIndexList indexes = allIndexes(model());
        QVERIFY(indexes.size() > 60);
        for (const QModelIndex& index : indexes) {
            for (int role = 0; role <= CacheTreeModel::ExpiresOnRole + 8; ++role) {
                const QString value = index.data(role).toString();
                for (const QString& needle : needles)
                    QVERIFY2(!value.contains(needle), "a secret in the cache window's model");
            }
        }
        test::saveScreenshot(window(), QStringLiteral("cache-window"));
    }

    // Access tokens count down, and say "expired" once they are.
    void countdownAndExpired()
    {
        openCacheWindow();
        const QString arm = QStringLiteral("https://management.core.windows.net//user_impersonation");
        const QModelIndex alex =
            entryOf(model(), QStringLiteral("Visual Studio Code"), kAlexName, QStringLiteral("Access token"), arm);
        QVERIFY(alex.isValid());
        QCOMPARE(alex.siblingAtColumn(CacheTreeModel::ExpiresColumn).data().toString(), QStringLiteral("expired"));
        const QModelIndex sam =
            entryOf(model(), QStringLiteral("Visual Studio Code"), kUser, QStringLiteral("Access token"), arm);
        QCOMPARE(sam.siblingAtColumn(CacheTreeModel::ExpiresColumn).data().toString(), QStringLiteral("1:30:00"));
        const QModelIndex refresh =
            entryOf(model(), QStringLiteral("Visual Studio Code"), kUser, QStringLiteral("Refresh token"), arm);
        QCOMPARE(refresh.siblingAtColumn(CacheTreeModel::ExpiresColumn).data().toString(),
                 QStringLiteral("until revoked"));

        m_clock->advance(61);
        QTRY_COMPARE(sam.siblingAtColumn(CacheTreeModel::ExpiresColumn).data().toString(), QStringLiteral("1:28:59"));
        m_clock->setSecs(kSamVsCodeTokenExpiry);
        QTRY_COMPARE(sam.siblingAtColumn(CacheTreeModel::ExpiresColumn).data().toString(), QStringLiteral("expired"));
    }

    // One token: Cancel changes nothing; confirmed, exactly that entry goes from the file, the keychain copy
    // and the backup that held it.
    void removeOneToken()
    {
        openCacheWindow();
        const QString arm = QStringLiteral("https://management.core.windows.net//.default");
        QModelIndex entry =
            entryOf(model(), QStringLiteral("Azure CLI"), kUser, QStringLiteral("Access token"), arm, kAdventure);
        QVERIFY(entry.isValid());
        const QString key = entry.data(CacheTreeModel::EntryKeyRole).toString();

        QMessageBox* box = askToRemove(entry, window()->removeEntryButton());
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), QStringLiteral("Remove this token?"));
        const QString text = box->text();
        for (const QString& part : {QStringLiteral("Azure CLI's access token for sam@northwind.example"), kAdventure,
                                    arm, cacheFile(), QStringLiteral("keychain"), QStringLiteral("backup"),
                                    QStringLiteral("Azure CLI will have to sign in again"),
                                    QStringLiteral("Tenantry signs in as Azure CLI too")})
            QVERIFY2(text.contains(part), qPrintable(text));
        test::saveScreenshot(box, QStringLiteral("cache-window-remove-token"));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(300);
        QCOMPARE(test::readFile(cacheFile()), m_original);
        QVERIFY(QFileInfo::exists(backupFile()));

        entry = entryOf(model(), QStringLiteral("Azure CLI"), kUser, QStringLiteral("Access token"), arm, kAdventure);
        box = askToRemove(entry, window()->removeEntryButton());
        QVERIFY(box);
        press(box, QStringLiteral("Remove"));
        Json expected = parseCache(m_original).document();
        expected["AccessToken"].erase(key.toStdString());
        checkStores(expected);
        QVERIFY(!QFileInfo::exists(backupFile())); // it held the token
        QCOMPARE(window()->statusText(), QStringLiteral("Removed 1 token."));
        QTRY_COMPARE(
            childNames(model(), childNamed(model(), childNamed(model(), {}, QStringLiteral("Azure CLI")), kUser))
                .count(QStringLiteral("Access token")),
            3);
    }

    // An app's tokens of one account: the access, refresh and ID tokens go; the app's tokens of other
    // accounts, other apps' tokens and the account entries stay.
    void removeAnAppsTokensForOneAccount()
    {
        openCacheWindow();
        const QModelIndex vsCode = childNamed(model(), {}, QStringLiteral("Visual Studio Code"));
        QMessageBox* box = askToRemove(childNamed(model(), vsCode, kUser), window()->removeForAccountButton());
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), QStringLiteral("Remove Visual Studio Code's tokens for sam@northwind.example?"));
        const QString text = box->text();
        for (const QString& part : {QStringLiteral("Remove every token Visual Studio Code holds for "
                                                   "sam@northwind.example (3 tokens)?"),
                                    QStringLiteral("The account stays for the other apps."),
                                    QStringLiteral("Visual Studio Code will have to sign in again")})
            QVERIFY2(text.contains(part), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Tenantry signs in as")), qPrintable(text));
        test::saveScreenshot(box, QStringLiteral("cache-window-remove-account"));
        press(box, QStringLiteral("Remove"));

        MsalCache expected = parseCache(m_original);
        CacheInventory::removeAppEntries(expected, kVsCode, kSam);
        checkStores(expected.document());
        const MsalCache onDisk = parseCache(test::readFile(cacheFile()));
        QCOMPARE(onDisk.accounts().size(), 2);
        QCOMPARE(onDisk.refreshTokens().size(), 2); // Azure CLI's for Sam, VS Code's for Alex
        QVERIFY(!QFileInfo::exists(backupFile()));
        QTRY_COMPARE(childNames(model(), childNamed(model(), {}, QStringLiteral("Visual Studio Code"))),
                     QStringList{kAlexName});
        QCOMPARE(window()->statusText(), QStringLiteral("Removed 3 tokens."));
    }

    // All of an app's tokens, app-only ones included; nothing on Cancel.
    void removeAllOfAnAppsTokens()
    {
        openCacheWindow();
        const QModelIndex unknown = childNamed(model(), {}, kUnknownApp);
        window()->view()->setCurrentIndex(childNamed(model(), unknown, kNoAccount));
        QVERIFY(!window()->removeForAccountButton()->isEnabled()); // no account to choose
        QVERIFY(window()->removeForAllAccountsButton()->isEnabled());

        QMessageBox* box = askToRemove(unknown, window()->removeForAllAccountsButton());
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), QStringLiteral("Remove all of %1's tokens?").arg(kUnknownApp));
        QVERIFY2(box->text().contains(QStringLiteral("for all of its 2 accounts")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(kUnknownApp + QStringLiteral(" will have to sign in again")),
                 qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(300);
        QCOMPARE(test::readFile(cacheFile()), m_original);

        box = askToRemove(childNamed(model(), {}, kUnknownApp), window()->removeForAllAccountsButton());
        QVERIFY(box);
        press(box, QStringLiteral("Remove all"));
        MsalCache expected = parseCache(m_original);
        CacheInventory::removeAppEntries(expected, kUnknownApp, QString());
        checkStores(expected.document());
        QVERIFY(!QFileInfo::exists(backupFile()));
        QTRY_COMPARE(childNames(model()),
                     (QStringList{QStringLiteral("Azure CLI"), QStringLiteral("Visual Studio Code")}));
    }

    // Sign out everywhere while the window is open: one confirmation naming the other apps, then the window
    // lists nothing and the main window shows its welcome page.
    void signOutEverywhereEmptiesIt()
    {
        openCacheWindow();
        m_app->window()->signOutEverywhereAction()->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = m_app->window()->findChild<QMessageBox*>(QStringLiteral("confirmBox"))) && box->isVisible());
        for (const QString& app : {QStringLiteral("Azure PowerShell"), QStringLiteral("VS Code")})
            QVERIFY2(box->text().contains(app), qPrintable(box->text()));
        press(box, QStringLiteral("Sign out everywhere"));
        QTRY_COMPARE(model()->rowCount(), 0);
        QVERIFY(!QFileInfo::exists(cacheFile()));
        QVERIFY(!QFileInfo::exists(backupFile()));
        QTRY_VERIFY(m_app->window()->welcomePanel()->isVisible());
        QVERIFY(!m_app->window()->isShowingAccounts());
    }

    // Another program writes the cache while the window is open: the window shows it.
    void followsTheFile()
    {
        openCacheWindow();
        AccessToken token;
        token.homeAccountId = kSam;
        token.environment = QStringLiteral("login.microsoftonline.com");
        token.clientId = kPowerShell;
        token.realm = kNorthwind;
        token.target = QStringLiteral("https://management.core.windows.net//.default");
        token.secret = Secret(QStringLiteral("powershell-access-token-written-by-another-program"));
        token.cachedAt = kStart;
        token.expiresOn = kStart + 4000;
        token.extendedExpiresOn = kStart + 4000;
        const MsalCacheFile::WriteResult written =
            MsalCacheFile(cacheFile()).modify([&token](MsalCache& cache) { cache.upsert(token); });
        QVERIFY2(written.ok, qPrintable(written.error));
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(model(), {}, QStringLiteral("Azure PowerShell")).isValid(), 5000);
        QCOMPARE(childNames(model(), childNamed(model(), {}, QStringLiteral("Azure PowerShell"))), QStringList{kUser});
    }
};

QTEST_MAIN(TestCacheWindow)
#include "TestCacheWindow.moc"
