// The desktop app maps QtWebEngine only for a sign-in. This test program, like the app, does not link
// QtWebEngine: with DesktopApp started and its window shown, nothing of Chromium, Qt Quick or an OpenGL
// driver is mapped; the first browser sign-in loads the plugin tenantry-signin-webengine and its page
// opens from the identity provider, without QtWebEngine complaining that it started after the
// application object. Without the plugin, a browser sign-in goes on in the system browser and the
// window says why.

#include "AppOnTestIdp.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "signin/EmbeddedSignIn.h"
#include "signin/SignInCoordinator.h"

#include <QApplication>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestSignInPluginOnDemand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::AppOnTestIdp> m_rig;

    DesktopApp* app() const { return m_rig->app.get(); }

    bool startApp(const QStringList& arguments, const QString& pluginPath = QString())
    {
        const bool started = m_rig->start(arguments, [&pluginPath](DesktopApp& app) {
            if (!pluginPath.isEmpty())
                app.signIn()->setEmbeddedSignInPlugin(pluginPath);
        });
        return started && QTest::qWaitForWindowExposed(app()->window());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_rig = std::make_unique<test::AppOnTestIdp>(
            m_dir.filePath(QStringLiteral("azure-%1").arg(QRandomGenerator::global()->generate())));
        QVERIFY2(m_rig->error().isEmpty(), qPrintable(m_rig->error()));
    }

    void cleanup() { m_rig.reset(); }

    // First: the plugin, once loaded, stays loaded.
    void nothingOfWebEngineIsMappedAtRest()
    {
        QVERIFY2(startApp({}), qPrintable(m_rig->error()));
        QTest::qWait(500); // whatever start-up defers to after the first paint has run
        const QStringList mapped = test::mappedLibraries();
        QVERIFY2(mapped.isEmpty(), qPrintable(mapped.join(QLatin1Char(' '))));
    }

    void theFirstBrowserSignInLoadsThePlugin()
    {
        // QtWebEngine's complaints when it starts after the application object without context sharing,
        // and Qt's when the attribute for it is set late.
        QTest::failOnWarning(QRegularExpression(
            QStringLiteral("initialized from a plugin|resource sharing is not set up|WebEngineContext used before|"
                           "AA_ShareOpenGLContexts")));
        QVERIFY2(startApp({QStringLiteral("--sign-in")}), qPrintable(m_rig->error()));
        QPointer<QWidget> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(app()->signIn()->browser() && (dialog = app()->signIn()->browser()->window()) &&
                                     dialog->isVisible(),
                                 20000);
        // The dialog shows the provider's page in QtWebEngine, which is mapped now.
        QWidget* view = nullptr;
        for (QWidget* child : dialog->findChildren<QWidget*>()) {
            if (child->inherits("QWebEngineView"))
                view = child;
        }
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(m_rig->idp.requestCount(test::IdpEndpoint::Authorize) > 0, 20000);
        QVERIFY(!test::mappedLibraries({QStringLiteral("libQt6WebEngineCore")}).isEmpty());
        QVERIFY(app()->window()->noticeText().isEmpty());

        QSignalSpy cancelled(app()->signIn(), &SignInCoordinator::cancelled);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(m_rig->idp.requestCount(test::IdpEndpoint::Token), 0);
    }

    void withoutThePluginTheSystemBrowserSignsIn()
    {
        // The system browser: a program that opens nothing (the sign-in is cancelled below).
        qputenv("BROWSER", "true");
        QVERIFY2(startApp({}, m_dir.filePath(QStringLiteral("no-such-plugin.so"))), qPrintable(m_rig->error()));
        QSignalSpy cancelled(app()->signIn(), &SignInCoordinator::cancelled);
        app()->signIn()->signInWithBrowser({});
        QVERIFY(app()->signIn()->isRunning());
        QVERIFY(!app()->signIn()->browser());
        const QString notice = app()->window()->noticeText();
        QVERIFY2(notice.contains(QStringLiteral("The built-in sign-in window is not available")), qPrintable(notice));
        QVERIFY(notice.contains(QStringLiteral("no-such-plugin.so")));
        app()->signIn()->cancel();
        QTRY_COMPARE(cancelled.count(), 1);
        qunsetenv("BROWSER");
    }
};

int main(int argc, char* argv[])
{
    // Chromium refuses its sandbox as root (tests and CI only); no GPU under Xvfb or offscreen.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox");
    // As app/gui/main.cpp: no Qt::AA_ShareOpenGLContexts (it would load the OpenGL driver at once);
    // EmbeddedSignInLoader sets up what QtWebEngine needs when it loads the plugin.
    QApplication app(argc, argv);
    TestSignInPluginOnDemand test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSignInPluginOnDemand.moc"
