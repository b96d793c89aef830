#include "TestConfig.h"
#include "store/KeychainStore.h"
#include "store/TokenCacheService.h"

#include "fakes/FakeSecretStore.h"
#include "fakes/TestFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace tenantry;
using tenantry::test::FakeSecretStore;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kSample = QStringLiteral("azure-cli-2.45");
// The happy paths use the real Secret Service (scripts/with-test-session.sh), under a test service name.
const QString kTestService = QStringLiteral("Tenantry-test");
const QString kCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kHid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kEnv = QStringLiteral("login.microsoftonline.com");

// Every message Qt logs while the tests run, to prove no secret reaches a log line.
QMutex g_messagesMutex;
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_messagesMutex);
        g_messages.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Secrets the tests plant: each unique, so a leak is found by a plain substring search.
QStringList g_plantedSecrets;

QString plantSecret(const QString& label)
{
    const QString secret = QStringLiteral("FAKE-SECRET-%1-%2").arg(label).arg(g_plantedSecrets.size());
    g_plantedSecrets.append(secret);
    return secret;
}

AccessToken accessToken(const QString& realm, const QString& label)
{
    AccessToken token;
    token.homeAccountId = kHid;
    token.environment = kEnv;
    token.clientId = kCli;
    token.realm = realm;
    token.target = QStringLiteral("https://test.example/%1/.default").arg(label);
    token.secret = Secret(plantSecret(label));
    token.cachedAt = 1795422012;
    token.expiresOn = 1795425611;
    token.extendedExpiresOn = 1795425611;
    return token;
}

const QString kPowerShell = QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2");

RefreshToken refreshToken(const QString& homeAccountId, const QString& clientId, const QString& label,
                          qint64 lastModified)
{
    RefreshToken token;
    token.homeAccountId = homeAccountId;
    token.environment = kEnv;
    token.clientId = clientId;
    token.familyId = clientId == kCli ? QStringLiteral("1") : QString();
    token.secret = Secret(plantSecret(label));
    token.lastModificationTime = lastModified;
    return token;
}

Account account(const QString& homeAccountId, const QString& username)
{
    Account entry;
    entry.homeAccountId = homeAccountId;
    entry.environment = kEnv;
    entry.realm = QStringLiteral("organizations");
    entry.localAccountId = homeAccountId.section(QLatin1Char('.'), 0, 0);
    entry.username = username;
    return entry;
}

bool hasAccount(const MsalCache& cache, const QString& homeAccountId)
{
    for (const Account& entry : cache.accounts()) {
        if (entry.homeAccountId == homeAccountId)
            return true;
    }
    return false;
}

QString refreshSecretOf(const MsalCache& cache, const QString& homeAccountId, const QString& clientId)
{
    for (const RefreshToken& token : cache.refreshTokens()) {
        if (token.homeAccountId == homeAccountId && token.clientId == clientId)
            return token.secret.reveal();
    }
    return QString();
}

// Every file in `dir` (hidden ones too) whose bytes contain one of `needles`.
QStringList filesHolding(const QString& dir, const QStringList& needles)
{
    QStringList found;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo& info : files) {
        const QByteArray bytes = readFile(info.absoluteFilePath());
        for (const QString& needle : needles) {
            if (bytes.contains(needle.toUtf8()))
                found << info.fileName();
        }
    }
    found.removeDuplicates();
    return found;
}

bool hasTarget(const MsalCache& cache, const QString& label)
{
    const QString target = QStringLiteral("https://test.example/%1/.default").arg(label);
    for (const AccessToken& token : cache.accessTokens()) {
        if (token.target == target)
            return true;
    }
    return false;
}

MsalCache parseCache(const QByteArray& bytes)
{
    MsalCache cache;
    QString error;
    if (!MsalCache::parse(bytes, &cache, &error))
        qFatal("test: not a cache: %s", qPrintable(error));
    return cache;
}

QByteArray sha256Hex(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

template <typename Start> CacheOutcome await(Start start, int timeoutMs = 30000)
{
    std::optional<CacheOutcome> outcome;
    start([&outcome](const CacheOutcome& o) { outcome = o; });
    if (outcome)
        qFatal("TokenCacheService called back re-entrantly");
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, timeoutMs))
        qFatal("TokenCacheService never called back");
    return *outcome;
}

CacheOutcome load(TokenCacheService& service)
{
    return await([&](TokenCacheService::Done done) { service.load(std::move(done)); });
}

CacheOutcome modify(TokenCacheService& service, std::function<void(MsalCache&)> change)
{
    return await([&](TokenCacheService::Done done) { service.modify(std::move(change), std::move(done)); });
}

CacheOutcome clear(TokenCacheService& service)
{
    return await([&](TokenCacheService::Done done) { service.clear(std::move(done)); });
}

