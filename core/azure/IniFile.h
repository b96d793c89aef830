#pragma once

#include <QByteArray>
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
class IniFile
{
public:
    static const QString kDefaultSection; // "DEFAULT"

    enum class LoadStatus { Ok, Missing, IoError };

    static IniFile parse(const QByteArray& bytes, QStringList* warnings = nullptr);
    QByteArray serialize() const;

    // Missing: an empty file. IoError: exists but cannot be read (`error` names the file).
    LoadStatus load(const QString& path, QString* error);
    // Atomic replace; keeps the existing file's mode, new files get `newFileMode` (octal, e.g. 0600).
    bool save(const QString& path, QString* error, int newFileMode = 0600) const;

    QStringList sections() const; // in file order, without DEFAULT (configparser's sections())
    bool hasSection(const QString& section) const;
    void addSection(const QString& section); // no-op when present
    bool removeSection(const QString& section);

    // Keys of a section in order, DEFAULT's keys after its own (configparser's options()).
    QStringList keys(const QString& section) const;
    bool contains(const QString& section, const QString& key) const;
    // configparser's get(): the section's value, else DEFAULT's; `%%` and `%(key)s` interpolated.
    std::optional<QString> value(const QString& section, const QString& key) const;
    std::optional<QString> rawValue(const QString& section, const QString& key) const; // no interpolation
    // configparser's set(): the section is created when missing (DEFAULT too); the key is lower-cased.
    void setValue(const QString& section, const QString& key, const QString& value);
    bool removeKey(const QString& section, const QString& key);

    bool isEmpty() const { return m_sections.isEmpty(); }

private:
    struct Section
    {
        QString name;
        QList<QPair<QString, QString>> items; // lower-cased key, raw value
    };

    Section* find(const QString& section);
    const Section* find(const QString& section) const;
    std::optional<QString> interpolate(const QString& section, const QString& raw, int depth) const;

    QList<Section> m_sections; // DEFAULT included where it appears; written first
};

} // namespace tenantry
