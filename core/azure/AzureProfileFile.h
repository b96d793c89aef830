#pragma once

#include "azure/AzureProfile.h"
#include "store/FileLock.h"

#include <functional>

namespace tenantry {

// azureProfile.json as a file several programs change: az (which takes no lock and rewrites it in
// place), other Tenantry processes, this one. Every change is an operation applied to the file as it
// is on disk at that moment, never a copy loaded earlier, so nobody's subscriptions are lost:
//   1. lock "azureProfile.json.lockfile" (FileLock; only Tenantry processes take it);
//   2. read the file now (a file that does not parse is read again a few times: az may be halfway
//      through its in-place rewrite);
//   3. apply the change;
//   4. read the file again just before the atomic replace; when it changed since step 2 (az wrote),
//      start over from step 2, a bounded number of times;
//   5. write atomically (AzureProfile::save: BOM, az's bytes, the mode kept, a corrupt file kept as .bak).
// Blocks the calling thread for the lock (about 3.5 s at most) and the rereads (about 1 s at most).
class AzureProfileFile
{
public:
    // The change to make, on the profile as it is now. Returns false to write nothing.
    using Change = std::function<bool(AzureProfile& profile)>;

    struct Result
    {
        bool ok = false;
        bool written = false; // false when the change was refused or left the document as it was
        AzureProfile profile; // what is on disk now (what was written, or what was read)
        QString error;        // for people: names the file, never quotes it
    };

    explicit AzureProfileFile(QString path);
    AzureProfileFile(QString path, FileLockOptions lockOptions);

    const QString& path() const { return m_path; }
    QString lockPath() const { return m_path + QStringLiteral(".lockfile"); }

    Result modify(const Change& change) const;

    // The lock's waits for the profile: its holders keep it for milliseconds, and the GUI thread may wait.
    static FileLockOptions defaultLockOptions();

private:
    QString m_path;
    FileLockOptions m_lockOptions;
};

} // namespace tenantry
