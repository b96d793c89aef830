#include "account/InteractiveSignIn.h"

#include "account/Session.h"
#include "auth/AuthCodeFlow.h"
#include "util/Logging.h"

namespace tenantry {

namespace {

const QString kEveryTenant = QStringLiteral("organizations");

// A flow's failure as a typed error. The flows word their failures for people (the provider's own
// description, or what went wrong on the way): that sentence is the detail.
Error flowError(const QString& message, TokenGrantResult::Kind kind)
{
    Error error;
    error.detail = message;
    switch (kind) {
    case TokenGrantResult::Kind::InteractionRequired:
        error.code = Error::Code::InteractionRequired;
        break;
    case TokenGrantResult::Kind::RefreshTokenDead:
        error.code = Error::Code::SignInExpired;
        break;
    case TokenGrantResult::Kind::Expired:
        error.code = Error::Code::TimedOut;
        break;
    case TokenGrantResult::Kind::Network:
        error.code = Error::Code::Network;
        break;
    case TokenGrantResult::Kind::InvalidResponse:
        error.code = Error::Code::InvalidResponse;
        break;
    case TokenGrantResult::Kind::Declined:
    case TokenGrantResult::Kind::BadVerificationCode:
    case TokenGrantResult::Kind::OtherError:
    case TokenGrantResult::Kind::AuthorizationPending:
    case TokenGrantResult::Kind::SlowDown:
    case TokenGrantResult::Kind::Ok:
        error.code = Error::Code::ProviderRefused;
        break;
    }
    return error;
}

} // namespace

InteractiveSignIn::InteractiveSignIn(TokenClient* client, SignInService* signIn, const Clock& clock, QString armScope,
                                     QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_signIn(signIn)
    , m_clock(clock)
    , m_armScope(std::move(armScope))
{}

InteractiveSignIn::InteractiveSignIn(Session* session, QObject* parent)
    : InteractiveSignIn(&session->tokenClient(), &session->signIn(), session->clock(), session->cloud().armScope(),
                        parent)
{}

QStringList InteractiveSignIn::scopesOf(const SignInRequest& request) const
{
    return request.scopes.isEmpty() ? QStringList{m_armScope} : request.scopes;
}

bool InteractiveSignIn::begin(const SignInRequest& request)
{
    if (m_running) {
        qCInfo(lcAccount) << "a sign-in is running already; another was not started";
        return false;
    }
    m_running = true;
    m_request = request;
    // The previous sign-in's flow goes; it may be the one that just emitted.
    for (QObject* flow :
         {static_cast<QObject*>(m_authCodeFlow.data()), static_cast<QObject*>(m_deviceCodeFlow.data())}) {
        if (flow) {
            flow->disconnect(this);
            flow->deleteLater();
        }
    }
    m_authCodeFlow = nullptr;
    m_deviceCodeFlow = nullptr;
    return true;
}

bool InteractiveSignIn::startWithBrowser(const SignInRequest& request, AuthorizationBrowser* browser)
{
    if (!begin(request))
        return false;
    m_authCodeFlow = new AuthCodeFlow(m_client, browser, this);
    connect(m_authCodeFlow, &AuthCodeFlow::succeeded, this, &InteractiveSignIn::onTokens);
    connect(m_authCodeFlow, &AuthCodeFlow::failed, this, &InteractiveSignIn::onFlowFailed);
    connect(m_authCodeFlow, &AuthCodeFlow::cancelled, this, &InteractiveSignIn::onFlowCancelled);
    AuthCodeRequest flowRequest;
    flowRequest.tenant = request.tenant.isEmpty() ? kEveryTenant : request.tenant;
    flowRequest.scopes = scopesOf(request);
    flowRequest.loginHint = request.loginHint;
    flowRequest.claims = request.claims;
    flowRequest.timeoutSecs = request.browserTimeoutSecs;
    qCInfo(lcAccount).noquote() << "interactive sign-in in a browser, tenant" << flowRequest.tenant
                                << (request.claims.isEmpty() ? "" : "with a claims challenge");
    m_authCodeFlow->start(flowRequest);
    return true;
}

bool InteractiveSignIn::startWithDeviceCode(const SignInRequest& request)
{
    if (!begin(request))
        return false;
    m_deviceCodeFlow = new DeviceCodeFlow(m_client, m_clock, this);
    connect(m_deviceCodeFlow, &DeviceCodeFlow::promptReady, this, &InteractiveSignIn::deviceCodeReady);
    connect(m_deviceCodeFlow, &DeviceCodeFlow::succeeded, this, &InteractiveSignIn::onTokens);
    connect(m_deviceCodeFlow, &DeviceCodeFlow::failed, this, &InteractiveSignIn::onFlowFailed);
    connect(m_deviceCodeFlow, &DeviceCodeFlow::cancelled, this, &InteractiveSignIn::onFlowCancelled);
    const QString tenant = request.tenant.isEmpty() ? kEveryTenant : request.tenant;
    qCInfo(lcAccount).noquote() << "interactive sign-in with a device code, tenant" << tenant
                                << (request.claims.isEmpty() ? "" : "with a claims challenge");
    m_deviceCodeFlow->start(tenant, scopesOf(request), request.claims);
    return true;
}

void InteractiveSignIn::cancel()
{
    if (m_authCodeFlow && m_authCodeFlow->isRunning())
        m_authCodeFlow->cancel(); // its cancelled() ends this sign-in
    else if (m_deviceCodeFlow && m_deviceCodeFlow->isRunning())
        m_deviceCodeFlow->cancel();
}

void InteractiveSignIn::onTokens(const TokenGrantResult& grant, const QString& realm)
{
    emit tokensReceived();
    SignInOptions options;
    options.tenant = m_request.tenant;
    options.allowNoSubscriptions = m_request.allowNoSubscriptions;
    QPointer<InteractiveSignIn> self(this);
    m_signIn->completeSignIn(grant, realm, scopesOf(m_request), options, [self](const SignInResult& result) {
        if (!self)
            return;
        self->m_running = false;
        // No account: the tokens never reached the cache, so nobody is signed in.
        if (result.homeAccountId.isEmpty() && !result.ok()) {
            emit self->failed(Error{Error::Code::Storage, result.error, {}});
            return;
        }
        qCInfo(lcAccount) << "interactive sign-in done;" << result.subscriptions.size() << "subscriptions";
        emit self->completed(result);
    });
}

void InteractiveSignIn::onFlowFailed(const QString& message, TokenGrantResult::Kind kind)
{
    m_running = false;
    emit failed(flowError(message, kind));
}

void InteractiveSignIn::onFlowCancelled()
{
    m_running = false;
    emit cancelled();
}

} // namespace tenantry
