#include "util/Json.h"

namespace tenantry::json {

namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

void appendCompact(std::string& out, const Json& value)
{
    if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first)
                out += ", ";
            first = false;
            out += Json(key).dump(-1, ' ', true);
            out += ": ";
            appendCompact(out, item);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        bool first = true;
        for (const auto& item : value) {
            if (!first)
                out += ", ";
            first = false;
            appendCompact(out, item);
        }
        out += ']';
    } else {
        out += value.dump(-1, ' ', true);
    }
}

} // namespace

ParseResult parse(const QByteArray& bytes)
{
    ParseResult result;
    QByteArray text = bytes;
    if (text.startsWith(kUtf8Bom)) {
        result.hadBom = true;
        text.remove(0, 3);
    }
    // Exceptions stay inside: the message names a position, never the bytes around it.
    Json parsed = Json::parse(text.constBegin(), text.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        result.error = text.trimmed().isEmpty() ? QStringLiteral("the file is empty")
                                                : QStringLiteral("the file is not valid JSON (truncated or corrupt)");
        return result;
    }
    result.value = std::move(parsed);
    return result;
}

QByteArray dumpIndented4(const Json& value)
{
    const std::string text = value.dump(4, ' ', /*ensure_ascii=*/true);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray dumpPythonCompact(const Json& value)
{
    std::string text;
    appendCompact(text, value);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray dumpAzOutput(const Json& value)
{
    // nlohmann::json (not ordered) keeps object keys sorted bytewise, as sort_keys=True does for ASCII keys.
    const nlohmann::json sorted = value;
    std::string text = sorted.dump(2, ' ', /*ensure_ascii=*/false);
    text += '\n';
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString toQString(const Json& value)
{
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    return {};
}

std::optional<qint64> toSeconds(const Json& value)
{
    if (value.is_number_integer())
        return value.get<qint64>();
    if (value.is_number_float())
        return static_cast<qint64>(value.get<double>());
    if (value.is_string()) {
        bool ok = false;
        const qint64 secs = toQString(value).trimmed().toLongLong(&ok);
        if (ok)
            return secs;
    }
    return std::nullopt;
}

std::string toStd(const QString& text)
{
    return text.toStdString();
}

} // namespace tenantry::json
