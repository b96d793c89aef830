#pragma once

#include "azure/ScopeCatalogue.h"
#include "token/TokenCopier.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace tenantry {

// "Copy token": pick a scope (the session cloud's presets from its ScopeCatalogue: Azure Resource
// Manager, Microsoft Graph, Key Vault, Storage, Azure DevOps as far as the cloud has them, or a custom
// one) and a format (the token, or an "Authorization: Bearer" header line) for one tenant of one
// account; Copy gets the token and puts it on the clipboard, which is cleared after the configured
// time. The dialog closes when the token is on the clipboard and says why when there is none (the
// tenant may need a sign-in first).
class CopyTokenDialog : public QDialog
{
    Q_OBJECT

public:
    // The token is the tenant's; the subscription (may be empty) is shown so the user knows where they are.
    CopyTokenDialog(TokenCopier* copier, const ScopeCatalogue& scopes, const QString& username, const QString& tenantId,
                    const QString& tenantName, const QString& subscriptionName, QWidget* parent = nullptr);

    void selectScope(const QString& scope); // a preset's scope, or anything else as custom
    void setFormat(ClipboardGuard::TokenFormat format);
    void focusCustomScope();

    QString scope() const; // as it will be asked for
    ClipboardGuard::TokenFormat format() const;
    QComboBox* scopeBox() const { return m_scopeBox; }
    QLineEdit* customScopeEdit() const { return m_customScope; }
    QPushButton* copyButton() const { return m_copyButton; }
    QString statusText() const;

public slots:
    void copy();

signals:
    void signInRequested(const QString& username, const QString& tenantId);

private:
    void buildUi(const QString& tenantName, const QString& subscriptionName);
    void updateState();
    void showError(const QString& message, bool needsSignIn);

    TokenCopier* m_copier;
    QList<ScopeEntry> m_presets; // the combo box's entries before "custom", by index
    QString m_username;
    QString m_tenantId;
    QComboBox* m_scopeBox = nullptr;
    QLineEdit* m_customScope = nullptr;
    QRadioButton* m_raw = nullptr;
    QRadioButton* m_header = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copyButton = nullptr;
    QPushButton* m_signInButton = nullptr;
    bool m_waiting = false;
};

} // namespace tenantry
