#include "ConfirmationBox.h"

#include <QMessageBox>
#include <QPushButton>

namespace tenantry {

void askToConfirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptText,
                  std::function<void()> then, bool warning)
{
    auto* box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Question, title, text,
                                QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(acceptText, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [yes, then = std::move(then)](QAbstractButton* button) {
        if (button == yes)
            then();
    });
    box->open();
}

} // namespace tenantry
