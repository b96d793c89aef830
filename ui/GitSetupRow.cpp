#include "GitSetupRow.h"

#include "tools/GitCredentialHelperConfig.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QtConcurrent>

namespace tenantry {

GitSetupRow::GitSetupRow(const QString& cliPath, QWidget* parent)
    : QWidget(parent)
    , m_helperValue(GitCredentialHelperConfig::helperValue(cliPath))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status, 1);
    m_setUp = new QPushButton(tr("Set &up git"), this);
    m_setUp->setToolTip(tr("Adds tenantry-cli as git's credential helper for dev.azure.com and *.visualstudio.com "
                           "to your global git configuration, in place of any other helper for them."));
    m_setUp->setEnabled(false);
    layout->addWidget(m_setUp, 0, Qt::AlignTop);
    connect(m_setUp, &QPushButton::clicked, this, [this] { run(Step::Configure); });

    if (!QFileInfo(cliPath).isExecutable()) {
        m_status->setText(tr("tenantry-cli, which git would run, is not installed beside Tenantry (%1).").arg(cliPath));
        return;
    }
    run(Step::Check);
}

void GitSetupRow::run(Step step)
{
    m_setUp->setEnabled(false);
    m_status->setText(step == Step::Check ? tr("Checking git's configuration…") : tr("Setting up git…"));
    auto* watcher = new QFutureWatcher<Result<bool>>(this);
    connect(watcher, &QFutureWatcher<Result<bool>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<bool> configured = watcher->result();
        if (!configured) {
            m_status->setText(
                tr("git's configuration could not be read or changed: %1").arg(configured.error().message()));
        } else if (*configured) {
            m_status->setText(tr("git asks Tenantry for Azure Repos credentials (dev.azure.com, *.visualstudio.com)."));
        } else {
            m_status->setText(tr("git does not ask Tenantry for Azure Repos credentials."));
            m_setUp->setEnabled(true);
        }
        emit checked();
    });
    watcher->setFuture(QtConcurrent::run([helperValue = m_helperValue, step]() -> Result<bool> {
        const GitCredentialHelperConfig git;
        if (step == Step::Configure) {
            if (const Result<void> done = git.configure(helperValue); !done)
                return tl::unexpected(done.error());
        }
        return git.isConfigured(helperValue);
    }));
}

} // namespace tenantry
