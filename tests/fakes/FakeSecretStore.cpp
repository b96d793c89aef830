#include "fakes/FakeSecretStore.h"

#include <QTimer>

namespace tenantry::test {

FakeSecretStore::FakeSecretStore(QObject* parent)
    : SecretStore(parent)
{}

bool FakeSecretStore::takeFailure(Failure& failure, SecretStoreResult* result)
{
    if (m_unavailable) {
        result->status = Status::Unavailable;
        result->error = QStringLiteral("No keychain service answered (fake: no session bus).");
        return true;
    }
    if (failure.status == Status::Ok || failure.count == 0)
        return false;
    if (failure.count > 0)
        --failure.count;
    result->status = failure.status;
    result->error = failure.status == Status::Unavailable
                        ? QStringLiteral("No keychain service answered (fake: injected).")
                        : QStringLiteral("The keychain (fake) reported an injected error.");
    return true;
}

void FakeSecretStore::reply(Callback done, SecretStoreResult result)
{
    if (!result.error.isEmpty())
        errorsReported.append(result.error);
    QTimer::singleShot(m_latencyMs, this, [done = std::move(done), result = std::move(result)] { done(result); });
}

void FakeSecretStore::read(const QString& key, Callback done)
{
    ++reads;
    SecretStoreResult result;
    if (!takeFailure(m_readFailure, &result)) {
        const auto it = items.constFind(key);
        if (it == items.constEnd())
            result.status = Status::NotFound;
        else
            result.data = *it;
    }
    reply(std::move(done), std::move(result));
}

void FakeSecretStore::write(const QString& key, const QByteArray& data, Callback done)
{
    ++writes;
    SecretStoreResult result;
    if (!takeFailure(m_writeFailure, &result))
        items.insert(key, data);
    reply(std::move(done), std::move(result));
}

void FakeSecretStore::remove(const QString& key, Callback done)
{
    ++removes;
    SecretStoreResult result;
    if (!takeFailure(m_removeFailure, &result)) {
        if (!items.remove(key))
            result.status = Status::NotFound;
    }
    reply(std::move(done), std::move(result));
}

} // namespace tenantry::test
