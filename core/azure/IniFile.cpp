#include "azure/IniFile.h"

#include "store/AtomicFile.h"
#include "util/Logging.h"

#include <QFile>

namespace tenantry {

const QString IniFile::kDefaultSection = QStringLiteral("DEFAULT");

namespace {

// configparser's BasicInterpolation gives up after this many nested %(key)s references.
constexpr int kMaxInterpolationDepth = 10;

bool isBlank(QChar c)
{
    return c.isSpace();
}

int indentOf(const QString& line)
{
    int i = 0;
    while (i < line.size() && isBlank(line.at(i)))
        ++i;
    return i;
}

struct PendingOption
{
    int section = -1;
    int item = -1;
    QStringList lines; // configparser joins them with "\n" and strips the end
};

} // namespace

IniFile IniFile::parse(const QByteArray& bytes, QStringList* warnings)
{
    IniFile ini;
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF")) // configparser would choke on it; az never writes one
        data.remove(0, 3);
    QString text = QString::fromUtf8(data);
    // Python's text mode reads with universal newlines.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();

    auto warn = [warnings](int lineNo, const QString& what) {
        if (warnings)
            warnings->append(QStringLiteral("line %1: %2").arg(lineNo).arg(what));
    };

    int current = -1; // index into ini.m_sections
    PendingOption option;
    bool haveOption = false;
    int indentLevel = 0;
    QList<QPair<int, QString>> seenInThisRead; // (section index, key) to report duplicates
    QList<int> sectionsSeen;

    auto flush = [&]() {
        if (!haveOption)
            return;
        QString joined = option.lines.join(QLatin1Char('\n'));
        while (!joined.isEmpty() && joined.back().isSpace())
            joined.chop(1);
        ini.m_sections[option.section].items[option.item].second = joined;
        haveOption = false;
        option = {};
    };

    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        const int lineNo = i + 1;
        const QString value = line.trimmed();
        const bool isComment = value.startsWith(QLatin1Char('#')) || value.startsWith(QLatin1Char(';'));
        if (value.isEmpty() || isComment) {
            // An empty line may belong to a multi-line value (empty_lines_in_values); a comment never does.
            if (!isComment && haveOption)
                option.lines.append(QString());
            continue;
        }
        const int curIndent = indentOf(line);
        if (haveOption && curIndent > indentLevel) {
            option.lines.append(value);
            continue;
        }
        indentLevel = curIndent;
        if (value.startsWith(QLatin1Char('[')) && value.lastIndexOf(QLatin1Char(']')) > 1) {
            flush();
            // configparser's SECTCRE is \[(?P<header>.+)\] matched from the start: up to the last ']'.
            const QString name = value.mid(1, value.lastIndexOf(QLatin1Char(']')) - 1);
            int index = -1;
            for (int s = 0; s < ini.m_sections.size(); ++s) {
                if (ini.m_sections.at(s).name == name)
                    index = s;
            }
            if (index >= 0) {
                if (sectionsSeen.contains(index))
                    warn(lineNo, QStringLiteral("section '%1' appears twice; merged").arg(name));
            } else {
                ini.m_sections.append(Section{name, {}});
                index = static_cast<int>(ini.m_sections.size()) - 1;
            }
            sectionsSeen.append(index);
            current = index;
            continue;
        }
        if (current < 0) {
            warn(lineNo, QStringLiteral("text before the first section header is ignored"));
            continue;
        }
        // configparser's OPTCRE: (?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$ -- the first '=' or ':'.
        int delimiter = -1;
        for (int c = 0; c < value.size(); ++c) {
            if (value.at(c) == QLatin1Char('=') || value.at(c) == QLatin1Char(':')) {
                delimiter = c;
                break;
            }
        }
        const QString key = delimiter > 0 ? value.left(delimiter).trimmed().toLower() : QString();
        if (key.isEmpty()) {
            flush();
            warn(lineNo, QStringLiteral("not a 'key = value' line; ignored"));
            continue;
        }
        flush();
        Section& section = ini.m_sections[current];
        int item = -1;
        for (int k = 0; k < section.items.size(); ++k) {
            if (section.items.at(k).first == key)
                item = k;
        }
        if (seenInThisRead.contains(qMakePair(current, key)))
            warn(lineNo,
                 QStringLiteral("option '%1' appears twice in section '%2'; the last one wins").arg(key, section.name));
        seenInThisRead.append(qMakePair(current, key));
        if (item < 0) {
            section.items.append(qMakePair(key, QString()));
            item = static_cast<int>(section.items.size()) - 1;
        }
        option.section = current;
        option.item = item;
        option.lines = QStringList{value.mid(delimiter + 1).trimmed()};
        haveOption = true;
    }
    flush();
    return ini;
}

