#include "store/FileLock.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QFile>

#include <optional>
#include <thread>

#if defined(Q_OS_WIN)
#include <QDir>

#include <windows.h>
#else
#include <cerrno>
#include <ctime>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tenantry {

namespace {

using SteadyClock = std::chrono::steady_clock;

enum class CreateOutcome { Created, Exists, Error };
enum class LockOutcome { Locked, Busy, Error };

// ---- Platform seam: everything below the line is OS-specific, the protocol above it is not. ----

#if defined(Q_OS_WIN)

// Windows: portalocker locks with msvcrt.locking(fd, LK_NBLCK, 2**31-1) from offset 0, i.e. LockFile on
// bytes [0, 0x7fffffff). Every handle shares read/write/delete so Python's open() and os.remove() work.
// NOTE: written against the Win32 documentation; not compiled in the Linux CI of this tree yet.
using Handle = HANDLE;
const Handle kInvalid = INVALID_HANDLE_VALUE;
constexpr DWORD kShareAll = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
constexpr DWORD kLockedBytes = 0x7fffffff;

std::wstring nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

CreateOutcome createExclusive(const QString& path, int* err)
{
    const Handle h = CreateFileW(nativePath(path).c_str(), GENERIC_WRITE, kShareAll, nullptr, CREATE_NEW,
                                 FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
        CloseHandle(h);
        return CreateOutcome::Created;
    }
    const DWORD e = GetLastError();
    // ACCESS_DENIED is also what a file pending deletion (a releaser's DeleteFile) answers.
    if (e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS || e == ERROR_ACCESS_DENIED)
        return CreateOutcome::Exists;
    *err = static_cast<int>(e);
    return CreateOutcome::Error;
}

Handle openFile(const QString& path, bool create, int* err)
{
    // OPEN_REPARSE_POINT: a link planted at the path is opened itself, never its target (see unfitReason).
    const Handle h = CreateFileW(nativePath(path).c_str(), GENERIC_READ | GENERIC_WRITE, kShareAll, nullptr,
                                 create ? OPEN_ALWAYS : OPEN_EXISTING,
                                 FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        *err = static_cast<int>(GetLastError());
    return h;
}

QString openRefusal(int)
{
    return QString();
}

QString unfitReason(Handle h)
{
    BY_HANDLE_FILE_INFORMATION info = {};
    if (GetFileType(h) != FILE_TYPE_DISK || !GetFileInformationByHandle(h, &info) ||
        (info.dwFileAttributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT)))
        return QCoreApplication::translate("tenantry::FileLock", "it is not a regular file");
    if (info.nNumberOfLinks > 1)
        return QCoreApplication::translate("tenantry::FileLock", "it has other hard links");
    return QString();
}

bool isVanished(int err)
{
    return err == ERROR_FILE_NOT_FOUND || err == ERROR_ACCESS_DENIED;
}

LockOutcome tryLock(Handle h, int* err)
{
    OVERLAPPED at = {};
    if (LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, kLockedBytes, 0, &at))
        return LockOutcome::Locked;
    const DWORD e = GetLastError();
    if (e == ERROR_LOCK_VIOLATION || e == ERROR_IO_PENDING)
        return LockOutcome::Busy;
    *err = static_cast<int>(e);
    return LockOutcome::Error;
}

void unlockFile(Handle h)
{
    OVERLAPPED at = {};
    UnlockFileEx(h, 0, kLockedBytes, 0, &at);
}

void closeFile(Handle h)
{
    CloseHandle(h);
}

bool isStillAt(Handle h, const QString& path)
{
    const Handle other = CreateFileW(nativePath(path).c_str(), FILE_READ_ATTRIBUTES, kShareAll, nullptr, OPEN_EXISTING,
                                     FILE_ATTRIBUTE_NORMAL, nullptr);
    if (other == INVALID_HANDLE_VALUE)
        return false;
    BY_HANDLE_FILE_INFORMATION a = {};
    BY_HANDLE_FILE_INFORMATION b = {};
    const bool same = GetFileInformationByHandle(h, &a) && GetFileInformationByHandle(other, &b) &&
                      a.dwVolumeSerialNumber == b.dwVolumeSerialNumber && a.nFileIndexHigh == b.nFileIndexHigh &&
                      a.nFileIndexLow == b.nFileIndexLow;
    CloseHandle(other);
    return same;
}

