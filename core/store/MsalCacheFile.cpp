#include "store/MsalCacheFile.h"

#include "azure/AzureConfigDir.h"
#include "store/AtomicFile.h"
#include "store/BoundedFileRead.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

#include <thread>

namespace tenantry {

namespace {

using Status = MsalCacheFile::Status;

// MSAL Python's FilePersistence.save() truncates, then writes, under the lock; a lock-free read can
// catch the file empty or half-written. MSAL's own find() retries 3 times, 0.5 s apart; this is as
// patient (4 more reads, 0.25 s apart), and only while the lock file says a writer is at work.
constexpr int kHalfWrittenRereads = 4;
constexpr std::chrono::milliseconds kHalfWrittenPause{250};

// Backups never overwrite one another: ".bak", then ".bak.1" ... ".bak.<this>".
constexpr int kMaxBackupSuffix = 999;

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

struct RawRead
{
    MsalCacheFile::ReadResult result;
    QByteArray bytes;
};

RawRead readOnce(const QString& path)
{
    RawRead raw;
    MsalCacheFile::ReadResult& r = raw.result;
    BoundedFileRead file = BoundedFileRead::read(path, json::kMaxDocumentBytes);
    switch (file.status) {
    case BoundedFileRead::Status::Missing:
        r.status = Status::Missing;
        return raw;
    case BoundedFileRead::Status::TooLarge:
    case BoundedFileRead::Status::Unreadable:
        r.status = Status::IoError;
        r.error = QCoreApplication::translate("tenantry::MsalCacheFile", "Cannot read the token cache file %1: %2")
                      .arg(path, file.reason);
        return raw;
    case BoundedFileRead::Status::Ok:
        break;
    }
    raw.bytes = std::move(file.bytes);
    r.digest = FileContentDigest(raw.bytes);

    // A BOM and nothing else: an empty cache, as an empty file is (MsalCache::parse would call it empty JSON).
    if (raw.bytes.startsWith(kUtf8Bom) && raw.bytes.mid(3).trimmed().isEmpty()) {
        r.status = Status::Ok;
        r.hadBom = true;
        return raw;
    }
    QString why;
    if (!MsalCache::parse(raw.bytes, &r.cache, &why, &r.hadBom)) {
        r.status = Status::Corrupt;
        r.cache = MsalCache();
        // `why` comes from the parser and never quotes the content.
        r.error = QCoreApplication::translate("tenantry::MsalCacheFile",
                                              "The token cache file %1 cannot be read: %2. It was left as it is.")
                      .arg(path, why);
        return raw;
    }
    r.status = Status::Ok;
    return raw;
}

bool looksHalfWritten(const RawRead& raw)
{
    return raw.result.status == Status::Corrupt || (raw.result.status == Status::Ok && raw.bytes.isEmpty());
}

// Keeps `bytes` (the file as it was) in the first free "<path>.bak[.N]". Returns that path, or empty.
QString backUp(const QString& path, const QByteArray& bytes, QString* error)
{
    for (int n = 0; n <= kMaxBackupSuffix; ++n) {
        const QString candidate = n == 0 ? path + QStringLiteral(".bak") : path + QStringLiteral(".bak.%1").arg(n);
        switch (AtomicFile::createNew(candidate, bytes, 0600, error)) {
        case AtomicFile::CreateResult::Created:
            return candidate;
        case AtomicFile::CreateResult::Exists:
            continue;
        case AtomicFile::CreateResult::Failed:
            return QString();
        }
    }
    *error = QCoreApplication::translate("tenantry::MsalCacheFile", "%1.bak through %1.bak.%2 all exist")
                 .arg(path)
                 .arg(kMaxBackupSuffix);
    return QString();
}

// Regular files in the cache's folder whose names match `pattern` (anchored); symlinks are never
// followed nor counted: Tenantry only ever creates regular files there.
QFileInfoList regularFilesMatching(const QString& cachePath, const QRegularExpression& pattern)
{
    const QFileInfo cache(cachePath);
    QFileInfoList found;
    const QFileInfoList candidates =
        QDir(cache.absolutePath()).entryInfoList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks);
    for (const QFileInfo& info : candidates) {
        if (!info.isSymLink() && pattern.match(info.fileName()).hasMatch())
            found << info;
    }
    return found;
}

QRegularExpression backupPattern(const QString& cachePath)
{
    return QRegularExpression(
        QStringLiteral("^%1\\.bak(\\.[0-9]+)?$").arg(QRegularExpression::escape(QFileInfo(cachePath).fileName())));
}

// AtomicFile's temporary files for the cache: ".<name>.tmp-XXXXXX".
QRegularExpression tempFilePattern(const QString& cachePath)
{
    return QRegularExpression(QStringLiteral("^\\.%1\\.tmp-[A-Za-z0-9]{6}$")
                                  .arg(QRegularExpression::escape(QFileInfo(cachePath).fileName())));
}

int backupNumber(const QFileInfo& info)
{
    const qsizetype dot = info.fileName().lastIndexOf(QLatin1Char('.'));
    bool ok = false;
    const int n = info.fileName().mid(dot + 1).toInt(&ok);
    return ok ? n : 0;
}

// Deletes `path`, appending why to `errors` when it cannot.
bool removeNamed(const QString& path, const QString& what, QStringList* errors)
{
    QFile file(path);
    if (file.remove() || !QFileInfo::exists(path))
        return true;
    errors->append(QCoreApplication::translate("tenantry::MsalCacheFile", "Cannot delete the %1 %2: %3")
                       .arg(what, path, file.errorString()));
    qCWarning(lcStore).noquote() << errors->constLast();
    return false;
}

// Only ever called under the lock: every Tenantry writer writes its temporary file while holding it,
// so one that is there now was left by a writer that was killed.
void removeLeftoverTempFiles(const QString& cachePath)
{
    QStringList errors;
    for (const QFileInfo& info : regularFilesMatching(cachePath, tempFilePattern(cachePath))) {
        if (removeNamed(info.absoluteFilePath(),
                        QCoreApplication::translate("tenantry::MsalCacheFile", "temporary token cache file"), &errors))
            qCInfo(lcStore).noquote() << "Deleted" << info.absoluteFilePath() << "left behind by a killed writer";
    }
}

// Keeps at most MsalCacheFile::kMaxBackups backups: the oldest go first.
void pruneBackups(const MsalCacheFile& file)
{
    const QStringList backups = file.backupPaths();
    QStringList errors;
    for (qsizetype i = 0; i + MsalCacheFile::kMaxBackups < backups.size(); ++i) {
        if (removeNamed(backups.at(i), QCoreApplication::translate("tenantry::MsalCacheFile", "token cache backup"),
                        &errors))
            qCInfo(lcStore).noquote() << "Deleted the oldest token cache backup" << backups.at(i);
    }
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Missing:
        return QStringLiteral("missing");
    case Status::Corrupt:
        return QStringLiteral("corrupt");
    case Status::IoError:
        return QStringLiteral("unreadable");
    case Status::LockTimeout:
        return QStringLiteral("locked");
    }
    return QString();
}

} // namespace

