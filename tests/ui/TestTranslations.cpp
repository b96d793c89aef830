#include "Translations.h"
#include "WelcomePanel.h"
#include "fakes/MockClock.h"
#include "signin/DeviceCodeDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QTranslator>
#include <QtTest>

using namespace tenantry;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void shipsEnglishAndGerman()
    {
        const QStringList languages = Translations::availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(QLatin1Char(','))));
        QVERIFY(languages.contains(QStringLiteral("en")));
    }

    void pluralsInEnglishAndGerman()
    {
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/tenantry_en.qm")));
        QCOMPARE(english.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 1),
                 QStringLiteral("%n tenant"));
        QCOMPARE(english.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("%n tenants"));
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/tenantry_de.qm")));
        QCOMPARE(german.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("%n Mandanten"));
        // The accounts tree's texts come from the core's model: translated too.
        QCOMPARE(german.translate("tenantry::AccountTreeModel", "expired — renews on use"),
                 QStringLiteral("abgelaufen — wird bei Bedarf erneuert"));
        QCOMPARE(german.translate("tenantry::AccountActions", "&Copy token…"), QStringLiteral("&Token kopieren …"));
    }

    void germanLocaleTranslatesTheUi()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.contains(QStringLiteral(":/i18n/tenantry_de.qm")), qPrintable(loaded.join(QLatin1Char(','))));
        WelcomePanel panel;
        QCOMPARE(panel.browserButton()->text(), QStringLiteral("Mit einem Browser anmelden"));
        QCOMPARE(panel.codeButton()->text(), QStringLiteral("Mit einem Code anmelden"));
    }

    // Qt's own buttons (QDialogButtonBox, QMessageBox) are German too: qtbase's catalogue is loaded
    // (Debian's qt6-translations-l10n, which scripts/install-deps.sh installs).
    void germanRunHasGermanQtButtons()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.filter(QStringLiteral("qtbase_de.qm")).size() == 1, qPrintable(loaded.join(QLatin1Char(','))));
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
    }

    void germanDeviceCodeWarningNamesTheHost()
    {
        Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        DeviceCodePrompt prompt;
        prompt.userCode = QStringLiteral("GQ5ZKWPLX");
        prompt.verificationUri = QUrl(QStringLiteral("https://microsoft.com/devicelogin"));
        prompt.verificationHost = QStringLiteral("microsoft.com");
        prompt.expiresAt = 1795422900;
        test::MockClock clock(1795422000);
        DeviceCodeDialog dialog(prompt, clock);
        QCOMPARE(dialog.warningText(),
                 QStringLiteral("Geben Sie diesen Code nur ein, wenn Sie diese Anmeldung gerade eben selbst in "
                                "Tenantry gestartet haben. Der Code gehört zu microsoft.com: Geben Sie ihn nur auf "
                                "der oben verlinkten Seite ein. Wenn Ihnen jemand diesen Code geschickt oder Sie "
                                "gebeten hat, ihn einzugeben, brechen Sie ab: Der Code würde dieser Person Zugriff "
                                "auf Ihr Konto geben."));
    }

    void everyGermanTextIsTranslated()
    {
        QFile ts(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/tenantry_de.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        const qsizetype unfinished = text.indexOf("type=\"unfinished\"");
        QVERIFY2(unfinished < 0, text.mid(qMax<qsizetype>(0, unfinished - 300), 300).constData());
    }

    // English is a translation for its plurals: a "%n subscription(s)" without forms would show as is.
    void everyEnglishPluralHasItsForms()
    {
        QFile ts(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/tenantry_en.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        const qsizetype empty = text.indexOf("<numerusform></numerusform>");
        QVERIFY2(empty < 0, text.mid(qMax<qsizetype>(0, empty - 300), 300).constData());
    }

    void otherLocalesFallBackToEnglish()
    {
        const QStringList loaded = Translations::install(qApp, QLocale::c());
        QVERIFY2(loaded.contains(QStringLiteral(":/i18n/tenantry_en.qm")), qPrintable(loaded.join(QLatin1Char(','))));
        QCOMPARE(QCoreApplication::translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("2 tenants"));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
