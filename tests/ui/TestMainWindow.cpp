#include "AppIcons.h"
#include "DeferredStandardIconsStyle.h"
#include "MainWindow.h"
#include "NoticePanel.h"
#include "UiTestSupport.h"
#include "WelcomePanel.h"
#include "util/AppSettings.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace tenantry;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    // First: the tests after it load these libraries (the welcome page's logo, the bars' icons).
    void isShownWithoutSvgOrImagePlugins()
    {
        // What main() gives every window, and a window as the app shows it at start: no SVG renderer or image
        // format plugin is loaded before it is on screen (they cost a good part of the start-up).
        QApplication::setStyle(new DeferredStandardIconsStyle);
        QApplication::setWindowIcon(AppIcons::application());
        QCOMPARE(QApplication::windowIcon().availableSizes(),
                 (QList<QSize>{{16, 16}, {24, 24}, {32, 32}, {48, 48}, {64, 64}}));
        MainWindow window;
        window.setHasAccounts(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList mapped =
            test::mappedLibraries({QStringLiteral("libQt6Svg"), QStringLiteral("libqsvg"), QStringLiteral("libqjpeg"),
                                   QStringLiteral("libqgif"), QStringLiteral("libqtiff"), QStringLiteral("libqwebp")});
        QVERIFY2(mapped.isEmpty(), qPrintable(mapped.join(QLatin1Char(' '))));

        // The window's icon is the application's, drawn from the pixels rendered at build time.
        const QImage icon = window.windowIcon().pixmap(QSize(32, 32)).toImage();
        QCOMPARE(icon.size(), QSize(32, 32));
        QCOMPARE(icon.pixelColor(0, 0).alpha(), 0);     // a transparent corner
        QCOMPARE(icon.pixelColor(16, 16).alpha(), 255); // an opaque middle
        // The logo, for large sizes, is the SVG: sharp at 176 px.
        QCOMPARE(AppIcons::logo().pixmap(QSize(176, 176)).size(), QSize(176, 176));
    }

    void barsAreBuiltWhenFirstShown()
    {
        MainWindow window;
        window.setHasAccounts(true);
        window.show();
        window.showProblem(QString());
        window.showNotice(QString());
        QVERIFY(!window.findChild<NoticePanel*>(QStringLiteral("problemBar")));
        QVERIFY(!window.findChild<NoticePanel*>(QStringLiteral("noticeBar")));
        QCOMPARE(window.problemText(), QString());
        QCOMPARE(window.noticeText(), QString());
        QCOMPARE(window.problemDetails(), QString());

        // The notice first, then a problem: the problem still goes above it.
        window.showNotice(QStringLiteral("az switched to Northwind Sandbox."));
        window.showProblem(QStringLiteral("The token cache cannot be read."));
        auto* notice = window.findChild<NoticePanel*>(QStringLiteral("noticeBar"));
        auto* problem = window.findChild<NoticePanel*>(QStringLiteral("problemBar"));
        QVERIFY(notice && problem);
        QTRY_VERIFY(problem->isVisible() && notice->isVisible());
        QTRY_VERIFY(problem->geometry().bottom() < notice->geometry().top());
        QVERIFY(notice->geometry().bottom() < window.accountsArea()->mapTo(window.centralWidget(), QPoint()).y());
        QCOMPARE(window.noticeText(), QStringLiteral("az switched to Northwind Sandbox."));
        QCOMPARE(window.problemText(), QStringLiteral("The token cache cannot be read."));
        window.showProblem(QString());
        QVERIFY(!problem->isVisible());
        QCOMPARE(window.problemText(), QString());
    }

    void emptyStateInvitesTheFirstSignIn()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Tenantry"));
        QVERIFY(!window.isShowingAccounts());
        QSignalSpy browser(&window, &MainWindow::signInWithBrowserRequested);
        QSignalSpy code(&window, &MainWindow::signInWithCodeRequested);
        QVERIFY(window.welcomePanel()->browserButton()->isVisible());
        QTest::mouseClick(window.welcomePanel()->browserButton(), Qt::LeftButton);
        QTest::mouseClick(window.welcomePanel()->codeButton(), Qt::LeftButton);
        QCOMPARE(browser.count(), 1);
        QCOMPARE(browser.first().first().toString(), QString());
        QCOMPARE(code.count(), 1);
        test::saveScreenshot(&window, QStringLiteral("main-empty"));
    }

    void startsNoWebEngine()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList mapped = test::mappedLibraries();
        QVERIFY2(mapped.isEmpty(), qPrintable(mapped.join(QLatin1Char(' '))));
    }

    void hostsTheAccountsView()
    {
        MainWindow window;
        QStandardItemModel model;
        model.appendRow(new QStandardItem(QStringLiteral("sam@northwind.example")));
        auto* view = new QTreeView;
        view->setModel(&model);
        window.setAccountsView(view);
        QCOMPARE(window.accountsView(), view);
        QCOMPARE(view->parentWidget(), window.accountsArea());
        window.setHasAccounts(true);
        window.show();
        QVERIFY(window.isShowingAccounts());
        QVERIFY(view->isVisible());
        window.setHasAccounts(false);
        QVERIFY(!view->isVisible());
    }

    void closingHidesToTheTrayWhenThereIsOne()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        MainWindow window(&settings);
        window.show();
        window.setCloseToTray(true);
        QVERIFY(!window.close());
        QVERIFY(!window.isVisible());
        QVERIFY(!settings.value(AppSettings::Key::MainWindowGeometry).toByteArray().isEmpty());
        window.show();
        window.prepareToQuit();
        QVERIFY(window.close());
        window.setCloseToTray(false);
        window.show();
        QVERIFY(window.close());
    }

    void showsTheClipboardCountdown()
    {
        MainWindow window;
        window.show();
        window.setClipboardCountdown(12);
        bool found = false;
        const auto labels = window.findChildren<QLabel*>();
        for (QLabel* label : labels)
            found = found || (label->isVisible() && label->text().contains(QStringLiteral("12 s")));
        QVERIFY(found);
        window.setClipboardCountdown(0);
        for (QLabel* label : labels)
            QVERIFY(!(label->isVisible() && label->text().contains(QStringLiteral("clipboard"))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
