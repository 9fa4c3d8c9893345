#pragma once

#include "domain/problem.h"
#include "retentionplan.h"

#include <QList>

class QIODevice;

// Reads the backups file of `retention:preview` (an array of Backup objects) in one pass through a small window
// instead of a QJsonDocument of the whole file, keeping only what the planner reads, so a million backups cost tens
// of megabytes, not gigabytes. The outcome, problems included, is exactly that of JsonDocument::parse followed by
// PreviewReport::decodeBackups on the whole text: an element the scanner is not sure about (escapes, non-ASCII
// text, unusual numbers, duplicate keys, a problem to report) is decoded by Qt and PreviewReport themselves, and a
// syntax error sends the whole file through that old path for its line-and-column message.
class BackupArrayReader
{
public:
    struct Stats
    {
        qsizetype scanned = 0; // elements decoded by the scanner alone
        qsizetype viaQt = 0; // elements handed to QJsonDocument and PreviewReport::decodeBackup
        bool wholeDocument = false; // the whole file went through the old path
    };

    // `device` must be open and readable, positioned at its start. A sequential one (a pipe) is read whole first.
    explicit BackupArrayReader(QIODevice& device);

    Decoded<QList<RetentionBackup>> read();
    // How the last read() went; tests use it to prove the scanner really decoded what it should.
    Stats stats() const { return m_stats; }

private:
    std::optional<Decoded<QList<RetentionBackup>>> scan();

    QIODevice& m_device;
    Stats m_stats;
};
