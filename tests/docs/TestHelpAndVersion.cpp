// --version and --help of both programs, as a user or a package's install test runs them: answered at
// once and without a display (no DISPLAY, no WAYLAND_DISPLAY, Qt told to use X11).

#include "DocsTestSupport.h"

#include <QFile>
#include <QTest>

using namespace tenantry::test;

class TestHelpAndVersion : public QObject
{
    Q_OBJECT

    static QProcessEnvironment withoutDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")); // a window would abort here
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        return env;
    }

    static QString gui() { return QStringLiteral(TENANTRY_BIN_DIR "/tenantry"); }

private slots:
    void cliVersion()
    {
        const ProcessResult result = runProcess(tenantryCli(), {QStringLiteral("--version")}, withoutDisplay(), 30000);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out), QStringLiteral("tenantry-cli " TENANTRY_VERSION "\n"));
        QCOMPARE(result.err, QByteArray());
    }

    void guiVersionNeedsNoDisplay()
    {
        if (!QFile::exists(gui()))
            QSKIP("built without the GUI (TENANTRY_BUILD_GUI=OFF)");
        const ProcessResult result = runProcess(gui(), {QStringLiteral("--version")}, withoutDisplay(), 30000);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out), QStringLiteral("tenantry " TENANTRY_VERSION "\n"));
        QCOMPARE(result.err, QByteArray());
    }

    void guiHelpNeedsNoDisplay()
    {
        if (!QFile::exists(gui()))
            QSKIP("built without the GUI (TENANTRY_BUILD_GUI=OFF)");
        const ProcessResult result = runProcess(gui(), {QStringLiteral("--help")}, withoutDisplay(), 30000);
        QCOMPARE(result.exitCode, 0);
        const QString help = QString::fromUtf8(result.out);
        QVERIFY2(help.startsWith(QStringLiteral("Usage: ")), qPrintable(help));
        for (const QString& option :
             {QStringLiteral("--sign-in"), QStringLiteral("--tenant <tenant>"), QStringLiteral("--device-code"),
              QStringLiteral("--minimized"), QStringLiteral("--version"), QStringLiteral("--help")})
            QVERIFY2(help.contains(option), qPrintable(option));
    }

    void guiWrongOptionNeedsNoDisplay()
    {
        if (!QFile::exists(gui()))
            QSKIP("built without the GUI (TENANTRY_BUILD_GUI=OFF)");
        const ProcessResult result = runProcess(gui(), {QStringLiteral("--minimised")}, withoutDisplay(), 30000);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("Unknown option 'minimised'"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestHelpAndVersion)
#include "TestHelpAndVersion.moc"
