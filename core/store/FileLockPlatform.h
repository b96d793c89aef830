#pragma once

// What FileLock needs from the operating system, one implementation per platform:
// FileLock_unix.cpp (open/flock, as portalocker's fcntl.flock) and FileLock_win.cpp (CreateFileW/
// LockFileEx on bytes 0..2^31-1, as portalocker's msvcrt.locking). The protocol stays in FileLock.cpp.

#include <QByteArray>
#include <QString>

#include <chrono>
#include <cstdint>
#include <optional>

namespace tenantry::filelock {

// A file descriptor (POSIX) or a HANDLE (Windows), both fit in an intptr_t; -1 is "none" on both
// (INVALID_HANDLE_VALUE is (HANDLE)-1).
using Handle = std::intptr_t;
inline constexpr Handle kInvalid = -1;

enum class CreateOutcome { Created, Exists, Error };
enum class LockOutcome { Locked, Busy, Error };

// Creates the file only when nothing is at `path` (O_EXCL / CREATE_NEW) and closes it again.
CreateOutcome createExclusive(const QString& path, int* err);
// Opens the lock file for reading and writing without following a link planted at `path`; kInvalid
// with `err` set on failure.
Handle openFile(const QString& path, bool create, int* err);
// Why an open of the lock file failed, when the failure means something was planted there; else empty.
QString openRefusal(int err);
// Why the opened lock file must not be locked and written; empty when it may be.
QString unfitReason(Handle h);
// Whether `err` from openFile means the file is gone (a releaser deleted it).
bool isVanished(int err);
LockOutcome tryLock(Handle h, int* err);
void unlockFile(Handle h);
void closeFile(Handle h);
// Whether the file `h` holds open is still the one named `path`.
bool isStillAt(Handle h, const QString& path);
QByteArray readHead(Handle h);
bool writeOwner(Handle h, const QByteArray& text, int* err);
std::optional<std::chrono::milliseconds> fileAge(Handle h);
bool processAlive(qint64 pid);
// Unlocks, closes and deletes the lock file, in the order the platform needs.
void releaseFile(Handle h, const QString& path);
// This process's program path as the OS records it, for when QCoreApplication cannot say; empty when
// the OS cannot either.
QString programPathFromSystem();

} // namespace tenantry::filelock
