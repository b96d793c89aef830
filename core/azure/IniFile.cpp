#include "azure/IniFile.h"

#include "store/AtomicFile.h"
#include "store/BoundedFileRead.h"
#include "util/Logging.h"

#include <QCoreApplication>

namespace tenantry {

const QString IniFile::kDefaultSection = QStringLiteral("DEFAULT");

namespace {

// configparser's BasicInterpolation gives up after this many nested %(key)s references.
constexpr int kMaxInterpolationDepth = 10;
// configparser has no bound on fan-out: ten keys each naming the previous one ten times expand to 10^10
// characters. One value() follows at most this many references and produces at most this much text.
constexpr int kMaxInterpolationReferences = 1000;
constexpr qsizetype kMaxInterpolatedChars = 64 * 1024;

// az's config and clouds.config are a few KB; a larger file is not az's (and not read).
constexpr qint64 kMaxFileBytes = 1024 * 1024;
constexpr int kMaxWarnings = 20; // per file: a broken file of 100000 lines gets a few lines in the log

// What Python's text mode (universal newlines) reads as the end of a line: a value that holds one is
// written as continuation lines, so that no text in it can start a line of its own.
bool hasLineBreak(const QString& text)
{
    return text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

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

    int problems = 0;
    auto warn = [warnings, &problems](int lineNo, const QString& what) {
        if (warnings && ++problems <= kMaxWarnings)
            warnings->append(QStringLiteral("line %1: %2").arg(lineNo).arg(what));
    };

    int current = -1; // index into ini.m_sections
    PendingOption option;
    bool haveOption = false;
    int indentLevel = 0;

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
            current = ini.m_sectionIndex.value(name, -1);
            if (current >= 0)
                warn(lineNo, QStringLiteral("section '%1' appears twice; merged").arg(name));
            else
                current = ini.appendSection(name);
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
        int item = section.keyIndex.value(key, -1);
        if (item >= 0)
            warn(lineNo,
                 QStringLiteral("option '%1' appears twice in section '%2'; the last one wins").arg(key, section.name));
        else
            item = section.append(key, QString());
        option.section = current;
        option.item = item;
        option.lines = QStringList{value.mid(delimiter + 1).trimmed()};
        haveOption = true;
    }
    flush();
    if (warnings && problems > kMaxWarnings)
        warnings->append(QStringLiteral("%1 more lines like these").arg(problems - kMaxWarnings));
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
            // configparser writes "\n" as "\n\t"; "\r" and "\r\n" end a line for its reader too, so they
            // are written the same way: a value can never start a line, hence never a section or key.
            QString v = value;
            v.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            v.replace(QLatin1Char('\r'), QLatin1Char('\n'));
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
    m_sectionIndex.clear();
    const BoundedFileRead file = BoundedFileRead::read(path, kMaxFileBytes);
    switch (file.status) {
    case BoundedFileRead::Status::Missing:
        return LoadStatus::Missing;
    case BoundedFileRead::Status::TooLarge:
    case BoundedFileRead::Status::Unreadable:
        if (error)
            *error = QCoreApplication::translate("tenantry::IniFile", "Cannot read %1: %2").arg(path, file.reason);
        return LoadStatus::IoError;
    case BoundedFileRead::Status::Ok:
        break;
    }
    QStringList warnings;
    *this = parse(file.bytes, &warnings);
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

bool IniFile::isValidSectionName(const QString& section)
{
    return !section.trimmed().isEmpty() && !hasLineBreak(section);
}

bool IniFile::isValidKey(const QString& key)
{
    // configparser's OPTCRE: the key ends at the first '=' or ':'; a line starting with '[' is a header,
    // with '#' or ';' a comment; the key is stripped.
    const QString trimmed = key.trimmed();
    return !trimmed.isEmpty() && trimmed == key && !hasLineBreak(key) && !key.contains(QLatin1Char('=')) &&
           !key.contains(QLatin1Char(':')) && !key.startsWith(QLatin1Char('[')) && !key.startsWith(QLatin1Char('#')) &&
           !key.startsWith(QLatin1Char(';'));
}

bool IniFile::isValidValue(const QString& value)
{
    // BasicInterpolation.before_set: with "%%" and every "%(name)s" taken out, no '%' may be left.
    for (qsizetype i = value.indexOf(QLatin1Char('%')); i >= 0; i = value.indexOf(QLatin1Char('%'), i)) {
        const QChar next = i + 1 < value.size() ? value.at(i + 1) : QChar();
        if (next == QLatin1Char('%')) {
            i += 2;
            continue;
        }
        const qsizetype close = next == QLatin1Char('(') ? value.indexOf(QLatin1Char(')'), i + 2) : -1;
        if (close <= i + 2 || close + 1 >= value.size() || value.at(close + 1) != QLatin1Char('s'))
            return false;
        i = close + 2;
    }
    return true;
}

bool IniFile::addSection(const QString& section)
{
    if (!isValidSectionName(section))
        return false;
    if (!find(section))
        appendSection(section);
    return true;
}

int IniFile::appendSection(const QString& section)
{
    m_sections.append(Section{section, {}, {}});
    const int index = static_cast<int>(m_sections.size()) - 1;
    m_sectionIndex.insert(section, index);
    return index;
}

int IniFile::Section::append(const QString& key, const QString& value)
{
    items.append(qMakePair(key, value));
    const int index = static_cast<int>(items.size()) - 1;
    keyIndex.insert(key, index);
    return index;
}

bool IniFile::removeSection(const QString& section)
{
    const int index = m_sectionIndex.value(section, -1);
    if (index < 0)
        return false;
    m_sections.removeAt(index);
    m_sectionIndex.clear();
    for (int i = 0; i < m_sections.size(); ++i)
        m_sectionIndex.insert(m_sections.at(i).name, i);
    return true;
}

QStringList IniFile::keys(const QString& section) const
{
    QStringList out;
    const Section* own = find(section);
    if (own) {
        for (const auto& item : own->items)
            out.append(item.first);
    }
    if (section != kDefaultSection) {
        if (const Section* defaults = find(kDefaultSection)) {
            for (const auto& item : defaults->items) {
                if (!own || !own->keyIndex.contains(item.first))
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
            if (const int item = s->keyIndex.value(lowered, -1); item >= 0)
                return s->items.at(item).second;
        }
    }
    return std::nullopt;
}

std::optional<QString> IniFile::value(const QString& section, const QString& key) const
{
    const std::optional<QString> raw = rawValue(section, key);
    if (!raw)
        return std::nullopt;
    InterpolationBudget budget{kMaxInterpolationReferences};
    const std::optional<QString> expanded = interpolate(section, *raw, 1, budget);
    if (budget.exceeded) {
        qCWarning(lcProfile).noquote() << "The value of" << key << "in section" << section
                                       << "refers to other values too often or expands too far; it is used as "
                                          "written";
        return raw;
    }
    return expanded;
}

std::optional<QString> IniFile::interpolate(const QString& section, const QString& raw, int depth,
                                            InterpolationBudget& budget) const
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
                if (--budget.referencesLeft < 0) {
                    budget.exceeded = true;
                    return raw;
                }
                const std::optional<QString> expanded = interpolate(section, *refRaw, depth + 1, budget);
                if (budget.exceeded)
                    return raw;
                out += expanded.value_or(*refRaw);
                if (out.size() > kMaxInterpolatedChars) {
                    budget.exceeded = true;
                    return raw;
                }
                i = close + 1;
                continue;
            }
        }
        // configparser raises InterpolationSyntaxError/MissingOptionError here; we keep the text as written.
        return raw;
    }
    return out;
}

bool IniFile::setValue(const QString& section, const QString& key, const QString& value)
{
    if (!isValidKey(key) || !isValidValue(value) || !addSection(section))
        return false;
    Section* s = find(section);
    const QString lowered = key.toLower();
    if (const int item = s->keyIndex.value(lowered, -1); item >= 0)
        s->items[item].second = value;
    else
        s->append(lowered, value);
    return true;
}

bool IniFile::removeKey(const QString& section, const QString& key)
{
    Section* s = find(section);
    if (!s)
        return false;
    const int item = s->keyIndex.value(key.toLower(), -1);
    if (item < 0)
        return false;
    s->items.removeAt(item);
    s->keyIndex.clear();
    for (int i = 0; i < s->items.size(); ++i)
        s->keyIndex.insert(s->items.at(i).first, i);
    return true;
}

IniFile::Section* IniFile::find(const QString& section)
{
    const int index = m_sectionIndex.value(section, -1);
    return index < 0 ? nullptr : &m_sections[index];
}

const IniFile::Section* IniFile::find(const QString& section) const
{
    const int index = m_sectionIndex.value(section, -1);
    return index < 0 ? nullptr : &m_sections.at(index);
}

} // namespace tenantry