QByteArray readHead(Handle h)
{
    char buffer[512];
    DWORD got = 0;
    OVERLAPPED at = {};
    if (!ReadFile(h, buffer, sizeof buffer, &got, &at))
        return {};
    return QByteArray(buffer, static_cast<qsizetype>(got));
}

bool writeOwner(Handle h, const QByteArray& text, int* err)
{
    DWORD written = 0;
    if (SetFilePointer(h, 0, nullptr, FILE_BEGIN) == INVALID_SET_FILE_POINTER || !SetEndOfFile(h) ||
        !WriteFile(h, text.constData(), static_cast<DWORD>(text.size()), &written, nullptr) ||
        written != static_cast<DWORD>(text.size())) {
        *err = static_cast<int>(GetLastError());
        return false;
    }
    return true;
}

std::optional<std::chrono::milliseconds> fileAge(Handle h)
{
    FILETIME modified = {};
    FILETIME now = {};
    if (!GetFileTime(h, nullptr, nullptr, &modified))
        return std::nullopt;
    GetSystemTimeAsFileTime(&now);
    const auto ticks = [](const FILETIME& t) {
        return (static_cast<qint64>(t.dwHighDateTime) << 32) | static_cast<qint64>(t.dwLowDateTime);
    };
    return std::chrono::milliseconds((ticks(now) - ticks(modified)) / 10000); // 100 ns ticks
}

bool processAlive(qint64 pid)
{
    const HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return GetLastError() == ERROR_ACCESS_DENIED; // exists, someone else's
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return alive;
}

bool removeFile(const QString& path, int* err)
{
    if (DeleteFileW(nativePath(path).c_str()))
        return true;
    const DWORD e = GetLastError();
    *err = static_cast<int>(e);
    return e == ERROR_FILE_NOT_FOUND || e == ERROR_ACCESS_DENIED; // gone, or already taken by another
}

// Windows cannot create a file whose name is pending deletion, so delete only after closing (Python's order).
void releaseFile(Handle h, const QString& path)
{
    unlockFile(h);
    closeFile(h);
    int err = 0;
    if (!removeFile(path, &err))
        qCWarning(lcStore).noquote() << "Could not delete the lock file" << path << ":" << qt_error_string(err);
}

#else // POSIX

using Handle = int;
constexpr Handle kInvalid = -1;

QByteArray nativePath(const QString& path)
{
    return QFile::encodeName(path);
}

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

bool removeFile(const QString& path, int* err)
{
    if (::unlink(nativePath(path).constData()) == 0)
        return true;
    *err = errno;
    return errno == ENOENT || errno == EACCES; // as Python: gone, or another process raced us
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

#endif

// ---- Protocol ----

// Leading decimal digits of "<pid> <argv0>" (Python) or "<pid> <name>\n" (.NET); 0 when there are none.
qint64 leadingPid(const QByteArray& text)
{
    qint64 pid = 0;
    int digits = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || digits == 18)
            break;
        pid = pid * 10 + (c - '0');
        ++digits;
    }
    return digits > 0 && (digits == text.size() || text.at(digits) == ' ' || text.at(digits) == '\n') ? pid : 0;
}

// The holder as the lock file names it, fit for an error message (a pid and a program path).
QString describeOwner(const QByteArray& text)
{
    QString owner = QString::fromUtf8(text.left(200)).trimmed();
    for (QChar& c : owner) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return owner;
}

enum class Probe { Held, Vanished, Stale, Unfit };

// Opens the lock file at `path`; kInvalid with `unfit` saying why when what is there must not be used.
Handle openFitFile(const QString& path, bool create, int* err, QString* unfit)
{
    const Handle h = openFile(path, create, err);
    if (h == kInvalid) {
        *unfit = openRefusal(*err);
        return kInvalid;
    }
    *unfit = unfitReason(h);
    if (unfit->isEmpty())
        return h;
    closeFile(h);
    return kInvalid;
}

