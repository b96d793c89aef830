#include "store/KeychainStore.h"
#include "store/TokenCacheService.h"

#include "fakes/FakeSecretStore.h"
#include "fakes/TestFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
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

        const CacheOutcome switched =
            checked(await([&](TokenCacheService::Done done) { service->setMode(StorageMode::KeychainAndFile, done); }));
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

        // Keychain-only mode falls back the same way rather than lose the token.
        auto only = makeService(&fake, StorageMode::KeychainOnly);
        const AccessToken second = accessToken(QStringLiteral("tenant-g"), QStringLiteral("fallbackonly"));
        const CacheOutcome onlyOutcome = checked(modify(*only, [second](MsalCache& cache) { cache.upsert(second); }));
        QVERIFY(onlyOutcome.ok);
        QVERIFY(onlyOutcome.warnings.first().contains(QLatin1String("Keychain-only mode cannot be honoured")));
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("fallbackonly")));
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

        // Keychain-only: a failed keychain write puts the token in the file rather than drop it.
        auto only = makeService(&fake, StorageMode::KeychainOnly);
        QVERIFY(checked(load(*only)).ok);
        fake.failWrites(SecretStoreResult::Status::Failed, 1);
        const AccessToken second = accessToken(QStringLiteral("tenant-x"), QStringLiteral("kcfailonly"));
        const CacheOutcome onlyOutcome = checked(modify(*only, [second](MsalCache& cache) { cache.upsert(second); }));
        QVERIFY(onlyOutcome.ok);
        QVERIFY(!onlyOutcome.warnings.isEmpty());
        QVERIFY(hasTarget(parseCache(readFile(m_file)), QStringLiteral("kcfailonly")));
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
