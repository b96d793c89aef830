#include "Translations.h"

#include "UiLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace tenantry {

namespace {

bool installOne(QCoreApplication* app, const QLocale& locale, const QString& name, const QString& dir,
                QStringList* loaded)
{
    auto* translator = new QTranslator(app);
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        delete translator;
        return false;
    }
    app->installTranslator(translator);
    loaded->append(translator->filePath());
    return true;
}

} // namespace

QStringList Translations::install(QCoreApplication* app, const QLocale& locale)
{
    QStringList loaded;
    // English is a translation too (plural forms: "1 tenant", "2 tenants"): the fallback for
    // languages Tenantry does not ship and for the C locale.
    if (!installOne(app, locale, QStringLiteral("tenantry"), directory(), &loaded))
        installOne(app, QLocale(QLocale::English), QStringLiteral("tenantry"), directory(), &loaded);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // qtbase has QDialogButtonBox's "Cancel", QFileDialog and the like; packaged separately on Linux.
    installOne(app, locale, QStringLiteral("qtbase"), qtDir, &loaded);
    installOne(app, locale, QStringLiteral("qtwebengine"), qtDir, &loaded);
    qCDebug(lcUi) << "translations for" << locale.name() << ":" << loaded;
    return loaded;
}

QStringList Translations::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(directory()).entryList({QStringLiteral("tenantry_*.qm")}, QDir::Files);
    for (const QString& file : files)
        languages.append(file.mid(9, file.size() - 9 - 3)); // "tenantry_" ... ".qm"
    return languages;
}

QString Translations::directory()
{
    // Relative to the executable, never to the working directory: a catalogue from somewhere else
    // would put its texts in Tenantry's dialogs.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                           QStringLiteral(TENANTRY_TRANSLATIONS_FROM_BINDIR));
}

} // namespace tenantry