QString unfitError(const QString& path, const QString& reason)
{
    return QCoreApplication::translate(
               "tenantry::FileLock", "Refusing to use the lock file %1: %2. Nothing was written to it; remove it if no "
                                     "program of yours is using it")
        .arg(path, reason);
}

// A lock file that could not be created exclusively: is its owner gone? Returns Stale with `handle`
// holding the flock and `detail` naming its owner when a dead process left it behind, Unfit with
// `detail` saying why when what is at the path is not a lock file Tenantry may take over.
Probe probeExisting(const QString& path, const FileLockOptions& options, Handle* handle, QString* detail)
{
    int err = 0;
    QString unfit;
    const Handle h = openFitFile(path, /*create=*/false, &err, &unfit);
    if (!unfit.isEmpty()) {
        *detail = unfit;
        return Probe::Unfit;
    }
    if (h == kInvalid)
        return isVanished(err) ? Probe::Vanished : Probe::Held;
    if (tryLock(h, &err) != LockOutcome::Locked) {
        closeFile(h);
        return Probe::Held;
    }
    if (!isStillAt(h, path)) {
        unlockFile(h);
        closeFile(h);
        return Probe::Vanished;
    }
    // Nobody holds it. A live owner is in this state only between its steps (create -> flock, or
    // unlock -> delete), for microseconds; a crashed one forever (the OS dropped its flock).
    const QByteArray text = readHead(h);
    const qint64 pid = leadingPid(text);
    bool stale = false;
    if (pid > 0) {
        stale = !processAlive(pid);
    } else {
        const auto age = fileAge(h);
        stale = age && *age >= options.staleEmptyFileAge;
    }
    if (!stale) {
        unlockFile(h);
        closeFile(h);
        return Probe::Held;
    }
    *detail = describeOwner(text);
    *handle = h;
    return Probe::Stale;
}

void sleepFor(std::chrono::milliseconds interval)
{
    std::this_thread::sleep_for(interval);
}

qint64 elapsedMs(SteadyClock::time_point since)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - since).count();
}

QString argv0()
{
    if (QCoreApplication::instance()) {
        const QStringList args = QCoreApplication::arguments();
        if (!args.isEmpty())
            return args.first();
    }
#if defined(Q_OS_LINUX)
    QFile cmdline(QStringLiteral("/proc/self/cmdline"));
    if (cmdline.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = cmdline.read(4096);
        const qsizetype end = bytes.indexOf('\0');
        return QFile::decodeName(end >= 0 ? bytes.left(end) : bytes);
    }
#endif
    return QStringLiteral("tenantry");
}

} // namespace

FileLock::FileLock(QString lockPath)
    : FileLock(std::move(lockPath), Options())
{}

FileLock::FileLock(QString lockPath, Options options)
    : m_path(std::move(lockPath))
    , m_options(options)
{}

FileLock::~FileLock()
{
    release();
}

QByteArray FileLock::ownerText()
{
    return QByteArray::number(QCoreApplication::applicationPid()) + ' ' + argv0().toUtf8();
}

bool FileLock::fail(Status status, const QString& error)
{
    m_status = status;
    m_error = error;
    qCWarning(lcStore).noquote() << error;
    return false;
}

