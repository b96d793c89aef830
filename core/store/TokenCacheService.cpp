#include "store/TokenCacheService.h"

#include "util/Logging.h"

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

// The keychain copy: the cache, and the digest of the file content it already includes.
struct Envelope
{
    QByteArray fileDigest; // hex; empty: never synced with the file
    MsalCache cache;

    bool operator==(const Envelope& other) const { return fileDigest == other.fileDigest && cache == other.cache; }
};

QByteArray encodeEnvelope(const Envelope& envelope)
{
    Json json = Json::object();
    json["format"] = kEnvelopeFormat;
    json["fileDigest"] = envelope.fileDigest.toStdString();
    json["cache"] = envelope.cache.document();
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
    return {read.status, read.cache, hexDigest(read.digest), read.error};
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
    std::deque<std::function<void()>> queue;
    bool busy = false;
    QSet<QString> warned;

    Private(TokenCacheService* owner, SecretStore* store, const QString& dir)
        : q(owner)
        , keychain(store)
        , configDir(dir)
        , key(TokenCacheService::keychainKeyFor(dir))
        , file(QDir(dir).filePath(QStringLiteral("msal_token_cache.json")))
    {}

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

    void finish(CacheOutcome outcome, std::optional<MsalCache> newCache, const Done& done)
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
        const QString reason = why.isEmpty() ? QStringLiteral("No keychain service answered.") : why;
        if (mode == StorageMode::KeychainOnly)
            return QStringLiteral("%1 Keychain-only mode cannot be honoured: tokens are kept in %2 until a "
                                  "keychain service answers.")
                .arg(reason, file.path());
        return QStringLiteral("%1 Tokens are kept in %2 only.").arg(reason, file.path());
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
            result.problem = QStringLiteral("No keychain service answered (no keychain support configured).");
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
                    result.damaged = QStringLiteral("The keychain item %1 does not hold a token cache Tenantry can "
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
                result.problem = QStringLiteral("The keychain could not be read (%1).").arg(r.error);
                break;
            }
            then(std::move(result));
        });
    }

    // Writes the envelope, or removes the item when there is nothing to keep. Skips it when the
    // keychain already holds exactly that.
    void storeEnvelope(const std::optional<Envelope>& current, const Envelope& wanted,
                       std::function<void(SecretStoreResult)> then)
    {
        const bool nothingToKeep = wanted.cache.entryCount() == 0 && wanted.fileDigest.isEmpty();
        if ((current && *current == wanted) || (!current && nothingToKeep) || !keychain) {
            SecretStoreResult result;
            if (!keychain) {
                result.status = KeyStatus::Unavailable;
                result.error = QStringLiteral("No keychain service answered (no keychain support configured).");
            }
            QTimer::singleShot(0, q, [then = std::move(then), result] { then(result); });
            return;
        }
        QPointer<TokenCacheService> self(q);
        auto guarded = [self, then = std::move(then)](const SecretStoreResult& r) {
            if (self)
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

    // Reads the file (worker), computes what it should hold (here), and writes that under the lock
    // (worker) if the file is still as read; otherwise computes again from what is there now.
    void fileTransaction(Compute compute, std::optional<MsalCache> fallback, TransactionDone then)
    {
        MsalCacheFile reader = file;
        onWorker<MsalCacheFile::ReadResult>([reader] { return reader.read(); },
                                            [this, compute = std::move(compute), fallback = std::move(fallback),
                                             then = std::move(then)](MsalCacheFile::ReadResult read) mutable {
                                                attemptFileWrite(snapshotOf(read), std::move(compute),
                                                                 std::move(fallback), std::move(then), 1);
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
            tx.error = QStringLiteral("The token cache file %1 was not changed: another program kept rewriting it.")
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
                    FileSnapshot now{status, status == FileStatus::Corrupt ? MsalCache() : wr.cache,
                                     hexDigest(wr.digest), wr.error};
                    attemptFileWrite(std::move(now), std::move(compute), std::move(fallback), std::move(then),
                                     attempt + 1);
                    return;
                }
                tx.basis = std::move(basis);
                tx.ok = wr.ok;
                tx.written = wr.changed;
                tx.backupPath = wr.backupPath;
                if (wr.ok) {
                    tx.digest = hexDigest(wr.digest);
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
    void keychainOnly(KeychainRead keychainCopy, std::function<void(MsalCache&)> change, Done done);
};

// ----------------------------------------------------------------------------------------------

void TokenCacheService::Private::runLoad(Done done)
{
    runSynced(nullptr, std::move(done));
}

void TokenCacheService::Private::runModify(std::function<void(MsalCache&)> change, Done done)
{
    runSynced(std::move(change), std::move(done));
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
        if (q->m_mode == StorageMode::KeychainOnly) {
            keychainOnly(std::move(keychainCopy), std::move(change), std::move(done));
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
        outcome.warnings << QStringLiteral("The token cache file %1 could not be read as a token cache; it was kept "
                                           "as %2 and rewritten from the keychain copy.")
                                .arg(file.path(), tx.backupPath);
    } else if (basis.status == FileStatus::Corrupt && !tx.written) {
        outcome.warnings << basis.error;
    } else if (basis.status == FileStatus::IoError && !fileWanted) {
        outcome.warnings << QStringLiteral("%1 The keychain copy is used.").arg(basis.error);
    }

    Envelope wanted;
    wanted.cache = tx.cache;
    const bool fileFailed = !tx.ok;
    if (fileFailed) {
        // The file still holds what it held: record the content the keychain copy includes.
        wanted.fileDigest = includedDigest(current, basis);
        const QString message =
            QStringLiteral("%1 The tokens were saved in the keychain; az and other tools will not see the change "
                           "until the file can be written.")
                .arg(tx.error);
        if (fileWanted) {
            outcome.error = message;
        } else {
            outcome.warnings << message;
        }
    } else {
        wanted.fileDigest = tx.written ? tx.digest : includedDigest(current, basis);
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
                          outcome.error =
                              QStringLiteral("The token cache was not saved: %1 %2").arg(tx.error, stored.error);
                          finish(std::move(outcome), std::nullopt, done);
                          return;
                      }
                      outcome.ok = true;
                      outcome.usingKeychain = false;
                      if (stored.status == KeyStatus::Unavailable)
                          outcome.warnings << noKeychainWarning(stored.error, StorageMode::KeychainAndFile);
                      else
                          outcome.warnings
                              << QStringLiteral("The token cache could not be saved to the keychain (%1); %2 has the "
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
    fileTransaction(std::move(compute), std::nullopt,
                    [this, outcome = std::move(outcome), isModify, done = std::move(done)](FileTransaction tx) mutable {
                        const FileSnapshot& basis = tx.basis;
                        if (isModify && basis.status == FileStatus::IoError) {
                            outcome.error = QStringLiteral("%1 Nothing was saved.").arg(basis.error);
                            finish(std::move(outcome), std::nullopt, done);
                            return;
                        }
                        if (!isModify && basis.status == FileStatus::IoError) {
                            outcome.error = basis.error;
                            finish(std::move(outcome), std::nullopt, done);
                            return;
                        }
                        if (!tx.ok) {
                            outcome.error = QStringLiteral("%1 Nothing was saved.").arg(tx.error);
                            finish(std::move(outcome), std::nullopt, done);
                            return;
                        }
                        if (basis.status == FileStatus::Corrupt) {
                            if (tx.written)
                                outcome.warnings << QStringLiteral("The token cache file %1 could not be read as a "
                                                                   "token cache; it was kept as %2 and replaced.")
                                                        .arg(file.path(), tx.backupPath);
                            else
                                outcome.warnings << basis.error;
                        }
                        outcome.ok = true;
                        finish(std::move(outcome), std::move(tx.cache), done);
                    });
}

// KeychainOnly with a keychain that answered. `change` null: a load.
void TokenCacheService::Private::keychainOnly(KeychainRead keychainCopy, std::function<void(MsalCache&)> change,
                                              Done done)
{
    CacheOutcome outcome;
    if (!keychainCopy.damaged.isEmpty())
        outcome.warnings << keychainCopy.damaged;
    const std::optional<Envelope> envelope = keychainCopy.envelope;

    auto apply = [this, envelope, change, done](CacheOutcome result, MsalCache base) mutable {
        if (!change) {
            // A load: an import (no envelope yet) is stored now, anything else is already there.
            Envelope wanted{QByteArray(), base};
            storeEnvelope(envelope, wanted,
                          [this, result = std::move(result), base, done](const SecretStoreResult& stored) mutable {
                              result.ok = true;
                              result.usingKeychain = stored.ok();
                              if (!stored.ok())
                                  result.warnings << QStringLiteral("The imported tokens could not be saved to the "
                                                                    "keychain (%1); they are still in %2.")
                                                         .arg(stored.error, file.path());
                              finish(std::move(result), std::move(base), done);
                          });
            return;
        }
        MsalCache next = base;
        change(next);
        Envelope wanted{QByteArray(), next};
        storeEnvelope(
            envelope, wanted,
            [this, result = std::move(result), next, change, done](const SecretStoreResult& stored) mutable {
                if (stored.ok()) {
                    result.ok = true;
                    result.usingKeychain = true;
                    finish(std::move(result), std::move(next), done);
                    return;
                }
                // Never lose a token: the file takes the change instead, with a warning.
                runFileOnly(
                    QStringLiteral("The token cache could not be saved to the keychain (%1).").arg(stored.error),
                    std::move(change), std::move(done));
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
            MsalCache base;
            if (read.status == FileStatus::Ok && read.cache.entryCount() > 0) {
                base = read.cache;
                outcome.warnings << QStringLiteral("Imported the tokens in %1 into the keychain. The file was not "
                                                   "deleted (az still reads it); delete it if no plaintext tokens "
                                                   "should stay on disk.")
                                        .arg(file.path());
            }
            apply(std::move(outcome), std::move(base));
        });
}

void TokenCacheService::Private::runClear(Done done)
{
    auto removeFile = [this](CacheOutcome outcome, bool deleteFile, Done then) {
        if (!deleteFile) {
            outcome.ok = outcome.error.isEmpty();
            finish(std::move(outcome), MsalCache(), then);
            return;
        }
        MsalCacheFile target = file;
        onWorker<QString>(
            [target]() mutable {
                QString error;
                if (!target.remove(&error) && error.isEmpty())
                    error = QStringLiteral("Cannot delete the token cache file %1.").arg(target.path());
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
        removeFile(std::move(outcome), true, std::move(done));
        return;
    }
    QPointer<TokenCacheService> self(q);
    keychain->remove(key, [this, self, removeFile, done = std::move(done)](const SecretStoreResult& r) mutable {
        if (!self)
            return;
        CacheOutcome outcome;
        bool keychainAnswered = true;
        switch (r.status) {
        case KeyStatus::Ok:
        case KeyStatus::NotFound:
            outcome.usingKeychain = true;
            break;
        case KeyStatus::Unavailable:
            keychainAnswered = false;
            outcome.warnings
                << QStringLiteral("%1 The keychain copy of the tokens, if any, could not be removed.").arg(r.error);
            break;
        case KeyStatus::Failed:
            outcome.error = QStringLiteral("The keychain copy of the tokens could not be removed (%1).").arg(r.error);
            break;
        }
        // Keychain-only mode leaves az's file alone, unless the file is where the tokens went.
        const bool deleteFile = q->m_mode == StorageMode::KeychainAndFile || !keychainAnswered;
        removeFile(std::move(outcome), deleteFile, std::move(done));
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
}

void TokenCacheService::setMode(StorageMode mode, Done done)
{
    d->enqueue([this, mode, done = std::move(done)]() mutable {
        qCInfo(lcStore) << "Token storage mode:"
                        << (mode == StorageMode::KeychainOnly ? "keychain only" : "keychain and Azure CLI file");
        if (mode == StorageMode::KeychainOnly && m_mode != StorageMode::KeychainOnly) {
            // One last load in step with the file, so the keychain holds what az wrote before Tenantry
            // stops reading and writing the file.
            d->runLoad([this, mode, done = std::move(done)](const CacheOutcome& loaded) {
                m_mode = mode;
                CacheOutcome outcome = loaded;
                if (QFileInfo::exists(d->file.path())) {
                    const QString notice = QStringLiteral("%1 still holds tokens in plaintext. Tenantry no longer "
                                                          "writes it; az still reads it. Delete it if no plaintext "
                                                          "tokens should stay on disk.")
                                               .arg(d->file.path());
                    outcome.warnings << notice;
                    if (!d->warned.contains(notice)) {
                        d->warned.insert(notice);
                        emit warning(notice);
                    }
                }
                if (done)
                    done(outcome);
            });
            return;
        }
        m_mode = mode;
        d->runLoad(std::move(done));
    });
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
