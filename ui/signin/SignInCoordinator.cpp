#include "signin/SignInCoordinator.h"

#include "UiLogging.h"
#include "account/Session.h"
#include "auth/EntraError.h"
#include "auth/LoopbackRedirectListener.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/EmbeddedSignIn.h"

#include <QWidget>

namespace tenantry {

SignInCoordinator::SignInCoordinator(Session* session, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_signIn(new InteractiveSignIn(session, this))
    , m_dialogParent(dialogParent)
{
    connect(m_signIn, &InteractiveSignIn::deviceCodeReady, this, &SignInCoordinator::showDeviceCode);
    connect(m_signIn, &InteractiveSignIn::tokensReceived, this, [this] {
        if (m_deviceCodeDialog)
            m_deviceCodeDialog->signInCompleted();
        emit started(tr("Signed in; finding your tenants and subscriptions…"));
    });
    connect(m_signIn, &InteractiveSignIn::completed, this, &SignInCoordinator::completed);
    connect(m_signIn, &InteractiveSignIn::failed, this, &SignInCoordinator::onFailed);
    connect(m_signIn, &InteractiveSignIn::cancelled, this, &SignInCoordinator::cancelled);
}

SignInCoordinator::~SignInCoordinator()
{
    // The sign-in (and its flow) before the browser it talks to.
    delete m_signIn;
    delete m_deviceCodeDialog.data();
    delete m_browser.data();
    delete m_systemBrowser.data();
}

bool SignInCoordinator::isRunning() const
{
    return m_signIn->isRunning();
}

EmbeddedAuthorizationBrowser* SignInCoordinator::browser() const
{
    return m_browser;
}

void SignInCoordinator::setEmbeddedSignInPlugin(const QString& pluginPath)
{
    m_embeddedSignIn = EmbeddedSignInLoader(pluginPath);
}

DeviceCodeDialog* SignInCoordinator::deviceCodeDialog() const
{
    return m_deviceCodeDialog;
}

bool SignInCoordinator::begin()
{
    if (m_signIn->isRunning()) {
        raiseRunning();
        return false;
    }
    // The previous sign-in's windows (and a failure one may still show) go now.
    delete m_browser.data();
    delete m_systemBrowser.data();
    if (m_deviceCodeDialog)
        m_deviceCodeDialog->deleteLater();
    return true;
}

void SignInCoordinator::raiseRunning()
{
    QWidget* dialog = m_deviceCodeDialog ? static_cast<QWidget*>(m_deviceCodeDialog.data())
                      : m_browser        ? m_browser->window()
                                         : nullptr;
    if (dialog) {
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    }
}

void SignInCoordinator::signInWithBrowser(const SignInRequest& request)
{
    if (!begin())
        return;
    QString error;
    if (EmbeddedSignInFactory* embedded = m_embeddedSignIn.factory(&error)) {
        m_browser = embedded->createBrowser(m_dialogParent, this);
        emit started(tr("Opening the sign-in page…"));
        m_signIn->startWithBrowser(request, m_browser);
        return;
    }
    if (!m_launcher)
        m_launcher = std::make_unique<SystemBrowserLauncher>();
    if (m_launcher->canOpen()) {
        m_systemBrowser = new LoopbackRedirectListener(m_launcher.get(), this);
        emit embeddedBrowserUnavailable(tr("The built-in sign-in window is not available (%1). Sign in in "
                                           "your web browser; Tenantry continues when you are done.")
                                            .arg(error));
        m_signIn->startWithBrowser(request, m_systemBrowser);
        return;
    }
    emit embeddedBrowserUnavailable(tr("The built-in sign-in window is not available (%1), nor a web "
                                       "browser: sign in with the code instead.")
                                        .arg(error));
    m_signIn->startWithDeviceCode(request);
}

void SignInCoordinator::signInWithCode(const SignInRequest& request)
{
    if (!begin())
        return;
    emit started(tr("Asking for a sign-in code…"));
    m_signIn->startWithDeviceCode(request);
}

void SignInCoordinator::cancel()
{
    m_signIn->cancel();
}

void SignInCoordinator::showDeviceCode(const DeviceCodePrompt& prompt)
{
    auto* dialog = new DeviceCodeDialog(prompt, m_session->clock(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_deviceCodeDialog = dialog;
    connect(dialog, &DeviceCodeDialog::cancelled, m_signIn, &InteractiveSignIn::cancel);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    // "Asking for a sign-in code…" is over: the code is on the screen.
    emit started(tr("Waiting for you to enter the code and sign in…"));
}

void SignInCoordinator::onFailed(const Error& error)
{
    const QString message = describe(error);
    // Shown in the sign-in's own window while it is open (the provider's words); the main window says it too.
    if (m_browser)
        m_browser->showFailure(describeEntraError(message).line());
    if (m_deviceCodeDialog && m_deviceCodeDialog->isVisible())
        m_deviceCodeDialog->signInFailed(message);
    qCInfo(lcSignIn) << "the sign-in failed";
    emit failed(message);
}

QString SignInCoordinator::describe(const Error& error)
{
    // What failed says it in its own sentence (the identity provider's description, the flow's or the
    // store's words); a bare code gets the general sentence for it.
    return error.detail.isEmpty() ? error.message() : error.detail;
}

} // namespace tenantry
