#pragma once

#include "auth/AuthorizationBrowser.h"

#include <QHash>
#include <QPointer>

class QTcpServer;
class QTcpSocket;

namespace tenantry {

// The system-browser half of the auth code flow: listens on 127.0.0.1 (any free port; the redirect
// URI says http://localhost:PORT, as MSAL's does), opens the browser, and takes the one GET that
// carries `code` or `error` with the expected `state`. The browser gets a short page saying the
// window can be closed; then the listener closes.
class LoopbackRedirectListener final : public AuthorizationBrowser
{
    Q_OBJECT

public:
    explicit LoopbackRedirectListener(BrowserLauncher* launcher, QObject* parent = nullptr);
    ~LoopbackRedirectListener() override;

    bool prepare(QString* error) override;
    QString redirectUri() const override;
    void open(const QUrl& authorizeUrl, const QString& expectedState) override;
    void cancel() override;
    quint16 port() const;

private:
    void accept();
    void readRequest(QTcpSocket* socket);
    void answer(QTcpSocket* socket, int status, const QByteArray& html);
    void stop();

    BrowserLauncher* m_launcher;
    QTcpServer* m_server = nullptr;
    quint16 m_port = 0;
    QString m_expectedState;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_done = false;
};

} // namespace tenantry
