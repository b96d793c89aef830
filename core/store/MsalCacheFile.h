#pragma once

#include "cache/MsalCache.h"
#include "store/FileLock.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace tenantry {

// The SHA-256 of the bytes a read found or a write left in the file, computed when asked for: a read that
// only needs the tokens (a cached token served from the file) never hashes the whole cache. Holds the
// bytes (shared, not copied) until then; sha256() computes it anew on each call.
class FileContentDigest
{
public:
    FileContentDigest() = default; // no file: the digest is empty
    explicit FileContentDigest(QByteArray bytes)
        : m_bytes(std::move(bytes))
        , m_present(true)
    {}

    QByteArray sha256() const; // raw 32 bytes (toHex() for text); empty when there was no file

private:
    QByteArray m_bytes;
    bool m_present = false;
};

// The plaintext MSAL token cache that az, Azure PowerShell and MSAL Python read:
// $AZURE_CONFIG_DIR/msal_token_cache.json. Writes follow msal-extensions: the cross-process lock
// file, a re-read under the lock (another process may have written since), an atomic replace
// with mode 0600, no BOM. A file that cannot be read as a cache is never overwritten with less:
// it is copied to a ".bak" first and the error names the file.
//
// Backups hold plaintext tokens, so they are treated as the cache itself: created 0600 whatever the
// original's mode, at most kMaxBackups kept (the oldest by modification time removed when a new one is
// made), deleted with the accounts they mention (removeBackupsMentioning) and by remove() (the wipe).
class MsalCacheFile
{
public:
    enum class Status {
        Ok,          // parsed (an empty file is an empty cache, as in MSAL)
        Missing,     // no file: an empty cache
        Corrupt,     // not JSON, nested too deep, or not a token cache (MsalCache::parse); `cache` is empty,
                     // the file is untouched
        IoError,     // exists but cannot be read (permissions, a directory, larger than
                     // json::kMaxDocumentBytes); never written over, never backed up
        LockTimeout, // modify()/remove() only: another program kept the lock; nothing was written
    };

    struct ReadResult
    {
        Status status = Status::Missing;
        MsalCache cache;
        QString error;            // for people: names the file, never quotes it
        FileContentDigest digest; // of the bytes read; empty when missing
        bool hadBom = false;      // a BOM breaks MSAL Python: the next write drops it
    };

    struct WriteResult
    {
        bool ok = false;
        bool changed = false;     // false when the change left the document as it was (nothing written)
        MsalCache cache;          // what is on disk now
        FileContentDigest digest; // of the file's bytes now, as ReadResult::digest (empty when missing)
        QString error;            // why it failed; also set (with ok) when a corrupt file was left alone by a no-op
        QString backupPath;       // set when an unreadable or BOM-prefixed file was kept aside first
        // What the file was found to be under the lock: Ok/Missing/Corrupt (then written over, after the
        // backup, or left alone when the change did nothing), IoError or LockTimeout (nothing written).
        Status status = Status::Ok;
    };

    explicit MsalCacheFile(QString path);
    MsalCacheFile(QString path, FileLockOptions lockOptions); // tests shorten the lock's waits

    const QString& path() const { return m_path; }
    QString lockPath() const { return m_path + QStringLiteral(".lockfile"); }

    // Lock-free read, as MSAL's find() does. A file that is empty or does not parse while the lock file
    // exists may be half-written by MSAL Python (it truncates, then writes): it is read again up to 4
    // times, 0.25 s apart, before it counts as what it is.
    ReadResult read() const;

    // Read-modify-write under the lock (blocks up to the lock's timeouts, 10 s by default: call it off the
    // GUI thread). `change` gets the cache as it is on disk now (or, when the file is corrupt, `fallback`
    // if given, else an empty cache) and edits it in place. Nothing is written when the document is the
    // same afterwards (a no-op leaves even a BOM-prefixed file as it is); a corrupt file with no fallback
    // and a no-op change is left alone too. Before a corrupt or BOM-prefixed file is replaced, its bytes
    // go to "<path>.bak" (".bak.1", ".bak.2", ... when taken); if that fails, nothing is written.
    // The file is written atomically, always 0600, no BOM, exactly MsalCache::serialize(). Never writes
    // without the lock, nor over a file it could not read. Temporary files a killed writer left behind
    // (AtomicFile's ".<name>.tmp-XXXXXX", only ever written under the lock) are deleted under the lock.
    WriteResult modify(const std::function<void(MsalCache&)>& change, const MsalCache* fallback = nullptr);

    // `az account clear` deletes the file; so do we, under the lock, with every backup of it and any
    // temporary file a killed writer left. A missing file is success.
    bool remove(QString* error);

    // How many ".bak" copies are kept at most.
    static constexpr int kMaxBackups = 3;
    // The backups of this file there are now (regular files named "<path>.bak" or "<path>.bak.<n>"),
    // oldest first.
    QStringList backupPaths() const;
    // Deletes every backup; one that cannot be deleted is named in `error` and the others still go.
    bool removeBackups(QString* error) const;
    // Deletes every backup whose bytes contain one of `needles` (a byte search: a backup need not parse).
    // A backup that cannot be read or deleted is named in `error` and the others are still handled.
    bool removeBackupsMentioning(const QList<QByteArray>& needles, QString* error) const;

private:
    QString m_path;
    FileLockOptions m_lockOptions;
};

} // namespace tenantry
