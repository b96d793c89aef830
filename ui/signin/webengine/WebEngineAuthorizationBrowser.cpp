#include "signin/webengine/WebEngineAuthorizationBrowser.h"

#include "UiLogging.h"
#include "signin/webengine/EmbeddedSignInDialog.h"

#include <QTcpServer>

namespace tenantry {

WebEngineAuthorizationBrowser::WebEngineAuthorizationBrowser(QWidget* dialogParent, QObject* parent)
    : EmbeddedAuthorizationBrowser(parent)
    , m_dialogParent(dialogParent)
{}

WebEngineAuthorizationBrowser::~WebEngineAuthorizationBrowser()
{
    delete m_dialog.data();
}

bool WebEngineAuthorizationBrowser::prepare(QString* error)
{
    if (m_port != 0)
        return true;
    // Nothing will listen: the dialog intercepts the redirect. A port that is free right now still
    // makes sure no other local program would be handed the code should anything slip through.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = tr("Cannot find a free local port for the sign-in redirect: %1").arg(probe.errorString());
        return false;
    }
    m_port = probe.serverPort();
    probe.close();
    return true;
}

QString WebEngineAuthorizationBrowser::redirectUri() const
{
    return QStringLiteral("http://localhost:%1").arg(m_port);
}

void WebEngineAuthorizationBrowser::open(const QUrl& authorizeUrl, const QString& expectedState)
{
    closeDialog();
    m_done = false;
    auto* dialog = new EmbeddedSignInDialog(QUrl(redirectUri()), m_dialogParent);
    m_dialog = dialog;
    connect(dialog, &EmbeddedSignInDialog::redirected, this, [this](const AuthorizationResponse& response) {
        if (m_done)
            return;
        m_done = true;
        emit redirected(response);
    });
    connect(dialog, &EmbeddedSignInDialog::loadFailed, this, [this](const QString& message) {
        if (m_done)
            return;
        m_done = true;
        emit failed(message);
    });
    connect(dialog, &EmbeddedSignInDialog::cancelled, this, [this] {
        if (m_done)
            return;
        m_done = true;
        emit cancelled();
    });
    // Closed for any reason: the dialog (and its WebEngine profile) goes once control returns.
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->start(authorizeUrl, expectedState);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void WebEngineAuthorizationBrowser::cancel()
{
    if (m_done) {
        closeDialog();
        return;
    }
    if (m_dialog) {
        m_dialog->reject(); // emits cancelled(), forwarded above
    }
    if (!m_done) {
        m_done = true;
        emit cancelled();
    }
}

QWidget* WebEngineAuthorizationBrowser::window() const
{
    return m_dialog;
}

void WebEngineAuthorizationBrowser::showFailure(const QString& message)
{
    if (m_dialog && m_dialog->isVisible())
        m_dialog->showFailure(message);
}

void WebEngineAuthorizationBrowser::closeDialog()
{
    if (!m_dialog)
        return;
    EmbeddedSignInDialog* dialog = m_dialog;
    m_dialog = nullptr;
    dialog->disconnect(this);
    dialog->hide();
    dialog->deleteLater();
}

} // namespace tenantry
