#include "store/KeychainStore.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <qt6keychain/keychain.h>

#include <optional>

using namespace tenantry;
using Status = SecretStoreResult::Status;

namespace {

// Items of this test live under their own service name, in the private keyring of
// scripts/with-test-session.sh.
const QString kService = QStringLiteral("Tenantry-test");
const char* kChildEnv = "TENANTRY_KEYCHAIN_TEST_CHILD";

QByteArray randomBlob(int size)
{
    QByteArray blob(size, Qt::Uninitialized);
    QRandomGenerator generator(4711);
    for (char& c : blob)
        c = char(generator.bounded(256));
    blob[0] = '\0'; // binary for sure: a NUL and every byte value
    return blob;
}

QString uniqueKey(const char* name)
{
    return QStringLiteral("test:%1:%2").arg(QLatin1String(name)).arg(QRandomGenerator::global()->generate());
}

// Runs one asynchronous store call to completion and checks the callback never came synchronously.
template <typename Start> SecretStoreResult await(Start start, int timeoutMs = 20000)
{
    std::optional<SecretStoreResult> result;
    start([&result](const SecretStoreResult& r) { result = r; });
    if (result)
        qFatal("SecretStore called back re-entrantly");
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        qFatal("SecretStore never called back");
    return *result;
}

SecretStoreResult readKey(SecretStore& store, const QString& key)
{
    return await([&](SecretStore::Callback done) { store.read(key, std::move(done)); });
}

SecretStoreResult writeKey(SecretStore& store, const QString& key, const QByteArray& data)
{
    return await([&](SecretStore::Callback done) { store.write(key, data, std::move(done)); });
}

SecretStoreResult removeKey(SecretStore& store, const QString& key)
{
    return await([&](SecretStore::Callback done) { store.remove(key, std::move(done)); });
}

// One item exactly as stored, bypassing KeychainStore's chunk handling.
QByteArray rawItem(const QString& key)
{
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(false);
    job->setKey(key);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&finished] { finished = true; });
    job->start();
    if (!QTest::qWaitFor([&finished] { return finished; }, 20000))
        qFatal("keychain never answered");
    const QByteArray data = job->error() == QKeychain::NoError ? job->binaryData() : QByteArray();
    delete job;
    return data;
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet(kChildEnv))
            return;
        if (!qEnvironmentVariableIsSet("TENANTRY_IN_TEST_SESSION"))
            QSKIP("needs the private Secret Service: run inside scripts/with-test-session.sh");
    }

    void roundTripOf20KBBinaryBlob()
    {
        KeychainStore store(kService, nullptr);
        QCOMPARE(store.maxChunkSize(), 0); // unlimited on Linux
        const QString key = uniqueKey("blob");
        const QByteArray blob = randomBlob(20 * 1024);

        const SecretStoreResult written = writeKey(store, key, blob);
        QVERIFY2(written.ok(), qPrintable(written.error));
        const SecretStoreResult read = readKey(store, key);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.data.size(), blob.size());
        QVERIFY(read.data == blob);

        // Overwrite with a smaller value, then remove.
        QVERIFY(writeKey(store, key, QByteArrayLiteral("small")).ok());
        QCOMPARE(readKey(store, key).data, QByteArrayLiteral("small"));
        QVERIFY(removeKey(store, key).ok());
        QCOMPARE(readKey(store, key).status, Status::NotFound);
    }

    void readOfMissingKeyIsNotFound()
    {
        KeychainStore store(kService, nullptr);
        const SecretStoreResult result = readKey(store, uniqueKey("missing"));
        QCOMPARE(result.status, Status::NotFound);
        QVERIFY(result.data.isEmpty());
        QCOMPARE(removeKey(store, uniqueKey("missing")).status, Status::NotFound);
    }

    void defaultServiceNameIsTenantry()
    {
        KeychainStore store;
        QCOMPARE(store.serviceName(), QStringLiteral("Tenantry"));
        QCOMPARE(store.backendName(), QStringLiteral("Secret Service"));
    }

    void valueThatLooksLikeAChunkHeaderRoundTrips()
    {
        KeychainStore store(kService, nullptr);
        const QString key = uniqueKey("header");
        const QByteArray tricky = QByteArrayLiteral("tenantry-chunked/1 3 abc\nnot really chunked");
        QVERIFY(writeKey(store, key, tricky).ok());
        QCOMPARE(readKey(store, key).data, tricky);
        QVERIFY(removeKey(store, key).ok());
    }

    void chunkedRoundTripShrinkAndRemove()
    {
        // Each Secret Service call takes tens of milliseconds: a modest blob and chunk count keep this quick.
        KeychainStore chunked(kService, nullptr);
        chunked.setMaxChunkSize(1024);
        KeychainStore plain(kService, nullptr); // unlimited: reads chunk items one by one as they are
        const QString key = uniqueKey("chunked");
        const QByteArray blob = randomBlob(8 * 1024);
        const int bigCount = int((blob.toBase64().size() + 1023) / 1024);
        QCOMPARE(bigCount, 11);

        QVERIFY(writeKey(chunked, key, blob).ok());
        const QByteArray first = rawItem(key);
        QVERIFY(first.startsWith("tenantry-chunked/1 11 "));
        QVERIFY(first.size() < 1024 + 100);
        for (int i = 1; i < bigCount; ++i) {
            const SecretStoreResult chunk = readKey(plain, KeychainStore::chunkKey(key, i));
            QVERIFY2(chunk.ok(), qPrintable(QString::number(i)));
            QVERIFY(chunk.data.size() <= 1024);
        }
        QCOMPARE(readKey(plain, KeychainStore::chunkKey(key, bigCount)).status, Status::NotFound);
        const SecretStoreResult back = readKey(chunked, key);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY(back.data == blob);
        // A reader with another chunk size understands the layout too (chunking is a write-side choice).
        QVERIFY(readKey(plain, key).data == blob);

        // Shrink to two chunks: the other nine must be gone.
        const QByteArray smaller = randomBlob(1500);
        QVERIFY(writeKey(chunked, key, smaller).ok());
        QVERIFY(readKey(chunked, key).data == smaller);
        QVERIFY(rawItem(key).startsWith("tenantry-chunked/1 2 "));
        QVERIFY(readKey(plain, KeychainStore::chunkKey(key, 1)).ok());
        for (int i = 2; i <= bigCount; ++i)
            QCOMPARE(readKey(plain, KeychainStore::chunkKey(key, i)).status, Status::NotFound);

        // Shrink to one plain item: it fits, so no header and no chunks.
        QVERIFY(writeKey(chunked, key, QByteArrayLiteral("tiny")).ok());
        QCOMPARE(rawItem(key), QByteArrayLiteral("tiny"));
        QCOMPARE(readKey(plain, KeychainStore::chunkKey(key, 1)).status, Status::NotFound);

        // Grow again, then remove everything.
        QVERIFY(writeKey(chunked, key, blob).ok());
        QVERIFY(readKey(plain, KeychainStore::chunkKey(key, bigCount - 1)).ok());
        QVERIFY(removeKey(chunked, key).ok());
        for (int i = 0; i <= bigCount; ++i)
            QCOMPARE(readKey(plain, KeychainStore::chunkKey(key, i)).status, Status::NotFound);
    }

    void damagedChunkSetIsAnErrorNotData()
    {
        KeychainStore chunked(kService, nullptr);
        chunked.setMaxChunkSize(512);
        KeychainStore plain(kService, nullptr);
        const QString key = uniqueKey("damaged");
        const QByteArray blob = randomBlob(2000);
        QVERIFY(writeKey(chunked, key, blob).ok());

        QVERIFY(writeKey(plain, KeychainStore::chunkKey(key, 2), QByteArray(512, 'A')).ok());
        const SecretStoreResult inconsistent = readKey(chunked, key);
        QCOMPARE(inconsistent.status, Status::Failed);
        QVERIFY(inconsistent.data.isEmpty());
        QVERIFY2(inconsistent.error.contains(QLatin1String("inconsistent")), qPrintable(inconsistent.error));

        QVERIFY(removeKey(plain, KeychainStore::chunkKey(key, 3)).ok());
        const SecretStoreResult incomplete = readKey(chunked, key);
        QCOMPARE(incomplete.status, Status::Failed);
        QVERIFY2(incomplete.error.contains(QLatin1String("chunk 4 of")), qPrintable(incomplete.error));
        QVERIFY(removeKey(chunked, key).ok());
    }

    void operationsRunInOrder()
    {
        KeychainStore store(kService, nullptr);
        store.setMaxChunkSize(300);
        const QString key = uniqueKey("order");
        QList<int> order;
        std::optional<SecretStoreResult> last;
        store.write(key, randomBlob(3000), [&](const SecretStoreResult& r) {
            order << 1;
            QVERIFY(r.ok());
        });
        store.write(key, QByteArrayLiteral("second"), [&](const SecretStoreResult& r) {
            order << 2;
            QVERIFY(r.ok());
        });
        store.read(key, [&](const SecretStoreResult& r) {
            order << 3;
            last = r;
        });
        QVERIFY(order.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 20000);
        QCOMPARE(order, (QList<int>{1, 2, 3}));
        QCOMPARE(last->data, QByteArrayLiteral("second"));
        QVERIFY(removeKey(store, key).ok());
    }

    // No session bus at all: the keychain must say so quickly and plainly. QtKeychain picks its
    // backend once per process, so this runs in a child process with a dead bus address.
    void unavailableWithoutSessionBus()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/tenantry-bus"));
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
        runChild(env, QCoreApplication::applicationFilePath(), {});
    }

    // A session bus with no Secret Service on it (and none it could start).
    void unavailableWithoutSecretService() { runChildOnPrivateBus(false); }

    // A bus that swallows the replies: the service never answers, and the store must not wait forever.
    void unavailableWhenTheServiceNeverAnswers() { runChildOnPrivateBus(true); }

    void childWithoutKeychain()
    {
        if (!qEnvironmentVariableIsSet(kChildEnv))
            QSKIP("runs as the child of the unavailable* tests");
        KeychainStore store(kService, nullptr);
        const int timeoutMs = qEnvironmentVariableIntValue("TENANTRY_KEYCHAIN_TEST_TIMEOUT_MS");
        if (timeoutMs > 0)
            store.setJobTimeoutMs(timeoutMs);
        QElapsedTimer elapsed;
        elapsed.start();
        const SecretStoreResult read = readKey(store, QStringLiteral("test:no-keychain"));
        QCOMPARE(read.status, Status::Unavailable);
        QVERIFY2(read.error.startsWith(QLatin1String("No keychain service answered (")), qPrintable(read.error));
        // One retry after the short delay, no more.
        QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
        qInfo().noquote() << "error shown:" << read.error;

        // Once found missing, later operations fail at once.
        elapsed.restart();
        const SecretStoreResult written = writeKey(store, QStringLiteral("test:no-keychain"), "x");
        QCOMPARE(written.status, Status::Unavailable);
        const SecretStoreResult removed = removeKey(store, QStringLiteral("test:no-keychain"));
        QCOMPARE(removed.status, Status::Unavailable);
        QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
    }

