#include "Translations.h"
#include "WelcomePanel.h"

#include <QPushButton>
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

    void germanLocaleTranslatesTheUi()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.contains(QStringLiteral(":/i18n/tenantry_de.qm")), qPrintable(loaded.join(QLatin1Char(','))));
        WelcomePanel panel;
        QCOMPARE(panel.browserButton()->text(), QStringLiteral("Mit einem Browser anmelden"));
        QCOMPARE(panel.codeButton()->text(), QStringLiteral("Mit einem Code anmelden"));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
