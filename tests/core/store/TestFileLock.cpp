#include "TestConfig.h"
#include "fakes/TestFiles.h"
#include "store/FileLock.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

using namespace tenantry;
using namespace std::chrono_literals;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

FileLockOptions quick(std::chrono::milliseconds createTimeout, std::chrono::milliseconds lockTimeout)
{
    FileLockOptions options;
    options.createTimeout = createTimeout;
    options.lockTimeout = lockTimeout;
    options.retryInterval = 50ms;
    return options;
}

QString cacheWriter()
{
    return QStringLiteral(TENANTRY_BIN_DIR "/cache-writer");
}

// Starts `cache-writer --hold-lock` (or --crash-holding-lock) and waits until it holds the lock.
bool startHolder(QProcess& process, const QStringList& args)
{
    process.setProgram(cacheWriter());
    process.setArguments(args);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted(5000))
        return false;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains("locked\n") && timer.elapsed() < 10000) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        if (process.state() == QProcess::NotRunning) {
            out += process.readAllStandardOutput();
            break;
        }
    }
    return out.contains("locked\n");
}

bool flockIsHeld(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

void setMtimeSecondsAgo(const QString& path, int seconds)
{
    struct timeval times[2] = {};
    ::gettimeofday(&times[0], nullptr);
    times[0].tv_sec -= seconds;
    times[1] = times[0];
    QVERIFY(::utimes(QFile::encodeName(path).constData(), times) == 0);
}

int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QByteArray ourOwnerText()
{
    return QByteArray::number(QCoreApplication::applicationPid()) + ' ' +
           QCoreApplication::arguments().first().toUtf8();
}

} // namespace

class TestFileLock : public QObject
{
    Q_OBJECT

