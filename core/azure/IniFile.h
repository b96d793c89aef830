#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry {

// An INI file read and written the way Python's configparser does it for az and knack
// (clouds.config, config):
// - `[section]` headers; section names are case-sensitive; `DEFAULT` holds values every section inherits.
// - `key = value` or `key: value`; keys are lower-cased (configparser's optionxform), values stripped;
//   full-line comments (`#`, `;`) are dropped, inline ones are part of the value (as in configparser);
//   indented lines continue the previous value.
// - written as `[section]`, one `key = value` per line, a blank line after each section.
// Unknown sections and keys are kept in their order. Where configparser would raise (duplicates,
// lines outside a section, lines without a delimiter) this reader keeps going and reports a warning.
// Written values can never inject a line: "\n", "\r" and "\r\n" in them become continuation lines (read
// back as "\n"); section names and keys that would break a line or the syntax are refused.
// Interpolation is bounded in depth (as configparser), references followed and text produced.
class IniFile
{
public:
    static const QString kDefaultSection; // "DEFAULT"

    enum class LoadStatus { Ok, Missing, IoError };

    // Any bytes; linear time (hash lookups); at most a few warnings per file. Never throws.
    static IniFile parse(const QByteArray& bytes, QStringList* warnings = nullptr);
    QByteArray serialize() const;

    // Missing: an empty file. IoError: exists but cannot be read, or is larger than 1 MiB (no az file is
    // near that): `error` names the file.
    LoadStatus load(const QString& path, QString* error);
    // Atomic replace; keeps the existing file's mode, new files get `newFileMode` (octal, e.g. 0600).
    bool save(const QString& path, QString* error, int newFileMode = 0600) const;

    QStringList sections() const; // in file order, without DEFAULT (configparser's sections())
    bool hasSection(const QString& section) const;
    // A name that holds a line break (or is blank) cannot be written as a header: false, nothing added.
    bool addSection(const QString& section); // no-op when present
    bool removeSection(const QString& section);

    // Keys of a section in order, DEFAULT's keys after its own (configparser's options()).
    QStringList keys(const QString& section) const;
    bool contains(const QString& section, const QString& key) const;
    // configparser's get(): the section's value, else DEFAULT's; `%%` and `%(key)s` interpolated. Where
    // configparser would raise (a missing key, bad syntax, too deep) or a value would follow more than 1000
    // references or grow past 64 KiB, the value is returned as written.
    std::optional<QString> value(const QString& section, const QString& key) const;
    std::optional<QString> rawValue(const QString& section, const QString& key) const; // no interpolation
    // configparser's set(): the section is created when missing (DEFAULT too); the key is lower-cased.
    // False (nothing changed) when the section name, the key or the value cannot be written
    // (isValidSectionName, isValidKey, isValidValue).
    bool setValue(const QString& section, const QString& key, const QString& value);
    bool removeKey(const QString& section, const QString& key);

    bool isEmpty() const { return m_sections.isEmpty(); }

    static bool isValidSectionName(const QString& section); // not blank, no line break
    // Not blank, no surrounding blanks, no line break, '=' or ':', not starting with '[', '#' or ';'.
    static bool isValidKey(const QString& key);
    // What configparser's set() accepts: every '%' is "%%" or starts "%(name)s". A lone '%' would make az's
    // own reader raise InterpolationSyntaxError on every later read of the file.
    static bool isValidValue(const QString& value);

private:
    struct Section
    {
        QString name;
        QList<QPair<QString, QString>> items; // lower-cased key, raw value
        QHash<QString, int> keyIndex;         // key -> index into items

        int append(const QString& key, const QString& value);
    };

    int appendSection(const QString& section);
    Section* find(const QString& section);
    const Section* find(const QString& section) const;
    struct InterpolationBudget
    {
        int referencesLeft;
        bool exceeded = false;
    };
    std::optional<QString> interpolate(const QString& section, const QString& raw, int depth,
                                       InterpolationBudget& budget) const;

    // Lookups go through hashes: a file of a hundred thousand sections or keys must not take quadratic time.
    QList<Section> m_sections;          // DEFAULT included where it appears; written first
    QHash<QString, int> m_sectionIndex; // name -> index into m_sections
};

} // namespace tenantry
