#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace tenantry {

// Loads Tenantry's translations (the .qm files in directory()) for a locale, and Qt's own (qtbase, for
// the standard buttons and dialogs) from Qt's translations directory when they are installed.
class Translations
{
public:
    // Installs the translators on `app` (they are parented to it); returns the files loaded.
    static QStringList install(QCoreApplication* app, const QLocale& locale = QLocale());
    // The languages Tenantry ships (the .ts files), e.g. "de", "en".
    static QStringList availableLanguages();
    // Where Tenantry's .qm files are: share/tenantry/translations next to the executable's bin/, in the
    // build tree as in the installed package (/usr/bin/tenantry: /usr/share/tenantry/translations).
    static QString directory();
};

} // namespace tenantry
