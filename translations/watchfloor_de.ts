<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionWords</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>On</source>
        <comment>action: switch on</comment>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>action: switch off</comment>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>ActivityDelegate</name>
    <message>
        <source>Viewer</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Acknowledged alarm</source>
        <translation>Alarm quittiert</translation>
    </message>
    <message>
        <source>Shelved alarm</source>
        <translation>Alarm zurückgestellt</translation>
    </message>
    <message>
        <source>Unshelved alarm</source>
        <translation>Zurückstellung aufgehoben</translation>
    </message>
    <message>
        <source>Sent command</source>
        <translation>Befehl gesendet</translation>
    </message>
    <message>
        <source>Refreshed dashboard</source>
        <translation>Dashboard aktualisiert</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Rundmeldung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
</context>
<context>
    <name>ActivityTargets</name>
    <message>
        <source>Alarm %1</source>
        <translation>Alarm %1</translation>
    </message>
    <message>
        <source>Drone %1</source>
        <translation>Drohne %1</translation>
    </message>
    <message>
        <source>Machine %1</source>
        <translation>Maschine %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>alarm source · message</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message>
        <source>Operators present</source>
        <translation>Anwesende Bediener</translation>
    </message>
    <message>
        <source>Filter activity</source>
        <translation>Aktivität filtern</translation>
    </message>
    <message>
        <source>Filter by operator, action or target</source>
        <translation>Nach Bediener, Aktion oder Ziel filtern</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Operators present (%1)</source>
        <translation>Anwesende Bediener (%1)</translation>
    </message>
    <message>
        <source>Recent activity (%1)</source>
        <translation>Letzte Aktivität (%1)</translation>
    </message>
    <message>
        <source>Recent activity (%1 of %2)</source>
        <translation>Letzte Aktivität (%1 von %2)</translation>
    </message>
    <message>
        <source>No operators present</source>
        <translation>Keine Bediener anwesend</translation>
    </message>
    <message>
        <source>Not live: nobody is known to be present</source>
        <translation>Nicht live: niemand als anwesend bekannt</translation>
    </message>
    <message>
        <source>No operator activity since this console connected</source>
        <translation>Keine Bedieneraktivität, seit diese Konsole verbunden ist</translation>
    </message>
    <message>
        <source>Not live: no activity received yet</source>
        <translation>Nicht live: noch keine Aktivität empfangen</translation>
    </message>
</context>
<context>
    <name>AgeText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>stale · %1</source>
        <translation>veraltet · %1</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Alarm banner</source>
        <translation>Alarmleiste</translation>
    </message>
    <message>
        <source>Alarms waiting for acknowledgement, the alarm rate and the oldest waiting alarm. Click, or press Enter, to open the Alarms view (Ctrl+5).</source>
        <translation>Alarme, die auf Quittierung warten, die Alarmrate und der älteste wartende Alarm. Klicken oder Eingabetaste drücken, um die Alarmansicht zu öffnen (Strg+5).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a count of waiting alarms and their priority&apos;s word</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>alarms not acknowledged (AlarmModel::unacknowledgedCount)</comment>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>FLOOD · %1 in 10 min</source>
        <translation>FLUT · %1 in 10 min</translation>
    </message>
    <message>
        <source>%1 in 10 min · above target</source>
        <translation>%1 in 10 min · über dem Ziel</translation>
    </message>
    <message>
        <source>%1 in 10 min · acceptable</source>
        <translation>%1 in 10 min · akzeptabel</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <comment>how long the oldest waiting alarm has waited</comment>
        <translation>ältester %1</translation>
    </message>
    <message>
        <source>last known</source>
        <comment>the banner&apos;s figures while the link is not live</comment>
        <translation>zuletzt bekannt</translation>
    </message>
    <message>
        <source>Alarms ›</source>
        <comment>opens the Alarms view</comment>
        <translation>Alarme ›</translation>
    </message>
</context>
<context>
    <name>AlarmDelegate</name>
    <message>
        <source>Active, unacknowledged</source>
        <translation>Anstehend, nicht quittiert</translation>
    </message>
    <message>
        <source>Active, acknowledged</source>
        <translation>Anstehend, quittiert</translation>
    </message>
    <message>
        <source>Returned, unacknowledged</source>
        <translation>Gegangen, nicht quittiert</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Drone</source>
        <translation>Drohne</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>until %1 · %2</source>
        <translation>bis %1 · %2</translation>
    </message>
    <message>
        <source>until %1 by %2 · %3</source>
        <translation>bis %1 (durch %2) · %3</translation>
    </message>
    <message>
        <source>%1× chattering</source>
        <translation>%1× flatternd</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (last known: the link is not live)</source>
        <translation>%1 (zuletzt bekannt: Verbindung nicht live)</translation>
    </message>
    <message>
        <source>%1 · not confirmed by the server</source>
        <translation>%1 · vom Server nicht bestätigt</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>%n sources</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 · and %n more like it</source>
        <translation>
            <numerusform>%1 %2 · und %n weiterer dieser Art</numerusform>
            <numerusform>%1 %2 · und %n weitere dieser Art</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation>%1 von %2 quittiert</translation>
    </message>
    <message numerus="yes">
        <source>%n alarms</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>└ %1</source>
        <translation>└ %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n alarms of one condition (%2 acknowledged); double-click or Enter lists them</source>
        <translation>
            <numerusform>%1 · %n Alarm einer Bedingung (%2 quittiert); Doppelklick oder Eingabe listet ihn auf</numerusform>
            <numerusform>%1 · %n Alarme einer Bedingung (%2 quittiert); Doppelklick oder Eingabe listet sie auf</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmModel</name>
    <message>
        <source>Severity</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Quittiert von</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>Quittiert um</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <source>Shelved until</source>
        <translation>Zurückgestellt bis</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>AlarmNoteDialog</name>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>&amp;Bemerkung (erforderlich):</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Bemerkung (optional):</translation>
    </message>
    <message>
        <source>Acknowledgement note</source>
        <translation>Quittierungsbemerkung</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>Alarm quittieren</translation>
    </message>
    <message>
        <source>Acknowledge %1 alarms</source>
        <translation>%1 Alarme quittieren</translation>
    </message>
    <message>
        <source>Alarm to acknowledge:</source>
        <translation>Zu quittierender Alarm:</translation>
    </message>
    <message>
        <source>%1 alarms to acknowledge:</source>
        <translation>%1 zu quittierende Alarme:</translation>
    </message>
</context>
<context>
    <name>AlarmOutbox</name>
    <message>
        <source>Queueing the %1 of alarm %2</source>
        <translation>Vormerken der Aktion %1 für Alarm %2</translation>
    </message>
    <message>
        <source>%1 failed: the request was neither stored nor found</source>
        <translation>%1 fehlgeschlagen: Die Anfrage wurde weder gespeichert noch gefunden</translation>
    </message>
    <message>
        <source>Reading the queued acknowledgements</source>
        <translation>Lesen der vorgemerkten Quittierungen</translation>
    </message>
    <message>
        <source>Reading the refused acknowledgements</source>
        <translation>Lesen der abgelehnten Quittierungen</translation>
    </message>
    <message>
        <source>Recording a delivery attempt of request %1</source>
        <translation>Erfassen eines Zustellversuchs der Anfrage %1</translation>
    </message>
    <message>
        <source>%1 failed: no such request is waiting for delivery</source>
        <translation>%1 fehlgeschlagen: Keine solche Anfrage wartet auf Zustellung</translation>
    </message>
    <message>
        <source>Marking request %1 delivered</source>
        <translation>Markieren der Anfrage %1 als zugestellt</translation>
    </message>
    <message>
        <source>Marking request %1 refused</source>
        <translation>Markieren der Anfrage %1 als abgelehnt</translation>
    </message>
    <message>
        <source>%1 failed: no such request was queued</source>
        <translation>%1 fehlgeschlagen: Keine solche Anfrage wurde vorgemerkt</translation>
    </message>
    <message>
        <source>%1 failed: the request is already %2</source>
        <translation>%1 fehlgeschlagen: Die Anfrage hat bereits den Status %2</translation>
    </message>
</context>
<context>
    <name>AlarmService</name>
    <message>
        <source>no local database is open</source>
        <translation>keine lokale Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Quittierung</translation>
    </message>
    <message>
        <source>Shelving</source>
        <translation>Zurückstellung</translation>
    </message>
    <message>
        <source>Unshelving</source>
        <translation>Aufhebung der Zurückstellung</translation>
    </message>
    <message>
        <source>not sent within %1 minutes, so not sent at all: the alarm may have changed since; look at it and act again if it still needs it</source>
        <translation>nicht innerhalb von %1 Minuten gesendet, daher gar nicht gesendet: der Alarm kann sich seitdem geändert haben; prüfen Sie ihn und handeln Sie erneut, falls nötig</translation>
    </message>
    <message>
        <source>alarm %1 has activated again since (occurrence %2, the action was for occurrence %3)</source>
        <translation>Alarm %1 ist seitdem erneut ausgelöst worden (Auftreten %2, die Aktion galt Auftreten %3)</translation>
    </message>
    <message>
        <source>the local database cannot be opened: %1</source>
        <translation>die lokale Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the waiting actions cannot be read from the local database: %1</source>
        <translation>die wartenden Aktionen können nicht aus der lokalen Datenbank gelesen werden: %1</translation>
    </message>
    <message>
        <source>the local database failed: %1</source>
        <translation>die lokale Datenbank ist ausgefallen: %1</translation>
    </message>
