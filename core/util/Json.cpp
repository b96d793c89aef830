#include "util/Json.h"

#include <QCoreApplication>
#include <QLocale>

namespace tenantry::json {

namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
constexpr auto kReplaceInvalidUtf8 = Json::error_handler_t::replace;

// Whether arrays and objects in `text` nest deeper than `limit`, from the bytes alone: brackets inside
// strings (escaped quotes included) do not count. Linear, no allocation, stops at the first excess.
bool nestedDeeperThan(QByteArrayView text, int limit)
{
    int depth = 0;
    bool inString = false;
    const char* const end = text.constData() + text.size();
    for (const char* p = text.constData(); p < end; ++p) {
        if (inString) {
            if (*p == '\\')
                ++p; // the escaped byte cannot end the string
            else if (*p == '"')
                inString = false;
            continue;
        }
        switch (*p) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > limit)
                return true;
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return false;
}

void appendCompact(std::string& out, const Json& value)
{
    if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first)
                out += ", ";
            first = false;
            out += Json(key).dump(-1, ' ', true, kReplaceInvalidUtf8);
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
        out += value.dump(-1, ' ', true, kReplaceInvalidUtf8);
    }
}

} // namespace

ParseResult parse(const QByteArray& bytes, qsizetype maxBytes)
{
    ParseResult result;
    if (bytes.size() > maxBytes) {
        result.error = QCoreApplication::translate("tenantry::Json", "it is larger than %1")
                           .arg(QLocale::c().formattedDataSize(maxBytes, 0));
        return result;
    }
    QByteArrayView text(bytes);
    if (text.startsWith(kUtf8Bom)) {
        result.hadBom = true;
        text = text.sliced(3);
    }
    if (nestedDeeperThan(text, kMaxNestingDepth)) {
        result.error =
            QCoreApplication::translate("tenantry::Json", "it nests arrays or objects more than %1 levels deep")
                .arg(kMaxNestingDepth);
        return result;
    }
    // Exceptions stay inside: the message names a position, never the bytes around it.
    Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        result.error =
            text.trimmed().isEmpty()
                ? QCoreApplication::translate("tenantry::Json", "the file is empty")
                : QCoreApplication::translate("tenantry::Json", "the file is not valid JSON (truncated or corrupt)");
        return result;
    }
    result.value = std::move(parsed);
    return result;
}

QByteArray dumpIndented4(const Json& value)
{
    const std::string text = value.dump(4, ' ', /*ensure_ascii=*/true, kReplaceInvalidUtf8);
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
    std::string text = sorted.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
    text += '\n';
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString toQString(const Json& value)
{
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    }
    if (value.is_number_unsigned())
        return QString::number(value.get<quint64>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    return {};
}

std::optional<qint64> toSeconds(const Json& value)
{
    auto inRange = [](qint64 secs) { return secs >= 0 && secs <= kMaxSeconds ? std::optional(secs) : std::nullopt; };
    if (value.is_number_unsigned()) {
        const quint64 secs = value.get<quint64>();
        return secs <= quint64(kMaxSeconds) ? std::optional(qint64(secs)) : std::nullopt;
    }
    if (value.is_number_integer())
        return inRange(value.get<qint64>());
    if (value.is_number_float()) {
        // Compared before the cast: a double out of qint64's range (or NaN) must never be converted.
        const double secs = value.get<double>();
        return secs >= 0 && secs <= double(kMaxSeconds) ? std::optional(qint64(secs)) : std::nullopt;
    }
    if (value.is_string()) {
        bool ok = false;
        const qint64 secs = toQString(value).trimmed().toLongLong(&ok);
        if (ok)
            return inRange(secs);
    }
    return std::nullopt;
}

std::string toStd(const QString& text)
{
    return text.toStdString();
}

ObjectReader::ObjectReader(const Json& object)
    : m_object(object)
    , m_ok(object.is_object())
{}

const Json* ObjectReader::find(const std::string& field) const
{
    if (!m_object.is_object())
        return nullptr;
    const auto it = m_object.find(field);
    return it == m_object.end() ? nullptr : &*it;
}

bool ObjectReader::has(const std::string& field) const
{
    return find(field) != nullptr;
}

QString ObjectReader::text(const std::string& field, bool nullable)
{
    const Json* value = find(field);
    if (!value || (nullable && value->is_null()))
        return {};
    if (!value->is_string()) {
        fail();
        return {};
    }
    return toQString(*value);
}

qint64 ObjectReader::seconds(const std::string& field)
{
    const Json* value = find(field);
    if (!value)
        return 0;
    const std::optional<qint64> secs = toSeconds(*value);
    if (!secs)
        fail();
    return secs.value_or(0);
}

bool ObjectReader::flag(const std::string& field)
{
    const Json* value = find(field);
    if (!value || value->is_null())
        return false;
    if (!value->is_boolean()) {
        fail();
        return false;
    }
    return value->get<bool>();
}

const Json* ObjectReader::object(const std::string& field)
{
    return nullableOfType(field, &Json::is_object);
}

const Json* ObjectReader::array(const std::string& field)
{
    return nullableOfType(field, &Json::is_array);
}

const Json* ObjectReader::nullableOfType(const std::string& field, bool (Json::*isType)() const noexcept)
{
    const Json* value = find(field);
    if (!value || value->is_null())
        return nullptr;
    if (!(value->*isType)()) {
        fail();
        return nullptr;
    }
    return value;
}

} // namespace tenantry::json
