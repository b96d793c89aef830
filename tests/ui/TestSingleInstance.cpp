#include "LaunchOptions.h"
#include "SingleInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <grp.h>
#include <memory>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace tenantry;

namespace {

// Sets an environment variable for one test, and puts the old value back.
class ScopedEnv
{
public:
    ScopedEnv(const char* name, const QByteArray& value)
        : m_name(name)
        , m_was(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_was)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_was;
    QByteArray m_old;
};

mode_t modeOf(const QString& path, struct stat* st)
{
    if (::lstat(QFile::encodeName(path).constData(), st) != 0)
        return 0;
    return st->st_mode & 07777;
}

// What a socket a crashed instance left looks like: bound, then closed without unlinking it.
bool leaveStaleSocket(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (fd < 0 || size_t(native.size()) >= sizeof address.sun_path)
        return false;
    memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

// How the other user's connection ended, as the child process's exit status.
enum PeerOutcome {
    HungUpUnread = 0,       // closed with the command still unread (the peer's read: ECONNRESET)
    HungUpAfterReading = 1, // read, then closed (end of file)
    NoHangUp = 2,
    CannotConnect = 3,
    CannotBecomeUser = 4,
};

// Forks a process that becomes `uid`/`gid`, connects to `path` and sends a command line, then waits
// for the other end to hang up. Returns once the command is sent (or the child gave up), before the
// event loop lets the first instance accept, so the command is always there to be read or not.
// Only async-signal-safe calls in the child: the test process has threads.
pid_t connectAs(uid_t uid, gid_t gid, const QByteArray& path, const QByteArray& message)
{
    int sent[2];
    if (::pipe(sent) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid != 0) {
        ::close(sent[1]);
        char byte = 0;
        while (::read(sent[0], &byte, 1) < 0 && errno == EINTR) {
        }
        ::close(sent[0]);
        return pid;
    }
    ::close(sent[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
        ::_exit(CannotBecomeUser);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        ::_exit(CannotConnect);
    if (::send(fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL) != message.size())
        ::_exit(CannotConnect);
    (void)::write(sent[1], "s", 1);
    struct pollfd waitFor = {fd, POLLIN, 0};
    if (::poll(&waitFor, 1, 5000) != 1)
        ::_exit(NoHangUp);
    char byte = 0;
    const ssize_t got = ::read(fd, &byte, 1);
    ::_exit(got < 0 && errno == ECONNRESET ? HungUpUnread : got == 0 ? HungUpAfterReading : NoHangUp);
}

// The first instance, listening on `key`; null when it did not become the primary one.
std::unique_ptr<SingleInstance> startPrimary(const QString& key)
{
    auto instance = std::make_unique<SingleInstance>(key);
    QSignalSpy primary(instance.get(), &SingleInstance::becamePrimary);
    instance->start({QStringLiteral("tenantry")});
    if (primary.isEmpty() && !primary.wait(5000))
        return nullptr;
    return instance;
}

// waitpid() once the child has exited; QTRY_* evaluates its condition once more after it held.
bool reaped(pid_t pid, int* status)
{
    return *status != -1 || ::waitpid(pid, status, WNOHANG) == pid;
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void aSecondLaunchHandsItsArgumentsToTheFirst()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("tenantry.socket"));
        const std::unique_ptr<SingleInstance> first = startPrimary(key);
        QVERIFY(first && first->isPrimary());
        QSignalSpy activation(first.get(), &SingleInstance::activationRequested);

        SingleInstance second(key);
        QSignalSpy forwarded(&second, &SingleInstance::forwarded);
        QSignalSpy secondPrimary(&second, &SingleInstance::becamePrimary);
        const QStringList arguments{QStringLiteral("tenantry"), QStringLiteral("--sign-in"), QStringLiteral("--tenant"),
                                    QStringLiteral("contoso.onmicrosoft.com")};
        second.start(arguments);
        QTRY_COMPARE(forwarded.count(), 1);
        QTRY_COMPARE(activation.count(), 1);
        QCOMPARE(activation.first().first().toStringList(), arguments);
        QCOMPARE(secondPrimary.count(), 0);
        QVERIFY(!second.isPrimary());
    }

    void takesOverAStaleSocket()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("stale.socket"));
        QVERIFY(leaveStaleSocket(key));
        SingleInstance instance(key);
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(primary.count(), 1);
    }

