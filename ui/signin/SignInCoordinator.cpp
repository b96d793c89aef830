#include "signin/SignInCoordinator.h"

#include "UiLogging.h"
#include "account/Session.h"
#include "auth/AuthCodeFlow.h"
#include "auth/DeviceCodeFlow.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/EmbeddedSignInDialog.h"
#include "signin/WebEngineAuthorizationBrowser.h"

#include <QWidget>

namespace tenantry {

SignInCoordinator::SignInCoordinator(Session* session, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
{}

SignInCoordinator::~SignInCoordinator()
{
    delete m_authCodeFlow.data();
    delete m_deviceCodeFlow.data();
    delete m_deviceCodeDialog.data();
    delete m_browser.data();
}

WebEngineAuthorizationBrowser* SignInCoordinator::browser() const
{
    return m_browser;
}

DeviceCodeDialog* SignInCoordinator::deviceCodeDialog() const
{
    return m_deviceCodeDialog;
}

QStringList SignInCoordinator::scopes() const
{
    return {m_session->cloud().armScope()};
}

bool SignInCoordinator::begin()
{
    if (m_running) {
        raiseRunning();
        return false;
    }
    m_running = true;
    // The previous sign-in's objects (and a failure it may still show) go now.
    delete m_authCodeFlow.data();
    delete m_deviceCodeFlow.data();
    delete m_browser.data();
    if (m_deviceCodeDialog)
        m_deviceCodeDialog->deleteLater();
    return true;
}

void SignInCoordinator::raiseRunning()
{
    QWidget* dialog = m_deviceCodeDialog ? static_cast<QWidget*>(m_deviceCodeDialog.data())
                      : m_browser        ? static_cast<QWidget*>(m_browser->dialog())
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
    m_browser = new WebEngineAuthorizationBrowser(m_dialogParent, this);
    m_authCodeFlow = new AuthCodeFlow(&m_session->tokenClient(), m_browser, this);
    connect(
        m_authCodeFlow, &AuthCodeFlow::succeeded, this,
        [this, request](const TokenGrantResult& result, const QString& realm) { complete(result, realm, request); });
    connect(m_authCodeFlow, &AuthCodeFlow::failed, this, [this](const QString& message, TokenGrantResult::Kind) {
        // Shown in the dialog while it is open (the provider's own words); the window says it too.
        if (m_browser)
            m_browser->showFailure(message);
        finishFlow();
        emit failed(message);
    });
    connect(m_authCodeFlow, &AuthCodeFlow::cancelled, this, [this] {
        finishFlow();
        emit cancelled();
    });
    AuthCodeRequest flowRequest;
    flowRequest.tenant = request.tenant.isEmpty() ? QStringLiteral("organizations") : request.tenant;
    flowRequest.scopes = scopes();
    flowRequest.loginHint = request.loginHint;
    flowRequest.claims = request.claims;
    qCInfo(lcSignIn).noquote() << "sign-in with the embedded browser, tenant" << flowRequest.tenant;
    emit started(tr("Opening the sign-in page…"));
    m_authCodeFlow->start(flowRequest);
}

void SignInCoordinator::signInWithCode(const SignInRequest& request)
{
    if (!begin())
        return;
    m_deviceCodeFlow = new DeviceCodeFlow(&m_session->tokenClient(), m_session->clock(), this);
    connect(m_deviceCodeFlow, &DeviceCodeFlow::promptReady, this, [this](const DeviceCodePrompt& prompt) {
        auto* dialog = new DeviceCodeDialog(prompt, m_session->clock(), m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_deviceCodeDialog = dialog;
        connect(dialog, &DeviceCodeDialog::cancelled, this, [this] {
            if (m_deviceCodeFlow)
                m_deviceCodeFlow->cancel();
        });
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    connect(m_deviceCodeFlow, &DeviceCodeFlow::succeeded, this,
            [this, request](const TokenGrantResult& result, const QString& realm) {
                if (m_deviceCodeDialog)
                    m_deviceCodeDialog->signInCompleted();
                complete(result, realm, request);
            });
    connect(m_deviceCodeFlow, &DeviceCodeFlow::failed, this, [this](const QString& message, TokenGrantResult::Kind) {
        if (m_deviceCodeDialog)
            m_deviceCodeDialog->signInFailed(message);
        finishFlow();
        emit failed(message);
    });
    connect(m_deviceCodeFlow, &DeviceCodeFlow::cancelled, this, [this] {
        finishFlow();
        emit cancelled();
    });
    const QString tenant = request.tenant.isEmpty() ? QStringLiteral("organizations") : request.tenant;
    qCInfo(lcSignIn).noquote() << "sign-in with a device code, tenant" << tenant;
    emit started(tr("Asking for a sign-in code…"));
    m_deviceCodeFlow->start(tenant, scopes(), request.claims);
}

void SignInCoordinator::cancel()
{
    if (!m_running)
        return;
    if (m_authCodeFlow && m_authCodeFlow->isRunning())
        m_authCodeFlow->cancel();
    else if (m_deviceCodeFlow && m_deviceCodeFlow->isRunning())
        m_deviceCodeFlow->cancel();
}

void SignInCoordinator::finishFlow()
{
    m_running = false;
}

void SignInCoordinator::complete(const TokenGrantResult& result, const QString& realm, const SignInRequest& request)
{
    SignInOptions options;
    options.tenant = request.tenant;
    emit started(tr("Signed in; finding your tenants and subscriptions…"));
    QPointer<SignInCoordinator> self(this);
    m_session->signIn().completeSignIn(result, realm, scopes(), options, [self](const SignInResult& signIn) {
        if (!self)
            return;
        self->finishFlow();
        if (signIn.homeAccountId.isEmpty() && !signIn.ok()) {
            emit self->failed(signIn.error);
            return;
        }
        qCInfo(lcSignIn).noquote() << "signed in;" << signIn.subscriptions.size() << "subscriptions";
        emit self->completed(signIn);
    });
}

} // namespace tenantry
