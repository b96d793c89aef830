#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace tenantry {

// One Tenantry per user: the first instance listens on a per-user local socket; a later launch
// connects, hands over its arguments and exits, and the first one raises its window and acts on
// them (--sign-in, --device-code). Asynchronous: no blocking waits.
//
// Only the same user gets through: the socket lives in a directory nobody else may enter (checked
// before every use, never followed through a symlink), and the first instance hangs up, unread, on
// a peer of another uid (SO_PEERCRED, Linux).
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key`: the socket's path; empty = defaultKey(). On Unix its directory must be private to this
    // user (a real directory of this user's with mode 0700), or start() fails.
    explicit SingleInstance(QString key = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Unix: $XDG_RUNTIME_DIR/org.tenantry.Tenantry.socket when that directory is private to this
    // user, else <temp>/tenantry-<uid>/org.tenantry.Tenantry.socket, the directory created 0700.
    // Empty, with *error saying why, when that directory is not private (a symlink, another user's,
    // a loose mode). Windows: a pipe name of this user's.
    static QString defaultKey(QString* error = nullptr);
    QString key() const { return m_key; }

    // Emits exactly one of becamePrimary(), forwarded() and failed(), from the event loop.
    void start(const QStringList& arguments);
    bool isPrimary() const;

signals:
    void becamePrimary();
    void forwarded();                    // the arguments went to the running instance: this one should exit
    void failed(const QString& message); // neither: run anyway, as a lone instance
    // In the primary instance: another launch of this user's, with its arguments (argv[0] first).
    void activationRequested(const QStringList& arguments);

private:
    void connectToPrimary();
    void listen();
    void onNewConnection();
    void readMessage(QLocalSocket* socket);
    void failLater(const QString& message);

    QString m_key;
    QString m_keyError;
    QStringList m_arguments;
    QLocalServer* m_server = nullptr;
    QLocalSocket* m_client = nullptr;
    bool m_retriedListen = false;
    bool m_sent = false;
};

} // namespace tenantry
