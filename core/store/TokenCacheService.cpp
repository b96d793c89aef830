#include "store/TokenCacheService.h"

#include "store/KeychainInStepMarker.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSet>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>
#include <optional>

namespace tenantry {

namespace {

using FileStatus = MsalCacheFile::Status;
using KeyStatus = SecretStoreResult::Status;

constexpr int kEnvelopeFormat = 1;
const QString kCacheFileName = QStringLiteral("msal_token_cache.json");
// A modify is computed against the file as read and written only if the file is still the same
// under the lock. az writes rarely; five tries in a row all losing to another writer means
// something is rewriting the file in a loop.
constexpr int kMaxFileAttempts = 5;

QByteArray hexDigest(const QByteArray& digest)
{
    return digest.size() == 32 ? digest.toHex() : digest;
}

// SHA-256 of the bytes MSAL (and MsalCacheFile) write for `cache`.
QByteArray serializedDigest(const MsalCache& cache)
{
    return QCryptographicHash::hash(cache.serialize(), QCryptographicHash::Sha256).toHex();
}

// A canonical SHA-256 of one cache entry (key order and formatting do not count), hex.
QByteArray entryDigest(const Json& entry)
{
    const std::string text = entry.dump(-1, ' ', /*ensure_ascii=*/true, Json::error_handler_t::replace);
    const nlohmann::json sorted = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    const std::string canonical = sorted.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    return QCryptographicHash::hash(QByteArray::fromStdString(canonical), QCryptographicHash::Sha256).toHex();
}

// {section: {key: entryDigest}} of every entry of `cache`: what a later three-way merge compares against.
Json entryDigests(const MsalCache& cache)
{
    Json digests = Json::object();
    for (const auto& [name, section] : cache.document().items()) {
        if (!section.is_object())
            continue;
        Json& out = digests[name];
        out = Json::object();
        for (const auto& [key, entry] : section.items())
            out[key] = entryDigest(entry).toStdString();
    }
    return digests;
}

// The digest `base` recorded for section/key, or empty when it had no such entry.
QByteArray baseDigestOf(const Json& base, const std::string& name, const std::string& key)
{
    if (!base.is_object())
        return QByteArray();
    const auto section = base.find(name);
    if (section == base.end() || !section->is_object())
        return QByteArray();
    const auto digest = section->find(key);
    return digest != section->end() && digest->is_string() ? QByteArray::fromStdString(digest->get<std::string>())
                                                           : QByteArray();
}

std::optional<qint64> timeOf(const Json& entry, const char* field)
{
    if (!entry.is_object())
        return std::nullopt;
    const auto value = entry.find(field);
    return value != entry.end() ? json::toSeconds(*value) : std::nullopt;
}

// When both copies changed one entry: the one written last, by MSAL's own timestamps (a rotated refresh
// token's last_modification_time, an access token's cached_at); the other copy's when neither says.
bool isNewer(const Json& candidate, const Json& than)
{
    for (const char* field : {"last_modification_time", "cached_at"}) {
        const std::optional<qint64> candidateTime = timeOf(candidate, field);
        const std::optional<qint64> thanTime = timeOf(than, field);
        if (candidateTime && thanTime && *candidateTime != *thanTime)
            return *candidateTime > *thanTime;
    }
    return false;
}

// Three-way merge of a copy that is ahead (`ahead`: changes another store has not taken yet) with that
// other store as it is now (`other`: someone else may have changed it since `base` was recorded).
// `base` holds the entry digests of what both had in common. Per entry:
//   - only one side changed it since the base: that side's version (a deletion counts as a change);
//   - both changed it: the newer by MSAL's timestamps, else `other`'s;
//   - added on one side: kept.
// So a sign-in or a rotated refresh token that only `ahead` has survives, and an az logout (or az
// rewriting an entry) that only `other` has is honoured.
MsalCache mergeAhead(const Json& base, const MsalCache& ahead, const MsalCache& other)
{
    Json merged = other.document();
    for (const auto& [name, aheadSection] : ahead.document().items()) {
        if (!aheadSection.is_object())
            continue;
        auto otherSection = merged.find(name);
        if (otherSection == merged.end()) {
            merged[name] = Json::object();
            otherSection = merged.find(name);
        }
        if (!otherSection->is_object())
            continue; // another program's shape: theirs stays
        for (const auto& [key, entry] : aheadSection.items()) {
            const QByteArray baseDigest = baseDigestOf(base, name, key);
            const auto there = otherSection->find(key);
            if (there == otherSection->end()) {
                if (baseDigest.isEmpty())
                    (*otherSection)[key] = entry; // new in `ahead`
                continue;                         // else deleted in `other` since the base: honoured
            }
            if (*there == entry)
                continue;
            const bool otherChanged = entryDigest(*there) != baseDigest;
            const bool aheadChanged = entryDigest(entry) != baseDigest;
            if (!otherChanged || (aheadChanged && isNewer(entry, *there)))
                *there = entry;
        }
    }
    // Entries `ahead` deleted since the base, left unchanged in `other`: deleted (a sign-out).
    for (auto& [name, otherSection] : merged.items()) {
        if (!otherSection.is_object())
            continue;
        const auto aheadSection = ahead.document().find(name);
        for (auto it = otherSection.begin(); it != otherSection.end();) {
            const bool inAhead =
                aheadSection != ahead.document().end() && aheadSection->is_object() && aheadSection->contains(it.key());
            const QByteArray baseDigest = baseDigestOf(base, name, it.key());
            if (!inAhead && !baseDigest.isEmpty() && entryDigest(it.value()) == baseDigest)
                it = otherSection.erase(it);
            else
                ++it;
        }
    }
    return MsalCache::fromDocument(std::move(merged));
}

// The string values (of at least minBytes) of `field` in the entries of `sections` that `before` had and
// `after` has not (under the same key): what a change removed.
QSet<QByteArray> removedValues(const MsalCache& before, const MsalCache& after,
                               std::initializer_list<const char*> sections, const char* field, size_t minBytes)
{
    QSet<QByteArray> removed;
    for (const char* name : sections) {
        const auto section = before.document().find(name);
        if (section == before.document().end() || !section->is_object())
            continue;
        const auto afterSection = after.document().find(name);
        for (const auto& [key, entry] : section->items()) {
            const bool kept =
                afterSection != after.document().end() && afterSection->is_object() && afterSection->contains(key);
            if (kept || !entry.is_object())
                continue;
            const auto value = entry.find(field);
            if (value != entry.end() && value->is_string() && value->get_ref<const std::string&>().size() >= minBytes)
                removed.insert(QByteArray::fromStdString(value->get<std::string>()));
        }
    }
    return removed;
}

// What no backup may keep after a change: the home_account_ids of the accounts it signed out (their refresh
// tokens or Account entries removed) and the secrets of the tokens it removed. Too short a secret would match
// unrelated bytes; real tokens are far longer.
QList<QByteArray> removedForBackups(const MsalCache& before, const MsalCache& after)
{
    QSet<QByteArray> needles = removedValues(before, after, {"RefreshToken", "Account"}, "home_account_id", 1);
    needles.unite(removedValues(before, after, {"AccessToken", "RefreshToken", "IdToken"}, "secret", 16));
    return QList<QByteArray>(needles.cbegin(), needles.cend());
}

// The keychain copy: the cache, the digest of the file content it already includes, and, when the
// keychain copy holds changes the file could not take, the entry digests of that file content.
struct Envelope
{
    QByteArray fileDigest; // hex; empty: never synced with the file
    MsalCache cache;
    Json fileBase; // null: the file has everything (as of fileDigest); else entryDigests() of it