</context>
<context>
    <name>AlarmsView</name>
    <message>
        <source>Alarms raised on this console in the last 10 minutes. EEMUA 191 / ISA-18.2: about 1 per 10 minutes is acceptable; more than 10 in 10 minutes is an alarm flood.</source>
        <translation>In den letzten 10 Minuten auf dieser Konsole ausgelöste Alarme. EEMUA 191 / ISA-18.2: etwa 1 pro 10 Minuten ist akzeptabel; mehr als 10 in 10 Minuten gelten als Alarmflut.</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Mindestpriorität</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Niedrig und höher</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Mittel und höher</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Hoch und höher</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Nicht quittiert</translation>
    </message>
    <message>
        <source>Source kind</source>
        <translation>Quellart</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Search alarms</source>
        <translation>Alarme durchsuchen</translation>
    </message>
    <message>
        <source>Search message, source, operator, note (Ctrl+F)</source>
        <translation>Meldung, Quelle, Bediener, Bemerkung suchen (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Quittieren…</translation>
    </message>
    <message>
        <source>&amp;Shelve…</source>
        <translation>&amp;Zurückstellen…</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>Zurückstellung &amp;aufheben</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Shelved alarms</source>
        <translation>Zurückgestellte Alarme</translation>
    </message>
    <message>
        <source>Your role (viewer) may watch alarms but not acknowledge or shelve them.</source>
        <translation>Ihre Rolle (Beobachter) darf Alarme ansehen, aber weder quittieren noch zurückstellen.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Quittierung</translation>
    </message>
    <message>
        <source>Shelving</source>
        <translation>Zurückstellung</translation>
    </message>
    <message>
        <source>Unshelving</source>
        <translation>Aufhebung der Zurückstellung</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms, with an optional note (Ctrl+K)</source>
        <translation>Ausgewählte Alarme quittieren, optional mit Bemerkung (Ctrl+K)</translation>
    </message>
    <message>
        <source>Select unacknowledged alarms to acknowledge them (Ctrl+K)</source>
        <translation>Nicht quittierte Alarme auswählen, um sie zu quittieren (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms; a note is required (Ctrl+K)</source>
        <translation>Ausgewählte Alarme quittieren; eine Bemerkung ist erforderlich (Ctrl+K)</translation>
    </message>
    <message>
        <source>Shelve the selected alarms for a time, with a reason (Ctrl+Shift+S)</source>
        <translation>Ausgewählte Alarme für eine Zeit mit Begründung zurückstellen (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Select alarms to shelve them (Ctrl+Shift+S)</source>
        <translation>Alarme auswählen, um sie zurückzustellen (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Return the selected shelved alarms to the list (Ctrl+Shift+U)</source>
        <translation>Ausgewählte zurückgestellte Alarme wieder in die Liste aufnehmen (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Select shelved alarms to unshelve them (Ctrl+Shift+U)</source>
        <translation>Zurückgestellte Alarme auswählen, um die Zurückstellung aufzuheben (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>FLOOD: %1 alarms in 10 min</source>
        <translation>ALARMFLUT: %1 Alarme in 10 min</translation>
    </message>
    <message>
        <source>Alarm rate: %1 in 10 min (above the target of 1)</source>
        <translation>Alarmrate: %1 in 10 min (über dem Zielwert 1)</translation>
    </message>
    <message>
        <source>Alarm rate: %1 in 10 min (acceptable)</source>
        <translation>Alarmrate: %1 in 10 min (akzeptabel)</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 unacknowledged · %4 shelved</source>
        <translation>%1 von %2 angezeigt · %3 nicht quittiert · %4 zurückgestellt</translation>
    </message>
    <message>
        <source>Shelved alarms (%1)</source>
        <translation>Zurückgestellte Alarme (%1)</translation>
    </message>
    <message>
        <source>Acknowledgements and shelvings made on this console that the server has not confirmed yet</source>
        <translation>Quittierungen und Zurückstellungen dieser Konsole, die der Server noch nicht bestätigt hat</translation>
    </message>
    <message>
        <source>This screen only watches: acknowledge and shelve alarms from an operator workstation.</source>
        <translation>Dieser Bildschirm beobachtet nur: Alarme an einem Bedienerarbeitsplatz quittieren und zurückstellen.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting for the server</source>
        <translation>
            <numerusform>%n Aktion wartet auf den Server</numerusform>
            <numerusform>%n Aktionen warten auf den Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarm actions made while the link is down cannot be kept: %1. Acknowledging on a live link works; offline actions are lost if the console closes.</source>
        <translation>Alarmaktionen bei unterbrochener Verbindung können nicht gespeichert werden: %1. Quittieren bei bestehender Verbindung funktioniert; Offline-Aktionen gehen verloren, wenn die Konsole geschlossen wird.</translation>
    </message>
    <message>
        <source>Alarm %1 came back: acknowledge it again.</source>
        <translation>Alarm %1 ist zurückgekehrt: erneut quittieren.</translation>
    </message>
    <message>
        <source>%1 of alarm %2 not done: %3</source>
        <translation>%1 von Alarm %2 nicht ausgeführt: %3</translation>
    </message>
    <message>
        <source>the alarm came back; acknowledge it again</source>
        <translation>der Alarm kam wieder; erneut quittieren</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed at %1</source>
        <translation>
            <numerusform>%n bestätigt um %1</numerusform>
            <numerusform>%n bestätigt um %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent, waiting for the server&apos;s answer</source>
        <translation>
            <numerusform>%n gesendet, wartet auf die Antwort des Servers</numerusform>
            <numerusform>%n gesendet, warten auf die Antwort des Servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent, unconfirmed (this server confirms nothing)</source>
        <translation>
            <numerusform>%n gesendet, unbestätigt (dieser Server bestätigt nichts)</numerusform>
            <numerusform>%n gesendet, unbestätigt (dieser Server bestätigt nichts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation>
            <numerusform>%n wird gesendet</numerusform>
            <numerusform>%n werden gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued until the link is live</source>
        <translation>
            <numerusform>%n wartet, bis die Verbindung live ist</numerusform>
            <numerusform>%n warten, bis die Verbindung live ist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued until the link is live, in memory only (lost if the console closes)</source>
        <translation>
            <numerusform>%n wartet, bis die Verbindung live ist, nur im Speicher (verloren, wenn die Konsole schließt)</numerusform>
            <numerusform>%n warten, bis die Verbindung live ist, nur im Speicher (verloren, wenn die Konsole schließt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused: %1</source>
        <translation>
            <numerusform>%n abgelehnt: %1</numerusform>
            <numerusform>%n abgelehnt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: the alarm had already gone</source>
        <translation>
            <numerusform>%n nicht gesendet: der Alarm war schon weg</numerusform>
            <numerusform>%n nicht gesendet: der Alarm war schon weg</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Not live: no alarms received yet</source>
        <translation>Nicht live: noch keine Alarme empfangen</translation>
    </message>
    <message>
        <source>No alarms in play: every alarm is shelved</source>
        <translation>Keine aktiven Alarme: alle Alarme sind zurückgestellt</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Keine Alarme</translation>
    </message>
    <message>
        <source>No shelved alarms</source>
        <translation>Keine zurückgestellten Alarme</translation>
    </message>
    <message>
        <source>&amp;Group by condition</source>
        <translation>Nach Bedingung &amp;gruppieren</translation>
    </message>
    <message>
        <source>List alarms of one condition over many sources (battery low on twenty drones) as one row with their count; double-click or Enter on it lists them</source>
        <translation>Alarme einer Bedingung bei vielen Quellen (Akku schwach bei zwanzig Drohnen) als eine Zeile mit ihrer Anzahl zeigen; Doppelklick oder Eingabe darauf listet sie auf</translation>
    </message>
    <message>
        <source>&amp;Expand group</source>
        <translation>Gruppe &amp;aufklappen</translation>
    </message>
    <message>
        <source>C&amp;ollapse group</source>
        <translation>Gruppe &amp;zuklappen</translation>
    </message>
</context>
<context>
    <name>Alerting</name>
    <message>
        <source>%1 alarm</source>
        <translation>Alarm (%1)</translation>
    </message>
    <message>
        <source>Server notice</source>
        <translation>Servermeldung</translation>
    </message>
    <message>
        <source>Link to the server</source>
        <translation>Verbindung zum Server</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>+%1 %2</source>
        <comment>alarms summarised in a flood: how many, their priority</comment>
        <translation>+%1 %2</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <comment>the flood summary: its counts, the time of the first</comment>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>Alarm flood: these get no toast of their own. Show opens the Alarms view.</source>
        <translation>Alarmflut: diese erhalten keine eigene Meldung. „Anzeigen“ öffnet die Alarmansicht.</translation>
    </message>
</context>
<context>
    <name>CommandLog</name>
    <message>
        <source>Logging command %1</source>
        <translation>Protokollieren des Befehls %1</translation>
    </message>
    <message>
        <source>Updating command %1 in the log</source>
        <translation>Aktualisieren des Befehls %1 im Protokoll</translation>
    </message>
    <message>
        <source>%1 failed: no such command in the log</source>
        <translation>%1 fehlgeschlagen: Kein solcher Befehl im Protokoll</translation>
    </message>
    <message>
        <source>Reading command %1 from the log</source>
        <translation>Lesen des Befehls %1 aus dem Protokoll</translation>
    </message>
    <message>
        <source>Reading the command log</source>
        <translation>Lesen des Befehlsprotokolls</translation>
    </message>
    <message>
        <source>%1 failed: a command still being sent, or lost with the link, is not logged as such</source>
        <translation>%1 fehlgeschlagen: Ein Befehl, der noch gesendet wird oder mit der Verbindung verloren ging, wird nicht als solcher protokolliert</translation>
    </message>
    <message>
        <source>%1 failed: the command id is not a UUID</source>
        <translation>%1 fehlgeschlagen: Die Befehls-ID ist keine UUID</translation>
    </message>
</context>
<context>
    <name>CommandLogDelegate</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (früherer Lauf)</translation>
    </message>
    <message>
        <source>Done at %1</source>
        <translation>Erledigt um %1</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Verbindung verloren</translation>
    </message>
</context>
<context>
    <name>CommandLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Istwert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>CommandLogView</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Failed, rejected or timed out</source>
        <translation>Fehlgeschlagen, abgelehnt oder Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Alle Bediener</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation>Eigene (%1)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Befehle durchsuchen</translation>
    </message>
    <message>
        <source>Search values, results, command id</source>
        <translation>Werte, Ergebnisse, Befehls-ID suchen</translation>
    </message>
    <message>
        <source>Live only: this console has no local database, so commands of earlier runs are not listed and this run&apos;s are not kept.</source>
        <translation>Nur live: Diese Konsole hat keine lokale Datenbank, daher werden Befehle früherer Läufe nicht aufgeführt und die dieses Laufs nicht gespeichert.</translation>
    </message>
    <message>
        <source>Commands of earlier runs could not be read: %1</source>
        <translation>Befehle früherer Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Command log</source>
        <translation>Befehlsprotokoll</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (früherer Lauf)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Istwert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 commands</source>
        <translation>%1 Befehle</translation>
    </message>
    <message>
        <source>%1 of %2 commands</source>
        <translation>%1 von %2 Befehlen</translation>
    </message>
    <message>
        <source>%1 · %2 from earlier runs</source>
        <translation>%1 · %2 aus früheren Läufen</translation>
    </message>
    <message>
        <source>No command selected</source>
        <translation>Kein Befehl ausgewählt</translation>
    </message>
    <message>
        <source>Select a command in the table to see every status it went through.</source>
        <translation>Wählen Sie einen Befehl in der Tabelle aus, um alle seine Status zu sehen.</translation>
    </message>
    <message>
        <source>Command %1</source>
        <translation>Befehl %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Bediener: %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <source>Requested: %1 · actual: %2</source>
        <translation>Angefordert: %1 · Istwert: %2</translation>
    </message>
    <message>
        <source>Issued: %1</source>
        <translation>Erteilt: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Issued in an earlier run of this console.</source>
        <translation>In einem früheren Lauf dieser Konsole erteilt.</translation>
    </message>
    <message>
        <source>Endpoint: %1 (%2)</source>
        <translation>Endpunkt: %1 (%2)</translation>
    </message>
    <message>
        <source>No commands yet</source>
        <translation>Noch keine Befehle</translation>
    </message>
    <message>
        <source>Not live: no commands received yet</source>
        <translation>Nicht live: noch keine Befehle empfangen</translation>
    </message>
</context>
<context>
    <name>CommandModel</name>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Istwert</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
</context>
<context>
    <name>CommandService</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acknowledged by the device</source>
        <translation>vom Gerät bestätigt</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>link lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Commands are turned off for this console by its profile.</source>
        <translation>Befehle sind für diese Konsole durch ihr Profil deaktiviert.</translation>
    </message>
    <message>
        <source>Your role (viewer) may watch the control panel but not send commands.</source>
        <translation>Ihre Rolle (Beobachter) darf das Bedienfeld ansehen, aber keine Befehle senden.</translation>
    </message>
    <message>
        <source>The link is not live: commands are not sent, and not kept to be sent later.</source>
        <translation>Die Verbindung ist nicht live: Befehle werden weder gesendet noch für später vorgemerkt.</translation>
    </message>
    <message>
        <source>%1 is not an endpoint of this plant.</source>
        <translation>%1 ist kein Endpunkt dieser Anlage.</translation>
    </message>
    <message>
        <source>%1 can be read, not set.</source>
        <translation>%1 kann gelesen, aber nicht gesetzt werden.</translation>
    </message>
    <message>
        <source>A command to %1 is still pending (%2): wait for its outcome.</source>
        <translation>Ein Befehl an %1 steht noch aus (%2): Warten Sie sein Ergebnis ab.</translation>
    </message>
    <message>
        <source>Interlock %1 does not hold.</source>
        <translation>Verriegelung %1: Bedingung nicht erfüllt.</translation>
    </message>
    <message>
        <source>The link went before the server answered, so it is not known whether the command arrived: check the device before trying again.</source>
        <translation>Die Verbindung brach ab, bevor der Server antwortete; ob der Befehl angekommen ist, ist unbekannt: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server refused: your role may not send commands (%1).</source>
        <translation>Der Server hat abgelehnt: Ihre Rolle darf keine Befehle senden (%1).</translation>
    </message>
    <message numerus="yes">
        <source>No final answer within %n second(s): check the device before trying again.</source>
        <translation>
            <numerusform>Keine abschließende Antwort innerhalb von %n Sekunde: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</numerusform>
            <numerusform>Keine abschließende Antwort innerhalb von %n Sekunden: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>Interlock %1</source>
        <translation>Verriegelung %1</translation>
    </message>
    <message>
        <source>%1: cannot be checked, the value it needs is unknown or not live.</source>
        <translation>%1: nicht prüfbar, der benötigte Wert ist unbekannt oder nicht aktuell.</translation>
    </message>
    <message>
        <source>%1 has not reported lately: its value is not live, so only switching off is possible.</source>
        <translation>%1 hat sich länger nicht gemeldet: Der Wert ist nicht aktuell, daher ist nur Ausschalten möglich.</translation>
    </message>
    <message>
        <source>The server failed to answer (%1), so it is not known whether the command was carried out: check the device before trying again.</source>
        <translation>Der Server hat mit einem Fehler geantwortet (%1), daher ist nicht bekannt, ob der Befehl ausgeführt wurde: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server got the command after its validity had ended and did not carry it out.</source>
        <translation>Der Server hat den Befehl erst nach Ablauf seiner Gültigkeit erhalten und nicht ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s), so it is not known whether the command arrived: check the device before trying again.</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet, daher ist nicht bekannt, ob der Befehl angekommen ist: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet, daher ist nicht bekannt, ob der Befehl angekommen ist: Prüfen Sie das Gerät, bevor Sie es erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has lost the source of %1: its value is not live, so only switching off is possible.</source>
        <translation>Der Server hat die Quelle von %1 verloren: Der Wert ist nicht aktuell, daher ist nur Ausschalten möglich.</translation>
    </message>
</context>
<context>
    <name>ConnectionDetails</name>
    <message>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Zuletzt verbunden</translation>
    </message>
    <message>
        <source>Last outage</source>
        <translation>Letzter Ausfall</translation>
    </message>
    <message>
        <source>Last reconnect</source>
        <translation>Letzte Neuverbindung</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Protokollfehler</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt verbinden</translation>
    </message>
    <message>
        <source>Connect at once instead of waiting for the next attempt</source>
        <translation>Sofort verbinden, statt auf den nächsten Versuch zu warten</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>einfach</translation>
    </message>
    <message>
        <source>reconnecting in %1 (attempt %2)</source>
        <translation>Neuverbindung in %1 (Versuch %2)</translation>
    </message>
    <message>
        <source>reconnecting (attempt %1)</source>
        <translation>Neuverbindung (Versuch %1)</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>nach %1 Versuchen aufgegeben</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>resumed: nothing was missed</source>
        <translation>fortgesetzt: nichts verpasst</translation>
    </message>
    <message>
        <source>resynced from fresh snapshots</source>
        <translation>aus neuen Snapshots neu synchronisiert</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation>%1 pro Sekunde</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>Resume live updates</source>
        <translation>Live-Aktualisierung fortsetzen</translation>
    </message>
    <message>
        <source>Pause live updates</source>
        <translation>Live-Aktualisierung anhalten</translation>
    </message>
    <message>
        <source>— (link down)</source>
        <translation>— (Verbindung getrennt)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Ausfall</translation>
    </message>
    <message>
        <source>down since %1 (for %2)</source>
        <translation>getrennt seit %1 (%2)</translation>
    </message>
    <message>
        <source>not live yet since the console started</source>
        <translation>seit dem Start noch nicht live</translation>
    </message>
    <message>
        <source>none since the console started</source>
        <translation>keiner seit dem Start</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 ms</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <translation>Neuverbindung in %1 s (Versuch %2)</translation>
    </message>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation>Neuverbindung… (Versuch %1)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline: gave up after %1 attempts</source>
        <translation>Offline: nach %1 Versuchen aufgegeben</translation>
    </message>
    <message>
        <source>Paused: live updates off</source>
        <translation>Angehalten: Live-Aktualisierung aus</translation>
    </message>
    <message>
        <source>Polling (WebSocket down)</source>
        <translation>Abfragebetrieb (WebSocket aus)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>(fallback; the primary %1 is down)</source>
        <translation>(Ausweichserver; der primäre Server %1 ist ausgefallen)</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Letzte Nachricht: %1</translation>
    </message>
    <message>
        <source>Round trip: %1 ms</source>
        <translation>Antwortzeit: %1 ms</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Click for the connection&apos;s details.</source>
        <translation>Klicken Sie hier für die Verbindungsdetails.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionService</name>
    <message>
        <source>live updates are paused</source>
        <translation>die Live-Aktualisierung ist angehalten</translation>
    </message>
    <message>
        <source>the console stopped</source>
        <translation>die Konsole wurde beendet</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>Neuverbindung</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>Abfragebetrieb</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>the link to the server was lost</source>
        <translation>die Verbindung zum Server ist abgebrochen</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>die Serveradresse „%1“ ist keine ws://- oder wss://-URL</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused: %1</source>
        <translation>das Zertifikat des Servers wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>(subject %1, issued by %2, valid %3 to %4, SHA-256 %5)</source>
        <translation>(Inhaber %1, ausgestellt von %2, gültig von %3 bis %4, SHA-256 %5)</translation>
    </message>
    <message>
        <source>the Socket.IO server closed the session</source>
        <translation>der Socket.IO-Server hat die Sitzung beendet</translation>
    </message>
    <message>
        <source>the Socket.IO server refused the connection: %1</source>
        <translation>der Socket.IO-Server hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>the Socket.IO server disconnected this console</source>
        <translation>der Socket.IO-Server hat diese Konsole getrennt</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>nicht authentifiziert</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>connection closed (code %1)</source>
        <translation>Verbindung geschlossen (Code %1)</translation>
    </message>
    <message>
        <source>events %1 to %2 are missing from the stream</source>
        <translation>die Ereignisse %1 bis %2 fehlen im Datenstrom</translation>
    </message>
    <message>
        <source>the CA file %1 holds no readable PEM certificate</source>
        <translation>die CA-Datei %1 enthält kein lesbares PEM-Zertifikat</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>nicht mit dem Server verbunden</translation>
    </message>
    <message>
        <source>a Socket.IO server of this kind has no %1</source>
        <translation>ein Socket.IO-Server dieser Art bietet kein %1</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>keine Antwort auf %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>no live link within %1 s</source>
        <translation>keine Live-Verbindung innerhalb von %1 s</translation>
    </message>
    <message>
        <source>no answer from the server for %1 s</source>
        <translation>seit %1 s keine Antwort vom Server</translation>
    </message>
    <message>
        <source>the link to the server was lost: %1</source>
        <translation>die Verbindung zum Server ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>no answer from the server&apos;s REST API for %1 s</source>
        <translation>seit %1 s keine Antwort von der REST-API des Servers</translation>
    </message>
    <message>
        <source>the server&apos;s event numbers went back from %1 to %2</source>
        <translation>die Ereignisnummern des Servers sind von %1 auf %2 zurückgegangen</translation>
    </message>
    <message>
        <source>the connection failed: %1</source>
        <translation>die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ControlPanelController</name>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>commands off</source>
        <translation>Befehle aus</translation>
    </message>
    <message>
        <source>Confirm command</source>
        <translation>Befehl bestätigen</translation>
    </message>
    <message>
        <source>Done at %1: %2 (reported late)</source>
        <translation>Erledigt um %1: %2 (verspätet gemeldet)</translation>
    </message>
    <message>
        <source>Done at %1: %2</source>
        <translation>Erledigt um %1: %2</translation>
    </message>
    <message>
        <source>Done at %1: %2 (asked for %3; reported late)</source>
        <translation>Erledigt um %1: %2 (angefordert: %3; verspätet gemeldet)</translation>
    </message>
    <message>
        <source>Done at %1: %2 (asked for %3)</source>
        <translation>Erledigt um %1: %2 (angefordert: %3)</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3</source>
        <translation>%1: %2&#xa0;→&#xa0;%3</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Not sent: %1: %2</source>
        <translation>Nicht gesendet: %1: %2</translation>
    </message>
    <message>
        <source>Not sent: %1: another command is waiting for your confirmation; answer it first.</source>
        <translation>Nicht gesendet: %1: ein anderer Befehl wartet auf Ihre Bestätigung; beantworten Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>%1. %2?</source>
        <translation>%1. %2?</translation>
    </message>
    <message>
        <source>%1 is marked critical for this console: its commands are sent only once you confirm.</source>
        <translation>%1 ist für diese Konsole als kritisch markiert: seine Befehle werden erst nach Ihrer Bestätigung gesendet.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent; %1 stays %2.</source>
        <translation>Abgebrochen: nichts wurde gesendet; %1 bleibt %2.</translation>
    </message>
    <message>
        <source>Failed: %1: %2 — still %3</source>
        <translation>Fehlgeschlagen: %1: %2 — weiterhin %3</translation>
    </message>
    <message>
        <source>Rejected: %1: %2 — still %3</source>
        <translation>Abgelehnt: %1: %2 — weiterhin %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 changed to %2 while your command (to %3) was pending: the server&apos;s value is shown.</source>
        <translation>%1 wechselte auf %2, während Ihr Befehl (auf %3) unterwegs war: der Wert des Servers wird angezeigt.</translation>
    </message>
    <message>
        <source>%1 sent %2 to %3 while your command (to %4) was pending: the server&apos;s value is shown.</source>
        <translation>%1 sandte %2 an %3, während Ihr Befehl (auf %4) unterwegs war: der Wert des Servers wird angezeigt.</translation>
    </message>
</context>
<context>
    <name>ControlPanelView</name>
    <message>
        <source>No control panel: the server lists no tiles</source>
        <translation>Kein Bedienfeld: Der Server liefert keine Kacheln</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1 for the local database</source>
        <translation>Der Ordner %1 für die lokale Datenbank kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Opening the local database %1</source>
        <translation>Öffnen der lokalen Datenbank %1</translation>
    </message>
    <message>
        <source>The local database %1 fails its integrity check: %2</source>
        <translation>Die lokale Datenbank %1 besteht die Integritätsprüfung nicht: %2</translation>
    </message>
    <message>
        <source>The local database %1 is damaged and could not be moved aside to %2: %3</source>
        <translation>Die lokale Datenbank %1 ist beschädigt und konnte nicht nach %2 verschoben werden: %3</translation>
    </message>
    <message>
        <source>The damaged local database was moved to %1, but %2 could not be moved or removed: %3</source>
        <translation>Die beschädigte lokale Datenbank wurde nach %1 verschoben, aber %2 konnte weder verschoben noch entfernt werden: %3</translation>
    </message>
    <message>
        <source>Preparing the local database %1</source>
        <translation>Vorbereiten der lokalen Datenbank %1</translation>
    </message>
    <message>
        <source>%1 failed: no schema version</source>
        <translation>%1 fehlgeschlagen: keine Schemaversion</translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Watchfloor (schema %2; this one knows %3)</source>
        <translation>Die lokale Datenbank %1 wurde von einer neueren Watchfloor-Version geschrieben (Schema %2; diese Version kennt %3)</translation>
    </message>
    <message>
        <source>The local database %1 has schema %2 and cannot be upgraded read-only</source>
        <translation>Die lokale Datenbank %1 hat Schema %2 und kann schreibgeschützt nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>The local database is not open</source>
        <translation>Die lokale Datenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the disk is full or the database reached its size limit</source>
        <translation>der Datenträger ist voll oder die Datenbank hat ihre Größengrenze erreicht</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>die Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the file is not a valid database</source>
        <translation>die Datei ist keine gültige Datenbank</translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation>die Datenbank ist von einem anderen Programm gesperrt</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>der Datenträger konnte nicht gelesen oder beschrieben werden</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 failed (SQLite error %2: %3)</source>
        <translation>%1 fehlgeschlagen (SQLite-Fehler %2: %3)</translation>
    </message>
    <message>
        <source>%1 failed: %2 (SQLite error %3: %4)</source>
        <translation>%1 fehlgeschlagen: %2 (SQLite-Fehler %3: %4)</translation>
    </message>
    <message>
        <source>Setting the durability of the local database</source>
        <translation>Festlegen der Dauerhaftigkeit der lokalen Datenbank</translation>
    </message>
    <message>
        <source>Counting the rows of %1</source>
        <translation>Zählen der Zeilen von %1</translation>
    </message>
    <message>
        <source>Pruning old entries of %1</source>
        <translation>Bereinigen alter Einträge von %1</translation>
    </message>
    <message>
        <source>Limiting the size of the local database</source>
        <translation>Begrenzen der Größe der lokalen Datenbank</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Watchfloor</source>
        <translation>Watchfloor</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>window active</source>
        <translation>Fenster aktiv</translation>
    </message>
    <message>
        <source>no system tray</source>
        <translation>kein Infobereich</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>[cut for display: %1 characters in all]</source>
        <translation>[für die Anzeige gekürzt: %1 Zeichen insgesamt]</translation>
    </message>
</context>
<context>
    <name>DroneDelegate</name>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Flying</source>
        <translation>Im Flug</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1°, %2° · %3 m</source>
        <translation>%1°, %2° · %3 m</translation>
    </message>
    <message>
        <source>built</source>
        <translation>gefertigt</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>%1 LOW</source>
        <translation>%1 NIEDRIG</translation>
    </message>
</context>
<context>
    <name>DroneDetailPane</name>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Fertigung</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Akku</translation>
    </message>
    <message>
        <source>Select a drone to see its details</source>
        <translation>Wählen Sie eine Drohne aus, um ihre Details zu sehen</translation>
    </message>
    <message>
        <source>%1 · %2 · stale</source>
        <translation>%1 · %2 · veraltet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>built</source>
        <translation>gefertigt</translation>
    </message>
    <message>
        <source>%1 % · %2 · %3</source>
        <translation>%1 % · %2 · %3</translation>
    </message>
    <message>
        <source>no build report</source>
        <translation>kein Fertigungsbericht</translation>
    </message>
    <message>
        <source>CPU %1 % · memory %2 % · storage %3 % · %4 °C</source>
        <translation>CPU %1 % · Speicher %2 % · Datenträger %3 % · %4 °C</translation>
    </message>
    <message>
        <source>no health report yet</source>
        <translation>noch kein Zustandsbericht</translation>
    </message>
    <message>
        <source>No drone selected</source>
        <translation>Keine Drohne ausgewählt</translation>
    </message>
    <message>
        <source>No battery reports from this drone yet</source>
        <translation>Von dieser Drohne noch keine Akkumeldungen</translation>
    </message>
</context>
<context>
    <name>DroneModel</name>
    <message>
        <source>Serial</source>
        <translation>Seriennr.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Akku</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Fertigung</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>DronesView</name>
    <message>
        <source>Drones</source>
        <translation>Drohnen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Low battery only</source>
        <translation>Nur niedriger Akkustand</translation>
    </message>
    <message>
        <source>Search drones</source>
        <translation>Drohnen durchsuchen</translation>
    </message>
    <message>
        <source>Search serial or mission</source>
        <translation>Seriennummer oder Mission suchen</translation>
    </message>
    <message>
        <source>%1 drones · %2 flying · %3 charging · %4 in error · %5 offline · %6 low battery</source>
        <translation>%1 Drohnen · %2 im Flug · %3 laden · %4 mit Fehler · %5 offline · %6 mit niedrigem Akkustand</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first drones</source>
        <translation>Warten auf die ersten Drohnen vom Server</translation>
    </message>
    <message>
        <source>Not live: no drones received yet</source>
        <translation>Nicht live: noch keine Drohnen empfangen</translation>
    </message>
</context>
<context>
    <name>EmptyNotice</name>
    <message>
        <source>No rows match the filters</source>
        <translation>Keine Zeile entspricht den Filtern</translation>
    </message>
</context>
<context>
    <name>EndpointControl</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acked</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Last known value: the endpoint has not reported lately, or the link is not live</source>
        <translation>Zuletzt bekannter Wert: Der Endpunkt hat sich länger nicht gemeldet, oder die Verbindung ist nicht live</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Command in progress</source>
        <translation>Befehl in Ausführung</translation>
    </message>
    <message>
        <source>requested %1</source>
        <translation>angefordert %1</translation>
    </message>
    <message>
        <source>Commands are not possible: %1</source>
        <translation>Befehle nicht möglich: %1</translation>
    </message>
    <message>
        <source>A command is on its way to this endpoint</source>
        <translation>Ein Befehl an diesen Endpunkt ist unterwegs</translation>
    </message>
    <message>
        <source>Type or step a value, then press Enter or Apply</source>
        <translation>Wert eingeben oder schrittweise ändern, dann Enter oder „Anwenden“ drücken</translation>
    </message>
    <message>
        <source>Choose, then press Apply</source>
        <translation>Auswählen, dann „Anwenden“ drücken</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(stale: last known value, not live)</source>
        <translation>(veraltet: zuletzt bekannter Wert, nicht live)</translation>
    </message>
    <message>
        <source>, requested %1</source>
        <translation>, angefordert %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, new value (now %2)</source>
        <translation>%1, neuer Wert (aktuell %2)</translation>
    </message>
    <message>
        <source>%1, choice (now %2)</source>
        <translation>%1, Auswahl (aktuell %2)</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>%1 anwenden</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Not sent: type a number</source>
        <translation>Nicht gesendet: Geben Sie eine Zahl ein</translation>
    </message>
    <message>
        <source>sent, unconfirmed</source>
        <translation>gesendet, unbestätigt</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>Another operator&apos;s command is on its way to this endpoint: only switching off is possible</source>
        <translation>Der Befehl eines anderen Bedieners ist unterwegs zu diesem Endpunkt: Nur Ausschalten ist möglich</translation>
    </message>
    <message>
        <source>The value is not live: only switching off is possible</source>
        <translation>Der Wert ist nicht aktuell: Nur Ausschalten ist möglich</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Last known value: the server has lost the source of this value</source>
        <translation>Zuletzt bekannter Wert: Der Server hat die Quelle dieses Werts verloren</translation>
    </message>
    <message>
        <source>Last known value: the server has lost the source of this value (%1)</source>
        <translation>Zuletzt bekannter Wert: Der Server hat die Quelle dieses Werts verloren (%1)</translation>
    </message>
    <message>
        <source>%1 is %2 already</source>
        <translation>%1 ist bereits %2</translation>
    </message>
    <message>
        <source>Sets %1 to %2</source>
        <translation>Setzt %1 auf %2</translation>
    </message>
    <message>
        <source>%1 %2 (now %3)</source>
        <translation>%1 %2 (jetzt %3)</translation>
    </message>
</context>
<context>
    <name>EndpointFact</name>
    <message>
        <source>%1 is switched on or off.</source>
        <translation>%1 wird nur ein- oder ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 takes one of: %2.</source>
        <translation>%1 erwartet einen der Werte: %2.</translation>
    </message>
    <message>
        <source>%1 takes one of: %2; not %3.</source>
        <translation>%1 erwartet einen der Werte: %2; nicht %3.</translation>
    </message>
    <message>
        <source>%1 takes a number.</source>
        <translation>%1 erwartet eine Zahl.</translation>
    </message>
    <message>
        <source>%1 takes %2 to %3; not %4.</source>
        <translation>%1 erwartet %2 bis %3; nicht %4.</translation>
    </message>
    <message>
        <source>%1 takes %2 or more; not %3.</source>
        <translation>%1 erwartet %2 oder mehr; nicht %3.</translation>
    </message>
    <message>
        <source>%1 takes %2 or less; not %3.</source>
        <translation>%1 erwartet %2 oder weniger; nicht %3.</translation>
    </message>
    <message>
        <source>%1 moves in steps of %2; not %3.</source>
        <translation>%1 wird in Schritten von %2 eingestellt; nicht %3.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>A Watchfloor kiosk shows the plant on this screen</source>
        <translation>Ein Watchfloor-Kiosk zeigt auf diesem Bildschirm die Anlage an</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>This screen can only be stopped by its administrator.</source>
        <translation>Dieser Bildschirm kann nur von seinem Administrator beendet werden.</translation>
    </message>
    <message>
        <source>No exit PIN is set for this kiosk.</source>
        <translation>Für diesen Kiosk ist keine PIN zum Beenden festgelegt.</translation>
    </message>
</context>
<context>
    <name>KioskExitDialog</name>
    <message>
        <source>Stop the kiosk</source>
        <translation>Kiosk beenden</translation>
    </message>
    <message>
        <source>Enter the exit PIN to close this screen&apos;s console.</source>
        <translation>Geben Sie die PIN zum Beenden ein, um die Konsole dieses Bildschirms zu schließen.</translation>
    </message>
    <message>
        <source>Exit PIN</source>
        <translation>PIN zum Beenden</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Konsole schließen</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN, %n time(s) in a row. No PIN is taken for %1 seconds.</source>
        <translation>
            <numerusform>Falsche PIN, %n Fehlversuch in Folge. %1 Sekunden lang wird keine PIN angenommen.</numerusform>
            <numerusform>Falsche PIN, %n Fehlversuche in Folge. %1 Sekunden lang wird keine PIN angenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a pause.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n Versuch, dann folgt eine Pause.</numerusform>
            <numerusform>Falsche PIN. Noch %n Versuche, dann folgt eine Pause.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can enter the PIN again.</source>
        <translation>Sie können die PIN wieder eingeben.</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>(stale: last known value, not live)</source>
        <translation>(veraltet: zuletzt bekannter Wert, nicht live)</translation>
    </message>
    <message>
        <source>Last known value: the link is not live</source>
        <translation>Zuletzt bekannter Wert: Die Verbindung ist nicht live</translation>
    </message>
    <message>
        <source>stale · %1</source>
        <translation>veraltet · %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
</context>
<context>
    <name>LinkSession</name>
    <message>
        <source>the server refused the token: %1</source>
        <translation>der Server hat das Token abgelehnt: %1</translation>
    </message>
    <message>
        <source>bad answer to auth: %1</source>
        <translation>ungültige Antwort auf die Anmeldung: %1</translation>
    </message>
    <message>
        <source>the server refused the subscription to %1: %2</source>
        <translation>der Server hat das Abonnement von %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>MachineDelegate</name>
    <message>
        <source>Running</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>MachineModel</name>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Produziert</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Offene Tickets</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>MachinesView</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Alle Linien</translation>
    </message>
    <message>
        <source>Search machines</source>
        <translation>Maschinen durchsuchen</translation>
    </message>
    <message>
        <source>Search machine id or name</source>
        <translation>Maschinen-ID oder Name suchen</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Maschinen</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Open maintenance tickets</source>
        <translation>Offene Wartungstickets</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Linie %1</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 down · %4 in maintenance</source>
        <translation>%1 von %2 angezeigt · %3 ausgefallen · %4 in Wartung</translation>
    </message>
    <message>
        <source>No machine selected</source>
        <translation>Keine Maschine ausgewählt</translation>
    </message>
    <message>
        <source>Select a machine in the table to see its utilization and tickets.</source>
        <translation>Wählen Sie eine Maschine in der Tabelle aus, um Auslastung und Tickets zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Utilization %1 % · %2 produced</source>
        <translation>Auslastung %1 % · %2 produziert</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · aktualisiert %2</translation>
    </message>
    <message>
        <source>Open maintenance tickets (%1)</source>
        <translation>Offene Wartungstickets (%1)</translation>
    </message>
    <message>
        <source>Utilization of %1</source>
        <translation>Auslastung von %1</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first machines</source>
        <translation>Warten auf die ersten Maschinen vom Server</translation>
    </message>
    <message>
        <source>Not live: no machines received yet</source>
        <translation>Nicht live: noch keine Maschinen empfangen</translation>
    </message>
    <message>
        <source>Select a machine to see its utilization</source>
        <translation>Maschine auswählen, um ihre Auslastung zu sehen</translation>
    </message>
    <message>
        <source>No utilization reports from this machine yet</source>
        <translation>Von dieser Maschine noch keine Auslastungsmeldungen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Save diagnostics…</source>
        <translation>Diagnose speichern…</translation>
    </message>
    <message>
        <source>Save what this console is showing, for support staff, as a JSON file (%1)</source>
        <translation>Speichern, was diese Konsole anzeigt, für den Support als JSON-Datei (%1)</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Diagnose speichern</translation>
    </message>
    <message>
        <source>JSON documents (*.json)</source>
        <translation>JSON-Dokumente (*.json)</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to %1: %2</source>
        <translation>Die Diagnose konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>no diagnostics are available</source>
        <translation>keine Diagnose verfügbar</translation>
    </message>
    <message>
        <source>Watchfloor — %1</source>
        <translation>Watchfloor — %1</translation>
    </message>
    <message>
        <source>Open in new window</source>
        <translation>In neuem Fenster öffnen</translation>
    </message>
    <message>
        <source>Open the current view in a window of its own (%1)</source>
        <translation>Die aktuelle Ansicht in einem eigenen Fenster öffnen (%1)</translation>
    </message>
    <message>
        <source>The command log could not be saved: %1</source>
        <translation>Das Befehlsprotokoll konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Drones</source>
        <translation>Drohnen</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Maschinen</translation>
    </message>
    <message>
        <source>Control panel</source>
        <translation>Bedienfeld</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Command log</source>
        <translation>Befehlsprotokoll</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open %1 in new window</source>
        <translation>%1 in neuem Fenster öffnen</translation>
    </message>
    <message>
        <source>Open windows</source>
        <translation>Geöffnete Fenster</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Toasts, sound, desktop notifications, theme and live updates (%1)</source>
        <translation>Einblendungen, Ton, Desktop-Benachrichtigungen, Farbschema und Live-Aktualisierung (%1)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>NoticeCode</name>
    <message>
        <source>NOTICE</source>
        <translation>HINWEIS</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>ERLEDIGT</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>%1 ×%2, last %3</source>
        <comment>a notice repeated: its text, how many times, the latest&apos;s time</comment>
        <translation>%1 ×%2, zuletzt %3</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Benachrichtigungen: %n ungelesen</numerusform>
            <numerusform>Benachrichtigungen: %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Open the notification center (Ctrl+Shift+A)</source>
        <translation>Benachrichtigungszentrale öffnen (Ctrl+Shift+A)</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent</source>
        <comment>alarm actions the server has not confirmed</comment>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n alarm action(s) of this console not yet confirmed by the server)</source>
        <translation>
            <numerusform>(%n Alarmaktion dieser Konsole noch nicht vom Server bestätigt)</numerusform>
            <numerusform>(%n Alarmaktionen dieser Konsole noch nicht vom Server bestätigt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>alarms not acknowledged (AlarmModel::unacknowledgedCount)</comment>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n alarm(s) waiting for acknowledgement, the most urgent %1)</source>
        <translation>
            <numerusform>(%n Alarm wartet auf Quittierung, der dringendste %1)</numerusform>
            <numerusform>(%n Alarme warten auf Quittierung, der dringendste %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s)</source>
        <comment>unread server notices, never alarms</comment>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n unread server notice(s))</source>
        <translation>
            <numerusform>(%n ungelesener Serverhinweis)</numerusform>
            <numerusform>(%n ungelesene Serverhinweise)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>The notification %1 is no longer listed.</source>
        <translation>Die Benachrichtigung %1 ist nicht mehr aufgeführt.</translation>
    </message>
    <message>
        <source>Nothing to acknowledge: “%1” is not an alarm waiting for an acknowledgement.</source>
        <translation>Nichts zu quittieren: „%1“ ist kein Alarm, der auf Quittierung wartet.</translation>
    </message>
    <message>
        <source>Link to the server restored</source>
        <translation>Verbindung zum Server wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>The data on screen was not live for %n second(s).</source>
        <translation>
            <numerusform>Die angezeigten Daten waren %n Sekunde lang nicht live.</numerusform>
            <numerusform>Die angezeigten Daten waren %n Sekunden lang nicht live.</numerusform>
        </translation>
    </message>
    <message>
        <source>Link to the server lost</source>
        <translation>Verbindung zum Server verloren</translation>
    </message>
    <message>
        <source>The device reported success after this console had stopped waiting.</source>
        <translation>Das Gerät hat Erfolg gemeldet, nachdem diese Konsole nicht mehr gewartet hat.</translation>
    </message>
    <message>
        <source>%1 changed to %2 while your command was pending</source>
        <translation>%1 wurde auf %2 geändert, während Ihr Befehl ausstand</translation>
    </message>
    <message>
        <source>%1: %2 sent a command while yours was pending</source>
        <translation>%1: %2 hat einen Befehl gesendet, während Ihrer ausstand</translation>
    </message>
    <message>
        <source>The server&apos;s value is shown; check it before acting again.</source>
        <translation>Der Wert des Servers wird angezeigt; prüfen Sie ihn, bevor Sie erneut handeln.</translation>
    </message>
    <message>
        <source>The local database was damaged and replaced</source>
        <translation>Die lokale Datenbank war beschädigt und wurde ersetzt</translation>
    </message>
    <message>
        <source>Acknowledgements and shelvings that were waiting in it for the server are lost, and so is the notification history. Check the alarm list: an alarm you acknowledged while the link was down may still need it. The damaged file was kept as %1.</source>
        <translation>Darin wartende Quittierungen und Zurückstellungen sind verloren, ebenso der Benachrichtigungsverlauf. Prüfen Sie die Alarmliste: ein Alarm, den Sie bei unterbrochener Verbindung quittiert haben, braucht es vielleicht noch. Die beschädigte Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 of “%2” not applied: the alarm came back</source>
        <translation>%1 von „%2“ nicht angewendet: der Alarm ist zurückgekehrt</translation>
    </message>
    <message>
        <source>The alarm has activated again since you acted; the new occurrence must be acknowledged again. (%1)</source>
        <translation>Der Alarm ist seit Ihrer Aktion erneut ausgelöst worden; das neue Auftreten muss erneut quittiert werden. (%1)</translation>
    </message>
    <message>
        <source>%1 of “%2” not sent: it waited too long</source>
        <translation>%1 von „%2“ nicht gesendet: zu lange gewartet</translation>
    </message>
    <message>
        <source>Look at the alarm as it is now and act again if it still needs it. (%1)</source>
        <translation>Prüfen Sie den Alarm in seinem jetzigen Zustand und handeln Sie erneut, falls nötig. (%1)</translation>
    </message>
    <message>
        <source>%1 of “%2” refused</source>
        <translation>%1 von „%2“ abgelehnt</translation>
    </message>
    <message>
        <source>The action was not carried out and will not be retried: %1 (%2)</source>
        <translation>Die Aktion wurde nicht ausgeführt und wird nicht wiederholt: %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3 done</source>
        <translation>%1: %2&#xa0;→&#xa0;%3 erledigt</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3 not done: %4</source>
        <translation>%1: %2&#xa0;→&#xa0;%3 nicht erledigt: %4</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) arrived in the resync</source>
        <translation>
            <numerusform>%n Alarm kam mit der Neusynchronisierung</numerusform>
            <numerusform>%n Alarme kamen mit der Neusynchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised while this console was not receiving updates; the most urgent: “%1”. Each one is in the notification center and the Alarms view.</source>
        <translation>Ausgelöst, während diese Konsole keine Aktualisierungen empfing; der dringendste: „%1“. Jeder einzelne steht in der Benachrichtigungszentrale und in der Alarmansicht.</translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message numerus="yes">
        <source>%n activation(s)</source>
        <translation>
            <numerusform>%n Auslösung</numerusform>
            <numerusform>%n Auslösungen</numerusform>
        </translation>
    </message>
    <message>
        <source>earlier run</source>
        <translation>früherer Lauf</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Quittiert von %1 um %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Quittiert von %1</translation>
    </message>
    <message>
        <source>State not known yet</source>
        <translation>Zustand noch unbekannt</translation>
    </message>
    <message>
        <source>Waiting for acknowledgement</source>
        <translation>Wartet auf Quittierung</translation>
    </message>
    <message>
        <source>Returned to normal, waiting for acknowledgement</source>
        <translation>Gegangen, wartet auf Quittierung</translation>
    </message>
    <message>
        <source>Acknowledged, still active</source>
        <translation>Quittiert, steht noch an</translation>
    </message>
    <message>
        <source> · still active</source>
        <translation> · steht noch an</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source> · cleared</source>
        <translation> · erledigt</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>No longer reported by the server</source>
        <translation>Vom Server nicht mehr gemeldet</translation>
    </message>
    <message>
        <source> · no longer reported by the server</source>
        <translation> · vom Server nicht mehr gemeldet</translation>
    </message>
    <message>
        <source>Over: the alarm has activated again</source>
        <translation>Vorbei: der Alarm hat erneut angesprochen</translation>
    </message>
    <message>
        <source> · over: the alarm has activated again</source>
        <translation> · vorbei: der Alarm hat erneut angesprochen</translation>
    </message>
</context>
<context>
    <name>NotificationLog</name>
    <message>
        <source>Storing notification %1</source>
        <translation>Speichern der Benachrichtigung %1</translation>
    </message>
    <message>
        <source>Updating notification %1</source>
        <translation>Aktualisieren der Benachrichtigung %1</translation>
    </message>
    <message>
        <source>Reading the notification history</source>
        <translation>Lesen des Benachrichtigungsverlaufs</translation>
    </message>
    <message>
        <source>Counting unread notifications</source>
        <translation>Zählen ungelesener Benachrichtigungen</translation>
    </message>
    <message>
        <source>Marking notification %1 read</source>
        <translation>Markieren der Benachrichtigung %1 als gelesen</translation>
    </message>
    <message>
        <source>%1 failed: no such notification</source>
        <translation>%1 fehlgeschlagen: Keine solche Benachrichtigung</translation>
    </message>
    <message>
        <source>Marking all notifications read</source>
        <translation>Markieren aller Benachrichtigungen als gelesen</translation>
    </message>
    <message>
        <source>Clearing the notification history</source>
        <translation>Löschen des Benachrichtigungsverlaufs</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Notification center</source>
        <translation>Benachrichtigungszentrale</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the notification center (Esc)</source>
        <translation>Benachrichtigungszentrale schließen (Esc)</translation>
    </message>
    <message>
        <source>Notifications, newest first</source>
        <translation>Benachrichtigungen, neueste zuerst</translation>
    </message>
    <message>
        <source>The notification history could not be saved: %1</source>
        <translation>Der Benachrichtigungsverlauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Search text, source, operator…</source>
        <translation>Text, Quelle, Bediener suchen…</translation>
    </message>
    <message>
        <source>Search notifications</source>
        <translation>Benachrichtigungen durchsuchen</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Mindestpriorität</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Niedrig und höher</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Mittel und höher</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Hoch und höher</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>Kind of notification</source>
        <translation>Art der Benachrichtigung</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Server notices</source>
        <translation>Servermeldungen</translation>
    </message>
    <message>
        <source>Link to the server</source>
        <translation>Verbindung zum Server</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>Nur &amp;ungelesene</translation>
    </message>
    <message>
        <source>Waiting for ac&amp;knowledgement</source>
        <translation>&amp;Wartet auf Quittierung</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Quittieren…</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;listed…</source>
        <translation>Alle a&amp;ngezeigten quittieren…</translation>
    </message>
    <message>
        <source>&amp;Mark all read</source>
        <translation>Alle als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark every notification read; alarms stay unacknowledged</source>
        <translation>Alle Benachrichtigungen als gelesen markieren; Alarme bleiben nicht quittiert</translation>
    </message>
    <message>
        <source>Clear &amp;history…</source>
        <translation>&amp;Verlauf löschen…</translation>
    </message>
    <message>
        <source>Forget past notifications on this console; alarms still waiting stay listed</source>
        <translation>Frühere Benachrichtigungen auf dieser Konsole verwerfen; noch wartende Alarme bleiben aufgeführt</translation>
    </message>
    <message>
        <source>Your role (viewer) may read notifications but not acknowledge alarms.</source>
        <translation>Ihre Rolle (Beobachter) darf Benachrichtigungen lesen, aber keine Alarme quittieren.</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Quittierung</translation>
    </message>
    <message>
        <source>Acknowledgement of all listed alarms</source>
        <translation>Quittierung aller angezeigten Alarme</translation>
    </message>
    <message numerus="yes">
        <source>%1 sent for %n alarm(s).</source>
        <translation>
            <numerusform>%1 für %n Alarm gesendet.</numerusform>
            <numerusform>%1 für %n Alarme gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 sent. %4</source>
        <translation>%1: %2 von %3 gesendet. %4</translation>
    </message>
    <message>
        <source>Clear notification history</source>
        <translation>Benachrichtigungsverlauf löschen</translation>
    </message>
    <message>
        <source>Forget every past notification on this console? Alarms still waiting for an acknowledgement stay listed. The server&apos;s alarms are not changed.</source>
        <translation>Alle früheren Benachrichtigungen auf dieser Konsole verwerfen? Alarme, die noch auf Quittierung warten, bleiben aufgeführt. Die Alarme auf dem Server werden nicht verändert.</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Notification history cleared.</source>
        <translation>Benachrichtigungsverlauf gelöscht.</translation>
    </message>
    <message>
        <source>The history could not be cleared: %1</source>
        <translation>Der Verlauf konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;listed (%1)…</source>
        <translation>Alle a&amp;ngezeigten quittieren (%1)…</translation>
    </message>
    <message>
        <source>; a note is required</source>
        <translation>; eine Bemerkung ist erforderlich</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms (Enter)</source>
        <translation>Ausgewählte Alarme quittieren (Enter)</translation>
    </message>
    <message>
        <source>Acknowledge every listed alarm waiting, after a confirmation</source>
        <translation>Alle angezeigten wartenden Alarme nach einer Rückfrage quittieren</translation>
    </message>
    <message>
        <source>This screen only watches: acknowledge alarms from an operator workstation.</source>
        <translation>Dieser Bildschirm beobachtet nur: Alarme an einem Bedienerarbeitsplatz quittieren.</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 unread · %4 alarms waiting for acknowledgement</source>
        <translation>%1 von %2 aufgeführt · %3 ungelesen · %4 Alarme warten auf Quittierung</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>Keine Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>OperatorModel</name>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>Last action at</source>
        <translation>Letzte Aktion um</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Drones</source>
        <translation>Drohnen</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Maschinen</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Nicht quittiert</translation>
    </message>
    <message>
        <source>Flying</source>
        <translation>Im Flug</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>Lädt</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Low battery</source>
        <translation>Akku niedrig</translation>
    </message>
    <message>
        <source>Builds in progress</source>
        <translation>Laufende Fertigungen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <source>Operators online</source>
        <translation>Bediener online</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Server load</source>
        <translation>Serverauslastung</translation>
    </message>
    <message>
        <source>Fleet battery</source>
        <translation>Akkustand der Flotte</translation>
    </message>
    <message>
        <source>Mean battery</source>
        <translation>Mittlerer Akkustand</translation>
    </message>
    <message>
        <source>New alarms per minute</source>
        <translation>Neue Alarme pro Minute</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Auslösungen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <source>Not reporting</source>
        <translation>Keine Meldung</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>Fast voll</translation>
    </message>
    <message>
        <source>%1 — stale, not live</source>
        <translation>%1 — veraltet, nicht live</translation>
    </message>
    <message>
        <source>Above %1 %</source>
        <translation>Über %1 %</translation>
    </message>
    <message>
        <source>Limit %1 %</source>
        <translation>Grenze %1 %</translation>
    </message>
    <message>
        <source>Below %1 %</source>
        <translation>Unter %1 %</translation>
    </message>
    <message>
        <source>Low %1 %</source>
        <translation>Niedrig %1 %</translation>
    </message>
    <message>
        <source>Flood: above %1</source>
        <translation>Flut: über %1</translation>
    </message>
    <message>
        <source>Flood above %1</source>
        <translation>Flutgrenze %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>%1 — not live, %2</source>
        <translation>%1 — nicht live, %2</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first load report</source>
        <translation>Warten auf die erste Lastmeldung vom Server</translation>
    </message>
    <message numerus="yes">
        <source>No sample of the fleet&apos;s battery yet: one every %n s while live</source>
        <translation>
            <numerusform>Noch kein Wert der Flottenbatterie: einer alle %n s, solange live</numerusform>
            <numerusform>Noch kein Wert der Flottenbatterie: einer alle %n s, solange live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinHash</name>
    <message>
        <source>the PIN hash is empty</source>
        <translation>der PIN-Hash ist leer</translation>
    </message>
    <message>
        <source>a PIN hash has four parts separated by colons: pbkdf2-sha256:&lt;iterations&gt;:&lt;salt&gt;:&lt;key&gt;</source>
        <translation>ein PIN-Hash besteht aus vier durch Doppelpunkte getrennten Teilen: pbkdf2-sha256:&lt;Iterationen&gt;:&lt;Salt&gt;:&lt;Schlüssel&gt;</translation>
    </message>
    <message>
        <source>unknown PIN hash scheme “%1”; only pbkdf2-sha256 is supported</source>
        <translation>unbekanntes PIN-Hash-Verfahren „%1“; nur pbkdf2-sha256 wird unterstützt</translation>
    </message>
    <message>
        <source>the iteration count “%1” is not a number from %2 to %3</source>
        <translation>die Iterationszahl „%1“ ist keine Zahl von %2 bis %3</translation>
    </message>
    <message>
        <source>the salt must be %1 hexadecimal digits</source>
        <translation>das Salt muss aus %1 Hexadezimalziffern bestehen</translation>
    </message>
    <message>
        <source>the key must be %1 hexadecimal digits</source>
        <translation>der Schlüssel muss aus %1 Hexadezimalziffern bestehen</translation>
    </message>
    <message>
        <source>a PIN has digits only (0–9)</source>
        <translation>eine PIN besteht nur aus Ziffern (0–9)</translation>
    </message>
    <message>
        <source>a PIN has %1 to %2 digits</source>
        <translation>eine PIN hat %1 bis %2 Ziffern</translation>
    </message>
</context>
<context>
    <name>PollingClient</name>
    <message>
        <source>the console stopped polling</source>
        <translation>die Konsole hat den Abfragebetrieb beendet</translation>
    </message>
    <message>
        <source>no answer from the server within the timeout</source>
        <translation>keine Antwort vom Server innerhalb der Wartezeit</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>der Server antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>the REST answer is not a JSON object</source>
        <translation>die REST-Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the REST snapshot has no journal seq</source>
        <translation>der REST-Snapshot hat keine Journal-Sequenznummer (seq)</translation>
    </message>
    <message>
        <source>the server sent no snapshot of the channel %1</source>
        <translation>der Server hat keinen Snapshot des Kanals %1 gesendet</translation>
    </message>
    <message>
        <source>the console is not polling the server</source>
        <translation>die Konsole ist nicht im Abfragebetrieb</translation>
    </message>
    <message>
        <source>%1 needs an alarmId</source>
        <translation>%1 benötigt eine alarmId</translation>
    </message>
    <message>
        <source>%1 cannot be sent while polling</source>
        <translation>%1 kann im Abfragebetrieb nicht gesendet werden</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>keine Antwort auf %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>the answer to %1 is not a JSON object</source>
        <translation>die Antwort auf %1 ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Play a &amp;sound for critical alarms</source>
        <translation>&amp;Ton bei kritischen Alarmen abspielen</translation>
    </message>
    <message>
        <source>&amp;Desktop notifications while the window is not active</source>
        <translation>&amp;Desktop-Benachrichtigungen, solange das Fenster nicht aktiv ist</translation>
    </message>
    <message>
        <source>&amp;Live updates from the server</source>
        <translation>&amp;Live-Aktualisierung vom Server</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Stummschalten</translation>
    </message>
    <message>
        <source>U&amp;nmute</source>
        <translation>Stumm a&amp;us</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Toasts from severity</source>
        <translation>Einblendungen ab Priorität</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Hoch und höher</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Mittel und höher</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Niedrig und höher</translation>
    </message>
    <message>
        <source>All, including info</source>
        <translation>Alle, einschließlich Info</translation>
    </message>
    <message>
        <source>&amp;Toasts for:</source>
        <translation>&amp;Einblendungen für:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Repeat the sound of one alarm at most every, in seconds</source>
        <translation>Mindestabstand der Tonwiederholung eines Alarms, in Sekunden</translation>
    </message>
    <message>
        <source>&amp;Repeat at most every:</source>
        <translation>&amp;Wiederholen höchstens alle:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mute sound for minutes</source>
        <translation>Dauer der Stummschaltung in Minuten</translation>
    </message>
    <message>
        <source>Mute sound</source>
        <translation>Ton stummschalten</translation>
    </message>
    <message>
        <source>Unmute sound</source>
        <translation>Ton wieder einschalten</translation>
    </message>
    <message>
        <source>Mute sound &amp;for:</source>
        <translation>Ton stummschalten &amp;für:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>Farbsc&amp;hema:</translation>
    </message>
    <message>
        <source>Sound muted until %1</source>
        <translation>Ton stumm bis %1</translation>
    </message>
    <message>
        <source>Sound not muted</source>
        <translation>Ton nicht stummgeschaltet</translation>
    </message>
    <message>
        <source>Switched off for this workstation by its profile.</source>
        <translation>Für diesen Arbeitsplatz durch sein Profil deaktiviert.</translation>
    </message>
</context>
<context>
    <name>PriorityCode</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>diamond with an exclamation mark</source>
        <translation>Raute mit Ausrufezeichen</translation>
    </message>
    <message>
        <source>triangle pointing up with an exclamation mark</source>
        <translation>nach oben zeigendes Dreieck mit Ausrufezeichen</translation>
    </message>
    <message>
        <source>square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <source>triangle pointing down</source>
        <translation>nach unten zeigendes Dreieck</translation>
    </message>
    <message>
        <source>small ring</source>
        <translation>kleiner Ring</translation>
    </message>
    <message>
        <source>circle with a question mark</source>
        <translation>Kreis mit Fragezeichen</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>%1: cannot read the profile: %2</source>
        <translation>%1: Das Profil kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>malformed section header</source>
        <translation>fehlerhafte Abschnittsüberschrift</translation>
    </message>
    <message>
        <source>expected key=value</source>
        <translation>Schlüssel=Wert erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL with a host</source>
        <translation>„%1“ ist keine ws://- oder wss://-URL mit Host</translation>
    </message>
    <message>
        <source>the token is already given by %1; give only one of token, token-file, token-env</source>
        <translation>das Token ist bereits durch %1 angegeben; geben Sie nur eines von token, token-file, token-env an</translation>
    </message>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>die Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation>die Token-Datei %1 ist leer</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set</source>
        <translation>die Umgebungsvariable %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of auto, watchfloor, plain, socketio</source>
        <translation>„%1“ ist keiner der Werte auto, watchfloor, plain, socketio</translation>
    </message>
    <message>
        <source>cannot read the CA file %1</source>
        <translation>die CA-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>ganze Zahl von %1 bis %2 erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of critical, high, medium, low, info</source>
        <translation>„%1“ ist keiner der Werte critical, high, medium, low, info</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of light, dark</source>
        <translation>„%1“ ist keiner der Werte light, dark</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an endpoint id (a list is separated by commas)</source>
        <translation>„%1“ ist keine Endpunkt-ID (eine Liste wird durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>„%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>„%1“ ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>expected at least one of %1</source>
        <translation>mindestens einer der Werte %1 erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key chord of at least two modifiers and one key, such as Ctrl+Alt+Shift+Q</source>
        <translation>„%1“ ist keine Tastenkombination aus mindestens zwei Zusatztasten und einer Taste, etwa Ctrl+Alt+Shift+Q</translation>
    </message>
    <message>
        <source>not a PIN hash made by watchfloor --hash-pin: %1</source>
        <translation>kein mit watchfloor --hash-pin erzeugter PIN-Hash: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not system or a language the console speaks (%2), such as de or fr_CH</source>
        <translation>„%1“ ist weder system noch eine Sprache der Konsole (%2), etwa de oder fr_CH</translation>
    </message>
    <message>
        <source>unknown section [%1] (expected one of %2)</source>
        <translation>unbekannter Abschnitt [%1] (erwartet wird einer von %2)</translation>
    </message>
    <message>
        <source>a key before the first [section]</source>
        <translation>Schlüssel vor dem ersten [Abschnitt]</translation>
    </message>
    <message>
        <source>this switch is now %1</source>
        <translation>dieser Schalter heißt jetzt %1</translation>
    </message>
    <message>
        <source>given twice (first on line %1)</source>
        <translation>doppelt angegeben (zuerst in Zeile %1)</translation>
    </message>
    <message>
        <source>%1: [simulator] enabled=true and [server] url exclude each other: give one</source>
        <translation>%1: [simulator] enabled=true und [server] url schließen einander aus: Geben Sie nur eines davon an</translation>
    </message>
    <message>
        <source>%1: [server] url is required (or [simulator] enabled=true)</source>
        <translation>%1: [server] url ist erforderlich (oder [simulator] enabled=true)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not &quot;kind or endpoint id: on word/off word&quot; (e.g. &quot;pump: Start/Stop&quot;)</source>
        <translation>„%1“ ist nicht „Art oder Endpunkt-ID: Wort für ein/Wort für aus“ (z. B. „pump: Start/Stopp“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of hold-on-alarms, rotate</source>
        <translation>„%1“ ist keiner der Werte hold-on-alarms, rotate</translation>
    </message>
    <message>
        <source>unknown key (expected label.&lt;server text&gt; or message.&lt;server template&gt;)</source>
        <translation>unbekannter Schlüssel (erwartet: label.&lt;Text des Servers&gt; oder message.&lt;Vorlage des Servers&gt;)</translation>
    </message>
</context>
<context>
    <name>ProfileCatalog</name>
    <message>
        <source>no profile named</source>
        <translation>kein Profilname angegeben</translation>
    </message>
    <message>
        <source>no profile &quot;%1&quot;: not in %2, not in %3, and no such file</source>
        <translation>kein Profil „%1“: nicht in %2, nicht in %3 und auch keine solche Datei</translation>
    </message>
    <message>
        <source>a profile name is 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and does not start with &apos;-&apos; or &apos;.&apos;</source>
        <translation>ein Profilname besteht aus 1 bis 64 Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; oder &apos;.&apos; und beginnt nicht mit &apos;-&apos; oder &apos;.&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL with a host</source>
        <translation>„%1“ ist keine ws://- oder wss://-URL mit Host</translation>
    </message>
    <message>
        <source>the token and the operator name must be one line each, without control characters or spaces at either end</source>
        <translation>das Token und der Bedienername müssen jeweils einzeilig sein, ohne Steuerzeichen und ohne Leerzeichen am Anfang oder Ende</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>a profile named &quot;%1&quot; already exists (%2)</source>
        <translation>ein Profil namens „%1“ existiert bereits (%2)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ProfileCheck</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>not asked by this server (%1 dialect)</source>
        <translation>von diesem Server nicht verlangt (Dialekt %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) live after %1 ms</source>
        <translation>
            <numerusform>%n Kanal live nach %1 ms</numerusform>
            <numerusform>%n Kanäle live nach %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>the link closed before the ping</source>
        <translation>die Verbindung wurde vor dem Ping geschlossen</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>authenticate</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>subscribe and snapshots</source>
        <translation>Abonnement und Snapshots</translation>
    </message>
    <message>
        <source>round trip</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <source>profile: %1</source>
        <translation>profile: %1</translation>
    </message>
    <message>
        <source>  valid: ok</source>
        <translation>  gültig: ok</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>(the built-in simulator)</source>
        <translation>(der eingebaute Simulator)</translation>
    </message>
    <message>
        <source>server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>dialect: %1</source>
        <translation>Dialekt: %1</translation>
    </message>
    <message>
        <source>role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>round trip: %1</source>
        <translation>Antwortzeit: %1</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>entities: %1</source>
        <translation>Objekte: %1</translation>
    </message>
    <message>
        <source>unacknowledged alarms: %1 (critical %2, critical or high %3)</source>
        <translation>Nicht quittierte Alarme: %1 (kritisch %2, kritisch oder hoch %3)</translation>
    </message>
    <message>
        <source>result: OK</source>
        <translation>result: OK</translation>
    </message>
    <message>
        <source>result: FAILED</source>
        <translation>result: FAILED</translation>
    </message>
</context>
<context>
    <name>ProfileListDelegate</name>
    <message>
        <source>Your profile</source>
        <translation>Ihr Profil</translation>
    </message>
    <message>
        <source>This workstation&apos;s</source>
        <translation>Profil dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ResumePoints</name>
    <message>
        <source>Saving the resume point</source>
        <translation>Speichern des Fortsetzungspunkts</translation>
    </message>
    <message>
        <source>Reading the resume point</source>
        <translation>Lesen des Fortsetzungspunkts</translation>
    </message>
    <message>
        <source>Clearing the resume point</source>
        <translation>Löschen des Fortsetzungspunkts</translation>
    </message>
</context>
<context>
    <name>ScreenKeeper</name>
    <message>
        <source>The screen may blank while the kiosk runs: %1</source>
        <translation>Der Bildschirm kann sich im Kiosk-Modus abschalten: %1</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to ask the desktop to keep the screen on</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus, über den der Desktop gebeten werden kann, den Bildschirm eingeschaltet zu lassen</translation>
    </message>
    <message>
        <source>the desktop offers no screen saver service (%1) to keep the screen on</source>
        <translation>der Desktop bietet keinen Bildschirmschonerdienst (%1), der den Bildschirm eingeschaltet lassen kann</translation>
    </message>
    <message>
        <source>the desktop&apos;s screen saver service refused to keep the screen on: %1</source>
        <translation>der Bildschirmschonerdienst des Desktops hat abgelehnt, den Bildschirm eingeschaltet zu lassen: %1</translation>
    </message>
    <message>
        <source>this console was built without D-Bus support, so it cannot ask the desktop to keep the screen on</source>
        <translation>diese Konsole wurde ohne D-Bus-Unterstützung erstellt und kann den Desktop daher nicht bitten, den Bildschirm eingeschaltet zu lassen</translation>
    </message>
</context>
<context>
    <name>ServerHealthModel</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ServerTexts</name>
    <message>
        <source>a brace that is not part of a placeholder such as {source} or {number}</source>
        <translation>eine geschweifte Klammer, die zu keinem Platzhalter wie {source} oder {number} gehört</translation>
    </message>
    <message>
        <source>a label needs the server&apos;s text and the text shown</source>
        <translation>eine Bezeichnung braucht den Text des Servers und den angezeigten Text</translation>
    </message>
    <message>
        <source>the label &quot;%1&quot; is given twice</source>
        <translation>die Bezeichnung „%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <source>a message needs the server&apos;s template and its translation</source>
        <translation>eine Meldung braucht die Vorlage des Servers und ihre Übersetzung</translation>
    </message>
    <message>
        <source>in the template: %1</source>
        <translation>in der Vorlage: %1</translation>
    </message>
    <message>
        <source>the template has no placeholder; a fixed text is a label</source>
        <translation>die Vorlage hat keinen Platzhalter; ein fester Text ist eine Bezeichnung (label)</translation>
    </message>
    <message>
        <source>the template has {%1} more than once</source>
        <translation>die Vorlage enthält {%1} mehr als einmal</translation>
    </message>
    <message>
        <source>in the translation: %1</source>
        <translation>in der Übersetzung: %1</translation>
    </message>
    <message>
        <source>the translation has {%1}, which the template does not</source>
        <translation>die Übersetzung enthält {%1}, die Vorlage aber nicht</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <source>Shelve alarms</source>
        <translation>Alarme zurückstellen</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Alarms to shelve: %1</source>
        <translation>Zurückzustellende Alarme: %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Shelve for minutes</source>
        <translation>Dauer der Zurückstellung in Minuten</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Why, for the next shift (required)</source>
        <translation>Begründung für die nächste Schicht (erforderlich)</translation>
    </message>
    <message>
        <source>Shelve reason</source>
        <translation>Begründung der Zurückstellung</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Recorded as:</source>
        <translation>Erfasst als:</translation>
    </message>
    <message>
        <source>A reason is required: a shelved alarm is silenced for every console, and the operators who find it shelved, this shift or the next, read why.</source>
        <translation>Ein Grund ist nötig: ein zurückgestellter Alarm schweigt an jeder Konsole, und wer ihn zurückgestellt findet, in dieser Schicht oder der nächsten, liest, warum.</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>NOT LIVE — no data received from the server yet.</source>
        <translation>NICHT LIVE — noch keine Daten vom Server empfangen.</translation>
    </message>
    <message>
        <source>Link: %1.</source>
        <translation>Verbindung: %1.</translation>
    </message>
    <message>
        <source>PAUSED for %1, last received %2 — live updates are off; the values below are as last received.</source>
        <translation>PAUSIERT seit %1, zuletzt empfangen %2 — Live-Aktualisierung ist aus; die Werte unten sind die zuletzt empfangenen.</translation>
    </message>
    <message>
        <source>NOT LIVE for %1, last received %2 — the values below may be out of date.</source>
        <translation>NICHT LIVE seit %1, zuletzt empfangen %2 — die Werte unten können veraltet sein.</translation>
    </message>
    <message>
        <source>Resume live updates</source>
        <translation>Live-Aktualisierung fortsetzen</translation>
    </message>
    <message>
        <source>Turn live updates from the server back on</source>
        <translation>Die Live-Aktualisierung vom Server wieder einschalten</translation>
    </message>
    <message>
        <source>PAUSED — live updates are off: nothing on screen is live, no data has been received from the server.</source>
        <translation>PAUSIERT — Live-Aktualisierung ist aus: nichts auf dem Bildschirm ist live, vom Server wurden keine Daten empfangen.</translation>
    </message>
</context>
<context>
    <name>StaleHeadline</name>
    <message>
        <source>%1 · %2 stale</source>
        <translation>%1 · %2 veraltet</translation>
    </message>
    <message>
        <source>Last known, %1: %2</source>
        <translation>Zuletzt bekannt, %1: %2</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Watchfloor</source>
        <translation>Watchfloor</translation>
    </message>
    <message>
        <source>Start Watchfloor</source>
        <translation>Watchfloor starten</translation>
    </message>
    <message>
        <source>Choose the profile to connect with, or start the demo on this computer.</source>
        <translation>Wählen Sie das Profil für die Verbindung oder starten Sie die Demo auf diesem Computer.</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Start &amp;demo</source>
        <translation>&amp;Demo starten</translation>
    </message>
    <message>
        <source>Runs the built-in simulator on this computer and connects to it; nothing leaves this computer.</source>
        <translation>Startet den eingebauten Simulator auf diesem Computer und verbindet sich mit ihm; keine Daten verlassen diesen Computer.</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Neues Profil…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Saved in %1, readable by you only, as it holds the token.</source>
        <translation>Wird in %1 gespeichert und ist nur für Sie lesbar, da es das Token enthält.</translation>
    </message>
    <message>
        <source>plant-north</source>
        <translation>werk-nord</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>wss://plant-gw.example:8765/ws</source>
        <translation>wss://plant-gw.example:8765/ws</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Plain JSON</source>
        <translation>Reines JSON</translation>
    </message>
    <message>
        <source>Socket.IO</source>
        <translation>Socket.IO</translation>
    </message>
    <message>
        <source>Protocol dialect</source>
        <translation>Protokolldialekt</translation>
    </message>
    <message>
        <source>&amp;Dialect:</source>
        <translation>&amp;Dialekt:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>Anzei&amp;gen</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>To&amp;ken:</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Bedienername</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>&amp;Bediener:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as wss://plant-gw.example:8765/ws.</source>
        <translation>Geben Sie die Adresse des Servers ein, etwa wss://plant-gw.example:8765/ws.</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// address with a host.</source>
        <translation>Keine ws://- oder wss://-Adresse mit Host.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>&amp;Test abbrechen</translation>
    </message>
    <message>
        <source>Connected (no sign-in on this server), live after %1 ms</source>
        <translation>Verbunden (keine Anmeldung auf diesem Server), live nach %1 ms</translation>
    </message>
    <message>
        <source>Connected: role %1, live after %2 ms</source>
        <translation>Verbunden: Rolle %1, live nach %2 ms</translation>
    </message>
    <message>
        <source>Unreachable: nothing answers at %1 (%2)</source>
        <translation>Nicht erreichbar: Unter %1 antwortet nichts (%2)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered HTTP %2</source>
        <translation>Kein WebSocket-Server: %1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered, but not with a WebSocket handshake</source>
        <translation>Kein WebSocket-Server: %1 antwortete, aber nicht mit einem WebSocket-Handshake</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered, but not with a WebSocket handshake (%2)</source>
        <translation>Kein WebSocket-Server: %1 antwortete, aber nicht mit einem WebSocket-Handshake (%2)</translation>
    </message>
    <message>
        <source>Closed: the server ended the connection before it was live (%1)</source>
        <translation>Geschlossen: Der Server hat die Verbindung beendet, bevor sie live war (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n s: no live link from %1</source>
        <translation>
            <numerusform>Zeitüberschreitung nach %n s: keine Live-Verbindung von %1</numerusform>
            <numerusform>Zeitüberschreitung nach %n s: keine Live-Verbindung von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>You already have a profile named &quot;%1&quot;.</source>
        <translation>Sie haben bereits ein Profil namens „%1“.</translation>
    </message>
</context>
<context>
    <name>StatusTableDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>StoreWorker</name>
    <message>
        <source>another Watchfloor console (process %1 on %2) is using this profile&apos;s database</source>
        <translation>eine andere Watchfloor-Konsole (Prozess %1 auf %2) verwendet die Datenbank dieses Profils</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>das Schreiben ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TileCard</name>
    <message>
        <source>Tile %1</source>
        <translation>Kachel %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>TileModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ToastArea</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all notifications, %n more not shown</source>
        <translation>
            <numerusform>Alle Benachrichtigungen anzeigen, %n weitere nicht angezeigt</numerusform>
            <numerusform>Alle Benachrichtigungen anzeigen, %n weitere nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToastWidget</name>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close notification</source>
        <translation>Benachrichtigung schließen</translation>
    </message>
    <message>
        <source>Acknowledge alarm: %1</source>
        <translation>Alarm quittieren: %1</translation>
    </message>
    <message>
        <source>Show notification: %1</source>
        <translation>Benachrichtigung anzeigen: %1</translation>
    </message>
    <message>
        <source>%1 notification: %2</source>
        <translation>Benachrichtigung (%1): %2</translation>
    </message>
    <message>
        <source>%1 alarm</source>
        <translation>Alarm (%1)</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Watchfloor</source>
        <translation>Watchfloor</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sound muted until %1</source>
        <translation>Ton stumm bis %1</translation>
    </message>
    <message>
        <source>Critical alarms make no sound until %1. Click to unmute now.</source>
        <translation>Kritische Alarme sind bis %1 stumm. Klicken Sie, um den Ton jetzt wieder einzuschalten.</translation>
    </message>
    <message>
        <source>Mute sound</source>
        <translation>Ton stummschalten</translation>
    </message>
    <message numerus="yes">
        <source>Silence the critical alarm sound for %n minute(s)</source>
        <translation>
            <numerusform>Ton für kritische Alarme %n Minute lang stummschalten</numerusform>
            <numerusform>Ton für kritische Alarme %n Minuten lang stummschalten</numerusform>
        </translation>
    </message>
    <message>
        <source>viewer</source>
        <comment>role</comment>
        <translation>Beobachter</translation>
    </message>
    <message>
        <source>operator</source>
        <comment>role</comment>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>admin</source>
        <comment>role</comment>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>%1 · %2 role</source>
        <translation>%1 · Rolle: %2</translation>
    </message>
</context>
<context>
    <name>ViewFactory</name>
    <message>
        <source>commands off</source>
        <translation>Befehle aus</translation>
    </message>
</context>
<context>
    <name>ViewWindow</name>
    <message>
        <source>Watchfloor — %1 — %2</source>
        <translation>Watchfloor — %1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>Fenster schließen</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
</context>
<context>
    <name>Watchfloor</name>
    <message>
        <source>Write what the console shows (link, staleness, alarms, commands, outbox) as JSON to FILE every second, replacing it whole each time (docs/reliability.md). SIGUSR1 writes one at once.</source>
        <translation>Jede Sekunde als JSON nach DATEI schreiben, was die Konsole anzeigt (Verbindung, Aktualität, Alarme, Befehle, Ausgang), jedes Mal vollständig ersetzt (docs/reliability.md). SIGUSR1 schreibt sofort eine.</translation>
    </message>
    <message>
        <source>For test tools only: take operator actions (ack, shelve, unshelve, command) from the local socket at PATH, one per line (docs/reliability.md).</source>
        <translation>Nur für Testwerkzeuge: Bedieneraktionen (ack, shelve, unshelve, command) vom lokalen Socket unter PFAD annehmen, eine pro Zeile (docs/reliability.md).</translation>
    </message>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>Steuer-Socket %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Operations console for drones, production machines and control-panel devices.</source>
        <translation>Bedienkonsole für Drohnen, Produktionsmaschinen und Bedienfeldgeräte.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Once live data has arrived, save the main window to PATH (PNG) and exit.</source>
        <translation>Sobald Live-Daten eingetroffen sind, das Hauptfenster unter PFAD (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>cannot start the built-in simulator: %1</source>
        <translation>der eingebaute Simulator kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>HERKUNFT</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>(invalid: run --check-profile %1)</source>
        <translation>(ungültig: --check-profile %1 ausführen)</translation>
    </message>
    <message>
        <source>Kiosk exit PIN: </source>
        <translation>PIN zum Beenden des Kiosks: </translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>Dieselbe PIN noch einmal: </translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was written</source>
        <translation>die beiden PINs stimmen nicht überein; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>das Bildschirmfoto kann nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>no live data within %1 s (state: %2)</source>
        <translation>keine Live-Daten innerhalb von %1 s (Zustand: %2)</translation>
    </message>
    <message>
        <source>Start with the profile NAME (from the user&apos;s or the system&apos;s profile folder) or the profile file at a path.</source>
        <translation>Mit dem Profil NAME (aus dem Profilordner des Benutzers oder des Systems) oder mit der Profildatei unter einem Pfad starten.</translation>
    </message>
    <message>
        <source>Start with the demo profile: the built-in simulator on a loopback port.</source>
        <translation>Mit dem Demo-Profil starten: dem eingebauten Simulator auf einem Loopback-Port.</translation>
    </message>
    <message>
        <source>Run as a plant-floor screen (full screen, rotating views, locked), whatever the profile&apos;s [kiosk] enabled says.</source>
        <translation>Als Hallenbildschirm laufen (Vollbild, wechselnde Ansichten, gesperrt), unabhängig von [kiosk] enabled im Profil.</translation>
    </message>
    <message>
        <source>List the profiles found, and where, then exit.</source>
        <translation>Die gefundenen Profile mit ihrem Fundort auflisten, dann beenden.</translation>
    </message>
    <message>
        <source>Validate the profile NAME, connect, authenticate, subscribe, wait for the snapshots and print a summary; exit 0 only if every step succeeded.</source>
        <translation>Das Profil NAME prüfen, verbinden, anmelden, abonnieren, auf die Snapshots warten und eine Zusammenfassung ausgeben; Exit-Code 0 nur, wenn jeder Schritt erfolgreich war.</translation>
    </message>
    <message>
        <source>Read a kiosk exit PIN (4 to 12 digits) on standard input and print the exit-pin-hash line for the profile&apos;s [kiosk] section.</source>
        <translation>Eine PIN zum Beenden des Kiosks (4 bis 12 Ziffern) von der Standardeingabe lesen und die Zeile exit-pin-hash für den Abschnitt [kiosk] des Profils ausgeben.</translation>
    </message>
    <message>
        <source>give either --profile NAME or --demo, not both</source>
        <translation>geben Sie entweder --profile NAME oder --demo an, nicht beides</translation>
    </message>
    <message>
        <source>give --profile NAME or --demo (see --help; --list-profiles shows the profiles found)</source>
        <translation>geben Sie --profile NAME oder --demo an (siehe --help; --list-profiles zeigt die gefundenen Profile)</translation>
    </message>
    <message>
        <source>no local database, acknowledgements made offline cannot be kept (on a live link they still work): %1</source>
        <translation>keine lokale Datenbank, offline vorgenommene Quittierungen können nicht gespeichert werden (bei bestehender Verbindung funktionieren sie): %1</translation>
    </message>
</context>
</TS>
