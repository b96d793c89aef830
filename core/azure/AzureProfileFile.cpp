#include "azure/AzureProfileFile.h"

#include "store/BoundedFileRead.h"
#include "util/Logging.h"

#include <thread>

#include <QCoreApplication>

namespace tenantry {

namespace {

// az rewrites azureProfile.json in place (truncate, then write): a read can catch it empty or cut
// short. Read again this often, this far apart, before taking the file for corrupt.
constexpr int kHalfWrittenRereads = 4;
constexpr std::chrono::milliseconds kHalfWrittenPause{250};

// az wrote between our read and our write this many times in a row: give up rather than loop.
constexpr int kMaxAttempts = 5;

struct Snapshot
{
    BoundedFileRead::Status status = BoundedFileRead::Status::Missing;
    QByteArray bytes;
    QString reason;

    bool sameAs(const Snapshot& other) const { return status == other.status && bytes == other.bytes; }
};

Snapshot readNow(const QString& path)
{
    BoundedFileRead file = BoundedFileRead::read(path, json::kMaxDocumentBytes);
    return Snapshot{file.status, std::move(file.bytes), std::move(file.reason)};
}

// Cut short or empty: not JSON at all (a document of the wrong shape is not half-written).
bool isJson(const Snapshot& snapshot)
{
    return json::parse(snapshot.bytes).value.has_value();
}

// The file as it is now, waiting out az's in-place rewrite when it does not parse.
Snapshot readSettled(const QString& path)
{
    Snapshot snapshot = readNow(path);
    for (int i = 0; i < kHalfWrittenRereads && snapshot.status == BoundedFileRead::Status::Ok && !isJson(snapshot);
         ++i) {
        qCDebug(lcProfile).noquote() << "The Azure CLI profile" << path << "does not parse; reading it again";
        std::this_thread::sleep_for(kHalfWrittenPause);
        snapshot = readNow(path);
    }
    return snapshot;
}

} // namespace

AzureProfileFile::AzureProfileFile(QString path)
    : AzureProfileFile(std::move(path), defaultLockOptions())
{}

AzureProfileFile::AzureProfileFile(QString path, FileLockOptions lockOptions)
    : m_path(std::move(path))
    , m_lockOptions(lockOptions)
{}

FileLockOptions AzureProfileFile::defaultLockOptions()
{
    FileLockOptions options;
    options.createTimeout = std::chrono::milliseconds(500);
    options.lockTimeout = std::chrono::milliseconds(3000);
    options.retryInterval = std::chrono::milliseconds(50);
    return options;
}

AzureProfileFile::Result AzureProfileFile::modify(const Change& change) const
{
    Result out;
    FileLock lock(lockPath(), m_lockOptions);
    if (!lock.acquire()) {
        out.error =
            QCoreApplication::translate("tenantry::AzureProfileFile", "The Azure CLI profile %1 was not changed: %2")
                .arg(m_path, lock.error());
        return out;
    }

    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
        const Snapshot before = readSettled(m_path);
        AzureProfile profile;
        switch (before.status) {
        case BoundedFileRead::Status::TooLarge:
        case BoundedFileRead::Status::Unreadable:
            out.error = QCoreApplication::translate("tenantry::AzureProfileFile",
                                                    "Cannot read the Azure CLI profile %1: %2. Nothing was written.")
                            .arg(m_path, before.reason);
            qCWarning(lcProfile).noquote() << out.error;
            return out;
        case BoundedFileRead::Status::Missing:
            break;
        case BoundedFileRead::Status::Ok:
            // Corrupt: an empty profile that save() keeps as a .bak before writing (parse() logs why).
            profile.parse(before.bytes, m_path, nullptr);
            break;
        }
        const Json original = profile.document();
        if (!change(profile) || profile.document() == original) {
            out.ok = true;
            out.profile = std::move(profile);
            return out;
        }

        // az takes no lock: when it wrote since our read, our change goes onto what it wrote.
        if (!readNow(m_path).sameAs(before)) {
            qCInfo(lcProfile).noquote() << "The Azure CLI profile" << m_path
                                        << "changed while Tenantry changed it; applying the change again";
            continue;
        }
        if (!profile.save(m_path, &out.error))
            return out;
        out.ok = true;
        out.written = true;
        out.profile = std::move(profile);
        return out;
    }
    out.error =
        QCoreApplication::translate("tenantry::AzureProfileFile",
                                    "The Azure CLI profile %1 was not changed: another program kept rewriting it.")
            .arg(m_path);
    qCWarning(lcProfile).noquote() << out.error;
    return out;
}

} // namespace tenantry