    void refusesACommandFromAnotherUser()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run a peer as another user (CI runs the tests as root)");
        const struct passwd* nobody = ::getpwnam("nobody");
        QVERIFY2(nobody, "no user 'nobody' on this system");
        const uid_t nobodyUid = nobody->pw_uid;
        const gid_t nobodyGid = nobody->pw_gid;

        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("tenantry.socket"));
        const std::unique_ptr<SingleInstance> first = startPrimary(key);
        QVERIFY(first);
        QSignalSpy activation(first.get(), &SingleInstance::activationRequested);

        // The modes alone keep 'nobody' out of the socket; open them up to show that the uid check
        // holds by itself (as on a system where they are looser, or changed by hand).
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0711) == 0);
        QVERIFY(::chmod(QFile::encodeName(key).constData(), 0777) == 0);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(QStringLiteral("refused a command from user %1").arg(nobodyUid)));
        const pid_t peer = connectAs(nobodyUid, nobodyGid, QFile::encodeName(key),
                                     QByteArrayLiteral("[\"tenantry\",\"--sign-in\",\"--tenant\",\"evil.example\"]\n"));
        QVERIFY(peer > 0);
        int status = -1;
        QTRY_VERIFY_WITH_TIMEOUT(reaped(peer, &status), 10000);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), int(HungUpUnread));
        QTest::qWait(200);
        QCOMPARE(activation.count(), 0); // the command was never executed

        // This user still gets through.
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0700) == 0);
        SingleInstance second(key);
        QSignalSpy forwarded(&second, &SingleInstance::forwarded);
        second.start({QStringLiteral("tenantry"), QStringLiteral("--sign-in")});
        QTRY_COMPARE(forwarded.count(), 1);
        QTRY_COMPARE(activation.count(), 1);
        QCOMPARE(activation.first().first().toStringList(),
                 (QStringList{QStringLiteral("tenantry"), QStringLiteral("--sign-in")}));
    }

    void socketLivesInAPrivateRuntimeDir()
    {
        QTemporaryDir runtime; // 0700, ours: what a login session's XDG_RUNTIME_DIR is
        const ScopedEnv env("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const QString key = SingleInstance::defaultKey();
        QCOMPARE(key, runtime.filePath(QStringLiteral("org.tenantry.Tenantry.socket")));
        SingleInstance instance;
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(primary.count(), 1);
        struct stat st = {};
        QCOMPARE(modeOf(runtime.path(), &st), mode_t(0700));
        QVERIFY(::lstat(QFile::encodeName(key).constData(), &st) == 0 && S_ISSOCK(st.st_mode));
    }

    void withoutARuntimeDirCreatesAPrivateOne()
    {
        QTemporaryDir temp;
        const ScopedEnv noRuntime("XDG_RUNTIME_DIR", QByteArray());
        const ScopedEnv tmpdir("TMPDIR", QFile::encodeName(temp.path()));
        const QString dir = temp.filePath(QStringLiteral("tenantry-%1").arg(::geteuid()));
        const QString key = SingleInstance::defaultKey();
        QCOMPARE(key, dir + QStringLiteral("/org.tenantry.Tenantry.socket"));
        struct stat st = {};
        QCOMPARE(modeOf(dir, &st), mode_t(0700));
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(st.st_uid, ::geteuid());

        SingleInstance instance;
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(primary.count(), 1);
        QVERIFY(instance.isPrimary());
    }

    void aRuntimeDirOthersCanEnterIsNotUsed()
    {
        QTemporaryDir temp;
        QVERIFY(::chmod(QFile::encodeName(temp.path()).constData(), 0755) == 0);
        const ScopedEnv runtime("XDG_RUNTIME_DIR", QFile::encodeName(temp.path()));
        const ScopedEnv tmpdir("TMPDIR", QFile::encodeName(temp.path()));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Not using .*: its mode is 0755, not 0700\\.$")));
        const QString key = SingleInstance::defaultKey();
        QCOMPARE(key, temp.filePath(QStringLiteral("tenantry-%1/org.tenantry.Tenantry.socket").arg(::geteuid())));
    }

    void refusesASymlinkPlantedAsItsDirectory()
    {
        QTemporaryDir temp;
        const ScopedEnv noRuntime("XDG_RUNTIME_DIR", QByteArray());
        const ScopedEnv tmpdir("TMPDIR", QFile::encodeName(temp.path()));
        // Another user's directory, to catch the socket (or have a stale-socket removal delete in it).
        const QString elsewhere = temp.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkdir(elsewhere));
        QVERIFY(::chmod(QFile::encodeName(elsewhere).constData(), 0700) == 0);
        QFile bait(elsewhere + QStringLiteral("/org.tenantry.Tenantry.socket"));
        QVERIFY(bait.open(QIODevice::WriteOnly));
        bait.close();
        const QString dir = temp.filePath(QStringLiteral("tenantry-%1").arg(::geteuid()));
        QVERIFY(QFile::link(elsewhere, dir));

        QString error;
        QCOMPARE(SingleInstance::defaultKey(&error), QString());
        QVERIFY2(error.contains(dir) && error.contains(QStringLiteral("symbolic link")), qPrintable(error));

        SingleInstance instance;
        QSignalSpy failed(&instance, &SingleInstance::failed);
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), error);
        QCOMPARE(primary.count(), 0);
        QVERIFY(bait.exists());
        QCOMPARE(QDir(elsewhere).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("org.tenantry.Tenantry.socket")});
    }

    void refusesADirectoryWithAnotherOwnerOrLooseMode()
    {
        QTemporaryDir temp;
        const ScopedEnv noRuntime("XDG_RUNTIME_DIR", QByteArray());
        const ScopedEnv tmpdir("TMPDIR", QFile::encodeName(temp.path()));
        const QString dir = temp.filePath(QStringLiteral("tenantry-%1").arg(::geteuid()));
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
        QString error;
        QCOMPARE(SingleInstance::defaultKey(&error), QString());
        QVERIFY2(error.contains(QStringLiteral("its mode is 0755, not 0700")), qPrintable(error));

        if (::geteuid() != 0)
            return; // only root can give a directory away
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0700) == 0);
        const struct passwd* nobody = ::getpwnam("nobody");
        QVERIFY(nobody);
        QVERIFY(::chown(QFile::encodeName(dir).constData(), nobody->pw_uid, nobody->pw_gid) == 0);
        QCOMPARE(SingleInstance::defaultKey(&error), QString());
        QVERIFY2(error.contains(QStringLiteral("it belongs to user %1").arg(nobody->pw_uid)), qPrintable(error));
    }

    void staleSocketRemovalLeavesOtherFilesAlone()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("tenantry.socket"));
        QFile notASocket(key); // whatever is there, Tenantry did not put it there
        QVERIFY(notASocket.open(QIODevice::WriteOnly));
        notASocket.write("keep me");
        notASocket.close();
        SingleInstance instance(key);
        QSignalSpy failed(&instance, &SingleInstance::failed);
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(failed.count() + primary.count(), 1);
        QCOMPARE(primary.count(), 0);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not a socket")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(notASocket.open(QIODevice::ReadOnly));
        QCOMPARE(notASocket.readAll(), QByteArray("keep me"));
    }

    void parsesTheCommandLine()
    {
        LaunchOptions options;
        QVERIFY(LaunchOptions::parse({QStringLiteral("tenantry"), QStringLiteral("--sign-in"),
                                      QStringLiteral("--tenant"), QStringLiteral("contoso.example")},
                                     &options));
        QVERIFY(options.signIn);
        QCOMPARE(options.tenant, QStringLiteral("contoso.example"));
        QVERIFY(!options.deviceCode && !options.minimized);

        QVERIFY(LaunchOptions::parse(
            {QStringLiteral("tenantry"), QStringLiteral("--device-code"), QStringLiteral("--minimized")}, &options));
        QVERIFY(options.deviceCode && options.minimized && !options.signIn);

        QString error;
        QVERIFY(
            !LaunchOptions::parse({QStringLiteral("tenantry"), QStringLiteral("--no-such-option")}, &options, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
