#include "signin/DeviceCodeDialog.h"

#include "NoticePanel.h"
#include "UiLogging.h"
#include "UntrustedText.h"
#include "auth/EntraError.h"
#include "util/Clock.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tenantry {

namespace {

QString formatDuration(qint64 secs)
{
    secs = qMax<qint64>(0, secs);
    const qint64 h = secs / 3600;
    const qint64 m = (secs % 3600) / 60;
    const qint64 s = secs % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

DeviceCodeDialog::DeviceCodeDialog(const DeviceCodePrompt& prompt, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_prompt(prompt)
    , m_clock(clock)
{
    setWindowTitle(tr("Sign in with a code"));
    buildUi();
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &DeviceCodeDialog::refreshTimeLeft);
    m_ticker.start();
    refreshTimeLeft();
}

void DeviceCodeDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);

    auto* intro = new QLabel(tr("On this or any other device, open the page below, enter the code and sign in "
                                "with your work or school account."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    m_linkLabel = new QLabel(this);
    const QString link = m_prompt.verificationUri.toString(QUrl::FullyEncoded);
    m_linkLabel->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(link.toHtmlEscaped(), m_prompt.verificationUri.toDisplayString().toHtmlEscaped()));
    m_linkLabel->setTextFormat(Qt::RichText);
    m_linkLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_linkLabel->setToolTip(tr("Open in your web browser"));
    m_linkLabel->setAlignment(Qt::AlignHCenter);
    connect(m_linkLabel, &QLabel::linkActivated, this, &DeviceCodeDialog::openVerificationLink);
    layout->addWidget(m_linkLabel);

    m_codeLabel = new QLabel(m_prompt.userCode, this);
    m_codeLabel->setTextFormat(Qt::PlainText); // the server's string
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2.6);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::PercentageSpacing, 112);
    m_codeLabel->setFont(codeFont);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_codeLabel->setAccessibleName(tr("Code"));
    m_codeLabel->setContentsMargins(0, 8, 0, 8);
    layout->addWidget(m_codeLabel);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_copyButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy code"), this);
    connect(m_copyButton, &QPushButton::clicked, this, &DeviceCodeDialog::copyCode);
    buttons->addWidget(m_copyButton);
    m_openButton = new QPushButton(tr("&Open page"), this);
    m_openButton->setIcon(QIcon::fromTheme(QStringLiteral("internet-web-browser")));
    connect(m_openButton, &QPushButton::clicked, this, &DeviceCodeDialog::openVerificationLink);
    buttons->addWidget(m_openButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    layout->addWidget(buildWarning());

    m_timeLeftLabel = new QLabel(this);
    m_timeLeftLabel->setAlignment(Qt::AlignHCenter);
    layout->addWidget(m_timeLeftLabel);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy indicator: the flow is polling
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    layout->addWidget(m_busy);
    m_statusLabel = new QLabel(tr("Waiting for you to finish signing in…"), this);
    m_statusLabel->setAlignment(Qt::AlignHCenter);
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_statusLabel);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText); // the server's error_description
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancelButton = box->button(QDialogButtonBox::Cancel);
    connect(box, &QDialogButtonBox::rejected, this, &DeviceCodeDialog::reject);
    layout->addWidget(box);

    setMinimumWidth(460);
}

QWidget* DeviceCodeDialog::buildWarning()
{
    // Calm, but not to be missed: an information panel, not an alarm.
    auto* panel = new NoticePanel(NoticePanel::Tone::Information,
                                  style()->standardIcon(QStyle::SP_MessageBoxInformation), 24, this);
    panel->setObjectName(QStringLiteral("deviceCodeWarning"));
    panel->setFrameShape(QFrame::StyledPanel);
    const QString host = verificationHost();
    const QString onlyNow = tr("Enter this code only if you started this sign-in from Tenantry just now.");
    const QString where =
        host.isEmpty() ? QString() : tr("The code belongs to %1: enter it only on the page linked above.").arg(host);
    const QString otherwise = tr("If someone sent you this code or asked you to enter it, cancel: the code "
                                 "would give them access to your account.");
    m_warningPanel = panel;
    m_warningLabel = panel->label();
    m_warningLabel->setText(QStringList{onlyNow, where, otherwise}.join(QLatin1Char(' ')).simplified());
    return panel;
}

QString DeviceCodeDialog::warningText() const
{
    return m_warningPanel->isHidden() ? QString() : m_warningLabel->text();
}

QString DeviceCodeDialog::timeLeftText() const
{
    return m_timeLeftLabel->text();
}

QString DeviceCodeDialog::failureText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void DeviceCodeDialog::refreshTimeLeft()
{
    if (m_finished)
        return;
    const qint64 left = m_prompt.expiresAt - m_clock.nowSecs();
    if (left <= 0) {
        m_timeLeftLabel->setText(tr("The code has expired."));
        m_ticker.stop();
        disableCode();
        return;
    }
    m_timeLeftLabel->setText(tr("Time left: %1").arg(formatDuration(left)));
}

void DeviceCodeDialog::copyCode()
{
    // A user code alone signs nobody in (the device code stays here): the plain clipboard is right.
    QApplication::clipboard()->setText(m_prompt.userCode);
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(1500, this, [this] { m_copyButton->setText(tr("&Copy code")); });
    emit codeCopied();
}

void DeviceCodeDialog::openVerificationLink()
{
    if (!QDesktopServices::openUrl(m_prompt.verificationUri))
        qCWarning(lcSignIn) << "could not open the verification page in a browser";
}

void DeviceCodeDialog::signInCompleted()
{
    finish();
    accept();
}

void DeviceCodeDialog::signInFailed(const QString& message)
{
    finish();
    m_statusLabel->hide();
    m_timeLeftLabel->hide();
    disableCode();
    m_warningPanel->hide(); // about entering the code, which is dead now
    // Plain words; the identity provider's own (code, trace and correlation ids) in the tooltip.
    const EntraErrorText text = describeEntraError(message);
    m_errorLabel->setText(text.summary.isEmpty() ? tr("The sign-in failed.") : text.line());
    m_errorLabel->setToolTip(plainTextToolTip(text.details));
    m_errorLabel->show();
    m_cancelButton->setText(tr("Close"));
    adjustSize(); // no gaps where the countdown, progress and warning were
}

void DeviceCodeDialog::disableCode()
{
    // A dead code: nothing left to copy or to enter on the page.
    m_codeLabel->setEnabled(false);
    m_copyButton->setEnabled(false);
    m_openButton->setEnabled(false);
    m_linkLabel->setTextFormat(Qt::PlainText); // no longer a link to follow
    m_linkLabel->setText(m_prompt.verificationUri.toDisplayString());
    m_linkLabel->setEnabled(false);
}

void DeviceCodeDialog::finish()
{
    m_finished = true;
    m_ticker.stop();
    m_busy->hide();
}

void DeviceCodeDialog::reject()
{
    const bool wasRunning = !m_finished;
    finish();
    QDialog::reject();
    if (wasRunning)
        emit cancelled();
}

} // namespace tenantry
