#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

// Writes the Prometheus text exposition format (version 0.0.4): each metric family once, with its HELP and TYPE,
// and its samples together, whatever order they were added in; label values escaped.
class PrometheusText
{
public:
    using Labels = QList<QPair<QString, QString>>;

    static constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Declares a family ("gauge" or "counter"); samples of undeclared families are not written.
    void family(const QString& name, const char* type, const QString& help);
    void sample(const QString& name, const Labels& labels, double value);

    QByteArray text() const;

private:
    struct Family
    {
        QString name;
        QByteArray type;
        QString help;
        QList<QByteArray> samples;
    };
    QList<Family> m_families;
    QHash<QString, qsizetype> m_index;
};