bool FileLock::acquire()
{
    if (isLocked())
        return true;
    m_error.clear();
    m_recoveredStale = false;
    const auto start = SteadyClock::now();
    Handle handle = kInvalid;
    int err = 0;

    // Phase 1: the exclusive create. This, not the flock, is what serialises against msal-extensions.
    bool created = false;
    const auto createDeadline = start + m_options.createTimeout;
    for (;;) {
        const CreateOutcome outcome = createExclusive(m_path, &err);
        if (outcome == CreateOutcome::Created) {
            created = true;
            break;
        }
        if (outcome == CreateOutcome::Error) {
            return fail(Status::Failed,
                        QCoreApplication::translate("tenantry::FileLock", "Cannot create the lock file %1: %2")
                            .arg(m_path, qt_error_string(err)));
        }
        QString detail;
        const Probe probe = probeExisting(m_path, m_options, &handle, &detail);
        if (probe == Probe::Unfit)
            return fail(Status::Failed, unfitError(m_path, detail));
        if (probe == Probe::Stale) {
            m_recoveredStale = true;
            qCInfo(lcStore).noquote() << "Took over the lock file" << m_path << "left behind by"
                                      << (detail.isEmpty() ? QStringLiteral("a process that is gone")
                                                           : QStringLiteral("\"%1\", no longer running").arg(detail));
            break;
        }
        if (SteadyClock::now() >= createDeadline) {
            // As msal-extensions: carry on to the flock, which is the real arbiter from here.
            qCDebug(lcStore).noquote() << "Could not create the lock file" << m_path << "within"
                                       << m_options.createTimeout.count() << "ms; trying to lock it anyway";
            break;
        }
        if (probe == Probe::Held)
            sleepFor(m_options.retryInterval);
    }

    // Phase 2: flock, unless the stale take-over already holds it.
    if (handle == kInvalid) {
        const auto lockDeadline = SteadyClock::now() + m_options.lockTimeout;
        for (;;) {
            QString unfit;
            handle = openFitFile(m_path, /*create=*/true, &err, &unfit);
            if (!unfit.isEmpty())
                return fail(Status::Failed, unfitError(m_path, unfit));
            if (handle == kInvalid) {
                return fail(Status::Failed,
                            QCoreApplication::translate("tenantry::FileLock", "Cannot open the lock file %1: %2")
                                .arg(m_path, qt_error_string(err)));
            }
            const LockOutcome outcome = tryLock(handle, &err);
            if (outcome == LockOutcome::Locked && isStillAt(handle, m_path))
                break;
            QString owner;
            if (outcome == LockOutcome::Locked)
                unlockFile(handle); // its holder deleted it under us: lock the file now at the path
            else
                owner = describeOwner(readHead(handle));
            closeFile(handle);
            handle = kInvalid;
            if (outcome == LockOutcome::Error) {
                return fail(Status::Failed,
                            QCoreApplication::translate("tenantry::FileLock", "Cannot lock the lock file %1: %2")
                                .arg(m_path, qt_error_string(err)));
            }
            if (SteadyClock::now() >= lockDeadline) {
                const QString heldBy =
                    owner.isEmpty() ? QString()
                                    : QCoreApplication::translate("tenantry::FileLock", " (held by %1)").arg(owner);
                return fail(
                    Status::TimedOut,
                    QCoreApplication::translate("tenantry::FileLock",
                                                "Timed out after %1 s waiting for the lock file %2%3; "
                                                "another program is using the token cache")
                        .arg(QString::number(static_cast<double>(elapsedMs(start)) / 1000.0, 'f', 1), m_path, heldBy));
            }
            if (outcome == LockOutcome::Busy)
                sleepFor(m_options.retryInterval);
        }
    }

    if (!writeOwner(handle, ownerText(), &err)) {
        // The lock is held all the same; the text only tells people who holds it.
        qCWarning(lcStore).noquote() << "Could not write to the lock file" << m_path << ":" << qt_error_string(err);
    }
#if defined(Q_OS_WIN)
    m_handle = handle;
#else
    m_fd = handle;
#endif
    m_status = Status::Locked;
    qCDebug(lcStore).noquote() << "Locked" << m_path << "in" << elapsedMs(start) << "ms"
                               << (created ? "" : "(without creating it)");
    return true;
}

void FileLock::release()
{
#if defined(Q_OS_WIN)
    if (m_handle == nullptr)
        return;
    releaseFile(static_cast<Handle>(m_handle), m_path);
    m_handle = nullptr;
#else
    if (m_fd < 0)
        return;
    releaseFile(m_fd, m_path);
    m_fd = -1;
#endif
    m_status = Status::Unlocked;
    qCDebug(lcStore).noquote() << "Released" << m_path;
}

} // namespace tenantry
