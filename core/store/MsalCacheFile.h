#pragma once

#include "cache/MsalCache.h"

#include <QString>

#include <functional>

namespace tenantry {

// The plaintext MSAL token cache that az, Azure PowerShell and MSAL Python read:
// $AZURE_CONFIG_DIR/msal_token_cache.json. Writes follow msal-extensions: the cross-process lock
// file, a re-read under the lock (another process may have written since), an atomic replace
// with mode 0600, no BOM. A file that cannot be read as a cache is never overwritten with less:
// it is copied to a ".bak" first and the error names the file.
class MsalCacheFile
{
public:
    enum class Status {
        Ok,       // parsed (an empty file is an empty cache, as in MSAL)
        Missing,  // no file: an empty cache
        Corrupt,  // not JSON or not an object; `cache` is empty, the file is untouched
        IoError,  // exists but cannot be read (permissions)
        LockTimeout,
    };

    struct ReadResult
    {
        Status status = Status::Missing;
        MsalCache cache;
        QString error; // for people: names the file, never quotes it
        QByteArray digest; // SHA-256 of the bytes read (empty when missing)
        bool hadBom = false; // a BOM breaks MSAL Python: the next write drops it
    };

    struct WriteResult
    {
        bool ok = false;
        bool changed = false; // false when the change left the document as it was (nothing written)
        MsalCache cache; // what is on disk now
        QByteArray digest;
        QString error;
        QString backupPath; // set when an unreadable or BOM-prefixed file was kept aside first
    };

    explicit MsalCacheFile(QString path);

    const QString& path() const { return m_path; }
    QString lockPath() const { return m_path + QStringLiteral(".lockfile"); }

    // Lock-free read, as MSAL's find() does.
    ReadResult read() const;

    // Read-modify-write under the lock. `change` gets the cache as it is on disk now (or, when the
    // file is corrupt, `fallback` if given, else an empty cache) and edits it in place.
    WriteResult modify(const std::function<void(MsalCache&)>& change, const MsalCache* fallback = nullptr);

    // `az account clear` deletes the file; so do we, under the lock.
    bool remove(QString* error);

private:
    QString m_path;
};

} // namespace tenantry
