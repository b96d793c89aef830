#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace tenantry {

// Outcome of one keychain operation.
struct SecretStoreResult
{
    enum class Status {
        Ok,
        NotFound,     // nothing stored under the key
        Unavailable,  // no keychain service answered (no D-Bus session, no Secret Service, locked and refused)
        Failed,       // the service answered with an error
    };
    Status status = Status::Ok;
    QByteArray data; // read only
    QString error;   // for people; never holds the secret

    bool ok() const { return status == Status::Ok; }
};

// The OS keychain seam (Secret Service / KWallet, macOS Keychain, Windows Credential Manager).
// Asynchronous: `done` runs on the caller's thread from the event loop, never re-entrantly.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SecretStoreResult&)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString& key, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& data, Callback done) = 0;
    virtual void remove(const QString& key, Callback done) = 0;
    virtual QString backendName() const = 0; // shown to people: "Secret Service", "macOS Keychain", ...
};

} // namespace tenantry
