#include "progressprinter.h"

#include <QTextStream>

namespace {

constexpr int kBarWidth = 30;
// Plain lines only every few percent, so a long backup does not write a hundred lines into a cron mail.
constexpr int kPlainStep = 5;

} // namespace

ProgressPrinter::ProgressPrinter(QTextStream& stream, bool terminal, QString label)
    : m_stream(stream)
    , m_terminal(terminal)
    , m_label(std::move(label))
{ }

void ProgressPrinter::setProgress(int percent)
{
    percent = std::clamp(percent, 0, 100);
    if (percent == m_percent)
        return;
    m_percent = percent;
    if (m_terminal) {
        drawBar();
        return;
    }
    if (m_printedPercent >= 0 && percent < m_printedPercent + kPlainStep && percent != 100)
        return;
    m_printedPercent = percent;
    m_stream << m_label << QLatin1String(": ") << percent << QLatin1String("%\n");
    m_stream.flush();
}

void ProgressPrinter::addLogLine(const QString& line)
{
    clearBar();
    m_stream << line << QLatin1Char('\n');
    if (m_terminal && m_percent >= 0)
        drawBar();
    m_stream.flush();
}

void ProgressPrinter::finish()
{
    clearBar();
    m_stream.flush();
}

void ProgressPrinter::drawBar()
{
    const int filled = m_percent * kBarWidth / 100;
    // "\r" returns to the start of the line and "\x1b[K" erases what a longer previous bar left behind.
    m_stream << QLatin1String("\r[") << QString(filled, QLatin1Char('#'))
             << QString(kBarWidth - filled, QLatin1Char('.')) << QLatin1String("] ")
             << QString::number(m_percent).rightJustified(3) << QLatin1String("%  ") << m_label
             << QLatin1String("\x1b[K");
    m_stream.flush();
    m_barShown = true;
}

void ProgressPrinter::clearBar()
{
    if (!m_barShown)
        return;
    m_stream << QLatin1String("\r\x1b[K");
    m_barShown = false;
}
