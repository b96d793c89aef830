#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <cstdint>

namespace tenantry {

// Timing of FileLock. The defaults are msal-extensions 1.0's (CrossPlatLock + portalocker 2.2.1); tests
// shorten them.
struct FileLockOptions
{
    // Phase 1: create the lock file exclusively, retrying this long. Like Python, carry on when it
    // never succeeds (the file may be left over from a crash).
    std::chrono::milliseconds createTimeout{5000};
    // Phase 2: flock the lock file, retrying this long. A timeout here is a failure.
    std::chrono::milliseconds lockTimeout{5000};
    std::chrono::milliseconds retryInterval{250};
    // A lock file nobody holds a lock on, with no owner pid in it, counts as left behind by a crash
    // once it is this old. (A live owner's file is empty for microseconds only, between its create
    // and its flock.) Files that name a pid are judged by whether that process still runs.
    std::chrono::milliseconds staleEmptyFileAge{2000};
};

// The cross-process lock that msal-extensions 1.0 (so az, Azure PowerShell's MSAL and MSAL Python apps)
// takes around every write of a shared token cache: "<cache file>.lockfile".
//
// Protocol (reference §3.2), interoperable with Python's CrossPlatLock:
//   1. open(O_CREAT|O_EXCL), retried every 0.25 s for up to 5 s; carry on even if it never succeeds;
//   2. open(O_RDWR|O_CREAT) + flock(LOCK_EX|LOCK_NB), retried every 0.25 s for up to 5 s (timeout = failure);
//   3. truncate and write "<pid> <argv0>" (UTF-8, no newline);
//   release: delete the file, unlock, close (deleting ENOENT is fine).
// Where it goes beyond Python, it only makes waiting shorter or locking safer:
//   - A lock file that nobody holds a flock on and whose owner pid is no longer running (a crashed
//     holder) is taken over at once instead of after the 5 s create phase.
//   - After flock succeeds, the locked file must still be the one at the path (another releaser may
//     have deleted it in between); otherwise the lock is retried on the new file.
//   - Release deletes the file while still holding the flock, and only when the path still names it.
//
// acquire() blocks the calling thread (up to createTimeout + lockTimeout): call it off the GUI thread.
// The operating system's part (flock on POSIX; LockFileEx on bytes 0..2^31-1 on Windows, as portalocker's
// msvcrt.locking) is in FileLock_unix.cpp / FileLock_win.cpp behind store/FileLockPlatform.h.
class FileLock
{
public:
    using Options = FileLockOptions;

    enum class Status {
        Unlocked, // not tried yet, or released
        Locked,
        TimedOut, // another process kept it for the whole wait; nothing was changed
        Failed,   // the lock file could not be created or opened (missing directory, permissions)
    };

    explicit FileLock(QString lockPath);
    FileLock(QString lockPath, Options options);
    ~FileLock(); // releases
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    // Returns true when locked (also when already locked by this object).
    bool acquire();
    void release();

    bool isLocked() const { return m_status == Status::Locked; }
    Status status() const { return m_status; }
    // Why acquire() failed, for people: names the lock file and the reason, never more.
    const QString& error() const { return m_error; }
    const QString& path() const { return m_path; }
    const Options& options() const { return m_options; }
    // True when this lock took over a file a dead process had left behind.
    bool recoveredStaleLock() const { return m_recoveredStale; }

    // "<pid> <argv0>", what a holder writes into the file (Python: '{} {}'.format(pid, sys.argv[0])).
    static QByteArray ownerText();

private:
    bool fail(Status status, const QString& error);

    QString m_path;
    Options m_options;
    Status m_status = Status::Unlocked;
    QString m_error;
    bool m_recoveredStale = false;
    std::intptr_t m_handle = -1; // a file descriptor or a HANDLE: store/FileLockPlatform.h
};

} // namespace tenantry
