#pragma once

#include "store/SecretStore.h"

#include <QHash>
#include <QList>

namespace tenantry::test {

// An in-memory keychain for the tests that need failures on demand (the happy paths use the real
// Secret Service through KeychainStore). Callbacks come from the event loop, like the real one.
class FakeSecretStore : public SecretStore
{
    Q_OBJECT

public:
    using Status = SecretStoreResult::Status;

    explicit FakeSecretStore(QObject* parent = nullptr);

    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& data, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString backendName() const override { return QStringLiteral("Fake keychain"); }

    // Every operation fails with Unavailable ("No keychain service answered (...)").
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    // The next `count` operations of one kind fail with `status` (-1: all of them from now on).
    void failReads(Status status, int count = -1) { m_readFailure = {status, count}; }
    void failWrites(Status status, int count = -1) { m_writeFailure = {status, count}; }
    void failRemoves(Status status, int count = -1) { m_removeFailure = {status, count}; }
    void setLatencyMs(int ms) { m_latencyMs = ms; }

    QHash<QString, QByteArray> items;
    int reads = 0;
    int writes = 0;
    int removes = 0;
    QStringList errorsReported; // every error string handed out, for the no-secret checks

private:
    struct Failure
    {
        Status status = Status::Ok;
        int count = 0;
    };
    bool takeFailure(Failure& failure, SecretStoreResult* result);
    void reply(Callback done, SecretStoreResult result);

    bool m_unavailable = false;
    Failure m_readFailure;
    Failure m_writeFailure;
    Failure m_removeFailure;
    int m_latencyMs = 0;
};

} // namespace tenantry::test
