#include "util/Json.h"

#include <QCoreApplication>
#include <QLocale>

#include <iterator>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tenantry::json {

namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";
constexpr auto kReplaceInvalidUtf8 = Json::error_handler_t::replace;

// Builds the document from nlohmann's SAX events: the same values nlohmann's own DOM parser makes, with
// the members of each object collected first and moved into it at its end (reserved once: nlohmann's
// parser inserts them one by one, searching the keys so far and copying every key on each growth of an
// ordered object), and nesting deeper than `maxDepth` stopping the parse at the first excess, before the
// document grows past it. Not recursive; nlohmann's parser is not either.
class DocumentBuilder
{
public:
    explicit DocumentBuilder(int maxDepth)
        : m_maxDepth(static_cast<std::size_t>(maxDepth))
    {}

    bool tooDeep() const { return m_tooDeep; }
    Json takeDocument() { return std::move(m_document); }

    // The SAX interface (nlohmann::json_sax) that Json::sax_parse calls.
    bool null() { return add(Json(nullptr)); }
    bool boolean(bool value) { return add(Json(value)); }
    bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
    bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
    bool number_float(Json::number_float_t value, const std::string& /*text*/) { return add(Json(value)); }
    bool string(std::string& value) { return add(Json(value)); }
    bool binary(Json::binary_t& value) { return add(Json::binary(std::move(value))); }
    bool start_object(std::size_t /*unknown*/) { return open(/*object=*/true); }
    bool key(std::string& key)
    {
        m_members.emplace_back(key, Json()); // its value comes next, to this member
        return true;
    }
    bool end_object();
    bool start_array(std::size_t /*unknown*/) { return open(/*object=*/false); }
    bool end_array();
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const Json::exception& /*error*/)
    {
        return false;
    }

private:
    struct Open
    {
        bool object;
        std::size_t first; // its first member in m_members, or element in m_elements
    };

    bool open(bool object)
    {
        if (m_open.size() >= m_maxDepth) {
            m_tooDeep = true;
            return false;
        }
        m_open.push_back({object, object ? m_members.size() : m_elements.size()});
        return true;
    }

    bool add(Json&& value)
    {
        if (m_open.empty())
            m_document = std::move(value);
        else if (m_open.back().object)
            m_members.back().second = std::move(value);
        else
            m_elements.push_back(std::move(value));
        return true;
    }

    const std::size_t m_maxDepth;
    bool m_tooDeep = false;
    std::vector<Open> m_open;
    std::vector<std::pair<std::string, Json>> m_members; // of the open objects, innermost last
    std::vector<Json> m_elements;                        // of the open arrays, innermost last
    Json m_document;
};

bool DocumentBuilder::end_object()
{
    const std::size_t first = m_open.back().first;
    m_open.pop_back();
    const std::size_t count = m_members.size() - first;
    Json object(Json::value_t::object);
    // The vector under nlohmann's ordered_map, whose operator[] takes keys.
    auto& members = static_cast<Json::object_t::Container&>(object.get_ref<Json::object_t&>());
    members.reserve(count);
    // A repeated key keeps its first place and takes the last value, as with nlohmann's parser. Small
    // objects are searched; large ones (a cache section) get an index of the keys, which point into
    // `members` (reserved, so they stay put).
    constexpr std::size_t kSearchedUpTo = 16;
    std::unordered_map<std::string_view, std::size_t> index;
    if (count > kSearchedUpTo)
        index.reserve(count);
    for (std::size_t i = first; i < m_members.size(); ++i) {
        auto& [key, value] = m_members[i];
        std::size_t at = members.size();
        if (count > kSearchedUpTo) {
            const auto known = index.find(key);
            if (known != index.end())
                at = known->second;
        } else {
            for (std::size_t j = 0; j < members.size(); ++j) {
                if (members[j].first == key) {
                    at = j;
                    break;
                }
            }
        }
        if (at < members.size()) {
            members[at].second = std::move(value);
            continue;
        }
        members.emplace_back(std::move(key), std::move(value));
        if (count > kSearchedUpTo)
            index.emplace(members.back().first, at);
    }
    m_members.resize(first);
    return add(std::move(object));
}

bool DocumentBuilder::end_array()
{
    const std::size_t first = m_open.back().first;
    m_open.pop_back();
    Json array(Json::value_t::array);
    auto& elements = array.get_ref<Json::array_t&>();
    elements.reserve(m_elements.size() - first);
    std::move(m_elements.begin() + static_cast<std::ptrdiff_t>(first), m_elements.end(), std::back_inserter(elements));
    m_elements.resize(first);
    return add(std::move(array));
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
    // Exceptions stay inside: nothing here throws, and errors are told apart without quoting the bytes.
    DocumentBuilder builder(kMaxNestingDepth);
    if (!Json::sax_parse(text.begin(), text.end(), &builder)) {
        if (builder.tooDeep())
            result.error =
                QCoreApplication::translate("tenantry::Json", "it nests arrays or objects more than %1 levels deep")
                    .arg(kMaxNestingDepth);
        else
            result.error = text.trimmed().isEmpty()
                               ? QCoreApplication::translate("tenantry::Json", "the file is empty")
                               : QCoreApplication::translate("tenantry::Json",
                                                             "the file is not valid JSON (truncated or corrupt)");
        return result;
    }
    result.value = builder.takeDocument();
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
