#include "prometheustext.h"

#include <cmath>

namespace {

QByteArray escapeLabel(const QString& value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(const QString& help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    // Whole numbers (times in seconds, byte counts) exactly; others with enough digits.
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 15);
}

} // namespace

void PrometheusText::family(const QString& name, const char* type, const QString& help)
{
    if (m_index.contains(name))
        return;
    m_index.insert(name, m_families.size());
    m_families.append(Family {name, QByteArray(type), help, {}});
}

void PrometheusText::sample(const QString& name, const Labels& labels, double value)
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return;
    QByteArray line = name.toUtf8();
    if (!labels.isEmpty()) {
        line += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                line += ',';
            line += labels.at(i).first.toUtf8() + "=\"" + escapeLabel(labels.at(i).second) + '"';
        }
        line += '}';
    }
    line += ' ' + number(value);
    m_families[*it].samples.append(line);
}

QByteArray PrometheusText::text() const
{
    QByteArray out;
    for (const Family& f : m_families) {
        if (f.samples.isEmpty())
            continue; // nothing to say (no copies, no verification yet)
        const QByteArray name = f.name.toUtf8();
        out += "# HELP " + name + ' ' + escapeHelp(f.help) + '\n';
        out += "# TYPE " + name + ' ' + f.type + '\n';
        for (const QByteArray& line : f.samples)
            out += line + '\n';
    }
    return out;
}
