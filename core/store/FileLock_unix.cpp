#include "store/FileLockPlatform.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

// POSIX: portalocker's fcntl.flock(LOCK_EX | LOCK_NB) on the lock file.

namespace tenantry::filelock {

namespace {

QByteArray nativePath(const QString& path)
{
    return QFile::encodeName(path);
}

bool removeFile(const QString& path, int* err)
{
    if (::unlink(nativePath(path).constData()) == 0)
        return true;
    *err = errno;
    return errno == ENOENT || errno == EACCES; // as Python: gone, or another process raced us
}

} // namespace

CreateOutcome createExclusive(const QString& path, int* err)
{
    for (;;) {
        const int fd = ::open(nativePath(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            return CreateOutcome::Created;
        }
        if (errno == EINTR)
            continue;
        if (errno == EEXIST)
            return CreateOutcome::Exists;
        *err = errno;
        return CreateOutcome::Error;
    }
}

// O_NOFOLLOW: a symlink planted at the lock path is never followed (its target would be truncated).
// O_NONBLOCK: a FIFO or device planted there cannot block the open; unfitReason refuses it next.
Handle openFile(const QString& path, bool create, int* err)
{
    const int flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | (create ? O_CREAT : 0);
    for (;;) {
        const int fd = ::open(nativePath(path).constData(), flags, 0600);
        if (fd >= 0 || errno != EINTR) {
            if (fd < 0)
                *err = errno;
            return fd;
        }
    }
}

// Why an open of the lock file failed, when the failure means something was planted there.
QString openRefusal(int err)
{
    return err == ELOOP ? QCoreApplication::translate("tenantry::FileLock", "it is a symbolic link") : QString();
}

// Why the opened lock file must not be locked and written (empty when it may be): the holder truncates
// it, so only a regular file of ours with no other name qualifies. A file already unlinked (no link
// left) is fine: isStillAt turns that into a retry.
QString unfitReason(Handle fd)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return qt_error_string(errno);
    if (!S_ISREG(st.st_mode))
        return QCoreApplication::translate("tenantry::FileLock", "it is not a regular file");
    if (st.st_uid != ::geteuid())
        return QCoreApplication::translate("tenantry::FileLock", "it belongs to another user");
    if (st.st_nlink > 1)
        return QCoreApplication::translate("tenantry::FileLock", "it has other hard links");
    return QString();
}

bool isVanished(int err)
{
    return err == ENOENT;
}

LockOutcome tryLock(Handle fd, int* err)
{
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            return LockOutcome::Locked;
        if (errno == EINTR)
            continue;
        if (errno == EWOULDBLOCK)
            return LockOutcome::Busy;
        *err = errno;
        return LockOutcome::Error;
    }
}

void unlockFile(Handle fd)
{
    ::flock(fd, LOCK_UN);
}

void closeFile(Handle fd)
{
    ::close(fd);
}

bool isStillAt(Handle fd, const QString& path)
{
    struct stat held = {};
    struct stat named = {};
    return ::fstat(fd, &held) == 0 && ::lstat(nativePath(path).constData(), &named) == 0 &&
           held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

QByteArray readHead(Handle fd)
{
    char buffer[512];
    const ssize_t got = ::pread(fd, buffer, sizeof buffer, 0);
    return got > 0 ? QByteArray(buffer, static_cast<qsizetype>(got)) : QByteArray();
}

bool writeOwner(Handle fd, const QByteArray& text, int* err)
{
    if (::ftruncate(fd, 0) != 0) {
        *err = errno;
        return false;
    }
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::pwrite(fd, text.constData() + done, static_cast<size_t>(text.size() - done), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *err = n < 0 ? errno : EIO;
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<std::chrono::milliseconds> fileAge(Handle fd)
{
    struct stat st = {};
    struct timespec now = {};
    if (::fstat(fd, &st) != 0 || ::clock_gettime(CLOCK_REALTIME, &now) != 0)
        return std::nullopt;
#if defined(Q_OS_DARWIN)
    const struct timespec& modified = st.st_mtimespec;
#else
    const struct timespec& modified = st.st_mtim;
#endif
    const qint64 ms = (static_cast<qint64>(now.tv_sec) - static_cast<qint64>(modified.tv_sec)) * 1000 +
                      (static_cast<qint64>(now.tv_nsec) - static_cast<qint64>(modified.tv_nsec)) / 1000000;
    return std::chrono::milliseconds(ms);
}

bool processAlive(qint64 pid)
{
    if (pid <= 0 || pid != static_cast<pid_t>(pid))
        return false;
    // EPERM: it exists but belongs to another user.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Delete while the flock is still held, and only the file we hold: a waiter that opened the old file
// then gets its flock on a file no longer at the path, notices (isStillAt) and retries on the new one.
void releaseFile(Handle fd, const QString& path)
{
    int err = 0;
    if (isStillAt(fd, path) && !removeFile(path, &err))
        qCWarning(lcStore).noquote() << "Could not delete the lock file" << path << ":" << qt_error_string(err);
    unlockFile(fd);
    closeFile(fd);
}

QString programPathFromSystem()
{
#if defined(Q_OS_LINUX)
    QFile cmdline(QStringLiteral("/proc/self/cmdline"));
    if (cmdline.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = cmdline.read(4096);
        const qsizetype end = bytes.indexOf('\0');
        return QFile::decodeName(end >= 0 ? bytes.left(end) : bytes);
    }
#endif
    return QString();
}

} // namespace tenantry::filelock
