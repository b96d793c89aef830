#include "http/FormFields.h"

#include <QUrl>

namespace tenantry {

QString FormFields::decodeComponent(QByteArrayView encoded)
{
    QByteArray bytes = encoded.toByteArray();
    bytes.replace('+', ' '); // before percent-decoding, so %2B stays a '+'
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

FormFields FormFields::parse(QByteArrayView encoded)
{
    FormFields fields;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();
        const QByteArrayView pair = encoded.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype equals = pair.indexOf('=');
            const QByteArrayView key = equals < 0 ? pair : pair.first(equals);
            const QByteArrayView value = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
            fields.m_items.append({decodeComponent(key), decodeComponent(value)});
        }
        start = end + 1;
    }
    return fields;
}

int FormFields::count(const QString& key) const
{
    int found = 0;
    for (const auto& item : m_items)
        found += item.first == key ? 1 : 0;
    return found;
}

QString FormFields::value(const QString& key) const
{
    for (const auto& item : m_items) {
        if (item.first == key)
            return item.second;
    }
    return {};
}

QStringList FormFields::values(const QString& key) const
{
    QStringList result;
    for (const auto& item : m_items) {
        if (item.first == key)
            result.append(item.second);
    }
    return result;
}

QByteArray FormFields::toEncoded(Spaces spaces) const
{
    const auto encode = [spaces](const QString& text) {
        if (spaces == Spaces::Percent20)
            return QUrl::toPercentEncoding(text);
        return QUrl::toPercentEncoding(text, " ").replace(' ', '+');
    };
    QByteArray out;
    for (const auto& item : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += encode(item.first) + '=' + encode(item.second);
    }
    return out;
}

} // namespace tenantry
