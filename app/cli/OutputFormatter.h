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

    static bool isKnownFormat(const QString& format);

    explicit OutputFormatter(QString format, bool colour = false);
    QByteArray format(const Json& result, const TableTransform& tableTransform = {}) const;

private:
    QByteArray table(const Json& rows, bool sortKeys) const;
    static QByteArray tsv(const Json& result);
    static QByteArray colourJson(const QByteArray& json);

    QString m_format;
    bool m_colour;
};

} // namespace tenantry::cli