MsalCacheFile::MsalCacheFile(QString path)
    : m_path(std::move(path))
{}

MsalCacheFile::MsalCacheFile(QString path, FileLockOptions lockOptions)
    : m_path(std::move(path))
    , m_lockOptions(lockOptions)
{}

QByteArray FileContentDigest::sha256() const
{
    return m_present ? QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256) : QByteArray();
}

MsalCacheFile::ReadResult MsalCacheFile::read() const
{
    RawRead raw = readOnce(m_path);
    for (int i = 0; i < kHalfWrittenRereads && looksHalfWritten(raw) && QFileInfo::exists(lockPath()); ++i) {
        qCDebug(lcStore).noquote() << "The token cache file" << m_path
                                   << "looks half-written while locked; reading again";
        std::this_thread::sleep_for(kHalfWrittenPause);
        raw = readOnce(m_path);
    }
    if (raw.result.status == Status::Corrupt || raw.result.status == Status::IoError)
        qCWarning(lcStore).noquote() << raw.result.error;
    else
        qCDebug(lcStore).noquote() << "Read" << m_path << ":" << statusName(raw.result.status) << ","
                                   << raw.result.cache.entryCount() << "entries" << (raw.result.hadBom ? "(BOM)" : "");
    return raw.result;
}

MsalCacheFile::WriteResult MsalCacheFile::modify(const std::function<void(MsalCache&)>& change,
                                                 const MsalCache* fallback)
{
    WriteResult out;
    // The cache file's folder is az's configuration directory: created private, warned about when it is not.
    QString dirError;
    if (!AzureConfigDir(QFileInfo(m_path).absolutePath()).ensureExists(&dirError)) {
        out.status = Status::IoError;
        out.error =
            QCoreApplication::translate("tenantry::MsalCacheFile", "The token cache file %1 was not changed: %2")
                .arg(m_path, dirError);
        qCWarning(lcStore).noquote() << out.error;
        return out;
    }

    FileLock lock(lockPath(), m_lockOptions);
    if (!lock.acquire()) {
        out.status = lock.status() == FileLock::Status::TimedOut ? Status::LockTimeout : Status::IoError;
        out.error =
            QCoreApplication::translate("tenantry::MsalCacheFile", "The token cache file %1 was not changed: %2")
                .arg(m_path, lock.error());
        return out; // FileLock has logged why
    }

    // Re-read under the lock: az or another app may have written since anyone here last looked.
    const RawRead current = readOnce(m_path);
    out.status = current.result.status;
    if (current.result.status == Status::IoError) {
        out.error =
            current.result.error + QCoreApplication::translate("tenantry::MsalCacheFile", ". Nothing was written.");
        qCWarning(lcStore).noquote() << out.error;
        return out;
    }
    removeLeftoverTempFiles(m_path);
    const bool corrupt = current.result.status == Status::Corrupt;
    MsalCache updated = corrupt ? (fallback ? *fallback : MsalCache()) : current.result.cache;
    change(updated);

    const bool unchanged = corrupt ? (!fallback && updated == MsalCache()) : updated == current.result.cache;
    if (unchanged) {
        out.ok = true;
        out.cache = current.result.cache;
        out.digest = current.result.digest;
        out.error = current.result.error; // a corrupt file stays corrupt: say so
        qCDebug(lcStore).noquote() << "No change to" << m_path << "; nothing written";
        return out;
    }

    if (corrupt || current.result.hadBom) {
        QString backupError;
        out.backupPath = backUp(m_path, current.bytes, &backupError);
        if (out.backupPath.isEmpty()) {
            out.error =
                QCoreApplication::translate("tenantry::MsalCacheFile",
                                            "The token cache file %1 was not changed: its current content could not be "
                                            "kept aside first (%2)")
                    .arg(m_path, backupError);
            qCWarning(lcStore).noquote() << out.error;
            return out;
        }
        qCInfo(lcStore).noquote() << "Kept the" << (corrupt ? "unreadable" : "BOM-prefixed") << "token cache file"
                                  << m_path << "as" << out.backupPath << "before rewriting it";
        pruneBackups(*this);
    }

    const QByteArray bytes = updated.serialize();
    QString writeError;
    if (!AtomicFile::write(m_path, bytes, 0600, AtomicFile::ModePolicy::Always, &writeError)) {
        out.error =
            QCoreApplication::translate("tenantry::MsalCacheFile", "The token cache file %1 was not changed: %2")
                .arg(m_path, writeError);
        return out;
    }
    out.ok = true;
    out.changed = true;
    out.digest = FileContentDigest(bytes);
    qCDebug(lcStore).noquote() << "Wrote" << m_path << ":" << updated.entryCount() << "entries," << bytes.size()
                               << "bytes";
    out.cache = std::move(updated);
    return out;
}

