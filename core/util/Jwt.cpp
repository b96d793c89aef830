#include "util/Jwt.h"

#include <QList>

namespace tenantry::jwt {

QByteArray base64UrlDecode(const QByteArray& text)
{
    // Strict: Qt's default decoder skips characters it does not know, turning junk into other junk.
    auto decoded =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? std::move(*decoded) : QByteArray();
}

QByteArray base64UrlEncode(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Json decodeObject(const QByteArray& base64Url)
{
    if (base64Url.size() > kMaxTokenChars)
        return Json::object();
    auto parsed = json::parse(base64UrlDecode(base64Url));
    if (!parsed.value || !parsed.value->is_object())
        return Json::object();
    return std::move(*parsed.value);
}

Json claims(const QString& token)
{
    if (token.size() > kMaxTokenChars)
        return Json::object();
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() < 2)
        return Json::object();
    return decodeObject(parts.at(1));
}

QString stringClaim(const Json& claims, const char* name)
{
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? json::toQString(*it) : QString();
}

} // namespace tenantry::jwt
