<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Activity</name>
    <message>
        <source>must be a number from 0 to 100, not %1</source>
        <translation>muss eine Zahl von 0 bis 100 sein, nicht %1</translation>
    </message>
    <message>
        <source>must be an array of environment names, not %1</source>
        <translation>muss ein Array von Umgebungsnamen sein, nicht %1</translation>
    </message>
    <message>
        <source>must be an array of commands, not %1</source>
        <translation>muss ein Array von Befehlen sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>ActivityDelegate</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fertig: %1</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <source>Started %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>dem Projekt</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>Backup von %1</translation>
    </message>
    <message>
        <source>Restore of %1</source>
        <translation>Wiederherstellung von %1</translation>
    </message>
    <message>
        <source>Deletion of a backup of %1</source>
        <translation>Löschen eines Backups von %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Automated backup of %1</source>
        <translation>Automatisches Backup von %1</translation>
    </message>
    <message>
        <source>Consistent backup of %1</source>
        <translation>Konsistentes Backup von %1</translation>
    </message>
    <message>
        <source>Live backup of %1</source>
        <translation>Live-Backup von %1</translation>
    </message>
    <message>
        <source>Restore of backup %1 into %2</source>
        <translation>Wiederherstellung des Backups %1 in %2</translation>
    </message>
    <message>
        <source>Restore of the data of backup %1 into %2 (code unchanged)</source>
        <translation>Wiederherstellung der Daten des Backups %1 in %2 (Code unverändert)</translation>
    </message>
    <message>
        <source>Deletion of backup %1 of %2</source>
        <translation>Löschen des Backups %1 von %2</translation>
    </message>
    <message>
        <source>Resume of %1 after the server stopped while it was paused</source>
        <translation>Fortsetzen von %1, nachdem der Server während der Pause angehalten wurde</translation>
    </message>
    <message>
        <source>(%1)</source>
        <comment>how long the step took</comment>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>is not a list</source>
        <translation>ist keine Liste</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is missing; the server may not support dry runs and may have applied the change</source>
        <translation>fehlt; der Server unterstützt möglicherweise keine Probeläufe und hat die Änderung eventuell schon angewendet</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (und %n weitere Meldung)</numerusform>
            <numerusform> (und %n weitere Meldungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Cannot reach %1.</source>
        <translation>%1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server did not answer within %1 s.</source>
        <translation>Der Server hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>dem Server</translation>
    </message>
    <message>
        <source>The API token was not accepted by %1. Check the token and the token URL of the connection.</source>
        <translation>Das API-Token wurde von %1 nicht akzeptiert. Prüfen Sie das Token und die Token-URL der Verbindung.</translation>
    </message>
    <message>
        <source>The API token was not accepted by %1 (%2). Check the token and the token URL of the connection.</source>
        <translation>Das API-Token wurde von %1 nicht akzeptiert (%2). Prüfen Sie das Token und die Token-URL der Verbindung.</translation>
    </message>
    <message>
        <source>The server rejected the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server did not accept the credentials.</source>
        <translation>Der Server hat die Anmeldedaten nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The server did not accept the credentials: %1</source>
        <translation>Der Server hat die Anmeldedaten nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Dazu sind Sie nicht berechtigt: %1</translation>
    </message>
    <message>
        <source>The server does not know what was asked for.</source>
        <translation>Der Server kennt das Angefragte nicht.</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The server does not support this request.</source>
        <translation>Der Server unterstützt diese Anfrage nicht.</translation>
    </message>
    <message>
        <source>The server does not support this request: %1</source>
        <translation>Der Server unterstützt diese Anfrage nicht: %1</translation>
    </message>
    <message>
        <source>This is not possible right now.</source>
        <translation>Das ist gerade nicht möglich.</translation>
    </message>
    <message>
        <source>This is not possible right now: %1</source>
        <translation>Das ist gerade nicht möglich: %1</translation>
    </message>
    <message>
        <source>The request is too large for the server.</source>
        <translation>Die Anfrage ist zu groß für den Server.</translation>
    </message>
    <message>
        <source>The request is too large for the server: %1</source>
        <translation>Die Anfrage ist zu groß für den Server: %1</translation>
    </message>
    <message>
        <source>The server is busy; try again later.</source>
        <translation>Der Server ist ausgelastet; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server is busy; try again later: %1</source>
        <translation>Der Server ist ausgelastet; versuchen Sie es später erneut: %1</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (HTTP %1).</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1): %2</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server hat mit HTTP-Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1: %2</source>
        <translation>Der Server hat mit HTTP-Status %1 geantwortet: %2</translation>
    </message>
</context>
<context>
    <name>ApiJob</name>
    <message>
        <source>the client is shutting down</source>
        <translation>der Client wird beendet</translation>
    </message>
    <message numerus="yes">
        <source>the answer is larger than %n MiB</source>
        <translation>
            <numerusform>die Antwort ist größer als %n MiB</numerusform>
            <numerusform>die Antwort ist größer als %n MiB</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiObjectReader</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is required (an RFC 3339 date-time like 2026-11-26T04:00:00Z)</source>
        <translation>ist erforderlich (ein Zeitpunkt nach RFC 3339 wie 2026-11-26T04:00:00Z)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known value (expected one of: %2)</source>
        <translation>&apos;%1&apos; ist kein bekannter Wert (erwartet wird einer von: %2)</translation>
    </message>
    <message>
        <source>must be a string (attributes are text), not %1</source>
        <translation>muss eine Zeichenkette sein (Attribute sind Text), nicht %1</translation>
    </message>
