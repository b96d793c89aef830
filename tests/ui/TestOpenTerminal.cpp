// "Open a terminal here" on a subscription: the context menu of a subscription row and the details panel offer
// it; it starts the terminal $TERMINAL names (a script here that records its arguments) with
// `tenantry-cli shell -s <subscription id>`; without any terminal the window says so. Also which terminal
// TerminalCommand picks and how each takes its command.
#include "DesktopApp.h"
#include "MainWindow.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "account/AccountTreeModel.h"
#include "accounts/AccountActions.h"
#include "accounts/AccountDetailsPanel.h"
#include "accounts/AccountsView.h"
#include "fakes/TestFiles.h"
#include "tools/TerminalCommand.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QMenu>
#include <QToolButton>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test::sample;

class TestOpenTerminal : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private:
    QString m_bin;      // a PATH directory holding only the terminals a test puts there
    QString m_recorded; // where the recording terminal writes its arguments
    QByteArray m_path;

    AccountsView* view() const { return m_app->accountsView(); }
    QModelIndex subscription(const QString& id) const
    {
        QAbstractItemModel* model = view()->model();
        const QModelIndex account = model->index(0, 0);
        for (int t = 0; t < model->rowCount(account); ++t) {
            const QModelIndex tenantIndex = model->index(t, 0, account);
            for (int s = 0; s < model->rowCount(tenantIndex); ++s) {
                const QModelIndex index = model->index(s, 0, tenantIndex);
                if (index.data(AccountTreeModel::SubscriptionIdRole).toString() == id)
                    return index;
            }
        }
        return {};
    }

    // A terminal program named `name` in m_bin that writes its arguments, one a line, to m_recorded.
    QString recordingTerminal(const QString& name)
    {
        const QString path = m_bin + u'/' + name;
        test::writeFile(path, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + m_recorded.toUtf8() + "'\n");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return path;
    }

    // The context menu of `row`, as a right click opens it.
    QMenu* contextMenu(const QModelIndex& row)
    {
        view()->scrollTo(row);
        const QPoint at = view()->visualRect(row).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view()->viewport(), &event);
        QMenu* menu = nullptr;
        [&] { QTRY_VERIFY((menu = view()->findChild<QMenu*>(QStringLiteral("accountsContextMenu")))); }();
        return menu;
    }

    static QAction* actionNamed(QMenu* menu, const QString& text)
    {
        for (QAction* action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        blockNetwork();
        m_path = qgetenv("PATH");
    }

    void init()
    {
        copySample(1795422000);
        m_bin = m_dir.filePath(QStringLiteral("bin-%1").arg(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(m_bin));
        m_recorded = m_dir.filePath(QStringLiteral("terminal-args-%1").arg(QTest::currentTestFunction()));
        qputenv("PATH", QFile::encodeName(m_bin));
        qunsetenv("TERMINAL");
    }

    void cleanup()
    {
        stopApp();
        qputenv("PATH", m_path);
        qunsetenv("TERMINAL");
    }

    void theMenuOpensTheTerminalWithTheSubscriptionsShell()
    {
        qputenv("TERMINAL", QFile::encodeName(recordingTerminal(QStringLiteral("my term"))));
        startApp();
        QMenu* menu = contextMenu(subscription(kShared));
        QVERIFY(menu);
        QAction* open = actionNamed(menu, QStringLiteral("Open a &terminal here"));
        QVERIFY(open && open->isEnabled());
        menu->close();
        open->trigger();
        QTRY_VERIFY(QFileInfo::exists(m_recorded));
        QTRY_VERIFY(test::readFile(m_recorded).endsWith('\n'));
        const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/tenantry-cli");
        QCOMPARE(QString::fromUtf8(test::readFile(m_recorded)).split(u'\n', Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("-e"), cli, QStringLiteral("shell"), QStringLiteral("-s"), kShared}));
        QVERIFY(m_app->window()->problemText().isEmpty());

        // The details panel offers it for the selected subscription too.
        view()->setCurrentIndex(subscription(kProduction));
        auto* details = m_app->window()->findChild<AccountDetailsPanel*>();
        QVERIFY(details);
        QStringList buttons;
        for (QToolButton* button : details->buttons())
            buttons.append(button->text());
        QVERIFY2(buttons.contains(QStringLiteral("Open a terminal here")), qPrintable(buttons.join(u',')));
    }

    void withoutATerminalTheWindowSaysSo()
    {
        startApp();
        view()->setCurrentIndex(subscription(kShared));
        m_app->actions()->openTerminal()->trigger();
        QVERIFY2(m_app->window()->problemText().contains(QStringLiteral("No terminal was found")),
                 qPrintable(m_app->window()->problemText()));
        QVERIFY(!QFileInfo::exists(m_recorded));
    }

    void onlySubscriptionRowsOfferIt()
    {
        startApp();
        view()->setCurrentIndex(view()->model()->index(0, 0)); // the account
        QVERIFY(!m_app->actions()->openTerminal()->isEnabled());
        QMenu menu;
        m_app->actions()->fillMenu(&menu);
        QVERIFY(!menu.actions().contains(m_app->actions()->openTerminal()));
    }

    void eachTerminalGetsTheCommandItsOwnWay()
    {
        const QStringList command = {QStringLiteral("/opt/t/tenantry-cli"), QStringLiteral("shell"),
                                     QStringLiteral("-s"), QStringLiteral("id")};
        QCOMPARE(TerminalCommand::launch(QStringLiteral("/usr/bin/gnome-terminal"), command).arguments,
                 QStringList{QStringLiteral("--")} + command);
        QCOMPARE(TerminalCommand::launch(QStringLiteral("/usr/bin/xfce4-terminal"), command).arguments,
                 QStringList{QStringLiteral("-x")} + command);
        for (const char* name : {"xterm", "konsole", "x-terminal-emulator", "kitty"})
            QCOMPARE(TerminalCommand::launch(QString::fromLatin1(name), command).arguments,
                     QStringList{QStringLiteral("-e")} + command);
        // $TERMINAL first, then Debian's alternative, then the known ones in order.
        QVERIFY(!TerminalCommand::find(command));
        const QString xterm = recordingTerminal(QStringLiteral("xterm"));
        const QString konsole = recordingTerminal(QStringLiteral("konsole"));
        QCOMPARE(TerminalCommand::find(command)->program, konsole);
        const QString alternative = recordingTerminal(QStringLiteral("x-terminal-emulator"));
        QCOMPARE(TerminalCommand::find(command)->program, alternative);
        qputenv("TERMINAL", "xterm");
        QCOMPARE(TerminalCommand::find(command)->program, xterm);
        qputenv("TERMINAL", "not-installed");
        QCOMPARE(TerminalCommand::find(command)->program, alternative);
    }
};

QTEST_MAIN(TestOpenTerminal)
#include "TestOpenTerminal.moc"
