#include "SingleInstancePlatform.h"

#include "AppIcons.h"

#include <QCryptographicHash>
#include <QDir>

namespace tenantry::singleinstance {

QString defaultKey(QString* error)
{
    // A pipe name (not a file): QLocalServer::UserAccessOption restricts the pipe to this user.
    Q_UNUSED(error);
    const QByteArray user = qgetenv("USER") + qgetenv("USERNAME") + QDir::homePath().toUtf8();
    return AppIcons::kAppId + QLatin1Char('-') +
           QString::fromLatin1(QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex().left(16));
}

QString keyRefusal(const QString& key)
{
    Q_UNUSED(key);
    return {};
}

QLocalServer::SocketOptions serverOptions()
{
    return QLocalServer::UserAccessOption; // the pipe's access list names this user
}

bool removeStale(const QString& key, QString* message)
{
    Q_UNUSED(message);
    return QLocalServer::removeServer(key);
}

// QLocalServer::UserAccessOption gives the named pipe an access list that names this user alone.
bool fromThisUser(const QLocalSocket* socket)
{
    Q_UNUSED(socket);
    return true;
}

} // namespace tenantry::singleinstance