    static void expectRefused(const QString& path, const QString& reason)
    {
        QElapsedTimer timer;
        timer.start();
        FileLock lock(path, quick(2000ms, 2000ms));
        QVERIFY(!lock.acquire());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(lock.status(), FileLock::Status::Failed);
        QVERIFY2(lock.error().contains(path) && lock.error().contains(reason), qPrintable(lock.error()));
    }

private slots:
    void holderWritesPidAndArgv0AndReleaseDeletesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("msal_token_cache.json.lockfile"));
        {
            FileLock lock(path);
            QVERIFY(lock.acquire());
            QVERIFY(lock.isLocked());
            QVERIFY(!lock.recoveredStaleLock());
            // Exactly what msal-extensions writes: "<pid> <argv0>", UTF-8, no newline.
            QCOMPARE(readFile(path), ourOwnerText());
            QCOMPARE(FileLock::ownerText(), ourOwnerText());
            QVERIFY(flockIsHeld(path));
            QCOMPARE(modeOf(path), 0600);
            QVERIFY(lock.acquire()); // already held: no second lock, no deadlock
        }                            // RAII release
        QVERIFY(!QFile::exists(path));

        FileLock again(path);
        QVERIFY(again.acquire());
        again.release();
        QCOMPARE(again.status(), FileLock::Status::Unlocked);
        QVERIFY(!QFile::exists(path));
        again.release(); // idempotent
    }

    void secondLockerInAnotherProcessWaitsThenSucceeds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QProcess holder;
        QVERIFY(startHolder(holder, {QStringLiteral("--hold-lock"), path, QStringLiteral("800")}));
        QVERIFY(readFile(path).startsWith(QByteArray(QByteArray::number(holder.processId()) + ' ')));
        QVERIFY(readFile(path).endsWith("cache-writer"));

        QElapsedTimer timer;
        timer.start();
        FileLock lock(path); // msal-extensions' timings: 0.25 s polls, 5 s per phase
        QVERIFY(lock.acquire());
        const qint64 waited = timer.elapsed();
        QVERIFY2(waited >= 300 && waited < 4000, qPrintable(QString::number(waited)));
        QCOMPARE(readFile(path), ourOwnerText());
        QVERIFY(holder.waitForFinished(5000));
        QCOMPARE(holder.exitCode(), 0);
        lock.release();
        QVERIFY(!QFile::exists(path));
    }

    void twoLockersInOneProcessExcludeEachOther()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        FileLock first(path);
        QVERIFY(first.acquire());
        std::atomic<bool> acquired{false};
        std::atomic<qint64> waited{0};
        std::thread other([&] {
            QElapsedTimer timer;
            timer.start();
            FileLock second(path, quick(2000ms, 2000ms));
            acquired = second.acquire();
            waited = timer.elapsed();
        });
        std::this_thread::sleep_for(400ms);
        QVERIFY(!acquired);
        first.release();
        other.join();
        QVERIFY(acquired);
        QVERIFY2(waited >= 100, qPrintable(QString::number(waited))); // loose: the thread may start late
        QVERIFY(!QFile::exists(path));
    }

    void timeoutFailsCleanlyAndLeavesTheHoldersFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QProcess holder;
        QVERIFY(startHolder(holder, {QStringLiteral("--hold-lock"), path, QStringLiteral("3000")}));
        const QByteArray holdersText = readFile(path);
        {
            QElapsedTimer timer;
            timer.start();
            FileLock lock(path, quick(300ms, 300ms));
            QVERIFY(!lock.acquire());
            const qint64 waited = timer.elapsed();
            QCOMPARE(lock.status(), FileLock::Status::TimedOut);
            QVERIFY(!lock.isLocked());
            QVERIFY2(waited >= 550 && waited < 2500, qPrintable(QString::number(waited)));
            QVERIFY2(lock.error().contains(path), qPrintable(lock.error()));
            QVERIFY2(lock.error().contains(QString::number(holder.processId())), qPrintable(lock.error()));
        } // the failed lock's destructor must not delete the holder's file
        QCOMPARE(readFile(path), holdersText);
        QVERIFY(flockIsHeld(path));
        holder.kill(); // the test need not wait out the 3 s
        holder.waitForFinished(5000);
    }

    void staleLockOfCrashedProcessDoesNotBlock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QProcess crasher;
        QVERIFY(startHolder(crasher, {QStringLiteral("--crash-holding-lock"), path}));
        QVERIFY(crasher.waitForFinished(5000));
        QVERIFY(QFile::exists(path)); // left behind, nobody holds its flock
        QVERIFY(!flockIsHeld(path));

        for (int round = 0; round < 2; ++round) {
            QElapsedTimer timer;
            timer.start();
            FileLock lock(path); // default 5 s create phase: recovery must not wait it out
            QVERIFY(lock.acquire());
            QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(lock.recoveredStaleLock(), round == 0);
            QCOMPARE(readFile(path), ourOwnerText());
            lock.release();
            QVERIFY(!QFile::exists(path)); // and so the next one is quick too
        }
    }

    void staleEmptyLockFileIsRecoveredOnceOld()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        writeFile(path, QByteArray()); // a holder that died between its create and its flock
        setMtimeSecondsAgo(path, 60);
        QElapsedTimer timer;
        timer.start();
        FileLock lock(path);
        QVERIFY(lock.acquire());
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(lock.recoveredStaleLock());
    }

    void freshEmptyLockFileIsTreatedAsALiveOwner()
    {
        // A live owner's file is empty between its create and its flock: not taken over while fresh,
        // but, as msal-extensions does, the lock proceeds to the flock after the create phase.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        writeFile(path, QByteArray());
        QElapsedTimer timer;
        timer.start();
        FileLock lock(path, quick(300ms, 300ms));
        QVERIFY(lock.acquire());
        QVERIFY2(timer.elapsed() >= 280, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!lock.recoveredStaleLock());
    }

    void unlockedFileOfLiveProcessCostsOneCreatePhaseOnly()
    {
        // A pid that is alive (here: ours) but holds no flock, e.g. a reused pid after a crash: wait the
        // create phase like msal-extensions, then lock; release deletes the file so it costs that once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        writeFile(path, QByteArray::number(QCoreApplication::applicationPid()) + " /usr/bin/az");
        {
            QElapsedTimer timer;
            timer.start();
            FileLock lock(path, quick(400ms, 400ms));
            QVERIFY(lock.acquire());
            QVERIFY2(timer.elapsed() >= 380, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(readFile(path), ourOwnerText());
        }
        QVERIFY(!QFile::exists(path));
        QElapsedTimer timer;
        timer.start();
        FileLock next(path, quick(400ms, 400ms));
        QVERIFY(next.acquire());
        QVERIFY(timer.elapsed() < 200);
    }

    // Another local user (or program) plants something at the lock path: it is refused at once with an
    // error naming the lock file, and whatever it points at keeps every byte.
    void symlinkAtTheLockPathIsRefusedAndItsTargetUntouched()
    {
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("victim.txt"));
        const QByteArray precious = "the user's own file, not a lock file\n";
        writeFile(victim, precious);
        setMtimeSecondsAgo(victim, 60); // old and pid-less: a stale lock file if it were one
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QVERIFY(QFile::link(victim, path));
        expectRefused(path, QStringLiteral("symbolic link"));
        QCOMPARE(readFile(victim), precious);
        QVERIFY(QFileInfo(path).isSymLink()); // left for the user to look at
    }

    void hardLinkAtTheLockPathIsRefusedAndItsTargetUntouched()
    {
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("victim.txt"));
        const QByteArray precious = "the user's own file, not a lock file\n";
        writeFile(victim, precious);
        setMtimeSecondsAgo(victim, 60);
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QVERIFY(::link(QFile::encodeName(victim).constData(), QFile::encodeName(path).constData()) == 0);
        expectRefused(path, QStringLiteral("hard links"));
        QCOMPARE(readFile(victim), precious);
    }

    void lockFileOfAnotherUserIsRefusedAndUntouched()
    {
        if (::geteuid() != 0)
            QSKIP("giving a file to another user needs root");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        const QByteArray theirs = "their text";
        writeFile(path, theirs);
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        setMtimeSecondsAgo(path, 60);
        expectRefused(path, QStringLiteral("another user"));
        QCOMPARE(readFile(path), theirs);
    }

    void fifoAtTheLockPathIsRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.json.lockfile"));
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        setMtimeSecondsAgo(path, 60);
        expectRefused(path, QStringLiteral("not a regular file"));
        QVERIFY(QFileInfo(path).exists());
    }

    void missingDirectoryFailsAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/dir/c.json.lockfile"));
        QElapsedTimer timer;
        timer.start();
        FileLock lock(path);
        QVERIFY(!lock.acquire());
        QVERIFY(timer.elapsed() < 200);
        QCOMPARE(lock.status(), FileLock::Status::Failed);
        QVERIFY2(lock.error().contains(path), qPrintable(lock.error()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    }
};

QTEST_GUILESS_MAIN(TestFileLock)
#include "TestFileLock.moc"