    bool operator==(const Envelope& other) const
    {
        return fileDigest == other.fileDigest && cache == other.cache && fileBase == other.fileBase;
    }
};

QByteArray encodeEnvelope(const Envelope& envelope)
{
    Json json = Json::object();
    json["format"] = kEnvelopeFormat;
    json["fileDigest"] = envelope.fileDigest.toStdString();
    json["cache"] = envelope.cache.document();
    if (envelope.fileBase.is_object())
        json["fileBase"] = envelope.fileBase;
    const std::string text = json.dump(-1, ' ', /*ensure_ascii=*/true, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

std::optional<Envelope> decodeEnvelope(const QByteArray& bytes)
{
    json::ParseResult parsed = json::parse(bytes);
    if (!parsed.value || !parsed.value->is_object())
        return std::nullopt;
    const Json& json = *parsed.value;
    const auto format = json.find("format");
    const auto cache = json.find("cache");
    if (format == json.end() || !format->is_number_integer() || format->get<qint64>() != kEnvelopeFormat ||
        cache == json.end())
        return std::nullopt;
    Envelope envelope;
    // The keychain item is checked as the file is: another program may have written it.
    if (!MsalCache::fromJson(*cache, &envelope.cache, nullptr))
        return std::nullopt;
    const auto digest = json.find("fileDigest");
    if (digest != json.end() && digest->is_string())
        envelope.fileDigest = QByteArray::fromStdString(digest->get<std::string>());
    const auto base = json.find("fileBase");
    if (base != json.end() && base->is_object())
        envelope.fileBase = *base; // read with baseDigestOf(), which checks every shape
    return envelope;
}

// The file as one read (or one locked re-read) found it.
struct FileSnapshot
{
    FileStatus status = FileStatus::Missing;
    MsalCache cache;
    QByteArray digest; // hex; empty when missing
    QString error;
};

FileSnapshot snapshotOf(const MsalCacheFile::ReadResult& read)
{
    return {read.status, read.cache, hexDigest(read.digest.sha256()), read.error};
}

bool hasContent(const FileSnapshot& file)
{
    return file.status == FileStatus::Ok || file.status == FileStatus::Missing;
}

// Entries of `file` added to `keychain`; on a key both hold, the keychain's entry stays.
MsalCache mergeFileIntoKeychain(const MsalCache& keychain, const MsalCache& file)
{
    Json merged = keychain.document();
    for (const auto& [name, section] : file.document().items()) {
        auto existing = merged.find(name);
        if (existing == merged.end()) {
            merged[name] = section;
        } else if (existing->is_object() && section.is_object()) {
            for (const auto& [key, entry] : section.items()) {
                if (!existing->contains(key))
                    (*existing)[key] = entry;
            }
        }
    }
    return MsalCache::fromDocument(std::move(merged));
}

// What the cache is, from the keychain copy (if any) and the file as it is now.
MsalCache reconcile(const std::optional<Envelope>& envelope, const FileSnapshot& file)
{
    if (!envelope)
        return hasContent(file) ? file.cache : MsalCache();
    switch (file.status) {
    case FileStatus::Ok:
        if (envelope->fileDigest.isEmpty())
            return mergeFileIntoKeychain(envelope->cache, file.cache);
        if (envelope->fileDigest == file.digest || envelope->fileDigest == serializedDigest(file.cache))
            return envelope->cache; // the file is as last synced: the keychain copy is current
        if (envelope->fileBase.is_object()) {
            qCInfo(lcStore) << "The token cache file changed while it was behind the keychain copy: merging both";
            return mergeAhead(envelope->fileBase, envelope->cache, file.cache);
        }
        qCInfo(lcStore) << "The token cache file changed since it was last synced: taking its content";
        return file.cache;
    case FileStatus::Missing:
        if (!envelope->fileDigest.isEmpty()) {
            qCInfo(lcStore) << "The token cache file was deleted since it was last synced: the cache is cleared";
            return MsalCache();
        }
        return envelope->cache;
    case FileStatus::Corrupt:
    case FileStatus::IoError:
    case FileStatus::LockTimeout:
        break;
    }
    return envelope->cache;
}

// The digest of the file content that `cache`, computed from `basis`, already includes.
QByteArray includedDigest(const std::optional<Envelope>& envelope, const FileSnapshot& basis)
{
    if (basis.status == FileStatus::Ok)
        return basis.digest;
    if (basis.status == FileStatus::Missing)
        return QByteArray();
    return envelope ? envelope->fileDigest : QByteArray(); // unreadable: as far as the keychain knew
}

// The entry digests to record while the keychain copy is ahead of the file as `basis` found it.
Json fileBaseWhileBehind(const std::optional<Envelope>& envelope, const FileSnapshot& basis)
{
    if (basis.status == FileStatus::Ok)
        return entryDigests(basis.cache);
    if (basis.status == FileStatus::Missing)
        return Json();                             // no file: the next load merges it in as never synced
    return envelope ? envelope->fileBase : Json(); // unreadable: as far as the keychain knew
}

// What a file transaction wants written, computed from a snapshot.
struct FilePlan
{
    MsalCache cache;
    bool write = false;
};

// The outcome of reading the file, computing, and writing it if still unchanged under the lock.
struct FileTransaction
{
    bool ok = true;       // false when a wanted write did not happen
    bool written = false; // the file was rewritten
    MsalCache cache;      // what was computed (on disk too when ok)
    FileSnapshot basis;   // the snapshot `cache` was computed from
    QByteArray digest;    // hex digest of the file now: after the write, or of `basis`
    QString error;
    QString backupPath;
};

struct LockedWrite
{
    MsalCacheFile::WriteResult result;
    QByteArray digest; // hex, of result.digest: hashed on the worker, as the file was written
    bool conflict = false;
};

} // namespace

struct TokenCacheService::Private
{
    using Compute = std::function<FilePlan(const FileSnapshot&)>;
    using TransactionDone = std::function<void(FileTransaction)>;

    TokenCacheService* q;
    QPointer<SecretStore> keychain;
    QString configDir;
    QString key;
    MsalCacheFile file;
    QString keychainLockPath;
    KeychainInStepMarker inStepMarker;
    FileLockOptions lockOptions;
    QString clientId;
    std::deque<std::function<void()>> queue;
    bool busy = false;
    QSet<QString> warned;
    // Held from taking it until the operation finishes: a keychain-only read-modify-write.
    std::shared_ptr<FileLock> keychainLock;
    // Keychain-only with no keychain answering: the cache has changes no store holds, and these are the
    // entry digests of the cache as the keychain last held it, for merging once a keychain answers.
    std::optional<Json> memoryBase;
    // What the running modify removed (set by its change): the accounts it signed out and the secrets of the
    // tokens it removed. Backups holding any of them go with them.
    QList<QByteArray> removedNeedles;

    Private(TokenCacheService* owner, SecretStore* store, const QString& dir)
        : q(owner)
        , keychain(store)
        , configDir(dir)
        , key(TokenCacheService::keychainKeyFor(dir))
        , file(QDir(dir).filePath(kCacheFileName))
        , keychainLockPath(lockPathFor(key, dir))
        , inStepMarker(dir)
    {}

    // The keychain item is Tenantry's alone, so only Tenantry processes need to agree on its lock: it
    // lives in the per-user runtime directory (0700, XDG_RUNTIME_DIR), named after the item, so
    // keychain-only mode creates nothing in az's configuration directory and never makes az wait. The
    // protocol is FileLock's, the one msal-extensions uses for the file (it refuses a lock file that is
    // a link or another user's).
    static QString lockPathFor(const QString& itemKey, const QString& dir)
    {
        return KeychainInStepMarker::runtimeFilePath(itemKey, dir, QStringLiteral("lockfile"));
    }

    // --- the queue --------------------------------------------------------------------------

    void enqueue(std::function<void()> start)
    {
        queue.push_back(std::move(start));
        scheduleNext();
    }

    void scheduleNext()
    {
        if (busy || queue.empty())
            return;
        busy = true;
        // Always from the event loop, so `done` never runs inside load()/modify()/clear().
        QTimer::singleShot(0, q, [this] {
            auto start = std::move(queue.front());
            queue.pop_front();
            start();
        });
    }

    // Ends the running operation: releases the keychain lock, deletes the backups that hold an account the
    // operation signed out or a token it removed (off this thread), then reports.
    void finish(CacheOutcome outcome, std::optional<MsalCache> newCache, const Done& done)
    {
        keychainLock.reset();
        const QList<QByteArray> removed = std::exchange(removedNeedles, {});
        if (removed.isEmpty() || !newCache) {
            complete(std::move(outcome), std::move(newCache), done);
            return;
        }
        MsalCacheFile target = file;
        onWorker<QString>(
            [target, removed] {
                QString error;
                target.removeBackupsMentioning(removed, &error);
                return error;
            },
            [this, outcome = std::move(outcome), newCache = std::move(newCache), done](QString error) mutable {
                if (!error.isEmpty())
                    outcome.warnings << error;
                complete(std::move(outcome), std::move(newCache), done);
            });
    }

    void complete(CacheOutcome outcome, std::optional<MsalCache> newCache, const Done& done)
    {
        if (newCache && *newCache != q->m_cache) {
            q->m_cache = std::move(*newCache);
            emit q->cacheChanged();
        }
        for (const QString& message : std::as_const(outcome.warnings)) {
            qCWarning(lcStore).noquote() << message;
            if (!warned.contains(message)) {
                warned.insert(message);
                emit q->warning(message);
            }
        }
        if (!outcome.ok)
            qCWarning(lcStore).noquote() << outcome.error;
        QPointer<TokenCacheService> self(q);
        if (done)
            done(outcome);
        if (self) {
            busy = false;
            scheduleNext();
        }
    }

    // --- messages (they name files and services, never content) ------------------------------

    QString noKeychainWarning(const QString& why, StorageMode mode) const
    {
        const QString reason =
            why.isEmpty() ? QCoreApplication::translate("tenantry::TokenCacheService", "No keychain service answered.")
                          : why;
        if (mode == StorageMode::KeychainOnly)
            return QCoreApplication::translate(
                       "tenantry::TokenCacheService",
                       "%1 Keychain-only mode writes no token file: new tokens are kept in memory only "
                       "until Tenantry quits.")
                .arg(reason);
        return QCoreApplication::translate("tenantry::TokenCacheService", "%1 Tokens are kept in %2 only.")
            .arg(reason, file.path());
    }

    // --- asynchronous building blocks ---------------------------------------------------------

    template <typename Result, typename Work, typename Then> void onWorker(Work work, Then then)
    {
        auto* watcher = new QFutureWatcher<Result>(q);
        QObject::connect(watcher, &QFutureWatcherBase::finished, q, [watcher, then = std::move(then)]() mutable {
            Result result = watcher->result();
            watcher->deleteLater();
            then(std::move(result));
        });
        watcher->setFuture(QtConcurrent::run(std::move(work)));
    }

    // The keychain copy: present, absent (nullopt + usable), or unusable (with the reason).
    struct KeychainRead
    {
        bool usable = false;
        std::optional<Envelope> envelope;
        QString problem; // why it is unusable: for the fallback warning
        QString damaged; // a warning when the item is there but unreadable
    };

    void readKeychain(std::function<void(KeychainRead)> then)
    {
        if (!keychain) {
            KeychainRead result;
            result.problem = QCoreApplication::translate(
                "tenantry::TokenCacheService", "No keychain service answered (no keychain support configured).");
            QTimer::singleShot(0, q, [then = std::move(then), result] { then(result); });
            return;
        }
        QPointer<TokenCacheService> self(q);
        keychain->read(key, [this, self, then = std::move(then)](const SecretStoreResult& r) {
            if (!self)
                return;
            KeychainRead result;
            switch (r.status) {
            case KeyStatus::Ok:
                result.usable = true;
                result.envelope = decodeEnvelope(r.data);
                if (!result.envelope)
                    result.damaged =
                        QCoreApplication::translate("tenantry::TokenCacheService",
                                                    "The keychain item %1 does not hold a token cache Tenantry can "
                                                    "read; it will be replaced.")
                            .arg(key);
                break;
            case KeyStatus::NotFound:
                result.usable = true;
                break;
            case KeyStatus::Unavailable:
                result.problem = r.error;
                break;
            case KeyStatus::Failed:
                result.problem =
                    QCoreApplication::translate("tenantry::TokenCacheService", "The keychain could not be read (%1).")
                        .arg(r.error);
                break;
            }
            then(std::move(result));
        });
    }

    // Writes the envelope, or removes the item when there is nothing to keep. Skips it when the
    // keychain already holds exactly that. Keeps the in-step marker true: removed before the keychain
    // changes, set once it holds a copy that defers to the file (a failure leaves it removed).
    void storeEnvelope(const std::optional<Envelope>& current, const Envelope& wanted,
                       std::function<void(SecretStoreResult)> then)
    {
        const bool nothingToKeep = wanted.cache.entryCount() == 0 && wanted.fileDigest.isEmpty();
        const bool defersToFile = nothingToKeep || (!wanted.fileDigest.isEmpty() && !wanted.fileBase.is_object());
        const bool unchanged = (current && *current == wanted) || (!current && nothingToKeep);
        QString markerError;
        if (keychain && !(unchanged && defersToFile) && !inStepMarker.clear(&markerError))
            qCWarning(lcStore).noquote() << markerError;
        if (unchanged || !keychain) {
            SecretStoreResult result;
            if (!keychain) {
                result.status = KeyStatus::Unavailable;
                result.error = QCoreApplication::translate(
                    "tenantry::TokenCacheService", "No keychain service answered (no keychain support configured).");
            } else if (defersToFile) {
                markInStep();
            }
            QTimer::singleShot(0, q, [then = std::move(then), result] { then(result); });
            return;
        }
        QPointer<TokenCacheService> self(q);
        auto guarded = [this, self, defersToFile, then = std::move(then)](const SecretStoreResult& r) {
            if (!self)
                return;
            if (defersToFile && r.ok())
                markInStep();
            then(r);
        };
        if (nothingToKeep) {
            keychain->remove(key, [guarded = std::move(guarded)](const SecretStoreResult& r) {
                SecretStoreResult result = r;
                if (result.status == KeyStatus::NotFound)
                    result.status = KeyStatus::Ok;
                guarded(result);
            });
            return;
        }
        keychain->write(key, encodeEnvelope(wanted), std::move(guarded));
    }

    void markInStep()
    {
        QString error;
        if (!inStepMarker.set(&error))
            qCWarning(lcStore).noquote() << error;
    }

    // Reads the file (worker), computes what it should hold (here), and writes that under the lock
    // (worker) if the file is still as read; otherwise computes again from what is there now.
    void fileTransaction(Compute compute, std::optional<MsalCache> fallback, TransactionDone then)
    {
        MsalCacheFile reader = file;
        // The snapshot is made on the worker: hashing a large cache stays off this thread.
        onWorker<FileSnapshot>([reader] { return snapshotOf(reader.read()); },
                               [this, compute = std::move(compute), fallback = std::move(fallback),
                                then = std::move(then)](FileSnapshot read) mutable {
                                   attemptFileWrite(std::move(read), std::move(compute), std::move(fallback),
                                                    std::move(then), 1);
                               });
    }

    void attemptFileWrite(FileSnapshot basis, Compute compute, std::optional<MsalCache> fallback, TransactionDone then,
                          int attempt)
    {
        FilePlan plan = compute(basis);
        FileTransaction tx;
        tx.cache = plan.cache;
        tx.digest = basis.digest;
        if (!plan.write) {
            tx.basis = std::move(basis);
            then(std::move(tx));
            return;
        }
        if (attempt > kMaxFileAttempts) {
            tx.ok = false;
            tx.error = QCoreApplication::translate(
                           "tenantry::TokenCacheService",
                           "The token cache file %1 was not changed: another program kept rewriting it.")
                           .arg(file.path());
            tx.basis = std::move(basis);
            then(std::move(tx));
            return;
        }
        // Under the lock the file must still be what `plan` was computed from (a corrupt file shows
        // up as the fallback).
        MsalCache expected = basis.status == FileStatus::Corrupt ? fallback.value_or(MsalCache()) : basis.cache;
        MsalCacheFile writer = file;
        // Copies for the worker, made before the call: argument evaluation order is unspecified, and the
        // continuation below takes `fallback` by move.
        std::optional<MsalCache> workerFallback = fallback;
        onWorker<LockedWrite>(
            [writer, expected = std::move(expected), wanted = plan.cache,
             fallback = std::move(workerFallback)]() mutable {
                LockedWrite out;
                out.result = writer.modify(
                    [&](MsalCache& current) {
                        if (current == expected)
                            current = wanted;
                        else
                            out.conflict = true;
                    },
                    fallback ? &*fallback : nullptr);
                out.digest = hexDigest(out.result.digest.sha256());
                return out;
            },
            [this, basis = std::move(basis), compute = std::move(compute), fallback = std::move(fallback),
             then = std::move(then), attempt, tx = std::move(tx)](LockedWrite locked) mutable {
                const MsalCacheFile::WriteResult& wr = locked.result;
                if (locked.conflict && wr.ok) {
                    qCInfo(lcStore) << "The token cache file changed while it was being updated; computing again";
                    // A corrupt file with a fallback was just rewritten from it: it reads fine now.
                    const FileStatus status =
                        wr.status == FileStatus::Corrupt && wr.changed ? FileStatus::Ok : wr.status;
                    FileSnapshot now{status, status == FileStatus::Corrupt ? MsalCache() : wr.cache, locked.digest,
                                     wr.error};
                    attemptFileWrite(std::move(now), std::move(compute), std::move(fallback), std::move(then),
                                     attempt + 1);
                    return;
                }
                tx.basis = std::move(basis);
                tx.ok = wr.ok;
                tx.written = wr.changed;
                tx.backupPath = wr.backupPath;
                if (wr.ok) {
                    tx.digest = locked.digest;
                    tx.cache = wr.cache;
                } else {
                    tx.error = wr.error;
                }
                then(std::move(tx));
            });
    }

    // --- operations -----------------------------------------------------------------------------

    void runLoad(Done done);
    void runModify(std::function<void(MsalCache&)> change, Done done);
    void runSynced(std::function<void(MsalCache&)> change, Done done);
    void runClear(Done done);
    void runFileOnly(const QString& problem, std::function<void(MsalCache&)> change, Done done);
    void finishSynced(CacheOutcome outcome, const std::optional<Envelope>& current, FileTransaction tx, bool fileWanted,
                      Done done);
    void runKeychainOnly(std::function<void(MsalCache&)> change, Done done);
    void keychainOnly(KeychainRead keychainCopy, std::function<void(MsalCache&)> change, Done done);
    void keepInMemory(CacheOutcome outcome, const MsalCache& lastStored, MsalCache next, Done done);
    void runRemovePlaintext(const CacheOutcome& switched, Done done);
};

// ----------------------------------------------------------------------------------------------

void TokenCacheService::Private::runLoad(Done done)
{
    if (q->m_mode == StorageMode::KeychainOnly)
        runKeychainOnly(nullptr, std::move(done));
    else
        runSynced(nullptr, std::move(done));
}

void TokenCacheService::Private::runModify(std::function<void(MsalCache&)> change, Done done)
{
    // The change may run more than once (on a fresh copy each time): the last run counts.
    auto tracked = [this, change = std::move(change)](MsalCache& cache) {
        const MsalCache before = cache;
        change(cache);
        removedNeedles = removedForBackups(before, cache);
    };
    if (q->m_mode == StorageMode::KeychainOnly)
        runKeychainOnly(std::move(tracked), std::move(done));
    else
        runSynced(std::move(tracked), std::move(done));
}

// A load (no change) or a modify: the keychain copy read, then the file under its lock, reconciled,
// changed, and written where the mode says.
void TokenCacheService::Private::runSynced(std::function<void(MsalCache&)> change, Done done)
{
    readKeychain([this, change = std::move(change), done = std::move(done)](KeychainRead keychainCopy) mutable {
        if (!keychainCopy.usable) {
            runFileOnly(keychainCopy.problem, std::move(change), std::move(done));
            return;
        }
        CacheOutcome outcome;
        if (!keychainCopy.damaged.isEmpty())
            outcome.warnings << keychainCopy.damaged;
        const std::optional<Envelope> envelope = keychainCopy.envelope;
        const bool changing = change != nullptr;
        auto compute = [envelope, change = std::move(change)](const FileSnapshot& fileNow) {
            FilePlan plan;
            plan.cache = reconcile(envelope, fileNow);
            if (change) {
                change(plan.cache);
                plan.write = true; // an unchanged document is not rewritten (MsalCacheFile compares)
                return plan;
            }
            switch (fileNow.status) {
            case FileStatus::Ok:
                plan.write = fileNow.cache != plan.cache;
                break;
            case FileStatus::Missing:
                plan.write = plan.cache.entryCount() > 0;
                break;
            case FileStatus::Corrupt:
                plan.write = envelope.has_value(); // restore from the keychain; nothing to restore from otherwise
                break;
            case FileStatus::IoError:
            case FileStatus::LockTimeout:
                break;
            }
            return plan;
        };
        std::optional<MsalCache> fallback;
        if (envelope)
            fallback = envelope->cache;
        fileTransaction(std::move(compute), std::move(fallback),
                        [this, outcome = std::move(outcome), envelope, changing,
                         done = std::move(done)](FileTransaction tx) mutable {
                            finishSynced(std::move(outcome), envelope, std::move(tx), changing, std::move(done));
                        });
    });
}

// KeychainAndFile, after the file part: the keychain envelope follows what was computed.
void TokenCacheService::Private::finishSynced(CacheOutcome outcome, const std::optional<Envelope>& current,
                                              FileTransaction tx, bool fileWanted, Done done)
{
    const FileSnapshot& basis = tx.basis;
    if (basis.status == FileStatus::Corrupt && current && tx.ok && tx.written) {
        outcome.warnings << QCoreApplication::translate(
                                "tenantry::TokenCacheService",
                                "The token cache file %1 could not be read as a token cache; it was kept "
                                "as %2 and rewritten from the keychain copy.")
                                .arg(file.path(), tx.backupPath);
    } else if (basis.status == FileStatus::Corrupt && !tx.written) {
        outcome.warnings << basis.error;
    } else if (basis.status == FileStatus::IoError && !fileWanted) {
        outcome.warnings << QCoreApplication::translate("tenantry::TokenCacheService", "%1 The keychain copy is used.")
                                .arg(basis.error);
    }

    Envelope wanted;
    wanted.cache = tx.cache;
    const bool fileFailed = !tx.ok;
    if (fileFailed) {
        // The file still holds what it held: record the content the keychain copy includes, and what
        // that content was entry by entry, so a later write by az is merged rather than taken whole.
        wanted.fileDigest = includedDigest(current, basis);
        wanted.fileBase = fileBaseWhileBehind(current, basis);
        const QString message =
            QCoreApplication::translate(
                "tenantry::TokenCacheService",
                "%1 The tokens were saved in the keychain; az and other tools will not see the change "
                "until the file can be written.")
                .arg(tx.error);
        if (fileWanted) {
            outcome.error = message;
        } else {
            outcome.warnings << message;
        }
    } else {
        wanted.fileDigest = tx.written ? tx.digest : includedDigest(current, basis);
        if (!tx.written && !hasContent(basis))
            wanted.fileBase = fileBaseWhileBehind(current, basis); // still unreadable: still behind
    }

    storeEnvelope(current, wanted,
                  [this, outcome = std::move(outcome), tx = std::move(tx), fileFailed, fileWanted,
                   done = std::move(done)](const SecretStoreResult& stored) mutable {
                      if (stored.ok()) {
                          outcome.usingKeychain = true;
                          outcome.ok = !(fileFailed && fileWanted);
                          finish(std::move(outcome), std::move(tx.cache), done);
                          return;
                      }
                      if (fileFailed) {
                          // Neither store took the new cache: it is not the cache, and the call failed.
                          outcome.ok = false;
                          outcome.error = QCoreApplication::translate("tenantry::TokenCacheService",
                                                                      "The token cache was not saved: %1 %2")
                                              .arg(tx.error, stored.error);
                          finish(std::move(outcome), std::nullopt, done);
                          return;
                      }
                      outcome.ok = true;
                      outcome.usingKeychain = false;
                      if (stored.status == KeyStatus::Unavailable)
                          outcome.warnings << noKeychainWarning(stored.error, StorageMode::KeychainAndFile);
                      else
                          outcome.warnings << QCoreApplication::translate(
                                                  "tenantry::TokenCacheService",
                                                  "The token cache could not be saved to the keychain (%1); %2 has the "
                                                  "current tokens and the keychain copy is older.")
                                                  .arg(stored.error, file.path());
                      finish(std::move(outcome), std::move(tx.cache), done);
                  });
}

// No keychain to work with: the file alone, as az does. `change` null: a load.
void TokenCacheService::Private::runFileOnly(const QString& problem, std::function<void(MsalCache&)> change, Done done)
{
    CacheOutcome outcome;
    outcome.warnings << noKeychainWarning(problem, q->m_mode);
    const bool isModify = bool(change);
    auto compute = [change = std::move(change)](const FileSnapshot& fileNow) {
        FilePlan plan;
        plan.cache = hasContent(fileNow) ? fileNow.cache : MsalCache();
        if (change && fileNow.status != FileStatus::IoError) {
            change(plan.cache);
            plan.write = true;
        }
        return plan;
    };
    fileTransaction(
        std::move(compute), std::nullopt,
        [this, outcome = std::move(outcome), isModify, done = std::move(done)](FileTransaction tx) mutable {
            const FileSnapshot& basis = tx.basis;
            if (isModify && basis.status == FileStatus::IoError) {
                outcome.error = QCoreApplication::translate("tenantry::TokenCacheService", "%1 Nothing was saved.")
                                    .arg(basis.error);
                finish(std::move(outcome), std::nullopt, done);
                return;
            }
            if (!isModify && basis.status == FileStatus::IoError) {
                outcome.error = basis.error;
                finish(std::move(outcome), std::nullopt, done);
                return;
            }
            if (!tx.ok) {
                outcome.error =
                    QCoreApplication::translate("tenantry::TokenCacheService", "%1 Nothing was saved.").arg(tx.error);
                finish(std::move(outcome), std::nullopt, done);
                return;
            }
            if (basis.status == FileStatus::Corrupt) {
                if (tx.written)
                    outcome.warnings << QCoreApplication::translate("tenantry::TokenCacheService",
                                                                    "The token cache file %1 could not be read as a "
                                                                    "token cache; it was kept as %2 and replaced.")
                                            .arg(file.path(), tx.backupPath);
                else
                    outcome.warnings << basis.error;
            }
            outcome.ok = true;
            finish(std::move(outcome), std::move(tx.cache), done);
        });
}

// KeychainOnly: the keychain item read, changed and written under the keychain lock, so concurrent
// Tenantry processes keep each other's tokens. No keychain: memory only. `change` null: a load.
void TokenCacheService::Private::runKeychainOnly(std::function<void(MsalCache&)> change, Done done)
{
    auto withoutKeychain = [this](const QString& problem, std::function<void(MsalCache&)> edit, Done then) {
        CacheOutcome outcome;
        outcome.warnings << noKeychainWarning(problem, StorageMode::KeychainOnly);
        if (!edit) {
            outcome.ok = true; // a load: what this process holds is all there is
            finish(std::move(outcome), std::nullopt, then);
            return;
        }
        MsalCache next = q->m_cache;
        edit(next);
        keepInMemory(std::move(outcome), q->m_cache, std::move(next), std::move(then));
    };
    if (!keychain) {
        withoutKeychain(QCoreApplication::translate("tenantry::TokenCacheService",
                                                    "No keychain service answered (no keychain support configured)."),
                        std::move(change), std::move(done));
        return;
    }
    const QString lockPath = keychainLockPath;
    const FileLockOptions options = lockOptions;
    onWorker<std::shared_ptr<FileLock>>(
        [lockPath, options] {
            auto lock = std::make_shared<FileLock>(lockPath, options);
            lock->acquire();
            return lock;
        },
        [this, withoutKeychain, change = std::move(change),
         done = std::move(done)](std::shared_ptr<FileLock> lock) mutable {
            if (!lock->isLocked()) {
                CacheOutcome outcome;
                outcome.error = QCoreApplication::translate("tenantry::TokenCacheService",
                                                            "The keychain item %1 was neither read nor changed: %2")
                                    .arg(key, lock->error());
                finish(std::move(outcome), std::nullopt, done);
                return;
            }
            keychainLock = std::move(lock);
            readKeychain([this, withoutKeychain, change = std::move(change),
                          done = std::move(done)](KeychainRead keychainCopy) mutable {
                if (!keychainCopy.usable)
                    withoutKeychain(keychainCopy.problem, std::move(change), std::move(done));
                else
                    keychainOnly(std::move(keychainCopy), std::move(change), std::move(done));
            });
        });
}

// Keychain-only and the keychain did not take `next`: it stays in memory, never in a file.
void TokenCacheService::Private::keepInMemory(CacheOutcome outcome, const MsalCache& lastStored, MsalCache next,
                                              Done done)
{
    if (!memoryBase)
        memoryBase = entryDigests(lastStored);
    outcome.ok = true;
    outcome.usingKeychain = false;
    finish(std::move(outcome), std::move(next), done);
}

// KeychainOnly with a keychain that answered, under the keychain lock. `change` null: a load.
void TokenCacheService::Private::keychainOnly(KeychainRead keychainCopy, std::function<void(MsalCache&)> change,
                                              Done done)
{
    CacheOutcome outcome;
    if (!keychainCopy.damaged.isEmpty())
        outcome.warnings << keychainCopy.damaged;
    const std::optional<Envelope> envelope = keychainCopy.envelope;

    auto apply = [this, envelope, change, done](CacheOutcome result, MsalCache stored) mutable {
        // Changes kept in memory while no keychain answered join the keychain copy now.
        MsalCache base = memoryBase ? mergeAhead(*memoryBase, q->m_cache, stored) : stored;
        MsalCache next = base;
        if (change)
            change(next);
        const bool wasAhead = memoryBase.has_value();
        Envelope wanted{QByteArray(), next, Json()};
        storeEnvelope(envelope, wanted,
                      [this, result = std::move(result), stored, next, wasAhead, isLoad = !change,
                       done](const SecretStoreResult& saved) mutable {
                          if (saved.ok()) {
                              memoryBase.reset();
                              result.ok = true;
                              result.usingKeychain = true;
                              finish(std::move(result), std::move(next), done);
                              return;
                          }
                          const QString problem =
                              QCoreApplication::translate(
                                  "tenantry::TokenCacheService",
                                  "The token cache could not be saved to the keychain item %1 (%2).")
                                  .arg(key, saved.error);
                          if (isLoad && !wasAhead) {
                              // Only an import was not saved: the file still has it.
                              result.ok = true;
                              result.warnings << QCoreApplication::translate("tenantry::TokenCacheService",
                                                                             "%1 The imported tokens are still in %2.")
                                                     .arg(problem, file.path());
                              finish(std::move(result), std::move(next), done);
                              return;
                          }
                          result.warnings << noKeychainWarning(problem, StorageMode::KeychainOnly);
                          keepInMemory(std::move(result), stored, std::move(next), std::move(done));
                      });
    };

    if (envelope) {
        apply(std::move(outcome), envelope->cache);
        return;
    }
    // First use with an empty keychain: import what az left in the file (the file stays).
    MsalCacheFile reader = file;
    onWorker<MsalCacheFile::ReadResult>(
        [reader] { return reader.read(); },
        [this, outcome = std::move(outcome), apply = std::move(apply)](MsalCacheFile::ReadResult read) mutable {
            MsalCache imported;
            if (read.status == FileStatus::Ok && read.cache.entryCount() > 0) {
                imported = read.cache;
                outcome.warnings << QCoreApplication::translate(
                                        "tenantry::TokenCacheService",
                                        "Imported the tokens in %1 into the keychain. The file was not "
                                        "deleted (az still reads it); delete it if no plaintext tokens "
                                        "should stay on disk.")
                                        .arg(file.path());
            }
            apply(std::move(outcome), std::move(imported));
        });
}

// The wipe, in every mode: the keychain item, the file, its backups (keychain-only mode imported from
// the file, and a backup holds what the file held), and what this process kept in memory.
void TokenCacheService::Private::runClear(Done done)
{
    memoryBase.reset();
    auto removeFile = [this](CacheOutcome outcome, Done then) {
        MsalCacheFile target = file;
        onWorker<QString>(
            [target]() mutable {
                QString error;
                if (!target.remove(&error) && error.isEmpty())
                    error = QCoreApplication::translate("tenantry::TokenCacheService",
                                                        "Cannot delete the token cache file %1.")
                                .arg(target.path());
                return error;
            },
            [this, outcome = std::move(outcome), then = std::move(then)](QString error) mutable {
                if (!error.isEmpty())
                    outcome.error = outcome.error.isEmpty() ? error : outcome.error + QLatin1Char(' ') + error;
                outcome.ok = outcome.error.isEmpty();
                finish(std::move(outcome), MsalCache(), then);
            });
    };

    if (!keychain) {
        CacheOutcome outcome;
        outcome.warnings << noKeychainWarning(QString(), q->m_mode);
        removeFile(std::move(outcome), std::move(done));
        return;
    }
    QPointer<TokenCacheService> self(q);
    keychain->remove(key, [this, self, removeFile, done = std::move(done)](const SecretStoreResult& r) mutable {
        if (!self)
            return;
        CacheOutcome outcome;
        switch (r.status) {
        case KeyStatus::Ok:
        case KeyStatus::NotFound:
            outcome.usingKeychain = true;
            break;
        case KeyStatus::Unavailable:
            outcome.warnings << QCoreApplication::translate(
                                    "tenantry::TokenCacheService",
                                    "%1 The keychain copy of the tokens, if any, could not be removed.")
                                    .arg(r.error);
            break;
        case KeyStatus::Failed:
            outcome.error = QCoreApplication::translate("tenantry::TokenCacheService",
                                                        "The keychain item %1 could not be removed (%2).")
                                .arg(key, r.error);
            break;
        }
        removeFile(std::move(outcome), std::move(done));
    });
}

// After a switch to keychain-only: the refresh and access tokens of Tenantry's client that the keychain
// now holds are removed from the file (az then signs in again), and the file's backups (copies Tenantry
// made) are deleted. Other clients' entries, and any entry the keychain does not hold exactly, stay.
void TokenCacheService::Private::runRemovePlaintext(const CacheOutcome& switched, Done done)
{
    CacheOutcome outcome = switched;
    if (!switched.ok || !switched.usingKeychain || clientId.isEmpty()) {
        outcome.ok = false;
        const QString why =
            clientId.isEmpty()
                ? QCoreApplication::translate("tenantry::TokenCacheService", "Tenantry's client id is not known")
                : QCoreApplication::translate("tenantry::TokenCacheService", "they are not safely in the keychain");
        outcome.error =
            QCoreApplication::translate("tenantry::TokenCacheService", "The tokens in %1 were not removed: %2.")
                .arg(file.path(), why);
        finish(std::move(outcome), std::nullopt, done);
        return;
    }
    struct Removal
    {
        bool ok = true;
        int removed = 0;
        qsizetype backups = 0;
        QString error;
    };
    MsalCacheFile target = file;
    onWorker<Removal>(
        [target, inKeychain = q->m_cache, client = clientId]() mutable {
            Removal out;
            if (!QFileInfo::exists(target.path()) && target.backupPaths().isEmpty())
                return out;
            const MsalCacheFile::WriteResult written = target.modify([&](MsalCache& cache) {
                Json doc = cache.document();
                out.removed = 0;
                for (const char* name : {"RefreshToken", "AccessToken"}) {
                    const auto kept = inKeychain.document().find(name);
                    const auto section = doc.find(name);
                    if (section == doc.end() || !section->is_object() || kept == inKeychain.document().end() ||
                        !kept->is_object())
                        continue;
                    for (auto it = section->begin(); it != section->end();) {
                        const Json& entry = it.value();
                        const auto owner = entry.is_object() ? entry.find("client_id") : entry.end();
                        const bool ours = entry.is_object() && owner != entry.end() && owner->is_string() &&
                                          QString::fromStdString(owner->get<std::string>()) == client;
                        const auto copy = kept->find(it.key());
                        if (ours && copy != kept->end() && *copy == entry) {
                            it = section->erase(it);
                            ++out.removed;
                        } else {
                            ++it;
                        }
                    }
                }
                cache = MsalCache::fromDocument(std::move(doc));
            });
            out.ok = written.ok;
            out.error = written.error;
            // The backups are copies Tenantry made of the file: they go with the tokens it held.
            out.backups = target.backupPaths().size();
            QString backupError;
            if (out.ok && !target.removeBackups(&backupError)) {
                out.ok = false;
                out.error = backupError;
            }
            return out;
        },
        [this, outcome = std::move(outcome), done = std::move(done)](Removal removal) mutable {
            if (!removal.ok) {
                outcome.ok = false;
                outcome.error =
                    QCoreApplication::translate("tenantry::TokenCacheService",
                                                "The tokens Tenantry copied into the keychain are still in %1: %2")
                        .arg(file.path(), removal.error);
            } else if (removal.removed > 0 || removal.backups > 0) {
                outcome.warnings << QCoreApplication::translate(
                                        "tenantry::TokenCacheService",
                                        "Removed %1 tokens that the keychain now holds from %2 and deleted "
                                        "%3 backup copies of it; az needs to sign in again for those "
                                        "accounts.")
                                        .arg(removal.removed)
                                        .arg(file.path())
                                        .arg(removal.backups);
            }
            finish(std::move(outcome), std::nullopt, done);
        });
}

// ----------------------------------------------------------------------------------------------

TokenCacheService::TokenCacheService(SecretStore* keychain, const QString& configDir, StorageMode mode, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, keychain, configDir))
    , m_mode(mode)
{}

TokenCacheService::~TokenCacheService() = default;

QString TokenCacheService::keychainKeyFor(const QString& configDir)
{
    QString canonical = QFileInfo(configDir).canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QDir::cleanPath(QDir(configDir).absolutePath());
    return QStringLiteral("msal-cache:") + canonical;
}

std::optional<MsalCache> TokenCacheService::readFileWhenInStep() const
{
    if (m_mode != StorageMode::KeychainAndFile || !d->inStepMarker.isSet())
        return std::nullopt;
    MsalCacheFile::ReadResult read = d->file.read();
    if (read.status != FileStatus::Ok)
        return std::nullopt;
    return std::move(read.cache);
}

QString TokenCacheService::keychainKey() const
{
    return d->key;
}

QString TokenCacheService::filePath() const
{
    return d->file.path();
}

void TokenCacheService::setFileLockOptions(const FileLockOptions& options)
{
    d->file = MsalCacheFile(d->file.path(), options);
    d->lockOptions = options;
}

void TokenCacheService::setClientId(const QString& clientId)
{
    d->clientId = clientId;
}

QString TokenCacheService::keychainLockPath() const
{
    return d->keychainLockPath;
}

void TokenCacheService::setMode(StorageMode mode, PlaintextCopies copies, Done done)
{
    const bool toKeychainOnly = mode == StorageMode::KeychainOnly;
    // Filled by the switch, read by the removal queued right after it (nothing runs in between).
    auto switched = std::make_shared<CacheOutcome>();
    const bool removeCopies = toKeychainOnly && copies == PlaintextCopies::Remove;
    d->enqueue([this, mode, removeCopies, switched, done]() mutable {
        qCInfo(lcStore) << "Token storage mode:"
                        << (mode == StorageMode::KeychainOnly ? "keychain only" : "keychain and Azure CLI file");
        Done report = [removeCopies, switched, done](const CacheOutcome& outcome) {
            if (removeCopies)
                *switched = outcome;
            else if (done)
                done(outcome);
        };
        if (mode == StorageMode::KeychainOnly && m_mode != StorageMode::KeychainOnly) {
            // One last load in step with the file, so the keychain holds what az wrote before Tenantry
            // stops reading and writing the file.
            d->runLoad([this, mode, removeCopies, report = std::move(report)](const CacheOutcome& loaded) {
                m_mode = mode;
                CacheOutcome outcome = loaded;
                if (!removeCopies && QFileInfo::exists(d->file.path())) {
                    const QString notice = tr("%1 still holds tokens in plaintext. Tenantry no longer "
                                              "writes it; az still reads it. Delete it if no plaintext "
                                              "tokens should stay on disk.")
                                               .arg(d->file.path());
                    outcome.warnings << notice;
                    if (!d->warned.contains(notice)) {
                        d->warned.insert(notice);
                        emit warning(notice);
                    }
                }
                report(outcome);
            });
            return;
        }
        m_mode = mode;
        d->runLoad(std::move(report));
    });
    if (removeCopies)
        d->enqueue(
            [this, switched, done = std::move(done)]() mutable { d->runRemovePlaintext(*switched, std::move(done)); });
}

void TokenCacheService::load(Done done)
{
    d->enqueue([this, done = std::move(done)]() mutable { d->runLoad(std::move(done)); });
}

void TokenCacheService::modify(std::function<void(MsalCache&)> change, Done done)
{
    d->enqueue([this, change = std::move(change), done = std::move(done)]() mutable {
        d->runModify(std::move(change), std::move(done));
    });
}

void TokenCacheService::clear(Done done)
{
    d->enqueue([this, done = std::move(done)]() mutable { d->runClear(std::move(done)); });
}

} // namespace tenantry
