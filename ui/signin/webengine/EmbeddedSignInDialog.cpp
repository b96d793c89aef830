#include "signin/webengine/EmbeddedSignInDialog.h"

#include "UiLogging.h"
#include "auth/AuthorizationResponse.h"
#include "signin/webengine/RedirectInterceptor.h"
#include "signin/webengine/SignInWebPage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace tenantry {

namespace {

// Chromium's net error codes for what is not a load failure here: a navigation we refused or that
// the page itself replaced (ERR_ABORTED), and a request the interceptor blocked.
constexpr int kErrAborted = -3;
constexpr int kErrBlockedByClient = -20;

} // namespace

EmbeddedSignInDialog::EmbeddedSignInDialog(const QUrl& redirectUri, QWidget* parent)
    : QDialog(parent)
    , m_redirectUri(redirectUri)
{
    setWindowTitle(tr("Sign in to Azure"));
    // The name-less constructor makes an off-the-record profile: cookies, cache and storage live
    // in memory and go with it, so each sign-in starts clean and leaves nothing behind.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpAcceptLanguage(QLocale().uiLanguages().join(QLatin1Char(',')));
    m_interceptor = new RedirectInterceptor(m_redirectUri, this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    QWebEngineSettings* settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);

    m_page = new SignInWebPage(m_profile, m_redirectUri);
    connect(m_page, &SignInWebPage::redirectRequested, this, &EmbeddedSignInDialog::onRedirectRequested);
    connect(m_interceptor, &RedirectInterceptor::redirectRequested, this, &EmbeddedSignInDialog::onRedirectRequested);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &EmbeddedSignInDialog::onLoadingChanged);
    connect(m_page, &QWebEnginePage::urlChanged, this, &EmbeddedSignInDialog::showAddress);
    connect(m_page, &SignInWebPage::certificateRefused, this, [this](const QString& message) {
        if (m_finished)
            return;
        showFailure(message);
        emit loadFailed(message);
    });
    buildUi();
}

EmbeddedSignInDialog::~EmbeddedSignInDialog()
{
    // A page must go before its profile (QtWebEngine warns and may crash otherwise): the view
    // first, which shows the page, then the page, then the profile.
    delete m_view;
    m_view = nullptr;
    delete m_page;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

void EmbeddedSignInDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_addressLabel = new QLabel(this);
    m_addressLabel->setContentsMargins(10, 6, 10, 6);
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addressLabel->setToolTip(tr("The site you are signing in to"));
    layout->addWidget(m_addressLabel);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(4);
    m_progress->setAccessibleName(tr("Loading"));
    layout->addWidget(m_progress);
    connect(m_page, &QWebEnginePage::loadStarted, m_progress, [this] {
        m_progress->setValue(0);
        m_progress->show();
    });
    connect(m_page, &QWebEnginePage::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_page, &QWebEnginePage::loadFinished, m_progress, &QWidget::hide);

    m_stack = new QStackedWidget(this);
    m_view = new QWebEngineView(m_stack);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_stack->addWidget(m_view);

    m_failurePanel = new QWidget(m_stack);
    auto* failureLayout = new QVBoxLayout(m_failurePanel);
    failureLayout->setContentsMargins(24, 24, 24, 24);
    auto* failureTitle = new QLabel(tr("The sign-in did not complete"), m_failurePanel);
    QFont titleFont = failureTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    failureTitle->setFont(titleFont);
    failureLayout->addWidget(failureTitle);
    m_failureLabel = new QLabel(m_failurePanel);
    m_failureLabel->setObjectName(QStringLiteral("failureText"));
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    failureLayout->addWidget(m_failureLabel);
    failureLayout->addStretch();
    m_stack->addWidget(m_failurePanel);
    layout->addWidget(m_stack, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->setContentsMargins(10, 8, 10, 10);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EmbeddedSignInDialog::reject);
    layout->addWidget(m_buttons);

    // Keys typed into the page go to Chromium and never come back to QDialog's own Esc handling.
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, &EmbeddedSignInDialog::reject);

    showAddress(QUrl());
    resize(520, 680); // the provider's sign-in card is ~440 px wide
}

QWebEnginePage* EmbeddedSignInDialog::page() const
{
    return m_page;
}

void EmbeddedSignInDialog::start(const QUrl& authorizeUrl, const QString& expectedState)
{
    m_expectedState = expectedState;
    m_finished = false;
    m_stack->setCurrentWidget(m_view);
    qCInfo(lcSignIn).noquote() << "loading the sign-in page of" << authorizeUrl.host();
    m_page->load(authorizeUrl);
}

void EmbeddedSignInDialog::onRedirectRequested(const QUrl& url)
{
    if (m_finished)
        return;
    const AuthorizationResponse response = AuthorizationResponse::fromRedirect(url);
    if (m_expectedState.isEmpty() || response.state != m_expectedState) {
        // A forged or stale redirect: not ours, never reported, the page stays as it is.
        qCWarning(lcSignIn) << "ignored a redirect whose state does not match this sign-in";
        return;
    }
    m_finished = true;
    m_page->triggerAction(QWebEnginePage::Stop);
    if (response.kind != AuthorizationResponse::Kind::Code) {
        // Shown here and reported: the auth code flow fails with the same words (same parser).
        showFailure(response.problem());
        emit redirected(response);
        return;
    }
    qCInfo(lcSignIn) << "caught the sign-in redirect";
    accept();
    emit redirected(response);
}

void EmbeddedSignInDialog::onLoadingChanged(const QWebEngineLoadingInfo& info)
{
    if (m_finished || info.status() != QWebEngineLoadingInfo::LoadFailedStatus)
        return;
    if (SignInWebPage::isRedirect(info.url(), m_redirectUri) || info.errorCode() == kErrAborted ||
        info.errorCode() == kErrBlockedByClient)
        return;
    m_finished = true;
    const QString message =
        tr("The sign-in page of %1 could not be loaded: %2").arg(info.url().host(), info.errorString());
    showFailure(message);
    emit loadFailed(message);
}

void EmbeddedSignInDialog::showFailure(const QString& message)
{
    m_finished = true;
    m_failureLabel->setText(message);
    m_stack->setCurrentWidget(m_failurePanel);
    m_progress->hide();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

QString EmbeddedSignInDialog::failureText() const
{
    return m_stack->currentWidget() == m_failurePanel ? m_failureLabel->text() : QString();
}

void EmbeddedSignInDialog::showAddress(const QUrl& url)
{
    if (url.isEmpty() || !(url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
        m_addressLabel->setText(tr("Loading the sign-in page…"));
        return;
    }
    const bool secure = url.scheme() == QLatin1String("https");
    m_addressLabel->setText(secure ? tr("Secure connection to %1").arg(url.host())
                                   : tr("Unencrypted connection to %1").arg(url.host()));
}

void EmbeddedSignInDialog::reject()
{
    const bool wasRunning = !m_finished;
    m_finished = true;
    if (m_page)
        m_page->triggerAction(QWebEnginePage::Stop);
    QDialog::reject();
    if (wasRunning) {
        qCInfo(lcSignIn) << "sign-in cancelled";
        emit cancelled();
    }
}

} // namespace tenantry
