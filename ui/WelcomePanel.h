#pragma once

#include <QWidget>

class QPushButton;

namespace tenantry {

// The main window's empty state: what Tenantry does, and the two ways to sign in.
class WelcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePanel(QWidget* parent = nullptr);

    QPushButton* browserButton() const { return m_browserButton; }
    QPushButton* codeButton() const { return m_codeButton; }

signals:
    void signInWithBrowserClicked();
    void signInWithCodeClicked();

private:
    QPushButton* m_browserButton = nullptr;
    QPushButton* m_codeButton = nullptr;
};

} // namespace tenantry
