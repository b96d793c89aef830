#pragma once

#include "auth/DeviceCodeFlow.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tenantry {

class Clock;

// Shows a device code sign-in (RFC 8628): the user code, large and selectable, with a Copy
// button (a user code is not a secret: plain clipboard), the verification link (system browser)
// and the time left, counting down once a second. A device code is the phisher's favourite: whoever
// gets someone to enter a code they requested gets that person's tokens. So the dialog says to enter
// it only for a sign-in started here just now, and names the host the code belongs to. Its texts are
// its own, built from the prompt's fields; the server's ready-made `message` is not shown. The flow
// runs elsewhere: it tells this dialog when it completed (the dialog closes) or failed (the dialog
// shows why, as plain text, and stays up).
class DeviceCodeDialog : public QDialog
{
    Q_OBJECT

public:
    DeviceCodeDialog(const DeviceCodePrompt& prompt, const Clock& clock, QWidget* parent = nullptr);

    QString userCode() const { return m_prompt.userCode; }
    QString timeLeftText() const;
    QString failureText() const;
    QString warningText() const;
    QString verificationHost() const { return m_prompt.verificationHost; }
    bool isFinished() const { return m_finished; }

public slots:
    void signInCompleted();
    void signInFailed(const QString& message);
    void refreshTimeLeft(); // the 1 Hz tick
    void copyCode();
    void openVerificationLink();
    void reject() override; // Esc, Cancel, the window's close button

signals:
    void cancelled(); // the user gave up before the flow finished
    void codeCopied();

private:
    void buildUi();
    QWidget* buildWarning();
    void finish();
    void disableCode();

    DeviceCodePrompt m_prompt;
    const Clock& m_clock;
    QTimer m_ticker;
    QLabel* m_codeLabel = nullptr;
    QLabel* m_linkLabel = nullptr;
    QLabel* m_timeLeftLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QWidget* m_warningPanel = nullptr;
    QLabel* m_warningLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_copyButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    bool m_finished = false;
};

} // namespace tenantry
