#include "account/AccountFilter.h"

#include <QRegularExpression>

#include <algorithm>

namespace tenantry {

AccountFilter::AccountFilter(const QString& text)
{
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    m_words = text.left(kMaxTextLength).split(kSpaces, Qt::SkipEmptyParts).mid(0, kMaxWords);
}

bool AccountFilter::matches(const QStringList& fields) const
{
    return std::all_of(m_words.cbegin(), m_words.cend(), [&fields](const QString& word) {
        return std::any_of(fields.cbegin(), fields.cend(),
                           [&word](const QString& field) { return field.contains(word, Qt::CaseInsensitive); });
    });
}

} // namespace tenantry
