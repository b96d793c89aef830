#include "TestConfig.h"
#include "cache/CacheKeys.h"
#include "fakes/TestFiles.h"
#include "store/FileLock.h"
#include "store/MsalCacheFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <thread>

#include <sys/stat.h>

using namespace tenantry;
using namespace std::chrono_literals;
using tenantry::test::dataPath;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kEnv = QStringLiteral("login.microsoftonline.com");
const QString kHid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kTenant = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kFileName = QStringLiteral("msal_token_cache.json");
const QByteArray kBom("\xEF\xBB\xBF");
// A fake secret in a broken file: it must never reach an error message.
const QByteArray kCorrupt(R"({"AccessToken": {"k": {"secret": "FAKE-SECRET-MUST-NOT-SHOW", "realm": )");

QByteArray sampleBytes()
{
    return readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json")));
}

MsalCache parsed(const QByteArray& bytes)
{
    MsalCache cache;
    if (!MsalCache::parse(bytes, &cache, nullptr))
        qFatal("test data does not parse");
    return cache;
}

Json jsonOf(const QByteArray& bytes)
{
    return Json::parse(bytes.constBegin(), bytes.constEnd());
}

// The az sample plus what Tenantry does not know: an unknown section, an unknown field, another
// client's refresh token (Azure PowerShell) with an extension object. Formatted as MSAL Python writes.
Json sampleWithStrangers()
{
    Json doc = parsed(sampleBytes()).document();
    doc["AccessToken"].begin().value()["x_unknown_field"] = "keep me";
    doc["SomeoneElsesSection"] = {{"k", {{"a", 1}, {"b", {1, 2, 3}}}}};
    doc["RefreshToken"]["abc.def-login.windows.net-refreshtoken-1950a258-227b-4e31-a9cf-717495945fc2--"] = {
        {"credential_type", "RefreshToken"},
        {"secret", "fake-ps-rt"},
        {"home_account_id", "abc.def"},
        {"environment", "login.windows.net"},
        {"client_id", "1950a258-227b-4e31-a9cf-717495945fc2"},
        {"ext", {{"x", 1}}}};
    return doc;
}

AccessToken vaultToken(int i = 0)
{
    AccessToken t;
    t.homeAccountId = kHid;
    t.environment = kEnv;
    t.clientId = kCli;
    t.realm = kTenant;
    t.target = QStringLiteral("https://vault.azure.net/user_impersonation%1 https://vault.azure.net/.default").arg(i);
    t.secret = Secret(QStringLiteral("fake-kv-token-%1").arg(i));
    t.cachedAt = 1795422100;
    t.expiresOn = 1795425700;
    t.extendedExpiresOn = 1795425700;
    return t;
}

std::function<void(MsalCache&)> addVaultToken(int i = 0)
{
    return [i](MsalCache& cache) { cache.upsert(vaultToken(i)); };
}

int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

void chmodTo(const QString& path, int mode)
{
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
}

bool isAscii(const QByteArray& bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

FileLockOptions quickLock()
{
    FileLockOptions options;
    options.createTimeout = 200ms;
    options.lockTimeout = 200ms;
    options.retryInterval = 50ms;
    return options;
}

// A fixture: a fresh config dir holding `bytes` as the cache file (0600, as az creates it).
struct Fixture
{
    QTemporaryDir dir;
    QString path;
    explicit Fixture(const QByteArray* bytes = nullptr)
        : path(dir.filePath(kFileName))
    {
        if (bytes) {
            writeFile(path, *bytes);
            chmodTo(path, 0600);
        }
    }
};

} // namespace