private:
    void runChildOnPrivateBus(bool dropReplies)
    {
        const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        if (dbusRunSession.isEmpty())
            QSKIP("dbus-run-session is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile config(dir.filePath(QStringLiteral("session.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // Debian's session.conf without its <servicedir>s: nothing can be activated on this bus. Without
        // the eavesdrop rules, the bus delivers no replies at all (a hung service, as far as a client can tell).
        const QString policy = dropReplies ? QStringLiteral("<allow send_destination=\"*\"/><allow own=\"*\"/>")
                                           : QStringLiteral("<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                                                            "<allow eavesdrop=\"true\"/><allow own=\"*\"/>");
        config.write(
            QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                           "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                           "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                           "<policy context=\"default\">%2</policy></busconfig>\n")
                .arg(dir.path(), policy)
                .toUtf8());
        config.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (dropReplies)
            env.insert(QStringLiteral("TENANTRY_KEYCHAIN_TEST_TIMEOUT_MS"), QStringLiteral("1500"));
        runChild(env, dbusRunSession,
                 {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--"),
                  QCoreApplication::applicationFilePath()});
    }

    void runChild(QProcessEnvironment env, const QString& program, QStringList arguments)
    {
        env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        arguments << QStringLiteral("childWithoutKeychain");
        QElapsedTimer elapsed;
        elapsed.start();
        child.start(program, arguments);
        QVERIFY(child.waitForFinished(30000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("PASS   : TestKeychainStore::childWithoutKeychain")),
                 qPrintable(output));
        QVERIFY2(elapsed.elapsed() < 10000, qPrintable(QString::number(elapsed.elapsed())));
        qInfo().noquote() << output.section(QLatin1String("error shown: "), 1, 1).section(QLatin1Char('\n'), 0, 0);
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "TestKeychainStore.moc"
