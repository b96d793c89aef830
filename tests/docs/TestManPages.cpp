// The man pages tenantry-cli(1) and tenantry(1), as the build leaves them in build/docs: groff renders
// them without a warning, and they name every command and option the programs' own --help lists.

#include "DocsTestSupport.h"

#include <QFile>
#include <QTest>

using namespace tenantry::test;

namespace {

// The page as man shows it, in plain ASCII (no overstriking) and on lines too long to break a heading.
QString rendered(const QString& page)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GROFF_NO_SGR"), QStringLiteral("1"));
    const ProcessResult result = runProcess(QStringLiteral("groff"),
                                            {QStringLiteral("-man"), QStringLiteral("-Tascii"),
                                             QStringLiteral("-rLL=400n"), QStringLiteral("-P-cbou"), page},
                                            env, 30000);
    return result.exitCode == 0 ? QString::fromUtf8(result.out) : QString();
}

// The text of a section (a line in column 0, e.g. "COMMANDS") up to the next one.
QString section(const QString& page, const QString& heading)
{
    const qsizetype start = page.indexOf(QLatin1Char('\n') + heading + QLatin1Char('\n'));
    if (start < 0)
        return {};
    static const QRegularExpression nextHeading(QStringLiteral("\n[A-Z]"));
    const qsizetype end = page.indexOf(nextHeading, start + heading.size() + 2);
    return page.mid(start, end < 0 ? -1 : end - start);
}

// A subsection of the COMMANDS section ("   account list") up to the next subsection.
QString subsection(const QString& commands, const QString& heading)
{
    const qsizetype start = commands.indexOf(QStringLiteral("\n   ") + heading + QLatin1Char('\n'));
    if (start < 0)
        return {};
    static const QRegularExpression nextHeading(QStringLiteral("\n   \\S"));
    const qsizetype end = commands.indexOf(nextHeading, start + heading.size() + 4);
    return commands.mid(start, end < 0 ? -1 : end - start);
}

// Whether a section has a tag line (at the indent .TP gives it) naming exactly these options.
bool hasTag(const QString& text, const QStringList& names)
{
    const QRegularExpression tag(QStringLiteral("\n {7}") +
                                 QRegularExpression::escape(names.join(QStringLiteral(", "))) +
                                 QStringLiteral("(?= |\n)"));
    return text.contains(tag);
}

} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void rendersWithoutWarnings_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("tenantry-cli") << QStringLiteral("tenantry-cli.1");
        QTest::newRow("tenantry") << QStringLiteral("tenantry.1");
    }

    void rendersWithoutWarnings()
    {
        QFETCH(QString, page);
        QVERIFY2(QFile::exists(docsFile(page)), qPrintable(docsFile(page)));
        const ProcessResult result =
            runProcess(QStringLiteral("groff"),
                       {QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-z"), docsFile(page)},
                       QProcessEnvironment::systemEnvironment(), 30000);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.err), QString());
        // What is installed is the same page, compressed without a name or time stamp (reproducible).
        QFile gz(docsFile(page + QStringLiteral(".gz")));
        QVERIFY(gz.open(QIODevice::ReadOnly));
        const QByteArray header = gz.read(10);
        QCOMPARE(header.left(4), QByteArray("\x1f\x8b\x08\x00", 4)); // gzip, deflate, no file name
        QCOMPARE(header.mid(4, 4), QByteArray(4, '\0'));             // no time stamp
    }

    void cliPageHasEveryCommandAndOption()
    {
        const CliHelp help = CliHelp::read();
        QVERIFY2(help.error.isEmpty(), qPrintable(help.error));
        QVERIFY(help.commands.size() >= 15); // account …, login, logout, cache …, git-credential …, kube…
        const QString page = rendered(docsFile(QStringLiteral("tenantry-cli.1")));
        const QString commands = section(page, QStringLiteral("COMMANDS"));
        QVERIFY(!commands.isEmpty());
        for (const CliHelp::Command& command : help.commands) {
            const QString name = command.path.join(QLatin1Char(' '));
            const QString text = subsection(commands, name);
            QVERIFY2(!text.isEmpty(), qPrintable(QStringLiteral("no \"%1\" in COMMANDS").arg(name)));
            for (const QStringList& option : command.options) {
                QVERIFY2(hasTag(text, option),
                         qPrintable(QStringLiteral("%1: no %2").arg(name, option.join(QLatin1Char(' ')))));
            }
        }
        const QString global = section(page, QStringLiteral("GLOBAL OPTIONS"));
        QVERIFY(!help.commands.first().globalOptions.isEmpty());
        for (const QStringList& option : help.commands.first().globalOptions)
            QVERIFY2(hasTag(global, option), qPrintable(option.join(QLatin1Char(' '))));
        for (const QString& variable : {QStringLiteral("AZURE_CONFIG_DIR"), QStringLiteral("TENANTRY_STORAGE_MODE"),
                                        QStringLiteral("AZURE_CLOUD_NAME"), QStringLiteral("TENANTRY_LOGIN_TIMEOUT")})
            QVERIFY2(section(page, QStringLiteral("ENVIRONMENT")).contains(variable), qPrintable(variable));
        QVERIFY(section(page, QStringLiteral("SEE ALSO")).contains(QStringLiteral("az(1)")));
    }

    void guiPageHasEveryOption()
    {
        const QString gui = QStringLiteral(TENANTRY_BIN_DIR "/tenantry");
        if (!QFile::exists(gui))
            QSKIP("built without the GUI (TENANTRY_BUILD_GUI=OFF)");
        const ProcessResult help =
            runProcess(gui, {QStringLiteral("--help")}, QProcessEnvironment::systemEnvironment(), 30000);
        QCOMPARE(help.exitCode, 0);
        // "  -h, --help, -?       Displays …", "  --tenant <tenant>    Sign in …"
        static const QRegularExpression optionLine(QStringLiteral("^  (-[^ ,<]+(?:, -[^ ,<]+)*)"));
        QStringList options;
        for (const QString& line : QString::fromUtf8(help.out).split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = optionLine.match(line);
            if (match.hasMatch())
                options.append(match.captured(1));
        }
        QVERIFY2(options.contains(QStringLiteral("--minimized")), help.out.constData());
        const QString described = section(rendered(docsFile(QStringLiteral("tenantry.1"))), QStringLiteral("OPTIONS"));
        for (const QString& option : std::as_const(options))
            QVERIFY2(hasTag(described, option.split(QStringLiteral(", "))), qPrintable(option));
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "TestManPages.moc"