</context>
<context>
    <name>ApiServer</name>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Unter dieser Adresse gibt es nichts.</translation>
    </message>
    <message>
        <source>An access token is required (Authorization: Bearer …).</source>
        <translation>Ein Zugriffstoken ist erforderlich (Authorization: Bearer …).</translation>
    </message>
    <message>
        <source>The access token is unknown or has expired; exchange the API token again.</source>
        <translation>Das Zugriffstoken ist unbekannt oder abgelaufen; tauschen Sie das API-Token erneut ein.</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use %2.</source>
        <translation>%1 ist hier nicht erlaubt; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>Viewers cannot %1; an admin API token is needed.</source>
        <translation>Das %1 ist Betrachtern nicht erlaubt; dafür ist ein Admin-API-Token nötig.</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; does not exist.</source>
        <translation>Das Projekt &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>grant_type must be api_token.</source>
        <translation>grant_type muss api_token sein.</translation>
    </message>
    <message>
        <source>The API token is not known to this server.</source>
        <translation>Dieses API-Token ist dem Server nicht bekannt.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; does not exist.</source>
        <translation>Die Umgebung &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>create environments</source>
        <translation>Anlegen von Umgebungen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name (lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63)</source>
        <translation>&apos;%1&apos; ist kein gültiger Name (Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, höchstens 63 Zeichen)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment type (production, staging or development)</source>
        <translation>&apos;%1&apos; ist kein Umgebungstyp (production, staging oder development)</translation>
    </message>
    <message>
        <source>must be &quot;active&quot; or &quot;inactive&quot;</source>
        <translation>muss &quot;active&quot; oder &quot;inactive&quot; sein</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; already exists.</source>
        <translation>Die Umgebung &apos;%1&apos; existiert bereits.</translation>
    </message>
    <message>
        <source>The environment could not be saved.</source>
        <translation>Die Umgebung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>change environments</source>
        <translation>Ändern von Umgebungen</translation>
    </message>
    <message>
        <source>delete environments</source>
        <translation>Löschen von Umgebungen</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; still has backups; delete them first.</source>
        <translation>Die Umgebung &apos;%1&apos; hat noch Backups; löschen Sie diese zuerst.</translation>
    </message>
    <message>
        <source>The environment could not be deleted.</source>
        <translation>Die Umgebung konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>activate environments</source>
        <translation>Aktivieren von Umgebungen</translation>
    </message>
    <message>
        <source>deactivate environments</source>
        <translation>Deaktivieren von Umgebungen</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is busy; try again when its activity has ended.</source>
        <translation>Die Umgebung &apos;%1&apos; ist beschäftigt; versuchen Sie es erneut, wenn ihre Aktivität beendet ist.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; does not exist.</source>
        <translation>Das Backup &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>change backups</source>
        <translation>Ändern von Backups</translation>
    </message>
    <message>
        <source>is longer than 1000 characters</source>
        <translation>ist länger als 1000 Zeichen</translation>
    </message>
    <message>
        <source>must be the string &quot;true&quot; or &quot;false&quot;</source>
        <translation>muss die Zeichenkette &quot;true&quot; oder &quot;false&quot; sein</translation>
    </message>
    <message>
        <source>The backup could not be saved.</source>
        <translation>Das Backup konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>must be an integer from 1 to 1000</source>
        <translation>muss eine ganze Zahl von 1 bis 1000 sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a state (pending, in_progress, complete or cancelled)</source>
        <translation>&apos;%1&apos; ist kein Zustand (pending, in_progress, complete oder cancelled)</translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; does not exist.</source>
        <translation>Die Aktivität &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>create backups</source>
        <translation>Anlegen von Backups</translation>
    </message>
    <message>
        <source>restore backups</source>
        <translation>Wiederherstellen von Backups</translation>
    </message>
    <message>
        <source>is not supported by a local server (restore into an existing environment with environment_name)</source>
        <translation>wird von einem lokalen Server nicht unterstützt (stellen Sie mit environment_name in eine bestehende Umgebung wieder her)</translation>
    </message>
    <message>
        <source>delete backups</source>
        <translation>Löschen von Backups</translation>
    </message>
    <message>
        <source>cancel activities</source>
        <translation>Abbrechen von Aktivitäten</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>Ändern von Einstellungen</translation>
    </message>
    <message>
        <source>The settings could not be saved.</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a result (success or failure)</source>
        <translation>&apos;%1&apos; ist kein Ergebnis (success oder failure)</translation>
    </message>
    <message>
        <source>The body is neither a form nor a JSON object.</source>
        <translation>Der Inhalt ist weder ein Formular noch ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>must be one of backup, parent, default or minimum (or null)</source>
        <translation>muss backup, parent, default oder minimum sein (oder null)</translation>
    </message>
    <message>
        <source>(hook output hidden from viewers)</source>
        <translation>(Ausgabe des Hooks für Betrachter verborgen)</translation>
    </message>
    <message>
        <source>(hidden from viewers)</source>
        <translation>(für Betrachter verborgen)</translation>
    </message>
    <message>
        <source>Pause and resume hooks are shell commands that tidemarkd runs, so this server takes them only from its own files (tidemarkd --data-dir DIR hooks set …), not through the API. Start it with --allow-api-hooks to allow them here.</source>
        <translation>Pause- und Fortsetzungs-Hooks sind Shell-Befehle, die tidemarkd ausführt; dieser Server nimmt sie daher nur aus seinen eigenen Dateien an (tidemarkd --data-dir DIR hooks set …), nicht über die API. Starten Sie ihn mit --allow-api-hooks, um sie hier zu erlauben.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; has an activity pending or running; delete it when that has ended.</source>
        <translation>Für die Umgebung &apos;%1&apos; steht eine Aktivität an oder läuft; löschen Sie sie, wenn diese beendet ist.</translation>
    </message>
    <message>
        <source>list API tokens</source>
        <translation>API-Tokens auflisten</translation>
    </message>
    <message>
        <source>create API tokens</source>
        <translation>API-Tokens erstellen</translation>
    </message>
    <message>
        <source>must be 1 to 200 characters</source>
        <translation>muss 1 bis 200 Zeichen lang sein</translation>
    </message>
    <message>
        <source>must be &quot;admin&quot; or &quot;viewer&quot;</source>
        <translation>muss &quot;admin&quot; oder &quot;viewer&quot; sein</translation>
    </message>
    <message>
        <source>The API token could not be created.</source>
        <translation>Das API-Token konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>revoke API tokens</source>
        <translation>API-Tokens widerrufen</translation>
    </message>
    <message>
        <source>The API token could not be revoked.</source>
        <translation>Das API-Token konnte nicht widerrufen werden.</translation>
    </message>
    <message>
        <source>There is no API token named &apos;%1&apos;.</source>
        <translation>Es gibt kein API-Token namens &apos;%1&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more problem(s)</source>
        <translation>
            <numerusform>und %n weiteres Problem</numerusform>
            <numerusform>und %n weitere Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>undo restores</source>
        <translation>Wiederherstellungen rückgängig machen</translation>
    </message>
    <message>
        <source>has no stored value; give it as {&quot;%1&quot;: &quot;value&quot;}</source>
        <translation>hat keinen gespeicherten Wert; geben Sie ihn als {&quot;%1&quot;: &quot;value&quot;} an</translation>
    </message>
    <message>
        <source>The credentials of copy &apos;%1&apos; could not be stored.</source>
        <translation>Die Zugangsdaten der Kopie &apos;%1&apos; konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>must be an array of paths inside the backup</source>
        <translation>muss ein Array von Pfaden innerhalb des Backups sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a part or a path inside one</source>
        <translation>&apos;%1&apos; ist weder ein Teil noch ein Pfad innerhalb eines Teils</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a path inside a part; list it under paths</source>
        <translation>&apos;%1&apos; ist ein Pfad innerhalb eines Teils; führen Sie ihn unter paths auf</translation>
    </message>
    <message>
        <source>give parts or paths, not both</source>
        <translation>geben Sie Teile oder Pfade an, nicht beides</translation>
    </message>
    <message>
        <source>lists code, but restore_code is false</source>
        <translation>führt code auf, aber restore_code ist false</translation>
    </message>
    <message>
        <source>is code, but restore_code is false</source>
        <translation>gehört zu code, aber restore_code ist false</translation>
    </message>
    <message>
        <source>is inside (or the same as) paths[%1]</source>
        <translation>liegt innerhalb von paths[%1] (oder ist identisch damit)</translation>
    </message>
    <message>
        <source>environment_name: environment &apos;%1&apos; is inactive; activate it before restoring into it.</source>
        <translation>environment_name: Die Umgebung &apos;%1&apos; ist inaktiv; aktivieren Sie sie, bevor Sie in sie wiederherstellen.</translation>
    </message>
    <message>
        <source>is inactive</source>
        <translation>ist inaktiv</translation>
    </message>
    <message>
        <source>The backup could not be read.</source>
        <translation>Das Backup konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a link in the backup that points outside the environment (to %2); it is not restored</source>
        <translation>&apos;%1&apos; ist im Backup ein Link, der aus der Umgebung hinaus zeigt (auf %2); er wird nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in backup %2</source>
        <translation>&apos;%1&apos; ist nicht in Backup %2 enthalten</translation>
    </message>
    <message>
        <source>The backup could not be read (%1).</source>
        <translation>Das Backup konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>restic ls of backup %1</source>
        <translation>restic ls von Backup %1</translation>
    </message>
    <message>
        <source>path: &apos;%1&apos; is not in backup %2.</source>
        <translation>path: &apos;%1&apos; ist nicht in Backup %2 enthalten.</translation>
    </message>
    <message>
        <source>is not in this backup</source>
        <translation>ist nicht in diesem Backup enthalten</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2, not a folder; download it with files/content</source>
        <translation>&apos;%1&apos; ist vom Typ %2, kein Ordner; laden Sie es mit files/content herunter</translation>
    </message>
    <message>
        <source>is required: the file or folder inside the backup</source>
        <translation>ist erforderlich: die Datei oder der Ordner innerhalb des Backups</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a group of parts; download one part, folder or file</source>
        <translation>&apos;%1&apos; bezeichnet eine Gruppe von Teilen; laden Sie einen einzelnen Teil, Ordner oder eine Datei herunter</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a database, not a folder; download it with files/content</source>
        <translation>&apos;%1&apos; ist eine Datenbank, kein Ordner; laden Sie sie mit files/content herunter</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2, not a file; %3</source>
        <translation>&apos;%1&apos; ist vom Typ %2, keine Datei; %3</translation>
    </message>
    <message>
        <source>download a folder with files/archive</source>
        <translation>laden Sie einen Ordner mit files/archive herunter</translation>
    </message>
    <message>
        <source>only files can be downloaded</source>
        <translation>nur Dateien können heruntergeladen werden</translation>
    </message>
    <message>
        <source>is required: current, or the id of another backup</source>
        <translation>ist erforderlich: current oder die ID eines anderen Backups</translation>
    </message>
    <message>
        <source>against: backup &apos;%1&apos; does not exist.</source>
        <translation>against: Backup &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>is not a backup of this project</source>
        <translation>ist kein Backup dieses Projekts</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a database; compare the backup as a whole or a part of files</source>
        <translation>&apos;%1&apos; ist eine Datenbank; vergleichen Sie das Backup als Ganzes oder einen Teil mit Dateien</translation>
    </message>
    <message>
        <source>restic diff of backup %1</source>
        <translation>restic diff von Backup %1</translation>
    </message>
    <message>
        <source>verify repositories</source>
        <translation>Repositorys überprüfen</translation>
    </message>
    <message>
        <source>repository: there is no repository called &apos;%1&apos;.</source>
        <translation>repository: Es gibt kein Repository namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>read a repository&apos;s password</source>
        <translation>das Passwort eines Repositorys lesen</translation>
    </message>
    <message>
        <source>The %1 repository has no password yet: it is created by its first backup or copy.</source>
        <translation>Das Repository %1 hat noch kein Passwort: Es wird durch sein erstes Backup oder seine erste Kopie angelegt.</translation>
    </message>
    <message>
        <source>acknowledge a repository&apos;s password</source>
        <translation>das Passwort eines Repositorys bestätigen</translation>
    </message>
    <message>
        <source>The acknowledgement could not be recorded.</source>
        <translation>Die Bestätigung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; was deleted meanwhile.</source>
        <translation>Die Umgebung „%1“ wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>check copy targets</source>
        <translation>Kopieziele prüfen</translation>
    </message>
    <message>
        <source>name: there is no copy called &apos;%1&apos;.</source>
        <translation>name: Es gibt keine Kopie namens „%1“.</translation>
    </message>
    <message>
        <source>names no saved copy; give its repository instead</source>
        <translation>bezeichnet keine gespeicherte Kopie; geben Sie stattdessen ihr Repository an</translation>
    </message>
    <message>
        <source>is required (or the name of a saved copy)</source>
        <translation>ist erforderlich (oder der Name einer gespeicherten Kopie)</translation>
    </message>
    <message>
        <source>gives names without values; a copy that is not saved needs the values</source>
        <translation>enthält Namen ohne Werte; eine nicht gespeicherte Kopie benötigt die Werte</translation>
    </message>
    <message>
        <source>There is nothing at this address; the metrics are at /metrics.</source>
        <translation>Unter dieser Adresse gibt es nichts; die Metriken liegen unter /metrics.</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use GET.</source>
        <translation>%1 ist hier nicht erlaubt; verwenden Sie GET.</translation>
    </message>
    <message>
        <source>has no stored URL that it stands for; give the full URL</source>
        <translation>steht für keine gespeicherte URL; geben Sie die vollständige URL an</translation>
    </message>
    <message>
        <source>has no stored password; give the password itself</source>
        <translation>hat kein gespeichertes Passwort; geben Sie das Passwort selbst an</translation>
    </message>
    <message>
        <source>must be starttls or tls when a password is stored (it would travel in the clear)</source>
        <translation>muss starttls oder tls sein, wenn ein Passwort gespeichert ist (es würde sonst im Klartext übertragen)</translation>
    </message>
    <message>
        <source>The secrets of notification target &apos;%1&apos; could not be stored.</source>
        <translation>Die Geheimnisse des Benachrichtigungsziels „%1“ konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This server sends no notifications.</source>
        <translation>Dieser Server versendet keine Benachrichtigungen.</translation>
    </message>
    <message>
        <source>send test notifications</source>
        <translation>Testbenachrichtigungen senden</translation>
    </message>
    <message>
        <source>The body must be empty: the test goes to every notification target.</source>
        <translation>Der Anfragetext muss leer sein: Der Test geht an jedes Benachrichtigungsziel.</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; has no notification targets; add some to its settings.</source>
        <translation>Projekt „%1“ hat keine Benachrichtigungsziele; fügen Sie in seinen Einstellungen welche hinzu.</translation>
    </message>
    <message>
        <source>tidemarkd is shutting down.</source>
        <translation>tidemarkd wird beendet.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up %1</source>
        <translation>%1 sichern</translation>
    </message>
    <message>
        <source>Back up the code, the mounts and the databases of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Den Code, die Mounts und die Datenbanken von &lt;b&gt;%1&lt;/b&gt; sichern.</translation>
    </message>
    <message>
        <source>&amp;Live backup (no downtime)</source>
        <translation>&amp;Live-Backup (ohne Ausfallzeit)</translation>
    </message>
    <message>
        <source>Live backup</source>
        <translation>Live-Backup</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>The environment keeps running during the backup. Files and databases that change while they are read may not match each other, which can make a restore less reliable.</source>
        <translation>Die Umgebung läuft während des Backups weiter. Dateien und Datenbanken, die sich beim Lesen ändern, passen dann womöglich nicht zueinander, was eine Wiederherstellung weniger zuverlässig machen kann.</translation>
    </message>
    <message>
        <source>A consistent backup briefly pauses the environment so that its files and databases are captured in one consistent state. Requests during the pause are held, not dropped.</source>
        <translation>Ein konsistentes Backup pausiert die Umgebung kurz, damit ihre Dateien und Datenbanken in einem einheitlichen Zustand erfasst werden. Anfragen während der Pause werden zurückgehalten, nicht verworfen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Manual backups are limited to %1.&lt;/b&gt; Once this backup has succeeded it replaces the oldest manual backup, from %2 (%3).</source>
        <translation>&lt;b&gt;Manuelle Backups sind auf %1 begrenzt.&lt;/b&gt; Sobald dieses Backup erfolgreich war, ersetzt es das älteste manuelle Backup vom %2 (%3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Manual backups are disabled&lt;/b&gt; for this type of environment (the manual count of its retention policy is 0).</source>
        <translation>Für diesen Umgebungstyp sind &lt;b&gt;manuelle Backups deaktiviert&lt;/b&gt; (die Anzahl manueller Backups in seiner Aufbewahrungsrichtlinie ist 0).</translation>
    </message>
</context>
<context>
    <name>BackupDiff</name>
    <message>
        <source>is not a comparison of a backup</source>
        <translation>ist kein Vergleich eines Backups</translation>
    </message>
</context>
<context>
    <name>BackupDownload</name>
    <message>
        <source>the download could not be written: %1</source>
        <translation>der Download konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>BackupFilesModel</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>BackupListing</name>
    <message>
        <source>is not a listing of a backup&apos;s files</source>
        <translation>ist keine Auflistung der Dateien eines Backups</translation>
    </message>
</context>
<context>
    <name>BackupOperation</name>
    <message>
        <source>Taking a consistent backup of %1 (the environment pauses briefly).</source>
        <translation>Ein konsistentes Backup von %1 wird erstellt (die Umgebung pausiert kurz).</translation>
    </message>
    <message>
        <source>Taking a live backup of %1 (no pause).</source>
        <translation>Ein Live-Backup von %1 wird erstellt (ohne Pause).</translation>
    </message>
    <message>
        <source>Environment %1 has no local descriptor: nothing to back up.</source>
        <translation>Die Umgebung %1 hat keinen lokalen Deskriptor: Es gibt nichts zu sichern.</translation>
    </message>
    <message>
        <source>The code path of %1 is not a directory.</source>
        <translation>Der Codepfad von %1 ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>The mount %1 of %2 is not a directory.</source>
        <translation>Der Mount %1 von %2 ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>The database of service %1 of %2 does not exist.</source>
        <translation>Die Datenbank des Dienstes %1 von %2 existiert nicht.</translation>
    </message>
    <message>
        <source>The staging directory could not be created.</source>
        <translation>Das Zwischenverzeichnis konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The backup repository is not usable: %1</source>
        <translation>Das Backup-Repository ist nicht nutzbar: %1</translation>
    </message>
    <message>
        <source>Code is at commit %1.</source>
        <translation>Der Code steht auf Commit %1.</translation>
    </message>
    <message>
        <source>The code path is not a git work tree; no commit is recorded.</source>
        <translation>Der Codepfad ist kein Git-Arbeitsverzeichnis; es wird kein Commit festgehalten.</translation>
    </message>
    <message>
        <source>git is not available; no commit is recorded.</source>
        <translation>git ist nicht verfügbar; es wird kein Commit festgehalten.</translation>
    </message>
    <message>
        <source>The environment has no pause hook; backing up without pausing it.</source>
        <translation>Die Umgebung hat keinen Pause-Hook; sie wird ohne Pause gesichert.</translation>
    </message>
    <message>
        <source>Pausing the environment.</source>
        <translation>Die Umgebung wird pausiert.</translation>
    </message>
    <message>
        <source>A database could not be copied: %1</source>
        <translation>Eine Datenbank konnte nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>Copied the database of service %1.</source>
        <translation>Die Datenbank des Dienstes %1 wurde kopiert.</translation>
    </message>
    <message>
        <source>restic could not store the backup: %1</source>
        <translation>restic konnte das Backup nicht speichern: %1</translation>
    </message>
    <message>
        <source>Some files could not be read; the backup is incomplete.</source>
        <translation>Einige Dateien konnten nicht gelesen werden; das Backup ist unvollständig.</translation>
    </message>
    <message>
        <source>Backup %1 of %2 created</source>
        <translation>Backup %1 von %2 erstellt</translation>
    </message>
    <message>
        <source>Resumed the environment after a pause of %1 ms.</source>
        <translation>Die Umgebung wurde nach einer Pause von %1 ms fortgesetzt.</translation>
    </message>
    <message>
        <source>Backup of %1 cancelled</source>
        <translation>Backup von %1 abgebrochen</translation>
    </message>
    <message>
        <source>The backup ended unexpectedly.</source>
        <translation>Das Backup wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>Cancelling.</source>
        <translation>Wird abgebrochen.</translation>
    </message>
    <message>
        <source>Storing the code, the mounts and the database copies in the repository.</source>
        <translation>Code, Mounts und Datenbankkopien werden im Repository gespeichert.</translation>
    </message>
    <message>
        <source>Pre-pass: storing everything while the environment still runs, so the pause only covers what changes meanwhile.</source>
        <translation>Vorabdurchlauf: Alles wird gespeichert, während die Umgebung noch läuft, damit die Pause nur abdeckt, was sich in der Zwischenzeit ändert.</translation>
    </message>
    <message>
        <source>Copied the database of service %1 live, for the pre-pass.</source>
        <translation>Die Datenbank des Dienstes %1 wurde für den Vorabdurchlauf im laufenden Betrieb kopiert.</translation>
    </message>
    <message>
        <source>Pre-pass: storing the code, the mounts and the database copies in the repository.</source>
        <translation>Vorabdurchlauf: Code, Mounts und Datenbankkopien werden im Repository gespeichert.</translation>
    </message>
    <message>
        <source>Second pass: storing what changed since the pre-pass (restic re-reads only changed files).</source>
        <translation>Zweiter Durchlauf: Gespeichert wird, was sich seit dem Vorabdurchlauf geändert hat (restic liest nur geänderte Dateien erneut).</translation>
    </message>
    <message>
        <source>%1 files changed while the backup read them (they may not match the rest of the backup): %2</source>
        <translation>%1 Dateien haben sich geändert, während das Backup sie gelesen hat (sie passen womöglich nicht zum Rest des Backups): %2</translation>
    </message>
    <message>
        <source>The environment has no resume hook; it was paused for %1 ms.</source>
        <translation>Die Umgebung hat keinen Resume-Hook; sie war %1 ms lang pausiert.</translation>
    </message>
    <message>
        <source>Resuming the environment.</source>
        <translation>Die Umgebung wird fortgesetzt.</translation>
    </message>
    <message>
        <source>code path of %1</source>
        <translation>Code-Pfad von %1</translation>
    </message>
    <message>
        <source>mount %1 of %2</source>
        <translation>Mount %1 von %2</translation>
    </message>
    <message>
        <source>The service name &quot;%1&quot; of %2 is not a simple name.</source>
        <translation>Der Dienstname &quot;%1&quot; von %2 ist kein einfacher Name.</translation>
    </message>
    <message>
        <source>database of service %1 of %2</source>
        <translation>Datenbank des Dienstes %1 von %2</translation>
    </message>
    <message>
        <source>The kernel reports what changes from now on; the pause looks only at that.</source>
        <translation>Der Kernel meldet ab jetzt, was sich ändert; die Pause prüft nur das.</translation>
    </message>
    <message>
        <source>Change tracking is off (%1); the pause scans every file.</source>
        <translation>Die Änderungsverfolgung ist aus (%1); die Pause durchsucht jede Datei.</translation>
    </message>
    <message>
        <source>TIDEMARK_CHANGE_TRACKING=off</source>
        <translation>TIDEMARK_CHANGE_TRACKING=off</translation>
    </message>
    <message numerus="yes">
        <source>restic ran %n time(s) for this backup.</source>
        <translation>
            <numerusform>restic lief für dieses Backup %n Mal.</numerusform>
            <numerusform>restic lief für dieses Backup %n Mal.</numerusform>
        </translation>
    </message>
    <message>
        <source>password file of service %1 of %2</source>
        <translation>Passwortdatei von Dienst %1 von %2</translation>
    </message>
    <message>
        <source>Fixed the state to back up of %1 in %2 ms.</source>
        <translation>Zu sichernden Zustand von %1 in %2 ms festgehalten.</translation>
    </message>
    <message numerus="yes">
        <source>Dumped the database of service %1 (%2, %n table(s)).</source>
        <translation>
            <numerusform>Dump der Datenbank von Dienst %1 erstellt (%2, %n Tabelle).</numerusform>
            <numerusform>Dump der Datenbank von Dienst %1 erstellt (%2, %n Tabellen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed path(s)</source>
        <translation>
            <numerusform>%n geänderten Pfad</numerusform>
            <numerusform>%n geänderte Pfade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n Datenbank</numerusform>
            <numerusform>%n Datenbanken</numerusform>
        </translation>
    </message>
    <message>
        <source>Pre-pass stored %1 files; %2 added to the repository.</source>
        <translation>Vorlauf hat %1 Dateien gespeichert; %2 zum Repository hinzugefügt.</translation>
    </message>
    <message>
        <source>Stored %1 files (%2 new, %3 changed, %4 unchanged); %5 added to the repository.</source>
        <translation>%1 Dateien gespeichert (%2 neu, %3 geändert, %4 unverändert); %5 zum Repository hinzugefügt.</translation>
    </message>
    <message>
        <source>The repository is not a local one, which tidemarkd cannot write to itself; the paused state is stored by a second restic pass.</source>
        <translation>Das Repository ist kein lokales, in das tidemarkd selbst schreiben kann; der pausierte Zustand wird mit einem zweiten restic-Durchlauf gesichert.</translation>
    </message>
    <message>
        <source>Stored the environment while it ran: %1 files (%2 new, %3 changed, %4 unchanged); %5 added.</source>
        <translation>Die Umgebung im laufenden Betrieb gesichert: %1 Dateien (%2 neu, %3 geändert, %4 unverändert); %5 hinzugefügt.</translation>
    </message>
    <message>
        <source>restic could not read some files; those that changed meanwhile are captured in the pause, the others are missing from the backup.</source>
        <translation>restic konnte einige Dateien nicht lesen; die inzwischen geänderten werden in der Pause erfasst, die anderen fehlen im Backup.</translation>
    </message>
    <message>
        <source>The repository cannot be read by tidemarkd itself (%1); the paused state is stored by a second restic pass.</source>
        <translation>tidemarkd kann das Repository nicht selbst lesen (%1); der pausierte Zustand wird mit einem zweiten restic-Durchlauf gesichert.</translation>
    </message>
    <message>
        <source>The snapshot restic stored cannot be read: %1</source>
        <translation>Der von restic gesicherte Snapshot kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>What changed while restic read could not be read: %1</source>
        <translation>Was sich änderte, während restic las, konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the staging directory could not be created</source>
        <translation>das Staging-Verzeichnis konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>The paused state could not be read: %1</source>
        <translation>Der pausierte Zustand konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Captured while paused: the kernel reported %1; %2 copied (%3); %4.</source>
        <translation>In der Pause erfasst: Der Kernel meldete %1; %2 kopiert (%3); %4.</translation>
    </message>
    <message>
        <source>Captured while paused, after scanning every file (%1): %2 changed since the pass started; %3 copied (%4); %5.</source>
        <translation>In der Pause erfasst, nach Durchsuchen aller Dateien (%1): %2 seit Beginn des Durchlaufs geändert; %3 kopiert (%4); %5.</translation>
    </message>
    <message>
        <source>%1, which tidemarkd does not write itself; restic stores the paused state in a second pass.</source>
        <translation>%1, was tidemarkd nicht selbst schreibt; restic sichert den pausierten Zustand in einem zweiten Durchlauf.</translation>
    </message>
    <message>
        <source>change tracking is off</source>
        <translation>die Änderungsverfolgung ist aus</translation>
    </message>
    <message>
        <source>Writing the backup&apos;s snapshot: the stored pass with what was captured in the pause.</source>
        <translation>Schreibe den Snapshot des Backups: der gesicherte Durchlauf mit dem, was in der Pause erfasst wurde.</translation>
    </message>
    <message>
        <source>The backup&apos;s snapshot could not be written: %1</source>
        <translation>Der Snapshot des Backups konnte nicht geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>Storing the code and the mounts while the environment runs; the pause then only covers what changes meanwhile.</source>
        <translation>Sichere Code und Mounts im laufenden Betrieb; die Pause umfasst dann nur, was sich inzwischen ändert.</translation>
    </message>
    <message>
        <source>Stored %1 captured while restic read or in the pause, and %2 (%3 added); the backup&apos;s snapshot is %4.</source>
        <translation>%1 gesichert, die erfasst wurden, während restic las oder in der Pause, und %2 (%3 hinzugefügt); der Snapshot des Backups ist %4.</translation>
    </message>
    <message>
        <source>Captured while the environment runs: the kernel reported %1 while restic read; %2 stored (%3).</source>
        <translation>Im laufenden Betrieb erfasst: Der Kernel meldete %1, während restic las; %2 gespeichert (%3).</translation>
    </message>
</context>
<context>
    <name>BackupPath</name>
    <message>
        <source>&apos;%1&apos; is absolute; paths inside a backup start with its part (code/…, mounts/&lt;name&gt;/…, services/&lt;name&gt;)</source>
        <translation>&apos;%1&apos; ist absolut; Pfade innerhalb eines Backups beginnen mit ihrem Teil (code/…, mounts/&lt;name&gt;/…, services/&lt;name&gt;)</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty, &apos;.&apos; or &apos;..&apos; segment; name entries inside the backup plainly</source>
        <translation>&apos;%1&apos; hat ein leeres, &apos;.&apos;- oder &apos;..&apos;-Segment; benennen Sie Einträge im Backup direkt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in no part of this backup (its parts: %2)</source>
        <translation>&apos;%1&apos; liegt in keinem Teil dieses Backups (seine Teile: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; goes inside the database %2, which is one entry</source>
        <translation>&apos;%1&apos; liegt innerhalb der Datenbank %2, die ein einzelner Eintrag ist</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Automated</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Taken by the schedule</source>
        <translation>Vom Zeitplan erstellt</translation>
    </message>
    <message>
        <source>Taken by a person or a script</source>
        <translation>Von einer Person oder einem Skript erstellt</translation>
    </message>
    <message>
        <source>Consistent</source>
        <translation>Konsistent</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Taken with the environment paused briefly: data is consistent</source>
        <translation>Bei kurz pausierter Umgebung erstellt: die Daten sind konsistent</translation>
    </message>
    <message>
        <source>Taken while the environment kept running</source>
        <translation>Bei laufender Umgebung erstellt</translation>
    </message>
    <message>
        <source>No code revision was recorded</source>
        <translation>Es wurde keine Code-Revision festgehalten</translation>
    </message>
    <message>
        <source>Protected: never deleted, not even by the retention policy</source>
        <translation>Geschützt: wird nie gelöscht, auch nicht von der Aufbewahrungsrichtlinie</translation>
    </message>
    <message>
        <source>Not protected</source>
        <translation>Nicht geschützt</translation>
    </message>
    <message>
        <source>%1 (backup %2), being deleted</source>
        <translation>%1 (Backup %2), wird gelöscht</translation>
    </message>
    <message>
        <source>%1 (backup %2)</source>
        <translation>%1 (Backup %2)</translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>%1 captured, %2 newly stored</source>
        <translation>%1 erfasst, %2 neu gespeichert</translation>
    </message>
    <message>
        <source>%1 captured</source>
        <translation>%1 erfasst</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Next pruning</source>
        <translation>Nächste Bereinigung</translation>
    </message>
    <message>
        <source>The retention policy no longer keeps this backup</source>
        <translation>Die Aufbewahrungsrichtlinie behält dieses Backup nicht mehr</translation>
    </message>
    <message>
        <source>Deleted by the schedule at %1 unless the policy changes</source>
        <translation>Wird am %1 planmäßig gelöscht, sofern sich die Richtlinie nicht ändert</translation>
    </message>
    <message>
        <source>No projected expiry</source>
        <translation>Kein absehbarer Ablauf</translation>
    </message>
    <message>
        <source>Kept until newer manual backups replace it</source>
        <translation>Bleibt erhalten, bis neuere manuelle Backups es ersetzen</translation>
    </message>
    <message>
        <source>Not kept: %1</source>
        <translation>Nicht behalten: %1</translation>
    </message>
    <message>
        <source>Kept by the retention policy:
%1</source>
        <translation>Von der Aufbewahrungsrichtlinie behalten:
%1</translation>
    </message>
    <message>
        <source>The retention policy deletes this backup:
%1</source>
        <translation>Die Aufbewahrungsrichtlinie löscht dieses Backup:
%1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Why kept</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <source>Taken with the environment paused for %1: data is consistent</source>
        <translation>Bei für %1 pausierter Umgebung erstellt: die Daten sind konsistent</translation>
    </message>
    <message>
        <source>Consistent (no pause hook)</source>
        <translation>Konsistent (kein Pause-Hook)</translation>
    </message>
    <message>
        <source>Asked for as consistent, but the environment has no pause hook, so it kept running: the databases are consistent copies, files that changed while they were read may not be. Set a pause hook on the server to pause it.</source>
        <translation>Als konsistent angefordert, aber die Umgebung hat keinen Pause-Hook und lief daher weiter: Die Datenbanken sind konsistente Kopien, Dateien, die sich beim Lesen änderten, möglicherweise nicht. Legen Sie auf dem Server einen Pause-Hook fest, um sie anzuhalten.</translation>
    </message>
    <message>
        <source>Which rule of the retention policy keeps each backup. The filter also finds the short forms the command line uses, such as 1d #1/7 for daily #1 of 7.</source>
        <translation>Welche Regel der Aufbewahrungsrichtlinie jedes Backup behält. Der Filter findet auch die Kurzformen der Kommandozeile, etwa 1d #1/7 für täglich Nr. 1 von 7.</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Taken before restore %1 so that it can be undone; kept for 7 days</source>
        <translation>Vor Wiederherstellung %1 erstellt, damit sie rückgängig gemacht werden kann; wird 7 Tage aufbewahrt</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message numerus="yes">
        <source>on %1 of %n copies</source>
        <translation>
            <numerusform>auf %1 von %n Kopie</numerusform>
            <numerusform>auf %1 von %n Kopien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failed</source>
        <translation>
            <numerusform>%1, %n fehlgeschlagen</numerusform>
            <numerusform>%1, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: copied at %2</source>
        <translation>%1: kopiert am %2</translation>
    </message>
    <message>
        <source>%1: copied</source>
        <translation>%1: kopiert</translation>
    </message>
    <message>
        <source>%1: waiting for the next copy</source>
        <translation>%1: wartet auf die nächste Kopie</translation>
    </message>
    <message>
        <source>%1: the last copy failed: %2</source>
        <translation>%1: Die letzte Kopie ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: removed by the copy&apos;s own retention</source>
        <translation>%1: durch die eigene Aufbewahrung der Kopie entfernt</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
</context>
<context>
    <name>BrowseDialog</name>
    <message>
        <source>Backup %1 of %2</source>
        <translation>Backup %1 von %2</translation>
    </message>
    <message>
        <source>Filter the listed names</source>
        <translation>Angezeigte Namen filtern</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Files of the backup</source>
        <translation>Dateien des Backups</translation>
    </message>
    <message>
        <source>Listing the backup…</source>
        <translation>Backup wird aufgelistet…</translation>
    </message>
    <message>
        <source>Expand a folder to see what it holds; select items to restore or save them.</source>
        <translation>Klappen Sie einen Ordner auf, um seinen Inhalt zu sehen; wählen Sie Einträge aus, um sie wiederherzustellen oder zu speichern.</translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation>%1 konnte nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>The backup</source>
        <translation>Das Backup</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Put the selected items back into %1; everything else stays as it is.</source>
        <translation>Stellt die ausgewählten Einträge in %1 wieder her; alles andere bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>&amp;Save to…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <source>Download the selected items into a folder on this computer; the environment is not touched.</source>
        <translation>Lädt die ausgewählten Einträge in einen Ordner auf diesem Computer herunter; die Umgebung wird nicht verändert.</translation>
    </message>
    <message>
        <source>Save the selected items to</source>
        <translation>Ausgewählte Einträge speichern in</translation>
    </message>
    <message>
        <source>Stop saving</source>
        <translation>Speichern abbrechen</translation>
    </message>
    <message>
        <source>Nothing to save: links have no content of their own.</source>
        <translation>Nichts zu speichern: Links haben keinen eigenen Inhalt.</translation>
    </message>
    <message>
        <source>%1 could not be created (%2); nothing was overwritten.</source>
        <translation>%1 konnte nicht erstellt werden (%2); nichts wurde überschrieben.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving %1: %2 of %3</source>
        <translation>%1 wird gespeichert: %2 von %3</translation>
    </message>
    <message>
        <source>Saving %1: %2</source>
        <translation>%1 wird gespeichert: %2</translation>
    </message>
    <message>
        <source>Saving stopped.</source>
        <translation>Speichern abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n item(s) to %1.</source>
        <translation>
            <numerusform>%n Eintrag in %1 gespeichert.</numerusform>
            <numerusform>%n Einträge in %1 gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeTracker</name>
    <message>
        <source>inotify is not available: %1</source>
        <translation>inotify ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the kernel&apos;s limit of watched directories is reached (fs.inotify.max_user_watches)</source>
        <translation>die Grenze des Kernels für überwachte Verzeichnisse ist erreicht (fs.inotify.max_user_watches)</translation>
    </message>
    <message>
        <source>%1 could not be watched: %2</source>
        <translation>%1 konnte nicht überwacht werden: %2</translation>
    </message>
    <message>
        <source>change tracking is not running</source>
        <translation>die Änderungsverfolgung läuft nicht</translation>
    </message>
    <message>
        <source>the kernel&apos;s event queue overflowed</source>
        <translation>die Ereigniswarteschlange des Kernels ist übergelaufen</translation>
    </message>
    <message>
        <source>%1 was replaced or is no longer watched</source>
        <translation>%1 wurde ersetzt oder wird nicht mehr überwacht</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 %2: cannot read the file (%3)</source>
        <translation>%1 %2: die Datei kann nicht gelesen werden (%3)</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Preview offline which backups a retention policy keeps and deletes.</source>
        <translation>Zeigt offline, welche Backups eine Aufbewahrungsrichtlinie behält und löscht.</translation>
    </message>
    <message>
        <source>One data_retention entry (JSON).</source>
        <translation>Ein data_retention-Eintrag (JSON).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>An array of Backup objects (JSON).</source>
        <translation>Ein Array von Backup-Objekten (JSON).</translation>
    </message>
    <message>
        <source>The time to plan at (RFC 3339); default: the current time.</source>
        <translation>Der Zeitpunkt, für den geplant wird (RFC 3339); Standard: die aktuelle Zeit.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>Output format: table (default) or json.</source>
        <translation>Ausgabeformat: table (Standard) oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>retention:preview takes no arguments besides its options</source>
        <translation>retention:preview akzeptiert außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>--policy: is required (a file with one data_retention entry)</source>
        <translation>--policy: ist erforderlich (eine Datei mit einem data_retention-Eintrag)</translation>
    </message>
    <message>
        <source>--backups: is required (a file with an array of backups)</source>
        <translation>--backups: ist erforderlich (eine Datei mit einem Array von Backups)</translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not a format (use table or json)</source>
        <translation>--format: &apos;%1&apos; ist kein Format (verwenden Sie table oder json)</translation>
    </message>
    <message>
        <source>--now: &apos;%1&apos; is not an RFC 3339 date-time (like 2026-11-26T12:00:00Z)</source>
        <translation>--now: &apos;%1&apos; ist kein Zeitpunkt nach RFC 3339 (wie 2026-11-26T12:00:00Z)</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>List the project&apos;s environments.</source>
        <translation>Listet die Umgebungen des Projekts auf.</translation>
    </message>
    <message>
        <source>Back up the environment (consistent, with a short pause; --live: without pause) and wait for it.</source>
        <translation>Sichert die Umgebung (konsistent, mit kurzer Pause; --live: ohne Pause) und wartet darauf.</translation>
    </message>
    <message>
        <source>List the environment&apos;s backups, newest first.</source>
        <translation>Listet die Backups der Umgebung auf, neueste zuerst.</translation>
    </message>
    <message>
        <source>Show one backup.</source>
        <translation>Zeigt ein Backup an.</translation>
    </message>
    <message>
        <source>Delete a backup and wait for it.</source>
        <translation>Löscht ein Backup und wartet darauf.</translation>
    </message>
    <message>
        <source>List the project&apos;s activities (only the environment&apos;s with -e).</source>
        <translation>Listet die Aktivitäten des Projekts auf (mit -e nur die der Umgebung).</translation>
    </message>
    <message>
        <source>Print an activity&apos;s log; follow it until the end while the activity runs.</source>
        <translation>Gibt das Protokoll einer Aktivität aus und verfolgt es bis zum Ende, solange die Aktivität läuft.</translation>
    </message>
    <message>
        <source>Show the effective retention policies. --set FILE applies a PATCH body {&quot;data_retention&quot;: {...}}; --dry-run changes nothing and shows which backups each environment would lose.</source>
        <translation>Zeigt die geltenden Aufbewahrungsrichtlinien. --set DATEI wendet einen PATCH-Inhalt {&quot;data_retention&quot;: {...}} an; --dry-run ändert nichts und zeigt, welche Backups jede Umgebung verlieren würde.</translation>
    </message>
    <message>
        <source>Usage: tidemark-cli COMMAND [ID] [OPTIONS]

Commands:
</source>
        <translation>Aufruf: tidemark-cli BEFEHL [ID] [OPTIONEN]

Befehle:
</translation>
    </message>
    <message>
        <source>Preview offline which backups a retention policy keeps and deletes.</source>
        <translation>Zeigt offline, welche Backups eine Aufbewahrungsrichtlinie behält und löscht.</translation>
    </message>
    <message>
        <source>The API URL.</source>
        <translation>Die API-URL.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The token URL.</source>
        <translation>Die Token-URL.</translation>
    </message>
    <message>
        <source>The API token.</source>
        <translation>Das API-Token.</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>The project.</source>
        <translation>Das Projekt.</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJEKT</translation>
    </message>
    <message>
        <source>The environment.</source>
        <translation>Die Umgebung.</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation>table (Standard) oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation>Zeigt die Hilfe an.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Zeigt die Version an.</translation>
    </message>
    <message>
        <source>Back up without pausing the environment.</source>
        <translation>Sichert, ohne die Umgebung zu pausieren.</translation>
    </message>
    <message>
        <source>Do not wait for the backup to finish.</source>
        <translation>Wartet nicht auf das Ende des Backups.</translation>
    </message>
    <message>
        <source>Restore the data only, not the code.</source>
        <translation>Stellt nur die Daten wieder her, nicht den Code.</translation>
    </message>
    <message>
        <source>Restore into this environment.</source>
        <translation>Stellt in dieser Umgebung wieder her.</translation>
    </message>
    <message>
        <source>Apply this PATCH body.</source>
        <translation>Wendet diesen PATCH-Inhalt an.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Preview only.</source>
        <translation>Nur Vorschau.</translation>
    </message>
    <message>
        <source>retention:preview must be the first argument: tidemark-cli retention:preview --policy FILE --backups FILE</source>
        <translation>retention:preview muss das erste Argument sein: tidemark-cli retention:preview --policy DATEI --backups DATEI</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command (run &apos;tidemark-cli --help&apos; for the list)</source>
        <translation>&apos;%1&apos; ist kein Befehl (die Liste zeigt &apos;tidemark-cli --help&apos;)</translation>
    </message>
    <message>
        <source> [-p PROJECT]</source>
        <translation> [-p PROJEKT]</translation>
    </message>
    <message>
        <source> [-e ENV]</source>
        <translation> [-e UMGEBUNG]</translation>
    </message>
    <message>
        <source> [--format json] [--api URL] [--token TOKEN]</source>
        <translation> [--format json] [--api URL] [--token TOKEN]</translation>
    </message>
    <message>
        <source>Run &apos;tidemark-cli --help&apos; for the options and the exit statuses.
</source>
        <translation>Die Optionen und Exit-Status zeigt &apos;tidemark-cli --help&apos;.
</translation>
    </message>
    <message>
        <source>%1: the ID is missing (tidemark-cli %1 %2)</source>
        <translation>%1: die ID fehlt (tidemark-cli %1 %2)</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1: unerwartetes Argument &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--%1: is not an option of %2</source>
        <translation>--%1: ist keine Option von %2</translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not a format (use table or json)</source>
        <translation>--format: &apos;%1&apos; ist kein Format (verwenden Sie table oder json)</translation>
    </message>
    <message>
        <source>--target: the environment is missing</source>
        <translation>--target: die Umgebung fehlt</translation>
    </message>
    <message>
        <source>--set: the file is missing</source>
        <translation>--set: die Datei fehlt</translation>
    </message>
    <message>
        <source>--api: is required (the API URL, like http://127.0.0.1:8421; or set TIDEMARK_API_URL)</source>
        <translation>--api: ist erforderlich (die API-URL, etwa http://127.0.0.1:8421; oder setzen Sie TIDEMARK_API_URL)</translation>
    </message>
    <message>
        <source>--api: &apos;%1&apos; is not an http or https URL</source>
        <translation>--api: &apos;%1&apos; ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>--token-url: &apos;%1&apos; is not an http or https URL</source>
        <translation>--token-url: &apos;%1&apos; ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>--token: is required (an API token; or set TIDEMARK_TOKEN)</source>
        <translation>--token: ist erforderlich (ein API-Token; oder setzen Sie TIDEMARK_TOKEN)</translation>
    </message>
    <message>
        <source>-p: is required for %1 (the project; or set TIDEMARK_PROJECT)</source>
        <translation>-p: ist für %1 erforderlich (das Projekt; oder setzen Sie TIDEMARK_PROJECT)</translation>
    </message>
    <message>
        <source>-e: is required for %1 (the environment; or set TIDEMARK_ENVIRONMENT)</source>
        <translation>-e: ist für %1 erforderlich (die Umgebung; oder setzen Sie TIDEMARK_ENVIRONMENT)</translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation>die Datei kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>must be a PATCH body with data_retention, like {&quot;data_retention&quot;: {&quot;production&quot;: {&quot;default_config&quot;: {&quot;manual_count&quot;: 3}}}}</source>
        <translation>muss ein PATCH-Inhalt mit data_retention sein, etwa {&quot;data_retention&quot;: {&quot;production&quot;: {&quot;default_config&quot;: {&quot;manual_count&quot;: 3}}}}</translation>
    </message>
    <message>
        <source>tidemark-cli: stopped waiting; activity %1 keeps running on the server (follow it with &apos;tidemark-cli activity:log %1 -p %2&apos;).
</source>
        <translation>tidemark-cli: Warten beendet; die Aktivität %1 läuft auf dem Server weiter (verfolgen Sie sie mit &apos;tidemark-cli activity:log %1 -p %2&apos;).
</translation>
    </message>
    <message>
        <source>tidemark-cli: interrupted; a request already sent may still take effect on the server.
</source>
        <translation>tidemark-cli: unterbrochen; eine bereits gesendete Anfrage kann auf dem Server noch wirksam werden.
</translation>
    </message>
    <message>
        <source>Note: manual backups are disabled for %1 environments (manual_count is 0); the server will refuse this backup.
</source>
        <translation>Hinweis: Manuelle Backups sind für %1-Umgebungen deaktiviert (manual_count ist 0); der Server wird dieses Backup ablehnen.
</translation>
    </message>
    <message>
        <source>Note: manual backups are limited to %1; this backup will replace backup %2 from %3 once it succeeds.
</source>
        <translation>Hinweis: Manuelle Backups sind auf %1 begrenzt; sobald dieses Backup erfolgreich ist, ersetzt es das Backup %2 vom %3.
</translation>
    </message>
    <message>
        <source>backup:restore: environment %1 has no backup to restore</source>
        <translation>backup:restore: die Umgebung %1 hat kein Backup, das wiederhergestellt werden könnte</translation>
    </message>
    <message>
        <source>Restoring the data of backup %1 of %2 from %3 into %4; the code stays as it is.
</source>
        <translation>Die Daten des Backups %1 von %2 vom %3 werden in %4 wiederhergestellt; der Code bleibt unverändert.
</translation>
    </message>
    <message>
        <source>Restoring backup %1 of %2 from %3 into %4, code and data.
</source>
        <translation>Backup %1 von %2 vom %3 wird in %4 wiederhergestellt, Code und Daten.
</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed. The retention policies would be:
</source>
        <translation>Probelauf: Es wurde nichts geändert. Die Aufbewahrungsrichtlinien wären:
</translation>
    </message>
    <message>
        <source>Retention policies updated:
</source>
        <translation>Aufbewahrungsrichtlinien aktualisiert:
</translation>
    </message>
    <message>
        <source>Backups the new policies no longer keep are being deleted now (see activity:list).
</source>
        <translation>Backups, die die neuen Richtlinien nicht mehr behalten, werden jetzt gelöscht (siehe activity:list).
</translation>
    </message>
    <message>
        <source>the server started no activity</source>
        <translation>der Server hat keine Aktivität gestartet</translation>
    </message>
    <message>
        <source>Started the %1: activity %2 (%3).
</source>
        <translation>%1 gestartet: Aktivität %2 (%3).
</translation>
    </message>
    <message>
        <source>tidemark-cli: the end of activity %1 is unknown; it may still be running on the server.
</source>
        <translation>tidemark-cli: das Ende der Aktivität %1 ist unbekannt; sie läuft möglicherweise noch auf dem Server.
</translation>
    </message>
    <message>
        <source>List what a backup holds: its parts without PATH, else the folder PATH (code/..., mounts/NAME/...).</source>
        <translation>Zeigt, was ein Backup enthält: ohne PFAD seine Teile, sonst den Ordner PFAD (code/..., mounts/NAME/...).</translation>
    </message>
    <message>
        <source>Save one file of a backup (or a folder, as NAME.tar) into DIR (default: the current folder) without touching the environment.</source>
        <translation>Speichert eine Datei eines Backups (oder einen Ordner als NAME.tar) in VERZ (Standard: der aktuelle Ordner), ohne die Umgebung zu verändern.</translation>
    </message>
    <message>
        <source>Compare a backup with the environment now (the default) or with another backup: files added, changed and removed per part, the code commit then and now, database tables and row counts.</source>
        <translation>Vergleicht ein Backup mit der aktuellen Umgebung (Standard) oder mit einem anderen Backup: hinzugefügte, geänderte und entfernte Dateien je Teil, der Code-Commit damals und jetzt, Datenbanktabellen und Zeilenanzahlen.</translation>
    </message>
    <message>
        <source>Undo a finished restore: restore its safety backup into the same environment with the same parts and paths, and wait for it.</source>
        <translation>Macht eine abgeschlossene Wiederherstellung rückgängig: Stellt ihr Sicherheits-Backup in derselben Umgebung mit denselben Teilen und Pfaden wieder her und wartet darauf.</translation>
    </message>
    <message>
        <source>Show the project&apos;s repositories: size, logical size, deduplication, snapshots and the last verification.</source>
        <translation>Zeigt die Repositorys des Projekts: Größe, logische Größe, Deduplizierung, Snapshots und die letzte Überprüfung.</translation>
    </message>
    <message>
        <source>Verify the primary repository (or the copy NAME): restic check reading PERCENT of the data back (default: the project&apos;s verify setting) and a test restore; wait for it.</source>
        <translation>Überprüft das primäre Repository (oder die Kopie NAME): restic check liest PROZENT der Daten zurück (Standard: die Überprüfungseinstellung des Projekts), dazu eine Testwiederherstellung; wartet darauf.</translation>
    </message>
    <message>
        <source>Restore only this part (repeatable).</source>
        <translation>Nur diesen Teil wiederherstellen (wiederholbar).</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>TEIL</translation>
    </message>
    <message>
        <source>Restore only this file or folder (repeatable).</source>
        <translation>Nur diese Datei oder diesen Ordner wiederherstellen (wiederholbar).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Take no safety backup before the restore.</source>
        <translation>Vor der Wiederherstellung kein Sicherheits-Backup erstellen.</translation>
    </message>
    <message>
        <source>Compare with this backup or current.</source>
        <translation>Mit diesem Backup oder mit current vergleichen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Save into this folder.</source>
        <translation>In diesem Ordner speichern.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZ</translation>
    </message>
    <message>
        <source>The copy to verify.</source>
        <translation>Die zu überprüfende Kopie.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Percent of the data to read back (0-100).</source>
        <translation>Anteil der zurückzulesenden Daten in Prozent (0-100).</translation>
    </message>
    <message>
        <source>PERCENT</source>
        <translation>PROZENT</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a path inside the backup (like mounts/uploads or code/src/app.py)</source>
        <translation>--%1: &apos;%2&apos; ist kein Pfad innerhalb des Backups (wie mounts/uploads oder code/src/app.py)</translation>
    </message>
    <message>
        <source>--part and --path: give one or the other</source>
        <translation>--part und --path: Geben Sie nur eines von beiden an</translation>
    </message>
    <message>
        <source>--against: is empty (a backup id, or current)</source>
        <translation>--against: ist leer (eine Backup-ID oder current)</translation>
    </message>
    <message>
        <source>--copy: the copy&apos;s name is missing</source>
        <translation>--copy: Der Name der Kopie fehlt</translation>
    </message>
    <message>
        <source>--read-data: &apos;%1&apos; is not a percentage (use a whole number from 0 to 100)</source>
        <translation>--read-data: &apos;%1&apos; ist kein Prozentwert (verwenden Sie eine ganze Zahl von 0 bis 100)</translation>
    </message>
    <message>
        <source>tidemark-cli: download stopped; nothing was saved.
</source>
        <translation>tidemark-cli: Download abgebrochen; nichts wurde gespeichert.
</translation>
    </message>
    <message>
        <source>Only these parts: %1.
</source>
        <translation>Nur diese Teile: %1.
</translation>
    </message>
    <message>
        <source>Only these paths: %1.
</source>
        <translation>Nur diese Pfade: %1.
</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>backup:download: &apos;%1&apos; is not in backup %2</source>
        <translation>backup:download: &apos;%1&apos; ist nicht in Backup %2 enthalten</translation>
    </message>
    <message>
        <source>--to: &apos;%1&apos; is not a folder</source>
        <translation>--to: &apos;%1&apos; ist kein Ordner</translation>
    </message>
    <message>
        <source>backup:download: %1 exists already; nothing was overwritten</source>
        <translation>backup:download: %1 existiert bereits; nichts wurde überschrieben</translation>
    </message>
    <message>
        <source>backup:download: cannot create %1 (%2)</source>
        <translation>backup:download: %1 kann nicht erstellt werden (%2)</translation>
    </message>
    <message>
        <source>Saving %1 of backup %2 to %3.
</source>
        <translation>%1 aus Backup %2 wird in %3 gespeichert.
</translation>
    </message>
    <message>
        <source>download of %1</source>
        <translation>Download von %1</translation>
    </message>
    <message>
        <source>Saved %1 (%2).
</source>
        <translation>%1 gespeichert (%2).
</translation>
    </message>
    <message>
        <source>the environment now</source>
        <translation>der aktuellen Umgebung</translation>
    </message>
    <message>
        <source>backup %1</source>
        <translation>Backup %1</translation>
    </message>
    <message>
        <source>Backup %1 compared with %2.
</source>
        <translation>Backup %1 verglichen mit %2.
</translation>
    </message>
    <message>
        <source>Code commit: %1 (the same).
</source>
        <translation>Code-Commit: %1 (unverändert).
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Code commit: %1 then, %2 now.
</source>
        <translation>Code-Commit: damals %1, jetzt %2.
</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 changed, %4 removed (%5 then, %6 now)
</source>
        <translation>%1: %2 hinzugefügt, %3 geändert, %4 entfernt (damals %5, jetzt %6)
</translation>
    </message>
    <message>
        <source>  … and more
</source>
        <translation>  … und weitere
</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>services/%1 table %2: %3 rows then, %4 now
</source>
        <translation>services/%1 Tabelle %2: damals %3 Zeilen, jetzt %4
</translation>
    </message>
    <message>
        <source>This server has no repository information (only tidemarkd has).
</source>
        <translation>Dieser Server hat keine Repository-Informationen (nur tidemarkd hat sie).
</translation>
    </message>
    <message>
        <source>This server cannot verify repositories (only tidemarkd can).
</source>
        <translation>Dieser Server kann keine Repositorys überprüfen (nur tidemarkd kann das).
</translation>
    </message>
    <message>
        <source>Restore a backup (default: the newest) into the environment or --target and wait for it; asks no questions. --no-code restores the data only. --part (mounts/NAME, services/NAME, code) restores only those parts, --path only those files or folders (code/..., mounts/NAME/...), leaving everything else as it is. A safety backup of the target is taken first unless --no-safety-backup; undo the restore with activity:undo. --from-copy NAME reads the backup from that copy (when the primary repository is damaged or gone).</source>
        <translation>Stellt ein Backup (Standard: das neueste) in der Umgebung oder in --target wieder her und wartet darauf; stellt keine Rückfragen. --no-code stellt nur die Daten wieder her. --part (mounts/NAME, services/NAME, code) stellt nur diese Teile wieder her, --path nur diese Dateien oder Ordner (code/..., mounts/NAME/...); alles andere bleibt unverändert. Zuvor wird ein Sicherheits-Backup des Ziels erstellt, außer mit --no-safety-backup; mit activity:undo machen Sie die Wiederherstellung rückgängig. --from-copy NAME liest das Backup aus dieser Kopie (wenn das primäre Repository beschädigt oder verschwunden ist).</translation>
    </message>
    <message>
        <source>Show the health of every environment and copy: of the project -p, else of every project of the server; --all-profiles asks every connection saved in the console instead (tokens from the keychain). Exit status 0 when all is ok, 1 when anything is in warning or critical, 3 when a server could not be asked.</source>
        <translation>Zeigt den Zustand jeder Umgebung und Kopie: des Projekts -p, sonst jedes Projekts des Servers; --all-profiles fragt stattdessen jede in der Konsole gespeicherte Verbindung ab (Tokens aus dem Schlüsselbund). Exit-Status 0, wenn alles OK ist, 1, wenn etwas im Zustand Warnung oder kritisch ist, 3, wenn ein Server nicht abgefragt werden konnte.</translation>
    </message>
    <message>
        <source>List the project&apos;s copy targets: where each copies to, when, with which credentials (names only), and how many of the environment&apos;s backups it holds (all environments without -e).</source>
        <translation>Listet die Kopieziele des Projekts auf: wohin und wann jedes kopiert, mit welchen Zugangsdaten (nur Namen) und wie viele Backups der Umgebung es enthält (ohne -e alle Umgebungen).</translation>
    </message>
    <message>
        <source>
Options (each may also come from the environment variable named after it):
  --api URL            TIDEMARK_API_URL      the API, like http://127.0.0.1:8421 or https://api.upsun.com
  --token-url URL      TIDEMARK_TOKEN_URL    where the API token is exchanged (default: the API URL + /oauth2/token)
  --token TOKEN        TIDEMARK_TOKEN        the API token
  -p, --project ID     TIDEMARK_PROJECT      the project (every online command)
  -e, --environment ID TIDEMARK_ENVIRONMENT  the environment (backup:* commands)
  --format json        machine output: the API&apos;s objects as JSON on stdout, nothing else there

Waiting commands (backup:create, backup:restore, backup:delete) show progress and the activity&apos;s log
on stderr and print the result when the activity has ended. Interrupting them (Ctrl+C) only stops
the waiting: the activity keeps running on the server.

Exit status:
  0    success
  1    the activity failed or was cancelled; health: something is in warning or critical
  2    usage or input error, found before any request: a missing -p, -e or --token, an unknown
       option, an unreadable or invalid --set file, no backup to restore
  3    server or network error: the server could not be reached or did not answer in time, the API
       token was refused, or the server refused the request (any HTTP error status, such as
       403 for a viewer&apos;s change, 404 for an unknown backup, 409 for an inactive environment)
  130  interrupted while waiting

Run &apos;tidemark-cli COMMAND --help&apos; for one command.
</source>
        <translation>
Optionen (jede kann auch aus der gleichnamigen Umgebungsvariable kommen):
  --api URL            TIDEMARK_API_URL      die API, etwa http://127.0.0.1:8421 oder https://api.upsun.com
  --token-url URL      TIDEMARK_TOKEN_URL    wo das API-Token eingetauscht wird (Standard: die API-URL + /oauth2/token)
  --token TOKEN        TIDEMARK_TOKEN        das API-Token
  -p, --project ID     TIDEMARK_PROJECT      das Projekt (jeder Online-Befehl)
  -e, --environment ID TIDEMARK_ENVIRONMENT  die Umgebung (backup:*-Befehle)
  --format json        Maschinenausgabe: die Objekte der API als JSON auf stdout, sonst nichts dort

Wartende Befehle (backup:create, backup:restore, backup:delete) zeigen den Fortschritt und das Log der
Aktivität auf stderr an und geben das Ergebnis aus, wenn die Aktivität beendet ist. Ein Unterbrechen
(Strg+C) beendet nur das Warten: Die Aktivität läuft auf dem Server weiter.

Exit-Status:
  0    Erfolg
  1    die Aktivität ist fehlgeschlagen oder wurde abgebrochen; health: etwas ist im Zustand Warnung oder kritisch
  2    Bedienungs- oder Eingabefehler, vor jeder Anfrage erkannt: fehlendes -p, -e oder --token, eine unbekannte
       Option, eine unlesbare oder ungültige --set-Datei, kein Backup zum Wiederherstellen
  3    Server- oder Netzwerkfehler: Der Server war nicht erreichbar oder antwortete nicht rechtzeitig, das
       API-Token wurde abgelehnt oder der Server hat die Anfrage abgelehnt (jeder HTTP-Fehlerstatus, etwa
       403 für eine Änderung durch einen Betrachter, 404 für ein unbekanntes Backup, 409 für eine inaktive Umgebung)
  130  beim Warten unterbrochen

Führen Sie &apos;tidemark-cli BEFEHL --help&apos; für einen einzelnen Befehl aus.
</translation>
    </message>
    <message>
        <source>Ask every connection saved in the console.</source>
        <translation>Jede in der Konsole gespeicherte Verbindung abfragen.</translation>
    </message>
    <message>
        <source>Restore from this copy.</source>
        <translation>Aus dieser Kopie wiederherstellen.</translation>
    </message>
    <message>
        <source>--from-copy: the copy&apos;s name is missing</source>
        <translation>--from-copy: Der Name der Kopie fehlt</translation>
    </message>
    <message>
        <source>Reading the backup from copy %1.
</source>
        <translation>Das Backup wird aus der Kopie %1 gelesen.
</translation>
    </message>
    <message>
        <source>This server has no copies (only tidemarkd has).
</source>
        <translation>Dieser Server hat keine Kopien (nur tidemarkd hat welche).
</translation>
    </message>
    <message>
        <source>The project has no copies (settings backup_copies).
</source>
        <translation>Das Projekt hat keine Kopien (Einstellung backup_copies).
</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Upload-Limit</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Backups copied</source>
        <translation>Kopierte Backups</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>after each backup</source>
        <translation>nach jedem Backup</translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/s</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>as the primary</source>
        <translation>wie beim primären</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1: the last copy failed: %2</source>
        <translation>%1: Die letzte Kopie ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 is skipped: it is the console&apos;s own server; ask it with --api while the console or a tidemarkd service runs it.
</source>
        <translation>%1 wird übersprungen: Es ist der eigene Server der Konsole; fragen Sie ihn mit --api ab, während die Konsole oder ein tidemarkd-Dienst ihn ausführt.
</translation>
    </message>
    <message>
        <source>--all-profiles: the console has no saved connections besides %1</source>
        <translation>--all-profiles: Die Konsole hat außer %1 keine gespeicherten Verbindungen</translation>
    </message>
    <message>
        <source>the keychain holds no API token for %1; connect to it once from the console</source>
        <translation>der Schlüsselbund enthält kein API-Token für %1; verbinden Sie sich einmal aus der Konsole damit</translation>
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
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>, protected</source>
        <translation>, geschützt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letztes Backup</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source> (busy)</source>
        <translation> (beschäftigt)</translation>
    </message>
    <message>
        <source>No environments.
</source>
        <translation>Keine Umgebungen.
</translation>
    </message>
    <message>
        <source>No backups.
</source>
        <translation>Keine Backups.
</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>consistent</source>
        <translation>konsistent</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>consistent (taken paused)</source>
        <translation>konsistent (pausiert erstellt)</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>Wiederherstellbar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not projected</source>
        <translation>nicht absehbar</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Size of volumes</source>
        <translation>Größe der Volumes</translation>
    </message>
    <message>
        <source>Size used</source>
        <translation>Belegter Platz</translation>
    </message>
    <message>
        <source>No activities.
</source>
        <translation>Keine Aktivitäten.
</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Max backups</source>
        <translation>Max. Backups</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>unbegrenzt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n kept</source>
        <translation>
            <numerusform>%1: %n behalten</numerusform>
            <numerusform>%1: %n behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>, nothing deleted.
</source>
        <translation>, nichts gelöscht.
</translation>
    </message>
    <message numerus="yes">
        <source>, %n would be deleted:</source>
        <translation>
            <numerusform>, %n würde gelöscht:</numerusform>
            <numerusform>, %n würden gelöscht:</numerusform>
        </translation>
    </message>
    <message>
        <source>  ID</source>
        <translation>  ID</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>backup of %1</source>
        <translation>Backup von %1</translation>
    </message>
    <message>
        <source>restore of %1</source>
        <translation>Wiederherstellung von %1</translation>
    </message>
    <message>
        <source>backup deletion on %1</source>
        <translation>Löschen eines Backups von %1</translation>
    </message>
    <message>
        <source>deletion of backup %1</source>
        <translation>Löschen von Backup %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The %1 was cancelled (activity %2).</source>
        <translation>%1 wurde abgebrochen (Aktivität %2).</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>The %1 failed (activity %2): %3</source>
        <translation>%1 ist fehlgeschlagen (Aktivität %2): %3</translation>
    </message>
    <message>
        <source>Backup %1 of %2 created (%3, %4).</source>
        <translation>Backup %1 von %2 erstellt (%3, %4).</translation>
    </message>
    <message>
        <source>Backup %1 restored into %2 (%3, %4).</source>
        <translation>Backup %1 in %2 wiederhergestellt (%3, %4).</translation>
    </message>
    <message>
        <source>code and data</source>
        <translation>Code und Daten</translation>
    </message>
    <message>
        <source>data only, code left as it was</source>
        <translation>nur Daten, Code unverändert</translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation>Backup %1 gelöscht.</translation>
    </message>
    <message>
        <source>Activity %1 (%2) completed.</source>
        <translation>Aktivität %1 (%2) abgeschlossen.</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Logical</source>
        <translation>Logisch</translation>
    </message>
    <message>
        <source>Dedup</source>
        <translation>Dedup</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Überprüft</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Grew from %1 to %2 between %3 and %4.</source>
        <translation>Zwischen %3 und %4 von %1 auf %2 gewachsen.</translation>
    </message>
    <message>
        <source>verification of the %1 repository</source>
        <translation>Überprüfung des Repositorys %1</translation>
    </message>
    <message>
        <source>copy to %1</source>
        <translation>Kopie nach %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Newest good backup</source>
        <translation>Neuestes gutes Backup</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Copy %1 of %2: %3: %4
</source>
        <translation>Kopie %1 von %2: %3: %4
</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare backup %1 of %2</source>
        <translation>Backup %1 von %2 vergleichen</translation>
    </message>
    <message>
        <source>With the environment now</source>
        <translation>Mit der aktuellen Umgebung</translation>
    </message>
    <message>
        <source>With the previous backup (%1)</source>
        <translation>Mit dem vorigen Backup (%1)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Size in the backup</source>
        <translation>Größe im Backup</translation>
    </message>
    <message>
        <source>Size then</source>
        <translation>Größe damals</translation>
    </message>
    <message>
        <source>&amp;Compare:</source>
        <translation>&amp;Vergleichen:</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in backup %1</source>
        <translation>in Backup %1</translation>
    </message>
    <message>
        <source>No file differs.</source>
        <translation>Keine Datei unterscheidet sich.</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 changed, %4 removed (%5 in the backup, %6 %7)</source>
        <translation>%1: %2 hinzugefügt, %3 geändert, %4 entfernt (%5 im Backup, %6 %7)</translation>
    </message>
    <message>
        <source>Code: commit %1 in the backup, %2 %3</source>
        <translation>Code: Commit %1 im Backup, %2 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Code: the same commit (%1)</source>
        <translation>Code: derselbe Commit (%1)</translation>
    </message>
    <message>
        <source>Database %1, table %2: %3 rows in the backup, %4 %5</source>
        <translation>Datenbank %1, Tabelle %2: %3 Zeilen im Backup, %4 %5</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 entfernt</translation>
    </message>
    <message>
        <source>… and more (the first 1000 are listed)</source>
        <translation>… und weitere (die ersten 1000 werden angezeigt)</translation>
    </message>
    <message>
        <source>Size now</source>
        <translation>Größe jetzt</translation>
    </message>
    <message>
        <source>Size in the other backup</source>
        <translation>Größe im anderen Backup</translation>
    </message>
</context>
<context>
    <name>Confinement</name>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute path</source>
        <translation>&apos;%1&apos; ist kein absoluter Pfad</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a normalised path (no &apos;.&apos;, &apos;..&apos;, &apos;//&apos; or trailing &apos;/&apos;)</source>
        <translation>&apos;%1&apos; ist kein normalisierter Pfad (kein &apos;.&apos;, &apos;..&apos;, &apos;//&apos; oder &apos;/&apos; am Ende)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is inside tidemarkd&apos;s data directory</source>
        <translation>&apos;%1&apos; liegt im Datenverzeichnis von tidemarkd</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains tidemarkd&apos;s data directory</source>
        <translation>&apos;%1&apos; enthält das Datenverzeichnis von tidemarkd</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed: this server has no environment root (start it with --environment-root DIR)</source>
        <translation>&apos;%1&apos; ist nicht erlaubt: Dieser Server hat kein Umgebungsverzeichnis (starten Sie ihn mit --environment-root DIR)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not under an environment root of this server (%2)</source>
        <translation>&apos;%1&apos; liegt unter keinem Umgebungsverzeichnis dieses Servers (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a simple name (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63, no &apos;/&apos;)</source>
        <translation>&apos;%1&apos; ist kein einfacher Name (Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, höchstens 63, kein &apos;/&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is used twice</source>
        <translation>&apos;%1&apos; wird zweimal verwendet</translation>
    </message>
    <message>
        <source>The %1 is not allowed: %2.</source>
        <translation>%1 ist nicht erlaubt: %2.</translation>
    </message>
    <message>
        <source>The %1 (%2) is not a directory.</source>
        <translation>%1 (%2) ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>The %1 (%2) does not exist or is not a file.</source>
        <translation>%1 (%2) existiert nicht oder ist keine Datei.</translation>
    </message>
    <message>
        <source>The folder of the %1 (%2) does not exist or is a link.</source>
        <translation>Der Ordner von %1 (%2) existiert nicht oder ist ein Link.</translation>
    </message>
    <message>
        <source>The %1 (%2) is a symbolic link; %3.</source>
        <translation>%1 (%2) ist ein symbolischer Link; %3.</translation>
    </message>
    <message>
        <source>tidemarkd does not follow links out of an environment</source>
        <translation>tidemarkd folgt keinen Links aus einer Umgebung hinaus</translation>
    </message>
    <message>
        <source>tidemarkd does not write through links</source>
        <translation>tidemarkd schreibt nicht durch Links</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>empty: the first project</source>
        <translation>leer: das erste Projekt</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>leer lassen, um das gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>&amp;Token-URL:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>API-To&amp;ken:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>The token for %1 is in the system keychain.</source>
        <translation>Das Token für %1 liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>The server on this computer, started by the console itself.</source>
        <translation>Der Server auf diesem Computer, von der Konsole selbst gestartet.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection %1 and its stored API token?</source>
        <translation>Die Verbindung %1 und ihr gespeichertes API-Token entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <source>empty: the API URL + /oauth2/token</source>
        <translation>leer: die API-URL + /oauth2/token</translation>
    </message>
    <message>
        <source>Where API tokens are exchanged, for example https://auth.upsun.com/oauth2/token</source>
        <translation>Wo API-Tokens eingetauscht werden, zum Beispiel https://auth.upsun.com/oauth2/token</translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept until Tidemark closes, not stored.</source>
        <translation>Kein System-Schlüsselbund verfügbar: Das Token bleibt bis zum Beenden von Tidemark erhalten und wird nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>ConnectionProfiles</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>A connection needs a name.</source>
        <translation>Eine Verbindung braucht einen Namen.</translation>
    </message>
    <message>
        <source>A connection name cannot begin or end with spaces.</source>
        <translation>Ein Verbindungsname darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the name of the built-in connection.</source>
        <translation>„%1“ ist der Name der eingebauten Verbindung.</translation>
    </message>
    <message>
        <source>There is already a connection called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>The %1 must use https: over http the API token would cross the network unencrypted.</source>
        <translation>Die %1 muss https verwenden: Über http würde das API-Token unverschlüsselt durch das Netz gehen.</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>token address</source>
        <translation>Token-Adresse</translation>
    </message>
    <message>
        <source>The built-in connection exists already.</source>
        <translation>Die eingebaute Verbindung existiert bereits.</translation>
    </message>
    <message>
        <source>There is no connection called &quot;%1&quot;.</source>
        <translation>Es gibt keine Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>Only the built-in connection is built in.</source>
        <translation>Nur die eingebaute Verbindung ist eingebaut.</translation>
    </message>
    <message>
        <source>The %1 must be an http or https address, like %2.</source>
        <translation>Die %1 muss eine http- oder https-Adresse sein, etwa %2.</translation>
    </message>
</context>
<context>
    <name>CopiesPage</name>
    <message>
        <source>(stored; type to replace)</source>
        <translation>(gespeichert; zum Ersetzen tippen)</translation>
    </message>
    <message>
        <source>&amp;Copies of every backup:</source>
        <translation>&amp;Kopien jedes Backups:</translation>
    </message>
    <message>
        <source>&amp;Add copy</source>
        <translation>Kopie &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove copy…</source>
        <translation>Kopie &amp;entfernen…</translation>
    </message>
    <message>
        <source>Copy target</source>
        <translation>Kopieziel</translation>
    </message>
    <message>
        <source>offsite</source>
        <translation>offsite</translation>
    </message>
    <message>
        <source>1 to 64 lower-case letters, digits, - and _</source>
        <translation>1 bis 64 Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>/mnt/backup/site, sftp:user@host:/srv/copy, s3:…, rest:…, rclone:…</source>
        <translation>/mnt/backup/site, sftp:user@host:/srv/copy, s3:…, rest:…, rclone:…</translation>
    </message>
    <message>
        <source>Any restic repository location: an absolute path or a restic backend.</source>
        <translation>Beliebiger Speicherort eines restic-Repositorys: ein absoluter Pfad oder ein restic-Backend.</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>After each backup</source>
        <translation>Nach jedem Backup</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Einmal täglich</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What the backend needs (AWS_ACCESS_KEY_ID, B2_ACCOUNT_KEY, RCLONE_…). Values are write-only: the server keeps them and never shows them again.</source>
        <translation>Was das Backend benötigt (AWS_ACCESS_KEY_ID, B2_ACCOUNT_KEY, RCLONE_…). Werte können nur geschrieben werden: Der Server bewahrt sie auf und zeigt sie nie wieder an.</translation>
    </message>
    <message>
        <source>Add &amp;variable</source>
        <translation>&amp;Variable hinzufügen</translation>
    </message>
    <message>
        <source>Remove v&amp;ariable</source>
        <translation>V&amp;ariable entfernen</translation>
    </message>
    <message>
        <source>Cre&amp;dentials:</source>
        <translation>&amp;Zugangsdaten:</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>&amp;Upload limit:</source>
        <translation>&amp;Upload-Limit:</translation>
    </message>
    <message>
        <source>Its &amp;own retention (otherwise it keeps what the primary keeps)</source>
        <translation>Eigene Auf&amp;bewahrung (sonst behält sie, was das primäre Repository behält)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <source>Schedule: interval:count pairs, e.g. &quot;1d:7, 1w:4&quot; keeps one backup a day for 7 days and one a week for 4 weeks. At most: empty for no cap.</source>
        <translation>Zeitplan: Paare aus Intervall:Anzahl, z. B. „1d:7, 1w:4“ behält 7 Tage lang ein Backup pro Tag und 4 Wochen lang eines pro Woche. Höchstens: leer für keine Obergrenze.</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Save copy</source>
        <translation>Kopie &amp;speichern</translation>
    </message>
    <message>
        <source>(new copy)</source>
        <translation>(neue Kopie)</translation>
    </message>
    <message>
        <source>Give the copy a name and a restic location, check the connection, then save it.</source>
        <translation>Geben Sie der Kopie einen Namen und einen restic-Speicherort, prüfen Sie die Verbindung und speichern Sie sie dann.</translation>
    </message>
    <message>
        <source>Credentials: a value has no variable name.</source>
        <translation>Zugangsdaten: Ein Wert hat keinen Variablennamen.</translation>
    </message>
    <message>
        <source>Credentials: %1 is given twice.</source>
        <translation>Zugangsdaten: %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Credentials: %1 has no value.</source>
        <translation>Zugangsdaten: %1 hat keinen Wert.</translation>
    </message>
    <message>
        <source>Credentials: type the value of %1 again, or remove it. Stored values cannot be read back, and new values replace the whole set.</source>
        <translation>Zugangsdaten: Geben Sie den Wert von %1 erneut ein oder entfernen Sie ihn. Gespeicherte Werte können nicht ausgelesen werden, und neue Werte ersetzen den gesamten Satz.</translation>
    </message>
    <message>
        <source>Retention of %1: &quot;%2&quot; is not interval:count (e.g. 1d:7).</source>
        <translation>Aufbewahrung von %1: „%2“ hat nicht die Form Intervall:Anzahl (z. B. 1d:7).</translation>
    </message>
    <message>
        <source>Retention of %1: the manual count must be a number.</source>
        <translation>Aufbewahrung von %1: Die manuelle Anzahl muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Retention of %1: &quot;at most&quot; must be a number or empty.</source>
        <translation>Aufbewahrung von %1: „Höchstens“ muss eine Zahl oder leer sein.</translation>
    </message>
    <message>
        <source>Retention of %1: %2</source>
        <translation>Aufbewahrung von %1: %2</translation>
    </message>
    <message>
        <source>Copy %1 added.</source>
        <translation>Kopie %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Copy %1 saved.</source>
        <translation>Kopie %1 gespeichert.</translation>
    </message>
    <message>
        <source>Remove copy</source>
        <translation>Kopie entfernen</translation>
    </message>
    <message>
        <source>Remove the copy %1? Its snapshots stay where they are, at %2: Tidemark only stops copying to it.</source>
        <translation>Die Kopie %1 entfernen? Ihre Snapshots bleiben, wo sie sind, unter %2: Tidemark hört nur auf, dorthin zu kopieren.</translation>
    </message>
    <message>
        <source>The server forgets the copy&apos;s password and credentials. To restore from these snapshots later, save the copy&apos;s password first (Repository tab, or tidemark-cli repository:key).</source>
        <translation>Der Server vergisst das Passwort und die Zugangsdaten der Kopie. Um später aus diesen Snapshots wiederherzustellen, speichern Sie zuerst das Passwort der Kopie (Reiter „Repository“ oder tidemark-cli repository:key).</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Copy %1 removed; its snapshots are still at %2.</source>
        <translation>Kopie %1 entfernt; ihre Snapshots liegen weiterhin unter %2.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
</context>
<context>
    <name>CopyCheck</name>
    <message>
        <source>The check could not prepare a temporary directory.</source>
        <translation>Die Prüfung konnte kein temporäres Verzeichnis anlegen.</translation>
    </message>
    <message>
        <source>The target answers but holds no repository: the next copy creates it with the copy&apos;s password.</source>
        <translation>Das Ziel antwortet, enthält aber kein Repository: Die nächste Kopie legt es mit dem Passwort der Kopie an.</translation>
    </message>
    <message>
        <source>The target answers and holds no repository yet: it will be created on the first copy, with a password of its own.</source>
        <translation>Das Ziel antwortet und enthält noch kein Repository: Es wird bei der ersten Kopie angelegt, mit einem eigenen Passwort.</translation>
    </message>
    <message>
        <source>The target opened with a password that was never set; it cannot be a copy&apos;s repository.</source>
        <translation>Das Ziel ließ sich mit einem Passwort öffnen, das nie festgelegt wurde; es kann nicht das Repository einer Kopie sein.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the repository opens with the copy&apos;s password and holds %n snapshot(s).</source>
        <translation>
            <numerusform>Verbunden: Das Repository lässt sich mit dem Passwort der Kopie öffnen und enthält %n Snapshot.</numerusform>
            <numerusform>Verbunden: Das Repository lässt sich mit dem Passwort der Kopie öffnen und enthält %n Snapshots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The target %1 did not answer within %n second(s): the host is unreachable or too slow.</source>
        <translation>
            <numerusform>Das Ziel %1 hat nicht innerhalb von %n Sekunde geantwortet: Der Host ist nicht erreichbar oder zu langsam.</numerusform>
            <numerusform>Das Ziel %1 hat nicht innerhalb von %n Sekunden geantwortet: Der Host ist nicht erreichbar oder zu langsam.</numerusform>
        </translation>
    </message>
    <message>
        <source>restic could not be run: %1</source>
        <translation>restic konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>A restic repository already exists at %1, and its password is not the copy&apos;s. Choose an empty location: each copy gets a password of its own when it is created.</source>
        <translation>Unter %1 existiert bereits ein restic-Repository, und sein Passwort ist nicht das der Kopie. Wählen Sie einen leeren Speicherort: Jede Kopie erhält beim Anlegen ein eigenes Passwort.</translation>
    </message>
    <message>
        <source>The repository at %1 does not open with the copy&apos;s password (wrong password, or its keys were removed).</source>
        <translation>Das Repository unter %1 lässt sich nicht mit dem Passwort der Kopie öffnen (falsches Passwort, oder seine Schlüssel wurden entfernt).</translation>
    </message>
    <message>
        <source>The host of %1 cannot be reached: %2</source>
        <translation>Der Host von %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The target %1 refused the credentials: %2</source>
        <translation>Das Ziel %1 hat die Zugangsdaten abgelehnt: %2</translation>
    </message>
    <message>
        <source>The target %1 cannot be opened: %2</source>
        <translation>Das Ziel %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>CopyOperation</name>
    <message numerus="yes">
        <source>%n backup(s) copied to %1</source>
        <translation>
            <numerusform>%n Backup nach %1 kopiert</numerusform>
            <numerusform>%n Backups nach %1 kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the copy %1 (it is created on first use).</source>
        <translation>Die Kopie %1 wird geöffnet (sie wird bei der ersten Verwendung angelegt).</translation>
    </message>
    <message>
        <source>The copy %1 cannot be reached or opened: %2</source>
        <translation>Die Kopie %1 ist nicht erreichbar oder kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Stale locks in copy %1 could not be removed: %2</source>
        <translation>Veraltete Sperren in der Kopie %1 konnten nicht entfernt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Copying %n backup(s) to %1.</source>
        <translation>
            <numerusform>%n Backup wird nach %1 kopiert.</numerusform>
            <numerusform>%n Backups werden nach %1 kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>restic could not copy the backups to %1: %2</source>
        <translation>restic konnte die Backups nicht nach %1 kopieren: %2</translation>
    </message>
    <message>
        <source>The snapshots of copy %1 could not be listed: %2</source>
        <translation>Die Snapshots der Kopie %1 konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>The retention of copy %1 removes %n backup(s) from it.</source>
        <translation>
            <numerusform>Die Aufbewahrungsrichtlinie der Kopie %1 entfernt %n Backup daraus.</numerusform>
            <numerusform>Die Aufbewahrungsrichtlinie der Kopie %1 entfernt %n Backups daraus.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backups that the retention of copy %1 removes could not be forgotten: %2</source>
        <translation>Die Backups, die die Aufbewahrungsrichtlinie der Kopie %1 entfernt, konnten nicht vergessen werden: %2</translation>
    </message>
    <message>
        <source>The copy %1 could not be pruned (its data is reclaimed on the next run): %2</source>
        <translation>Die Kopie %1 konnte nicht bereinigt werden (ihr Speicher wird beim nächsten Lauf freigegeben): %2</translation>
    </message>
    <message numerus="yes">
        <source>restic ran %n time(s) for this copy.</source>
        <translation>
            <numerusform>restic lief für diese Kopie %n Mal.</numerusform>
            <numerusform>restic lief für diese Kopie %n Mal.</numerusform>
        </translation>
    </message>
    <message>
        <source>restic&apos;s output does not name the copy of every backup; listing the snapshots of %1.</source>
        <translation>Die Ausgabe von restic nennt nicht die Kopie jedes Backups; die Snapshots von %1 werden aufgelistet.</translation>
    </message>
</context>
<context>
    <name>CopySecrets</name>
    <message>
        <source>Could not create the directory for the credentials of copy %1.</source>
        <translation>Das Verzeichnis für die Zugangsdaten der Kopie %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not store the credentials of copy %1: %2</source>
        <translation>Die Zugangsdaten der Kopie %1 konnten nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>CopyTarget</name>
    <message>
        <source>&apos;%1&apos; is not an environment variable name</source>
        <translation>&apos;%1&apos; ist kein Name einer Umgebungsvariablen</translation>
    </message>
    <message>
        <source>%1 is set by tidemarkd (each copy has its own generated password)</source>
        <translation>%1 wird von tidemarkd gesetzt (jede Kopie hat ihr eigenes generiertes Passwort)</translation>
    </message>
    <message>
        <source>must not contain a NUL character</source>
        <translation>darf kein NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <source>must be an object of names and values, or an array of names</source>
        <translation>muss ein Objekt aus Namen und Werten oder ein Array von Namen sein</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a copy name (use 1 to 64 lower-case letters, digits, - and _)</source>
        <translation>&apos;%1&apos; ist kein Name für eine Kopie (verwenden Sie 1 bis 64 Kleinbuchstaben, Ziffern, - und _)</translation>
    </message>
    <message>
        <source>&apos;primary&apos; names the project&apos;s own repository</source>
        <translation>&apos;primary&apos; bezeichnet das eigene Repository des Projekts</translation>
    </message>
    <message>
        <source>must be one line</source>
        <translation>muss einzeilig sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a restic location (use an absolute path or sftp:, rest:, s3:, rclone:, b2:, azure:, gs:, swift:)</source>
        <translation>&apos;%1&apos; ist kein restic-Speicherort (verwenden Sie einen absoluten Pfad oder sftp:, rest:, s3:, rclone:, b2:, azure:, gs:, swift:)</translation>
    </message>
    <message>
        <source>must be after_backup or daily</source>
        <translation>muss after_backup oder daily sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment type</source>
        <translation>&apos;%1&apos; ist kein Umgebungstyp</translation>
    </message>
    <message>
        <source>must be an array of copies, not %1</source>
        <translation>muss ein Array von Kopien sein, nicht %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names another copy already (names must be unique)</source>
        <translation>&apos;%1&apos; bezeichnet bereits eine andere Kopie (Namen müssen eindeutig sein)</translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message>
        <source>Where the database and repositories live.</source>
        <translation>Wo die Datenbank und die Repositorys liegen.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZ</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:8421; port 0 picks a free port).</source>
        <translation>Adresse, auf der gelauscht wird (Standard 127.0.0.1:8421; Port 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>Create the demo project on first start.</source>
        <translation>Legt beim ersten Start das Demoprojekt an.</translation>
    </message>
    <message>
        <source>Role of a new API token: admin or viewer.</source>
        <translation>Rolle eines neuen API-Tokens: admin oder viewer.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>Name of a new API token.</source>
        <translation>Name eines neuen API-Tokens.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>--data-dir: is required</source>
        <translation>--data-dir: ist erforderlich</translation>
    </message>
    <message>
        <source>--listen: &apos;%1&apos; is not HOST:PORT (for example 127.0.0.1:8421)</source>
        <translation>--listen: &apos;%1&apos; hat nicht die Form HOST:PORT (zum Beispiel 127.0.0.1:8421)</translation>
    </message>
    <message>
        <source>Take no automated backups (manual backups, restores and pruning still work).</source>
        <translation>Erstellt keine automatischen Backups (manuelle Backups, Wiederherstellungen und Bereinigung funktionieren weiterhin).</translation>
    </message>
    <message>
        <source>token revoke: there is no API token named &apos;%1&apos;</source>
        <translation>token revoke: Es gibt kein API-Token namens &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n API token(s) named %1.</source>
        <translation>
            <numerusform>%n API-Token namens %1 widerrufen.</numerusform>
            <numerusform>%n API-Tokens namens %1 widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>--timeout: must be a whole number of seconds from 1 to %1</source>
        <translation>--timeout: muss eine ganze Zahl von Sekunden von 1 bis %1 sein</translation>
    </message>
    <message>
        <source>Hooks of %1/%2 updated.</source>
        <translation>Hooks von %1/%2 aktualisiert.</translation>
    </message>
    <message>
        <source>A directory under which environments may live (repeatable; DIR/environments, the demo&apos;s, always is).</source>
        <translation>Ein Verzeichnis, unter dem Umgebungen liegen dürfen (wiederholbar; DIR/environments, das der Demo, gilt immer).</translation>
    </message>
    <message>
        <source>Let admin API tokens set pause and resume hooks (shell commands this server runs).</source>
        <translation>Admin-API-Tokens dürfen Pause- und Fortsetzungs-Hooks setzen (Shell-Befehle, die dieser Server ausführt).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>hooks set: the environment.</source>
        <translation>hooks set: die Umgebung.</translation>
    </message>
    <message>
        <source>hooks set: the pause hook (a shell command).</source>
        <translation>hooks set: der Pause-Hook (ein Shell-Befehl).</translation>
    </message>
    <message>
        <source>CMD</source>
        <translation>BEFEHL</translation>
    </message>
    <message>
        <source>hooks set: the resume hook (a shell command).</source>
        <translation>hooks set: der Fortsetzungs-Hook (ein Shell-Befehl).</translation>
    </message>
    <message>
        <source>hooks set: how long each hook may run (1-3600 s).</source>
        <translation>hooks set: wie lange jeder Hook laufen darf (1–3600 s).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Serve HTTPS with this certificate (PEM; intermediates may follow it). Needs --tls-key.</source>
        <translation>HTTPS mit diesem Zertifikat bereitstellen (PEM; Zwischenzertifikate dürfen folgen). Benötigt --tls-key.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>The private key of --tls-cert (PEM, unencrypted).</source>
        <translation>Der private Schlüssel zu --tls-cert (PEM, unverschlüsselt).</translation>
    </message>
    <message>
        <source>Serve plain HTTP on an address other than loopback (tokens then travel in the clear).</source>
        <translation>Unverschlüsseltes HTTP auf einer anderen Adresse als Loopback bereitstellen (Tokens werden dann im Klartext übertragen).</translation>
    </message>
    <message>
        <source>Optional: token create | token list | token revoke NAME | hooks set</source>
        <translation>Optional: token create | token list | token revoke NAME | hooks set</translation>
    </message>
    <message>
        <source>--environment-root: &apos;%1&apos; is not an existing directory given by its absolute path</source>
        <translation>--environment-root: &apos;%1&apos; ist kein bestehendes, mit absolutem Pfad angegebenes Verzeichnis</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command (token create, token list, token revoke NAME, hooks set, import)</source>
        <translation>&apos;%1&apos; ist kein Befehl (token create, token list, token revoke NAME, hooks set, import)</translation>
    </message>
    <message>
        <source>hooks set, import: the project.</source>
        <translation>hooks set, import: das Projekt.</translation>
    </message>
    <message>
        <source>import: the repository (a copy) to rebuild the projects from.</source>
        <translation>import: das Repository (eine Kopie), aus dem die Projekte neu aufgebaut werden.</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>ORT</translation>
    </message>
    <message>
        <source>import: the file holding that repository&apos;s password.</source>
        <translation>import: die Datei mit dem Passwort dieses Repositorys.</translation>
    </message>
    <message>
        <source>The Tidemark backup server.

  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo] [--environment-root DIR]... [--allow-api-hooks] [--metrics-listen HOST:PORT]
  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME
  tidemarkd --data-dir DIR token list
  tidemarkd --data-dir DIR token revoke NAME
  tidemarkd --data-dir DIR hooks set --project P --environment E [--pause CMD] [--resume CMD] [--timeout SECONDS]
  tidemarkd --data-dir DIR import --repository LOCATION --password-file F [--project ID]</source>
        <translation>Der Tidemark-Backup-Server.

  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo] [--environment-root DIR]... [--allow-api-hooks] [--metrics-listen HOST:PORT]
  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME
  tidemarkd --data-dir DIR token list
  tidemarkd --data-dir DIR token revoke NAME
  tidemarkd --data-dir DIR hooks set --project P --environment E [--pause CMD] [--resume CMD] [--timeout SECONDS]
  tidemarkd --data-dir DIR import --repository LOCATION --password-file F [--project ID]</translation>
    </message>
    <message>
        <source>Also serve GET /metrics (Prometheus) here, without authentication.</source>
        <translation>Hier zusätzlich GET /metrics (Prometheus) bereitstellen, ohne Authentifizierung.</translation>
    </message>
    <message>
        <source>--metrics-listen: &apos;%1&apos; is not HOST:PORT (for example 127.0.0.1:9421)</source>
        <translation>--metrics-listen: „%1“ ist nicht HOST:PORT (zum Beispiel 127.0.0.1:9421)</translation>
    </message>
</context>
<context>
    <name>DatabaseAccess</name>
    <message>
        <source>The password file of service %1 cannot be read.</source>
        <translation>Die Passwortdatei von Dienst %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The password file of service %1 is too large.</source>
        <translation>Die Passwortdatei von Dienst %1 ist zu groß.</translation>
    </message>
    <message>
        <source>A private temporary directory could not be created.</source>
        <translation>Ein privates temporäres Verzeichnis konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A private temporary file could not be created.</source>
        <translation>Eine private temporäre Datei konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>A private temporary file could not be written.</source>
        <translation>Eine private temporäre Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>PostgreSQL server %1 (database %2)</source>
        <translation>PostgreSQL-Server %1 (Datenbank %2)</translation>
    </message>
    <message>
        <source>MariaDB server %1 (database %2)</source>
        <translation>MariaDB-Server %1 (Datenbank %2)</translation>
    </message>
    <message>
        <source>The client for %1 could not be started (is it installed?).</source>
        <translation>Der Client für %1 konnte nicht gestartet werden (ist er installiert?).</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseDump</name>
    <message>
        <source>Connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>%1 of service %2 failed (%3): %4</source>
        <translation>%1 für Dienst %2 ist fehlgeschlagen (%3): %4</translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
        <translation>%1 konnte nicht gestartet werden (ist es installiert?)</translation>
    </message>
</context>
<context>
    <name>DatabaseLoad</name>
    <message>
        <source>The database of service %1 could not be restored (%2): %3</source>
        <translation>Die Datenbank von Dienst %1 konnte nicht wiederhergestellt werden (%2): %3</translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
        <translation>%1 konnte nicht gestartet werden (ist es installiert?)</translation>
    </message>
    <message>
        <source>the database client could not be started</source>
        <translation>der Datenbank-Client konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the server no longer knows transaction %1</source>
        <translation>der Server kennt die Transaktion %1 nicht mehr</translation>
    </message>
    <message>
        <source>transaction %1 is still in progress</source>
        <translation>die Transaktion %1 läuft noch</translation>
    </message>
</context>
<context>
    <name>DeleteOperation</name>
    <message>
        <source>Deleting backup %1.</source>
        <translation>Backup %1 wird gelöscht.</translation>
    </message>
    <message>
        <source>Backup %1 deleted</source>
        <translation>Backup %1 gelöscht</translation>
    </message>
    <message>
        <source>restic could not forget the snapshot: %1</source>
        <translation>restic konnte den Snapshot nicht entfernen (forget): %1</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>git %1 failed: %2</source>
        <translation>git %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot fill the demo database: %1</source>
        <translation>die Demodatenbank kann nicht befüllt werden: %1</translation>
    </message>
    <message>
        <source>cannot create the demo database: %1</source>
        <translation>die Demodatenbank kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Demo project</source>
        <translation>Demoprojekt</translation>
    </message>
    <message>
        <source>cannot record the demo project: %1</source>
        <translation>das Demoprojekt kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>The server of this computer could not start: %1</source>
        <translation>Der Server dieses Computers konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Environment &apos;%1&apos; does not exist.</source>
        <translation>Die Umgebung &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is inactive; activate it before backing it up.</source>
        <translation>Die Umgebung &apos;%1&apos; ist inaktiv; aktivieren Sie sie, bevor Sie sie sichern.</translation>
    </message>
    <message>
        <source>Manual backups are disabled for %1 environments (manual_count is 0).</source>
        <translation>Manuelle Backups sind für %1-Umgebungen deaktiviert (manual_count ist 0).</translation>
    </message>
    <message>
        <source>Consistent backup of %1</source>
        <translation>Konsistentes Backup von %1</translation>
    </message>
    <message>
        <source>Live backup of %1</source>
        <translation>Live-Backup von %1</translation>
    </message>
    <message>
        <source>The activity could not be recorded.</source>
        <translation>Die Aktivität konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; does not exist.</source>
        <translation>Das Backup &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is being deleted and cannot be restored.</source>
        <translation>Das Backup &apos;%1&apos; wird gerade gelöscht und kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is inactive; activate it before restoring into it.</source>
        <translation>Die Umgebung &apos;%1&apos; ist inaktiv; aktivieren Sie sie, bevor Sie etwas in ihr wiederherstellen.</translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; is busy with another activity; restore when it has finished.</source>
        <translation>Die Umgebung &apos;%1&apos; ist mit einer anderen Aktivität beschäftigt; stellen Sie wieder her, wenn diese beendet ist.</translation>
    </message>
    <message>
        <source>Restore of backup %1 into %2</source>
        <translation>Wiederherstellung von Backup %1 in %2</translation>
    </message>
    <message>
        <source>Restore of the data of backup %1 into %2 (code unchanged)</source>
        <translation>Wiederherstellung der Daten von Backup %1 in %2 (Code unverändert)</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is protected; unprotect it before deleting it.</source>
        <translation>Das Backup &apos;%1&apos; ist geschützt; heben Sie den Schutz auf, bevor Sie es löschen.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is already being deleted.</source>
        <translation>Das Backup &apos;%1&apos; wird bereits gelöscht.</translation>
    </message>
    <message>
        <source>Deletion of backup %1 of %2</source>
        <translation>Löschen von Backup %1 von %2</translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; does not exist.</source>
        <translation>Die Aktivität &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; cannot be cancelled now.</source>
        <translation>Die Aktivität &apos;%1&apos; kann jetzt nicht abgebrochen werden.</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>What this activity works on no longer exists.</source>
        <translation>Das, woran diese Aktivität arbeitet, existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Nothing to work on</source>
        <translation>Nichts zu bearbeiten</translation>
    </message>
    <message>
        <source>Deleted by the retention policy: %1.</source>
        <translation>Von der Aufbewahrungsrichtlinie gelöscht: %1.</translation>
    </message>
    <message>
        <source>tidemarkd stopped while this activity was running; it did not complete.</source>
        <translation>tidemarkd wurde beendet, während diese Aktivität lief; sie wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Interrupted: tidemarkd stopped while this activity was running</source>
        <translation>Unterbrochen: tidemarkd wurde beendet, während diese Aktivität lief</translation>
    </message>
    <message>
        <source>The backup could not be recorded: %1</source>
        <translation>Das Backup konnte nicht verzeichnet werden: %1</translation>
    </message>
    <message>
        <source>Resume of %1 after tidemarkd stopped while it was paused</source>
        <translation>Fortsetzen von %1, nachdem tidemarkd während der Pause angehalten wurde</translation>
    </message>
    <message>
        <source>tidemarkd stopped while %1 was paused (by the %2); its resume hook runs now.</source>
        <translation>tidemarkd wurde angehalten, während %1 pausiert war (durch %2); sein Fortsetzungs-Hook läuft jetzt.</translation>
    </message>
    <message>
        <source>Safety backup of %1 before restore %2</source>
        <translation>Sicherheits-Backup von %1 vor Wiederherstellung %2</translation>
    </message>
    <message>
        <source>from_copy: there is no copy called &apos;%1&apos; in backup_copies.</source>
        <translation>from_copy: In backup_copies gibt es keine Kopie namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is not on the copy &apos;%2&apos;.</source>
        <translation>Backup &apos;%1&apos; ist nicht in der Kopie &apos;%2&apos; vorhanden.</translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; cannot be restored: %2</source>
        <translation>Backup &apos;%1&apos; kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>it is not restorable now.</source>
        <translation>es ist derzeit nicht wiederherstellbar.</translation>
    </message>
    <message>
        <source>Undo of restore %1 in %2</source>
        <translation>Rückgängigmachen der Wiederherstellung %1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>Restore of %n path(s) of backup %1 into %2</source>
        <translation>
            <numerusform>Wiederherstellung von %n Pfad aus Backup %1 in %2</numerusform>
            <numerusform>Wiederherstellung von %n Pfaden aus Backup %1 in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore of %1 from backup %2 into %3</source>
        <translation>Wiederherstellung von %1 aus Backup %2 in %3</translation>
    </message>
    <message>
        <source>The safety backup could not be started: %1</source>
        <translation>Das Sicherheits-Backup konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>No safety backup could be taken; nothing was restored</source>
        <translation>Es konnte kein Sicherheits-Backup erstellt werden; nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>A safety backup (%1) of %2 is taken first.</source>
        <translation>Zuerst wird ein Sicherheits-Backup (%1) von %2 erstellt.</translation>
    </message>
    <message>
        <source>The safety backup %1 was not taken; nothing was restored.</source>
        <translation>Das Sicherheits-Backup %1 wurde nicht erstellt; nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>The safety backup %1 was not taken (%2); nothing was restored.</source>
        <translation>Das Sicherheits-Backup %1 wurde nicht erstellt (%2); nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; is not a restore; only a restore can be undone.</source>
        <translation>Aktivität &apos;%1&apos; ist keine Wiederherstellung; nur eine Wiederherstellung kann rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; has not completed successfully; there is nothing to undo.</source>
        <translation>Wiederherstellung &apos;%1&apos; wurde nicht erfolgreich abgeschlossen; es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; was run without a safety backup; it cannot be undone.</source>
        <translation>Wiederherstellung &apos;%1&apos; wurde ohne Sicherheits-Backup ausgeführt; sie kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The safety backup %1 of restore &apos;%2&apos; is gone; the restore can no longer be undone.</source>
        <translation>Das Sicherheits-Backup %1 der Wiederherstellung &apos;%2&apos; existiert nicht mehr; die Wiederherstellung kann nicht mehr rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; does not exist.</source>
        <translation>Projekt &apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <source>repository: there is no repository called &apos;%1&apos; (use primary or the name of a copy).</source>
        <translation>repository: Es gibt kein Repository namens &apos;%1&apos; (verwenden Sie primary oder den Namen einer Kopie).</translation>
    </message>
    <message>
        <source>read_data_percent: %1 is not between 0 and 100.</source>
        <translation>read_data_percent: %1 liegt nicht zwischen 0 und 100.</translation>
    </message>
    <message>
        <source>A verification of project &apos;%1&apos; is already queued or running.</source>
        <translation>Eine Überprüfung von Projekt &apos;%1&apos; ist bereits eingereiht oder läuft.</translation>
    </message>
    <message>
        <source>Verification of the %1 repository of %2</source>
        <translation>Überprüfung des Repositorys %1 von %2</translation>
    </message>
    <message>
        <source>There is no copy called &apos;%1&apos; in backup_copies.</source>
        <translation>In backup_copies gibt es keine Kopie namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Copy of the backups of %1 to %2</source>
        <translation>Kopie der Backups von %1 nach %2</translation>
    </message>
    <message>
        <source>The verification&apos;s result could not be recorded: %1</source>
        <translation>Das Ergebnis der Überprüfung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>verification %1 found damaged data in it (%2)</source>
        <translation>Überprüfung %1 hat darin beschädigte Daten gefunden (%2)</translation>
    </message>
    <message>
        <source>Backup %1 of %2 is not restorable: it uses the damaged data.</source>
        <translation>Backup %1 von %2 ist nicht wiederherstellbar: Es verwendet die beschädigten Daten.</translation>
    </message>
    <message>
        <source>Backup %1 of %2 is restorable again: all of its data is in the repository.</source>
        <translation>Backup %1 von %2 ist wieder wiederherstellbar: Alle seine Daten sind im Repository vorhanden.</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be an array of %1, not %2</source>
        <translation>muss ein Array aus %1 sein, nicht %2</translation>
    </message>
    <message>
        <source>{&quot;name&quot;, &quot;path&quot;} objects</source>
        <translation>{&quot;name&quot;, &quot;path&quot;}-Objekten</translation>
    </message>
    <message>
        <source>{&quot;name&quot;, &quot;kind&quot;, &quot;path&quot;} or {&quot;name&quot;, &quot;kind&quot;, &quot;host&quot;, &quot;port&quot;, &quot;database&quot;, &quot;user&quot;, &quot;password_file&quot;} objects</source>
        <translation>Objekte der Form {&quot;name&quot;, &quot;kind&quot;, &quot;path&quot;} oder {&quot;name&quot;, &quot;kind&quot;, &quot;host&quot;, &quot;port&quot;, &quot;database&quot;, &quot;user&quot;, &quot;password_file&quot;}</translation>
    </message>
    <message>
        <source>needs either &quot;host&quot; (with an optional &quot;port&quot;) or &quot;socket&quot;</source>
        <translation>benötigt entweder &quot;host&quot; (mit optionalem &quot;port&quot;) oder &quot;socket&quot;</translation>
    </message>
    <message>
        <source>is not used with &quot;socket&quot;</source>
        <translation>wird mit &quot;socket&quot; nicht verwendet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported kind of service (&quot;sqlite&quot;, &quot;postgresql&quot;, &quot;mariadb&quot; or &quot;mysql&quot;)</source>
        <translation>&apos;%1&apos; ist keine unterstützte Art von Dienst (&quot;sqlite&quot;, &quot;postgresql&quot;, &quot;mariadb&quot; oder &quot;mysql&quot;)</translation>
    </message>
</context>
<context>
    <name>EnvironmentListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, branched from %2</source>
        <translation>%1, abgezweigt von %2</translation>
    </message>
    <message>
        <source>%1; an activity is pending or running</source>
        <translation>%1; eine Aktivität wartet oder läuft</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Noch kein Backup</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letztes Backup</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Only active environments are backed up automatically.</source>
        <translation>Nur aktive Umgebungen werden automatisch gesichert.</translation>
    </message>
    <message>
        <source>The %1 retention policy has no schedule, so no backup is taken automatically.</source>
        <translation>Die Aufbewahrungsrichtlinie für %1 hat keinen Zeitplan, daher wird kein Backup automatisch erstellt.</translation>
    </message>
    <message>
        <source>%1: at the start of every %2 bucket (UTC)</source>
        <translation>%1: zu Beginn jedes %2-Zeitfensters (UTC)</translation>
    </message>
    <message>
        <source>When the scheduler takes the next automated backup (the start of the finest schedule&apos;s next interval)</source>
        <translation>Wann der Planer das nächste automatische Backup erstellt (zu Beginn des nächsten Intervalls des feinsten Zeitplans)</translation>
    </message>
    <message>
        <source>Next backup</source>
        <translation>Nächstes Backup</translation>
    </message>
</context>
<context>
    <name>GrowthChart</name>
    <message>
        <source>Repository growth</source>
        <translation>Repository-Wachstum</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s), now %1</source>
        <translation>
            <numerusform>%n Messung, jetzt %1</numerusform>
            <numerusform>%n Messungen, jetzt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Size of the primary repository</source>
        <translation>Größe des primären Repositorys</translation>
    </message>
    <message>
        <source>Size of the primary repository: %1</source>
        <translation>Größe des primären Repositorys: %1</translation>
    </message>
    <message>
        <source>No measurement yet: the first backup makes one.</source>
        <translation>Noch keine Messung: Das erste Backup erstellt eine.</translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>this server has no health report (only tidemarkd has one)</source>
        <translation>dieser Server hat keinen Zustandsbericht (nur tidemarkd hat einen)</translation>
    </message>
</context>
<context>
    <name>HealthMonitor</name>
    <message>
        <source>This computer&apos;s server has not started yet.</source>
        <translation>Der Server dieses Computers wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <source>No API token for %1: connect to it once to enter one.</source>
        <translation>Kein API-Token für %1: Verbinden Sie sich einmal damit, um eines einzugeben.</translation>
    </message>
    <message>
        <source>This server does not report the health of its environments.</source>
        <translation>Dieser Server meldet den Zustand seiner Umgebungen nicht.</translation>
    </message>
    <message>
        <source>The server has no project.</source>
        <translation>Der Server hat kein Projekt.</translation>
    </message>
</context>
<context>
    <name>HealthReport</name>
    <message>
        <source>must be an array of strings, not %1</source>
        <translation>muss ein Array von Zeichenketten sein, nicht %1</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>muss ein Array sein, nicht %1</translation>
    </message>
    <message>
        <source>must be a number or null, not %1</source>
        <translation>muss eine Zahl oder null sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>HealthReporter</name>
    <message>
        <source>inactive: no backups are taken while it is inactive</source>
        <translation>inaktiv: Solange sie inaktiv ist, werden keine Backups erstellt</translation>
    </message>
    <message>
        <source>newest good backup is %1 old, target %2</source>
        <translation>neuestes gutes Backup ist %1 alt, Ziel %2</translation>
    </message>
    <message>
        <source>no good backup yet, target %1</source>
        <translation>noch kein gutes Backup, Ziel %1</translation>
    </message>
    <message>
        <source>last backup failed: %1</source>
        <translation>letztes Backup fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no automated backups: %1 has no schedule</source>
        <translation>keine automatischen Backups: %1 hat keinen Zeitplan</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd was not running</source>
        <translation>
            <numerusform>%n geplantes Backup verpasst: tidemarkd lief nicht</numerusform>
            <numerusform>%n geplante Backups verpasst: tidemarkd lief nicht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation>
            <numerusform>%n geplantes Backup verpasst: tidemarkd lief ohne seinen Zeitplaner (--no-scheduler)</numerusform>
            <numerusform>%n geplante Backups verpasst: tidemarkd lief ohne seinen Zeitplaner (--no-scheduler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed</source>
        <translation>
            <numerusform>%n geplantes Backup verpasst</numerusform>
            <numerusform>%n geplante Backups verpasst</numerusform>
        </translation>
    </message>
    <message>
        <source>no automated backups: tidemarkd runs without its scheduler (--no-scheduler)</source>
        <translation>keine automatischen Backups: tidemarkd läuft ohne seinen Zeitplaner (--no-scheduler)</translation>
    </message>
    <message>
        <source>copy %1 failed: %2</source>
        <translation>Kopie %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>verification of %1 failed: %2</source>
        <translation>Prüfung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>not verified for %1</source>
        <translation>seit %1 nicht geprüft</translation>
    </message>
    <message>
        <source>never verified, though the oldest backup is %1 old</source>
        <translation>nie geprüft, obwohl das älteste Backup %1 alt ist</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) could not be copied to %1</source>
        <translation>
            <numerusform>%n Backup konnte nicht nach %1 kopiert werden</numerusform>
            <numerusform>%n Backups konnten nicht nach %1 kopiert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>copy %1 has not run for %2</source>
        <translation>Kopie %1 ist seit %2 nicht gelaufen</translation>
    </message>
</context>
<context>
    <name>HealthSettings</name>
    <message>
        <source>&apos;%1&apos; is not an environment type (expected one of: %2)</source>
        <translation>„%1“ ist kein Umgebungstyp (erwartet wird einer von: %2)</translation>
    </message>
    <message>
        <source>must be a number of hours or null, not %1</source>
        <translation>muss eine Anzahl Stunden oder null sein, nicht %1</translation>
    </message>
    <message>
        <source>%1 is out of range (more than 0, at most %2 hours)</source>
        <translation>%1 liegt außerhalb des Bereichs (mehr als 0, höchstens %2 Stunden)</translation>
    </message>
</context>
<context>
    <name>HealthTableModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n T.</numerusform>
            <numerusform>%n T.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>copied %1</source>
        <translation>kopiert %1</translation>
    </message>
    <message>
        <source>nothing copied yet</source>
        <translation>noch nichts kopiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1, failed</source>
        <translation>%1, fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1, passed</source>
        <translation>%1, bestanden</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Newest good backup</source>
        <translation>Neuestes gutes Backup</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message numerus="yes">
        <source>%n h</source>
        <comment>an age in hours</comment>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>a target in hours</comment>
        <translation>%1 Std.</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Health of every environment</source>
        <translation>Zustand aller Umgebungen</translation>
    </message>
    <message>
        <source>Every environment of every connection, worst first. Checked %1; Enter or a click opens one.</source>
        <translation>Alle Umgebungen aller Verbindungen, die schlechtesten zuerst. Geprüft: %1; die Eingabetaste oder ein Klick öffnet eine.</translation>
    </message>
    <message>
        <source>Every environment of every connection, worst first. Checking…</source>
        <translation>Alle Umgebungen aller Verbindungen, die schlechtesten zuerst. Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>HookRunner</name>
    <message>
        <source>The %1 hook did not finish within %2 s and was stopped.</source>
        <translation>Der %1-Hook wurde nicht innerhalb von %2 s fertig und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The %1 hook could not be started: %2</source>
        <translation>Der %1-Hook konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The %1 hook failed (exit status %2).</source>
        <translation>Der %1-Hook ist fehlgeschlagen (Exit-Status %2).</translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>The request body is larger than %1.</source>
        <translation>Der Anfrageinhalt ist größer als %1.</translation>
    </message>
    <message>
        <source>The request headers are larger than %1.</source>
        <translation>Die Anfrage-Header sind größer als %1.</translation>
    </message>
    <message>
        <source>This is not an HTTP/1.1 request (%1).</source>
        <translation>Dies ist keine HTTP/1.1-Anfrage (%1).</translation>
    </message>
    <message>
        <source>The request target must be a path, such as /projects.</source>
        <translation>Das Anfrageziel muss ein Pfad sein, etwa /projects.</translation>
    </message>
    <message>
        <source>The request headers were not complete within %1 s.</source>
        <translation>Die Anfrage-Header waren nicht innerhalb von %1 s vollständig.</translation>
    </message>
    <message>
        <source>The request body was not complete within %1 s.</source>
        <translation>Der Anfrageinhalt war nicht innerhalb von %1 s vollständig.</translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>this build of Qt has no TLS support (%1)</source>
        <translation>dieser Qt-Build unterstützt kein TLS (%1)</translation>
    </message>
    <message>
        <source>--tls-cert: cannot read %1: %2</source>
        <translation>--tls-cert: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--tls-cert: %1 holds no PEM certificate</source>
        <translation>--tls-cert: %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>--tls-key: cannot read %1: %2</source>
        <translation>--tls-key: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--tls-key: %1 holds no unencrypted PEM private key (RSA, EC or DSA)</source>
        <translation>--tls-key: %1 enthält keinen unverschlüsselten privaten PEM-Schlüssel (RSA, EC oder DSA)</translation>
    </message>
    <message>
        <source>The server has too many connections open; try again later.</source>
        <translation>Der Server hat zu viele offene Verbindungen; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Too many connections from this address; close some and try again.</source>
        <translation>Zu viele Verbindungen von dieser Adresse; schließen Sie einige und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Could not run restic: %1</source>
        <translation>restic konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>restic %1 did not finish.</source>
        <translation>restic %1 wurde nicht beendet.</translation>
    </message>
    <message>
        <source>restic %1 on %2 failed: %3</source>
        <translation>restic %1 auf %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>--repository: the location of the repository to import from is missing</source>
        <translation>--repository: Der Speicherort des Repositorys, aus dem importiert werden soll, fehlt</translation>
    </message>
    <message>
        <source>--password-file: &apos;%1&apos; is not a file</source>
        <translation>--password-file: &apos;%1&apos; ist keine Datei</translation>
    </message>
    <message>
        <source>The repository %1 holds no Tidemark backup manifests: nothing to import.</source>
        <translation>Das Repository %1 enthält keine Tidemark-Backup-Manifeste: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>No backup in %1 could be imported.</source>
        <translation>Kein Backup in %1 konnte importiert werden.</translation>
    </message>
    <message>
        <source>--project: no backup of project &apos;%1&apos; is in %2.</source>
        <translation>--project: In %2 ist kein Backup von Projekt &apos;%1&apos; enthalten.</translation>
    </message>
    <message>
        <source>Could not create the password file %1.</source>
        <translation>Die Passwortdatei %1 konnte nicht erstellt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Project %1: %n backup(s) imported; environments created: %2.</source>
        <translation>
            <numerusform>Projekt %1: %n Backup importiert; angelegte Umgebungen: %2.</numerusform>
            <numerusform>Projekt %1: %n Backups importiert; angelegte Umgebungen: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>JsonDocument</name>
    <message>
        <source>an object is not closed with &apos;}&apos; or a &apos;,&apos; is missing between members</source>
        <translation>ein Objekt ist nicht mit &apos;}&apos; geschlossen oder zwischen Elementen fehlt ein &apos;,&apos;</translation>
    </message>
    <message>
        <source>a &apos;:&apos; is missing after a member name</source>
        <translation>nach einem Elementnamen fehlt ein &apos;:&apos;</translation>
    </message>
    <message>
        <source>an array is not closed with &apos;]&apos; or a &apos;,&apos; is missing between values</source>
        <translation>ein Array ist nicht mit &apos;]&apos; geschlossen oder zwischen Werten fehlt ein &apos;,&apos;</translation>
    </message>
    <message>
        <source>a &apos;,&apos; is missing between values</source>
        <translation>zwischen Werten fehlt ein &apos;,&apos;</translation>
    </message>
    <message>
        <source>a value is missing or not valid JSON (a trailing comma?)</source>
        <translation>ein Wert fehlt oder ist kein gültiges JSON (ein überzähliges Komma am Ende?)</translation>
    </message>
    <message>
        <source>the text ends inside a number</source>
        <translation>der Text endet mitten in einer Zahl</translation>
    </message>
    <message>
        <source>a number is not valid</source>
        <translation>eine Zahl ist ungültig</translation>
    </message>
    <message>
        <source>a string has an invalid escape sequence</source>
        <translation>eine Zeichenkette enthält eine ungültige Escape-Sequenz</translation>
    </message>
    <message>
        <source>a string is not valid UTF-8</source>
        <translation>eine Zeichenkette ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>a string is not closed with &apos;&quot;&apos;</source>
        <translation>eine Zeichenkette ist nicht mit &apos;&quot;&apos; geschlossen</translation>
    </message>
    <message>
        <source>a value is missing here (a trailing comma?)</source>
        <translation>hier fehlt ein Wert (ein überzähliges Komma am Ende?)</translation>
    </message>
    <message>
        <source>the document is nested too deeply</source>
        <translation>das Dokument ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the document is too large</source>
        <translation>das Dokument ist zu groß</translation>
    </message>
    <message>
        <source>there is more text after the end of the document</source>
        <translation>nach dem Ende des Dokuments folgt weiterer Text</translation>
    </message>
    <message>
        <source>the text is not valid JSON</source>
        <translation>der Text ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>is empty; a JSON document was expected</source>
        <translation>ist leer; ein JSON-Dokument wurde erwartet</translation>
    </message>
    <message>
        <source>malformed JSON at line %1, column %2: %3</source>
        <translation>fehlerhaftes JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>JsonRead</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ein fehlender Wert</translation>
    </message>
    <message>
        <source>must be an integer from %1 to %2, not %3</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>muss eine Zeichenkette sein, nicht %1</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>muss true oder false sein, nicht %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an RFC 3339 date-time (like 2026-11-26T04:00:00Z)</source>
        <translation>&apos;%1&apos; ist kein Zeitpunkt nach RFC 3339 (wie 2026-11-26T04:00:00Z)</translation>
    </message>
    <message>
        <source>must be an RFC 3339 date-time string, not %1</source>
        <translation>muss eine Zeichenkette mit einem Zeitpunkt nach RFC 3339 sein, nicht %1</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>muss ein Objekt sein, nicht %1</translation>
    </message>
    <message>
        <source>is not a known field (expected one of: %1)</source>
        <translation>ist kein bekanntes Feld (erwartet wird eines von: %1)</translation>
    </message>
</context>
<context>
    <name>LogStream</name>
    <message>
        <source>too many log streams are open at once</source>
        <translation>zu viele Protokollströme sind gleichzeitig geöffnet</translation>
    </message>
    <message>
        <source>the log stream ended before the activity did</source>
        <translation>der Protokollstrom endete vor der Aktivität</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>Über &amp;Tidemark</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation>Über Tidemark</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tidemark %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Backups and restores of hosting environments, under retention policies that you preview before anything is deleted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tidemark %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Backups und Wiederherstellungen von Hosting-Umgebungen, mit Aufbewahrungsrichtlinien, deren Auswirkungen Sie in einer Vorschau sehen, bevor etwas gelöscht wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Backup…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Protect</source>
        <translation>&amp;Schützen</translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation>&amp;Notiz bearbeiten…</translation>
    </message>
    <message>
        <source>Retention &amp;policies…</source>
        <translation>&amp;Aufbewahrungsrichtlinien…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Find backups</source>
        <translation>Backups s&amp;uchen</translation>
    </message>
    <message>
        <source>&amp;Cancel activity</source>
        <translation>Aktivität abb&amp;rechen</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Backups</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source> Connection: </source>
        <translation> Verbindung: </translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Filter backups (id, date, commit, note, reason…)</source>
        <translation>Backups filtern (ID, Datum, Commit, Notiz, Grund…)</translation>
    </message>
    <message>
        <source>Filter backups</source>
        <translation>Backups filtern</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>Select an activity to see its log.</source>
        <translation>Wählen Sie eine Aktivität aus, um ihr Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Cancelling the activity</source>
        <translation>Abbrechen der Aktivität</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Er&amp;neut versuchen</translation>
    </message>
    <message>
        <source>Manage connections…</source>
        <translation>Verbindungen verwalten…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>This computer&apos;s server is not available in this build.</source>
        <translation>Der Server dieses Computers ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>API token for %1:</source>
        <translation>API-Token für %1:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>No API token for %1.</source>
        <translation>Kein API-Token für %1.</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>The server has no project.</source>
        <translation>Der Server hat kein Projekt.</translation>
    </message>
    <message>
        <source>The server has no project %1.</source>
        <translation>Der Server hat kein Projekt %1.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 — project %2</source>
        <translation>Verbunden mit %1 — Projekt %2</translation>
    </message>
    <message>
        <source>Disconnected from %1: %2</source>
        <translation>Verbindung zu %1 getrennt: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Loading environments</source>
        <translation>Laden der Umgebungen</translation>
    </message>
    <message>
        <source>Loading settings</source>
        <translation>Laden der Einstellungen</translation>
    </message>
    <message>
        <source>Backups of %1</source>
        <translation>Backups von %1</translation>
    </message>
    <message>
        <source>Loading backups</source>
        <translation>Laden der Backups</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select an environment</source>
        <translation>Wählen Sie eine Umgebung aus</translation>
    </message>
    <message>
        <source>Environment is inactive</source>
        <translation>Die Umgebung ist inaktiv</translation>
    </message>
    <message>
        <source>Viewers cannot back up</source>
        <translation>Betrachter können keine Backups erstellen</translation>
    </message>
    <message>
        <source>Select one backup to restore</source>
        <translation>Wählen Sie ein Backup zum Wiederherstellen aus</translation>
    </message>
    <message>
        <source>Select only one backup to restore</source>
        <translation>Wählen Sie nur ein Backup zum Wiederherstellen aus</translation>
    </message>
    <message>
        <source>The backup is being deleted</source>
        <translation>Das Backup wird gerade gelöscht</translation>
    </message>
    <message>
        <source>Viewers cannot restore</source>
        <translation>Betrachter können nicht wiederherstellen</translation>
    </message>
    <message>
        <source>Select the backups to delete</source>
        <translation>Wählen Sie die zu löschenden Backups aus</translation>
    </message>
    <message>
        <source>Protected backups cannot be deleted</source>
        <translation>Geschützte Backups können nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Viewers cannot delete backups</source>
        <translation>Betrachter können keine Backups löschen</translation>
    </message>
    <message>
        <source>Select one backup</source>
        <translation>Wählen Sie ein Backup aus</translation>
    </message>
    <message>
        <source>Viewers cannot change backups</source>
        <translation>Betrachter können keine Backups ändern</translation>
    </message>
    <message>
        <source>Select a running activity</source>
        <translation>Wählen Sie eine laufende Aktivität aus</translation>
    </message>
    <message>
        <source>The activity has ended</source>
        <translation>Die Aktivität ist beendet</translation>
    </message>
    <message>
        <source>This activity cannot be cancelled</source>
        <translation>Diese Aktivität kann nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Starting the backup</source>
        <translation>Starten des Backups</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Starting the restore</source>
        <translation>Starten der Wiederherstellung</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>Delete this backup? It cannot be restored afterwards.</source>
        <translation>Dieses Backup löschen? Es kann danach nicht mehr wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Delete these %1 backups? They cannot be restored afterwards.</source>
        <translation>Diese %1 Backups löschen? Sie können danach nicht mehr wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Delete backups</source>
        <translation>Backups löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Deleting a backup</source>
        <translation>Löschen eines Backups</translation>
    </message>
    <message>
        <source>Protect backup</source>
        <translation>Backup schützen</translation>
    </message>
    <message>
        <source>Backup note</source>
        <translation>Backup-Notiz</translation>
    </message>
    <message>
        <source>Note for the backup of %1 from %2:</source>
        <translation>Notiz zum Backup von %1 vom %2:</translation>
    </message>
    <message>
        <source>The log appears here as the activity runs.</source>
        <translation>Das Protokoll erscheint hier, während die Aktivität läuft.</translation>
    </message>
    <message>
        <source>This activity has no log.</source>
        <translation>Diese Aktivität hat kein Protokoll.</translation>
    </message>
    <message>
        <source>Loading the log…</source>
        <translation>Das Protokoll wird geladen …</translation>
    </message>
    <message>
        <source>Loading the activity&apos;s log</source>
        <translation>Laden des Aktivitätsprotokolls</translation>
    </message>
    <message>
        <source>This server does not list its projects; enter the project ID in Connections.</source>
        <translation>Dieser Server listet seine Projekte nicht auf; geben Sie die Projekt-ID unter Verbindungen ein.</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>Aktivität abbrechen</translation>
    </message>
    <message>
        <source>Not connected to %1: the activity cannot be cancelled now.</source>
        <translation>Nicht mit %1 verbunden: Die Aktivität kann jetzt nicht abgebrochen werden.</translation>
    </message>
    <message>
        <source>Reconnect with Retry in the status bar, then cancel it again.</source>
        <translation>Verbinden Sie sich mit „Erneut versuchen“ in der Statusleiste neu und brechen Sie sie dann erneut ab.</translation>
    </message>
    <message>
        <source>Protected: never deleted. Click to unprotect (%1)</source>
        <translation>Geschützt: wird nie gelöscht. Klicken, um den Schutz aufzuheben (%1)</translation>
    </message>
    <message>
        <source>Protect: never delete this backup (%1)</source>
        <translation>Schützen: dieses Backup nie löschen (%1)</translation>
    </message>
    <message>
        <source>Not connected: reconnect to cancel it</source>
        <translation>Nicht verbunden: zum Abbrechen neu verbinden</translation>
    </message>
    <message>
        <source>%1 has no backup yet. Take the first one with Backup (%2).</source>
        <translation>%1 hat noch kein Backup. Erstellen Sie das erste mit „Backup“ (%2).</translation>
    </message>
    <message>
        <source>%1 has no backup, and it is inactive: activate it to back it up.</source>
        <translation>%1 hat kein Backup und ist inaktiv: Aktivieren Sie die Umgebung, um sie zu sichern.</translation>
    </message>
    <message>
        <source>The %1 retention policy has no schedule, so %2 is never backed up automatically. Add a schedule under Retention policies (%3).</source>
        <translation>Die Aufbewahrungsrichtlinie für %1 hat keinen Zeitplan, daher wird %2 nie automatisch gesichert. Fügen Sie unter „Aufbewahrungsrichtlinien“ (%3) einen Zeitplan hinzu.</translation>
    </message>
    <message>
        <source>Quit Tidemark</source>
        <translation>Tidemark beenden</translation>
    </message>
    <message>
        <source>Cancel them and &amp;quit</source>
        <translation>Abbrechen und &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bleiben</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n activity(ies) before quitting…</source>
        <translation>
            <numerusform>%n Aktivität wird vor dem Beenden abgebrochen…</numerusform>
            <numerusform>%n Aktivitäten werden vor dem Beenden abgebrochen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) still running on this computer. Quitting stops them: a backup that is stopped is not kept.</source>
        <translation>
            <numerusform>Auf diesem Computer läuft noch %n Aktivität. Beenden hält sie an: Ein angehaltenes Backup wird nicht aufbewahrt.</numerusform>
            <numerusform>Auf diesem Computer laufen noch %n Aktivitäten. Beenden hält sie an: Ein angehaltenes Backup wird nicht aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo restore…</source>
        <translation>Wiederherstellung &amp;rückgängig machen…</translation>
    </message>
    <message>
        <source>Bro&amp;wse files…</source>
        <translation>Dateien &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Undo restore</source>
        <translation>Wiederherstellung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>The comparison with the environment now is not available: %1</source>
        <translation>Der Vergleich mit der aktuellen Umgebung ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>This server cannot compare a backup with the environment.</source>
        <translation>Dieser Server kann kein Backup mit der Umgebung vergleichen.</translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation>Wiederherstellung rückgängig machen</translation>
    </message>
    <message>
        <source>Put %1 back as it was before this restore?</source>
        <translation>%1 wieder in den Zustand vor dieser Wiederherstellung versetzen?</translation>
    </message>
    <message>
        <source>The safety backup %1 taken before the restore is restored into %2, with the same parts; a new safety backup is taken first.</source>
        <translation>Das vor der Wiederherstellung erstellte Sicherheits-Backup %1 wird mit denselben Teilen in %2 wiederhergestellt; zuvor wird ein neues Sicherheits-Backup erstellt.</translation>
    </message>
    <message>
        <source>Undoing the restore</source>
        <translation>Wiederherstellung wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Restore files</source>
        <translation>Dateien wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Put back %n item(s) of backup %1 into %2?</source>
        <translation>
            <numerusform>%n Eintrag aus Backup %1 in %2 wiederherstellen?</numerusform>
            <numerusform>%n Einträge aus Backup %1 in %2 wiederherstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Only these are replaced; everything else in %1 stays as it is. A safety backup is taken first, so the restore can be undone.</source>
        <translation>Nur diese werden ersetzt; alles andere in %1 bleibt, wie es ist. Zuvor wird ein Sicherheits-Backup erstellt, sodass die Wiederherstellung rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>Show restic&apos;s own output</source>
        <translation>Ausgabe von restic anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Show restic&apos;s own output (%n line(s))</source>
        <translation>
            <numerusform>Ausgabe von restic anzeigen (%n Zeile)</numerusform>
            <numerusform>Ausgabe von restic anzeigen (%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is now %2: %3</source>
        <translation>%1 ist jetzt %2: %3</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Tidemark — %1</source>
        <translation>Tidemark — %1</translation>
    </message>
    <message>
        <source>Copies, re&amp;positories and alerts…</source>
        <translation>Kopien, Re&amp;positorys und Benachrichtigungen…</translation>
    </message>
</context>
<context>
    <name>MariaDbDump</name>
    <message>
        <source>Locking for a consistent snapshot</source>
        <translation>Sperren für einen konsistenten Snapshot</translation>
    </message>
    <message>
        <source>mariadb-dump</source>
        <translation>mariadb-dump</translation>
    </message>
    <message>
        <source>Releasing the read lock</source>
        <translation>Freigeben der Lesesperre</translation>
    </message>
    <message>
        <source>mariadb-dump could not be started (is it installed?)</source>
        <translation>mariadb-dump konnte nicht gestartet werden (ist es installiert?)</translation>
    </message>
    <message>
        <source>its snapshot did not open in time</source>
        <translation>sein Snapshot wurde nicht rechtzeitig geöffnet</translation>
    </message>
    <message>
        <source>Counting rows</source>
        <translation>Zählen der Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>Service %1: %n table(s) without transactions, %2, are read as they are when the dump reaches them, not at the instant of the other tables.</source>
        <translation>
            <numerusform>Dienst %1: %n Tabelle ohne Transaktionen, %2, wird so gelesen, wie sie ist, wenn der Dump sie erreicht, nicht im Moment der anderen Tabellen.</numerusform>
            <numerusform>Dienst %1: %n Tabellen ohne Transaktionen, %2, werden so gelesen, wie sie sind, wenn der Dump sie erreicht, nicht im Moment der anderen Tabellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service %1: dumped %n table(s) without transactions, %2, under the read lock inside the pause in %3 ms.</source>
        <translation>
            <numerusform>Dienst %1: %n Tabelle ohne Transaktionen, %2, unter der Lesesperre in der Pause in %3 ms gesichert.</numerusform>
            <numerusform>Dienst %1: %n Tabellen ohne Transaktionen, %2, unter der Lesesperre in der Pause in %3 ms gesichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationMessage</name>
    <message>
        <source>project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>environment %1 of project %2</source>
        <translation>Umgebung %1 von Projekt %2</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Backup fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Scheduled backup missed: %1</source>
        <translation>Geplantes Backup verpasst: %1</translation>
    </message>
    <message>
        <source>Copy failed: %1</source>
        <translation>Kopie fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Restore finished: %1</source>
        <translation>Wiederherstellung abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Restore cancelled: %1</source>
        <translation>Wiederherstellung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Restore failed: %1</source>
        <translation>Wiederherstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Test message: %1</source>
        <translation>Testnachricht: %1</translation>
    </message>
    <message>
        <source>A backup of %1 failed.</source>
        <translation>Ein Backup von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Copying the backups of %1 to an off-site repository failed.</source>
        <translation>Das Kopieren der Backups von %1 in ein externes Repository ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Verifying the backup repository of %1 failed.</source>
        <translation>Die Prüfung des Backup-Repositorys von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A restore into %1 finished successfully.</source>
        <translation>Eine Wiederherstellung in %1 wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>A restore into %1 was cancelled.</source>
        <translation>Eine Wiederherstellung in %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>A restore into %1 failed.</source>
        <translation>Eine Wiederherstellung in %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>This is a test message from tidemarkd for %1. If you read it, alerts reach you here.</source>
        <translation>Dies ist eine Testnachricht von tidemarkd für %1. Wenn Sie sie lesen, erreichen Warnmeldungen Sie hier.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Zeitpunkt: %1</translation>
    </message>
    <message>
        <source>Activity: %1 (tidemark-cli activity:log %2 -p %3)</source>
        <translation>Aktivität: %1 (tidemark-cli activity:log %2 -p %3)</translation>
    </message>
    <message numerus="yes">
        <source>The backup schedule of %1 missed %n run(s); a backup has been started now.</source>
        <translation>
            <numerusform>Der Backup-Plan von %1 hat %n Lauf verpasst; ein Backup wurde jetzt gestartet.</numerusform>
            <numerusform>Der Backup-Plan von %1 hat %n Läufe verpasst; ein Backup wurde jetzt gestartet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationSecrets</name>
    <message>
        <source>Could not create the directory for the secrets of notification target %1.</source>
        <translation>Das Verzeichnis für die Geheimnisse des Benachrichtigungsziels %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not store the secrets of notification target %1: %2</source>
        <translation>Die Geheimnisse des Benachrichtigungsziels %1 konnten nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>NotificationSender</name>
    <message>
        <source>libcurl could not start a transfer</source>
        <translation>libcurl konnte keine Übertragung starten</translation>
    </message>
    <message>
        <source>stopped: tidemarkd is shutting down</source>
        <translation>gestoppt: tidemarkd wird beendet</translation>
    </message>
    <message>
        <source>the receiver answered HTTP %1</source>
        <translation>der Empfänger antwortete mit HTTP %1</translation>
    </message>
</context>
<context>
    <name>NotificationTarget</name>
    <message>
        <source>is required for a webhook</source>
        <translation>ist für einen Webhook erforderlich</translation>
    </message>
    <message>
        <source>is not an http:// or https:// URL with a host</source>
        <translation>ist keine http://- oder https://-URL mit Host</translation>
    </message>
    <message>
        <source>is longer than 2048 characters</source>
        <translation>ist länger als 2048 Zeichen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a format (use json, slack or ntfy)</source>
        <translation>„%1“ ist kein Format (verwenden Sie json, slack oder ntfy)</translation>
    </message>
    <message>
        <source>is only for e-mail (kind &quot;email&quot;)</source>
        <translation>ist nur für E-Mail (kind &quot;email&quot;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a TLS mode (use starttls, tls for a TLS connection from the start, or none)</source>
        <translation>„%1“ ist kein TLS-Modus (verwenden Sie starttls, tls für eine von Anfang an TLS-gesicherte Verbindung, oder none)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or address</source>
        <translation>„%1“ ist kein Hostname und keine Adresse</translation>
    </message>
    <message>
        <source>must be one line of at most 256 characters</source>
        <translation>muss eine Zeile mit höchstens 256 Zeichen sein</translation>
    </message>
    <message>
        <source>must be one line of at most 1024 characters</source>
        <translation>muss eine Zeile mit höchstens 1024 Zeichen sein</translation>
    </message>
    <message>
        <source>must be starttls or tls when a password is given (it would travel in the clear)</source>
        <translation>muss starttls oder tls sein, wenn ein Passwort angegeben ist (es würde sonst im Klartext übertragen)</translation>
    </message>
    <message>
        <source>is required for e-mail</source>
        <translation>ist für E-Mail erforderlich</translation>
    </message>
    <message>
        <source>must be a non-empty array of e-mail addresses</source>
        <translation>muss ein nicht leeres Array von E-Mail-Adressen sein</translation>
    </message>
    <message>
        <source>has more than %1 addresses</source>
        <translation>hat mehr als %1 Adressen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address (name@host)</source>
        <translation>„%1“ ist keine E-Mail-Adresse (name@host)</translation>
    </message>
    <message>
        <source>is only for webhooks (kind &quot;webhook&quot;)</source>
        <translation>ist nur für Webhooks (kind &quot;webhook&quot;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a notification name (use 1 to 64 lower-case letters, digits, - and _)</source>
        <translation>„%1“ ist kein Benachrichtigungsname (verwenden Sie 1 bis 64 Kleinbuchstaben, Ziffern, - und _)</translation>
    </message>
    <message>
        <source>is required (webhook or email)</source>
        <translation>ist erforderlich (webhook oder email)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a kind (use webhook or email)</source>
        <translation>„%1“ ist keine Art (verwenden Sie webhook oder email)</translation>
    </message>
    <message>
        <source>must be a non-empty array of events (%1)</source>
        <translation>muss ein nicht leeres Array von Ereignissen sein (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an event (use %2)</source>
        <translation>„%1“ ist kein Ereignis (verwenden Sie %2)</translation>
    </message>
    <message>
        <source>must be an array of notification targets, not %1</source>
        <translation>muss ein Array von Benachrichtigungszielen sein, nicht %1</translation>
    </message>
    <message>
        <source>has more than 50 targets</source>
        <translation>hat mehr als 50 Ziele</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names another notification target already (names must be unique)</source>
        <translation>„%1“ bezeichnet bereits ein anderes Benachrichtigungsziel (Namen müssen eindeutig sein)</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>A cop&amp;y failed</source>
        <translation>Eine Kop&amp;ie ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>(stored; type to replace)</source>
        <translation>(gespeichert; zum Ersetzen tippen)</translation>
    </message>
    <message>
        <source>&amp;Add target</source>
        <translation>&amp;Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Alert target</source>
        <translation>Benachrichtigungsziel</translation>
    </message>
    <message>
        <source>ops-chat</source>
        <translation>ops-chat</translation>
    </message>
    <message>
        <source>1 to 64 lower-case letters, digits, - and _</source>
        <translation>1 bis 64 Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>The address tidemarkd posts to. It often holds a secret, so it is write-only: the server keeps it and shows only its scheme and host.</source>
        <translation>Die Adresse, an die tidemarkd sendet. Sie enthält oft ein Geheimnis und kann daher nur geschrieben werden: Der Server bewahrt sie auf und zeigt nur Schema und Host.</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Slack (incoming webhook)</source>
        <translation>Slack (eingehender Webhook)</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP-&amp;Server:</translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation>STARTTLS (erforderlich)</translation>
    </message>
    <message>
        <source>TLS from the start (SMTPS)</source>
        <translation>TLS von Anfang an (SMTPS)</translation>
    </message>
    <message>
        <source>None (loopback relays only)</source>
        <translation>Keine (nur für lokale Relays)</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>Versc&amp;hlüsselung:</translation>
    </message>
    <message>
        <source>(no login)</source>
        <translation>(ohne Anmeldung)</translation>
    </message>
    <message>
        <source>Write-only: the server keeps it and never shows it again.</source>
        <translation>Nur schreibbar: Der Server bewahrt es auf und zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>ops@example.org, dba@example.org</source>
        <translation>ops@example.org, dba@example.org</translation>
    </message>
    <message>
        <source>tidemarkd@this host</source>
        <translation>tidemarkd@dieser Rechner</translation>
    </message>
    <message>
        <source>Send when</source>
        <translation>Senden, wenn</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Sends a test message to every saved target and says which ones received it.</source>
        <translation>Sendet eine Testnachricht an jedes gespeicherte Ziel und zeigt, welche sie erhalten haben.</translation>
    </message>
    <message>
        <source>Sa&amp;ve target</source>
        <translation>Ziel spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Deliveries since tidemarkd started:</source>
        <translation>Zustellungen seit de&amp;m Start von tidemarkd:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Last delivered</source>
        <translation>Zuletzt zugestellt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>(new target)</source>
        <translation>(neues Ziel)</translation>
    </message>
    <message>
        <source>Give the target a name, where to send and which events, then save it and send a test.</source>
        <translation>Geben Sie dem Ziel einen Namen, wohin gesendet wird und bei welchen Ereignissen; speichern Sie es dann und senden Sie einen Test.</translation>
    </message>
    <message>
        <source>%1 (stored; type to replace)</source>
        <translation>%1 (gespeichert; zum Ersetzen tippen)</translation>
    </message>
    <message>
        <source>https://hooks.example.org/…</source>
        <translation>https://hooks.example.org/…</translation>
    </message>
    <message>
        <source>Send when: choose at least one event.</source>
        <translation>Senden, wenn: Wählen Sie mindestens ein Ereignis.</translation>
    </message>
    <message>
        <source>URL: give the address to post to.</source>
        <translation>URL: Geben Sie die Adresse an, an die gesendet wird.</translation>
    </message>
    <message>
        <source>To: give at least one address.</source>
        <translation>Empfänger: Geben Sie mindestens eine Adresse an.</translation>
    </message>
    <message>
        <source>Target %1 added. Send a test to see that it arrives.</source>
        <translation>Ziel %1 hinzugefügt. Senden Sie einen Test, um zu sehen, dass er ankommt.</translation>
    </message>
    <message>
        <source>Target %1 saved.</source>
        <translation>Ziel %1 gespeichert.</translation>
    </message>
    <message>
        <source>Remove alert target</source>
        <translation>Benachrichtigungsziel entfernen</translation>
    </message>
    <message>
        <source>Remove the alert target %1? tidemarkd stops sending to it, and forgets its stored secrets.</source>
        <translation>Das Benachrichtigungsziel %1 entfernen? tidemarkd sendet nicht mehr dorthin und vergisst die gespeicherten Geheimnisse.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Target %1 removed.</source>
        <translation>Ziel %1 entfernt.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save the target first: a test goes to the saved targets.</source>
        <translation>Speichern Sie das Ziel zuerst: Ein Test geht an die gespeicherten Ziele.</translation>
    </message>
    <message numerus="yes">
        <source>Sending a test message to %n target(s)…</source>
        <translation>
            <numerusform>Testnachricht wird an %n Ziel gesendet…</numerusform>
            <numerusform>Testnachricht wird an %n Ziele gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: received.</source>
        <translation>%1: erhalten.</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>A &amp;backup failed</source>
        <translation>Ein Backup ist feh&amp;lgeschlagen</translation>
    </message>
    <message>
        <source>Scheduled backups &amp;were missed</source>
        <translation>Geplante Backups wurden &amp;versäumt</translation>
    </message>
    <message>
        <source>A ver&amp;ification failed</source>
        <translation>Eine Prüfung der &amp;Daten ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>A restore finis&amp;hed</source>
        <translation>Eine &amp;Wiederherstellung wurde beendet</translation>
    </message>
    <message>
        <source>Alert targets:</source>
        <translation>Benachrichtigungsziele:</translation>
    </message>
    <message>
        <source>Remove tar&amp;get…</source>
        <translation>Ziel ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Empfän&amp;ger:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Abs&amp;ender:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>dropped: too many deliveries waiting</source>
        <translation>verworfen: zu viele wartende Zustellungen</translation>
    </message>
    <message>
        <source>its secret is not stored; give it again in the settings</source>
        <translation>sein Geheimnis ist nicht gespeichert; geben Sie es in den Einstellungen erneut an</translation>
    </message>
    <message numerus="yes">
        <source>%n while tidemarkd was not running</source>
        <translation>
            <numerusform>%n, während tidemarkd nicht lief</numerusform>
            <numerusform>%n, während tidemarkd nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n while tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation>
            <numerusform>%n, während tidemarkd ohne seinen Planer lief (--no-scheduler)</numerusform>
            <numerusform>%n, während tidemarkd ohne seinen Planer lief (--no-scheduler)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not taken or failed while tidemarkd ran</source>
        <translation>
            <numerusform>%n nicht ausgeführt oder fehlgeschlagen, während tidemarkd lief</numerusform>
            <numerusform>%n nicht ausgeführt oder fehlgeschlagen, während tidemarkd lief</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyEditorDialog</name>
    <message>
        <source>Retention policies</source>
        <translation>Aufbewahrungsrichtlinien</translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation>&amp;Produktion</translation>
    </message>
    <message>
        <source>&amp;Staging</source>
        <translation>&amp;Staging</translation>
    </message>
    <message>
        <source>&amp;Development</source>
        <translation>&amp;Entwicklung</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Anwenden…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Fix the problems shown in red first</source>
        <translation>Beheben Sie zuerst die rot angezeigten Probleme</translation>
    </message>
    <message>
        <source>Nothing has changed</source>
        <translation>Es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Checking what the new policies delete…</source>
        <translation>Prüfe, was die neuen Richtlinien löschen…</translation>
    </message>
    <message>
        <source>%1: %2 from %3 (%4)</source>
        <translation>%1: %2 vom %3 (%4)</translation>
    </message>
    <message>
        <source>Apply the new retention policies? No current backup is deleted.</source>
        <translation>Die neuen Aufbewahrungsrichtlinien anwenden? Kein vorhandenes Backup wird gelöscht.</translation>
    </message>
    <message>
        <source>Apply the new retention policies? This backup will be deleted right away:</source>
        <translation>Die neuen Aufbewahrungsrichtlinien anwenden? Dieses Backup wird sofort gelöscht:</translation>
    </message>
    <message>
        <source>Apply the new retention policies? These %1 backups will be deleted right away:</source>
        <translation>Die neuen Aufbewahrungsrichtlinien anwenden? Diese %1 Backups werden sofort gelöscht:</translation>
    </message>
    <message>
        <source>Apply retention policies</source>
        <translation>Aufbewahrungsrichtlinien anwenden</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply and delete %1</source>
        <translation>Anwenden und %1 löschen</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>Nicht angewendet.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Applied. Surplus backups are being deleted.</source>
        <translation>Angewendet. Überzählige Backups werden gelöscht.</translation>
    </message>
    <message>
        <source>Close without applying your changes?</source>
        <translation>Schließen, ohne Ihre Änderungen anzuwenden?</translation>
    </message>
</context>
<context>
    <name>PolicyEditorPage</name>
    <message>
        <source>Automated backup schedules</source>
        <translation>Zeitpläne für automatische Backups</translation>
    </message>
    <message>
        <source>&amp;Add schedule</source>
        <translation>Zeitplan &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>0 (manual backups disabled)</source>
        <translation>0 (manuelle Backups deaktiviert)</translation>
    </message>
    <message>
        <source>Manual backups kept</source>
        <translation>Behaltene manuelle Backups</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>Maximum number of backups</source>
        <translation>Maximale Anzahl an Backups</translation>
    </message>
    <message>
        <source>Automated backups</source>
        <translation>Automatische Backups</translation>
    </message>
    <message>
        <source>Each schedule keeps the newest backup of each of its last &lt;i&gt;count&lt;/i&gt; intervals, for example 1 day × 7 keeps one backup a day for a week.</source>
        <translation>Jeder Zeitplan behält das neueste Backup aus jedem seiner letzten &lt;i&gt;Anzahl&lt;/i&gt; Intervalle; zum Beispiel behält 1 Tag × 7 eine Woche lang ein Backup pro Tag.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>&amp;Manual backups kept:</source>
        <translation>&amp;Manuelle Backups behalten:</translation>
    </message>
    <message>
        <source>Ma&amp;ximum backups in all:</source>
        <translation>Ma&amp;ximale Anzahl Backups:</translation>
    </message>
    <message>
        <source>Preview environment</source>
        <translation>Vorschau-Umgebung</translation>
    </message>
    <message>
        <source>Backups kept and deleted by the draft policy</source>
        <translation>Vom Richtlinienentwurf behaltene und gelöschte Backups</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Fix the policy to see its preview.</source>
        <translation>Korrigieren Sie die Richtlinie, um ihre Vorschau zu sehen.</translation>
    </message>
    <message>
        <source>(updating…)</source>
        <translation>(wird aktualisiert…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 kept&lt;/b&gt;, &lt;b&gt;%2 deleted&lt;/b&gt; of the current backups of %3.</source>
        <translation>&lt;b&gt;%1 behalten&lt;/b&gt;, &lt;b&gt;%2 gelöscht&lt;/b&gt; von den aktuellen Backups von %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No automated backups:&lt;/b&gt; environments of type %1 are not backed up on a schedule. Add a schedule to have them backed up automatically.</source>
        <translation>&lt;b&gt;Keine automatischen Backups:&lt;/b&gt; Umgebungen vom Typ %1 werden nicht nach Zeitplan gesichert. Fügen Sie einen Zeitplan hinzu, damit sie automatisch gesichert werden.</translation>
    </message>
    <message>
        <source>Simulation span</source>
        <translation>Simulationszeitraum</translation>
    </message>
    <message>
        <source>8 weeks</source>
        <translation>8 Wochen</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 Monate</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 Jahre</translation>
    </message>
    <message>
        <source>S&amp;imulate:</source>
        <translation>S&amp;imulieren:</translation>
    </message>
    <message>
        <source>Point at a bar, click it, or use the arrow keys in the timeline to see why it is kept and when it is deleted.</source>
        <translation>Zeigen Sie auf einen Balken, klicken Sie ihn an oder verwenden Sie die Pfeiltasten in der Zeitleiste, um zu sehen, warum das Backup behalten und wann es gelöscht wird.</translation>
    </message>
    <message>
        <source>No environment of this type: the simulation starts without backups.</source>
        <translation>Keine Umgebung dieses Typs: Die Simulation beginnt ohne Backups.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count and schedule: 7 daily</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n automated</source>
        <translation>
            <numerusform>%n automatisches</numerusform>
            <numerusform>%n automatische</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manual</source>
        <translation>
            <numerusform>%n manuelles</numerusform>
            <numerusform>%n manuelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n protected</source>
        <translation>
            <numerusform>%n geschütztes</numerusform>
            <numerusform>%n geschützte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: at least %n backup(s)</source>
        <translation>
            <numerusform>Gleichgewichtszustand: mindestens %n Backup</numerusform>
            <numerusform>Gleichgewichtszustand: mindestens %n Backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: %n backup(s)</source>
        <translation>
            <numerusform>Gleichgewichtszustand: %n Backup</numerusform>
            <numerusform>Gleichgewichtszustand: %n Backups</numerusform>
        </translation>
    </message>
    <message>
        <source>storage unknown</source>
        <translation>Speicherbedarf unbekannt</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>(of the last valid draft)</source>
        <translation>(des letzten gültigen Entwurfs)</translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the sizes newly stored by %n current backup(s): one full copy (%1, the largest) plus %2 for each further backup (the mean of the others).</source>
        <translation>
            <numerusform>Speicherbedarf geschätzt aus den neu gespeicherten Größen von %n aktuellen Backup: eine vollständige Kopie (%1, die größte) plus %2 für jedes weitere Backup (der Mittelwert der anderen).</numerusform>
            <numerusform>Speicherbedarf geschätzt aus den neu gespeicherten Größen von %n aktuellen Backups: eine vollständige Kopie (%1, die größte) plus %2 für jedes weitere Backup (der Mittelwert der anderen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Storage estimated from the one backup that reports the size it newly stored (%1): how much each further backup adds is not known yet.</source>
        <translation>Speicherbedarf geschätzt aus dem einen Backup, das seine neu gespeicherte Größe meldet (%1): Wie viel jedes weitere Backup hinzufügt, ist noch nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the logical sizes of %n current backup(s) (mean %1 each), without deduplication or compression: an upper bound.</source>
        <translation>
            <numerusform>Speicherbedarf geschätzt aus den logischen Größen von %n aktuellen Backup (im Mittel je %1), ohne Deduplizierung oder Komprimierung: eine Obergrenze.</numerusform>
            <numerusform>Speicherbedarf geschätzt aus den logischen Größen von %n aktuellen Backups (im Mittel je %1), ohne Deduplizierung oder Komprimierung: eine Obergrenze.</numerusform>
        </translation>
    </message>
    <message>
        <source>No current backup reports its size, so the storage cannot be estimated.</source>
        <translation>Kein aktuelles Backup meldet seine Größe, daher kann der Speicherbedarf nicht geschätzt werden.</translation>
    </message>
    <message>
        <source>What the policy keeps once every schedule has filled (manual backups up to the limit, protected backups always).</source>
        <translation>Was die Richtlinie behält, sobald sich jeder Zeitplan gefüllt hat (manuelle Backups bis zum Limit, geschützte Backups immer).</translation>
    </message>
</context>
<context>
    <name>PostgresDump</name>
    <message>
        <source>Exporting a snapshot</source>
        <translation>Exportieren eines Snapshots</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>unerwartete Antwort</translation>
    </message>
    <message>
        <source>pg_dump</source>
        <translation>pg_dump</translation>
    </message>
    <message>
        <source>Counting rows</source>
        <translation>Zählen der Zeilen</translation>
    </message>
</context>
<context>
    <name>PostgresLoad</name>
    <message>
        <source>pg_restore could not be started (is it installed?)</source>
        <translation>pg_restore konnte nicht gestartet werden (ist es installiert?)</translation>
    </message>
    <message>
        <source>a private pipe could not be made</source>
        <translation>eine private Pipe konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 ended with status %2</source>
        <translation>%1 endete mit Status %2</translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
        <translation>%1 konnte nicht gestartet werden (ist es installiert?)</translation>
    </message>
</context>
<context>
    <name>PreviewReport</name>
    <message>
        <source>must be an array of backups, not %1</source>
        <translation>muss ein Array von Backups sein, nicht %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; appears more than once</source>
        <translation>&apos;%1&apos; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <source>must be the string &quot;true&quot; or &quot;false&quot;</source>
        <translation>muss die Zeichenkette &quot;true&quot; oder &quot;false&quot; sein</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>geschützt</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message numerus="yes">
        <source>Now %1: %n kept</source>
        <translation>
            <numerusform>Jetzt %1: %n behalten</numerusform>
            <numerusform>Jetzt %1: %n behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n deleted.</source>
        <translation>
            <numerusform>, %n gelöscht.</numerusform>
            <numerusform>, %n gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectSettings</name>
    <message>
        <source>&apos;%1&apos; is not an environment type (expected one of: %2)</source>
        <translation>&apos;%1&apos; ist kein Umgebungstyp (erwartet wird einer von: %2)</translation>
    </message>
    <message>
        <source>is not a setting that can be changed here (only data_retention, verify, backup_copies, notifications and health can be changed)</source>
        <translation>ist keine Einstellung, die hier geändert werden kann (nur data_retention, verify, backup_copies, notifications und health können geändert werden)</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>&amp;Copies</source>
        <translation>&amp;Kopien</translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation>&amp;Repositorys</translation>
    </message>
    <message>
        <source>Copies, repositories and alerts of %1</source>
        <translation>Kopien, Repositorys und Benachrichtigungen von %1</translation>
    </message>
    <message>
        <source>A&amp;lerts</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>This computer&apos;s server did not say whether backups are running: %1</source>
        <translation>Der Server dieses Computers hat nicht mitgeteilt, ob Backups laufen: %1</translation>
    </message>
</context>
<context>
    <name>QuitPrompt</name>
    <message>
        <source>Finish in the background: the window closes now and Tidemark quits once they have ended.</source>
        <translation>Im Hintergrund abschließen: Das Fenster schließt sich jetzt, und Tidemark wird beendet, sobald sie abgeschlossen sind.</translation>
    </message>
    <message>
        <source>To keep backing up on schedule with Tidemark closed, use Settings ▸ Run in the background.</source>
        <translation>Um bei geschlossenem Tidemark weiterhin nach Zeitplan zu sichern, verwenden Sie Einstellungen ▸ Im Hintergrund ausführen.</translation>
    </message>
    <message>
        <source>Finish in the &amp;background</source>
        <translation>Im &amp;Hintergrund abschließen</translation>
    </message>
    <message>
        <source>Asking this computer&apos;s server what is running…</source>
        <translation>Der Server dieses Computers wird gefragt, was gerade läuft…</translation>
    </message>
    <message>
        <source>Quitting stops this computer&apos;s server and anything it is doing.</source>
        <translation>Beenden stoppt den Server dieses Computers und alles, was er gerade tut.</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>Trotzdem &amp;beenden</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBanner</name>
    <message>
        <source>Save as &amp;file…</source>
        <translation>Als &amp;Datei speichern…</translation>
    </message>
    <message>
        <source>Cop&amp;y password</source>
        <translation>Passwort &amp;kopieren</translation>
    </message>
    <message>
        <source>I have &amp;stored it safely</source>
        <translation>Ich habe ihn &amp;sicher aufbewahrt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Save the recovery key.&lt;/b&gt; The password of this project&apos;s backup repository is kept on this server only. Without it, no backup can be restored on another machine, not even from a copy. Save it somewhere safe (a password manager, a printout in a drawer).</source>
        <translation>&lt;b&gt;Speichern Sie den Wiederherstellungsschlüssel.&lt;/b&gt; Das Passwort des Backup-Repositorys dieses Projekts wird nur auf diesem Server aufbewahrt. Ohne es kann kein Backup auf einem anderen Rechner wiederhergestellt werden, nicht einmal aus einer Kopie. Bewahren Sie es an einem sicheren Ort auf (in einem Passwort-Manager, als Ausdruck in einer Schublade).</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
        <source>The recovery key could not be read: %1</source>
        <translation>Der Wiederherstellungsschlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Tidemark recovery key
Project: %1
Repository: %2
Password: %3
Saved: %4

Restore on a new machine with:
  tidemarkd --data-dir DIR import --repository LOCATION --password-file FILE
</source>
        <translation>Tidemark-Wiederherstellungsschlüssel
Projekt: %1
Repository: %2
Passwort: %3
Gespeichert: %4

Auf einem neuen Rechner wiederherstellen mit:
  tidemarkd --data-dir DIR import --repository LOCATION --password-file FILE
</translation>
    </message>
    <message>
        <source>The recovery key was saved to %1. Keep that file somewhere safe, away from this machine, then confirm with &quot;I have stored it safely&quot;.</source>
        <translation>Der Wiederherstellungsschlüssel wurde in %1 gespeichert. Bewahren Sie diese Datei an einem sicheren Ort auf, nicht auf diesem Rechner, und bestätigen Sie dann mit „Ich habe ihn sicher aufbewahrt“.</translation>
    </message>
    <message>
        <source>The password of %1 is on the clipboard. Paste it into a password manager, then confirm with &quot;I have stored it safely&quot;.</source>
        <translation>Das Passwort von %1 ist in der Zwischenablage. Fügen Sie es in einen Passwort-Manager ein und bestätigen Sie dann mit „Ich habe ihn sicher aufbewahrt“.</translation>
    </message>
    <message>
        <source>The confirmation could not be recorded: %1</source>
        <translation>Die Bestätigung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>RepositoryPage</name>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Backups hold</source>
        <translation>Backups umfassen</translation>
    </message>
    <message>
        <source>Deduplication</source>
        <translation>Deduplizierung</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Verify the selected repository now</source>
        <translation>Ausgewähltes Repository jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The repositories could not be read: %1</source>
        <translation>Die Repositorys konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>not measured</source>
        <comment>repository size</comment>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Only a repository on this machine is measured; a copy&apos;s size is its backend&apos;s.</source>
        <translation>Nur ein Repository auf diesem Rechner wird gemessen; die Größe einer Kopie ist die ihres Backends.</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Check %1 with restic and read back a share of its data</source>
        <translation>%1 mit restic prüfen und einen Teil seiner Daten zurücklesen</translation>
    </message>
    <message>
        <source>Starting the verification of %1…</source>
        <translation>Die Prüfung von %1 wird gestartet…</translation>
    </message>
    <message>
        <source>The verification could not start: %1</source>
        <translation>Die Prüfung konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>the server started no activity</source>
        <translation>der Server hat keine Aktivität gestartet</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Verifying %1… %2 %</source>
        <translation>%1 wird geprüft… %2 %</translation>
    </message>
    <message>
        <source>The verification of %1 could not be followed: %2</source>
        <translation>Die Prüfung von %1 konnte nicht verfolgt werden: %2</translation>
    </message>
    <message>
        <source>Verification of %1 passed: %2</source>
        <translation>Prüfung von %1 bestanden: %2</translation>
    </message>
    <message>
        <source>Verification of %1 FAILED: %2</source>
        <translation>Prüfung von %1 FEHLGESCHLAGEN: %2</translation>
    </message>
</context>
<context>
    <name>RepositoryReport</name>
    <message>
        <source>must be a number or null, not %1</source>
        <translation>muss eine Zahl oder null sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>ResticJob</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>restic %1 stopped unexpectedly: %2</source>
        <translation>restic %1 wurde unerwartet beendet: %2</translation>
    </message>
    <message>
        <source>restic backup finished without naming a snapshot.</source>
        <translation>restic backup wurde beendet, ohne einen Snapshot zu nennen.</translation>
    </message>
    <message>
        <source>Some files could not be read and are missing from the snapshot.</source>
        <translation>Einige Dateien konnten nicht gelesen werden und fehlen im Snapshot.</translation>
    </message>
    <message>
        <source>Could not learn the full id of snapshot %1.</source>
        <translation>Die vollständige ID von Snapshot %1 konnte nicht ermittelt werden.</translation>
    </message>
    <message>
        <source>The snapshot %1, saved before the cancel, could not be forgotten: %2</source>
        <translation>Der vor dem Abbruch gespeicherte Snapshot %1 konnte nicht entfernt werden (forget): %2</translation>
    </message>
    <message>
        <source>Could not remove the lock the stopped restic run left behind: %1</source>
        <translation>Die Sperre, die der abgebrochene restic-Lauf hinterlassen hat, konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>restic printed a repository config that is not JSON.</source>
        <translation>restic hat eine Repository-Konfiguration ausgegeben, die kein JSON ist.</translation>
    </message>
    <message>
        <source>restic printed a snapshot list that is not JSON.</source>
        <translation>restic hat eine Snapshot-Liste ausgegeben, die kein JSON ist.</translation>
    </message>
    <message>
        <source>Could not read restic&apos;s version from &quot;%1&quot;.</source>
        <translation>Die restic-Version konnte nicht aus &quot;%1&quot; gelesen werden.</translation>
    </message>
    <message>
        <source>restic %1 is too old: Tidemark needs restic %2 or newer.</source>
        <translation>restic %1 ist zu alt: Tidemark benötigt restic %2 oder neuer.</translation>
    </message>
    <message>
        <source>restic could not open the repository %1: wrong password or no key found.</source>
        <translation>restic konnte das Repository %1 nicht öffnen: falsches Passwort oder kein Schlüssel gefunden.</translation>
    </message>
    <message>
        <source>There is no restic repository at %1.</source>
        <translation>Unter %1 gibt es kein restic-Repository.</translation>
    </message>
    <message>
        <source>The repository %1 is locked by another restic process: %2</source>
        <translation>Das Repository %1 ist durch einen anderen restic-Prozess gesperrt: %2</translation>
    </message>
    <message>
        <source>restic %1 found no such snapshot: %2</source>
        <translation>restic %1 hat keinen solchen Snapshot gefunden: %2</translation>
    </message>
    <message>
        <source>restic %1 failed with exit code %2.</source>
        <translation>restic %1 ist mit Exit-Code %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>restic %1 failed with exit code %2: %3</source>
        <translation>restic %1 ist mit Exit-Code %2 fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>restic %1 did not finish within %n second(s) and was stopped.</source>
        <translation>
            <numerusform>restic %1 wurde nicht innerhalb von %n Sekunde fertig und wurde abgebrochen.</numerusform>
            <numerusform>restic %1 wurde nicht innerhalb von %n Sekunden fertig und wurde abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>restic %1 was cancelled.</source>
        <translation>restic %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>restic %1 printed something that is not JSON.</source>
        <translation>restic %1 hat etwas ausgegeben, das kein JSON ist.</translation>
    </message>
    <message>
        <source>restic ls printed a line that is not JSON.</source>
        <translation>restic ls hat eine Zeile ausgegeben, die kein JSON ist.</translation>
    </message>
    <message>
        <source>The disk that holds the repository %1 is full: restic could not write to it (%2). Free some space and try again.</source>
        <translation>Der Datenträger mit dem Repository %1 ist voll: restic konnte nicht darauf schreiben (%2). Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>ResticReader</name>
    <message>
        <source>restic stopped (exit status %1)</source>
        <translation>restic wurde beendet (Exit-Status %1)</translation>
    </message>
    <message>
        <source>restic could not be started</source>
        <translation>restic konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>restic&apos;s output could not be read</source>
        <translation>Die Ausgabe von restic konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ResticRepository</name>
    <message>
        <source>The repository %1 has no password file configured.</source>
        <translation>Für das Repository %1 ist keine Passwortdatei konfiguriert.</translation>
    </message>
    <message>
        <source>The password file %1 is not a file.</source>
        <translation>Die Passwortdatei %1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Das Verzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not create the password file %1: %2</source>
        <translation>Die Passwortdatei %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not write the password file %1: %2</source>
        <translation>Die Passwortdatei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not move the password file into place at %1.</source>
        <translation>Die Passwortdatei konnte nicht nach %1 verschoben werden.</translation>
    </message>
    <message>
        <source>The repository %1 exists but its password file %2 is missing.</source>
        <translation>Das Repository %1 existiert, aber seine Passwortdatei %2 fehlt.</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; is empty or contains a comma.</source>
        <translation>Das Tag &quot;%1&quot; ist leer oder enthält ein Komma.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a snapshot id.</source>
        <translation>&quot;%1&quot; ist keine Snapshot-ID.</translation>
    </message>
    <message>
        <source>The backup root &quot;%1&quot; is not a directory given by its absolute path.</source>
        <translation>Die Backup-Wurzel &quot;%1&quot; ist kein mit absolutem Pfad angegebenes Verzeichnis.</translation>
    </message>
    <message>
        <source>A backup needs at least one path.</source>
        <translation>Ein Backup braucht mindestens einen Pfad.</translation>
    </message>
    <message>
        <source>The backup path &quot;%1&quot; is not inside the backup root.</source>
        <translation>Der Backup-Pfad &quot;%1&quot; liegt nicht innerhalb der Backup-Wurzel.</translation>
    </message>
    <message>
        <source>A restore needs a target directory.</source>
        <translation>Eine Wiederherstellung braucht ein Zielverzeichnis.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path inside the snapshot.</source>
        <translation>&quot;%1&quot; ist kein Pfad innerhalb des Snapshots.</translation>
    </message>
    <message>
        <source>No snapshot to forget was named.</source>
        <translation>Es wurde kein zu entfernender Snapshot angegeben.</translation>
    </message>
    <message>
        <source>The repository %1 has no config file but is not empty (its %2 folder has entries); it was left as it is. Put its config back from a copy.</source>
        <translation>Das Repository %1 hat keine Konfigurationsdatei, ist aber nicht leer (sein Ordner %2 hat Einträge); es wurde unverändert gelassen. Stellen Sie seine Konfiguration aus einer Kopie wieder her.</translation>
    </message>
    <message>
        <source>The backup repository %1 exists, but its password file %2 does not open it (a wrong password, or the repository&apos;s keys are missing). Nothing was changed in it.</source>
        <translation>Das Backup-Repository %1 existiert, aber seine Passwortdatei %2 öffnet es nicht (ein falsches Passwort, oder die Schlüssel des Repositorys fehlen). Nichts darin wurde geändert.</translation>
    </message>
    <message>
        <source>The backup repository %1 is damaged: its config or key cannot be decrypted (ciphertext verification failed). Nothing was changed in it; check it with restic check or restore it from a copy.</source>
        <translation>Das Backup-Repository %1 ist beschädigt: seine Konfiguration oder sein Schlüssel lässt sich nicht entschlüsseln (ciphertext verification failed). Nichts darin wurde geändert; prüfen Sie es mit restic check oder stellen Sie es aus einer Kopie wieder her.</translation>
    </message>
    <message>
        <source>The backup repository %1 is not usable: %2</source>
        <translation>Das Backup-Repository %1 ist nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>The share of data to read must be between 1 and 100 percent, not %1.</source>
        <translation>Der Anteil der zu lesenden Daten muss zwischen 1 und 100 Prozent liegen, nicht %1.</translation>
    </message>
    <message>
        <source>No pack to look for was named.</source>
        <translation>Es wurde kein zu suchendes Pack angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pack id.</source>
        <translation>&quot;%1&quot; ist keine Pack-ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a statistics mode.</source>
        <translation>&quot;%1&quot; ist kein Statistikmodus.</translation>
    </message>
    <message>
        <source>The pack %1 is in the remote repository %2; it can only be moved aside in a local one.</source>
        <translation>Das Pack %1 liegt im entfernten Repository %2; es kann nur in einem lokalen Repository beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>The pack %1 is not in the repository any more.</source>
        <translation>Das Pack %1 ist nicht mehr im Repository.</translation>
    </message>
    <message>
        <source>Could not move the pack %1 out of the repository into %2.</source>
        <translation>Das Pack %1 konnte nicht aus dem Repository nach %2 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore backup</source>
        <translation>Backup wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the backup of &lt;b&gt;%1&lt;/b&gt; taken on %2 (%3).</source>
        <translation>Das Backup von &lt;b&gt;%1&lt;/b&gt; vom %2 (%3) wiederherstellen.</translation>
    </message>
    <message>
        <source>Target environment</source>
        <translation>Zielumgebung</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>Restore &amp;code</source>
        <translation>&amp;Code wiederherstellen</translation>
    </message>
    <message>
        <source>Unchecked: restore the mounts and databases only, and keep the code as it is now.</source>
        <translation>Nicht angehakt: nur die Mounts und Datenbanken wiederherstellen und den Code so lassen, wie er jetzt ist.</translation>
    </message>
    <message>
        <source>&amp;Target environment:</source>
        <translation>&amp;Zielumgebung:</translation>
    </message>
    <message>
        <source>&amp;Restore into %1</source>
        <translation>In %1 &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>The data &lt;i&gt;and&lt;/i&gt; the code of %1 are replaced by the backup&apos;s. Your git repository is not changed: later deployments use its latest code.</source>
        <translation>Die Daten &lt;i&gt;und&lt;/i&gt; der Code von %1 werden durch die des Backups ersetzt. Ihr Git-Repository wird nicht verändert: Spätere Deployments verwenden seinen neuesten Code.</translation>
    </message>
    <message>
        <source>Only the mounts and databases of %1 are replaced; its code stays as it is now. &lt;b&gt;The restored data may not match newer code.&lt;/b&gt;</source>
        <translation>Nur die Mounts und Datenbanken von %1 werden ersetzt; der Code bleibt, wie er jetzt ist. &lt;b&gt;Die wiederhergestellten Daten passen womöglich nicht zu neuerem Code.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>its data and code</source>
        <translation>ihre Daten und ihren Code</translation>
    </message>
    <message>
        <source>its data (not its code)</source>
        <translation>ihre Daten (nicht ihren Code)</translation>
    </message>
    <message>
        <source>Restore backup %1 into %2? This replaces %3 with the backup&apos;s.</source>
        <translation>Backup %1 in %2 wiederherstellen? Dies ersetzt %3 durch die des Backups.</translation>
    </message>
    <message>
        <source>This cannot be undone; take a backup of %1 first if you may need its current state.</source>
        <translation>Dies kann nicht rückgängig gemacht werden. Erstellen Sie zuerst ein Backup von %1, falls Sie den aktuellen Zustand noch brauchen könnten.</translation>
    </message>
    <message>
        <source>Restore into %1</source>
        <translation>In %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Parts to restore</source>
        <translation>Wiederherzustellende Teile</translation>
    </message>
    <message>
        <source>Take a &amp;safety backup first</source>
        <translation>Zuerst ein &amp;Sicherheits-Backup erstellen</translation>
    </message>
    <message>
        <source>A consistent backup of the target is taken before anything is changed, so that the restore can be undone for 7 days.</source>
        <translation>Bevor etwas geändert wird, wird ein konsistentes Backup des Ziels erstellt, sodass die Wiederherstellung 7 Tage lang rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>Comparing the backup with the environment now…</source>
        <translation>Das Backup wird mit der aktuellen Umgebung verglichen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the restore changes&lt;/b&gt; (the environment now compared with the backup):</source>
        <translation>&lt;b&gt;Was die Wiederherstellung ändert&lt;/b&gt; (die aktuelle Umgebung verglichen mit dem Backup):</translation>
    </message>
    <message>
        <source>%1: unchanged since the backup</source>
        <translation>%1: seit dem Backup unverändert</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4</source>
        <translation>%1: %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) removed since the backup come back</source>
        <translation>
            <numerusform>%n seit dem Backup entfernte Datei kehrt zurück</numerusform>
            <numerusform>%n seit dem Backup entfernte Dateien kehren zurück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) are put back as they were</source>
        <translation>
            <numerusform>%n geänderte Datei wird in ihren früheren Zustand zurückversetzt</numerusform>
            <numerusform>%n geänderte Dateien werden in ihren früheren Zustand zurückversetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added since are removed</source>
        <translation>
            <numerusform>%n seitdem hinzugefügte Datei wird entfernt</numerusform>
            <numerusform>%n seitdem hinzugefügte Dateien werden entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Code: commit %1 in the backup, %2 now</source>
        <translation>Code: Commit %1 im Backup, jetzt %2</translation>
    </message>
    <message>
        <source>%1: %2 rows now, %3 in the backup</source>
        <translation>%1: jetzt %2 Zeilen, im Backup %3</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Database %1 — %2</source>
        <translation>Datenbank %1 — %2</translation>
    </message>
    <message>
        <source>This compares the backup with %1 now, not with the target.</source>
        <translation>Hier wird das Backup mit dem aktuellen Zustand von %1 verglichen, nicht mit dem Ziel.</translation>
    </message>
    <message>
        <source>A safety backup of %1 is taken first: you can undo the restore afterwards (Undo restore).</source>
        <translation>Zuerst wird ein Sicherheits-Backup von %1 erstellt: Sie können die Wiederherstellung danach rückgängig machen (Wiederherstellung rückgängig machen).</translation>
    </message>
    <message>
        <source>Files of mount “%1”</source>
        <translation>Dateien des Mounts „%1“</translation>
    </message>
    <message>
        <source>%1 database of service “%2”</source>
        <comment>server kind, service name</comment>
        <translation>%1-Datenbank des Dienstes „%2“</translation>
    </message>
</context>
<context>
    <name>RestoreOperation</name>
    <message>
        <source>Environment %1 has no local descriptor: nothing to restore into.</source>
        <translation>Die Umgebung %1 hat keinen lokalen Deskriptor: Es gibt kein Ziel für die Wiederherstellung.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Restore code is off: the code of %1 stays as it is now.</source>
        <translation>Code wiederherstellen ist aus: Der Code von %1 bleibt, wie er jetzt ist.</translation>
    </message>
    <message>
        <source>Environment %1 has no mount named %2; that mount is not restored.</source>
        <translation>Die Umgebung %1 hat keinen Mount namens %2; dieser Mount wird nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>mount %1</source>
        <translation>Mount %1</translation>
    </message>
    <message>
        <source>Environment %1 has no service named %2; that database is not restored.</source>
        <translation>Die Umgebung %1 hat keinen Dienst namens %2; diese Datenbank wird nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>The %1 cannot be restored: its place in %2 does not exist.</source>
        <translation>%1 kann nicht wiederhergestellt werden: Der Zielort in %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Fetching the %1.</source>
        <translation>%1 wird abgerufen.</translation>
    </message>
    <message>
        <source>Fetching the database copies.</source>
        <translation>Die Datenbankkopien werden abgerufen.</translation>
    </message>
    <message>
        <source>restic could not restore the backup: %1</source>
        <translation>restic konnte das Backup nicht wiederherstellen: %1</translation>
    </message>
    <message>
        <source>The backup does not contain the %1.</source>
        <translation>Das Backup enthält keinen %1.</translation>
    </message>
    <message>
        <source>The backup does not contain the database of service %1.</source>
        <translation>Das Backup enthält die Datenbank des Dienstes %1 nicht.</translation>
    </message>
    <message>
        <source>Pausing the environment.</source>
        <translation>Die Umgebung wird pausiert.</translation>
    </message>
    <message>
        <source>The %1 could not be put in place; the environment is unchanged.</source>
        <translation>%1 konnte nicht an seinen Platz gebracht werden; die Umgebung ist unverändert.</translation>
    </message>
    <message>
        <source>Restored the %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored the database of service %1.</source>
        <translation>Die Datenbank des Dienstes %1 wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1 with its code</source>
        <translation>%1 mit Code wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored the data of %1 (code unchanged)</source>
        <translation>Daten von %1 wiederhergestellt (Code unverändert)</translation>
    </message>
    <message>
        <source>Resumed the environment.</source>
        <translation>Die Umgebung wurde fortgesetzt.</translation>
    </message>
    <message>
        <source>Restore into %1 cancelled</source>
        <translation>Wiederherstellung in %1 abgebrochen</translation>
    </message>
    <message>
        <source>The restore ended unexpectedly.</source>
        <translation>Die Wiederherstellung wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>Cancelling.</source>
        <translation>Wird abgebrochen.</translation>
    </message>
    <message>
        <source>The restore journal could not be written; the environment is unchanged.</source>
        <translation>Das Wiederherstellungsjournal konnte nicht geschrieben werden; die Umgebung ist unverändert.</translation>
    </message>
    <message>
        <source>The %1 could not be moved aside; the environment is unchanged.</source>
        <translation>%1 konnte nicht beiseitegeschoben werden; die Umgebung ist unverändert.</translation>
    </message>
    <message>
        <source>A database could not be written back: %1. The environment was put back as it was.</source>
        <translation>Eine Datenbank konnte nicht zurückgeschrieben werden: %1. Die Umgebung wurde in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>The restore journal could not be written; the environment was put back as it was.</source>
        <translation>Das Wiederherstellungsjournal konnte nicht geschrieben werden; die Umgebung wurde in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>the database of service %1 could not be saved first: %2</source>
        <translation>die Datenbank des Dienstes %1 konnte vorher nicht gesichert werden: %2</translation>
    </message>
    <message>
        <source>the restore journal could not be written</source>
        <translation>das Wiederherstellungsjournal konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The restore journal is kept; tidemarkd tries the roll-back again when it restarts.</source>
        <translation>Das Wiederherstellungsjournal bleibt erhalten; tidemarkd versucht das Zurücksetzen beim nächsten Start erneut.</translation>
    </message>
    <message>
        <source>%1 could not be put back from %2.</source>
        <translation>%1 konnte nicht aus %2 zurückgeholt werden.</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>%1 could not be put back from %2: %3</source>
        <translation>%1 konnte nicht aus %2 zurückgeholt werden: %3</translation>
    </message>
    <message>
        <source>The restore into %1 had completed before tidemarkd stopped; its leftovers were removed.</source>
        <translation>Die Wiederherstellung in %1 war abgeschlossen, bevor tidemarkd beendet wurde; ihre Überreste wurden entfernt.</translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted; the environment was put back as it was before.</source>
        <translation>Die Wiederherstellung in %1 wurde unterbrochen; die Umgebung wurde in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted and could not be fully undone: %2</source>
        <translation>Die Wiederherstellung in %1 wurde unterbrochen und konnte nicht vollständig rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>The service name &quot;%1&quot; is not a simple name.</source>
        <translation>Der Dienstname &quot;%1&quot; ist kein einfacher Name.</translation>
    </message>
    <message>
        <source>database of service %1</source>
        <translation>Datenbank des Dienstes %1</translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation>%1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Restoring into %1: %2 and %3.</source>
        <translation>Wiederherstellung in %1: %2 und %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n directories</source>
        <translation>
            <numerusform>%n Verzeichnis</numerusform>
            <numerusform>%n Verzeichnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n databases</source>
        <translation>
            <numerusform>%n Datenbank</numerusform>
            <numerusform>%n Datenbanken</numerusform>
        </translation>
    </message>
    <message>
        <source>The database of service %1 cannot be restored into %2: the backup holds a %3 database and the service is of kind %4. Nothing was restored.</source>
        <translation>Die Datenbank von Dienst %1 kann nicht in %2 wiederhergestellt werden: Das Backup enthält eine %3-Datenbank, und der Dienst ist vom Typ %4. Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>The path %1 cannot be restored: %2</source>
        <translation>Der Pfad %1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>not a part</source>
        <translation>kein Teil</translation>
    </message>
    <message>
        <source>The path %1 is code, and restore code is off.</source>
        <translation>Der Pfad %1 gehört zum Code, und die Wiederherstellung des Codes ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Environment %1 has no service named %2.</source>
        <translation>Umgebung %1 hat keinen Dienst namens %2.</translation>
    </message>
    <message>
        <source>The database of service %1 cannot be restored into %2: the backup holds a %3 database and the service is of kind %4.</source>
        <translation>Die Datenbank von Dienst %1 kann nicht in %2 wiederhergestellt werden: Das Backup enthält eine %3-Datenbank, und der Dienst ist vom Typ %4.</translation>
    </message>
    <message>
        <source>Environment %1 has no %2.</source>
        <translation>Umgebung %1 enthält %2 nicht.</translation>
    </message>
    <message>
        <source>%1 is not in the backup; it is removed.</source>
        <translation>%1 ist nicht im Backup enthalten; es wird entfernt.</translation>
    </message>
    <message>
        <source>%1 cannot be put back: %2 in the environment is a link or not a folder.</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2 ist in der Umgebung ein Link oder kein Ordner.</translation>
    </message>
    <message>
        <source>password file of service %1 of %2</source>
        <translation>Passwortdatei von Dienst %1 von %2</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>The folder of %1 could not be made; the environment is unchanged.</source>
        <translation>Der Ordner von %1 konnte nicht angelegt werden; die Umgebung ist unverändert.</translation>
    </message>
    <message>
        <source>Loading the database of service %1 into %2.</source>
        <translation>Die Datenbank von Dienst %1 wird in %2 geladen.</translation>
    </message>
    <message>
        <source>The restore journal could not be written.</source>
        <translation>Das Wiederherstellungsjournal konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 The other databases and the files were restored.</source>
        <translation>%1 Die anderen Datenbanken und die Dateien wurden wiederhergestellt.</translation>
    </message>
    <message>
        <source>%1 The environment was put back as it was.</source>
        <translation>%1 Die Umgebung wurde in ihren vorherigen Zustand zurückversetzt.</translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted; whether its databases were committed cannot be told yet (%2). tidemarkd tries again when it restarts.</source>
        <translation>Die Wiederherstellung in %1 wurde unterbrochen; ob ihre Datenbanken festgeschrieben wurden, lässt sich noch nicht sagen (%2). tidemarkd versucht es beim nächsten Start erneut.</translation>
    </message>
    <message>
        <source>The restore into %1 had been committed; its databases could not all be finished: %2</source>
        <translation>Die Wiederherstellung in %1 war festgeschrieben; ihre Datenbanken konnten nicht alle abgeschlossen werden: %2</translation>
    </message>
    <message>
        <source>The %1 could not be read from the backup: %2</source>
        <translation>%1 konnte nicht aus dem Backup gelesen werden: %2</translation>
    </message>
    <message>
        <source>Read the %1 from the repository directly.</source>
        <translation>%1 direkt aus dem Repository gelesen.</translation>
    </message>
</context>
<context>
    <name>ResumeOperation</name>
    <message>
        <source>%1 has no resume hook; nothing to run.</source>
        <translation>%1 hat keinen Fortsetzungs-Hook; nichts auszuführen.</translation>
    </message>
    <message>
        <source>Resumed %1 after tidemarkd stopped</source>
        <translation>%1 fortgesetzt, nachdem tidemarkd angehalten wurde</translation>
    </message>
    <message>
        <source>Running the resume hook of %1.</source>
        <translation>Der Fortsetzungs-Hook von %1 läuft.</translation>
    </message>
    <message>
        <source>Resumed the environment.</source>
        <translation>Umgebung fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>RetentionPolicy</name>
    <message>
        <source>must be an array of {&quot;interval&quot;, &quot;count&quot;} objects, not %1</source>
        <translation>muss ein Array aus {&quot;interval&quot;, &quot;count&quot;}-Objekten sein, nicht %1</translation>
    </message>
    <message>
        <source>has %1 schedules; at most %2 are allowed</source>
        <translation>hat %1 Zeitpläne; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>is required (for example &quot;1d&quot;)</source>
        <translation>ist erforderlich (zum Beispiel &quot;1d&quot;)</translation>
    </message>
    <message>
        <source>must be a string like &quot;1d&quot; or &quot;6h&quot;, not %1</source>
        <translation>muss eine Zeichenkette wie &quot;1d&quot; oder &quot;6h&quot; sein, nicht %1</translation>
    </message>
    <message>
        <source>is required (an integer from %1 to %2)</source>
        <translation>ist erforderlich (eine ganze Zahl von %1 bis %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already used by schedule[%2]; each interval may appear once</source>
        <translation>&apos;%1&apos; wird bereits von schedule[%2] verwendet; jedes Intervall darf nur einmal vorkommen</translation>
    </message>
    <message>
        <source>must be an integer from %1 to %2, not %3</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an interval (use a number and one of h, d, w, M, y)</source>
        <translation>&apos;%1&apos; ist kein Intervall (verwenden Sie eine Zahl und eines von h, d, w, M, y)</translation>
    </message>
    <message>
        <source>the number in an interval must be from 1 to %1</source>
        <translation>die Zahl in einem Intervall muss zwischen 1 und %1 liegen</translation>
    </message>
</context>
<context>
    <name>RetentionPreviewModel</name>
    <message>
        <source>%1 (backup %2)</source>
        <translation>%1 (Backup %2)</translation>
    </message>
    <message>
        <source>Automated</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Protected: always kept</source>
        <translation>Geschützt: wird immer behalten</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>When applied</source>
        <translation>Beim Anwenden</translation>
    </message>
    <message>
        <source>Applying the policy deletes this backup</source>
        <translation>Das Anwenden der Richtlinie löscht dieses Backup</translation>
    </message>
    <message>
        <source>Deleted by the schedule at %1</source>
        <translation>Wird am %1 planmäßig gelöscht</translation>
    </message>
    <message>
        <source>No projected expiry</source>
        <translation>Kein absehbarer Ablauf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>RetentionReasons</name>
    <message>
        <source>hourly</source>
        <translation>stündlich</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>jährlich</translation>
    </message>
    <message>
        <source>every %1 %2</source>
        <translation>alle %1 %2</translation>
    </message>
    <message>
        <source>%1 #%2 of %3</source>
        <translation>%1 Nr. %2 von %3</translation>
    </message>
    <message>
        <source>the oldest, while the %1 schedule fills</source>
        <translation>das älteste, solange sich der Zeitplan „%1“ füllt</translation>
    </message>
    <message numerus="yes">
        <source>kept as one of %n manual backup(s)</source>
        <translation>
            <numerusform>als einziges manuelles Backup behalten</numerusform>
            <numerusform>als eines von %n manuellen Backups behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the %n manual backup(s) kept</source>
        <translation>
            <numerusform>über das %n behaltene manuelle Backup hinaus</numerusform>
            <numerusform>über die %n behaltenen manuellen Backups hinaus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the limit of %n backup(s) in all</source>
        <translation>
            <numerusform>über die Grenze von insgesamt %n Backup hinaus</numerusform>
            <numerusform>über die Grenze von insgesamt %n Backups hinaus</numerusform>
        </translation>
    </message>
    <message>
        <source>protected</source>
        <translation>geschützt</translation>
    </message>
    <message>
        <source>the policy has no schedule</source>
        <translation>die Richtlinie hat keinen Zeitplan</translation>
    </message>
    <message>
        <source>no schedule keeps it</source>
        <translation>kein Zeitplan behält es</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>safety backup until %1</source>
        <translation>Sicherheits-Backup bis %1</translation>
    </message>
    <message>
        <source>safety backup, 7 days passed</source>
        <translation>Sicherheits-Backup, 7 Tage abgelaufen</translation>
    </message>
</context>
<context>
    <name>RetentionTimeline</name>
    <message>
        <source>No backup is kept.</source>
        <translation>Kein Backup wird behalten.</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>geschützt</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format of the timeline&apos;s week labels (QDate::toString)</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>Retention simulation</source>
        <translation>Aufbewahrungssimulation</translation>
    </message>
    <message>
        <source>no schedule</source>
        <translation>kein Zeitplan</translation>
    </message>
    <message>
        <source>safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message numerus="yes">
        <source>Backups kept now: %n.</source>
        <translation>
            <numerusform>Jetzt behaltene Backups: %n.</numerusform>
            <numerusform>Jetzt behaltene Backups: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Simulated until %1: %n new automated backup(s); kept at the end: %2.</source>
        <translation>
            <numerusform>Simuliert bis %1: %n neues automatisches Backup; am Ende behalten: %2.</numerusform>
            <numerusform>Simuliert bis %1: %n neue automatische Backups; am Ende behalten: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy keeps too many backups to simulate further than %1.</source>
        <translation>Die Richtlinie behält zu viele Backups, um weiter als bis %1 zu simulieren.</translation>
    </message>
    <message numerus="yes">
        <source>Until %1: %n real backup(s) kept</source>
        <translation>
            <numerusform>Bis %1: %n echtes Backup behalten</numerusform>
            <numerusform>Bis %1: %n echte Backups behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted when applied</source>
        <translation>
            <numerusform>%n wird beim Anwenden gelöscht</numerusform>
            <numerusform>%n werden beim Anwenden gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new simulated</source>
        <translation>
            <numerusform>%n neu simuliert</numerusform>
            <numerusform>%n neu simuliert</numerusform>
        </translation>
    </message>
    <message>
        <source>real</source>
        <translation>echt</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>simuliert</translation>
    </message>
    <message>
        <source>Simulated %1 backup of %2</source>
        <translation>Simuliertes Backup (%1) vom %2</translation>
    </message>
    <message>
        <source>Real %1 backup of %2 (%3)</source>
        <translation>Echtes Backup (%1) vom %2 (%3)</translation>
    </message>
    <message>
        <source>then </source>
        <translation>dann </translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 until %2,</source>
        <translation>%1 bis %2,</translation>
    </message>
    <message>
        <source>%1, still kept on %2</source>
        <translation>%1, am %2 noch behalten</translation>
    </message>
    <message>
        <source>then deleted when the backup of %1 is made: %2</source>
        <translation>dann gelöscht, wenn das Backup vom %1 erstellt wird: %2</translation>
    </message>
    <message>
        <source>MMM</source>
        <comment>month label of the timeline (QDate::toString)</comment>
        <translation>MMM</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>quarter label of the timeline (QDate::toString)</comment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>No backup is kept, and none is made on a schedule.</source>
        <translation>Kein Backup wird behalten, und keines wird nach Zeitplan erstellt.</translation>
    </message>
</context>
<context>
    <name>ScheduleDraftModel</name>
    <message>
        <source>Interval: %1</source>
        <translation>Intervall: %1</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message>
        <source>Schedule %1: %2</source>
        <translation>Zeitplan %1: %2</translation>
    </message>
    <message>
        <source>Manual backups: %1</source>
        <translation>Manuelle Backups: %1</translation>
    </message>
    <message>
        <source>Maximum backups: %1</source>
        <translation>Maximale Anzahl Backups: %1</translation>
    </message>
    <message>
        <source>One bucket spans this many %1 (1 to 9999)</source>
        <translation>So viele %1 umfasst ein Zeitfenster (1 bis 9999)</translation>
    </message>
    <message>
        <source>Buckets are counted in UTC; weeks start on Monday</source>
        <translation>Zeitfenster werden in UTC gezählt; Wochen beginnen am Montag</translation>
    </message>
    <message>
        <source>The newest backup of each of this many %1 buckets is kept (1 to 1000)</source>
        <translation>Von so vielen %1-Zeitfenstern wird jeweils das neueste Backup behalten (1 bis 1000)</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>Stunde</numerusform>
            <numerusform>Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>Tag</numerusform>
            <numerusform>Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>Woche</numerusform>
            <numerusform>Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>Monat</numerusform>
            <numerusform>Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation>
            <numerusform>Jahr</numerusform>
            <numerusform>Jahre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>must be an array of names, not %1</source>
        <translation>muss ein Array von Namen sein, nicht %1</translation>
    </message>
</context>
<context>
    <name>SqlSession</name>
    <message>
        <source>the database client ended</source>
        <translation>der Datenbank-Client wurde beendet</translation>
    </message>
    <message>
        <source>the database client could not be started (is it installed?)</source>
        <translation>der Datenbank-Client konnte nicht gestartet werden (ist er installiert?)</translation>
    </message>
</context>
<context>
    <name>SqliteCopy</name>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>Die Datenbank %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The database %1 cannot be copied onto itself.</source>
        <translation>Die Datenbank %1 kann nicht auf sich selbst kopiert werden.</translation>
    </message>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not start copying %1 to %2: %3</source>
        <translation>Das Kopieren von %1 nach %2 konnte nicht gestartet werden: %3</translation>
    </message>
    <message numerus="yes">
        <source>The copy of %1 to %2 was given up: a database stayed locked by another connection for %n second(s).</source>
        <translation>
            <numerusform>Das Kopieren von %1 nach %2 wurde aufgegeben: Eine Datenbank blieb %n Sekunde lang durch eine andere Verbindung gesperrt.</numerusform>
            <numerusform>Das Kopieren von %1 nach %2 wurde aufgegeben: Eine Datenbank blieb %n Sekunden lang durch eine andere Verbindung gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not copy the database %1 to %2: %3</source>
        <translation>Die Datenbank %1 konnte nicht nach %2 kopiert werden: %3</translation>
    </message>
    <message>
        <source>Could not finish the copy %1: %2</source>
        <translation>Die Kopie %1 konnte nicht abgeschlossen werden: %2</translation>
    </message>
    <message>
        <source>The database %1 is a symbolic link; tidemarkd does not follow it.</source>
        <translation>Die Datenbank %1 ist ein symbolischer Link; tidemarkd folgt ihm nicht.</translation>
    </message>
</context>
<context>
    <name>SystemdUserService</name>
    <message>
        <source>systemctl --user %1: %2</source>
        <translation>systemctl --user %1: %2</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>systemd is not installed (%1).</source>
        <translation>systemd ist nicht installiert (%1).</translation>
    </message>
    <message>
        <source>there is no systemd user instance for this session.</source>
        <translation>für diese Sitzung gibt es keine systemd-Benutzerinstanz.</translation>
    </message>
    <message>
        <source>the systemd user instance says &quot;%1&quot;.</source>
        <translation>die systemd-Benutzerinstanz meldet „%1“.</translation>
    </message>
    <message>
        <source>%1 exists and was not written by Tidemark; it is left as it is. Remove it to let Tidemark run this computer&apos;s server in the background.</source>
        <translation>%1 existiert und wurde nicht von Tidemark geschrieben; die Datei bleibt unverändert. Entfernen Sie sie, damit Tidemark den Server dieses Computers im Hintergrund ausführen kann.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 was not written by Tidemark.</source>
        <translation>%1 wurde nicht von Tidemark geschrieben.</translation>
    </message>
</context>
<context>
    <name>ThisComputer</name>
    <message>
        <source>tidemarkd is not installed beside the console.</source>
        <translation>tidemarkd ist nicht neben der Konsole installiert.</translation>
    </message>
    <message>
        <source>The background service could not be stopped: %1</source>
        <translation>Der Hintergrunddienst konnte nicht gestoppt werden: %1</translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1.</source>
        <translation>kein freier Port auf 127.0.0.1.</translation>
    </message>
    <message>
        <source>it did not answer at %1.</source>
        <translation>er antwortete nicht unter %1.</translation>
    </message>
    <message>
        <source>%1 did not start: %2</source>
        <translation>%1 startete nicht: %2</translation>
    </message>
    <message>
        <source>no API token for the console: %1</source>
        <translation>kein API-Token für die Konsole: %1</translation>
    </message>
    <message>
        <source>The background service did not start: %1</source>
        <translation>Der Hintergrunddienst startete nicht: %1</translation>
    </message>
    <message>
        <source>%1 It could not be stopped either: %2</source>
        <translation>%1 Er konnte auch nicht gestoppt werden: %2</translation>
    </message>
</context>
<context>
    <name>ThisComputerBanner</name>
    <message>
        <source>Run in the &amp;background…</source>
        <translation>Im &amp;Hintergrund ausführen…</translation>
    </message>
    <message>
        <source>Run This computer in the &amp;background</source>
        <translation>„Dieser Computer“ im &amp;Hintergrund ausführen</translation>
    </message>
    <message>
        <source>Scheduled backups run only while Tidemark is open: this computer&apos;s server runs inside the console and stops when it quits.</source>
        <translation>Geplante Backups laufen nur, solange Tidemark geöffnet ist: Der Server dieses Computers läuft in der Konsole und stoppt, wenn sie beendet wird.</translation>
    </message>
    <message>
        <source>It cannot run in the background here: %1</source>
        <translation>Hier kann er nicht im Hintergrund laufen: %1</translation>
    </message>
    <message>
        <source>Run in the background</source>
        <translation>Im Hintergrund ausführen</translation>
    </message>
    <message>
        <source>Keep backing up this computer on schedule while Tidemark is closed?</source>
        <translation>Diesen Computer weiterhin nach Zeitplan sichern, während Tidemark geschlossen ist?</translation>
    </message>
    <message>
        <source>Tidemark can run its server as a systemd user service (tidemarkd.service) that starts with your session. Closing the console then stops nothing. Otherwise scheduled backups run only while Tidemark is open. You can change this later under Settings.</source>
        <translation>Tidemark kann seinen Server als systemd-Benutzerdienst (tidemarkd.service) ausführen, der mit Ihrer Sitzung startet. Das Schließen der Konsole stoppt dann nichts. Andernfalls laufen geplante Backups nur, solange Tidemark geöffnet ist. Sie können dies später unter Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Run in the &amp;background</source>
        <translation>Im &amp;Hintergrund ausführen</translation>
    </message>
    <message>
        <source>Only while &amp;open</source>
        <translation>Nur solange &amp;geöffnet</translation>
    </message>
    <message>
        <source>Activities are running on this computer.</source>
        <translation>Auf diesem Computer laufen Aktivitäten.</translation>
    </message>
    <message>
        <source>Moving the server stops them. Wait until they have ended, or cancel them, then try again.</source>
        <translation>Das Verschieben des Servers stoppt sie. Warten Sie, bis sie beendet sind, oder brechen Sie sie ab, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>TidemarkServer</name>
    <message>
        <source>--data-dir: is required</source>
        <translation>--data-dir: ist erforderlich</translation>
    </message>
    <message>
        <source>--data-dir: cannot create %1</source>
        <translation>--data-dir: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>--role: &apos;%1&apos; is not a role (admin or viewer)</source>
        <translation>--role: &apos;%1&apos; ist keine Rolle (admin oder viewer)</translation>
    </message>
    <message>
        <source>--name: is required (who or what the token is for)</source>
        <translation>--name: ist erforderlich (für wen oder was das Token ist)</translation>
    </message>
    <message>
        <source>--data-dir: cannot create %1: %2</source>
        <translation>--data-dir: %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: give both or neither</source>
        <translation>--tls-cert und --tls-key gehören zusammen: Geben Sie beide oder keines an</translation>
    </message>
    <message>
        <source>--listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE --tls-key FILE, or pass --insecure-http to serve plain HTTP anyway</source>
        <translation>--listen: %1 ist keine Loopback-Adresse; stellen Sie dort HTTPS mit --tls-cert DATEI --tls-key DATEI bereit, oder geben Sie --insecure-http an, um trotzdem unverschlüsseltes HTTP bereitzustellen</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 (%3)</source>
        <translation>kann nicht auf %1:%2 lauschen (%3)</translation>
    </message>
    <message>
        <source>hooks set: there is no environment &apos;%1&apos; in project &apos;%2&apos; (give --project and --environment)</source>
        <translation>hooks set: Es gibt keine Umgebung &apos;%1&apos; im Projekt &apos;%2&apos; (geben Sie --project und --environment an)</translation>
    </message>
    <message>
        <source>--metrics-listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE --tls-key FILE, or pass --insecure-http to serve plain HTTP anyway</source>
        <translation>--metrics-listen: %1 ist keine Loopback-Adresse; stellen Sie dort HTTPS mit --tls-cert FILE --tls-key FILE bereit oder übergeben Sie --insecure-http, um trotzdem unverschlüsseltes HTTP bereitzustellen</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 for the metrics (%3)</source>
        <translation>kann für die Metriken nicht auf %1:%2 lauschen (%3)</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert.</translation>
    </message>
    <message>
        <source>The token could not be stored in the system keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund des Systems gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The token could not be removed from the system keychain: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund des Systems entfernt werden: %1</translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept only until Tidemark quits and is asked for again at the next start.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar: das Token wird nur bis zum Beenden von Tidemark behalten und beim nächsten Start erneut abgefragt.</translation>
    </message>
</context>
<context>
    <name>UnitDelegate</name>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
</context>
<context>
    <name>VerifyOperation</name>
    <message>
        <source>%1 was restored but is not in the snapshot</source>
        <translation>%1 wurde wiederhergestellt, ist aber nicht im Snapshot enthalten</translation>
    </message>
    <message>
        <source>%1 was restored as a symbolic link but is a file in the snapshot</source>
        <translation>%1 wurde als symbolischer Link wiederhergestellt, ist im Snapshot aber eine Datei</translation>
    </message>
    <message>
        <source>%1 has %2 bytes, the snapshot recorded %3</source>
        <translation>%1 hat %2 Bytes, der Snapshot hat %3 verzeichnet</translation>
    </message>
    <message>
        <source>%1 is in the snapshot but was not restored</source>
        <translation>%1 ist im Snapshot enthalten, wurde aber nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>the restored files hold %1 bytes, the snapshot lists %2</source>
        <translation>die wiederhergestellten Dateien umfassen %1 Bytes, der Snapshot führt %2 auf</translation>
    </message>
    <message>
        <source>the restored files hold %1 bytes, the backup recorded %2</source>
        <translation>die wiederhergestellten Dateien umfassen %1 Bytes, das Backup hat %2 verzeichnet</translation>
    </message>
    <message>
        <source>Checking the repository and reading %1 % of its data back.</source>
        <translation>Das Repository wird geprüft, und %1 % seiner Daten werden zurückgelesen.</translation>
    </message>
    <message>
        <source>Checking the repository&apos;s structure (no data is read back).</source>
        <translation>Die Struktur des Repositorys wird geprüft (es werden keine Daten zurückgelesen).</translation>
    </message>
    <message>
        <source>restic check could not run: %1</source>
        <translation>restic check konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>restic check read %1 % of the data back</source>
        <translation>restic check hat %1 % der Daten zurückgelesen</translation>
    </message>
    <message>
        <source>restic check verified the structure</source>
        <translation>restic check hat die Struktur überprüft</translation>
    </message>
    <message>
        <source>%1: no errors.</source>
        <translation>%1: keine Fehler.</translation>
    </message>
    <message>
        <source>%1 and found damaged pack(s): %2.</source>
        <translation>%1 und beschädigte Packs gefunden: %2.</translation>
    </message>
    <message>
        <source>%1 and found errors: %2</source>
        <translation>%1 und Fehler gefunden: %2</translation>
    </message>
    <message>
        <source>Looking for the backups that use the damaged pack(s).</source>
        <translation>Die Backups, die die beschädigten Packs verwenden, werden gesucht.</translation>
    </message>
    <message>
        <source>restic find could not tell which backups use the damaged pack(s): %1</source>
        <translation>restic find konnte nicht feststellen, welche Backups die beschädigten Packs verwenden: %1</translation>
    </message>
    <message>
        <source>snapshot %1 (%2)</source>
        <translation>Snapshot %1 (%2)</translation>
    </message>
    <message>
        <source>Damaged data is used by %1.</source>
        <translation>Beschädigte Daten werden von %1 verwendet.</translation>
    </message>
    <message>
        <source>Moved the damaged pack(s) %1 to %2; rebuilding the index.</source>
        <translation>Die beschädigten Packs %1 wurden nach %2 verschoben; der Index wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>The damaged pack(s) were moved aside, but the index could not be rebuilt: %1</source>
        <translation>Die beschädigten Packs wurden beiseitegelegt, aber der Index konnte nicht neu aufgebaut werden: %1</translation>
    </message>
    <message>
        <source>The damaged pack(s) %1 were moved out of the repository and the index was rebuilt: the next backup of each environment stores that data again.</source>
        <translation>Die beschädigten Packs %1 wurden aus dem Repository verschoben und der Index wurde neu aufgebaut: Das nächste Backup jeder Umgebung speichert diese Daten erneut.</translation>
    </message>
    <message>
        <source>Backup %1 of %2 was not test-restored: it uses damaged data.</source>
        <translation>Backup %1 von %2 wurde nicht testweise wiederhergestellt: Es verwendet beschädigte Daten.</translation>
    </message>
    <message>
        <source>Test restore of backup %1 of %2 into a scratch directory.</source>
        <translation>Testwiederherstellung von Backup %1 von %2 in ein temporäres Verzeichnis.</translation>
    </message>
    <message>
        <source>The test restore of backup %1 of %2 failed: %3</source>
        <translation>Die Testwiederherstellung von Backup %1 von %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The snapshot of backup %1 of %2 could not be listed: %3</source>
        <translation>Der Snapshot von Backup %1 von %2 konnte nicht aufgelistet werden: %3</translation>
    </message>
    <message>
        <source>Backup %1 of %2 restored to %3 files, %4 bytes, identical to the snapshot.</source>
        <translation>Backup %1 von %2 wurde mit %3 Dateien und %4 Bytes wiederhergestellt, identisch mit dem Snapshot.</translation>
    </message>
    <message numerus="yes">
        <source>The test restore of backup %1 of %2 differs from the snapshot in %n place(s): %3</source>
        <translation>
            <numerusform>Die Testwiederherstellung von Backup %1 von %2 weicht an %n Stelle vom Snapshot ab: %3</numerusform>
            <numerusform>Die Testwiederherstellung von Backup %1 von %2 weicht an %n Stellen vom Snapshot ab: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifySettings</name>
    <message>
        <source>&apos;%1&apos; is not an interval (use a number and one of h, d, w, M, y)</source>
        <translation>&apos;%1&apos; ist kein Intervall (verwenden Sie eine Zahl und eines von h, d, w, M, y)</translation>
    </message>
</context>
</TS>
