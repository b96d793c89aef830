#include "OutputFormatter.h"

#include "TerminalText.h"

#include <QList>
#include <QRegularExpression>

namespace tenantry::cli {

namespace {

QString scalarText(const Json& value)
{
    if (value.is_string())
        return json::toQString(value);
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("True") : QStringLiteral("False"); // Python's str(bool)
    if (value.is_null())
        return QStringLiteral("None");
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QString::fromStdString(text);
}

// What a table or tsv cell shows: names come from servers and files, and these formats reach the
// terminal as they are (json escapes control characters itself).
QString cellText(const Json& value)
{
    return terminalSafe(scalarText(value), TerminalLayout::SingleLine);
}

bool isScalar(const Json& value)
{
    return !value.is_null() && !value.is_array() && !value.is_object();
}

} // namespace

QStringList OutputFormatter::knownFormats()
{
    return {QStringLiteral("json"), QStringLiteral("jsonc"), QStringLiteral("table"), QStringLiteral("tsv"),
            QStringLiteral("none")};
}

bool OutputFormatter::isKnownFormat(const QString& format)
{
    return knownFormats().contains(format.toLower());
}

OutputFormatter::OutputFormatter(QString format, bool colour)
    : m_format(format.toLower())
    , m_colour(colour)
{}

QByteArray OutputFormatter::format(const Json& result, const TableTransform& tableTransform) const
{
    if (m_format == QLatin1String("none"))
        return {};
    if (m_format == QLatin1String("tsv"))
        return tsv(result);
    if (m_format == QLatin1String("table")) {
        const bool transform = tableTransform && !m_queryActive;
        const Json rows = transform ? tableTransform(result) : result;
        return table(rows.is_array() ? rows : Json::array({rows}), !transform && !m_queryActive);
    }
    const QByteArray text = json::dumpAzOutput(result);
    return m_format == QLatin1String("jsonc") && m_colour ? colourJson(text) : text;
}

QByteArray OutputFormatter::table(const Json& rows, bool sortKeys) const
{
    // knack's _TableOutput + tabulate "simple": scalar columns only, id/type/etag skipped,
    // first letter capitalised, two spaces between columns, a dashed rule under the header.
    static const QStringList kSkip = {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("etag")};
    QStringList headers;
    QList<QHash<QString, QString>> cells;
    for (const Json& row : rows) {
        QHash<QString, QString> line;
        if (row.is_array()) { // a multi-select list: Column1, Column2, ...
            for (size_t i = 0; i < row.size(); ++i) {
                const QString header = QStringLiteral("Column%1").arg(i + 1);
                if (!headers.contains(header))
                    headers.append(header);
                line.insert(header, cellText(row[i]));
            }
            cells.append(line);
            continue;
        }
        if (!row.is_object()) {
            if (!headers.contains(QStringLiteral("Result")))
                headers.append(QStringLiteral("Result"));
            line.insert(QStringLiteral("Result"), cellText(row));
            cells.append(line);
            continue;
        }
        QStringList keys;
        for (const auto& [key, value] : row.items())
            keys.append(QString::fromStdString(key));
        if (sortKeys)
            keys.sort();
        for (const QString& key : keys) {
            const Json& value = row.at(key.toStdString());
            if (kSkip.contains(key) || !isScalar(value))
                continue;
            const QString shownKey = terminalSafe(key, TerminalLayout::SingleLine); // keys can be data too
            const QString header = shownKey.left(1).toUpper() + shownKey.mid(1);
            if (!headers.contains(header))
                headers.append(header);
            line.insert(header, cellText(value));
        }
        cells.append(line);
    }
    if (headers.isEmpty())
        return {};
    QList<int> widths;
    for (const QString& h : headers) {
        int width = h.size() + 2; // tabulate's minimum padding around a header
        for (const auto& line : cells)
            width = std::max(width, static_cast<int>(line.value(h).size()));
        widths.append(width);
    }
    auto render = [&](const std::function<QString(int)>& cell) -> QString {
        QStringList parts;
        for (int c = 0; c < headers.size(); ++c)
            parts.append(cell(c).leftJustified(widths.at(c)));
        QString line = parts.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' '))) // tabulate strips each line's end
            line.chop(1);
        return line + QLatin1Char('\n');
    };
    QString out = render([&](int c) { return headers.at(c); });
    out += render([&](int c) { return QString(widths.at(c), QLatin1Char('-')); });
    for (const auto& line : cells)
        out += render([&](int c) { return line.value(headers.at(c)); });
    return out.toUtf8();
}

QByteArray OutputFormatter::tsv(const Json& result) const
{
    // knack's _TsvOutput: one row per item; a dict's values in key order, lists as their length.
    auto cell = [](const Json& v) -> QString {
        if (v.is_array())
            return QString::number(v.size());
        if (v.is_object())
            return QString();
        return cellText(v);
    };
    QString out;
    const Json items = result.is_array() ? result : Json::array({result});
    for (const Json& item : items) {
        QStringList values;
        if (item.is_object() && m_queryActive) {
            for (const auto& [key, value] : item.items())
                values.append(cell(value));
        } else if (item.is_object()) {
            const nlohmann::json sorted = item; // sorted keys, as Python sorts a plain dict's items
            for (const auto& [key, value] : sorted.items())
                values.append(cell(value));
        } else if (item.is_array()) {
            for (const Json& value : item)
                values.append(cell(value));
        } else if (item.is_boolean()) {
            values.append(item.get<bool>() ? QStringLiteral("true") : QStringLiteral("false"));
        } else {
            values.append(cell(item));
        }
        out += values.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray OutputFormatter::colourJson(const QByteArray& json)
{
    // Keys blue, strings green, literals yellow: enough to read, never reformatting the JSON.
    static const QRegularExpression kToken(
        QStringLiteral(R"(("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?)"));
    QString text = QString::fromUtf8(json);
    // JSON escapes C0 itself but not DEL and C1, which a terminal may obey (U+009B is CSI): as \u
    // escapes they stay the same JSON strings. (Plain json stays byte-identical to az's instead.)
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x7f && c <= 0x9f)
            text.replace(i, 1, QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')));
    }
    QString out;
    qsizetype last = 0;
    auto it = kToken.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const char* colour =
            !m.captured(1).isEmpty() ? (m.captured(2).isEmpty() ? "\x1b[32m" : "\x1b[34m") : "\x1b[33m";
        const QString token = m.captured(1).isEmpty() ? m.captured(0) : m.captured(1);
        out += QLatin1String(colour) + token + QStringLiteral("\x1b[0m") + m.captured(2);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out.toUtf8();
}

} // namespace tenantry::cli
