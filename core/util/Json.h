#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace tenantry {

using Json = nlohmann::ordered_json; // keeps key order, so files we rewrite diff cleanly

namespace json {

// Result of parsing a file's bytes; `error` is for people and never quotes the content.
struct ParseResult
{
    std::optional<Json> value;
    QString error;
    bool hadBom = false;
};

// Every parse refuses input larger than this: the largest files Tenantry reads (MSAL token caches with
// hundreds of tenants) are a few MB.
constexpr qsizetype kMaxDocumentBytes = 64 * 1024 * 1024;
// ... or nested deeper than this, counted before nlohmann builds a document that its recursive copy,
// compare and dump would walk (a cache nested 100000 deep overflows the stack). The deepest document
// Tenantry reads, the keychain copy of the token cache, is 4 levels deep; ARM answers are under 10.
constexpr int kMaxNestingDepth = 64;

// Parses UTF-8 JSON; a leading UTF-8 BOM is accepted and reported (azureProfile.json has one).
// Never throws; input over `maxBytes` or kMaxNestingDepth is refused before it is parsed.
ParseResult parse(const QByteArray& bytes, qsizetype maxBytes = kMaxDocumentBytes);

// Python's json.dumps(value, indent=4): MSAL's token cache format. ASCII only, no trailing newline.
QByteArray dumpIndented4(const Json& value);

// Python's json.dumps(value): "," and ": " separators on one line, ASCII only (azureProfile.json).
QByteArray dumpPythonCompact(const Json& value);

// knack's output: json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n" (az -o json).
QByteArray dumpAzOutput(const Json& value);

// The dump functions never throw: a string that is not valid UTF-8 is written with U+FFFD in its place.

QString toQString(const Json& value); // strings as-is, integers as decimal text, anything else empty
// A count of seconds or a Unix time: 123, "123" or 123.0, within 0 .. kMaxSeconds; anything else (a
// negative or huge number, an object, text that is not an integer) is nullopt, so sums never overflow.
constexpr qint64 kMaxSeconds = 253402300799; // 9999-12-31T23:59:59Z, the last second Python's datetime has
std::optional<qint64> toSeconds(const Json& value);
std::string toStd(const QString& text);

// Reads the typed fields of one JSON object that another program wrote. A field that is present with
// another type than the one asked for (a number where text goes, an object as a time) makes the object
// unreadable (ok() false); absent fields read as empty, and so does null where `nullable` allows it.
// Never throws, whatever the object holds (or when it is no object at all: then ok() is false).
class ObjectReader
{
public:
    explicit ObjectReader(const Json& object);

    bool ok() const { return m_ok; }
    bool has(const std::string& field) const;

    QString text(const std::string& field, bool nullable = false);
    qint64 seconds(const std::string& field);     // toSeconds(); absent is 0
    bool flag(const std::string& field);          // true or false; absent or null is false
    const Json* object(const std::string& field); // nullptr when absent or null
    const Json* array(const std::string& field);  // nullptr when absent or null

private:
    const Json* find(const std::string& field) const; // nullptr when absent
    const Json* nullableOfType(const std::string& field, bool (Json::*isType)() const noexcept);
    void fail() { m_ok = false; }

    const Json& m_object;
    bool m_ok;
};

} // namespace json
} // namespace tenantry
