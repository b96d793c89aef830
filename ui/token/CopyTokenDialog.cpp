#include "token/CopyTokenDialog.h"

#include "AppIcons.h"
#include "UntrustedText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tenantry {

namespace {

constexpr int kCustomScope = -1; // the combo box entry whose data is this: "Custom scope…"

} // namespace

CopyTokenDialog::CopyTokenDialog(TokenCopier* copier, const ScopeCatalogue& scopes, const QString& username,
                                 const QString& tenantId, const QString& tenantName, const QString& subscriptionName,
                                 QWidget* parent)
    : QDialog(parent)
    , m_copier(copier)
    , m_presets(scopes.presets())
    , m_username(username)
    , m_tenantId(tenantId)
{
    setWindowTitle(tr("Copy Token"));
    buildUi(tenantName, subscriptionName);
    connect(m_copier, &TokenCopier::copied, this, [this](const TokenCopyRequest&, qint64, int) {
        if (!m_waiting)
            return;
        m_waiting = false;
        accept();
    });
    connect(m_copier, &TokenCopier::failed, this,
            [this](const TokenCopyRequest&, const QString& message, bool needsSignIn) {
                if (!m_waiting)
                    return;
                m_waiting = false;
                showError(message, needsSignIn);
            });
    updateState();
}

void CopyTokenDialog::buildUi(const QString& tenantName, const QString& subscriptionName)
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addFact = [this, form](const QString& label, const QString& value, const QString& toolTip) {
        auto* field = new QLabel(value, this);
        field->setTextFormat(Qt::PlainText);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setToolTip(plainTextToolTip(toolTip));
        form->addRow(label, field);
    };
    addFact(tr("Account:"), m_username, QString());
    addFact(tr("Tenant:"), tenantName.isEmpty() ? m_tenantId : tenantName, m_tenantId);
    if (!subscriptionName.isEmpty())
        addFact(tr("Subscription:"), subscriptionName, QString());

    m_scopeBox = new QComboBox(this);
    for (int i = 0; i < m_presets.size(); ++i) {
        m_scopeBox->addItem(m_presets.at(i).displayName(), i);
        m_scopeBox->setItemData(i, m_presets.at(i).scope, Qt::ToolTipRole);
    }
    m_scopeBox->addItem(ScopeCatalogue::custom().displayName(), kCustomScope);
    form->addRow(tr("&Scope:"), m_scopeBox);

    m_customScope = new QLineEdit(this);
    m_customScope->setPlaceholderText(tr("e.g. api://my-app/.default or https://myapp.example.com"));
    m_customScope->setClearButtonEnabled(true);
    m_customScope->setAccessibleName(tr("Custom scope"));
    form->addRow(QString(), m_customScope);

    auto* formats = new QWidget(this);
    auto* formatsLayout = new QVBoxLayout(formats);
    formatsLayout->setContentsMargins(0, 0, 0, 0);
    m_raw = new QRadioButton(tr("The &token alone"), formats);
    m_header = new QRadioButton(tr("As an “Authorization: &Bearer …” header"), formats);
    m_raw->setChecked(true);
    formatsLayout->addWidget(m_raw);
    formatsLayout->addWidget(m_header);
    form->addRow(tr("Copy:"), formats);
    layout->addLayout(form);

    // Why there is no token, and the way out when it is a sign-in.
    auto* statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(360); // wraps, rather than widening the dialog to one long line
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    statusRow->addWidget(m_status, 1);
    m_signInButton = new QPushButton(AppIcons::action(QStringLiteral("sign-in")), tr("&Sign in…"), this);
    m_signInButton->setAutoDefault(false);
    m_signInButton->hide();
    statusRow->addWidget(m_signInButton, 0, Qt::AlignTop);
    layout->addLayout(statusRow);

    auto* buttons = new QDialogButtonBox(this);
    m_copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::AcceptRole);
    m_copyButton->setIcon(AppIcons::action(QStringLiteral("copy-token")));
    m_copyButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_copyButton, &QPushButton::clicked, this, &CopyTokenDialog::copy);
    connect(m_signInButton, &QPushButton::clicked, this, [this] {
        emit signInRequested(m_username, m_tenantId);
        reject();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_scopeBox, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        if (m_scopeBox->currentData().toInt() == kCustomScope)
            m_customScope->setFocus();
    });
    connect(m_customScope, &QLineEdit::textChanged, this, &CopyTokenDialog::updateState);
    setMinimumWidth(460);
}

void CopyTokenDialog::selectScope(const QString& scope)
{
    for (int i = 0; i < m_presets.size(); ++i) {
        if (m_presets.at(i).scope == scope) {
            m_scopeBox->setCurrentIndex(m_scopeBox->findData(i));
            return;
        }
    }
    m_scopeBox->setCurrentIndex(m_scopeBox->findData(kCustomScope));
    m_customScope->setText(scope);
}

void CopyTokenDialog::setFormat(ClipboardGuard::TokenFormat format)
{
    (format == ClipboardGuard::TokenFormat::AuthorizationHeader ? m_header : m_raw)->setChecked(true);
}

void CopyTokenDialog::focusCustomScope()
{
    m_scopeBox->setCurrentIndex(m_scopeBox->findData(kCustomScope));
    m_customScope->setFocus();
}

QString CopyTokenDialog::scope() const
{
    const int preset = m_scopeBox->currentData().toInt();
    if (preset == kCustomScope)
        return TokenCopier::normalizedScope(m_customScope->text().trimmed());
    return m_presets.value(preset).scope;
}

ClipboardGuard::TokenFormat CopyTokenDialog::format() const
{
    return m_header->isChecked() ? ClipboardGuard::TokenFormat::AuthorizationHeader : ClipboardGuard::TokenFormat::Raw;
}

QString CopyTokenDialog::statusText() const
{
    return m_status->isVisible() ? m_status->text() : QString();
}

void CopyTokenDialog::updateState()
{
    const bool custom = m_scopeBox->currentData().toInt() == kCustomScope;
    m_customScope->setEnabled(custom);
    m_customScope->setVisible(custom);
    m_copyButton->setEnabled(!m_waiting && !scope().isEmpty());
}

void CopyTokenDialog::copy()
{
    if (m_waiting || scope().isEmpty())
        return;
    m_waiting = true;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Getting a token…"));
    m_status->show();
    m_signInButton->hide();
    updateState();
    TokenCopyRequest request;
    request.username = m_username;
    request.tenantId = m_tenantId;
    request.scope = scope();
    request.format = format();
    request.description = m_scopeBox->currentData().toInt() == kCustomScope ? request.scope : m_scopeBox->currentText();
    m_copier->copy(request);
}

void CopyTokenDialog::showError(const QString& message, bool needsSignIn)
{
    m_status->setText(needsSignIn ? tr("No token: %1\nSign in to this tenant first.").arg(message)
                                  : tr("No token: %1").arg(message));
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_status->show();
    m_signInButton->setVisible(needsSignIn);
    updateState();
    adjustSize(); // the message needs room; the form must not be squeezed for it
}

} // namespace tenantry
