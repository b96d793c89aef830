#pragma once

#include <QFrame>

class QHBoxLayout;
class QIcon;
class QLabel;

namespace tenantry {

// A tinted strip with an icon and a word-wrapped, selectable plain-text message (it may quote a
// server or a file): the main window's problem bar, the device-code dialog's warning. Colours suit
// light and dark palettes.
class NoticePanel : public QFrame
{
    Q_OBJECT

public:
    enum class Tone {
        Warning,     // something needs the user: amber
        Information, // something to know before acting: blue, calm
    };

    NoticePanel(Tone tone, const QIcon& icon, int iconSize, QWidget* parent = nullptr);

    QLabel* label() const { return m_label; }
    QHBoxLayout* row() const { return m_row; } // for buttons after the message

private:
    QLabel* m_label = nullptr;
    QHBoxLayout* m_row = nullptr;
};

} // namespace tenantry
