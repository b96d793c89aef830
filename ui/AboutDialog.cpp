#include "AboutDialog.h"

#include "AppIcons.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tenantry {

AboutDialog::AboutDialog(const AboutFacts& facts, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Tenantry")); // ends with the app's name: the desktop adds nothing
    setObjectName(QStringLiteral("aboutDialog"));

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(AppIcons::application().pixmap(QSize(48, 48), devicePixelRatioF()));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* title = new QLabel(tr("Tenantry %1").arg(QApplication::applicationVersion()), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* summary = new QLabel(tr("Tenantry shows the Azure accounts, tenants and subscriptions you are signed in "
                                  "to, and shares its sign-ins with the Azure CLI and other tools on this "
                                  "computer."),
                               this);
    summary->setWordWrap(true);
    auto* titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(summary);
    header->addLayout(titles, 1);
    layout->addLayout(header);
    m_labels = {title, summary};

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    const auto add = [this, form](const QString& label, const QString& value) {
        auto* field = new QLabel(value, this);
        field->setTextFormat(Qt::PlainText); // paths hold what the user's home is called
        field->setWordWrap(true);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto* name = new QLabel(label, this);
        form->addRow(name, field);
        m_labels.append({name, field});
    };
    add(tr("Qt:"), tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
    QString storage = facts.keychainOnly ? tr("Keychain only: Tenantry writes no tokens to a file.")
                                         : tr("Keychain and file: the tokens are in the system keychain and in the "
                                              "token cache file, for az and other tools.");
    if (facts.storageModeFromEnvironment)
        storage += QLatin1Char(' ') + tr("Set by TENANTRY_STORAGE_MODE.");
    add(tr("Token storage:"), storage);
    add(tr("Token cache file:"), facts.tokenCacheFile);
    add(tr("Settings file:"), facts.settingsFile);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QString AboutDialog::text() const
{
    QStringList lines;
    for (const QLabel* label : m_labels)
        lines.append(label->text());
    return lines.join(QLatin1Char('\n'));
}

} // namespace tenantry