bool MsalCacheFile::remove(QString* error)
{
    if (!QFileInfo(QFileInfo(m_path).absolutePath()).isDir())
        return true; // no folder: no file, and nowhere for a lock file
    FileLock lock(lockPath(), m_lockOptions);
    if (!lock.acquire()) {
        if (error)
            *error =
                QCoreApplication::translate("tenantry::MsalCacheFile", "The token cache file %1 was not deleted: %2")
                    .arg(m_path, lock.error());
        return false;
    }
    QStringList errors;
    removeLeftoverTempFiles(m_path);
    QString backupErrors;
    if (!removeBackups(&backupErrors))
        errors << backupErrors;
    QFile file(m_path);
    if (file.exists() || QFileInfo(m_path).isSymLink()) {
        if (removeNamed(m_path, QCoreApplication::translate("tenantry::MsalCacheFile", "token cache file"), &errors))
            qCInfo(lcStore).noquote() << "Deleted the token cache file" << m_path;
    }
    if (!errors.isEmpty() && error)
        *error = errors.join(QLatin1Char(' '));
    return errors.isEmpty();
}

QStringList MsalCacheFile::backupPaths() const
{
    QFileInfoList backups = regularFilesMatching(m_path, backupPattern(m_path));
    std::sort(backups.begin(), backups.end(), [](const QFileInfo& a, const QFileInfo& b) {
        const QDateTime aTime = a.lastModified();
        const QDateTime bTime = b.lastModified();
        return aTime != bTime ? aTime < bTime : backupNumber(a) < backupNumber(b);
    });
    QStringList paths;
    for (const QFileInfo& info : std::as_const(backups))
        paths << info.absoluteFilePath();
    return paths;
}

