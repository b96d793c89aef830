#include "store/FileLockPlatform.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>

#include <windows.h>

// Windows: portalocker locks with msvcrt.locking(fd, LK_NBLCK, 2**31-1) from offset 0, i.e. LockFile on
// bytes [0, 0x7fffffff). Every handle shares read/write/delete so Python's open() and os.remove() work.
// NOTE: written against the Win32 documentation; not compiled in the Linux CI of this tree yet.

namespace tenantry::filelock {

namespace {

constexpr DWORD kShareAll = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
constexpr DWORD kLockedBytes = 0x7fffffff;

HANDLE win(Handle h)
{
    return reinterpret_cast<HANDLE>(h);
}

std::wstring nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

bool removeFile(const QString& path, int* err)
{
    if (DeleteFileW(nativePath(path).c_str()))
        return true;
    const DWORD e = GetLastError();
    *err = static_cast<int>(e);
    return e == ERROR_FILE_NOT_FOUND || e == ERROR_ACCESS_DENIED; // gone, or already taken by another
}

} // namespace

CreateOutcome createExclusive(const QString& path, int* err)
{
    const HANDLE h = CreateFileW(nativePath(path).c_str(), GENERIC_WRITE, kShareAll, nullptr, CREATE_NEW,
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
    const HANDLE h = CreateFileW(nativePath(path).c_str(), GENERIC_READ | GENERIC_WRITE, kShareAll, nullptr,
                                 create ? OPEN_ALWAYS : OPEN_EXISTING,
                                 FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        *err = static_cast<int>(GetLastError());
    return reinterpret_cast<Handle>(h);
}

QString openRefusal(int)
{
    return QString();
}

QString unfitReason(Handle h)
{
    BY_HANDLE_FILE_INFORMATION info = {};
    if (GetFileType(win(h)) != FILE_TYPE_DISK || !GetFileInformationByHandle(win(h), &info) ||
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
    if (LockFileEx(win(h), LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, kLockedBytes, 0, &at))
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
    UnlockFileEx(win(h), 0, kLockedBytes, 0, &at);
}

void closeFile(Handle h)
{
    CloseHandle(win(h));
}

bool isStillAt(Handle h, const QString& path)
{
    const HANDLE other = CreateFileW(nativePath(path).c_str(), FILE_READ_ATTRIBUTES, kShareAll, nullptr, OPEN_EXISTING,
                                     FILE_ATTRIBUTE_NORMAL, nullptr);
    if (other == INVALID_HANDLE_VALUE)
        return false;
    BY_HANDLE_FILE_INFORMATION a = {};
    BY_HANDLE_FILE_INFORMATION b = {};
    const bool same = GetFileInformationByHandle(win(h), &a) && GetFileInformationByHandle(other, &b) &&
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
    if (!ReadFile(win(h), buffer, sizeof buffer, &got, &at))
        return {};
    return QByteArray(buffer, static_cast<qsizetype>(got));
}

bool writeOwner(Handle h, const QByteArray& text, int* err)
{
    DWORD written = 0;
    if (SetFilePointer(win(h), 0, nullptr, FILE_BEGIN) == INVALID_SET_FILE_POINTER || !SetEndOfFile(win(h)) ||
        !WriteFile(win(h), text.constData(), static_cast<DWORD>(text.size()), &written, nullptr) ||
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
    if (!GetFileTime(win(h), nullptr, nullptr, &modified))
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

// Windows cannot create a file whose name is pending deletion, so delete only after closing (Python's order).
void releaseFile(Handle h, const QString& path)
{
    unlockFile(h);
    closeFile(h);
    int err = 0;
    if (!removeFile(path, &err))
        qCWarning(lcStore).noquote() << "Could not delete the lock file" << path << ":" << qt_error_string(err);
}

QString programPathFromSystem()
{
    return QString();
}

} // namespace tenantry::filelock
