// A device-code sign-in the identity provider refuses, as a user sees it: the status bar follows what is
// on the screen, the dialog and the main window say the refusal in plain words with its code, and the
// provider's own words are there on demand.

#include "AppOnTestIdp.h"
#include "MainWindow.h"
#include "UntrustedText.h"
#include "signin/DeviceCodeDialog.h"
#include "signin/SignInCoordinator.h"

#include <QLabel>
#include <QRandomGenerator>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace tenantry;

class TestPlainWords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::AppOnTestIdp> m_rig;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_rig = std::make_unique<test::AppOnTestIdp>(
            m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate())));
        QVERIFY2(m_rig->error().isEmpty(), qPrintable(m_rig->error()));
        m_rig->idp.setDeviceCodeInterval(1);
        QVERIFY2(m_rig->start({}), qPrintable(m_rig->error()));
        QVERIFY(QTest::qWaitForWindowExposed(m_rig->app->window()));
    }

    void cleanup() { m_rig.reset(); }

    void deviceCodeRefusedByConditionalAccess()
    {
        DesktopApp& app = *m_rig->app;
        QStatusBar* status = app.window()->statusBar();
        // The user enters the code; the tenant's policy then refuses the token.
        m_rig->idp.addFault(test::IdpFault::oauthError(
                                QStringLiteral("invalid_grant"), 53003,
                                QStringLiteral("Access has been blocked by Conditional Access policies. The access "
                                               "policy does not allow token issuance."))
                                .onlyGrant(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")));
        app.signIn()->signInWithCode({});
        QCOMPARE(status->currentMessage(), QStringLiteral("Asking for a sign-in code…"));
        DeviceCodeDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = app.signIn()->deviceCodeDialog()) && dialog->isVisible(), 20000);
        // The code is on the screen: the status bar no longer says it is being asked for.
        QCOMPARE(status->currentMessage(), QStringLiteral("Waiting for you to enter the code and sign in…"));

        const QString plain = QStringLiteral("A Conditional Access policy of this tenant blocked the sign-in; its "
                                             "administrator can say why. (AADSTS53003)");
        QTRY_COMPARE_WITH_TIMEOUT(dialog->failureText(), plain, 20000);
        QVERIFY(!test::buttonWithText(dialog, QStringLiteral("&Open page"))->isEnabled());
        QVERIFY(!test::buttonWithText(dialog, QStringLiteral("&Copy code"))->isEnabled());
        const auto labels = dialog->findChildren<QLabel*>();
        QString tip;
        for (QLabel* label : labels) {
            if (label->text() == plain)
                tip = label->toolTip();
        }
        QVERIFY(tip.contains(QStringLiteral("AADSTS53003: Access has been blocked by Conditional Access policies.")));
        test::saveScreenshot(dialog, QStringLiteral("words-device-code-refused"));

        // The main window: the same plain words, the provider's under Details; never "AADSTS0".
        QCOMPARE(app.window()->problemText(), QStringLiteral("The sign-in did not complete: ") + plain);
        QVERIFY(app.window()->problemDetails().startsWith(
            QStringLiteral("AADSTS53003: Access has been blocked by Conditional Access policies.")));
        QVERIFY(!app.window()->problemDetails().contains(QStringLiteral("AADSTS0")));
        QCOMPARE(status->currentMessage(), QString()); // no longer waiting for anything
        auto* details = app.window()->findChild<QToolButton*>(QStringLiteral("problemDetailsButton"));
        QVERIFY(details && details->isVisible());
        dialog->reject();
        details->click();
        test::saveScreenshot(app.window(), QStringLiteral("words-problem-details"));
    }

    void pendingIsNeverAnError()
    {
        // A relay that writes the code twice ("AADSTS0: AADSTS70016: …") while the user has not entered it.
        DesktopApp& app = *m_rig->app;
        m_rig->idp.addFault(test::IdpFault::oauthError(
                                QStringLiteral("authorization_pending"), 0,
                                QStringLiteral("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. "
                                               "Continue polling."))
                                .onlyGrant(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"))
                                .repeat(2));
        app.signIn()->signInWithCode({});
        DeviceCodeDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = app.signIn()->deviceCodeDialog()) && dialog->isVisible(), 20000);
        QTest::qWait(2500); // two polls answered "pending"
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->failureText(), QString());
        QCOMPARE(app.window()->problemText(), QString());
        QVERIFY(test::buttonWithText(dialog, QStringLiteral("&Open page"))->isEnabled());
        dialog->reject();
    }
};

QTEST_MAIN(TestPlainWords)
#include "TestPlainWords.moc"
