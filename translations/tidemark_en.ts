<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiJob</name>
    <message numerus="yes">
        <source>the answer is larger than %n MiB</source>
        <translation>
            <numerusform>the answer is larger than %n MiB</numerusform>
            <numerusform>the answer is larger than %n MiB</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiServer</name>
    <message numerus="yes">
        <source>and %n more problem(s)</source>
        <translation>
            <numerusform>and %n more problem</numerusform>
            <numerusform>and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupOperation</name>
    <message numerus="yes">
        <source>restic ran %n time(s) for this backup.</source>
        <translation>
            <numerusform>restic ran %n time for this backup.</numerusform>
            <numerusform>restic ran %n times for this backup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dumped the database of service %1 (%2, %n table(s)).</source>
        <translation>
            <numerusform>Dumped the database of service %1 (%2, %n table).</numerusform>
            <numerusform>Dumped the database of service %1 (%2, %n tables).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed path(s)</source>
        <translation>
            <numerusform>%n changed path</numerusform>
            <numerusform>%n changed paths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n database</numerusform>
            <numerusform>%n databases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message numerus="yes">
        <source>on %1 of %n copies</source>
        <translation>
            <numerusform>on %1 of %n copy</numerusform>
            <numerusform>on %1 of %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failed</source>
        <translation>
            <numerusform>%1, %n failed</numerusform>
            <numerusform>%1, %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowseDialog</name>
    <message numerus="yes">
        <source>Saved %n item(s) to %1.</source>
        <translation>
            <numerusform>Saved %n item to %1.</numerusform>
            <numerusform>Saved %n items to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n kept</source>
        <translation>
            <numerusform>%1: %n kept</numerusform>
            <numerusform>%1: %n kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n would be deleted:</source>
        <translation>
            <numerusform>, %n would be deleted:</numerusform>
            <numerusform>, %n would be deleted:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyCheck</name>
    <message numerus="yes">
        <source>Connected: the repository opens with the copy&apos;s password and holds %n snapshot(s).</source>
        <translation>
            <numerusform>Connected: the repository opens with the copy&apos;s password and holds %n snapshot.</numerusform>
            <numerusform>Connected: the repository opens with the copy&apos;s password and holds %n snapshots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The target %1 did not answer within %n second(s): the host is unreachable or too slow.</source>
        <translation>
            <numerusform>The target %1 did not answer within %n second: the host is unreachable or too slow.</numerusform>
            <numerusform>The target %1 did not answer within %n seconds: the host is unreachable or too slow.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyOperation</name>
    <message numerus="yes">
        <source>%n backup(s) copied to %1</source>
        <translation>
            <numerusform>%n backup copied to %1</numerusform>
            <numerusform>%n backups copied to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n backup(s) to %1.</source>
        <translation>
            <numerusform>Copying %n backup to %1.</numerusform>
            <numerusform>Copying %n backups to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The retention of copy %1 removes %n backup(s) from it.</source>
        <translation>
            <numerusform>The retention of copy %1 removes %n backup from it.</numerusform>
            <numerusform>The retention of copy %1 removes %n backups from it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>restic ran %n time(s) for this copy.</source>
        <translation>
            <numerusform>restic ran %n time for this copy.</numerusform>
            <numerusform>restic ran %n times for this copy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message numerus="yes">
        <source>Revoked %n API token(s) named %1.</source>
        <translation>
            <numerusform>Revoked %n API token named %1.</numerusform>
            <numerusform>Revoked %n API tokens named %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message numerus="yes">
        <source>Restore of %n path(s) of backup %1 into %2</source>
        <translation>
            <numerusform>Restore of %n path of backup %1 into %2</numerusform>
            <numerusform>Restore of %n paths of backup %1 into %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GrowthChart</name>
    <message numerus="yes">
        <source>%n measurement(s), now %1</source>
        <translation>
            <numerusform>%n measurement, now %1</numerusform>
            <numerusform>%n measurements, now %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthReporter</name>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd was not running</source>
        <translation>
            <numerusform>%n scheduled backup missed: tidemarkd was not running</numerusform>
            <numerusform>%n scheduled backups missed: tidemarkd was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation>
            <numerusform>%n scheduled backup missed: tidemarkd ran without its scheduler (--no-scheduler)</numerusform>
            <numerusform>%n scheduled backups missed: tidemarkd ran without its scheduler (--no-scheduler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed</source>
        <translation>
            <numerusform>%n scheduled backup missed</numerusform>
            <numerusform>%n scheduled backups missed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) could not be copied to %1</source>
        <translation>
            <numerusform>%n backup could not be copied to %1</numerusform>
            <numerusform>%n backups could not be copied to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message numerus="yes">
        <source>%n h</source>
        <comment>an age in hours</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message numerus="yes">
        <source>Project %1: %n backup(s) imported; environments created: %2.</source>
        <translation>
            <numerusform>Project %1: %n backup imported; environments created: %2.</numerusform>
            <numerusform>Project %1: %n backups imported; environments created: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Cancelling %n activity(ies) before quitting…</source>
        <translation>
            <numerusform>Cancelling %n activity before quitting…</numerusform>
            <numerusform>Cancelling %n activities before quitting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) still running on this computer. Quitting stops them: a backup that is stopped is not kept.</source>
        <translation>
            <numerusform>%n activity is still running on this computer. Quitting stops it: a backup that is stopped is not kept.</numerusform>
            <numerusform>%n activities are still running on this computer. Quitting stops them: a backup that is stopped is not kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %n item(s) of backup %1 into %2?</source>
        <translation>
            <numerusform>Put back %n item of backup %1 into %2?</numerusform>
            <numerusform>Put back %n items of backup %1 into %2?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show restic&apos;s own output (%n line(s))</source>
        <translation>
            <numerusform>Show restic&apos;s own output (%n line)</numerusform>
            <numerusform>Show restic&apos;s own output (%n lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MariaDbDump</name>
    <message numerus="yes">
        <source>Service %1: %n table(s) without transactions, %2, are read as they are when the dump reaches them, not at the instant of the other tables.</source>
        <translation>
            <numerusform>Service %1: %n table without transactions, %2, is read as it is when the dump reaches it, not at the instant of the other tables.</numerusform>
            <numerusform>Service %1: %n tables without transactions, %2, are read as they are when the dump reaches them, not at the instant of the other tables.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service %1: dumped %n table(s) without transactions, %2, under the read lock inside the pause in %3 ms.</source>
        <translation>
            <numerusform>Service %1: dumped %n table without transactions, %2, under the read lock inside the pause in %3 ms.</numerusform>
            <numerusform>Service %1: dumped %n tables without transactions, %2, under the read lock inside the pause in %3 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationMessage</name>
    <message numerus="yes">
        <source>The backup schedule of %1 missed %n run(s); a backup has been started now.</source>
        <translation>
            <numerusform>The backup schedule of %1 missed %n run; a backup has been started now.</numerusform>
            <numerusform>The backup schedule of %1 missed %n runs; a backup has been started now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message numerus="yes">
        <source>Sending a test message to %n target(s)…</source>
        <translation>
            <numerusform>Sending a test message to %n target…</numerusform>
            <numerusform>Sending a test message to %n targets…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n while tidemarkd was not running</source>
        <translation>
            <numerusform>%n while tidemarkd was not running</numerusform>
            <numerusform>%n while tidemarkd was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n while tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation>
            <numerusform>%n while tidemarkd ran without its scheduler (--no-scheduler)</numerusform>
            <numerusform>%n while tidemarkd ran without its scheduler (--no-scheduler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not taken or failed while tidemarkd ran</source>
        <translation>
            <numerusform>%n not taken or failed while tidemarkd ran</numerusform>
            <numerusform>%n not taken or failed while tidemarkd ran</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyEditorPage</name>
    <message numerus="yes">
        <source>%n automated</source>
        <translation>
            <numerusform>%n automated</numerusform>
            <numerusform>%n automated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manual</source>
        <translation>
            <numerusform>%n manual</numerusform>
            <numerusform>%n manual</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n protected</source>
        <translation>
            <numerusform>%n protected</numerusform>
            <numerusform>%n protected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: at least %n backup(s)</source>
        <translation>
            <numerusform>Steady state: at least %n backup</numerusform>
            <numerusform>Steady state: at least %n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: %n backup(s)</source>
        <translation>
            <numerusform>Steady state: %n backup</numerusform>
            <numerusform>Steady state: %n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the sizes newly stored by %n current backup(s): one full copy (%1, the largest) plus %2 for each further backup (the mean of the others).</source>
        <translation>
            <numerusform>Storage estimated from the size newly stored by %n current backup: one full copy (%1, the largest) plus %2 for each further backup (the mean of the others).</numerusform>
            <numerusform>Storage estimated from the sizes newly stored by %n current backups: one full copy (%1, the largest) plus %2 for each further backup (the mean of the others).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the logical sizes of %n current backup(s) (mean %1 each), without deduplication or compression: an upper bound.</source>
        <translation>
            <numerusform>Storage estimated from the logical size of %n current backup (mean %1 each), without deduplication or compression: an upper bound.</numerusform>
            <numerusform>Storage estimated from the logical sizes of %n current backups (mean %1 each), without deduplication or compression: an upper bound.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewReport</name>
    <message numerus="yes">
        <source>Now %1: %n kept</source>
        <translation>
            <numerusform>Now %1: %n kept</numerusform>
            <numerusform>Now %1: %n kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n deleted.</source>
        <translation>
            <numerusform>, %n deleted.</numerusform>
            <numerusform>, %n deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResticJob</name>
    <message numerus="yes">
        <source>restic %1 did not finish within %n second(s) and was stopped.</source>
        <translation>
            <numerusform>restic %1 did not finish within %n second and was stopped.</numerusform>
            <numerusform>restic %1 did not finish within %n seconds and was stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%n file(s) removed since the backup come back</source>
        <translation>
            <numerusform>%n file removed since the backup comes back</numerusform>
            <numerusform>%n files removed since the backup come back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) are put back as they were</source>
        <translation>
            <numerusform>%n changed file is put back as it was</numerusform>
            <numerusform>%n changed files are put back as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added since are removed</source>
        <translation>
            <numerusform>%n file added since is removed</numerusform>
            <numerusform>%n files added since are removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreOperation</name>
    <message numerus="yes">
        <source>%n directories</source>
        <translation>
            <numerusform>%n directory</numerusform>
            <numerusform>%n directories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n databases</source>
        <translation>
            <numerusform>%n database</numerusform>
            <numerusform>%n databases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionReasons</name>
    <message numerus="yes">
        <source>kept as one of %n manual backup(s)</source>
        <translation>
            <numerusform>kept as the only manual backup</numerusform>
            <numerusform>kept as one of %n manual backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the %n manual backup(s) kept</source>
        <translation>
            <numerusform>beyond the %n manual backup kept</numerusform>
            <numerusform>beyond the %n manual backups kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the limit of %n backup(s) in all</source>
        <translation>
            <numerusform>beyond the limit of %n backup in all</numerusform>
            <numerusform>beyond the limit of %n backups in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionTimeline</name>
    <message numerus="yes">
        <source>Backups kept now: %n.</source>
        <translation>
            <numerusform>Backups kept now: %n.</numerusform>
            <numerusform>Backups kept now: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Simulated until %1: %n new automated backup(s); kept at the end: %2.</source>
        <translation>
            <numerusform>Simulated until %1: %n new automated backup; kept at the end: %2.</numerusform>
            <numerusform>Simulated until %1: %n new automated backups; kept at the end: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Until %1: %n real backup(s) kept</source>
        <translation>
            <numerusform>Until %1: %n real backup kept</numerusform>
            <numerusform>Until %1: %n real backups kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted when applied</source>
        <translation>
            <numerusform>%n deleted when applied</numerusform>
            <numerusform>%n deleted when applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new simulated</source>
        <translation>
            <numerusform>%n new simulated</numerusform>
            <numerusform>%n new simulated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleDraftModel</name>
    <message numerus="yes">
        <source>hour(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>hour</numerusform>
            <numerusform>hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteCopy</name>
    <message numerus="yes">
        <source>The copy of %1 to %2 was given up: a database stayed locked by another connection for %n second(s).</source>
        <translation>
            <numerusform>The copy of %1 to %2 was given up: a database stayed locked by another connection for %n second.</numerusform>
            <numerusform>The copy of %1 to %2 was given up: a database stayed locked by another connection for %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyOperation</name>
    <message numerus="yes">
        <source>The test restore of backup %1 of %2 differs from the snapshot in %n place(s): %3</source>
        <translation>
            <numerusform>The test restore of backup %1 of %2 differs from the snapshot in %n place: %3</numerusform>
            <numerusform>The test restore of backup %1 of %2 differs from the snapshot in %n places: %3</numerusform>
        </translation>
    </message>
</context>
</TS>
