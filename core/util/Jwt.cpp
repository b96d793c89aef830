#include "util/Jwt.h"

#include <QList>

namespace tenantry::jwt {

QByteArray base64UrlDecode(const QByteArray& text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QByteArray base64UrlEncode(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Json claims(const QString& token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() < 2)
        return Json::object();
    auto parsed = json::parse(base64UrlDecode(parts.at(1)));
    if (!parsed.value || !parsed.value->is_object())
        return Json::object();
    return *parsed.value;
}

} // namespace tenantry::jwt
