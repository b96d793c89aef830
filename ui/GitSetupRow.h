#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tenantry {

// Settings' line for git with Azure Repos: whether git asks tenantry-cli for dev.azure.com and
// *.visualstudio.com credentials (GitCredentialHelperConfig, run on a worker thread: it runs git, which
// may take a while), and a button that sets it up in the user's global git config. Removing it is left to
// git config, as the README shows the lines.
class GitSetupRow : public QWidget
{
    Q_OBJECT

public:
    // `cliPath`: the tenantry-cli git is to run (the one beside this app).
    explicit GitSetupRow(const QString& cliPath, QWidget* parent = nullptr);

    QLabel* statusLabel() const { return m_status; }
    QPushButton* setUpButton() const { return m_setUp; }

signals:
    void checked(); // the status label says what git does now

private:
    enum class Step { Check, Configure };
    void run(Step step);

    QString m_helperValue;
    QLabel* m_status = nullptr;
    QPushButton* m_setUp = nullptr;
};

} // namespace tenantry
