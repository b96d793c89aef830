#pragma once

// SingleInstance's operating-system part: a Unix-domain socket in a directory private to this user
// (SingleInstance_unix.cpp) or a named pipe whose access list names this user (SingleInstance_win.cpp).

#include <QLocalServer>
#include <QString>

class QLocalSocket;

namespace tenantry::singleinstance {

// See SingleInstance::defaultKey.
QString defaultKey(QString* error);
// Why a later launch must not talk to `key` (for people); empty when it may.
QString keyRefusal(const QString& key);
QLocalServer::SocketOptions serverOptions();
// Removes what a crashed instance left at `key`; false with *message saying why when it must stay.
bool removeStale(const QString& key, QString* message);
// Whether the peer of a connection accepted by the first instance runs as this user.
bool fromThisUser(const QLocalSocket* socket);

} // namespace tenantry::singleinstance
