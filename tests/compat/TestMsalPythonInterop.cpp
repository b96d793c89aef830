// Tenantry's MSAL cache file against the real MSAL Python 1.21 and msal-extensions 1.0 (Debian packages,
// /usr/bin/python3): each reads what the other wrote, MSAL's updates and removals of Tenantry's entries
// leave no duplicates (Tenantry's keys are MSAL's), the two lock implementations exclude each other,
// and concurrent writers on both sides lose nothing. Offline; helper: tests/compat/msal_interop.py.

#include "TestConfig.h"
#include "cache/CacheKeys.h"
#include "fakes/TestFiles.h"
#include "store/FileLock.h"
#include "store/MsalCacheFile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace tenantry;
using tenantry::test::dataPath;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // the one with msal; not PATH's python3
const QString kScript = QStringLiteral(TENANTRY_SOURCE_DIR "/tests/compat/msal_interop.py");
const QString kCli = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kEnv = QStringLiteral("login.microsoftonline.com");
const QString kTenant = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kSamHid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
// A second user Tenantry signs in (fake values throughout).
const QString kKimUid = QStringLiteral("5e5e5e5e-7777-4888-9999-aaaabbbbcccc");
const QString kKimHid = kKimUid + QLatin1Char('.') + kTenant;
const QString kKim = QStringLiteral("kim@northwind.example");
const QString kGraphTarget =
    QStringLiteral("https://graph.microsoft.com/User.Read https://graph.microsoft.com/.default");
const QString kGraphDefault = QStringLiteral("https://graph.microsoft.com/.default");

QString sha256Hex(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Json jsonLine(const QByteArray& bytes)
{
    Json parsed = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    return parsed.is_discarded() ? Json() : parsed;
}

QString str(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// A number in the helper's answer, or -1 when the helper failed or left it out.
int intOf(const Json& answer, const char* field)
{
    return answer.is_object() && answer.contains(field) && answer[field].is_number_integer() ? answer[field].get<int>()
                                                                                             : -1;
}

// Runs msal_interop.py and returns its JSON answer (null on failure, with the reason logged).
Json python(const QStringList& args, int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(kPython, QStringList{kScript} + args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "msal_interop.py" << args.value(0) << "failed, exit code" << p.exitCode();
        return Json();
    }
    return jsonLine(p.readAllStandardOutput());
}

// What a sign-in of Kim in the tenant leaves, as Tenantry writes it (same shape as MSAL's __add).
void signInKim(MsalCache& cache, const QString& accessToken, qint64 now)
{
    AccessToken at;
    at.homeAccountId = kKimHid;
    at.environment = kEnv;
    at.clientId = kCli;
    at.realm = kTenant;
    at.target = kGraphTarget;
    at.secret = Secret(accessToken);
    at.cachedAt = now;
    at.expiresOn = now + 3600;
    at.extendedExpiresOn = now + 3600;
    cache.upsert(at);
    Account account;
    account.homeAccountId = kKimHid;
    account.environment = kEnv;
    account.realm = kTenant;
    account.localAccountId = kKimUid;
    account.username = kKim;
    account.accountSource = QStringLiteral("authorization_code"); // as MSAL Python >= 1.25 writes it
    cache.upsert(account);
    IdToken idt;
    idt.homeAccountId = kKimHid;
    idt.environment = kEnv;
    idt.realm = kTenant;
    idt.clientId = kCli;
    idt.secret = Secret(QStringLiteral("fake-id-token-kim"));
    cache.upsert(idt);
    RefreshToken rt;
    rt.homeAccountId = kKimHid;
    rt.environment = kEnv;
    rt.clientId = kCli;
    rt.target = kGraphTarget;
    rt.familyId = QStringLiteral("1");
    rt.secret = Secret(QStringLiteral("fake-rt-kim"));
    rt.lastModificationTime = now;
    cache.upsert(rt);
    cache.upsert(AppMetadata{QString(), kCli, kEnv, QStringLiteral("1")});
}

template <typename Entry> int countFor(const QList<Entry>& entries, const QString& homeAccountId)
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [&](const Entry& e) { return e.homeAccountId == homeAccountId; }));
}

