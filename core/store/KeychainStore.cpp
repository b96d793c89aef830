#include "store/KeychainStore.h"

#include "store/KeychainJobModule.h"
#include "store/KeychainStorePlatform.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLibrary>
#include <QTimer>

#include <qt6keychain/keychain.h> // the error codes only: the jobs run in the keychain module

#include <memory>

namespace tenantry {

namespace {

const QString kDefaultService = QStringLiteral("Tenantry");

// First line of a chunked value: "tenantry-chunked/1 <count> <sha256 hex of the value>\n".
const QByteArray kChunkMagic = QByteArrayLiteral("tenantry-chunked/1 ");
// Far more than any token cache needs; a larger count in a header means the header is damaged.
constexpr int kMaxChunks = 10000;

struct ChunkHeader
{
    int count = 0;
    QByteArray digest; // hex
    QByteArray firstPiece;
};

// Returns false when `item` is a plain (unchunked) value; sets *valid = false for a damaged header.
bool parseHeader(const QByteArray& item, ChunkHeader* header, bool* valid)
{
    *valid = true;
    if (!item.startsWith(kChunkMagic))
        return false;
    const qsizetype newline = item.indexOf('\n');
    if (newline < 0) {
        *valid = false;
        return true;
    }
    const QList<QByteArray> fields = item.mid(kChunkMagic.size(), newline - kChunkMagic.size()).split(' ');
    bool numeric = false;
    header->count = fields.size() == 2 ? fields[0].toInt(&numeric) : 0;
    header->digest = fields.size() == 2 ? fields[1] : QByteArray();
    header->firstPiece = item.mid(newline + 1);
    if (!numeric || header->count < 1 || header->count > kMaxChunks || header->digest.size() != 64)
        *valid = false;
    return true;
}

QByteArray sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// How `data` is laid out over keychain items: item 0 is stored under the key, item i under "<key>.i".
QList<QByteArray> layout(const QByteArray& data, int maxChunkSize)
{
    const bool fits = maxChunkSize <= 0 || data.size() <= maxChunkSize;
    // A plain value that happens to start like a header is stored chunked, so reads stay unambiguous.
    if (fits && !data.startsWith(kChunkMagic))
        return {data};
    const QByteArray text = data.toBase64();
    const qsizetype piece = maxChunkSize > 0 ? maxChunkSize : qMax<qsizetype>(text.size(), 1);
    const qsizetype count = qMax<qsizetype>(1, (text.size() + piece - 1) / piece);
    QList<QByteArray> items;
    items.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        items.append(text.mid(i * piece, piece));
    items[0].prepend(kChunkMagic + QByteArray::number(count) + ' ' + sha256Hex(data) + '\n');
    return items;
}

// The keychain module, looked for once per process: installed in <prefix>/lib/tenantry beside bin/ (the
// build tree is laid out alike), or next to the program (Windows).
struct KeychainModule
{
    keychainmodule::StartJob startJob = nullptr;
    QString error;
};

const KeychainModule& keychainModule()
{
    static const KeychainModule module = [] {
        KeychainModule loaded;
        const QString programDir = QCoreApplication::applicationDirPath();
        QStringList tried;
        const QStringList dirs = {programDir + QStringLiteral("/../lib/tenantry"), programDir};
        for (const QString& dir : dirs) {
            QLibrary library(dir + QLatin1Char('/') + QLatin1String(keychainmodule::kModuleName));
            loaded.startJob =
                reinterpret_cast<keychainmodule::StartJob>(library.resolve(keychainmodule::kStartJobSymbol));
            if (loaded.startJob)
                return loaded; // never unloaded: jobs call back into it
            tried << library.errorString();
        }
        loaded.error = tried.join(QStringLiteral("; "));
        return loaded;
    }();
    return module;
}

QString verb(int kind)
{
    switch (kind) {
    case 0:
        return QCoreApplication::translate("tenantry::KeychainStore", "read");
    case 1:
        return QCoreApplication::translate("tenantry::KeychainStore", "save");
    default:
        return QCoreApplication::translate("tenantry::KeychainStore", "delete");
    }
}

} // namespace

KeychainStore::KeychainStore(QObject* parent)
    : KeychainStore(kDefaultService, parent)
{}

KeychainStore::KeychainStore(const QString& serviceName, QObject* parent)
    : SecretStore(parent)
    , m_service(serviceName)
    , m_maxChunkSize(defaultMaxChunkSize())
{}

KeychainStore::~KeychainStore() = default;

void KeychainStore::setMaxChunkSize(int bytes)
{
    m_maxChunkSize = qMax(0, bytes);
}

QString KeychainStore::chunkKey(const QString& key, int index)
{
    return index == 0 ? key : key + QLatin1Char('.') + QString::number(index);
}

void KeychainStore::read(const QString& key, Callback done)
{
    enqueue([this, key, done = std::move(done)]() mutable {
        doRead(key, [this, done = std::move(done)](const SecretStoreResult& result) {
            finishOperation();
            done(result);
        });
    });
}

void KeychainStore::write(const QString& key, const QByteArray& data, Callback done)
{
    enqueue([this, key, data, done = std::move(done)]() mutable {
        doWrite(key, data, [this, done = std::move(done)](const SecretStoreResult& result) {
            finishOperation();
            done(result);
        });
    });
}

void KeychainStore::remove(const QString& key, Callback done)
{
    enqueue([this, key, done = std::move(done)]() mutable {
        doRemove(key, [this, done = std::move(done)](const SecretStoreResult& result) {
            finishOperation();
            done(result);
        });
    });
}

// One operation at a time: a chunked write is several jobs, and two interleaved writes of one
// key would leave chunks of both.
void KeychainStore::enqueue(std::function<void()> start)
{
    m_queue.push_back(std::move(start));
    if (m_busy)
        return;
    m_busy = true;
    auto next = std::move(m_queue.front());
    m_queue.pop_front();
    next();
}

void KeychainStore::finishOperation()
{
    m_busy = false;
    if (m_queue.empty())
        return;
    // Start the next one from the event loop, after the finished operation's callback has run.
    QTimer::singleShot(0, this, [this] {
        if (m_busy || m_queue.empty())
            return;
        m_busy = true;
        auto next = std::move(m_queue.front());
        m_queue.pop_front();
        next();
    });
}

void KeychainStore::doRead(const QString& key, Callback done)
{
    runJob(JobKind::Read, key, {}, [this, key, done = std::move(done)](const SecretStoreResult& result) mutable {
        if (!result.ok()) {
            done(result);
            return;
        }
        ChunkHeader header;
        bool valid = true;
        if (!parseHeader(result.data, &header, &valid)) {
            done(result);
            return;
        }
        if (!valid) {
            SecretStoreResult damaged;
            damaged.status = SecretStoreResult::Status::Failed;
            damaged.error = tr("The keychain item %1 is damaged (its chunk header cannot be read).").arg(key);
            done(damaged);
            return;
        }
        readChunks(key, 1, header.count, header.firstPiece, header.digest, std::move(done));
    });
}

void KeychainStore::readChunks(const QString& key, int index, int count, QByteArray collected, QByteArray digest,
                               Callback done)
{
    if (index >= count) {
        SecretStoreResult result;
        auto decoded = QByteArray::fromBase64Encoding(collected, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || sha256Hex(*decoded) != digest) {
            result.status = SecretStoreResult::Status::Failed;
            result.error = tr("The keychain item %1 is inconsistent (its %2 chunks do not add up; "
                              "a write was probably interrupted).")
                               .arg(key)
                               .arg(count);
            done(result);
            return;
        }
        result.data = std::move(*decoded);
        done(result);
        return;
    }
    runJob(JobKind::Read, chunkKey(key, index), {},
           [this, key, index, count, collected = std::move(collected), digest = std::move(digest),
            done = std::move(done)](const SecretStoreResult& result) mutable {
               if (result.status == SecretStoreResult::Status::NotFound) {
                   SecretStoreResult missing;
                   missing.status = SecretStoreResult::Status::Failed;
                   missing.error = tr("The keychain item %1 is incomplete (chunk %2 of %3 is missing).")
                                       .arg(key)
                                       .arg(index + 1)
                                       .arg(count);
                   done(missing);
                   return;
               }
               if (!result.ok()) {
                   done(result);
                   return;
               }
               collected += result.data;
               readChunks(key, index + 1, count, std::move(collected), std::move(digest), std::move(done));
           });
}

void KeychainStore::doWrite(const QString& key, const QByteArray& data, Callback done)
{
    // Read what is there first: its header says how many chunks the old value used, so the ones the
    // new value does not overwrite can be deleted.
    runJob(JobKind::Read, key, {},
           [this, key, data, done = std::move(done)](const SecretStoreResult& existing) mutable {
               int oldCount = 0;
               if (existing.ok()) {
                   ChunkHeader header;
                   bool valid = true;
                   oldCount = parseHeader(existing.data, &header, &valid) && valid ? header.count : 1;
               } else if (existing.status != SecretStoreResult::Status::NotFound) {
                   SecretStoreResult failure = existing;
                   failure.data.clear();
                   done(failure);
                   return;
               }
               QList<QByteArray> items = layout(data, m_maxChunkSize);
               if (items.size() > 1)
                   qCDebug(lcKeychain) << "storing" << key << "in" << items.size() << "chunks";
               // Continuation chunks first, the first item (which names the count) last.
               items.append(items.takeFirst());
               writeItems(key, std::move(items), 0, oldCount, std::move(done));
           });
}

// `items` holds chunks 1..n-1 followed by chunk 0.
void KeychainStore::writeItems(const QString& key, QList<QByteArray> items, int index, int oldCount, Callback done)
{
    const int count = int(items.size());
    if (index >= count) {
        deleteItems(key, count, oldCount, [done = std::move(done)](const SecretStoreResult& cleanup) {
            if (!cleanup.ok())
                qCWarning(lcKeychain).noquote() << "could not delete leftover chunks:" << cleanup.error;
            done(SecretStoreResult{});
        });
        return;
    }
    const int chunk = index == count - 1 ? 0 : index + 1;
    const QByteArray bytes = items.at(index);
    runJob(JobKind::Write, chunkKey(key, chunk), bytes,
           [this, key, items = std::move(items), index, oldCount,
            done = std::move(done)](const SecretStoreResult& result) mutable {
               if (!result.ok()) {
                   done(result);
                   return;
               }
               writeItems(key, std::move(items), index + 1, oldCount, std::move(done));
           });
}

// Deletes chunks from..to-1 (0 being the key itself).
void KeychainStore::deleteItems(const QString& key, int from, int to, Callback done)
{
    if (from >= to) {
        done(SecretStoreResult{});
        return;
    }
    runJob(JobKind::Delete, chunkKey(key, from), {},
           [this, key, from, to, done = std::move(done)](const SecretStoreResult& result) mutable {
               if (!result.ok() && result.status != SecretStoreResult::Status::NotFound) {
                   done(result);
                   return;
               }
               deleteItems(key, from + 1, to, std::move(done));
           });
}

void KeychainStore::doRemove(const QString& key, Callback done)
{
    runJob(JobKind::Read, key, {}, [this, key, done = std::move(done)](const SecretStoreResult& existing) mutable {
        if (!existing.ok()) {
            SecretStoreResult result = existing;
            result.data.clear();
            done(result);
            return;
        }
        ChunkHeader header;
        bool valid = true;
        const int count = parseHeader(existing.data, &header, &valid) && valid ? header.count : 1;
        // The first item goes first: leftover chunks without it are never read back as a value.
        deleteItems(key, 0, 1, [this, key, count, done = std::move(done)](const SecretStoreResult& first) mutable {
            if (!first.ok()) {
                done(first);
                return;
            }
            deleteItems(key, 1, count, std::move(done));
        });
    });
}

void KeychainStore::runJob(JobKind kind, const QString& itemKey, const QByteArray& data, JobDone done, bool mayRetry)
{
    if (m_stalledJobs > 0) {
        // QtKeychain runs one job at a time: behind a job the service never answered, this one would
        // wait just as long. Say so now instead.
        SecretStoreResult result;
        result.status = SecretStoreResult::Status::Unavailable;
        result.error =
            tr("No keychain service answered (%1 has not replied to an earlier request).").arg(backendName());
        QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
        return;
    }

    const KeychainModule& module = keychainModule();
    const keychainmodule::StartJob startJob = module.startJob;
    if (!startJob) {
        SecretStoreResult result;
        result.status = SecretStoreResult::Status::Unavailable;
        result.error =
            tr("No keychain service answered (Tenantry's keychain module could not be loaded: %1).").arg(module.error);
        QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
        return;
    }

    struct State
    {
        bool handled = false;
        bool timedOut = false;
    };
    auto state = std::make_shared<State>();
    auto shared = std::make_shared<JobDone>(std::move(done));

    auto finish = [this, kind, itemKey, data, shared, mayRetry](SecretStoreResult result, bool notReady) {
        if (result.status == SecretStoreResult::Status::Unavailable && notReady && mayRetry &&
            m_serviceState != ServiceState::Unavailable) {
            qCInfo(lcKeychain).noquote() << "keychain not ready, retrying once in" << m_retryDelayMs
                                         << "ms:" << result.error;
            QTimer::singleShot(m_retryDelayMs, this, [this, kind, itemKey, data, shared] {
                runJob(kind, itemKey, data, std::move(*shared), false);
            });
            return;
        }
        m_serviceState = result.status == SecretStoreResult::Status::Unavailable ? ServiceState::Unavailable
                                                                                 : ServiceState::Answered;
        (*shared)(result);
    };

    auto finished = [this, kind, state, finish](int error, const QString& detail, const QByteArray& read) {
        if (state->handled) {
            if (state->timedOut) {
                --m_stalledJobs; // the late answer is dropped: its caller was told already
                qCInfo(lcKeychain) << "the keychain answered a request that had timed out";
            }
            return;
        }
        state->handled = true;
        SecretStoreResult result;
        bool notReady = false;
        switch (QKeychain::Error(error)) {
        case QKeychain::NoError:
            if (kind == JobKind::Read)
                result.data = read;
            break;
        case QKeychain::EntryNotFound:
            result.status = SecretStoreResult::Status::NotFound;
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            result.status = SecretStoreResult::Status::Unavailable;
            result.error = tr("No keychain service answered (%1).").arg(detail);
            notReady = true;
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            result.status = SecretStoreResult::Status::Unavailable;
            result.error = tr("The keychain refused access; it may be locked (%1).").arg(detail);
            break;
        case QKeychain::OtherError:
            if (keychainServiceMissing(detail)) {
                result.status = SecretStoreResult::Status::Unavailable;
                result.error = tr("No keychain service answered (%1: %2).").arg(backendName(), detail);
                notReady = true;
                break;
            }
            result.status = SecretStoreResult::Status::Failed;
            result.error = tr("The keychain (%1) could not %2 an item: %3").arg(backendName(), verb(int(kind)), detail);
            break;
        case QKeychain::CouldNotDeleteEntry:
            result.status = SecretStoreResult::Status::Failed;
            result.error = tr("The keychain (%1) could not delete an item: %2").arg(backendName(), detail);
            break;
        }
        finish(std::move(result), notReady);
    };

    // A job the backend never calls back (a hung daemon, D-Bus replies that never come, libsecret
    // without a GLib event loop).
    QTimer::singleShot(m_jobTimeoutMs, this, [this, state, finish] {
        if (state->handled)
            return;
        state->handled = true;
        state->timedOut = true;
        ++m_stalledJobs;
        SecretStoreResult result;
        result.status = SecretStoreResult::Status::Unavailable;
        result.error = tr("No keychain service answered (%1 did not reply within %2 s).")
                           .arg(backendName())
                           .arg(qMax(1, m_jobTimeoutMs / 1000));
        finish(std::move(result), false);
    });

    const auto moduleKind = kind == JobKind::Read    ? keychainmodule::JobKind::Read
                            : kind == JobKind::Write ? keychainmodule::JobKind::Write
                                                     : keychainmodule::JobKind::Delete;
    startJob(moduleKind, m_service, itemKey, data, this, finished);
}

} // namespace tenantry
