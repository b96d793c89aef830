#include "store/AtomicFile.h"

#include "store/AtomicFileSupport.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tenantry {

using atomicfile::fail;
using atomicfile::resolveTarget;

namespace {

QString osReason(int err)
{
    return qt_error_string(err);
}

bool writeAll(int fd, const QByteArray& bytes, int* err)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
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

// msal-extensions' PersistedTokenCache reloads the file only when `_last_sync < mtime`, where
// `_last_sync` is time.time() taken right after its own save. The kernel stamps files with a coarse
// clock (one tick, up to ~10 ms, behind time.time()), so a file written just after a Python save
// could look older than that save and never be reloaded: Python's next write would then drop what we
// wrote. Stamping the precise current time (later than any save before we took the lock) avoids it.
// It never back-dates: the coarse stamp is at or before this.
void stampPreciseNow(int fd)
{
    struct timespec times[2] = {};
    times[0].tv_nsec = UTIME_OMIT; // atime untouched
    if (::clock_gettime(CLOCK_REALTIME, &times[1]) == 0)
        ::futimens(fd, times);
}

void syncDirectory(const QString& dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd); // best effort: makes the rename itself durable
    ::close(fd);
}

} // namespace

bool AtomicFile::write(const QString& path, const QByteArray& bytes, int mode, ModePolicy policy, QString* error)
{
    const QString target = resolveTarget(path);
    const QByteArray nativeTarget = QFile::encodeName(target);
    const QFileInfo info(target);
    const QString dir = info.absolutePath();

    struct stat existing = {};
    bool exists = false;
    if (::stat(nativeTarget.constData(), &existing) == 0) {
        if (!S_ISREG(existing.st_mode))
            return fail(error,
                        QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: it is not a regular file")
                            .arg(target));
        exists = true;
    } else if (errno != ENOENT) {
        return fail(
            error,
            QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2").arg(target, osReason(errno)));
    }
    const mode_t bits =
        exists && policy == ModePolicy::KeepExisting ? (existing.st_mode & 0777) : (static_cast<mode_t>(mode) & 0777);

    QByteArray temp = QFile::encodeName(dir + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        return fail(error, QCoreApplication::translate("tenantry::AtomicFile",
                                                       "Cannot write %1: cannot create a temporary file in %2: %3")
                               .arg(target, dir, osReason(errno)));
    }
    const auto abandon = [&](const QString& step, int err) {
        ::close(fd);
        ::unlink(temp.constData());
        return fail(error, QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2: %3")
                               .arg(target, step, osReason(err)));
    };

    // Same owner as the file it replaces when that is someone else (root editing a user's file), so
    // the user's own tools can still read it. Not possible for others: then the file becomes ours.
    if (exists && (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid())) {
        if (::fchown(fd, existing.st_uid, existing.st_gid) != 0)
            qCDebug(lcStore).noquote() << "Could not keep the owner of" << target << ":" << osReason(errno);
    }
    if (::fchmod(fd, bits) != 0)
        return abandon(QCoreApplication::translate("tenantry::AtomicFile", "cannot set its permissions"), errno);
    int err = 0;
    if (!writeAll(fd, bytes, &err))
        return abandon(QCoreApplication::translate("tenantry::AtomicFile", "writing failed"), err);
    stampPreciseNow(fd);
    if (::fsync(fd) != 0)
        return abandon(QCoreApplication::translate("tenantry::AtomicFile", "flushing to disk failed"), errno);
    if (::close(fd) != 0) {
        err = errno;
        ::unlink(temp.constData());
        return fail(error, QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: closing failed: %2")
                               .arg(target, osReason(err)));
    }
    if (::rename(temp.constData(), nativeTarget.constData()) != 0) {
        err = errno;
        ::unlink(temp.constData());
        return fail(
            error,
            QCoreApplication::translate("tenantry::AtomicFile", "Cannot replace %1: %2").arg(target, osReason(err)));
    }
    syncDirectory(dir);
    return true;
}

AtomicFile::CreateResult AtomicFile::createNew(const QString& path, const QByteArray& bytes, int mode, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    const mode_t bits = static_cast<mode_t>(mode) & 0777;
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, bits);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == EEXIST)
            return CreateResult::Exists;
        fail(error,
             QCoreApplication::translate("tenantry::AtomicFile", "Cannot create %1: %2").arg(path, osReason(errno)));
        return CreateResult::Failed;
    }
    const auto abandon = [&](int err) {
        ::close(fd);
        ::unlink(native.constData());
        fail(error,
             QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2").arg(path, osReason(err)));
        return CreateResult::Failed;
    };
    if (::fchmod(fd, bits) != 0) // the umask may have narrowed it
        return abandon(errno);
    int err = 0;
    if (!writeAll(fd, bytes, &err))
        return abandon(err);
    if (::fsync(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        err = errno;
        ::unlink(native.constData());
        fail(error,
             QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2").arg(path, osReason(err)));
        return CreateResult::Failed;
    }
    syncDirectory(QFileInfo(path).absolutePath());
    return CreateResult::Created;
}

} // namespace tenantry
