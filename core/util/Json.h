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

// Parses UTF-8 JSON; a leading UTF-8 BOM is accepted and reported (azureProfile.json has one).
ParseResult parse(const QByteArray& bytes);

// Python's json.dumps(value, indent=4): MSAL's token cache format. ASCII only, no trailing newline.
QByteArray dumpIndented4(const Json& value);

// Python's json.dumps(value): "," and ": " separators on one line, ASCII only (azureProfile.json).
QByteArray dumpPythonCompact(const Json& value);

// knack's output: json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n" (az -o json).
QByteArray dumpAzOutput(const Json& value);

QString toQString(const Json& value); // strings as-is, numbers as decimal text, anything else empty
std::optional<qint64> toSeconds(const Json& value); // "123" or 123
std::string toStd(const QString& text);

} // namespace json
} // namespace tenantry
