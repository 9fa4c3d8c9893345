#pragma once

#include <QString>

class QTextStream;

// Shows a followed activity on stderr: on a terminal a bar redrawn in place, otherwise plain lines
// ("backup of main: 45%") that read well in the mail of a cron job. Log lines go between them.
class ProgressPrinter
{
public:
    ProgressPrinter(QTextStream& stream, bool terminal, QString label);

    void setProgress(int percent);
    void addLogLine(const QString& line);
    // Removes the bar (on a terminal) so the result line starts on a clean line.
    void finish();

private:
    void drawBar();
    void clearBar();

    QTextStream& m_stream;
    bool m_terminal = false;
    QString m_label;
    int m_percent = -1;
    int m_printedPercent = -1;
    bool m_barShown = false;
};
