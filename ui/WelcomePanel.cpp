#include "WelcomePanel.h"

#include "AppIcons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tenantry {

WelcomePanel::WelcomePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);

    auto* column = new QWidget(this);
    // A fixed width lets the wrapped texts compute their height (a centred, width-less column
    // squeezes them).
    column->setFixedWidth(440);
    auto* layout = new QVBoxLayout(column);
    layout->setSpacing(14);

    auto* icon = new QLabel(column);
    icon->setPixmap(AppIcons::logo().pixmap(QSize(88, 88), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignHCenter);
    layout->addWidget(icon);

    auto* title = new QLabel(tr("Sign in to Azure"), column);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignHCenter);
    layout->addWidget(title);

    auto* text = new QLabel(tr("See every account, tenant and subscription you use with az, Azure PowerShell and "
                               "VS Code in one place, switch the active subscription and copy tokens. "
                               "Tokens are kept in your system keychain."),
                            column);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    layout->addWidget(text);
    layout->addSpacing(8);

    m_browserButton = new QPushButton(tr("Sign in with a browser"), column);
    m_browserButton->setDefault(true);
    m_browserButton->setAutoDefault(true);
    m_browserButton->setMinimumHeight(m_browserButton->sizeHint().height() * 5 / 4);
    connect(m_browserButton, &QPushButton::clicked, this, &WelcomePanel::signInWithBrowserClicked);
    layout->addWidget(m_browserButton);

    m_codeButton = new QPushButton(tr("Sign in with a code"), column);
    m_codeButton->setMinimumHeight(m_browserButton->minimumHeight());
    connect(m_codeButton, &QPushButton::clicked, this, &WelcomePanel::signInWithCodeClicked);
    layout->addWidget(m_codeButton);

    auto* hint = new QLabel(tr("Use a code when this computer has no browser, or to sign in on your phone."), column);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignHCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);

    auto* row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(column);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(3);
}

} // namespace tenantry
