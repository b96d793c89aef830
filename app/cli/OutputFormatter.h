#pragma once

#include "util/Json.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace tenantry::cli {

// az's output formats (knack): json, jsonc, table, tsv, none.
class OutputFormatter
{
public:
    // A command's table view: az transforms some results before tabulating (account list).
    using TableTransform = std::function<Json(const Json&)>;

    static QStringList knownFormats(); // what --output takes, in the order az lists them
    static bool isKnownFormat(const QString& format);

    explicit OutputFormatter(QString format, bool colour = false);
    QByteArray format(const Json& result, const TableTransform& tableTransform = {}) const;

    // With --query, az shows what the query picked as it is: no table transform, table columns in
    // the objects' own order, and tsv values in key order (the caller passes objects the query did
    // not build with their keys sorted, as knack sorts a plain dict's items).
    void setQueryActive(bool active) { m_queryActive = active; }

private:
    QByteArray table(const Json& rows, bool sortKeys) const;
    QByteArray tsv(const Json& result) const;
    static QByteArray colourJson(const QByteArray& json);

    QString m_format;
    bool m_colour;
    bool m_queryActive = false;
};

} // namespace tenantry::cli
