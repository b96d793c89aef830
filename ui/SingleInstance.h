#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace tenantry {

// One Tenantry per user: the first instance listens on a per-user local socket; a later launch
// connects, hands over its arguments and exits, and the first one raises its window and acts on
// them (--sign-in, --device-code). Asynchronous: no blocking waits.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key`: the socket name; empty = per user (a path in the user's runtime dir where there is one).
    explicit SingleInstance(QString key = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    static QString defaultKey();
    QString key() const { return m_key; }

    // Emits exactly one of becamePrimary() and forwarded(), from the event loop.
    void start(const QStringList& arguments);
    bool isPrimary() const;

signals:
    void becamePrimary();
    void forwarded();                    // the arguments went to the running instance: this one should exit
    void failed(const QString& message); // neither: run anyway, as a lone instance
    // In the primary instance: another launch, with its arguments (argv[0] first).
    void activationRequested(const QStringList& arguments);

private:
    void listen();
    void onNewConnection();
    void readMessage(QLocalSocket* socket);

    QString m_key;
    QStringList m_arguments;
    QLocalServer* m_server = nullptr;
    QLocalSocket* m_client = nullptr;
    bool m_retriedListen = false;
    bool m_sent = false;
};

} // namespace tenantry
