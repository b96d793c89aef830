#pragma once

#include <QDialog>

class QLabel;

namespace tenantry {

// What the About dialog says about this computer's Tenantry: where its tokens and settings are and how
// the tokens are kept. Gathered when the dialog opens (the storage mode can change while the app runs).
struct AboutFacts
{
    QString tokenCacheFile;                  // the MSAL token cache file az and other tools share
    QString settingsFile;                    // Tenantry's own settings
    bool keychainOnly = false;               // the storage mode in force
    bool storageModeFromEnvironment = false; // TENANTRY_STORAGE_MODE decided it
};

// Help > About: what Tenantry is in one sentence, its version and Qt's, where its data lives, the
// storage mode in force, where its logs go, its home page and its licence (the text in a window of its
// own). Paths are selectable, to be pasted into a terminal or a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const AboutFacts& facts, QWidget* parent = nullptr);

    QString text() const; // everything it says, for tests and screen readers

public slots:
    void showLicence(); // what the licence link opens

private:
    QList<QLabel*> m_labels;
};

} // namespace tenantry
