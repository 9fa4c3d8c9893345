#include "texttable.h"

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{ }

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

QString TextTable::toString() const
{
    QList<qsizetype> widths;
    for (const QString& header : m_headers)
        widths.append(header.size());
    for (const QStringList& row : m_rows) {
        for (qsizetype c = 0; c + 1 < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    // An explicit QString: with QT_USE_QSTRINGBUILDER a deduced return type would be a builder referring to `out`.
    const auto line = [&](const QStringList& cells) -> QString {
        QString out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c + 1 < cells.size())
                out += cells.at(c).leftJustified(widths.value(c)) + QLatin1String("  ");
            else
                out += cells.at(c);
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        return out + QLatin1Char('\n');
    };
    QString text = line(m_headers);
    for (const QStringList& row : m_rows)
        text += line(row);
    return text;
}