class TestMsalCacheFile : public QObject
{
    Q_OBJECT

private slots:
    void missingFileIsAnEmptyCache()
    {
        Fixture f;
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Missing);
        QCOMPARE(r.cache.entryCount(), 0);
        QVERIFY(r.digest.sha256().isEmpty());
        QVERIFY(r.error.isEmpty());
    }

    void emptyFileIsAnEmptyCache()
    {
        const QByteArray empty;
        Fixture f(&empty);
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QCOMPARE(r.cache.entryCount(), 0);
        QCOMPARE(r.digest.sha256(), sha256(QByteArray()));
        QVERIFY(!r.hadBom);
    }

    void readsTheAzSample()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QVERIFY(r.cache == parsed(bytes));
        QCOMPARE(r.cache.accessTokens().size(), 4);
        QCOMPARE(r.digest.sha256(), sha256(bytes));
        QCOMPARE(r.digest.sha256().size(), 32);
        QVERIFY(!r.hadBom);
    }

    void noOpModifyWritesNothing()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        const QFileInfo before(f.path);
        const auto w = MsalCacheFile(f.path).modify([](MsalCache&) {});
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(!w.changed);
        QCOMPARE(w.status, MsalCacheFile::Status::Ok);
        QCOMPARE(w.digest.sha256(), sha256(bytes));
        QVERIFY(w.cache == parsed(bytes));
        QVERIFY(w.backupPath.isEmpty());
        QVERIFY(readFile(f.path) == bytes);
        QCOMPARE(QFileInfo(f.path).lastModified(), before.lastModified());
        QCOMPARE(entries(f.dir.path()), QStringList(kFileName)); // no lock file, no temp file
    }

    void changeKeepsEverythingElseByteForByte()
    {
        const Json original = sampleWithStrangers();
        const QByteArray bytes = json::dumpIndented4(original);
        Fixture f(&bytes);
        const auto w = MsalCacheFile(f.path).modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.changed);
        QVERIFY(w.backupPath.isEmpty());

        const QByteArray onDisk = readFile(f.path);
        Json expected = original;
        const std::string key = cachekeys::accessToken(vaultToken()).toStdString();
        const Json written = jsonOf(onDisk);
        QVERIFY(written["AccessToken"].contains(key));
        expected["AccessToken"][key] = written["AccessToken"][key];
        QVERIFY(written == expected); // the one new entry, and nothing else changed
        QCOMPARE(written["SomeoneElsesSection"]["k"]["b"].size(), std::size_t(3));
        QCOMPARE(written["AccessToken"].begin().value()["x_unknown_field"].get<std::string>(), std::string("keep me"));
        // The bytes are MSAL Python's json.dumps(indent=4): what az itself would have written.
        QVERIFY(onDisk == json::dumpIndented4(expected));
        QVERIFY(!onDisk.startsWith(kBom));
        QVERIFY(isAscii(onDisk));
        QCOMPARE(modeOf(f.path), 0600);
        QCOMPARE(w.digest.sha256(), sha256(onDisk));
        QVERIFY(w.cache == parsed(onDisk));
        QCOMPARE(entries(f.dir.path()), QStringList(kFileName));

        // And it reads back as the same cache, with the new token found by MSAL's lookup rules.
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QVERIFY(r.cache == w.cache);
        AccessTokenQuery q{kCli, kEnv, kHid, kTenant, {QStringLiteral("https://vault.azure.net/.default")}};
        const auto found = r.cache.findAccessToken(q, 1795422200);
        QVERIFY(found.has_value());
        QVERIFY(found->secret == vaultToken().secret);
    }

    void nonAsciiIsEscapedOnDisk()
    {
        // MSAL Python reads the file in the locale's encoding (cp1252 on Windows): ASCII only, \uXXXX.
        Fixture f;
        Account a;
        a.homeAccountId = QStringLiteral("u.t");
        a.environment = kEnv;
        a.realm = QStringLiteral("organizations");
        a.username = QStringLiteral("jos\u00e9@contoso.com");
        const auto w = MsalCacheFile(f.path).modify([&](MsalCache& c) { c.upsert(a); });
        QVERIFY2(w.ok, qPrintable(w.error));
        const QByteArray onDisk = readFile(f.path);
        QVERIFY(isAscii(onDisk));
        QVERIFY(onDisk.contains("jos\\u00e9@contoso.com"));
        QCOMPARE(MsalCacheFile(f.path).read().cache.accounts().first().username, a.username);
    }

    void newFileIsCreated0600InANewFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh/.azure/") + kFileName);
        const mode_t savedUmask = ::umask(022);
        const auto w = MsalCacheFile(path).modify(addVaultToken());
        ::umask(savedUmask);
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(w.status, MsalCacheFile::Status::Missing);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), 0700); // the folder it created is private
        const QByteArray onDisk = readFile(path);
        QVERIFY(onDisk == w.cache.serialize());
        QCOMPARE(parsed(onDisk).accessTokens().size(), 1);
        QCOMPARE(entries(QFileInfo(path).absolutePath()), QStringList(kFileName));

        // A no-op on a missing file creates nothing.
        QTemporaryDir other;
        const QString none = other.filePath(kFileName);
        const auto noop = MsalCacheFile(none).modify([](MsalCache&) {});
        QVERIFY(noop.ok && !noop.changed);
        QVERIFY(!QFileInfo::exists(none));
    }

    void looseModeIsTightenedTo0600()
    {
        // Refresh tokens never stay readable by others because the file az (or a user) left was.
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        chmodTo(f.path, 0666);
        QVERIFY(MsalCacheFile(f.path).modify(addVaultToken()).ok);
        QCOMPARE(modeOf(f.path), 0600);
    }

    void corruptFileIsNamedKeptAndBackedUpBeforeRewrite()
    {
        Fixture f(&kCorrupt);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Corrupt);
        QCOMPARE(r.cache.entryCount(), 0);
        QVERIFY2(r.error.contains(f.path), qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("FAKE-SECRET")));
        QVERIFY(!r.error.contains(QStringLiteral("AccessToken")));
        QCOMPARE(r.digest.sha256(), sha256(kCorrupt));
        QVERIFY(readFile(f.path) == kCorrupt);

        // A no-op without a fallback leaves it alone (nothing to gain), and says why it is unusable.
        const auto noop = file.modify([](MsalCache&) {});
        QVERIFY(noop.ok && !noop.changed);
        QCOMPARE(noop.status, MsalCacheFile::Status::Corrupt);
        QVERIFY(noop.error.contains(f.path));
        QVERIFY(readFile(f.path) == kCorrupt);
        QVERIFY(!QFileInfo::exists(f.path + QStringLiteral(".bak")));

        const auto w = file.modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(w.changed);
        QCOMPARE(w.status, MsalCacheFile::Status::Corrupt);
        QCOMPARE(w.backupPath, f.path + QStringLiteral(".bak"));
        QVERIFY(readFile(w.backupPath) == kCorrupt); // the original bytes, kept
        QCOMPARE(modeOf(w.backupPath), 0600);
        const MsalCache now = parsed(readFile(f.path));
        QCOMPARE(now.entryCount(), 1);
        QCOMPARE(file.read().status, MsalCacheFile::Status::Ok);
        QCOMPARE(entries(f.dir.path()), QStringList({kFileName, kFileName + QStringLiteral(".bak")}));
    }

    void truncatedFileWithFallbackKeepsBothCopies()
    {
        const QByteArray bytes = sampleBytes();
        const QByteArray truncated = bytes.left(bytes.size() / 2);
        Fixture f(&truncated);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Corrupt);
        QVERIFY2(r.error.contains(f.path), qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("eyJ"))); // no token text
        QVERIFY(readFile(f.path) == truncated);

        const MsalCache fallback = parsed(bytes); // e.g. the keychain's copy
        const auto w = file.modify(addVaultToken(), &fallback);
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(readFile(w.backupPath) == truncated);
        MsalCache expected = fallback;
        expected.upsert(vaultToken());
        QVERIFY(parsed(readFile(f.path)) == expected);

        // A fallback alone (no-op change) is written too: that is what it is for.
        writeFile(f.path, truncated);
        const auto restore = file.modify([](MsalCache&) {}, &fallback);
        QVERIFY(restore.ok && restore.changed);
        QVERIFY(readFile(f.path) == bytes);
        QCOMPARE(restore.backupPath, f.path + QStringLiteral(".bak.1"));
    }

    void jsonThatIsNotAnObjectIsCorrupt()
    {
        const QByteArray array("[1, 2, 3]");
        Fixture f(&array);
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Corrupt);
        QVERIFY2(r.error.contains(f.path), qPrintable(r.error));
    }

    void deeplyNestedFileIsCorruptNamedAndKept()
    {
        // A million levels overflowed the stack in nlohmann's recursive copy; now it is refused unparsed.
        const QByteArray deep =
            "{\"AccessToken\": {}, \"Deep\": " + QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}";
        Fixture f(&deep);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Corrupt);
        QCOMPARE(r.error, QStringLiteral("The token cache file %1 cannot be read: it nests arrays or objects more "
                                         "than 64 levels deep. It was left as it is.")
                              .arg(f.path));
        QVERIFY(readFile(f.path) == deep);

        // A write keeps it aside, byte for byte, as any unreadable cache file.
        const auto w = file.modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(readFile(w.backupPath) == deep);
        QCOMPARE(file.read().cache.accessTokens().size(), 1);
    }

    void shapesMsalCannotUseAreCorruptAndKept_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("string") << QByteArray("\"FAKE-SECRET-MUST-NOT-SHOW\"");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("section is a list") << QByteArray(R"({"RefreshToken": ["FAKE-SECRET-MUST-NOT-SHOW"]})");
        QTest::newRow("section is text") << QByteArray(R"({"AccessToken": "FAKE-SECRET-MUST-NOT-SHOW"})");
    }

    void shapesMsalCannotUseAreCorruptAndKept()
    {
        QFETCH(QByteArray, bytes);
        Fixture f(&bytes);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Corrupt);
        QVERIFY2(r.error.contains(f.path), qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("FAKE-SECRET")));
        QCOMPARE(file.modify([](MsalCache&) {}).changed, false);
        QVERIFY(readFile(f.path) == bytes);
        QCOMPARE(entries(f.dir.path()), QStringList({kFileName}));
    }

    void hugeFileIsNeitherReadNorWritten()
    {
        // Sparse: 64 MiB and one byte of zeros, cheap to make. Reading it whole (and backing it up) is what
        // must not happen; nothing may replace it either.
        Fixture f;
        QFile huge(f.path);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(json::kMaxDocumentBytes + 1));
        huge.close();
        MsalCacheFile file(f.path);
        QElapsedTimer timer;
        timer.start();
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::IoError);
        QCOMPARE(r.error, QStringLiteral("Cannot read the token cache file %1: it is larger than 64 MiB").arg(f.path));
        QVERIFY(r.digest.sha256().isEmpty());

        bool called = false;
        const auto w = file.modify([&](MsalCache& c) {
            called = true;
            c.upsert(vaultToken());
        });
        QVERIFY(!w.ok);
        QVERIFY(!called);
        QCOMPARE(w.status, MsalCacheFile::Status::IoError);
        QVERIFY2(w.error.contains(f.path) && w.error.contains(QStringLiteral("64 MiB")), qPrintable(w.error));
        QCOMPARE(QFileInfo(f.path).size(), json::kMaxDocumentBytes + 1);
        QCOMPARE(entries(f.dir.path()), QStringList({kFileName}));
        QVERIFY2(timer.elapsed() < 5000, "nothing of it was read");

        // At the limit it is read (and found to be no JSON).
        QVERIFY(huge.resize(json::kMaxDocumentBytes));
        QCOMPARE(file.read().status, MsalCacheFile::Status::Corrupt);
    }

    void endlessOrBlockingFilesAreRefused()
    {
        // A link to /dev/zero never ends; a FIFO blocks the open until a writer comes.
        QTemporaryDir dir;
        const QString path = dir.filePath(kFileName);
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
        QCOMPARE(MsalCacheFile(path).read().status, MsalCacheFile::Status::IoError);
        QVERIFY(QFile::remove(path));
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        const auto r = MsalCacheFile(path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::IoError);
        QCOMPARE(r.error, QStringLiteral("Cannot read the token cache file %1: it is not a regular file").arg(path));
    }

    void fifoAtTheCachePathIsNeverWrittenNorWaitedOn()
    {
        Fixture f;
        QVERIFY(::mkfifo(QFile::encodeName(f.path).constData(), 0600) == 0);
        QElapsedTimer timer;
        timer.start();
        const auto w = MsalCacheFile(f.path).modify(addVaultToken());
        QVERIFY(!w.ok);
        QCOMPARE(w.status, MsalCacheFile::Status::IoError);
        QVERIFY2(w.error.contains(f.path) && w.error.contains(QStringLiteral("not a regular file")),
                 qPrintable(w.error));
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(QFileInfo(f.path).exists() && !QFileInfo(f.path).isFile()); // still the FIFO
    }

    void plantedLockFileIsRefusedAndItsTargetUntouched()
    {
        // Someone links the lock file to a file of the user's: a write must not truncate that file.
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        const QString victim = f.dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray precious = "the user's notes\n";
        writeFile(victim, precious);
        QVERIFY(QFile::link(victim, f.path + QStringLiteral(".lockfile")));
        FileLockOptions options;
        options.createTimeout = 2s;
        options.lockTimeout = 2s;
        QElapsedTimer timer;
        timer.start();
        const auto w = MsalCacheFile(f.path, options).modify(addVaultToken());
        QVERIFY(!w.ok);
        QVERIFY2(w.error.contains(f.path + QStringLiteral(".lockfile")) &&
                     w.error.contains(QStringLiteral("symbolic link")),
                 qPrintable(w.error));
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(readFile(victim), precious);
        QCOMPARE(readFile(f.path), bytes); // and the cache was not written without the lock
    }

    void entriesOfTheWrongShapeAreKeptOnWrite()
    {
        const QByteArray junk = readFile(dataPath(QStringLiteral("hostile/msal_token_cache-junk-entries.json")));
        Fixture f(&junk);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QCOMPARE(r.cache.accessTokens().size(), 1);

        const auto w = file.modify(addVaultToken());
        QVERIFY2(w.ok && w.changed, qPrintable(w.error));
        QVERIFY(w.backupPath.isEmpty());
        Json onDisk = jsonOf(readFile(f.path));
        QCOMPARE(onDisk["AccessToken"].size(), jsonOf(junk)["AccessToken"].size() + 1);
        onDisk["AccessToken"].erase(cachekeys::accessToken(vaultToken()).toStdString());
        QCOMPARE(onDisk, jsonOf(junk));
        QCOMPARE(file.read().cache.accessTokens().size(), 2);
    }

    void existingBackupsAreNeverOverwritten()
    {
        Fixture f(&kCorrupt);
        writeFile(f.path + QStringLiteral(".bak"), "first backup");
        writeFile(f.path + QStringLiteral(".bak.1"), "second backup");
        const auto w = MsalCacheFile(f.path).modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(w.backupPath, f.path + QStringLiteral(".bak.2"));
        QVERIFY(readFile(w.backupPath) == kCorrupt);
        QCOMPARE(readFile(f.path + QStringLiteral(".bak")), QByteArray("first backup"));
        QCOMPARE(readFile(f.path + QStringLiteral(".bak.1")), QByteArray("second backup"));
    }

    void backupsArePrivateAndAtMostThreeAreKept()
    {
        Fixture f(&kCorrupt);
        chmodTo(f.path, 0644); // az's file, loose: its backup is not
        MsalCacheFile file(f.path);
        QStringList made;
        for (int i = 0; i < 5; ++i) {
            const QByteArray garbage = kCorrupt + QByteArray::number(i);
            writeFile(f.path, garbage);
            chmodTo(f.path, 0666);
            const auto w = file.modify(addVaultToken(i));
            QVERIFY2(w.ok, qPrintable(w.error));
            QVERIFY(!w.backupPath.isEmpty());
            QCOMPARE(modeOf(w.backupPath), 0600);
            QCOMPARE(readFile(w.backupPath), garbage);
            made << w.backupPath;
            std::this_thread::sleep_for(20ms); // distinct modification times: the age order is theirs
        }
        QCOMPARE(int(MsalCacheFile::kMaxBackups), 3);
        // The three newest stay, oldest first; the older two are gone.
        QCOMPARE(file.backupPaths(), made.mid(2));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(readFile(file.backupPaths().at(i)), kCorrupt + QByteArray::number(i + 2));
        QCOMPARE(modeOf(f.path), 0600);
    }

    void backupsMentioningAnAccountAreDeleted()
    {
        Fixture f;
        const QByteArray hidA = "aaaa.tenant", hidB = "bbbb.tenant";
        writeFile(f.path + QStringLiteral(".bak"), "{\"home_account_id\": \"" + hidA + "\", \"secret\": \"x");
        writeFile(f.path + QStringLiteral(".bak.1"), "{\"home_account_id\": \"" + hidB + "\"}");
        writeFile(f.path + QStringLiteral(".bak.7"), "\xEF\xBB\xBF{\"a\": \"" + hidA + hidB + "\"}");
        writeFile(f.path + QStringLiteral(".bakery"), hidA); // not a backup
        QVERIFY(QFile::link(f.path + QStringLiteral(".bak.1"), f.path + QStringLiteral(".bak.2")));
        QCOMPARE(MsalCacheFile(f.path).backupPaths().size(), 3); // the symlink is none of Tenantry's
        QString error;
        QVERIFY2(MsalCacheFile(f.path).removeBackupsMentioning({hidA}, &error), qPrintable(error));
        QCOMPARE(entries(f.dir.path()),
                 QStringList({kFileName + QStringLiteral(".bak.1"), kFileName + QStringLiteral(".bak.2"),
                              kFileName + QStringLiteral(".bakery")}));
    }

    void removeDeletesBackupsAndLeftoverTempFilesToo()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        writeFile(f.path + QStringLiteral(".bak"), bytes);
        writeFile(f.path + QStringLiteral(".bak.3"), bytes);
        writeFile(f.dir.filePath(QStringLiteral(".msal_token_cache.json.tmp-AbC123")), bytes); // a killed writer's
        writeFile(f.dir.filePath(QStringLiteral("azureProfile.json")), "{}");
        QString error;
        QVERIFY2(MsalCacheFile(f.path).remove(&error), qPrintable(error));
        QCOMPARE(entries(f.dir.path()), QStringList(QStringLiteral("azureProfile.json")));
    }

    // Writers killed (SIGKILL) at random moments never leave a file that does not parse; what they leave
    // (a lock file, AtomicFile temporaries) is cleaned up by the next writer under the lock.
    void killedWritersNeverLeaveAnUnparsableFile()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        const QString tempGlob = QStringLiteral(".msal_token_cache.json.tmp-*");
        QRandomGenerator random(20261129);
        int leftTemps = 0;
        int kills = 0;
        for (int round = 0; round < 25; ++round) {
            std::vector<std::unique_ptr<QProcess>> processes;
            for (int i = 0; i < 3; ++i) {
                auto p = std::make_unique<QProcess>();
                p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                p->start(QStringLiteral(TENANTRY_BIN_DIR "/cache-writer"),
                         {f.path, QStringLiteral("k%1-%2").arg(round).arg(i), QStringLiteral("100000")});
                QVERIFY(p->waitForStarted(10000));
                processes.push_back(std::move(p));
            }
            for (auto& p : processes) {
                QTest::qWait(int(random.bounded(5, 120)));
                p->kill(); // SIGKILL: no destructor, no cleanup
                ++kills;
            }
            for (auto& p : processes) // SIGKILL waits for an fsync in progress: slow on a busy disk
                QVERIFY(p->state() == QProcess::NotRunning || p->waitForFinished(60000));
            const auto r = MsalCacheFile(f.path).read();
            QVERIFY2(r.status == MsalCacheFile::Status::Ok,
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(r.error)));
            QVERIFY(r.cache.accessTokens().size() >= parsed(bytes).accessTokens().size());
            leftTemps += int(QDir(f.dir.path()).entryList({tempGlob}, QDir::Files | QDir::Hidden).size());
        }
        qInfo("%d kills left %d temporary files behind (each cleaned by the next writer)", kills, leftTemps);
        // One clean write: the lock file of a killed holder is taken over, leftovers are deleted.
        const auto w = MsalCacheFile(f.path, quickLock()).modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(entries(f.dir.path()), QStringList(kFileName));
        QCOMPARE(modeOf(f.path), 0600);
    }

    void bomIsReadBackedUpAndDropped()
    {
        const QByteArray withBom = kBom + sampleBytes();
        Fixture f(&withBom);
        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QVERIFY(r.hadBom);
        QVERIFY(r.cache == parsed(sampleBytes()));
        QCOMPARE(r.digest.sha256(), sha256(withBom));
        QVERIFY(readFile(f.path) == withBom);

        // The document is what it was: a no-op writes nothing, BOM or not.
        const auto noop = file.modify([](MsalCache&) {});
        QVERIFY(noop.ok && !noop.changed);
        QVERIFY(readFile(f.path) == withBom);

        const auto w = file.modify(addVaultToken());
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(w.backupPath, f.path + QStringLiteral(".bak"));
        QVERIFY(readFile(w.backupPath) == withBom);
        const QByteArray onDisk = readFile(f.path);
        QVERIFY(!onDisk.startsWith(kBom));
        MsalCache expected = parsed(sampleBytes());
        expected.upsert(vaultToken());
        QVERIFY(onDisk == expected.serialize());
        QVERIFY(!file.read().hadBom);

        // A BOM alone is an empty cache.
        writeFile(f.path, kBom + "\n");
        const auto bomOnly = file.read();
        QCOMPARE(bomOnly.status, MsalCacheFile::Status::Ok);
        QVERIFY(bomOnly.hadBom);
    }

    void unreadablePathIsAnIoErrorAndNeverWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(kFileName);
        QVERIFY(QDir().mkpath(path)); // a folder where the file should be
        MsalCacheFile file(path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::IoError);
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        bool called = false;
        const auto w = file.modify([&](MsalCache& c) {
            called = true;
            c.upsert(vaultToken());
        });
        QVERIFY(!w.ok);
        QCOMPARE(w.status, MsalCacheFile::Status::IoError);
        QVERIFY(!called);
        QVERIFY(QFileInfo(path).isDir());
        QVERIFY(!QFileInfo::exists(file.lockPath()));
    }

    void lockTimeoutWritesNothing()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        MsalCacheFile file(f.path, quickLock());
        FileLock other(file.lockPath());
        QVERIFY(other.acquire());
        bool called = false;
        const auto w = file.modify([&](MsalCache& c) {
            called = true;
            c.upsert(vaultToken());
        });
        QVERIFY(!w.ok);
        QVERIFY(!w.changed);
        QCOMPARE(w.status, MsalCacheFile::Status::LockTimeout);
        QVERIFY2(w.error.contains(file.lockPath()), qPrintable(w.error));
        QVERIFY(!called);
        QVERIFY(readFile(f.path) == bytes);
        QVERIFY(QFileInfo::exists(file.lockPath())); // still the other holder's

        QString error;
        QVERIFY(!file.remove(&error));
        QVERIFY2(error.contains(file.lockPath()), qPrintable(error));
        QVERIFY(QFileInfo::exists(f.path));
    }

    void readIsLockFree()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        MsalCacheFile file(f.path);
        FileLock other(file.lockPath());
        QVERIFY(other.acquire());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(file.read().status, MsalCacheFile::Status::Ok);
        QVERIFY(timer.elapsed() < 200);
    }

    void halfWrittenFileIsReadAgainWhileAWriterHoldsTheLock()
    {
        // MSAL Python truncates, then writes, under the lock: a lock-free read may see an empty file.
        const QByteArray bytes = sampleBytes();
        const QByteArray empty;
        Fixture f(&empty);
        MsalCacheFile file(f.path);
        auto writer = std::make_unique<FileLock>(file.lockPath());
        QVERIFY(writer->acquire());
        std::thread finish([&] {
            std::this_thread::sleep_for(300ms);
            writeFile(f.path, bytes);
            writer->release();
        });
        const auto r = file.read();
        finish.join();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        QVERIFY(r.cache == parsed(bytes));

        // Without a writer at work a broken file is reported at once.
        writeFile(f.path, kCorrupt);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(file.read().status, MsalCacheFile::Status::Corrupt);
        QVERIFY(timer.elapsed() < 200);
    }

    void removeDeletesTheFileUnderTheLock()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        MsalCacheFile file(f.path);
        QString error;
        QVERIFY2(file.remove(&error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(f.path));
        QVERIFY(!QFileInfo::exists(file.lockPath()));
        QVERIFY(file.remove(&error)); // already gone: fine
        QVERIFY(MsalCacheFile(f.dir.filePath(QStringLiteral("no/such/dir/x.json"))).remove(&error));
        QVERIFY(entries(f.dir.path()).isEmpty());
    }

    void concurrentWritersLoseNothing()
    {
        const QByteArray bytes = sampleBytes();
        Fixture f(&bytes);
        const int writers = 3;
        const int perWriter = 30;
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < writers; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QStringLiteral(TENANTRY_BIN_DIR "/cache-writer"),
                     {f.path, QStringLiteral("w%1").arg(i), QString::number(perWriter), QStringLiteral("--pause-ms"),
                      QStringLiteral("10")}); // a pause lets the writers interleave
            processes.push_back(std::move(p));
        }
        for (auto& p : processes) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        const MsalCache sample = parsed(bytes);
        QCOMPARE(r.cache.accessTokens().size(), sample.accessTokens().size() + writers * perWriter);
        for (int i = 0; i < writers; ++i) {
            for (int n = 0; n < perWriter; ++n) {
                const QString target = QStringLiteral("https://cache-writer.invalid/w%1/%2/.default").arg(i).arg(n);
                AccessTokenQuery q{kCli, kEnv, kHid, kTenant, {target}};
                QVERIFY2(r.cache.findAccessToken(q, 0).has_value(), qPrintable(target));
            }
        }
        // az's own entries are all still there, unchanged.
        for (const auto& [section, items] : sample.document().items()) {
            for (const auto& [key, value] : items.items()) {
                const Json& now = r.cache.document().at(section);
                QVERIFY(now.contains(key) && now.at(key) == value);
            }
        }
        QCOMPARE(modeOf(f.path), 0600);
        QCOMPARE(entries(f.dir.path()), QStringList(kFileName));
    }
};

QTEST_GUILESS_MAIN(TestMsalCacheFile)
#include "TestMsalCacheFile.moc"
