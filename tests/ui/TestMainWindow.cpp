#include "MainWindow.h"
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
