#include "auth/ResponseFields.h"

#include <algorithm>
#include <cmath>

namespace tenantry::fields {

QString string(const Json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it == object.end() || !it->is_string() ? QString() : json::toQString(*it);
}

std::optional<qint64> seconds(const Json& object, const char* key, qint64 maxSecs)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    const Json& value = *it;
    if (value.is_number_unsigned())
        return qint64(std::min<quint64>(value.get<quint64>(), quint64(maxSecs)));
    if (value.is_number_integer()) {
        const qint64 secs = value.get<qint64>();
        return secs < 0 ? std::nullopt : std::optional<qint64>(std::min(secs, maxSecs));
    }
    if (value.is_number_float()) {
        const double secs = value.get<double>();
        if (!std::isfinite(secs) || secs < 0)
            return std::nullopt;
        return secs >= double(maxSecs) ? maxSecs : qint64(secs);
    }
    if (value.is_string()) {
        const QString text = json::toQString(value).trimmed();
        if (text.isEmpty() ||
            !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit() && c.unicode() < 128; }))
            return std::nullopt;
        bool ok = false;
        const qint64 secs = text.toLongLong(&ok);
        return ok ? std::min(secs, maxSecs) : maxSecs; // only digits, yet not a qint64: too many of them
    }
    return std::nullopt;
}

} // namespace tenantry::fields
