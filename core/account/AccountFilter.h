#pragma once

#include <QString>
#include <QStringList>

namespace tenantry {

// What "find" typed into the window (or given on a command line) asks for, and which rows it matches.
// The text is split into words; a row matches when every word is, case-insensitively, part of one of
// the names or ids of the row or of its ancestors (account → tenant → subscription). So "contoso prod"
// finds the "Production" subscription of the Contoso tenant, a tenant's name finds all of its
// subscriptions, and a subscription id finds that subscription alone.
class AccountFilter
{
public:
    static constexpr int kMaxTextLength = 256; // longer text (a paste gone wrong) is cut here
    static constexpr int kMaxWords = 16;

    AccountFilter() = default;
    explicit AccountFilter(const QString& text);

    bool isEmpty() const { return m_words.isEmpty(); }
    const QStringList& words() const { return m_words; }

    // `fields`: the names and ids of the row and of its ancestors. An empty filter matches everything.
    bool matches(const QStringList& fields) const;

private:
    QStringList m_words;
};

} // namespace tenantry
