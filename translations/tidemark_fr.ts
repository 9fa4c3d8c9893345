<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Activity</name>
    <message>
        <source>must be a number from 0 to 100, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of environment names, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiObjectReader</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (an RFC 3339 date-time like 2026-11-26T04:00:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known value (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiServer</name>
    <message>
        <source>There is nothing at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An access token is required (Authorization: Bearer …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token is unknown or has expired; exchange the API token again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed here; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewers cannot %1; an admin API token is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grant_type must be api_token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token is not known to this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name (lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment type (production, staging or development)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;active&quot; or &quot;inactive&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; still has backups; delete them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment could not be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activate environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is busy; try again when its activity has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 1000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the string &quot;true&quot; or &quot;false&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an integer from 1 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a state (pending, in_progress, complete or cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not supported by a local server (restore into an existing environment with environment_name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>must be a string (attributes are text), not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupOperation</name>
    <message>
        <source>Taking a consistent backup of %1 (the environment pauses briefly).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a live backup of %1 (no pause).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment %1 has no local descriptor: nothing to back up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code path of %1 is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mount %1 of %2 is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database of service %1 of %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staging directory could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup repository is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code is at commit %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code path is not a git work tree; no commit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git is not available; no commit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment has no pause hook; backing up without pausing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database could not be copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the database of service %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Storing the code, %n mount(s) and the database copies in the repository.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>restic could not store the backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 files (%2 new, %3 changed); %4 bytes added to the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be read; the backup is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment has no resume hook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed the environment after a pause of %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup ended unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 %2: cannot read the file (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview offline which backups a retention policy keeps and deletes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One data_retention entry (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An array of Backup objects (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time to plan at (RFC 3339); default: the current time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: table (default) or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention:preview takes no arguments besides its options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--policy: is required (a file with one data_retention entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--backups: is required (a file with an array of backups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not a format (use table or json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--now: &apos;%1&apos; is not an RFC 3339 date-time (like 2026-11-26T12:00:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tidemark-cli COMMAND [OPTIONS]

Commands:
  retention:preview --policy FILE --backups FILE [--now TIME] [--format json]
      Preview offline which backups a retention policy keeps and deletes.

Run &apos;tidemark-cli COMMAND --help&apos; for the options of a command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemark-cli: &apos;%1&apos; is not a command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message>
        <source>The Tidemark backup server.

  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo]
  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the database and repositories live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:8421; port 0 picks a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the demo project on first start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of a new API token: admin or viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of a new API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: token create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir: is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command (the only one is: token create)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen: &apos;%1&apos; is not HOST:PORT (for example 127.0.0.1:8421)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteOperation</name>
    <message>
        <source>Deleting backup %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic could not forget the snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot fill the demo database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the demo database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the demo project: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Environment &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is inactive; activate it before backing it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual backups are disabled for %1 environments (manual_count is 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistent backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity could not be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is being deleted and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is inactive; activate it before restoring into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is busy with another activity; restore when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of backup %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of the data of backup %1 into %2 (code unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is protected; unprotect it before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is already being deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of backup %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; cannot be cancelled now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this activity works on no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted by the retention policy: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd stopped while this activity was running; it did not complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: tidemarkd stopped while this activity was running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{&quot;name&quot;, &quot;path&quot;} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{&quot;name&quot;, &quot;kind&quot;, &quot;path&quot;} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported kind of service (only &quot;sqlite&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HookRunner</name>
    <message>
        <source>The %1 hook did not finish within %2 s and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 hook failed (exit status %2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 hook could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonDocument</name>
    <message>
        <source>an object is not closed with &apos;}&apos; or a &apos;,&apos; is missing between members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;:&apos; is missing after a member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array is not closed with &apos;]&apos; or a &apos;,&apos; is missing between values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;,&apos; is missing between values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is missing or not valid JSON (a trailing comma?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text ends inside a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string has an invalid escape sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string is not closed with &apos;&quot;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is missing here (a trailing comma?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is more text after the end of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; a JSON document was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonRead</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an integer from %1 to %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an RFC 3339 date-time (like 2026-11-26T04:00:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an RFC 3339 date-time string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known field (expected one of: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tidemark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server connection is configured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tidemark %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Backups and restores of hosting environments, under retention policies that you preview before anything is deleted.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewReport</name>
    <message>
        <source>must be an array of backups, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the string &quot;true&quot; or &quot;false&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Now %1: %n kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectSettings</name>
    <message>
        <source>is not a setting that can be changed here (only data_retention can be changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment type (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResticJob</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 stopped unexpectedly: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic backup finished without naming a snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be read and are missing from the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not learn the full id of snapshot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot %1, saved before the cancel, could not be forgotten: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the lock the stopped restic run left behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic printed a repository config that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic printed a snapshot list that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read restic&apos;s version from &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 is too old: Tidemark needs restic %2 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic could not open the repository %1: wrong password or no key found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no restic repository at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 is locked by another restic process: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 found no such snapshot: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 failed with exit code %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 failed with exit code %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>restic %1 did not finish within %n second(s) and was stopped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>restic %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResticRepository</name>
    <message>
        <source>The repository %1 has no password file configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file %1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the password file into place at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 exists but its password file %2 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; is empty or contains a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a snapshot id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup root &quot;%1&quot; is not a directory given by its absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup needs at least one path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup path &quot;%1&quot; is not inside the backup root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore needs a target directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path inside the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot to forget was named.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreOperation</name>
    <message>
        <source>Environment %1 has no local descriptor: nothing to restore into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore code is off: the code of %1 stays as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment %1 has no mount named %2; that mount is not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment %1 has no service named %2; that database is not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot be restored: its place in %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n part(s) and %1 database(s) into %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the database copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic could not restore the backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not contain the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup does not contain the database of service %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be put in place; the environment is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database could not be written back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the database of service %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 with its code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the data of %1 (code unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore ended unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPolicy</name>
    <message>
        <source>must be an array of {&quot;interval&quot;, &quot;count&quot;} objects, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 schedules; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (for example &quot;1d&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string like &quot;1d&quot; or &quot;6h&quot;, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (an integer from %1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already used by schedule[%2]; each interval may appear once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an integer from %1 to %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an interval (use a number and one of h, d, w, M, y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number in an interval must be from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteCopy</name>
    <message>
        <source>The database %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be copied onto itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start copying %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The copy of %1 to %2 was given up: a database stayed locked by another connection for %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not copy the database %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TidemarkServer</name>
    <message>
        <source>--data-dir: is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir: cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 (is the port in use?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--role: &apos;%1&apos; is not a role (admin or viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name: is required (who or what the token is for)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
