// clouds.config and config as az and people write them (configparser's INI dialect): parsed, every
// value read with interpolation, written back. A value Tenantry writes (a subscription id or cloud
// name that came from outside) must stay one value: writing it and reading the file again may not
// add, drop or rename a section.
#include "FuzzSupport.h"

#include "azure/IniFile.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    QStringList warnings;
    IniFile file = IniFile::parse(bytes, &warnings);
    QStringList sections = file.sections();
    sections.prepend(IniFile::kDefaultSection);
    for (const QString& section : sections) {
        for (const QString& key : file.keys(section)) {
            file.value(section, key);
            file.rawValue(section, key);
        }
    }
    IniFile::parse(file.serialize());

    IniFile written;
    written.setValue(QStringLiteral("AzureCloud"), QStringLiteral("subscription"), QString::fromUtf8(bytes));
    written.setValue(QStringLiteral("cloud"), QStringLiteral("name"), QStringLiteral("AzureCloud"));
    const IniFile reread = IniFile::parse(written.serialize());
    FUZZ_CHECK(reread.sections() == written.sections()); // no section header injected
    FUZZ_CHECK(reread.value(QStringLiteral("cloud"), QStringLiteral("name")) == QStringLiteral("AzureCloud"));
    return 0;
}
