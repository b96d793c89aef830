#include "AboutDialog.h"

#include "AppIcons.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tenantry {

namespace {

// The licence as shipped with the source (LICENSE), embedded by ui/CMakeLists.txt.
const QString kLicenceResource = QStringLiteral(":/about/LICENSE");
const QString kLicenceLink = QStringLiteral("#licence");

// Where qDebug() and the logging categories go: Tenantry installs no message handler of its own and
// Debian's Qt is built without journald, so Qt's default handler writes them to standard error (Windows: the
// debugger output; macOS without a terminal: the unified log).
QString logDestination()
{
#if defined(Q_OS_WIN)
    return AboutDialog::tr("The debugger output (DebugView), not a file.\nMore detail: "
                           "QT_LOGGING_RULES=\"tenantry.*=true\"");
#elif defined(Q_OS_MACOS)
    return AboutDialog::tr("Standard error, not a file: the terminal Tenantry was started from, else the unified "
                           "log (Console).\nMore detail: QT_LOGGING_RULES=\"tenantry.*=true\"");
#else
    return AboutDialog::tr("Standard error, not a file: the terminal Tenantry was started from, or the desktop "
                           "session's log:\njournalctl --user (or ~/.xsession-errors)\nMore detail: "
                           "QT_LOGGING_RULES=\"tenantry.*=true\"");
#endif
}

} // namespace

AboutDialog::AboutDialog(const AboutFacts& facts, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Tenantry")); // ends with the app's name: the desktop adds nothing
    setObjectName(QStringLiteral("aboutDialog"));

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(AppIcons::logo().pixmap(QSize(48, 48), devicePixelRatioF()));
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
    add(tr("Logs:"), logDestination());

    // Links: the project's home opens in the browser, the licence in a window of its own.
    const auto addLink = [this, form](const QString& label, const QString& href, const QString& text) {
        auto* field =
            new QLabel(QStringLiteral("<a href=\"%1\">%2</a>").arg(href.toHtmlEscaped(), text.toHtmlEscaped()), this);
        field->setTextFormat(Qt::RichText);
        field->setTextInteractionFlags(Qt::TextBrowserInteraction);
        auto* name = new QLabel(label, this);
        form->addRow(name, field);
        m_labels.append({name, field});
        return field;
    };
    const QString home = QStringLiteral(TENANTRY_HOMEPAGE_URL);
    addLink(tr("Home:"), home, home)->setOpenExternalLinks(true);
    QLabel* licenceLink = addLink(tr("Licence:"), kLicenceLink, tr("MIT License"));
    connect(licenceLink, &QLabel::linkActivated, this, &AboutDialog::showLicence);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void AboutDialog::showLicence()
{
    QFile file(kLicenceResource);
    const QString licence = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    auto* window = new QDialog(this);
    window->setObjectName(QStringLiteral("licenceWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Licence"));
    auto* layout = new QVBoxLayout(window);
    auto* text = new QPlainTextEdit(licence, window);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap); // the licence keeps its own line breaks
    text->setMinimumSize(QFontMetrics(text->font()).horizontalAdvance(QLatin1Char('x')) * 82, 360);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, window);
    connect(buttons, &QDialogButtonBox::rejected, window, &QDialog::reject);
    layout->addWidget(buttons);
    window->show();
}

QString AboutDialog::text() const
{
    QStringList lines;
    for (const QLabel* label : m_labels)
        lines.append(label->text());
    return lines.join(QLatin1Char('\n'));
}

} // namespace tenantry
