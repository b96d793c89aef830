#pragma once

#include <QByteArray>
#include <QString>

namespace tenantry {

// Whole-file writes that never leave a half-written file behind: the MSAL token cache,
// azureProfile.json, clouds.config. Error strings are for people: they name the file and give the OS
// reason, never the content. Blocking (fsync): call off the GUI thread where that matters.
class AtomicFile
{
public:
    // Replaces `path` with `bytes`: written to a temporary file in the same directory, fsync'ed, then
    // renamed over the target (and the directory fsync'ed). A new file gets `newFileMode` (POSIX bits,
    // e.g. 0600, whatever the umask); with KeepExisting an existing file keeps its mode (without setuid/setgid/sticky),
    // so a replace never widens it, and its owner where the OS lets us. A symlink stays a symlink: its
    // target is replaced. On any failure the original is untouched and the temporary file is removed.
    // The new file's mtime is the precise current time (see AtomicFile_unix.cpp: msal-extensions reloads
    // only when the mtime is newer than its last sync).
    static bool write(const QString& path, const QByteArray& bytes, int newFileMode, QString* error)
    {
        return write(path, bytes, newFileMode, ModePolicy::KeepExisting, error);
    }
    static bool write(const QString& path, const QByteArray& bytes, QString* error)
    {
        return write(path, bytes, 0600, error);
    }

    enum class ModePolicy {
        KeepExisting, // files without secrets (azureProfile.json, clouds.config): the user's mode stays
        Always,       // secrets (the token cache): `mode` whatever the old file's was, so a loose one is tightened
    };
    static bool write(const QString& path, const QByteArray& bytes, int mode, ModePolicy policy, QString* error);

    enum class CreateResult {
        Created,
        Exists, // something is already at `path`; it was left alone
        Failed,
    };
    // Creates `path` with `bytes` only when nothing is there yet (O_EXCL: two callers never pick the
    // same name), with `mode`, fsync'ed. For backups (".bak", ".bak.1", ...). On failure nothing is left.
    static CreateResult createNew(const QString& path, const QByteArray& bytes, int mode, QString* error);
};

} // namespace tenantry
