#include "SettingsDialog.h"

#include "AutostartEntry.h"
#include "GitSetupRow.h"
#include "util/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tenantry {

namespace {

void selectData(QComboBox* box, const QString& value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings* settings, AutostartEntry* autostart, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_autostart(autostart)
{
    setWindowTitle(tr("Settings")); // the desktop adds " — Tenantry"
    buildUi();
    load();
}

void SettingsDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* tokens = new QGroupBox(tr("Tokens"), this);
    auto* tokensForm = new QFormLayout(tokens);
    m_storageMode = new QComboBox(tokens);
    m_storageMode->addItem(tr("Keychain and Azure CLI files"),
                           AppSettings::storageModeName(StorageMode::KeychainAndFile));
    m_storageMode->addItem(tr("Keychain only"), AppSettings::storageModeName(StorageMode::KeychainOnly));
    m_storageMode->setToolTip(tr("“Keychain only” keeps no plaintext token cache on disk; az, Azure PowerShell "
                                 "and other tools then cannot use Tenantry's sign-ins."));
    tokensForm->addRow(tr("&Storage:"), m_storageMode);
    // Shown when the environment decides: the choice here would not count until the variable is gone.
    m_storageModeNote = new QLabel(tr("Set by the environment variable TENANTRY_STORAGE_MODE; unset it to choose "
                                      "here."),
                                   tokens);
    m_storageModeNote->setWordWrap(true);
    m_storageModeNote->hide();
    tokensForm->addRow(QString(), m_storageModeNote);

    m_clipboardSeconds = new QSpinBox(tokens);
    m_clipboardSeconds->setRange(0, AppSettings::kMaxClipboardClearSeconds);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setSpecialValueText(tr("Never"));
    m_clipboardSeconds->setToolTip(tr("A copied token is removed from the clipboard after this time, unless "
                                      "something else was copied meanwhile."));
    tokensForm->addRow(tr("&Clear clipboard after:"), m_clipboardSeconds);

    m_copyToSelection = new QCheckBox(tr("Also copy tokens to the &primary selection (middle-click paste)"), tokens);
    // As a paragraph, which Qt wraps: a plain-text tooltip this long is one line across the screen.
    m_copyToSelection->setToolTip(
        QStringLiteral("<p>%1</p>")
            .arg(tr("A middle click pastes the primary selection into whatever window is under the mouse, so a token "
                    "there is easily pasted by mistake. Cleared with the clipboard.")
                     .toHtmlEscaped()));
    tokensForm->addRow(m_copyToSelection);

    m_expiryReminder = new QSpinBox(tokens);
    m_expiryReminder->setRange(0, AppSettings::kMaxNotifyBeforeExpiryMinutes);
    m_expiryReminder->setSuffix(tr(" min before"));
    m_expiryReminder->setSpecialValueText(tr("Never"));
    m_expiryReminder->setToolTip(tr("A notification a few minutes before the last token you copied expires, so "
                                    "a script or an API client using it does not fail unexpectedly."));
    tokensForm->addRow(tr("&Remind before a copied token expires:"), m_expiryReminder);

    m_cloud = new QComboBox(tokens);
    m_cloud->addItem(tr("Same as Azure CLI"), QString());
    m_cloud->addItem(tr("Azure (global)"), QStringLiteral("AzureCloud"));
    m_cloud->addItem(tr("Azure operated by 21Vianet (China)"), QStringLiteral("AzureChinaCloud"));
    m_cloud->addItem(tr("Azure Government (US)"), QStringLiteral("AzureUSGovernment"));
    tokensForm->addRow(tr("Cl&oud:"), m_cloud);
    layout->addWidget(tokens);

    auto* startup = new QGroupBox(tr("Startup"), this);
    auto* startupLayout = new QVBoxLayout(startup);
    m_startAtLogin = new QCheckBox(tr("Start Tenantry when I &log in"), startup);
    if (!AutostartEntry::isSupported()) {
        m_startAtLogin->setEnabled(false);
        m_startAtLogin->setToolTip(tr("Not available on this system."));
    }
    startupLayout->addWidget(m_startAtLogin);
    m_startMinimized = new QCheckBox(tr("Start &minimized to the tray"), startup);
    startupLayout->addWidget(m_startMinimized);
    layout->addWidget(startup);

    auto* tools = new QGroupBox(tr("Other tools"), this);
    auto* toolsLayout = new QVBoxLayout(tools);
    m_gitSetup = new GitSetupRow(QCoreApplication::applicationDirPath() + QStringLiteral("/tenantry-cli"), tools);
    toolsLayout->addWidget(m_gitSetup);
    layout->addWidget(tools);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void SettingsDialog::load()
{
    const StorageModeChoice storage = m_settings->storageMode();
    m_storageModeFromEnvironment = storage.setByEnvironment;
    selectData(m_storageMode, AppSettings::storageModeName(storage.mode));
    m_storageMode->setEnabled(!m_storageModeFromEnvironment);
    m_storageModeNote->setVisible(m_storageModeFromEnvironment);
    m_clipboardSeconds->setValue(m_settings->clipboardClearSeconds());
    m_copyToSelection->setChecked(m_settings->copyToPrimarySelection());
    m_expiryReminder->setValue(m_settings->notifyBeforeExpiryMinutes());
    selectData(m_cloud, m_settings->cloudName());
    m_startMinimized->setChecked(m_settings->startMinimized());
    // The file on disk is the truth (the user may have removed it by hand).
    m_startAtLogin->setChecked(m_autostart && m_autostart->isEnabled());
}

bool SettingsDialog::save(QString* error)
{
    // The environment's mode is shown, not chosen: the user's own setting stays as it was.
    if (!m_storageModeFromEnvironment)
        m_settings->setStorageMode(selectedStorageMode());
    m_settings->setClipboardClearSeconds(m_clipboardSeconds->value());
    m_settings->setCopyToPrimarySelection(m_copyToSelection->isChecked());
    m_settings->setNotifyBeforeExpiryMinutes(m_expiryReminder->value());
    m_settings->setCloudName(m_cloud->currentData().toString());
    m_settings->setStartMinimized(m_startMinimized->isChecked());
    bool ok = true;
    if (m_autostart && AutostartEntry::isSupported() && m_autostart->isEnabled() != m_startAtLogin->isChecked())
        ok = m_autostart->setEnabled(m_startAtLogin->isChecked(), error);
    m_settings->setStartAtLogin(m_autostart ? m_autostart->isEnabled() : false);
    m_settings->sync();
    return ok;
}

void SettingsDialog::accept()
{
    const bool toKeychainOnly = !m_storageModeFromEnvironment && selectedStorageMode() == StorageMode::KeychainOnly &&
                                m_settings->storedStorageMode() != StorageMode::KeychainOnly;
    m_plaintextCopies = PlaintextCopies::Keep;
    if (!toKeychainOnly) {
        saveAndClose();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Keychain only"),
                                tr("Remove the refresh tokens Tenantry copied into Azure CLI's file?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("plaintextCopiesBox"));
    box->setInformativeText(tr("From now on Tenantry keeps its tokens in the keychain only. Removing them from "
                               "the plaintext file leaves no copy on disk; az will then need to sign in again."));
    QPushButton* remove = box->addButton(tr("&Remove from the file"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep the file as it is"), QMessageBox::RejectRole);
    box->setDefaultButton(remove);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove] {
        m_plaintextCopies = box->clickedButton() == remove ? PlaintextCopies::Remove : PlaintextCopies::Keep;
        // Not from inside the box's signal: closing this dialog may delete it, and the box with it.
        QMetaObject::invokeMethod(this, &SettingsDialog::saveAndClose, Qt::QueuedConnection);
    });
    box->open();
}

StorageMode SettingsDialog::selectedStorageMode() const
{
    return AppSettings::storageModeNamed(m_storageMode->currentData().toString())
        .value_or(StorageMode::KeychainAndFile);
}

void SettingsDialog::saveAndClose()
{
    QString error;
    const bool ok = save(&error);
    emit settingsChanged();
    if (!ok) {
        m_errorLabel->setText(error);
        m_errorLabel->show();
        return;
    }
    QDialog::accept();
}

} // namespace tenantry