SecretStoreResult keychainRead(SecretStore& store, const QString& key)
{
    std::optional<SecretStoreResult> result;
    store.read(key, [&result](const SecretStoreResult& r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        qFatal("keychain never answered");
    return *result;
}

struct Envelope
{
    int format = 0;
    QByteArray fileDigest;
    MsalCache cache;
};

std::optional<Envelope> envelopeIn(SecretStore& store, const QString& key)
{
    const SecretStoreResult read = keychainRead(store, key);
    if (!read.ok())
        return std::nullopt;
    const Json json = Json::parse(read.data.constBegin(), read.data.constEnd());
    Envelope envelope;
    envelope.format = json.at("format").get<int>();
    envelope.fileDigest = QByteArray::fromStdString(json.at("fileDigest").get<std::string>());
    envelope.cache = MsalCache::fromDocument(json.at("cache"));
    return envelope;
}

void noteOutcome(QStringList* texts, const CacheOutcome& outcome)
{
    texts->append(outcome.error);
    texts->append(outcome.warnings);
}

} // namespace

class TestTokenCacheService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir;
    QString m_file;
    std::unique_ptr<KeychainStore> m_keychain;
    QStringList m_outcomeTexts; // every error and warning handed out

    std::unique_ptr<TokenCacheService> makeService(SecretStore* store, StorageMode mode = StorageMode::KeychainAndFile)
    {
        auto service = std::make_unique<TokenCacheService>(store, m_dir, mode);
        FileLockOptions fast;
        fast.createTimeout = std::chrono::milliseconds(200);
        fast.lockTimeout = std::chrono::milliseconds(200);
        fast.retryInterval = std::chrono::milliseconds(20);
        service->setFileLockOptions(fast);
        connect(service.get(), &TokenCacheService::warning, this, [this](const QString& w) { m_outcomeTexts << w; });
        return service;
    }

    CacheOutcome checked(const CacheOutcome& outcome)
    {
        noteOutcome(&m_outcomeTexts, outcome);
        return outcome;
    }

    MsalCache sample() const { return parseCache(readFile(test::dataPath(kSample + "/msal_token_cache.json"))); }

    void expectInStep(TokenCacheService& service, SecretStore& store)
    {
        const QByteArray bytes = readFile(m_file);
        const std::optional<Envelope> envelope = envelopeIn(store, service.keychainKey());
        QVERIFY(envelope);
        QCOMPARE(envelope->format, 1);
        QVERIFY(parseCache(bytes) == envelope->cache);
        QVERIFY(service.cache() == envelope->cache);
        QCOMPARE(envelope->fileDigest, sha256Hex(bytes));
    }

private slots:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("TENANTRY_IN_TEST_SESSION"))
            QSKIP("needs the private Secret Service: run inside scripts/with-test-session.sh");
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=true"));
        g_previousHandler = qInstallMessageHandler(recordMessage);
        // The sample's own secrets must never show either.
        const MsalCache azCache = sample();
        for (const auto& [name, section] : azCache.document().items()) {
            for (const auto& [key, entry] : section.items()) {
                if (entry.contains("secret"))
                    g_plantedSecrets.append(QString::fromStdString(entry.at("secret").get<std::string>()));
            }
        }
        QVERIFY(g_plantedSecrets.size() >= 5);
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_dir = m_tmp->path() + QStringLiteral("/azure");
        m_file = m_dir + QStringLiteral("/msal_token_cache.json");
        m_keychain = std::make_unique<KeychainStore>(kTestService, nullptr);
    }

    void cleanup()
    {
        // Leave nothing in the keyring.
        if (m_keychain) {
            bool removed = false;
            m_keychain->remove(TokenCacheService::keychainKeyFor(m_dir),
                               [&removed](const SecretStoreResult&) { removed = true; });
            QVERIFY(QTest::qWaitFor([&removed] { return removed; }, 20000));
        }
        m_keychain.reset();
        m_tmp.reset();
    }

    void keychainKeyIsNamespacedByCanonicalDir()
    {
        QDir().mkpath(m_dir);
        const QString key = TokenCacheService::keychainKeyFor(m_dir + QStringLiteral("/../azure/"));
        QCOMPARE(key, QStringLiteral("msal-cache:") + QFileInfo(m_dir).canonicalFilePath());
        auto service = makeService(m_keychain.get());
        QCOMPARE(service->keychainKey(), key);
        QCOMPARE(service->filePath(), m_file);
    }

    void loadOfAzSampleGoesToKeychainAndFile()
    {
        test::copySample(kSample, m_dir);
        const QByteArray original = readFile(m_file);
        auto service = makeService(m_keychain.get());
        QSignalSpy changed(service.get(), &TokenCacheService::cacheChanged);

        const CacheOutcome outcome = checked(load(*service));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.usingKeychain);
        QVERIFY2(outcome.warnings.isEmpty(), qPrintable(outcome.warnings.join('\n')));
        QCOMPARE(changed.count(), 1);
        QVERIFY(service->cache() == sample());
        QCOMPARE(readFile(m_file), original); // az's file untouched
        expectInStep(*service, *m_keychain);

        // A second load changes nothing.
        QVERIFY(checked(load(*service)).ok);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(readFile(m_file), original);
    }

    void modifyKeepsKeychainAndFileInStep()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        QSignalSpy changed(service.get(), &TokenCacheService::cacheChanged);

        const AccessToken token = accessToken(QStringLiteral("tenant-a"), QStringLiteral("modify"));
        const CacheOutcome outcome = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.usingKeychain);
        QCOMPARE(changed.count(), 1);
        QVERIFY(hasTarget(service->cache(), QStringLiteral("modify")));
        QCOMPARE(service->cache().entryCount(), sample().entryCount() + 1);
        expectInStep(*service, *m_keychain);
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("modify")));

        // A fresh service (next start) sees the same.
        auto again = makeService(m_keychain.get());
        QVERIFY(checked(load(*again)).ok);
        QVERIFY(again->cache() == service->cache());
    }

    void firstSignInCreatesAPrivateFile()
    {
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(!QFileInfo::exists(m_file)); // nothing to write, nothing written
        const AccessToken token = accessToken(QStringLiteral("tenant-n"), QStringLiteral("first"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QCOMPARE(QFileInfo(m_file).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        expectInStep(*service, *m_keychain);
    }

    void externalWriteBetweenOperationsIsMergedNotClobbered()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);

        // az writes the file (a new token) behind Tenantry's back, as MSAL Python serializes it.
        MsalCache byAz = parseCache(readFile(m_file));
        byAz.upsert(accessToken(QStringLiteral("tenant-az"), QStringLiteral("az")));
        writeFile(m_file, byAz.serialize());

        const AccessToken ours = accessToken(QStringLiteral("tenant-t"), QStringLiteral("tenantry"));
        const CacheOutcome outcome = checked(modify(*service, [ours](MsalCache& cache) { cache.upsert(ours); }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("az")));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("tenantry")));
        expectInStep(*service, *m_keychain);

        // az removes an entry (az logout of one account): a load honours it; the keychain does not resurrect it.
        MsalCache afterLogout = parseCache(readFile(m_file));
        const AccessToken azToken = [&] {
            for (const AccessToken& t : afterLogout.accessTokens())
                if (t.target.contains(QLatin1String("/az/")))
                    return t;
            return AccessToken();
        }();
        QVERIFY(!azToken.key.isEmpty());
        Json doc = afterLogout.document();
        doc["AccessToken"].erase(azToken.key.toStdString());
        writeFile(m_file, MsalCache::fromDocument(doc).serialize());
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(!hasTarget(service->cache(), QStringLiteral("az")));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("tenantry")));
        expectInStep(*service, *m_keychain);
    }

    void fileWrittenBetweenReadAndLockIsNotClobbered()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);

        // az writes the file after Tenantry read it and before Tenantry takes the lock: simulated
        // from inside the change, which runs between the two.
        const AccessToken byAz = accessToken(QStringLiteral("tenant-race"), QStringLiteral("race-az"));
        const AccessToken ours = accessToken(QStringLiteral("tenant-ours"), QStringLiteral("race-ours"));
        int runs = 0;
        const QString file = m_file;
        const CacheOutcome outcome = checked(modify(*service, [&runs, byAz, ours, file](MsalCache& cache) {
            if (runs++ == 0) {
                MsalCache onDisk = parseCache(readFile(file));
                onDisk.upsert(byAz);
                writeFile(file, onDisk.serialize());
            }
            cache.upsert(ours);
        }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(runs, 2); // computed again on the fresh file
        QVERIFY(hasTarget(service->cache(), QStringLiteral("race-az")));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("race-ours")));
        expectInStep(*service, *m_keychain);
    }

    void corruptFileIsRestoredFromKeychainAndKeptAsBak()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        const MsalCache before = service->cache();

        const QByteArray garbage = QByteArrayLiteral("{\"AccessToken\": {\"truncated");
        writeFile(m_file, garbage);
        const CacheOutcome outcome = checked(load(*service));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings.first().contains(m_file + QStringLiteral(".bak")),
                 qPrintable(outcome.warnings.first()));
        QCOMPARE(readFile(m_file + QStringLiteral(".bak")), garbage);
        QVERIFY(service->cache() == before);
        QVERIFY(parseCache(readFile(m_file)) == before);
        expectInStep(*service, *m_keychain);

        // Corrupt again, then a modify: restored and changed in one go.
        writeFile(m_file, garbage);
        const AccessToken token = accessToken(QStringLiteral("tenant-c"), QStringLiteral("corrupt"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QCOMPARE(service->cache().entryCount(), before.entryCount() + 1);
        expectInStep(*service, *m_keychain);
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak.1")));
    }

    void hugeFileIsLeftAloneWhileTheKeychainCopyServes()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(checked(load(*service)).ok);
        const MsalCache before = service->cache();

        // Another program leaves a file over the size limit (sparse: cheap to make).
        QVERIFY(QFile::resize(m_file, json::kMaxDocumentBytes + 1));
        const QString problem =
            QStringLiteral("Cannot read the token cache file %1: it is larger than 64 MiB").arg(m_file);
        const CacheOutcome loaded = checked(load(*service));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.warnings, QStringList{problem + QStringLiteral(" The keychain copy is used.")});
        QVERIFY(service->cache() == before);

        // A change goes to the keychain; the file is not touched, and the caller is told why.
        const AccessToken token = accessToken(QStringLiteral("tenant-h"), QStringLiteral("huge"));
        const CacheOutcome modified = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY(!modified.ok);
        QVERIFY2(modified.error.startsWith(problem), qPrintable(modified.error));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("huge")));
        QCOMPARE(QFileInfo(m_file).size(), json::kMaxDocumentBytes + 1);
        QCOMPARE(QDir(m_dir).entryList({QStringLiteral("msal_token_cache.json*")}, QDir::Files),
                 QStringList{QStringLiteral("msal_token_cache.json")}); // no .bak of it
    }

    void keychainItemOfAnyShapeIsReplacedNotFatal_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("nested a million deep")
            << QByteArray(R"({"format": 1, "fileDigest": "", "cache": {"Deep": )" + QByteArray(1000000, '[') +
                          QByteArray(1000000, ']') + "}}");
        QTest::newRow("cache a list") << QByteArray(R"({"format": 1, "fileDigest": "", "cache": [1]})");
        QTest::newRow("section a number") << QByteArray(R"({"format": 1, "cache": {"AccessToken": 7}})");
        QTest::newRow("format huge") << QByteArray(R"({"format": 18446744073709551615, "cache": {}})");
        QTest::newRow("top level a string") << QByteArray(R"("cache")");
    }

    void keychainItemOfAnyShapeIsReplacedNotFatal()
    {
        QFETCH(QByteArray, item);
        test::copySample(kSample, m_dir);
        const QByteArray fileBefore = readFile(m_file);
        FakeSecretStore fake;
        fake.items.insert(TokenCacheService::keychainKeyFor(m_dir), item);
        auto service = makeService(&fake);
        const CacheOutcome loaded = checked(load(*service));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.warnings.size(), 1);
        QVERIFY2(loaded.warnings.first().contains(QStringLiteral("does not hold a token cache Tenantry can read")),
                 qPrintable(loaded.warnings.first()));
        QVERIFY(service->cache() == sample());
        QCOMPARE(readFile(m_file), fileBefore);
        expectInStep(*service, fake);
    }

    void fileDeletedAfterSyncIsTheUsersClear()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        QFile::remove(m_file); // az account clear

        const CacheOutcome outcome = checked(load(*service));
        QVERIFY(outcome.ok);
        QCOMPARE(service->cache().entryCount(), 0);
        QCOMPARE(keychainRead(*m_keychain, service->keychainKey()).status, SecretStoreResult::Status::NotFound);
        QVERIFY(!QFileInfo::exists(m_file));
    }

    void keychainCopyNeverSyncedIsMergedWithFile()
    {
        // Keychain-only use first (no file), then az signs in, then the user switches to keychain + file.
        auto service = makeService(m_keychain.get(), StorageMode::KeychainOnly);
        const AccessToken ours = accessToken(QStringLiteral("tenant-k"), QStringLiteral("keychainonly"));
        QVERIFY(checked(modify(*service, [ours](MsalCache& cache) { cache.upsert(ours); })).ok);
        QVERIFY(!QFileInfo::exists(m_file));
        test::copySample(kSample, m_dir);

        const CacheOutcome switched = checked(await([&](TokenCacheService::Done done) {
            service->setMode(StorageMode::KeychainAndFile, PlaintextCopies::Keep, done);
        }));
        QVERIFY2(switched.ok, qPrintable(switched.error));
        QCOMPARE(service->mode(), StorageMode::KeychainAndFile);
        QCOMPARE(service->cache().entryCount(), sample().entryCount() + 1);
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("keychainonly")));
        expectInStep(*service, *m_keychain);
    }

    void keychainOnlyWritesNoFile()
    {
        auto service = makeService(m_keychain.get(), StorageMode::KeychainOnly);
        const AccessToken token = accessToken(QStringLiteral("tenant-o"), QStringLiteral("only"));
        const CacheOutcome outcome = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.usingKeychain);
        QVERIFY(outcome.warnings.isEmpty());
        QVERIFY(!QFileInfo::exists(m_file));
        QVERIFY(!QFileInfo::exists(m_dir)); // not even the folder
        const std::optional<Envelope> envelope = envelopeIn(*m_keychain, service->keychainKey());
        QVERIFY(envelope);
        QVERIFY(envelope->fileDigest.isEmpty());
        QVERIFY(hasTarget(envelope->cache, QStringLiteral("only")));

        auto again = makeService(m_keychain.get(), StorageMode::KeychainOnly);
        QVERIFY(checked(load(*again)).ok);
        QVERIFY(hasTarget(again->cache(), QStringLiteral("only")));
        QVERIFY(!QFileInfo::exists(m_file));
    }

    void keychainOnlyImportsFileOnceAndLeavesIt()
    {
        test::copySample(kSample, m_dir);
        const QByteArray original = readFile(m_file);
        const QDateTime modified = QFileInfo(m_file).lastModified();
        auto service = makeService(m_keychain.get(), StorageMode::KeychainOnly);

        const CacheOutcome outcome = checked(load(*service));
        QVERIFY(outcome.ok);
        QVERIFY(outcome.usingKeychain);
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY(outcome.warnings.first().contains(QLatin1String("not deleted")));
        QVERIFY(outcome.warnings.first().contains(m_file));
        QVERIFY(service->cache() == sample());

        const AccessToken token = accessToken(QStringLiteral("tenant-i"), QStringLiteral("afterimport"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QCOMPARE(readFile(m_file), original);
        QCOMPARE(QFileInfo(m_file).lastModified(), modified); // not even touched
        QVERIFY(hasTarget(envelopeIn(*m_keychain, service->keychainKey())->cache, QStringLiteral("afterimport")));
        QVERIFY(!QFileInfo::exists(m_file + QStringLiteral(".lockfile")));
    }

    void keychainUnavailableFallsBackToFileWithPlainWarning()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        fake.setUnavailable(true);
        auto service = makeService(&fake);
        QSignalSpy warnings(service.get(), &TokenCacheService::warning);

        const CacheOutcome loaded = checked(load(*service));
        QVERIFY(loaded.ok);
        QVERIFY(!loaded.usingKeychain);
        QCOMPARE(loaded.warnings.size(), 1);
        QVERIFY(loaded.warnings.first().startsWith(QLatin1String("No keychain service answered")));
        QVERIFY(loaded.warnings.first().contains(QStringLiteral("kept in %1 only").arg(m_file)));
        QVERIFY(service->cache() == sample());

        const AccessToken token = accessToken(QStringLiteral("tenant-f"), QStringLiteral("fallback"));
        const CacheOutcome modified = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY2(modified.ok, qPrintable(modified.error));
        QVERIFY(!modified.usingKeychain);
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("fallback")));
        QCOMPARE(warnings.count(), 1); // the signal says it once; each outcome lists it
        QCOMPARE(modified.warnings.size(), 1);
        QVERIFY(fake.items.isEmpty());
    }

    // Keychain-only mode never writes the file, also with no keychain: the tokens stay in memory and
    // the user is told; once a keychain answers they join the keychain item.
    void keychainOnlyWithoutKeychainKeepsTokensInMemory()
    {
        test::copySample(kSample, m_dir);
        const QByteArray before = readFile(m_file);
        const QStringList filesBefore = QDir(m_dir).entryList(QDir::Files | QDir::Hidden);
        FakeSecretStore fake;
        fake.setUnavailable(true);
        auto only = makeService(&fake, StorageMode::KeychainOnly);
        const CacheOutcome loaded = checked(load(*only));
        QVERIFY(loaded.ok);
        QVERIFY(!loaded.usingKeychain);

        const AccessToken first = accessToken(QStringLiteral("tenant-g"), QStringLiteral("memoryonly"));
        const CacheOutcome outcome = checked(modify(*only, [first](MsalCache& cache) { cache.upsert(first); }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(!outcome.usingKeychain);
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings.first().contains(QLatin1String("kept in memory only until Tenantry quits")),
                 qPrintable(outcome.warnings.first()));
        QVERIFY(hasTarget(only->cache(), QStringLiteral("memoryonly")));
        QCOMPARE(readFile(m_file), before); // not a byte in the plaintext file
        QCOMPARE(QDir(m_dir).entryList(QDir::Files | QDir::Hidden), filesBefore);

        // A keychain that answers but refuses the write: the same.
        fake.setUnavailable(false);
        fake.failWrites(SecretStoreResult::Status::Failed, 1);
        const AccessToken second = accessToken(QStringLiteral("tenant-h"), QStringLiteral("refused"));
        const CacheOutcome refused = checked(modify(*only, [second](MsalCache& cache) { cache.upsert(second); }));
        QVERIFY2(refused.ok, qPrintable(refused.error));
        QVERIFY(!refused.usingKeychain);
        QVERIFY2(refused.warnings.join(' ').contains(QLatin1String("in memory only")),
                 qPrintable(refused.warnings.join(' ')));
        QVERIFY(hasTarget(only->cache(), QStringLiteral("refused")));
        QCOMPARE(readFile(m_file), before);

        // The keychain works again: what was kept in memory is merged into its item.
        const CacheOutcome back = checked(load(*only));
        QVERIFY2(back.ok, qPrintable(back.error));
        QVERIFY(back.usingKeychain);
        const std::optional<Envelope> envelope = envelopeIn(fake, only->keychainKey());
        QVERIFY(envelope);
        QVERIFY(hasTarget(envelope->cache, QStringLiteral("memoryonly")));
        QVERIFY(hasTarget(envelope->cache, QStringLiteral("refused")));
        QCOMPARE(readFile(m_file), before);
    }

    void noKeychainAtAllWorksOnTheFile()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(nullptr);
        const CacheOutcome loaded = checked(load(*service));
        QVERIFY(loaded.ok);
        QVERIFY(loaded.warnings.first().startsWith(QLatin1String("No keychain service answered")));
        const AccessToken token = accessToken(QStringLiteral("tenant-n"), QStringLiteral("nokeychain"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("nokeychain")));
        QVERIFY(checked(clear(*service)).ok);
        QVERIFY(!QFileInfo::exists(m_file));
    }

    void keychainWriteFailureLosesNothing()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(checked(load(*service)).ok);
        QCOMPARE(fake.items.size(), 1);

        fake.failWrites(SecretStoreResult::Status::Failed);
        const AccessToken token = accessToken(QStringLiteral("tenant-w"), QStringLiteral("kcfail"));
        const CacheOutcome outcome = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY2(outcome.ok, qPrintable(outcome.error)); // the file has it: a warning, not a failure
        QCOMPARE(outcome.warnings.size(), 1);
        QVERIFY2(outcome.warnings.first().contains(QLatin1String("could not be saved to the keychain")),
                 qPrintable(outcome.warnings.first()));
        QVERIFY(hasTarget(service->cache(), QStringLiteral("kcfail")));
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("kcfail")));

        // Keychain back: the next start sees the file changed since the (older) keychain copy.
        fake.failWrites(SecretStoreResult::Status::Ok, 0);
        auto again = makeService(&fake);
        QVERIFY(checked(load(*again)).ok);
        QVERIFY(hasTarget(again->cache(), QStringLiteral("kcfail")));
        expectInStep(*again, fake);

        // Keychain-only: a failed keychain write keeps the token in memory, never in the file.
        auto only = makeService(&fake, StorageMode::KeychainOnly);
        QVERIFY(checked(load(*only)).ok);
        const QByteArray fileBefore = readFile(m_file);
        fake.failWrites(SecretStoreResult::Status::Failed, 1);
        const AccessToken second = accessToken(QStringLiteral("tenant-x"), QStringLiteral("kcfailonly"));
        const CacheOutcome onlyOutcome = checked(modify(*only, [second](MsalCache& cache) { cache.upsert(second); }));
        QVERIFY(onlyOutcome.ok);
        QVERIFY(!onlyOutcome.warnings.isEmpty());
        QVERIFY(hasTarget(only->cache(), QStringLiteral("kcfailonly")));
        QCOMPARE(readFile(m_file), fileBefore);
    }

    void fileWriteFailureStillUpdatesKeychain()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(checked(load(*service)).ok);
        const QByteArray before = readFile(m_file);

        // A directory where the lock file must go: the lock cannot be taken, so the file cannot be written.
        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        const AccessToken token = accessToken(QStringLiteral("tenant-l"), QStringLiteral("filefail"));
        const CacheOutcome outcome = checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); }));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(m_file), qPrintable(outcome.error));
        QVERIFY2(outcome.error.contains(QLatin1String("saved in the keychain")), qPrintable(outcome.error));
        QCOMPARE(readFile(m_file), before);
        QVERIFY(hasTarget(service->cache(), QStringLiteral("filefail")));
        const std::optional<Envelope> envelope = envelopeIn(fake, service->keychainKey());
        QVERIFY(hasTarget(envelope->cache, QStringLiteral("filefail")));
        QCOMPARE(envelope->fileDigest, sha256Hex(before)); // the file as it still is

        // Lock free again: the next load writes the file from the keychain copy.
        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("filefail")));
        expectInStep(*service, fake);

        // Both stores failing: an error, and the cache stays what it was.
        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        fake.failWrites(SecretStoreResult::Status::Failed);
        const MsalCache kept = service->cache();
        const AccessToken lost = accessToken(QStringLiteral("tenant-m"), QStringLiteral("bothfail"));
        const CacheOutcome both = checked(modify(*service, [lost](MsalCache& cache) { cache.upsert(lost); }));
        QVERIFY(!both.ok);
        QVERIFY(both.error.contains(QLatin1String("not saved")));
        QVERIFY(service->cache() == kept);
        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));
    }

    void queuedModifyCallsAllApplyInOrder()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        constexpr int kCalls = 12;
        QList<int> finished;
        QList<AccessToken> tokens;
        for (int i = 0; i < kCalls; ++i)
            tokens << accessToken(QStringLiteral("tenant-q%1").arg(i), QStringLiteral("queued%1").arg(i));
        for (int i = 0; i < kCalls; ++i) {
            service->modify([token = tokens[i]](MsalCache& cache) { cache.upsert(token); },
                            [&finished, this, i](const CacheOutcome& outcome) {
                                noteOutcome(&m_outcomeTexts, outcome);
                                QVERIFY(outcome.ok);
                                finished << i;
                            });
        }
        QVERIFY(finished.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), kCalls, 60000);
        for (int i = 0; i < kCalls; ++i)
            QCOMPARE(finished[i], i);
        for (int i = 0; i < kCalls; ++i)
            QVERIFY(hasTarget(service->cache(), QStringLiteral("queued%1").arg(i)));
        QCOMPARE(service->cache().entryCount(), sample().entryCount() + kCalls);
        expectInStep(*service, *m_keychain);
    }

    // The file alone gives the cache only while the keychain copy defers to it: after a load or a
    // change that reached both. A sign-out that reached only the keychain leaves the file behind, so
    // the file is not read alone until a load has brought it in step again; nor after the keychain
    // refused a write (what it holds is then unknown).
    void fileIsReadAloneOnlyWhileKeychainDefersToIt()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(!service->readFileWhenInStep()); // nothing known of the keychain yet
        QVERIFY(checked(load(*service)).ok);
        const int reads = fake.reads;
        std::optional<MsalCache> alone = service->readFileWhenInStep();
        QVERIFY(alone && *alone == sample());
        QVERIFY(makeService(&fake)->readFileWhenInStep()); // another process sees it too
        QCOMPARE(fake.reads, reads);

        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        const CacheOutcome signOut =
            checked(modify(*service, [](MsalCache& cache) { cache.removeAccount(kHid, kEnv, kCli); }));
        QVERIFY(!signOut.ok); // only the keychain took it
        QVERIFY(hasAccount(parseCache(readFile(m_file)), kHid));
        QVERIFY(!service->readFileWhenInStep());
        QVERIFY(!makeService(&fake)->readFileWhenInStep());

        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(!hasAccount(parseCache(readFile(m_file)), kHid));
        alone = service->readFileWhenInStep();
        QVERIFY(alone && *alone == service->cache());

        fake.failWrites(SecretStoreResult::Status::Failed, 1);
        const AccessToken token = accessToken(QStringLiteral("tenant-k"), QStringLiteral("kcrefused"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QVERIFY(!service->readFileWhenInStep());
        QVERIFY(checked(load(*service)).ok); // the keychain takes the copy now
        alone = service->readFileWhenInStep();
        QVERIFY(alone && hasTarget(*alone, QStringLiteral("kcrefused")));
    }

    // Keychain-only mode always asks the keychain, and its copy (never synced with the file) stops
    // other processes from reading the file alone.
    void keychainOnlyNeverReadsTheFileAlone()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto both = makeService(&fake);
        QVERIFY(checked(load(*both)).ok);
        QVERIFY(both->readFileWhenInStep());
        auto only = makeService(&fake, StorageMode::KeychainOnly);
        QVERIFY(!only->readFileWhenInStep());
        const AccessToken token = accessToken(QStringLiteral("tenant-o"), QStringLiteral("kconly"));
        QVERIFY(checked(modify(*only, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QVERIFY(!both->readFileWhenInStep());
    }

    void clearRemovesKeychainItemAndFile()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        QSignalSpy changed(service.get(), &TokenCacheService::cacheChanged);
        const CacheOutcome outcome = checked(clear(*service));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(service->cache().entryCount(), 0);
        QVERIFY(!QFileInfo::exists(m_file));
        QCOMPARE(keychainRead(*m_keychain, service->keychainKey()).status, SecretStoreResult::Status::NotFound);
    }

    // Item 4: the file write failed (the keychain took the change), then az wrote the file: the next
    // load merges both instead of taking az's file whole.
    void fileWriteFailureThenAzWriteIsMergedNotTakenWhole()
    {
        test::copySample(kSample, m_dir);
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        const QString accountB =
            QStringLiteral("bbbbbbbb-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        const QString accountC =
            QStringLiteral("cccccccc-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        const QString oldRt = refreshSecretOf(service->cache(), kHid, kCli);

        // The file cannot be written (a directory where its lock file goes); Tenantry signs in B and
        // rotates A's refresh token: only the keychain takes it.
        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        const RefreshToken signedIn = refreshToken(accountB, kCli, QStringLiteral("rt-b"), 1795500000);
        const QString rotated = plantSecret(QStringLiteral("rt-a-rotated"));
        const CacheOutcome failed = checked(modify(*service, [&](MsalCache& cache) {
            cache.upsert(signedIn);
            cache.upsert(account(accountB, QStringLiteral("b@example.test")));
            const RefreshToken a = cache.refreshTokensFor(kHid, kEnv, kCli).first();
            cache.rotateRefreshToken(a.key, Secret(rotated), 1795500001);
        }));
        QVERIFY(!failed.ok);
        QVERIFY2(failed.error.contains(m_file), qPrintable(failed.error));
        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));

        // az signs in C and removes one of A's access tokens, writing the file as MSAL Python does.
        MsalCache byAz = parseCache(readFile(m_file));
        QCOMPARE(refreshSecretOf(byAz, kHid, kCli), oldRt);
        byAz.upsert(refreshToken(accountC, kCli, QStringLiteral("rt-c"), 1795500002));
        byAz.upsert(account(accountC, QStringLiteral("c@example.test")));
        Json doc = byAz.document();
        const std::string droppedAt = doc["AccessToken"].begin().key();
        doc["AccessToken"].erase(droppedAt);
        writeFile(m_file, MsalCache::fromDocument(doc).serialize());

        const CacheOutcome loaded = checked(load(*service));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        for (const MsalCache& cache : {service->cache(), parseCache(readFile(m_file))}) {
            QVERIFY(hasAccount(cache, kHid));
            QVERIFY(hasAccount(cache, accountB));                             // the keychain-only sign-in survived
            QVERIFY(hasAccount(cache, accountC));                             // az's sign-in too
            QCOMPARE(refreshSecretOf(cache, kHid, kCli), rotated);            // the newer refresh token
            QVERIFY(!cache.document().at("AccessToken").contains(droppedAt)); // az's removal honoured
        }
        expectInStep(*service, *m_keychain);

        // In step again: az's next removal (az logout of C) is taken as it is.
        MsalCache logout = parseCache(readFile(m_file));
        logout.removeAccount(accountC, kEnv, kCli);
        writeFile(m_file, logout.serialize());
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(!hasAccount(service->cache(), accountC));
        QVERIFY(hasAccount(service->cache(), accountB));
    }

    // Both rotated the same refresh token while the file was behind: the newer one is kept.
    void bothRotatedTheRefreshTokenTheNewerWins_data()
    {
        QTest::addColumn<bool>("azIsNewer");
        QTest::newRow("Tenantry's is newer") << false;
        QTest::newRow("az's is newer") << true;
    }

    void bothRotatedTheRefreshTokenTheNewerWins()
    {
        QFETCH(bool, azIsNewer);
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(checked(load(*service)).ok);
        const QString key = service->cache().refreshTokensFor(kHid, kEnv, kCli).first().key;

        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        const QString ours = plantSecret(QStringLiteral("rt-ours"));
        QVERIFY(!checked(modify(*service, [&](MsalCache& cache) {
                     cache.rotateRefreshToken(key, Secret(ours), 1795500000);
                 })).ok);
        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));

        MsalCache byAz = parseCache(readFile(m_file));
        const QString theirs = plantSecret(QStringLiteral("rt-az"));
        QVERIFY(byAz.rotateRefreshToken(key, Secret(theirs), azIsNewer ? 1795600000 : 1795400000));
        writeFile(m_file, byAz.serialize());

        QVERIFY(checked(load(*service)).ok);
        QCOMPARE(refreshSecretOf(service->cache(), kHid, kCli), azIsNewer ? theirs : ours);
        QCOMPARE(refreshSecretOf(parseCache(readFile(m_file)), kHid, kCli), azIsNewer ? theirs : ours);
    }

    // A sign-out that only reached the keychain (file write failed) is not undone by az's next write.
    void signOutWhileFileIsBehindIsNotUndoneByAz()
    {
        test::copySample(kSample, m_dir);
        FakeSecretStore fake;
        auto service = makeService(&fake);
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(QDir().mkpath(m_file + QStringLiteral(".lockfile")));
        QVERIFY(!checked(modify(*service, [](MsalCache& cache) { cache.removeAccount(kHid, kEnv, kCli); })).ok);
        QVERIFY(QDir().rmdir(m_file + QStringLiteral(".lockfile")));
        const QString other =
            QStringLiteral("dddddddd-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        MsalCache byAz = parseCache(readFile(m_file));
        byAz.upsert(account(other, QStringLiteral("d@example.test")));
        writeFile(m_file, byAz.serialize());
        QVERIFY(checked(load(*service)).ok);
        QVERIFY(!hasAccount(service->cache(), kHid));
        QVERIFY(refreshSecretOf(service->cache(), kHid, kCli).isEmpty());
        QVERIFY(hasAccount(service->cache(), other));
        QVERIFY(refreshSecretOf(parseCache(readFile(m_file)), kHid, kCli).isEmpty());
    }

    // Item 2: a sign-out deletes the backups that hold the account; others stay.
    void signOutDeletesTheBackupsHoldingTheAccount()
    {
        QDir().mkpath(m_dir);
        writeFile(m_file, QByteArray("\xEF\xBB\xBF") + readFile(test::dataPath(kSample + "/msal_token_cache.json")));
        writeFile(m_file + QStringLiteral(".bak.5"), "{\"RefreshToken\": {}, \"note\": \"another program\"}");
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        const AccessToken token = accessToken(QStringLiteral("tenant-b"), QStringLiteral("bom"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak"))); // the BOM-prefixed original

        // A change that signs nobody out leaves it.
        const AccessToken another = accessToken(QStringLiteral("tenant-c"), QStringLiteral("another"));
        QVERIFY(checked(modify(*service, [another](MsalCache& cache) { cache.upsert(another); })).ok);
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak")));

        const CacheOutcome signedOut =
            checked(modify(*service, [](MsalCache& cache) { cache.removeAccount(kHid, kEnv, kCli); }));
        QVERIFY2(signedOut.ok, qPrintable(signedOut.error));
        QVERIFY(!QFileInfo::exists(m_file + QStringLiteral(".bak")));
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak.5")));
        QVERIFY(filesHolding(m_dir, {kHid}).isEmpty());
    }

    // A removed token (the cache window's "Remove token") goes from the backups that hold it too; a backup
    // that does not hold it stays.
    void removingATokenDeletesTheBackupsHoldingIt()
    {
        QDir().mkpath(m_dir);
        writeFile(m_file, QByteArray("\xEF\xBB\xBF") + readFile(test::dataPath(kSample + "/msal_token_cache.json")));
        writeFile(m_file + QStringLiteral(".bak.5"), "{\"AccessToken\": {}, \"note\": \"another program\"}");
        auto service = makeService(m_keychain.get());
        QVERIFY(checked(load(*service)).ok);
        const AccessToken added = accessToken(QStringLiteral("tenant-r"), QStringLiteral("removed-later"));
        QVERIFY(checked(modify(*service, [added](MsalCache& cache) { cache.upsert(added); })).ok);
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak"))); // the BOM-prefixed original

        // A token no backup holds: the backups stay.
        const auto removeAccessToken = [](const QString& key) {
            return [key](MsalCache& cache) {
                Json document = cache.document();
                document["AccessToken"].erase(key.toStdString());
                cache = MsalCache::fromDocument(std::move(document));
            };
        };
        const QString addedKey = service->cache().accessTokens().constLast().key;
        QVERIFY(checked(modify(*service, removeAccessToken(addedKey))).ok);
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak")));

        // One of the original's (the second tenant's, whose secret no other entry shares): the backup holding
        // it goes, the account's other tokens stay in the cache.
        const AccessToken doomed = service->cache().accessTokens().at(2);
        QVERIFY(!filesHolding(m_dir, {doomed.secret.reveal()}).isEmpty());
        const CacheOutcome removed = checked(modify(*service, removeAccessToken(doomed.key)));
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QCOMPARE(filesHolding(m_dir, {doomed.secret.reveal()}), QStringList());
        QVERIFY(!QFileInfo::exists(m_file + QStringLiteral(".bak")));
        QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak.5")));
        QVERIFY(!refreshSecretOf(service->cache(), kHid, kCli).isEmpty());
    }

    // Item 2: the wipe leaves no refresh token on disk or in the keychain, in either mode, also one of
    // another app that only a backup still holds.
    void wipeLeavesNoRefreshTokenAnywhere_data()
    {
        QTest::addColumn<bool>("keychainOnly");
        QTest::newRow("keychain and file") << false;
        QTest::newRow("keychain only") << true;
    }

    void wipeLeavesNoRefreshTokenAnywhere()
    {
        QFETCH(bool, keychainOnly);
        MsalCache withOthers = sample();
        const QString psAccount =
            QStringLiteral("eeeeeeee-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        const RefreshToken ps = refreshToken(psAccount, kPowerShell, QStringLiteral("ps-rt"), 1795400000);
        withOthers.upsert(ps);
        QDir().mkpath(m_dir);
        writeFile(m_file, QByteArray("\xEF\xBB\xBF") + withOthers.serialize());
        QStringList secrets;
        for (const RefreshToken& rt : withOthers.refreshTokens())
            secrets << rt.secret.reveal();
        QCOMPARE(secrets.size(), 2);

        auto service =
            makeService(m_keychain.get(), keychainOnly ? StorageMode::KeychainOnly : StorageMode::KeychainAndFile);
        QVERIFY(checked(load(*service)).ok);
        const AccessToken token = accessToken(QStringLiteral("tenant-w"), QStringLiteral("wipe"));
        QVERIFY(checked(modify(*service, [token](MsalCache& cache) { cache.upsert(token); })).ok);
        if (keychainOnly) // Tenantry leaves az's file alone here; a backup from an earlier run is there
            writeFile(m_file + QStringLiteral(".bak.2"), readFile(m_file));
        QVERIFY(!filesHolding(m_dir, secrets).isEmpty());
        QVERIFY(!MsalCacheFile(m_file).backupPaths().isEmpty());

        const CacheOutcome wiped = checked(clear(*service));
        QVERIFY2(wiped.ok, qPrintable(wiped.error));
        QCOMPARE(filesHolding(m_dir, secrets), QStringList());
        QCOMPARE(filesHolding(m_dir, {QStringLiteral("RefreshToken")}), QStringList());
        QCOMPARE(QDir(m_dir).entryList(QDir::Files | QDir::Hidden), QStringList());
        QCOMPARE(keychainRead(*m_keychain, service->keychainKey()).status, SecretStoreResult::Status::NotFound);
        QCOMPARE(service->cache().entryCount(), 0);

        // Nothing comes back: a load finds nothing to re-import.
        QVERIFY(checked(load(*service)).ok);
        QCOMPARE(service->cache().entryCount(), 0);
    }

    // Item 2: switching to keychain-only removes (on request) the plaintext tokens of Tenantry's client
    // that the keychain holds; other clients' entries stay.
    void switchToKeychainOnlyRemovesThePlaintextCopies_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("remove") << true;
        QTest::newRow("keep") << false;
    }

    void switchToKeychainOnlyRemovesThePlaintextCopies()
    {
        QFETCH(bool, remove);
        MsalCache withOthers = sample();
        const RefreshToken ps = refreshToken(kHid, kPowerShell, QStringLiteral("ps-rt-switch"), 1795400000);
        withOthers.upsert(ps);
        QDir().mkpath(m_dir);
        writeFile(m_file, withOthers.serialize());
        writeFile(m_file + QStringLiteral(".bak"),
                  QByteArray("\xEF\xBB\xBF") + withOthers.serialize()); // an earlier rewrite's
        const QByteArray before = readFile(m_file);
        auto service = makeService(m_keychain.get());
        service->setClientId(kCli);
        QVERIFY(checked(load(*service)).ok);

        const CacheOutcome switched = checked(await([&](TokenCacheService::Done done) {
            service->setMode(StorageMode::KeychainOnly, remove ? PlaintextCopies::Remove : PlaintextCopies::Keep, done);
        }));
        QVERIFY2(switched.ok, qPrintable(switched.error));
        QCOMPARE(service->mode(), StorageMode::KeychainOnly);
        const std::optional<Envelope> envelope = envelopeIn(*m_keychain, service->keychainKey());
        QVERIFY(envelope);
        QVERIFY(envelope->cache == withOthers); // the keychain holds everything
        if (!remove) {
            QCOMPARE(readFile(m_file), before);
            QVERIFY(QFileInfo::exists(m_file + QStringLiteral(".bak")));
            return;
        }
        QVERIFY(!QFileInfo::exists(m_file + QStringLiteral(".bak")));
        const MsalCache left = parseCache(readFile(m_file));
        QVERIFY(refreshSecretOf(left, kHid, kCli).isEmpty());
        QCOMPARE(refreshSecretOf(left, kHid, kPowerShell), ps.secret.reveal()); // another client's stays
        QCOMPARE(left.accessTokens().size(), 0);
        QCOMPARE(left.idTokens().size(), withOthers.idTokens().size());
        QCOMPARE(left.accounts().size(), withOthers.accounts().size());
        QVERIFY2(switched.warnings.join(' ').contains(QLatin1String("az needs to sign in again")),
                 qPrintable(switched.warnings.join(' ')));
    }

    void switchWithoutKeychainRemovesNothing()
    {
        test::copySample(kSample, m_dir);
        const QByteArray before = readFile(m_file);
        FakeSecretStore fake;
        fake.setUnavailable(true);
        auto service = makeService(&fake);
        service->setClientId(kCli);
        const CacheOutcome switched = checked(await([&](TokenCacheService::Done done) {
            service->setMode(StorageMode::KeychainOnly, PlaintextCopies::Remove, done);
        }));
        QVERIFY(!switched.ok);
        QVERIFY2(switched.error.contains(m_file) &&
                     switched.error.contains(QLatin1String("not safely in the keychain")),
                 qPrintable(switched.error));
        QCOMPARE(readFile(m_file), before);
    }

    // Item 4: six processes in keychain-only mode, each adding its own accounts through the real
    // keychain at once: every account survives (the keychain lock serializes the read-modify-writes).
    void keychainOnlyProcessesKeepEachOthersTokens()
    {
        constexpr int kWriters = 6;
        constexpr int kAccountsEach = 3;
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < kWriters; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QStringLiteral(TENANTRY_BIN_DIR "/cache-writer"),
                     {QStringLiteral("--keychain-only"), m_dir, QStringLiteral("w%1").arg(i),
                      QString::number(kAccountsEach), QStringLiteral("--service"), kTestService});
            processes.push_back(std::move(p));
        }
        for (auto& p : processes) {
            QVERIFY(p->waitForFinished(90000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
            QVERIFY(p->readAllStandardOutput().contains("(keychain)"));
        }
        const std::optional<Envelope> envelope = envelopeIn(*m_keychain, TokenCacheService::keychainKeyFor(m_dir));
        QVERIFY(envelope);
        int missing = 0;
        for (int i = 0; i < kWriters; ++i) {
            for (int n = 0; n < kAccountsEach; ++n)
                missing += hasAccount(envelope->cache,
                                      QStringLiteral("w%1-%2.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f").arg(i).arg(n))
                               ? 0
                               : 1;
        }
        QCOMPARE(missing, 0);
        QCOMPARE(envelope->cache.refreshTokens().size(), kWriters * kAccountsEach);
        QVERIFY(!QFileInfo::exists(m_dir)); // keychain-only: nothing in az's folder
    }

    // Item 2 with the real Secret Service out of reach (no D-Bus session): memory only, no file.
    void keychainOnlyWithNoSessionBusWritesNoFile()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TENANTRY_BIN_DIR "/cache-writer"),
                {QStringLiteral("--keychain-only"), m_dir, QStringLiteral("nobus"), QStringLiteral("1"),
                 QStringLiteral("--service"), kTestService});
        QVERIFY(p.waitForFinished(90000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(out.contains("(memory)"), out.constData());
        QVERIFY2(err.contains("kept in memory only until Tenantry quits"), err.constData());
        QVERIFY(!err.contains("fake-rt-"));
        QVERIFY(!QFileInfo::exists(m_dir));
    }

    // Runs last (slots run in declaration order): everything logged or handed out so far.
    void noSecretInAnyWarningErrorOrLogLine()
    {
        QStringList messages;
        {
            QMutexLocker lock(&g_messagesMutex);
            messages = g_messages;
        }
        QVERIFY(messages.size() > 10); // the debug categories were on
        QVERIFY(!m_outcomeTexts.isEmpty());
        for (const QString& secret : std::as_const(g_plantedSecrets)) {
            for (const QString& message : std::as_const(messages))
                QVERIFY2(!message.contains(secret), qPrintable(QStringLiteral("log line leaks a secret: ") + message));
            for (const QString& text : std::as_const(m_outcomeTexts))
                QVERIFY2(!text.contains(secret), "an outcome leaks a secret");
        }
    }

    void cleanupTestCase()
    {
        if (g_previousHandler)
            qInstallMessageHandler(g_previousHandler);
    }
};

QTEST_GUILESS_MAIN(TestTokenCacheService)
#include "TestTokenCacheService.moc"