bool MsalCacheFile::removeBackups(QString* error) const
{
    QStringList errors;
    for (const QString& backup : backupPaths()) {
        if (removeNamed(backup, QCoreApplication::translate("tenantry::MsalCacheFile", "token cache backup"), &errors))
            qCInfo(lcStore).noquote() << "Deleted the token cache backup" << backup;
    }
    if (!errors.isEmpty() && error)
        *error = errors.join(QLatin1Char(' '));
    return errors.isEmpty();
}

bool MsalCacheFile::removeBackupsMentioning(const QList<QByteArray>& needles, QString* error) const
{
    QStringList errors;
    for (const QString& backup : backupPaths()) {
        // A backup is a copy of a cache file Tenantry could read in full, so the same bound applies.
        const BoundedFileRead read = BoundedFileRead::read(backup, json::kMaxDocumentBytes);
        if (read.status == BoundedFileRead::Status::Missing)
            continue;
        if (read.status != BoundedFileRead::Status::Ok) {
            errors << QCoreApplication::translate(
                          "tenantry::MsalCacheFile",
                          "Cannot read the token cache backup %1 to see whether it holds a removed "
                          "account: %2")
                          .arg(backup, read.reason);
            qCWarning(lcStore).noquote() << errors.constLast();
            continue;
        }
        const bool mentions = std::any_of(needles.cbegin(), needles.cend(), [&read](const QByteArray& needle) {
            return !needle.isEmpty() && read.bytes.contains(needle);
        });
        if (mentions &&
            removeNamed(backup, QCoreApplication::translate("tenantry::MsalCacheFile", "token cache backup"), &errors))
            qCInfo(lcStore).noquote() << "Deleted the token cache backup" << backup << "holding a removed account";
    }
    if (!errors.isEmpty() && error)
        *error = errors.join(QLatin1Char(' '));
    return errors.isEmpty();
}

} // namespace tenantry
