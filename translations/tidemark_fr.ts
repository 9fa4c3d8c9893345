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
    <message>
        <source>must be an array of commands, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityDelegate</name>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Terminée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <source>Started %1</source>
        <translation>Démarrée le %1</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Terminée le %1</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>l’ensemble du projet</translation>
    </message>
    <message>
        <source>Backup of %1</source>
        <translation>Sauvegarde de %1</translation>
    </message>
    <message>
        <source>Restore of %1</source>
        <translation>Restauration de %1</translation>
    </message>
    <message>
        <source>Deletion of a backup of %1</source>
        <translation>Suppression d’une sauvegarde de %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Automated backup of %1</source>
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
        <source>Restore of backup %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore of the data of backup %1 into %2 (code unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion of backup %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume of %1 after the server stopped while it was paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <comment>how long the step took</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing; the server may not support dry runs and may have applied the change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (et %n autre)</numerusform>
            <numerusform> (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>Cannot reach the server.</source>
        <translation>Impossible de joindre le serveur.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Impossible de joindre le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot reach %1.</source>
        <translation>Impossible de joindre %1.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Impossible de joindre %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server did not answer within %1 s.</source>
        <translation>Le serveur n’a pas répondu dans les %1&#xa0;s.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 n’a pas répondu dans les %2&#xa0;s.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>La réponse du serveur n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>La réponse du serveur n’a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <source>The API token was not accepted by %1. Check the token and the token URL of the connection.</source>
        <translation>Le jeton d’API n’a pas été accepté par %1. Vérifiez le jeton et l’URL du jeton de la connexion.</translation>
    </message>
    <message>
        <source>The API token was not accepted by %1 (%2). Check the token and the token URL of the connection.</source>
        <translation>Le jeton d’API n’a pas été accepté par %1 (%2). Vérifiez le jeton et l’URL du jeton de la connexion.</translation>
    </message>
    <message>
        <source>The server rejected the request.</source>
        <translation>Le serveur a rejeté la requête.</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>Le serveur a rejeté la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server did not accept the credentials.</source>
        <translation>Le serveur n’a pas accepté les identifiants.</translation>
    </message>
    <message>
        <source>The server did not accept the credentials: %1</source>
        <translation>Le serveur n’a pas accepté les identifiants&#xa0;: %1</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n’êtes pas autorisé à faire cela.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Vous n’êtes pas autorisé à faire cela&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server does not know what was asked for.</source>
        <translation>Le serveur ne connaît pas ce qui a été demandé.</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server does not support this request.</source>
        <translation>Le serveur ne prend pas en charge cette requête.</translation>
    </message>
    <message>
        <source>The server does not support this request: %1</source>
        <translation>Le serveur ne prend pas en charge cette requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>This is not possible right now.</source>
        <translation>Ce n’est pas possible pour le moment.</translation>
    </message>
    <message>
        <source>This is not possible right now: %1</source>
        <translation>Ce n’est pas possible pour le moment&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request is too large for the server.</source>
        <translation>La requête est trop volumineuse pour le serveur.</translation>
    </message>
    <message>
        <source>The request is too large for the server: %1</source>
        <translation>La requête est trop volumineuse pour le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server is busy; try again later.</source>
        <translation>Le serveur est occupé&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server is busy; try again later: %1</source>
        <translation>Le serveur est occupé&#xa0;; réessayez plus tard&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Erreur du serveur (HTTP %1).</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1): %2</source>
        <translation>Erreur du serveur (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1: %2</source>
        <translation>Le serveur a répondu avec le statut HTTP %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ApiJob</name>
    <message>
        <source>the client is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the answer is larger than %n MiB</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <message>
        <source>must be a string (attributes are text), not %1</source>
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
    <message>
        <source>&apos;%1&apos; is not a result (success or failure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is neither a form nor a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of backup, parent, default or minimum (or null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hook output hidden from viewers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden from viewers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause and resume hooks are shell commands that tidemarkd runs, so this server takes them only from its own files (tidemarkd --data-dir DIR hooks set …), not through the API. Start it with --allow-api-hooks to allow them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; has an activity pending or running; delete it when that has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list API tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create API tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;admin&quot; or &quot;viewer&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke API tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token could not be revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no API token named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>undo restores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no stored value; give it as {&quot;%1&quot;: &quot;value&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials of copy &apos;%1&apos; could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of paths inside the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a part or a path inside one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a path inside a part; list it under paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give parts or paths, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists code, but restore_code is false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is code, but restore_code is false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is inside (or the same as) paths[%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment_name: environment &apos;%1&apos; is inactive; activate it before restoring into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a link in the backup that points outside the environment (to %2); it is not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in backup %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic ls of backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path: &apos;%1&apos; is not in backup %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not in this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2, not a folder; download it with files/content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: the file or folder inside the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a group of parts; download one part, folder or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a database, not a folder; download it with files/content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2, not a file; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download a folder with files/archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only files can be downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: current, or the id of another backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against: backup &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a backup of this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a database; compare the backup as a whole or a part of files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic diff of backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository: there is no repository called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a repository&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 repository has no password yet: it is created by its first backup or copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledge a repository&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The acknowledgement could not be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment &apos;%1&apos; was deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check copy targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: there is no copy called &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no saved copy; give its repository instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (or the name of a saved copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives names without values; a copy that is not saved needs the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing at this address; the metrics are at /metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed here; use GET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no stored URL that it stands for; give the full URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no stored password; give the password itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be starttls or tls when a password is stored (it would travel in the clear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of notification target &apos;%1&apos; could not be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server sends no notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send test notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body must be empty: the test goes to every notification target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; has no notification targets; add some to its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up %1</source>
        <translation>Sauvegarder %1</translation>
    </message>
    <message>
        <source>Back up the code, the mounts and the databases of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Sauvegarder le code, les montages et les bases de données de &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Live backup (no downtime)</source>
        <translation>Sauvegarde à &amp;chaud (sans interruption)</translation>
    </message>
    <message>
        <source>Live backup</source>
        <translation>Sauvegarde à chaud</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sauvegarder</translation>
    </message>
    <message>
        <source>The environment keeps running during the backup. Files and databases that change while they are read may not match each other, which can make a restore less reliable.</source>
        <translation>L’environnement continue de fonctionner pendant la sauvegarde. Des fichiers et des bases de données modifiés pendant leur lecture peuvent ne pas concorder entre eux, ce qui peut rendre une restauration moins fiable.</translation>
    </message>
    <message>
        <source>A consistent backup briefly pauses the environment so that its files and databases are captured in one consistent state. Requests during the pause are held, not dropped.</source>
        <translation>Une sauvegarde cohérente met brièvement l’environnement en pause afin que ses fichiers et ses bases de données soient capturés dans un même état cohérent. Les requêtes reçues pendant la pause sont mises en attente, pas abandonnées.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Manual backups are limited to %1.&lt;/b&gt; Once this backup has succeeded it replaces the oldest manual backup, from %2 (%3).</source>
        <translation>&lt;b&gt;Les sauvegardes manuelles sont limitées à %1.&lt;/b&gt; Une fois réussie, cette sauvegarde remplace la plus ancienne sauvegarde manuelle, du %2 (%3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Manual backups are disabled&lt;/b&gt; for this type of environment (the manual count of its retention policy is 0).</source>
        <translation>&lt;b&gt;Les sauvegardes manuelles sont désactivées&lt;/b&gt; pour ce type d’environnement (le nombre de sauvegardes manuelles de sa politique de rétention est 0).</translation>
    </message>
</context>
<context>
    <name>BackupDiff</name>
    <message>
        <source>is not a comparison of a backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDownload</name>
    <message>
        <source>the download could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupFilesModel</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupListing</name>
    <message>
        <source>is not a listing of a backup&apos;s files</source>
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
    <message>
        <source>restic could not store the backup: %1</source>
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
    <message>
        <source>Storing the code, the mounts and the database copies in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-pass: storing everything while the environment still runs, so the pause only covers what changes meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the database of service %1 live, for the pre-pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-pass: storing the code, the mounts and the database copies in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second pass: storing what changed since the pre-pass (restic re-reads only changed files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files changed while the backup read them (they may not match the rest of the backup): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment has no resume hook; it was paused for %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code path of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service name &quot;%1&quot; of %2 is not a simple name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database of service %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel reports what changes from now on; the pause looks only at that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change tracking is off (%1); the pause scans every file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIDEMARK_CHANGE_TRACKING=off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>restic ran %n time(s) for this backup.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>password file of service %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed the state to back up of %1 in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Dumped the database of service %1 (%2, %n table(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed path(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pre-pass stored %1 files; %2 added to the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 files (%2 new, %3 changed, %4 unchanged); %5 added to the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository is not a local one, which tidemarkd cannot write to itself; the paused state is stored by a second restic pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the environment while it ran: %1 files (%2 new, %3 changed, %4 unchanged); %5 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic could not read some files; those that changed meanwhile are captured in the pause, the others are missing from the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository cannot be read by tidemarkd itself (%1); the paused state is stored by a second restic pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot restic stored cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed while restic read could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the staging directory could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paused state could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured while paused: the kernel reported %1; %2 copied (%3); %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured while paused, after scanning every file (%1): %2 changed since the pass started; %3 copied (%4); %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, which tidemarkd does not write itself; restic stores the paused state in a second pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change tracking is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup&apos;s snapshot: the stored pass with what was captured in the pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s snapshot could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Storing the code and the mounts while the environment runs; the pause then only covers what changes meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 captured while restic read or in the pause, and %2 (%3 added); the backup&apos;s snapshot is %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured while the environment runs: the kernel reported %1 while restic read; %2 stored (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupPath</name>
    <message>
        <source>&apos;%1&apos; is absolute; paths inside a backup start with its part (code/…, mounts/&lt;name&gt;/…, services/&lt;name&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty, &apos;.&apos; or &apos;..&apos; segment; name entries inside the backup plainly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is in no part of this backup (its parts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; goes inside the database %2, which is one entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Automated</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuelle</translation>
    </message>
    <message>
        <source>Taken by the schedule</source>
        <translation>Effectuée par la planification</translation>
    </message>
    <message>
        <source>Taken by a person or a script</source>
        <translation>Effectuée par une personne ou un script</translation>
    </message>
    <message>
        <source>Consistent</source>
        <translation>Cohérente</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>À chaud</translation>
    </message>
    <message>
        <source>Taken with the environment paused briefly: data is consistent</source>
        <translation>Effectuée avec l’environnement brièvement en pause&#xa0;: les données sont cohérentes</translation>
    </message>
    <message>
        <source>Taken while the environment kept running</source>
        <translation>Effectuée pendant que l’environnement continuait de fonctionner</translation>
    </message>
    <message>
        <source>No code revision was recorded</source>
        <translation>Aucune révision du code n’a été enregistrée</translation>
    </message>
    <message>
        <source>Protected: never deleted, not even by the retention policy</source>
        <translation>Protégée&#xa0;: jamais supprimée, pas même par la politique de rétention</translation>
    </message>
    <message>
        <source>Not protected</source>
        <translation>Non protégée</translation>
    </message>
    <message>
        <source>%1 (backup %2), being deleted</source>
        <translation>%1 (sauvegarde %2), en cours de suppression</translation>
    </message>
    <message>
        <source>%1 (backup %2)</source>
        <translation>%1 (sauvegarde %2)</translation>
    </message>
    <message>
        <source>Size unknown</source>
        <translation>Taille inconnue</translation>
    </message>
    <message>
        <source>%1 captured, %2 newly stored</source>
        <translation>%1 capturés, %2 nouvellement stockés</translation>
    </message>
    <message>
        <source>%1 captured</source>
        <translation>%1 capturés</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>En cours de suppression</translation>
    </message>
    <message>
        <source>Next pruning</source>
        <translation>Prochain nettoyage</translation>
    </message>
    <message>
        <source>The retention policy no longer keeps this backup</source>
        <translation>La politique de rétention ne conserve plus cette sauvegarde</translation>
    </message>
    <message>
        <source>Deleted by the schedule at %1 unless the policy changes</source>
        <translation>Supprimée par la planification le %1, sauf si la politique change</translation>
    </message>
    <message>
        <source>No projected expiry</source>
        <translation>Aucune expiration prévue</translation>
    </message>
    <message>
        <source>Kept until newer manual backups replace it</source>
        <translation>Conservée jusqu’à ce que des sauvegardes manuelles plus récentes la remplacent</translation>
    </message>
    <message>
        <source>Not kept: %1</source>
        <translation>Non conservée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Kept by the retention policy:
%1</source>
        <translation>Conservée par la politique de rétention&#xa0;:
%1</translation>
    </message>
    <message>
        <source>The retention policy deletes this backup:
%1</source>
        <translation>La politique de rétention supprime cette sauvegarde&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Why kept</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protégée</translation>
    </message>
    <message>
        <source>Taken with the environment paused for %1: data is consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consistent (no pause hook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for as consistent, but the environment has no pause hook, so it kept running: the databases are consistent copies, files that changed while they were read may not be. Set a pause hook on the server to pause it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which rule of the retention policy keeps each backup. The filter also finds the short forms the command line uses, such as 1d #1/7 for daily #1 of 7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken before restore %1 so that it can be undone; kept for 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>on %1 of %n copies</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: copied at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting for the next copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the last copy failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: removed by the copy&apos;s own retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowseDialog</name>
    <message>
        <source>Backup %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the listed names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand a folder to see what it holds; select items to restore or save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected items back into %1; everything else stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the selected items into a folder on this computer; the environment is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected items to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: links have no content of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be created (%2); nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n item(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeTracker</name>
    <message>
        <source>inotify is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel&apos;s limit of watched directories is reached (fs.inotify.max_user_watches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be watched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change tracking is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel&apos;s event queue overflowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was replaced or is no longer watched</source>
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
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>List the project&apos;s environments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the environment (consistent, with a short pause; --live: without pause) and wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the environment&apos;s backups, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a backup and wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the project&apos;s activities (only the environment&apos;s with -e).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print an activity&apos;s log; follow it until the end while the activity runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the effective retention policies. --set FILE applies a PATCH body {&quot;data_retention&quot;: {...}}; --dry-run changes nothing and shows which backups each environment would lose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tidemark-cli COMMAND [ID] [OPTIONS]

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview offline which backups a retention policy keeps and deletes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up without pausing the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not wait for the backup to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the data only, not the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into this environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply this PATCH body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention:preview must be the first argument: tidemark-cli retention:preview --policy FILE --backups FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command (run &apos;tidemark-cli --help&apos; for the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [-p PROJECT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [-e ENV]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [--format json] [--api URL] [--token TOKEN]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;tidemark-cli --help&apos; for the options and the exit statuses.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the ID is missing (tidemark-cli %1 %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: is not an option of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not a format (use table or json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target: the environment is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--set: the file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api: is required (the API URL, like http://127.0.0.1:8421; or set TIDEMARK_API_URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api: &apos;%1&apos; is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-url: &apos;%1&apos; is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token: is required (an API token; or set TIDEMARK_TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-p: is required for %1 (the project; or set TIDEMARK_PROJECT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-e: is required for %1 (the environment; or set TIDEMARK_ENVIRONMENT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a PATCH body with data_retention, like {&quot;data_retention&quot;: {&quot;production&quot;: {&quot;default_config&quot;: {&quot;manual_count&quot;: 3}}}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemark-cli: stopped waiting; activity %1 keeps running on the server (follow it with &apos;tidemark-cli activity:log %1 -p %2&apos;).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemark-cli: interrupted; a request already sent may still take effect on the server.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: manual backups are disabled for %1 environments (manual_count is 0); the server will refuse this backup.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: manual backups are limited to %1; this backup will replace backup %2 from %3 once it succeeds.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup:restore: environment %1 has no backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the data of backup %1 of %2 from %3 into %4; the code stays as it is.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring backup %1 of %2 from %3 into %4, code and data.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing was changed. The retention policies would be:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention policies updated:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups the new policies no longer keep are being deleted now (see activity:list).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server started no activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started the %1: activity %2 (%3).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemark-cli: the end of activity %1 is unknown; it may still be running on the server.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List what a backup holds: its parts without PATH, else the folder PATH (code/..., mounts/NAME/...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save one file of a backup (or a folder, as NAME.tar) into DIR (default: the current folder) without touching the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare a backup with the environment now (the default) or with another backup: files added, changed and removed per part, the code commit then and now, database tables and row counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo a finished restore: restore its safety backup into the same environment with the same parts and paths, and wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the project&apos;s repositories: size, logical size, deduplication, snapshots and the last verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the primary repository (or the copy NAME): restic check reading PERCENT of the data back (default: the project&apos;s verify setting) and a test restore; wait for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only this part (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PART</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only this file or folder (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take no safety backup before the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with this backup or current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save into this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent of the data to read back (0-100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERCENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a path inside the backup (like mounts/uploads or code/src/app.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--part and --path: give one or the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--against: is empty (a backup id, or current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--copy: the copy&apos;s name is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--read-data: &apos;%1&apos; is not a percentage (use a whole number from 0 to 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemark-cli: download stopped; nothing was saved.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these parts: %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these paths: %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup:download: &apos;%1&apos; is not in backup %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to: &apos;%1&apos; is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup:download: %1 exists already; nothing was overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup:download: cannot create %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 of backup %2 to %3.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 compared with %2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code commit: %1 (the same).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code commit: %1 then, %2 now.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 added, %3 changed, %4 removed (%5 then, %6 now)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  … and more
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>services/%1 table %2: %3 rows then, %4 now
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no repository information (only tidemarkd has).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot verify repositories (only tidemarkd can).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup (default: the newest) into the environment or --target and wait for it; asks no questions. --no-code restores the data only. --part (mounts/NAME, services/NAME, code) restores only those parts, --path only those files or folders (code/..., mounts/NAME/...), leaving everything else as it is. A safety backup of the target is taken first unless --no-safety-backup; undo the restore with activity:undo. --from-copy NAME reads the backup from that copy (when the primary repository is damaged or gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the health of every environment and copy: of the project -p, else of every project of the server; --all-profiles asks every connection saved in the console instead (tokens from the keychain). Exit status 0 when all is ok, 1 when anything is in warning or critical, 3 when a server could not be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the project&apos;s copy targets: where each copies to, when, with which credentials (names only), and how many of the environment&apos;s backups it holds (all environments without -e).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every connection saved in the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from-copy: the copy&apos;s name is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the backup from copy %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no copies (only tidemarkd has).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no copies (settings backup_copies).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after each backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the last copy failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is skipped: it is the console&apos;s own server; ask it with --api while the console or a tidemarkd service runs it.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--all-profiles: the console has no saved connections besides %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain holds no API token for %1; connect to it once from the console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
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
        <source>, protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environments.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups.
</source>
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
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consistent (taken paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activities.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, nothing deleted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n would be deleted:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup deletion on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion of backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 was cancelled (activity %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 failed (activity %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 created (%3, %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 restored into %2 (%3, %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data only, code left as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity %1 (%2) completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grew from %1 to %2 between %3 and %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification of the %1 repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest good backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 of %2: %3: %4
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare backup %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the environment now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the previous backup (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 added, %3 changed, %4 removed (%5 in the backup, %6 %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: commit %1 in the backup, %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: the same commit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1, table %2: %3 rows in the backup, %4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and more (the first 1000 are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size in the other backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Confinement</name>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a normalised path (no &apos;.&apos;, &apos;..&apos;, &apos;//&apos; or trailing &apos;/&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is inside tidemarkd&apos;s data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains tidemarkd&apos;s data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed: this server has no environment root (start it with --environment-root DIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not under an environment root of this server (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a simple name (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63, no &apos;/&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is not allowed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 (%2) is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 (%2) does not exist or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the %1 (%2) does not exist or is a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 (%2) is a symbolic link; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd does not follow links out of an environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd does not write through links</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>empty: the first project</source>
        <translation>vide&#xa0;: le premier projet</translation>
    </message>
    <message>
        <source>leave empty to keep the stored token</source>
        <translation>laisser vide pour garder le jeton enregistré</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>URL de l’&amp;API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>URL du &amp;jeton&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projet&#xa0;:</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>Je&amp;ton d’API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>The token for %1 is in the system keychain.</source>
        <translation>Le jeton pour %1 est dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The server on this computer, started by the console itself.</source>
        <translation>Le serveur de cet ordinateur, démarré par la console elle-même.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Remove the connection %1 and its stored API token?</source>
        <translation>Supprimer la connexion %1 et son jeton d’API enregistré&#xa0;?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>No&amp;uveau</translation>
    </message>
    <message>
        <source>empty: the API URL + /oauth2/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where API tokens are exchanged, for example https://auth.upsun.com/oauth2/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept until Tidemark closes, not stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfiles</name>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>A connection needs a name.</source>
        <translation>Une connexion doit avoir un nom.</translation>
    </message>
    <message>
        <source>A connection name cannot begin or end with spaces.</source>
        <translation>Un nom de connexion ne peut ni commencer ni finir par des espaces.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the name of the built-in connection.</source>
        <translation>«&#xa0;%1&#xa0;» est le nom de la connexion intégrée.</translation>
    </message>
    <message>
        <source>There is already a connection called &quot;%1&quot;.</source>
        <translation>Il existe déjà une connexion nommée «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The %1 must use https: over http the API token would cross the network unencrypted.</source>
        <translation>L’%1 doit utiliser https&#xa0;: en http, le jeton d’API traverserait le réseau sans chiffrement.</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>adresse de l’API</translation>
    </message>
    <message>
        <source>token address</source>
        <translation>adresse du jeton</translation>
    </message>
    <message>
        <source>The built-in connection exists already.</source>
        <translation>La connexion intégrée existe déjà.</translation>
    </message>
    <message>
        <source>There is no connection called &quot;%1&quot;.</source>
        <translation>Il n’existe aucune connexion nommée «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Only the built-in connection is built in.</source>
        <translation>Seule la connexion intégrée est intégrée.</translation>
    </message>
    <message>
        <source>The %1 must be an http or https address, like %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopiesPage</name>
    <message>
        <source>(stored; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copies of every backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offsite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 64 lower-case letters, digits, - and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/mnt/backup/site, sftp:user@host:/srv/copy, s3:…, rest:…, rclone:…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any restic repository location: an absolute path or a restic backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After each backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the backend needs (AWS_ACCESS_KEY_ID, B2_ACCOUNT_KEY, RCLONE_…). Values are write-only: the server keeps them and never shows them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove v&amp;ariable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cre&amp;dentials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its &amp;own retention (otherwise it keeps what the primary keeps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule: interval:count pairs, e.g. &quot;1d:7, 1w:4&quot; keeps one backup a day for 7 days and one a week for 4 weeks. At most: empty for no cap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the copy a name and a restic location, check the connection, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: a value has no variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: %1 has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: type the value of %1 again, or remove it. Stored values cannot be read back, and new values replace the whole set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention of %1: &quot;%2&quot; is not interval:count (e.g. 1d:7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention of %1: the manual count must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention of %1: &quot;at most&quot; must be a number or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the copy %1? Its snapshots stay where they are, at %2: Tidemark only stops copying to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server forgets the copy&apos;s password and credentials. To restore from these snapshots later, save the copy&apos;s password first (Repository tab, or tidemark-cli repository:key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 removed; its snapshots are still at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyCheck</name>
    <message>
        <source>The check could not prepare a temporary directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target answers but holds no repository: the next copy creates it with the copy&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target answers and holds no repository yet: it will be created on the first copy, with a password of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target opened with a password that was never set; it cannot be a copy&apos;s repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: the repository opens with the copy&apos;s password and holds %n snapshot(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The target %1 did not answer within %n second(s): the host is unreachable or too slow.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>restic could not be run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restic repository already exists at %1, and its password is not the copy&apos;s. Choose an empty location: each copy gets a password of its own when it is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository at %1 does not open with the copy&apos;s password (wrong password, or its keys were removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target %1 refused the credentials: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyOperation</name>
    <message numerus="yes">
        <source>%n backup(s) copied to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the copy %1 (it is created on first use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy %1 cannot be reached or opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale locks in copy %1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copying %n backup(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>restic could not copy the backups to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshots of copy %1 could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The retention of copy %1 removes %n backup(s) from it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The backups that the retention of copy %1 removes could not be forgotten: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy %1 could not be pruned (its data is reclaimed on the next run): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>restic ran %n time(s) for this copy.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>restic&apos;s output does not name the copy of every backup; listing the snapshots of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopySecrets</name>
    <message>
        <source>Could not create the directory for the credentials of copy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the credentials of copy %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyTarget</name>
    <message>
        <source>&apos;%1&apos; is not an environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set by tidemarkd (each copy has its own generated password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object of names and values, or an array of names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a copy name (use 1 to 64 lower-case letters, digits, - and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;primary&apos; names the project&apos;s own repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a restic location (use an absolute path or sftp:, rest:, s3:, rclone:, b2:, azure:, gs:, swift:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be after_backup or daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an environment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of copies, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names another copy already (names must be unique)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Daemon</name>
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
        <source>--data-dir: is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen: &apos;%1&apos; is not HOST:PORT (for example 127.0.0.1:8421)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take no automated backups (manual backups, restores and pruning still work).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token revoke: there is no API token named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n API token(s) named %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>--timeout: must be a whole number of seconds from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hooks of %1/%2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A directory under which environments may live (repeatable; DIR/environments, the demo&apos;s, always is).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let admin API tokens set pause and resume hooks (shell commands this server runs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set: the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set: the pause hook (a shell command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set: the resume hook (a shell command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set: how long each hook may run (1-3600 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve HTTPS with this certificate (PEM; intermediates may follow it). Needs --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key of --tls-cert (PEM, unencrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve plain HTTP on an address other than loopback (tokens then travel in the clear).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: token create | token list | token revoke NAME | hooks set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--environment-root: &apos;%1&apos; is not an existing directory given by its absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a command (token create, token list, token revoke NAME, hooks set, import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set, import: the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: the repository (a copy) to rebuild the projects from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: the file holding that repository&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Tidemark backup server.

  tidemarkd --data-dir DIR [--listen HOST:PORT] [--demo] [--environment-root DIR]... [--allow-api-hooks] [--metrics-listen HOST:PORT]
  tidemarkd --data-dir DIR token create --role admin|viewer --name NAME
  tidemarkd --data-dir DIR token list
  tidemarkd --data-dir DIR token revoke NAME
  tidemarkd --data-dir DIR hooks set --project P --environment E [--pause CMD] [--resume CMD] [--timeout SECONDS]
  tidemarkd --data-dir DIR import --repository LOCATION --password-file F [--project ID]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also serve GET /metrics (Prometheus) here, without authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--metrics-listen: &apos;%1&apos; is not HOST:PORT (for example 127.0.0.1:9421)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseAccess</name>
    <message>
        <source>The password file of service %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file of service %1 is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private temporary directory could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private temporary file could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private temporary file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server %1 (database %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MariaDB server %1 (database %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client for %1 could not be started (is it installed?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseDump</name>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of service %2 failed (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseLoad</name>
    <message>
        <source>The database of service %1 could not be restored (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database client could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server no longer knows transaction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction %1 is still in progress</source>
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
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>The server of this computer could not start: %1</source>
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
    <message>
        <source>The backup could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume of %1 after tidemarkd stopped while it was paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd stopped while %1 was paused (by the %2); its resume hook runs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety backup of %1 before restore %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from_copy: there is no copy called &apos;%1&apos; in backup_copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; is not on the copy &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &apos;%1&apos; cannot be restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not restorable now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo of restore %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore of %n path(s) of backup %1 into %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore of %1 from backup %2 into %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safety backup could be taken; nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safety backup (%1) of %2 is taken first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup %1 was not taken; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup %1 was not taken (%2); nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &apos;%1&apos; is not a restore; only a restore can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; has not completed successfully; there is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &apos;%1&apos; was run without a safety backup; it cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup %1 of restore &apos;%2&apos; is gone; the restore can no longer be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository: there is no repository called &apos;%1&apos; (use primary or the name of a copy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read_data_percent: %1 is not between 0 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification of project &apos;%1&apos; is already queued or running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of the %1 repository of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no copy called &apos;%1&apos; in backup_copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of the backups of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification&apos;s result could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification %1 found damaged data in it (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 is not restorable: it uses the damaged data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 is restorable again: all of its data is in the repository.</source>
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
        <source>{&quot;name&quot;, &quot;kind&quot;, &quot;path&quot;} or {&quot;name&quot;, &quot;kind&quot;, &quot;host&quot;, &quot;port&quot;, &quot;database&quot;, &quot;user&quot;, &quot;password_file&quot;} objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs either &quot;host&quot; (with an optional &quot;port&quot;) or &quot;socket&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not used with &quot;socket&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported kind of service (&quot;sqlite&quot;, &quot;postgresql&quot;, &quot;mariadb&quot; or &quot;mysql&quot;)</source>
        <translation type="unfinished"></translation>
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
        <translation>%1, dérivé de %2</translation>
    </message>
    <message>
        <source>%1; an activity is pending or running</source>
        <translation>%1&#xa0;; une activité est en attente ou en cours</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Aucune sauvegarde pour l’instant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Préproduction</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Développement</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>En cours de suppression</translation>
    </message>
    <message>
        <source>Only active environments are backed up automatically.</source>
        <translation>Seuls les environnements actifs sont sauvegardés automatiquement.</translation>
    </message>
    <message>
        <source>The %1 retention policy has no schedule, so no backup is taken automatically.</source>
        <translation>La politique de rétention «&#xa0;%1&#xa0;» n’a aucune planification&#xa0;; aucune sauvegarde n’est donc effectuée automatiquement.</translation>
    </message>
    <message>
        <source>%1: at the start of every %2 bucket (UTC)</source>
        <translation>%1&#xa0;: au début de chaque tranche de %2 (UTC)</translation>
    </message>
    <message>
        <source>When the scheduler takes the next automated backup (the start of the finest schedule&apos;s next interval)</source>
        <translation>Quand le planificateur effectue la prochaine sauvegarde automatique (au début de l’intervalle suivant de la planification la plus fine)</translation>
    </message>
    <message>
        <source>Next backup</source>
        <translation>Prochaine sauvegarde</translation>
    </message>
</context>
<context>
    <name>GrowthChart</name>
    <message>
        <source>Repository growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s), now %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the primary repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the primary repository: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measurement yet: the first backup makes one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>this server has no health report (only tidemarkd has one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthMonitor</name>
    <message>
        <source>This computer&apos;s server has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API token for %1: connect to it once to enter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not report the health of its environments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthReport</name>
    <message>
        <source>must be an array of strings, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number or null, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthReporter</name>
    <message>
        <source>inactive: no backups are taken while it is inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newest good backup is %1 old, target %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no good backup yet, target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no automated backups: %1 has no schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd was not running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed: tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled backup(s) missed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no automated backups: tidemarkd runs without its scheduler (--no-scheduler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never verified, though the oldest backup is %1 old</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) could not be copied to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>copy %1 has not run for %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthSettings</name>
    <message>
        <source>&apos;%1&apos; is not an environment type (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number of hours or null, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range (more than 0, at most %2 hours)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthTableModel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing copied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest good backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message numerus="yes">
        <source>%n h</source>
        <comment>an age in hours</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>a target in hours</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Check &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health of every environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every environment of every connection, worst first. Checked %1; Enter or a click opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every environment of every connection, worst first. Checking…</source>
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
        <source>The %1 hook could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 hook failed (exit status %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>The request body is larger than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers are larger than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an HTTP/1.1 request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target must be a path, such as /projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers were not complete within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body was not complete within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>this build of Qt has no TLS support (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert: %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-key: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-key: %1 holds no unencrypted PEM private key (RSA, EC or DSA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has too many connections open; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many connections from this address; close some and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Could not run restic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic %1 on %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--repository: the location of the repository to import from is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-file: &apos;%1&apos; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 holds no Tidemark backup manifests: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup in %1 could be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--project: no backup of project &apos;%1&apos; is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the password file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Project %1: %n backup(s) imported; environments created: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
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
    <name>LogStream</name>
    <message>
        <source>too many log streams are open at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log stream ended before the activity did</source>
        <translation type="unfinished"></translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>À &amp;propos de Tidemark</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>About Tidemark</source>
        <translation>À propos de Tidemark</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tidemark %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Backups and restores of hosting environments, under retention policies that you preview before anything is deleted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tidemark %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Sauvegardes et restaurations d’environnements d’hébergement, selon des politiques de rétention dont vous voyez l’effet avant que quoi que ce soit ne soit supprimé.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>&amp;Protect</source>
        <translation>&amp;Protéger</translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <source>Retention &amp;policies…</source>
        <translation>Politiques de &amp;rétention…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>&amp;Find backups</source>
        <translation>Re&amp;chercher des sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Cancel activity</source>
        <translation>Annuler l’ac&amp;tivité</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;ffichage</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source> Connection: </source>
        <translation> Connexion&#xa0;: </translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Environnements</translation>
    </message>
    <message>
        <source>Filter backups (id, date, commit, note, reason…)</source>
        <translation>Filtrer les sauvegardes (id, date, commit, note, raison…)</translation>
    </message>
    <message>
        <source>Filter backups</source>
        <translation>Filtrer les sauvegardes</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal d’activité</translation>
    </message>
    <message>
        <source>Select an activity to see its log.</source>
        <translation>Sélectionnez une activité pour voir son journal.</translation>
    </message>
    <message>
        <source>Cancelling the activity</source>
        <translation>L’annulation de l’activité</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Manage connections…</source>
        <translation>Gérer les connexions…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>This computer&apos;s server is not available in this build.</source>
        <translation>Le serveur de cet ordinateur n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>API token for %1:</source>
        <translation>Jeton d’API pour %1&#xa0;:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Jeton d’API</translation>
    </message>
    <message>
        <source>No API token for %1.</source>
        <translation>Aucun jeton d’API pour %1.</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>La connexion</translation>
    </message>
    <message>
        <source>The server has no project.</source>
        <translation>Le serveur n’a aucun projet.</translation>
    </message>
    <message>
        <source>The server has no project %1.</source>
        <translation>Le serveur n’a pas de projet %1.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Connected to %1 — project %2</source>
        <translation>Connecté à %1 — projet %2</translation>
    </message>
    <message>
        <source>Disconnected from %1: %2</source>
        <translation>Déconnecté de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Loading environments</source>
        <translation>Le chargement des environnements</translation>
    </message>
    <message>
        <source>Loading settings</source>
        <translation>Le chargement des paramètres</translation>
    </message>
    <message>
        <source>Backups of %1</source>
        <translation>Sauvegardes de %1</translation>
    </message>
    <message>
        <source>Loading backups</source>
        <translation>Le chargement des sauvegardes</translation>
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
        <translation>Sélectionnez un environnement</translation>
    </message>
    <message>
        <source>Environment is inactive</source>
        <translation>L’environnement est inactif</translation>
    </message>
    <message>
        <source>Viewers cannot back up</source>
        <translation>Les lecteurs ne peuvent pas sauvegarder</translation>
    </message>
    <message>
        <source>Select one backup to restore</source>
        <translation>Sélectionnez une sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>Select only one backup to restore</source>
        <translation>Sélectionnez une seule sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>The backup is being deleted</source>
        <translation>La sauvegarde est en cours de suppression</translation>
    </message>
    <message>
        <source>Viewers cannot restore</source>
        <translation>Les lecteurs ne peuvent pas restaurer</translation>
    </message>
    <message>
        <source>Select the backups to delete</source>
        <translation>Sélectionnez les sauvegardes à supprimer</translation>
    </message>
    <message>
        <source>Protected backups cannot be deleted</source>
        <translation>Les sauvegardes protégées ne peuvent pas être supprimées</translation>
    </message>
    <message>
        <source>Viewers cannot delete backups</source>
        <translation>Les lecteurs ne peuvent pas supprimer de sauvegardes</translation>
    </message>
    <message>
        <source>Select one backup</source>
        <translation>Sélectionnez une sauvegarde</translation>
    </message>
    <message>
        <source>Viewers cannot change backups</source>
        <translation>Les lecteurs ne peuvent pas modifier les sauvegardes</translation>
    </message>
    <message>
        <source>Select a running activity</source>
        <translation>Sélectionnez une activité en cours</translation>
    </message>
    <message>
        <source>The activity has ended</source>
        <translation>L’activité est terminée</translation>
    </message>
    <message>
        <source>This activity cannot be cancelled</source>
        <translation>Cette activité ne peut pas être annulée</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Terminée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Starting the backup</source>
        <translation>Le lancement de la sauvegarde</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Starting the restore</source>
        <translation>Le lancement de la restauration</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <source>Delete this backup? It cannot be restored afterwards.</source>
        <translation>Supprimer cette sauvegarde&#xa0;? Elle ne pourra plus être restaurée ensuite.</translation>
    </message>
    <message>
        <source>Delete these %1 backups? They cannot be restored afterwards.</source>
        <translation>Supprimer ces %1 sauvegardes&#xa0;? Elles ne pourront plus être restaurées ensuite.</translation>
    </message>
    <message>
        <source>Delete backups</source>
        <translation>Supprimer des sauvegardes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Deleting a backup</source>
        <translation>La suppression d’une sauvegarde</translation>
    </message>
    <message>
        <source>Protect backup</source>
        <translation>Protéger la sauvegarde</translation>
    </message>
    <message>
        <source>Backup note</source>
        <translation>Note de sauvegarde</translation>
    </message>
    <message>
        <source>Note for the backup of %1 from %2:</source>
        <translation>Note pour la sauvegarde de %1 du %2&#xa0;:</translation>
    </message>
    <message>
        <source>The log appears here as the activity runs.</source>
        <translation>Le journal s’affiche ici pendant l’activité.</translation>
    </message>
    <message>
        <source>This activity has no log.</source>
        <translation>Cette activité n’a pas de journal.</translation>
    </message>
    <message>
        <source>Loading the log…</source>
        <translation>Chargement du journal…</translation>
    </message>
    <message>
        <source>Loading the activity&apos;s log</source>
        <translation>Le chargement du journal de l’activité</translation>
    </message>
    <message>
        <source>This server does not list its projects; enter the project ID in Connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to %1: the activity cannot be cancelled now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect with Retry in the status bar, then cancel it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected: never deleted. Click to unprotect (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect: never delete this backup (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: reconnect to cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no backup yet. Take the first one with Backup (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no backup, and it is inactive: activate it to back it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 retention policy has no schedule, so %2 is never backed up automatically. Add a schedule under Retention policies (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tidemark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel them and &amp;quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n activity(ies) before quitting…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies) still running on this computer. Quitting stops them: a backup that is stopped is not kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison with the environment now is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot compare a backup with the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put %1 back as it was before this restore?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety backup %1 taken before the restore is restored into %2, with the same parts; a new safety backup is taken first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing the restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore files</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Put back %n item(s) of backup %1 into %2?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only these are replaced; everything else in %1 stays as it is. A safety backup is taken first, so the restore can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show restic&apos;s own output</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show restic&apos;s own output (%n line(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidemark — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies, re&amp;positories and alerts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MariaDbDump</name>
    <message>
        <source>Locking for a consistent snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mariadb-dump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing the read lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mariadb-dump could not be started (is it installed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its snapshot did not open in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Service %1: %n table(s) without transactions, %2, are read as they are when the dump reaches them, not at the instant of the other tables.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service %1: dumped %n table(s) without transactions, %2, under the read lock inside the pause in %3 ms.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationMessage</name>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment %1 of project %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backup missed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup of %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the backups of %1 to an off-site repository failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the backup repository of %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore into %1 finished successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore into %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore into %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test message from tidemarkd for %1. If you read it, alerts reach you here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity: %1 (tidemark-cli activity:log %2 -p %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The backup schedule of %1 missed %n run(s); a backup has been started now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationSecrets</name>
    <message>
        <source>Could not create the directory for the secrets of notification target %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the secrets of notification target %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationSender</name>
    <message>
        <source>libcurl could not start a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: tidemarkd is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationTarget</name>
    <message>
        <source>is required for a webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an http:// or https:// URL with a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 2048 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a format (use json, slack or ntfy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is only for e-mail (kind &quot;email&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a TLS mode (use starttls, tls for a TLS connection from the start, or none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one line of at most 256 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one line of at most 1024 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be starttls or tls when a password is given (it would travel in the clear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required for e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a non-empty array of e-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than %1 addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address (name@host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is only for webhooks (kind &quot;webhook&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a notification name (use 1 to 64 lower-case letters, digits, - and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (webhook or email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a kind (use webhook or email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a non-empty array of events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an event (use %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of notification targets, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than 50 targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names another notification target already (names must be unique)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>A cop&amp;y failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stored; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops-chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 64 lower-case letters, digits, - and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address tidemarkd posts to. It often holds a secret, so it is write-only: the server keeps it and shows only its scheme and host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack (incoming webhook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS from the start (SMTPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (loopback relays only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write-only: the server keeps it and never shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops@example.org, dba@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tidemarkd@this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends a test message to every saved target and says which ones received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliveries since tidemarkd started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the target a name, where to send and which events, then save it and send a test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stored; type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://hooks.example.org/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send when: choose at least one event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL: give the address to post to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: give at least one address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1 added. Send a test to see that it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove alert target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the alert target %1? tidemarkd stops sending to it, and forgets its stored secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the target first: a test goes to the saved targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending a test message to %n target(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backups &amp;were missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ver&amp;ification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore finis&amp;hed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert targets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tar&amp;get…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>dropped: too many deliveries waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its secret is not stored; give it again in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n while tidemarkd was not running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n while tidemarkd ran without its scheduler (--no-scheduler)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not taken or failed while tidemarkd ran</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyEditorDialog</name>
    <message>
        <source>Retention policies</source>
        <translation>Politiques de rétention</translation>
    </message>
    <message>
        <source>&amp;Production</source>
        <translation>&amp;Production</translation>
    </message>
    <message>
        <source>&amp;Staging</source>
        <translation>P&amp;réproduction</translation>
    </message>
    <message>
        <source>&amp;Development</source>
        <translation>&amp;Développement</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Appliquer…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>Fix the problems shown in red first</source>
        <translation>Corrigez d’abord les problèmes signalés en rouge</translation>
    </message>
    <message>
        <source>Nothing has changed</source>
        <translation>Rien n’a été modifié</translation>
    </message>
    <message>
        <source>Checking what the new policies delete…</source>
        <translation>Vérification de ce que suppriment les nouvelles politiques…</translation>
    </message>
    <message>
        <source>%1: %2 from %3 (%4)</source>
        <translation>%1&#xa0;: %2 du %3 (%4)</translation>
    </message>
    <message>
        <source>Apply the new retention policies? No current backup is deleted.</source>
        <translation>Appliquer les nouvelles politiques de rétention&#xa0;? Aucune sauvegarde actuelle n’est supprimée.</translation>
    </message>
    <message>
        <source>Apply the new retention policies? This backup will be deleted right away:</source>
        <translation>Appliquer les nouvelles politiques de rétention&#xa0;? Cette sauvegarde sera supprimée immédiatement&#xa0;:</translation>
    </message>
    <message>
        <source>Apply the new retention policies? These %1 backups will be deleted right away:</source>
        <translation>Appliquer les nouvelles politiques de rétention&#xa0;? Ces %1 sauvegardes seront supprimées immédiatement&#xa0;:</translation>
    </message>
    <message>
        <source>Apply retention policies</source>
        <translation>Appliquer les politiques de rétention</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply and delete %1</source>
        <translation>Appliquer et supprimer %1</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>Non appliquées.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application en cours…</translation>
    </message>
    <message>
        <source>Applied. Surplus backups are being deleted.</source>
        <translation>Appliquées. Les sauvegardes excédentaires sont en cours de suppression.</translation>
    </message>
    <message>
        <source>Close without applying your changes?</source>
        <translation>Fermer sans appliquer vos modifications&#xa0;?</translation>
    </message>
</context>
<context>
    <name>PolicyEditorPage</name>
    <message>
        <source>Automated backup schedules</source>
        <translation>Planifications des sauvegardes automatiques</translation>
    </message>
    <message>
        <source>&amp;Add schedule</source>
        <translation>Ajouter une p&amp;lanification</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>0 (manual backups disabled)</source>
        <translation>0 (désactivées)</translation>
    </message>
    <message>
        <source>Manual backups kept</source>
        <translation>Sauvegardes manuelles conservées</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>Maximum number of backups</source>
        <translation>Nombre maximal de sauvegardes</translation>
    </message>
    <message>
        <source>Automated backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <source>Each schedule keeps the newest backup of each of its last &lt;i&gt;count&lt;/i&gt; intervals, for example 1 day × 7 keeps one backup a day for a week.</source>
        <translation>Chaque planification conserve la sauvegarde la plus récente de chacun de ses &lt;i&gt;nombre&lt;/i&gt; derniers intervalles&#xa0;; par exemple, 1 jour × 7 conserve une sauvegarde par jour pendant une semaine.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>&amp;Manual backups kept:</source>
        <translation>Sauvegardes &amp;manuelles conservées&#xa0;:</translation>
    </message>
    <message>
        <source>Ma&amp;ximum backups in all:</source>
        <translation>Nombre ma&amp;ximal de sauvegardes&#xa0;:</translation>
    </message>
    <message>
        <source>Preview environment</source>
        <translation>Environnement de l’aperçu</translation>
    </message>
    <message>
        <source>Backups kept and deleted by the draft policy</source>
        <translation>Sauvegardes conservées et supprimées par le projet de politique</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement&#xa0;:</translation>
    </message>
    <message>
        <source>Fix the policy to see its preview.</source>
        <translation>Corrigez la politique pour voir son aperçu.</translation>
    </message>
    <message>
        <source>(updating…)</source>
        <translation>(mise à jour…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 kept&lt;/b&gt;, &lt;b&gt;%2 deleted&lt;/b&gt; of the current backups of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No automated backups:&lt;/b&gt; environments of type %1 are not backed up on a schedule. Add a schedule to have them backed up automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;imulate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at a bar, click it, or use the arrow keys in the timeline to see why it is kept and when it is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environment of this type: the simulation starts without backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count and schedule: 7 daily</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n automated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manual</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n protected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: at least %n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Steady state: %n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>storage unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(of the last valid draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the sizes newly stored by %n current backup(s): one full copy (%1, the largest) plus %2 for each further backup (the mean of the others).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Storage estimated from the one backup that reports the size it newly stored (%1): how much each further backup adds is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Storage estimated from the logical sizes of %n current backup(s) (mean %1 each), without deduplication or compression: an upper bound.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No current backup reports its size, so the storage cannot be estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the policy keeps once every schedule has filled (manual backups up to the limit, protected backups always).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresDump</name>
    <message>
        <source>Exporting a snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresLoad</name>
    <message>
        <source>pg_restore could not be started (is it installed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private pipe could not be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended with status %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started (is it installed?)</source>
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
        <source>&apos;%1&apos; is not an environment type (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a setting that can be changed here (only data_retention, verify, backup_copies, notifications and health can be changed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>&amp;Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies, repositories and alerts of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>This computer&apos;s server did not say whether backups are running: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuitPrompt</name>
    <message>
        <source>Finish in the background: the window closes now and Tidemark quits once they have ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To keep backing up on schedule with Tidemark closed, use Settings ▸ Run in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish in the &amp;background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking this computer&apos;s server what is running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitting stops this computer&apos;s server and anything it is doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBanner</name>
    <message>
        <source>Save as &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;stored it safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Save the recovery key.&lt;/b&gt; The password of this project&apos;s backup repository is kept on this server only. Without it, no backup can be restored on another machine, not even from a copy. Save it somewhere safe (a password manager, a printout in a drawer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key was saved to %1. Keep that file somewhere safe, away from this machine, then confirm with &quot;I have stored it safely&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 is on the clipboard. Paste it into a password manager, then confirm with &quot;I have stored it safely&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confirmation could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepositoryPage</name>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deduplication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify the selected repository now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repositories could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <comment>repository size</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a repository on this machine is measured; a copy&apos;s size is its backend&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 with restic and read back a share of its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the verification of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server started no activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1… %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification of %1 could not be followed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1 passed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1 FAILED: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepositoryReport</name>
    <message>
        <source>must be a number or null, not %1</source>
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
    <message>
        <source>restic %1 printed something that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic ls printed a line that is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the repository %1 is full: restic could not write to it (%2). Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResticReader</name>
    <message>
        <source>restic stopped (exit status %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic&apos;s output could not be read</source>
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
    <message>
        <source>The repository %1 has no config file but is not empty (its %2 folder has entries); it was left as it is. Put its config back from a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup repository %1 exists, but its password file %2 does not open it (a wrong password, or the repository&apos;s keys are missing). Nothing was changed in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup repository %1 is damaged: its config or key cannot be decrypted (ciphertext verification failed). Nothing was changed in it; check it with restic check or restore it from a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup repository %1 is not usable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of data to read must be between 1 and 100 percent, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pack to look for was named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pack id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a statistics mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack %1 is in the remote repository %2; it can only be moved aside in a local one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pack %1 is not in the repository any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the pack %1 out of the repository into %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>Restore the backup of &lt;b&gt;%1&lt;/b&gt; taken on %2 (%3).</source>
        <translation>Restaurer la sauvegarde de &lt;b&gt;%1&lt;/b&gt; effectuée le %2 (%3).</translation>
    </message>
    <message>
        <source>Target environment</source>
        <translation>Environnement cible</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>Restore &amp;code</source>
        <translation>Restaurer le &amp;code</translation>
    </message>
    <message>
        <source>Unchecked: restore the mounts and databases only, and keep the code as it is now.</source>
        <translation>Décoché&#xa0;: restaurer uniquement les montages et les bases de données, et garder le code tel qu’il est.</translation>
    </message>
    <message>
        <source>&amp;Target environment:</source>
        <translation>&amp;Environnement cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Restore into %1</source>
        <translation>&amp;Restaurer dans %1</translation>
    </message>
    <message>
        <source>The data &lt;i&gt;and&lt;/i&gt; the code of %1 are replaced by the backup&apos;s. Your git repository is not changed: later deployments use its latest code.</source>
        <translation>Les données &lt;i&gt;et&lt;/i&gt; le code de %1 sont remplacés par ceux de la sauvegarde. Votre dépôt git n’est pas modifié&#xa0;: les déploiements ultérieurs utilisent son code le plus récent.</translation>
    </message>
    <message>
        <source>Only the mounts and databases of %1 are replaced; its code stays as it is now. &lt;b&gt;The restored data may not match newer code.&lt;/b&gt;</source>
        <translation>Seuls les montages et les bases de données de %1 sont remplacés&#xa0;; son code reste tel qu’il est. &lt;b&gt;Les données restaurées peuvent ne pas correspondre à un code plus récent.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>its data and code</source>
        <translation>ses données et son code</translation>
    </message>
    <message>
        <source>its data (not its code)</source>
        <translation>ses données (pas son code)</translation>
    </message>
    <message>
        <source>Restore backup %1 into %2? This replaces %3 with the backup&apos;s.</source>
        <translation>Restaurer la sauvegarde %1 dans %2&#xa0;? Cela remplace %3 par ceux de la sauvegarde.</translation>
    </message>
    <message>
        <source>This cannot be undone; take a backup of %1 first if you may need its current state.</source>
        <translation>Cette opération est irréversible&#xa0;; faites d’abord une sauvegarde de %1 si vous risquez d’avoir besoin de son état actuel.</translation>
    </message>
    <message>
        <source>Restore into %1</source>
        <translation>Restaurer dans %1</translation>
    </message>
    <message>
        <source>Parts to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a &amp;safety backup first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consistent backup of the target is taken before anything is changed, so that the restore can be undone for 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the backup with the environment now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What the restore changes&lt;/b&gt; (the environment now compared with the backup):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unchanged since the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) removed since the backup come back</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s) are put back as they were</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added since are removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Code: commit %1 in the backup, %2 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows now, %3 in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This compares the backup with %1 now, not with the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safety backup of %1 is taken first: you can undo the restore afterwards (Undo restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of mount “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 database of service “%2”</source>
        <comment>server kind, service name</comment>
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
    <message>
        <source>The restore journal could not be written; the environment is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be moved aside; the environment is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database could not be written back: %1. The environment was put back as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore journal could not be written; the environment was put back as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database of service %1 could not be saved first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restore journal could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore journal is kept; tidemarkd tries the roll-back again when it restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be put back from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be put back from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore into %1 had completed before tidemarkd stopped; its leftovers were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted; the environment was put back as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted and could not be fully undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service name &quot;%1&quot; is not a simple name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database of service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring into %1: %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n directories</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n databases</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The database of service %1 cannot be restored into %2: the backup holds a %3 database and the service is of kind %4. Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path %1 cannot be restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path %1 is code, and restore code is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment %1 has no service named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database of service %1 cannot be restored into %2: the backup holds a %3 database and the service is of kind %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment %1 has no %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the backup; it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be put back: %2 in the environment is a link or not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password file of service %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 could not be made; the environment is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the database of service %1 into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore journal could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The other databases and the files were restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The environment was put back as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore into %1 was interrupted; whether its databases were committed cannot be told yet (%2). tidemarkd tries again when it restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore into %1 had been committed; its databases could not all be finished: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be read from the backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the %1 from the repository directly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumeOperation</name>
    <message>
        <source>%1 has no resume hook; nothing to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed %1 after tidemarkd stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the resume hook of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed the environment.</source>
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
    <name>RetentionPreviewModel</name>
    <message>
        <source>%1 (backup %2)</source>
        <translation>%1 (sauvegarde %2)</translation>
    </message>
    <message>
        <source>Automated</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuelle</translation>
    </message>
    <message>
        <source>Protected: always kept</source>
        <translation>Protégée&#xa0;: toujours conservée</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>When applied</source>
        <translation>À l’application</translation>
    </message>
    <message>
        <source>Applying the policy deletes this backup</source>
        <translation>L’application de la politique supprime cette sauvegarde</translation>
    </message>
    <message>
        <source>Deleted by the schedule at %1</source>
        <translation>Supprimée par la planification le %1</translation>
    </message>
    <message>
        <source>No projected expiry</source>
        <translation>Aucune expiration prévue</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Raisons</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
</context>
<context>
    <name>RetentionReasons</name>
    <message>
        <source>hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 #%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the oldest, while the %1 schedule fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>kept as one of %n manual backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the %n manual backup(s) kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>beyond the limit of %n backup(s) in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policy has no schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no schedule keeps it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety backup until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety backup, 7 days passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionTimeline</name>
    <message>
        <source>No backup is kept.</source>
        <translation>Aucune sauvegarde n’est conservée.</translation>
    </message>
    <message>
        <source>automated</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>protégée</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format of the timeline&apos;s week labels (QDate::toString)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backups kept now: %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Simulated until %1: %n new automated backup(s); kept at the end: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The policy keeps too many backups to simulate further than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Until %1: %n real backup(s) kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted when applied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new simulated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>real</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated %1 backup of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real %1 backup of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, still kept on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then deleted when the backup of %1 is made: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM</source>
        <comment>month label of the timeline (QDate::toString)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>quarter label of the timeline (QDate::toString)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup is kept, and none is made on a schedule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleDraftModel</name>
    <message>
        <source>Interval: %1</source>
        <translation>Intervalle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Nombre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Schedule %1: %2</source>
        <translation>Planification %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Manual backups: %1</source>
        <translation>Sauvegardes manuelles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Maximum backups: %1</source>
        <translation>Nombre maximal de sauvegardes&#xa0;: %1</translation>
    </message>
    <message>
        <source>One bucket spans this many %1 (1 to 9999)</source>
        <translation>Une tranche couvre ce nombre de %1 (1 à 9999)</translation>
    </message>
    <message>
        <source>Buckets are counted in UTC; weeks start on Monday</source>
        <translation>Les tranches sont comptées en UTC&#xa0;; les semaines commencent le lundi</translation>
    </message>
    <message>
        <source>The newest backup of each of this many %1 buckets is kept (1 to 1000)</source>
        <translation>La sauvegarde la plus récente de chacune de ce nombre de tranches de %1 est conservée (1 à 1000)</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Tous les</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <comment>unit of a schedule&apos;s interval, after its number</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>must be an array of names, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlSession</name>
    <message>
        <source>the database client ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database client could not be started (is it installed?)</source>
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
    <message>
        <source>The database %1 is a symbolic link; tidemarkd does not follow it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemdUserService</name>
    <message>
        <source>systemctl --user %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemd is not installed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no systemd user instance for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the systemd user instance says &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and was not written by Tidemark; it is left as it is. Remove it to let Tidemark run this computer&apos;s server in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written by Tidemark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThisComputer</name>
    <message>
        <source>tidemarkd is not installed beside the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The background service could not be stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not start: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API token for the console: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The background service did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 It could not be stopped either: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThisComputerBanner</name>
    <message>
        <source>Run in the &amp;background…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run This computer in the &amp;background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backups run only while Tidemark is open: this computer&apos;s server runs inside the console and stops when it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot run in the background here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep backing up this computer on schedule while Tidemark is closed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidemark can run its server as a systemd user service (tidemarkd.service) that starts with your session. Closing the console then stops nothing. Otherwise scheduled backups run only while Tidemark is open. You can change this later under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in the &amp;background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only while &amp;open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities are running on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the server stops them. Wait until they have ended, or cancel them, then try again.</source>
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
        <source>--role: &apos;%1&apos; is not a role (admin or viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name: is required (who or what the token is for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir: cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: give both or neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE --tls-key FILE, or pass --insecure-http to serve plain HTTP anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hooks set: there is no environment &apos;%1&apos; in project &apos;%2&apos; (give --project and --environment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--metrics-listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE --tls-key FILE, or pass --insecure-http to serve plain HTTP anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2 for the metrics (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>L’accès au trousseau du système a été refusé.</translation>
    </message>
    <message>
        <source>The token could not be stored in the system keychain: %1</source>
        <translation>Le jeton n’a pas pu être enregistré dans le trousseau du système&#xa0;: %1</translation>
    </message>
    <message>
        <source>The token could not be removed from the system keychain: %1</source>
        <translation>Le jeton n’a pas pu être supprimé du trousseau du système&#xa0;: %1</translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept only until Tidemark quits and is asked for again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitDelegate</name>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
</context>
<context>
    <name>VerifyOperation</name>
    <message>
        <source>%1 was restored but is not in the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was restored as a symbolic link but is a file in the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bytes, the snapshot recorded %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the snapshot but was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restored files hold %1 bytes, the snapshot lists %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restored files hold %1 bytes, the backup recorded %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the repository and reading %1 % of its data back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the repository&apos;s structure (no data is read back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic check read %1 % of the data back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic check verified the structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and found damaged pack(s): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and found errors: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the backups that use the damaged pack(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restic find could not tell which backups use the damaged pack(s): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged data is used by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved the damaged pack(s) %1 to %2; rebuilding the index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged pack(s) were moved aside, but the index could not be rebuilt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged pack(s) %1 were moved out of the repository and the index was rebuilt: the next backup of each environment stores that data again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 was not test-restored: it uses damaged data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test restore of backup %1 of %2 into a scratch directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test restore of backup %1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot of backup %1 of %2 could not be listed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 restored to %3 files, %4 bytes, identical to the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The test restore of backup %1 of %2 differs from the snapshot in %n place(s): %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifySettings</name>
    <message>
        <source>&apos;%1&apos; is not an interval (use a number and one of h, d, w, M, y)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
