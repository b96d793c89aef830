#pragma once

#include "store/SecretStore.h"

#include <deque>
#include <functional>

namespace tenantry {

// SecretStore on the OS keychain through QtKeychain: Secret Service / KWallet on Linux, the macOS
// Keychain, Windows Credential Manager. Items live under the service name "Tenantry"; callers
// namespace their keys ("msal-cache:<dir>").
//
// - Asynchronous: no nested event loop, no waitForFinished. Operations on one store run one at a
//   time, in the order they were asked for (a write is several keychain jobs).
// - Chunking: Windows refuses credentials over 2560 bytes, so a value larger than maxChunkSize()
//   is stored as base64 text spread over "<key>", "<key>.1", "<key>.2", ...; the first item starts
//   with a header line that records the count and a SHA-256 of the value, so a half-written set is
//   reported as an error instead of returned as data. Shrinking a value deletes the chunks it no
//   longer needs; remove() deletes them all.
// - When the service is not ready (the keyring daemon still starting at login), a job is retried
//   once after retryDelay(), as Nextcloud's keychainchunk does. Once the service has been found
//   missing, later jobs fail at once instead of waiting again.
// - No insecure fallback: when no keychain answers the result says so (Unavailable) and the caller
//   decides what to do.
class KeychainStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainStore(QObject* parent = nullptr);
    KeychainStore(const QString& serviceName, QObject* parent);
    ~KeychainStore() override;

    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& data, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString backendName() const override;

    const QString& serviceName() const { return m_service; }

    // Largest payload per keychain item in bytes; 0 means unlimited (one item per value).
    // Default: kWindowsMaxChunkSize on Windows, unlimited elsewhere.
    static int defaultMaxChunkSize();
    int maxChunkSize() const { return m_maxChunkSize; }
    void setMaxChunkSize(int bytes);

    // How long to wait before the one retry when the service is not ready.
    int retryDelayMs() const { return m_retryDelayMs; }
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

    // A job the service never answers (a hung daemon, no GLib event dispatcher) is reported as
    // Unavailable after this long. Generous, because the service may be showing an unlock prompt.
    // QtKeychain runs one job at a time, so while such a job is outstanding later ones fail at once.
    int jobTimeoutMs() const { return m_jobTimeoutMs; }
    void setJobTimeoutMs(int ms) { m_jobTimeoutMs = ms; }

    // Credential Manager caps a credential blob at 2560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE);
    // 2048 bytes of base64 plus the header line stays well under it.
    static constexpr int kWindowsMaxChunkSize = 2048;

    // The keychain item holding chunk `index` (0 is the key itself).
    static QString chunkKey(const QString& key, int index);

private:
    enum class JobKind { Read, Write, Delete };
    enum class ServiceState {
        Unknown,     // nothing answered yet
        Answered,    // the service answered at least once
        Unavailable, // not answering, even after the retry
    };
    using JobDone = std::function<void(const SecretStoreResult&)>;

    void enqueue(std::function<void()> start);
    void finishOperation();

    void doRead(const QString& key, Callback done);
    void doWrite(const QString& key, const QByteArray& data, Callback done);
    void doRemove(const QString& key, Callback done);

    void readChunks(const QString& key, int index, int count, QByteArray collected, QByteArray digest, Callback done);
    void writeItems(const QString& key, QList<QByteArray> items, int index, int oldCount, Callback done);
    void deleteItems(const QString& key, int from, int to, Callback done);

    void runJob(JobKind kind, const QString& itemKey, const QByteArray& data, JobDone done, bool mayRetry = true);

    QString m_service;
    int m_maxChunkSize;
    int m_retryDelayMs = 750;
    int m_jobTimeoutMs = 120000;
    ServiceState m_serviceState = ServiceState::Unknown;
    int m_stalledJobs = 0; // timed out, never answered yet
    std::deque<std::function<void()>> m_queue;
    bool m_busy = false;
};

} // namespace tenantry