struct Fixture
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("msal_token_cache.json"));

    void copySample()
    {
        writeFile(path, readFile(dataPath(QStringLiteral("azure-cli-2.45/msal_token_cache.json"))));
        ::chmod(QFile::encodeName(path).constData(), 0600);
    }
};

bool formatIsMsals(const QString& path)
{
    const Json f = python({QStringLiteral("check-format"), path});
    return f.is_object() && f["bom"] == false && f["ascii"] == true && f["identical_to_msal_serialize"] == true;
}

bool keysAreCanonical(const QString& path, int expectedEntries)
{
    const Json k = python({QStringLiteral("keys-canonical"), path});
    return k.is_object() && k["mismatches"].empty() && k["checked"] == expectedEntries;
}

} // namespace

class TestMsalPythonInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QProcess probe;
        probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import msal, msal_extensions")});
        if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
            QSKIP("/usr/bin/python3 with msal and msal_extensions (python3-msal, python3-msal-extensions) is needed");
    }

    void msalPythonFindsTenantryTokensAndAccounts()
    {
        Fixture f;
        f.copySample();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString token = QStringLiteral("fake-graph-at-written-by-tenantry");
        const auto w = MsalCacheFile(f.path).modify([&](MsalCache& c) { signInKim(c, token, now); });
        QVERIFY2(w.ok, qPrintable(w.error));

        QVERIFY(formatIsMsals(f.path));
        QVERIFY(keysAreCanonical(f.path, w.cache.entryCount()));

        // az's path: get_accounts(username) then acquire_token_silent, answered from the cache alone.
        const Json s = python({QStringLiteral("silent"), f.path, kTenant, kKim, kGraphDefault});
        QVERIFY(s.is_object());
        QVERIFY(s["usernames"] == Json::array({"kim@northwind.example", "sam@northwind.example"}));
        QCOMPARE(intOf(s, "matching_accounts"), 1);
        QVERIFY(s["found"] == true);
        QVERIFY(str(s["token_sha256"]) == sha256Hex(token)); // the very token Tenantry wrote
        QCOMPARE(intOf(s, "token_requests"), 0);
    }

    void tenantryReadsWhatMsalPythonWrote()
    {
        Fixture f;
        const QString token = QStringLiteral("fake-at-written-by-msal-python");
        const Json spec = {
            {"uid", kKimUid.toStdString()},
            {"utid", kTenant.toStdString()},
            {"tenant", kTenant.toStdString()},
            {"scopes", {"https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/.default"}},
            {"access_token", token.toStdString()},
            {"refresh_token", "fake-rt-from-python"},
            {"username", kKim.toStdString()}};
        QVERIFY(python({QStringLiteral("add"), f.path, QString::fromStdString(spec.dump())}).is_object());

        MsalCacheFile file(f.path);
        const auto r = file.read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        const MsalCache& cache = r.cache;
        QCOMPARE(cache.accounts().size(), 1);
        QCOMPARE(cache.accounts().first().username, kKim);
        QCOMPARE(cache.accounts().first().homeAccountId, kKimHid);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto found = cache.findAccessToken({kCli, kEnv, kKimHid, kTenant, {kGraphDefault}}, now);
        QVERIFY(found.has_value());
        QVERIFY(sha256Hex(found->secret.reveal()) == sha256Hex(token));
        QCOMPARE(cache.refreshTokensFor(kKimHid, kEnv, kCli).size(), 1);
        QCOMPARE(cache.refreshTokens().first().familyId, QStringLiteral("1"));
        QVERIFY(cache.idTokenFor(kKimHid, kEnv, kCli, kTenant).has_value());
        // MSAL's keys are the ones Tenantry computes.
        for (const AccessToken& t : cache.accessTokens())
            QCOMPARE(cachekeys::accessToken(t), t.key);
        for (const RefreshToken& t : cache.refreshTokens())
            QCOMPARE(cachekeys::refreshToken(t), t.key);
        for (const IdToken& t : cache.idTokens())
            QCOMPARE(cachekeys::idToken(t), t.key);
        for (const Account& a : cache.accounts())
            QCOMPARE(cachekeys::account(a), a.key);
        for (const AppMetadata& m : cache.appMetadata())
            QCOMPARE(cachekeys::appMetadata(m), m.key);

        // Re-writing Kim's own sign-in is a no-op: nothing written. A change keeps MSAL's exact format.
        const QByteArray before = readFile(f.path);
        const auto same = file.modify([&](MsalCache& c) { c.upsert(cache.accounts().first()); });
        QVERIFY(same.ok && !same.changed);
        QVERIFY(readFile(f.path) == before);
        const auto w = file.modify([&](MsalCache& c) { signInKim(c, QStringLiteral("fake-newer-at"), now); });
        QVERIFY2(w.ok && w.changed, qPrintable(w.error));
        QVERIFY(formatIsMsals(f.path));
        QCOMPARE(MsalCacheFile(f.path).read().cache.accessTokens().size(), 1); // replaced, not duplicated
    }

    void msalUpdatesAndRemovesTenantryEntriesWithoutDuplicates()
    {
        Fixture f;
        f.copySample();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        MsalCacheFile file(f.path);
        const auto w = file.modify([&](MsalCache& c) { signInKim(c, QStringLiteral("fake-at-1"), now); });
        QVERIFY2(w.ok, qPrintable(w.error));
        const MsalCache before = MsalCacheFile(f.path).read().cache;
        const QString rtKey = w.cache.refreshTokensFor(kKimHid, kEnv, kCli).first().key;

        // MSAL rotates the refresh token in place: same key, new secret, nothing duplicated.
        const Json rotated = python({QStringLiteral("rotate-rt"), f.path, kKimHid, QStringLiteral("fake-rt-rotated")});
        QCOMPARE(intOf(rotated, "rotated"), 1);
        MsalCache c = file.read().cache;
        QCOMPARE(countFor(c.refreshTokens(), kKimHid), 1);
        const RefreshToken rt = c.refreshTokensFor(kKimHid, kEnv, kCli).first();
        QCOMPARE(rt.key, rtKey);
        QVERIFY(rt.secret == Secret(QStringLiteral("fake-rt-rotated")));
        QCOMPARE(rt.familyId, QStringLiteral("1"));

        // MSAL re-adds the same access token (a refresh): it replaces Tenantry's entry.
        const Json spec = {
            {"uid", kKimUid.toStdString()},
            {"utid", kTenant.toStdString()},
            {"tenant", kTenant.toStdString()},
            {"scopes", {"https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/.default"}},
            {"access_token", "fake-at-2"},
            {"refresh", true}}; // a silent refresh: MSAL creates no Account entry
        QVERIFY(python({QStringLiteral("add"), f.path, QString::fromStdString(spec.dump())}).is_object());
        c = file.read().cache;
        QCOMPARE(countFor(c.accessTokens(), kKimHid), 1);
        const auto at = c.findAccessToken({kCli, kEnv, kKimHid, kTenant, {kGraphDefault}}, now);
        QVERIFY(at.has_value());
        QVERIFY(at->secret == Secret(QStringLiteral("fake-at-2")));

        // az logout kim: MSAL's remove_account finds and removes every entry Tenantry wrote for her.
        const Json removed = python({QStringLiteral("remove-account"), f.path, kTenant, kKim});
        QCOMPARE(intOf(removed, "removed_accounts"), 1);
        QCOMPARE(intOf(removed, "token_requests"), 0);
        c = file.read().cache;
        QCOMPARE(countFor(c.accessTokens(), kKimHid), 0);
        QCOMPARE(countFor(c.refreshTokens(), kKimHid), 0);
        QCOMPARE(countFor(c.idTokens(), kKimHid), 0);
        QCOMPARE(countFor(c.accounts(), kKimHid), 0);
        // Sam's entries (az's) are untouched; AppMetadata stays, as MSAL keeps it.
        QCOMPARE(countFor(c.accessTokens(), kSamHid), countFor(before.accessTokens(), kSamHid));
        QCOMPARE(countFor(c.refreshTokens(), kSamHid), 1);
        QCOMPARE(c.accounts().size(), 1);
        QCOMPARE(c.appMetadata().size(), 1);
        // And Tenantry can keep writing the file MSAL wrote.
        QVERIFY(file.modify([&](MsalCache& m) { signInKim(m, QStringLiteral("fake-at-3"), now); }).ok);
        QVERIFY(formatIsMsals(f.path));
    }

    void tenantryWaitsForMsalExtensionsLock()
    {
        Fixture f;
        const QString lockPath = MsalCacheFile(f.path).lockPath();
        QProcess holder;
        holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        holder.start(kPython, {kScript, QStringLiteral("hold-lock"), lockPath, QStringLiteral("1.0")});
        QVERIFY(holder.waitForReadyRead(20000));
        QVERIFY(holder.readLine().startsWith("locked"));
        // msal-extensions' content: "<pid> <sys.argv[0]>", no newline.
        QCOMPARE(readFile(lockPath), QByteArray(QByteArray::number(holder.processId()) + ' ' + kScript.toUtf8()));

        QElapsedTimer timer;
        timer.start();
        FileLock lock(lockPath);
        QVERIFY2(lock.acquire(), qPrintable(lock.error()));
        QVERIFY2(timer.elapsed() >= 600 && timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        lock.release();
        QVERIFY(!QFileInfo::exists(lockPath));
    }

    void msalExtensionsWaitsForTenantrysLock()
    {
        Fixture f;
        const QString lockPath = MsalCacheFile(f.path).lockPath();
        FileLock lock(lockPath);
        QVERIFY(lock.acquire());
        QProcess waiter;
        waiter.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        waiter.start(kPython, {kScript, QStringLiteral("time-lock"), lockPath});
        QVERIFY(waiter.waitForStarted());
        // Python starts (0.4 s, seconds on a loaded machine), says it is about to lock, then has to wait for us.
        QVERIFY(waiter.waitForReadyRead(30000));
        QCOMPARE(waiter.readLine(), QByteArray("waiting\n"));
        QTest::qWait(800);
        QCOMPARE(waiter.state(), QProcess::Running);
        lock.release();
        QVERIFY(waiter.waitForFinished(10000));
        QCOMPARE(waiter.exitCode(), 0);
        const Json t = jsonLine(waiter.readAllStandardOutput());
        QVERIFY(t.is_object() && t["waited"].is_number());
        QVERIFY(t["waited"].get<double>() > 0.3);
        QVERIFY(t["content_is_ours"] == true);
        QVERIFY(t["removed"] == true);
    }

    void concurrentWritersOnBothSidesLoseNothing()
    {
        Fixture f;
        f.copySample();
        const int pythonAdds = 15;
        const int tenantryAdds = 30;
        QProcess py;
        py.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        py.start(kPython, {kScript, QStringLiteral("persisted-writer"), f.path, QStringLiteral("py"),
                           QString::number(pythonAdds), QStringLiteral("20")});
        QProcess cpp;
        cpp.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        cpp.start(QStringLiteral(TENANTRY_BIN_DIR "/cache-writer"),
                  {f.path, QStringLiteral("cpp"), QString::number(tenantryAdds), QStringLiteral("--pause-ms"),
                   QStringLiteral("20")}); // pauses let the two interleave
        QVERIFY(py.waitForFinished(60000));
        QVERIFY(cpp.waitForFinished(60000));
        QCOMPARE(py.exitCode(), 0);
        QCOMPARE(cpp.exitCode(), 0);

        const auto r = MsalCacheFile(f.path).read();
        QCOMPARE(r.status, MsalCacheFile::Status::Ok);
        int fromPython = 0;
        int fromTenantry = 0;
        for (const AccessToken& t : r.cache.accessTokens()) {
            fromPython += t.target.startsWith(QStringLiteral("https://msal-python.invalid/py/"));
            fromTenantry += t.target.startsWith(QStringLiteral("https://cache-writer.invalid/cpp/"));
        }
        QCOMPARE(fromPython, pythonAdds);
        QCOMPARE(fromTenantry, tenantryAdds);
        QVERIFY(keysAreCanonical(f.path, r.cache.entryCount()));
        QVERIFY(!QFileInfo::exists(MsalCacheFile(f.path).lockPath()));
    }
};

QTEST_GUILESS_MAIN(TestMsalPythonInterop)
#include "TestMsalPythonInterop.moc"
