#pragma once

#include "util/Secret.h"

#include <QClipboard>
#include <QObject>
#include <QTimer>

#include <chrono>

class QMimeData;

namespace tenantry {

class AppSettings;

// Puts a secret (an access token) on the clipboard the way password managers do, and takes it
// off again: the mime data asks clipboard managers not to keep it (KDE, macOS, Windows hints),
// the PRIMARY selection (X11/Wayland middle-click paste) gets it only when the user opted in --
// a stray middle click pastes PRIMARY into whatever window is under the mouse, a chat or a
// terminal -- and it is cleared from both after a timeout or on quit, but only while they still
// hold what this guard put there.
class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    enum class TokenFormat {
        Raw,                 // the token alone
        AuthorizationHeader, // "Authorization: Bearer <token>", ready for curl -H
    };
    Q_ENUM(TokenFormat)

    static constexpr int kDefaultClearSeconds = 30;

    // `clipboard` defaults to the application's.
    explicit ClipboardGuard(QObject* parent = nullptr, QClipboard* clipboard = nullptr);
    ~ClipboardGuard() override;

    // 0 = never clear.
    void setClearAfterSeconds(int seconds);
    // How long one step of the countdown lasts: a second, which tests shorten instead of waiting.
    void setTickInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    int clearAfterSeconds() const { return m_clearAfterSeconds; }
    // Also put secrets on the PRIMARY selection (where the platform has one). Off by default.
    void setCopyToSelection(bool copy) { m_copyToSelection = copy; }
    bool copiesToSelection() const { return m_copyToSelection; }
    void applySettings(const AppSettings& settings); // the clear-after seconds and the primary selection

    void copySecret(const Secret& secret);
    void copyToken(const Secret& token, TokenFormat format = TokenFormat::Raw);

    // True while the clipboard still holds the last secret copied.
    bool holdsSecret() const;
    int secondsLeft() const { return m_secondsLeft; }

    // The mime data for a secret text, with the "do not keep this" hints of this platform.
    static QMimeData* secretMimeData(const QString& text);

public slots:
    void clear(); // now, if the clipboard still holds our secret; forgets it either way

signals:
    void copied(int clearInSeconds); // 0 = will not be cleared
    void countdown(int secondsLeft); // every second while a clear is pending
    void cleared();                  // the secret was removed from the clipboard

private:
    void tick();
    void forget();

    QClipboard* m_clipboard;
    QTimer m_timer;
    Secret m_copied;
    int m_clearAfterSeconds = kDefaultClearSeconds;
    int m_secondsLeft = 0;
    bool m_copyToSelection = false;
};

} // namespace tenantry
