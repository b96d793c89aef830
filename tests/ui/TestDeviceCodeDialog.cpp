#include "UiTestSupport.h"
#include "UntrustedText.h"
#include "fakes/MockClock.h"
#include "signin/DeviceCodeDialog.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace tenantry;

// Receives what QDesktopServices::openUrl would hand to the system browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl& url) { urls.append(url); }
};

class TestDeviceCodeDialog : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 kStart = 1795422000;

    DeviceCodePrompt prompt() const
    {
        DeviceCodePrompt p;
        p.userCode = QStringLiteral("GQ5ZKWPLX");
        p.verificationUri = QUrl(QStringLiteral("https://microsoft.com/devicelogin"));
        p.verificationHost = QStringLiteral("microsoft.com");
        p.message = QStringLiteral("To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                                   "and enter the code GQ5ZKWPLX to authenticate.");
        p.expiresAt = kStart + 900;
        return p;
    }

    static QPushButton* button(QWidget* parent, const QString& text) { return test::buttonWithText(parent, text); }

    static QLabel* labelShowing(QWidget* parent, const QString& text)
    {
        const auto labels = parent->findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->text() == text)
                return label;
        }
        return nullptr;
    }

private slots:
    void showsTheCodeLargeAndSelectable()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLabel* code = nullptr;
        const auto labels = dialog.findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->text() == QLatin1String("GQ5ZKWPLX"))
                code = label;
        }
        QVERIFY(code);
        QVERIFY(code->textInteractionFlags() & Qt::TextSelectableByMouse);
        QVERIFY(code->font().pointSizeF() > dialog.font().pointSizeF() * 2);
        QVERIFY(code->isVisible());
        test::saveScreenshot(&dialog, QStringLiteral("device-code"));
    }

    void copiesTheCodeToThePlainClipboard()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        dialog.show();
        QGuiApplication::clipboard()->clear();
        QSignalSpy copied(&dialog, &DeviceCodeDialog::codeCopied);
        QPushButton* copy = button(&dialog, QStringLiteral("&Copy code"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(copied.count(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("GQ5ZKWPLX"));
        // A user code is no secret: no password-manager hint on it.
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
        QCOMPARE(copy->text(), QStringLiteral("Copied"));
    }

    void countsDownWithTheClock()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        dialog.show();
        QCOMPARE(dialog.timeLeftText(), QStringLiteral("Time left: 15:00"));
        clock.advance(61);
        // The dialog's own 1 Hz timer picks the new time up.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.timeLeftText(), QStringLiteral("Time left: 13:59"), 3000);
        clock.advance(13 * 60 + 58);
        dialog.refreshTimeLeft();
        QCOMPARE(dialog.timeLeftText(), QStringLiteral("Time left: 0:01"));
        clock.advance(1);
        dialog.refreshTimeLeft();
        QCOMPARE(dialog.timeLeftText(), QStringLiteral("The code has expired."));
        QVERIFY(!button(&dialog, QStringLiteral("&Open page"))->isEnabled()); // a page to enter a dead code on
        QVERIFY(!button(&dialog, QStringLiteral("&Copy code"))->isEnabled());
    }

    void opensTheVerificationLinkInTheSystemBrowser()
    {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        dialog.show();
        QPushButton* open = button(&dialog, QStringLiteral("&Open page"));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(catcher.urls, QList<QUrl>{QUrl(QStringLiteral("https://microsoft.com/devicelogin"))});
    }

    void closesItselfWhenTheSignInCompleted()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        QSignalSpy cancelled(&dialog, &DeviceCodeDialog::cancelled);
        dialog.show();
        dialog.signInCompleted();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(cancelled.count(), 0);
    }

    void showsTheFailureAndStaysOpen()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        QSignalSpy cancelled(&dialog, &DeviceCodeDialog::cancelled);
        dialog.show();
        const QString error = QStringLiteral("AADSTS50126: Error validating credentials due to invalid username or "
                                             "password.\r\nTrace ID: 0c4e1f7a\r\nCorrelation ID: 5d2b9c10");
        dialog.signInFailed(error);
        QVERIFY(dialog.isVisible());
        // Plain words and the code; the provider's own in the tooltip.
        QCOMPARE(dialog.failureText(), QStringLiteral("The user name or password is not right. (AADSTS50126)"));
        QLabel* failure = labelShowing(&dialog, dialog.failureText());
        QVERIFY(failure);
        QCOMPARE(failure->toolTip(), plainTextToolTip(error));
        // Nothing left to do with the dead code.
        QVERIFY(!button(&dialog, QStringLiteral("&Open page"))->isEnabled());
        QVERIFY(!button(&dialog, QStringLiteral("&Copy code"))->isEnabled());
        test::saveScreenshot(&dialog, QStringLiteral("device-code-failed"));
        dialog.reject(); // "Close": the flow is over, nothing to cancel
        QCOMPARE(cancelled.count(), 0);
    }

    void warnsToEnterTheCodeOnlyForASignInStartedHere()
    {
        test::MockClock clock(kStart);
        DeviceCodePrompt p = prompt();
        p.verificationUri = QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/deviceauth"));
        p.verificationHost = QStringLiteral("login.microsoftonline.com");
        DeviceCodeDialog dialog(p, clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.verificationHost(), QStringLiteral("login.microsoftonline.com"));
        const QString warning = dialog.warningText();
        QVERIFY2(warning.contains(QStringLiteral("only if you started this sign-in from Tenantry just now")),
                 qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral(
                     "The code belongs to login.microsoftonline.com: enter it only on the page linked above.")),
                 qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("If someone sent you this code or asked you to enter it, cancel")));
        QLabel* label = labelShowing(&dialog, warning);
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        // All of it fits: the label is as tall as its wrapped text needs.
        QVERIFY(label->height() >= label->heightForWidth(label->width()));
        test::saveScreenshot(&dialog, QStringLiteral("device-code-warning"));
    }

    void showsItsOwnTextNotTheServersMessage()
    {
        test::MockClock clock(kStart);
        DeviceCodePrompt p = prompt();
        p.message = QStringLiteral("<b>Urgent:</b> your account is locked. <a href=\"https://evil.example/\">Unlock "
                                   "it here</a> and enter GQ5ZKWPLX");
        DeviceCodeDialog dialog(p, clock);
        dialog.show();
        const auto labels = dialog.findChildren<QLabel*>();
        for (QLabel* label : labels) {
            QVERIFY2(!label->text().contains(QStringLiteral("evil.example")), qPrintable(label->text()));
            QVERIFY2(!label->text().contains(QStringLiteral("Urgent")), qPrintable(label->text()));
        }
    }

    void showsTheServersStringsAsPlainText()
    {
        test::MockClock clock(kStart);
        DeviceCodePrompt p = prompt();
        p.userCode = QStringLiteral("<b>GQ5</b>");
        DeviceCodeDialog dialog(p, clock);
        dialog.show();
        QLabel* code = labelShowing(&dialog, p.userCode);
        QVERIFY(code);
        QCOMPARE(code->textFormat(), Qt::PlainText);

        // An error_description with markup, as a hostile or broken server may send it.
        const QString error = QStringLiteral("AADSTS70000: <b>Sign-in blocked.</b> <img src=\"http://127.0.0.1:1/x\"> "
                                             "<a href=\"https://evil.example\">Fix it here</a>");
        dialog.signInFailed(error);
        QCOMPARE(dialog.failureText(), QStringLiteral("The identity provider refused. (AADSTS70000)"));
        QLabel* failure = labelShowing(&dialog, dialog.failureText());
        QVERIFY(failure);
        QVERIFY(failure->isVisible());
        QCOMPARE(failure->textFormat(), Qt::PlainText);
        QCOMPARE(failure->toolTip(), plainTextToolTip(error)); // the server's words as text
        QCOMPARE(dialog.warningText(), QString());             // the code is dead: nothing to warn about entering it
        test::saveScreenshot(&dialog, QStringLiteral("device-code-hostile-error"));
    }

    void escapeCancels()
    {
        test::MockClock clock(kStart);
        DeviceCodeDialog dialog(prompt(), clock);
        QSignalSpy cancelled(&dialog, &DeviceCodeDialog::cancelled);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(cancelled.count(), 1);
    }
};

QTEST_MAIN(TestDeviceCodeDialog)
#include "TestDeviceCodeDialog.moc"
