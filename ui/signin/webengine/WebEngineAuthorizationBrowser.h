#pragma once

#include "signin/EmbeddedSignIn.h"

#include <QPointer>
#include <QWidget>

namespace tenantry {

class EmbeddedSignInDialog;

// The app's embedded AuthorizationBrowser: the sign-in page in an EmbeddedSignInDialog (QtWebEngine),
// which catches the redirect to http://localhost:PORT itself -- no listener. It lives in the plugin
// tenantry-signin-webengine (WebEngineSignInPlugin makes it); QtWebEngine starts in open(), not before.
class WebEngineAuthorizationBrowser : public EmbeddedAuthorizationBrowser
{
    Q_OBJECT

public:
    // `dialogParent`: the window the dialog belongs to (may be null: a top-level dialog).
    explicit WebEngineAuthorizationBrowser(QWidget* dialogParent = nullptr, QObject* parent = nullptr);
    ~WebEngineAuthorizationBrowser() override;

    bool prepare(QString* error) override; // picks a free loopback port
    QString redirectUri() const override;
    void open(const QUrl& authorizeUrl, const QString& expectedState) override;
    void cancel() override;

    quint16 port() const { return m_port; }
    EmbeddedSignInDialog* dialog() const { return m_dialog; }
    QWidget* window() const override;

public slots:
    // Connect AuthCodeFlow::failed here: the reason shows in the dialog while it is open.
    void showFailure(const QString& message) override;

private:
    void closeDialog();

    QPointer<QWidget> m_dialogParent;
    QPointer<EmbeddedSignInDialog> m_dialog;
    quint16 m_port = 0;
    bool m_done = true;
};

} // namespace tenantry
