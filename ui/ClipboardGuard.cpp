#include "ClipboardGuard.h"

#include "UiLogging.h"
#include "util/AppSettings.h"

#include <QGuiApplication>
#include <QMimeData>

namespace tenantry {

namespace {

// Where a copied secret may be (Selection only when the user opted in); clearing looks at both, so a
// secret copied before the user turned the option off is still removed.
const QList<QClipboard::Mode> kModes = {QClipboard::Clipboard, QClipboard::Selection};

bool supports(const QClipboard* clipboard, QClipboard::Mode mode)
{
    return mode == QClipboard::Clipboard || (mode == QClipboard::Selection && clipboard->supportsSelection());
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject* parent, QClipboard* clipboard)
    : QObject(parent)
    , m_clipboard(clipboard ? clipboard : QGuiApplication::clipboard())
{
    m_timer.setInterval(std::chrono::seconds(1));
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::tick);
    // A token must not outlive the app on the clipboard (the clipboard owner is gone after quit
    // on X11 anyway, but clipboard managers would have taken a copy).
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clear);
}

ClipboardGuard::~ClipboardGuard()
{
    if (QCoreApplication::instance())
        clear();
}

void ClipboardGuard::setClearAfterSeconds(int seconds)
{
    m_clearAfterSeconds = qMax(0, seconds);
}

void ClipboardGuard::applySettings(const AppSettings& settings)
{
    setClearAfterSeconds(settings.clipboardClearSeconds());
    setCopyToSelection(settings.copyToPrimarySelection());
}

QMimeData* ClipboardGuard::secretMimeData(const QString& text)
{
    auto* mime = new QMimeData;
    mime->setText(text);
#if defined(Q_OS_MACOS)
    // NSPasteboard's "concealed" type: clipboard history tools (and Universal Clipboard) skip it.
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), text.toUtf8());
#elif defined(Q_OS_WIN)
    // Windows clipboard history and cloud clipboard skip data carrying these formats.
    mime->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    mime->setData(QStringLiteral("CanIncludeInClipboardHistory"), QByteArray(4, '\0'));
    mime->setData(QStringLiteral("CanUploadToCloudClipboard"), QByteArray(4, '\0'));
#else
    // Klipper and other freedesktop clipboard managers do not keep entries with this hint.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#endif
    return mime;
}

void ClipboardGuard::copyToken(const Secret& token, TokenFormat format)
{
    if (format == TokenFormat::AuthorizationHeader)
        copySecret(Secret(QStringLiteral("Authorization: Bearer ") + token.reveal()));
    else
        copySecret(token);
}

void ClipboardGuard::copySecret(const Secret& secret)
{
    m_copied = secret;
    m_clipboard->setMimeData(secretMimeData(secret.reveal()), QClipboard::Clipboard);
    if (m_copyToSelection && supports(m_clipboard, QClipboard::Selection))
        m_clipboard->setMimeData(secretMimeData(secret.reveal()), QClipboard::Selection);
    m_secondsLeft = m_clearAfterSeconds;
    if (m_clearAfterSeconds > 0)
        m_timer.start();
    else
        m_timer.stop();
    qCInfo(lcClipboard) << "copied a secret; clearing in" << m_clearAfterSeconds << "s (0 = never)";
    emit copied(m_clearAfterSeconds);
    if (m_clearAfterSeconds > 0)
        emit countdown(m_secondsLeft);
}

bool ClipboardGuard::holdsSecret() const
{
    if (m_copied.isEmpty())
        return false;
    for (QClipboard::Mode mode : kModes) {
        if (supports(m_clipboard, mode) && m_clipboard->text(mode) == m_copied.reveal())
            return true;
    }
    return false;
}

void ClipboardGuard::tick()
{
    if (!holdsSecret()) {
        // Something else was copied meanwhile: leave it, stop counting.
        forget();
        emit countdown(0);
        return;
    }
    --m_secondsLeft;
    if (m_secondsLeft <= 0) {
        clear();
        return;
    }
    emit countdown(m_secondsLeft);
}

void ClipboardGuard::clear()
{
    if (m_copied.isEmpty())
        return;
    bool removed = false;
    for (QClipboard::Mode mode : kModes) {
        if (supports(m_clipboard, mode) && m_clipboard->text(mode) == m_copied.reveal()) {
            m_clipboard->clear(mode);
            removed = true;
        }
    }
    forget();
    emit countdown(0);
    if (removed) {
        qCInfo(lcClipboard) << "cleared the clipboard";
        emit cleared();
    }
}

void ClipboardGuard::forget()
{
    m_timer.stop();
    m_copied = Secret();
    m_secondsLeft = 0;
}

} // namespace tenantry
