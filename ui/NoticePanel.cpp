#include "NoticePanel.h"

#include "AppIcons.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace tenantry {

NoticePanel::NoticePanel(Tone tone, const QIcon& icon, int iconSize, QWidget* parent)
    : QFrame(parent)
{
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    const bool dark = AppIcons::paletteIsDark();
    if (tone == Tone::Warning) {
        palette.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3a, 0x10) : QColor(0xff, 0xf4, 0xce));
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe9, 0xb0) : QColor(0x4d, 0x36, 0x00));
    } else {
        palette.setColor(QPalette::Window, dark ? QColor(0x1b, 0x33, 0x4d) : QColor(0xe8, 0xf1, 0xfb));
        palette.setColor(QPalette::WindowText, dark ? QColor(0xd6, 0xe8, 0xff) : QColor(0x0b, 0x2f, 0x55));
    }
    setPalette(palette);

    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(10, 6, 6, 6);
    m_row->setSpacing(8);
    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_row->addWidget(iconLabel, 0, Qt::AlignTop);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_row->addWidget(m_label, 1);
}

} // namespace tenantry
