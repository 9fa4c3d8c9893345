#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A plain-text table for people: a header row, left-aligned columns two spaces apart, the last column unpadded
// (so long texts do not stretch every line).
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    qsizetype rowCount() const { return m_rows.size(); }
    QString toString() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
