#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tenantry {

// The fields of a query string or an application/x-www-form-urlencoded body, in order, duplicates
// kept. Names and values are decoded as a form is: '+' is a space, then %XX escapes (a literal '+'
// comes as %2B). QUrlQuery leaves '+' as it is, which shows "User+declined" to people.
class FormFields
{
public:
    // How toEncoded() writes a space: '+' as browsers and login.microsoftonline.com do, or %20.
    enum class Spaces { Plus, Percent20 };

    // Linear in the input; callers bound the input (a request, a URL) before.
    static FormFields parse(QByteArrayView encoded);
    // One name or value: '+' is a space, then percent-decoding; UTF-8.
    static QString decodeComponent(QByteArrayView encoded);

    bool contains(const QString& key) const { return count(key) > 0; }
    int count(const QString& key) const;
    QString value(const QString& key) const; // the first value; empty if absent
    QStringList values(const QString& key) const;
    const QList<QPair<QString, QString>>& items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }

    void add(const QString& key, const QString& value) { m_items.append({key, value}); }
    // Every character but the unreserved ones percent-encoded, spaces as `spaces` says.
    QByteArray toEncoded(Spaces spaces = Spaces::Plus) const;

private:
    QList<QPair<QString, QString>> m_items;
};

} // namespace tenantry