QByteArray IniFile::serialize() const
{
    // RawConfigParser.write: DEFAULT first, then the sections; " = " between key and value,
    // continuation lines of multi-line values indented with a tab, a blank line after each section.
    QString out;
    auto writeSection = [&out](const Section& section) {
        out += QLatin1Char('[') + section.name + QStringLiteral("]\n");
        for (const auto& [key, value] : section.items) {
            QString v = value;
            v.replace(QLatin1Char('\n'), QStringLiteral("\n\t"));
            out += key + QStringLiteral(" = ") + v + QLatin1Char('\n');
        }
        out += QLatin1Char('\n');
    };
    if (const Section* defaults = find(kDefaultSection); defaults && !defaults->items.isEmpty())
        writeSection(*defaults);
    for (const Section& section : m_sections) {
        if (section.name != kDefaultSection)
            writeSection(section);
    }
    return out.toUtf8();
}

IniFile::LoadStatus IniFile::load(const QString& path, QString* error)
{
    m_sections.clear();
    QFile file(path);
    if (!file.exists())
        return LoadStatus::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return LoadStatus::IoError;
    }
    QStringList warnings;
    *this = parse(file.readAll(), &warnings);
    for (const QString& w : std::as_const(warnings))
        qCWarning(lcProfile) << path << w;
    return LoadStatus::Ok;
}

bool IniFile::save(const QString& path, QString* error, int newFileMode) const
{
    return AtomicFile::write(path, serialize(), newFileMode, error);
}

QStringList IniFile::sections() const
{
    QStringList names;
    for (const Section& section : m_sections) {
        if (section.name != kDefaultSection)
            names.append(section.name);
    }
    return names;
}

bool IniFile::hasSection(const QString& section) const
{
    return section != kDefaultSection && find(section) != nullptr;
}

void IniFile::addSection(const QString& section)
{
    if (!find(section))
        m_sections.append(Section{section, {}});
}

bool IniFile::removeSection(const QString& section)
{
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).name == section) {
            m_sections.removeAt(i);
            return true;
        }
    }
    return false;
}

QStringList IniFile::keys(const QString& section) const
{
    QStringList out;
    if (const Section* s = find(section)) {
        for (const auto& item : s->items)
            out.append(item.first);
    }
    if (section != kDefaultSection) {
        if (const Section* defaults = find(kDefaultSection)) {
            for (const auto& item : defaults->items) {
                if (!out.contains(item.first))
                    out.append(item.first);
            }
        }
    }
    return out;
}

bool IniFile::contains(const QString& section, const QString& key) const
{
    return rawValue(section, key).has_value();
}

std::optional<QString> IniFile::rawValue(const QString& section, const QString& key) const
{
    const QString lowered = key.toLower();
    for (const QString& name : {section, kDefaultSection}) {
        if (const Section* s = find(name)) {
            for (const auto& item : s->items) {
                if (item.first == lowered)
                    return item.second;
            }
        }
    }
    return std::nullopt;
}

std::optional<QString> IniFile::value(const QString& section, const QString& key) const
{
    const std::optional<QString> raw = rawValue(section, key);
    if (!raw)
        return std::nullopt;
    return interpolate(section, *raw, 1);
}

std::optional<QString> IniFile::interpolate(const QString& section, const QString& raw, int depth) const
{
    if (!raw.contains(QLatin1Char('%')))
        return raw;
    if (depth > kMaxInterpolationDepth)
        return raw;
    QString out;
    for (int i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        const QChar next = i + 1 < raw.size() ? raw.at(i + 1) : QChar();
        if (next == QLatin1Char('%')) {
            out += QLatin1Char('%');
            ++i;
            continue;
        }
        const int close = raw.indexOf(QStringLiteral(")s"), i + 2);
        if (next == QLatin1Char('(') && close > i + 2) {
            const QString ref = raw.mid(i + 2, close - i - 2).toLower();
            const std::optional<QString> refRaw = rawValue(section, ref);
            if (refRaw) {
                const std::optional<QString> expanded = interpolate(section, *refRaw, depth + 1);
                out += expanded.value_or(*refRaw);
                i = close + 1;
                continue;
            }
        }
        // configparser raises InterpolationSyntaxError/MissingOptionError here; we keep the text as written.
        return raw;
    }
    return out;
}

void IniFile::setValue(const QString& section, const QString& key, const QString& value)
{
    addSection(section);
    Section* s = find(section);
    const QString lowered = key.toLower();
    for (auto& item : s->items) {
        if (item.first == lowered) {
            item.second = value;
            return;
        }
    }
    s->items.append(qMakePair(lowered, value));
}

bool IniFile::removeKey(const QString& section, const QString& key)
{
    Section* s = find(section);
    if (!s)
        return false;
    const QString lowered = key.toLower();
    for (int i = 0; i < s->items.size(); ++i) {
        if (s->items.at(i).first == lowered) {
            s->items.removeAt(i);
            return true;
        }
    }
    return false;
}

IniFile::Section* IniFile::find(const QString& section)
{
    for (Section& s : m_sections) {
        if (s.name == section)
            return &s;
    }
    return nullptr;
}

const IniFile::Section* IniFile::find(const QString& section) const
{
    for (const Section& s : m_sections) {
        if (s.name == section)
            return &s;
    }
    return nullptr;
}

} // namespace tenantry
