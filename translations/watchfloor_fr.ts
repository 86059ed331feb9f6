<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActionWords</name>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>On</source>
        <comment>action: switch on</comment>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>action: switch off</comment>
        <translation>Arrêt</translation>
    </message>
</context>
<context>
    <name>ActivityDelegate</name>
    <message>
        <source>Viewer</source>
        <translation>Observateur</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Acknowledged alarm</source>
        <translation>Alarme acquittée</translation>
    </message>
    <message>
        <source>Shelved alarm</source>
        <translation>Alarme inhibée</translation>
    </message>
    <message>
        <source>Unshelved alarm</source>
        <translation>Alarme désinhibée</translation>
    </message>
    <message>
        <source>Sent command</source>
        <translation>Commande envoyée</translation>
    </message>
    <message>
        <source>Refreshed dashboard</source>
        <translation>Tableau de bord actualisé</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
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
        <translation>Heure</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
</context>
<context>
    <name>ActivityTargets</name>
    <message>
        <source>Alarm %1</source>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>Drone %1</source>
        <translation>Drone %1</translation>
    </message>
    <message>
        <source>Machine %1</source>
        <translation>Machine %1</translation>
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
        <translation>Opérateurs présents</translation>
    </message>
    <message>
        <source>Filter activity</source>
        <translation>Filtrer l&apos;activité</translation>
    </message>
    <message>
        <source>Filter by operator, action or target</source>
        <translation>Filtrer par opérateur, action ou cible</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Activité récente</translation>
    </message>
    <message>
        <source>Operators present (%1)</source>
        <translation>Opérateurs présents (%1)</translation>
    </message>
    <message>
        <source>Recent activity (%1)</source>
        <translation>Activité récente (%1)</translation>
    </message>
    <message>
        <source>Recent activity (%1 of %2)</source>
        <translation>Activité récente (%1 sur %2)</translation>
    </message>
    <message>
        <source>No operators present</source>
        <translation>Aucun opérateur présent</translation>
    </message>
    <message>
        <source>Not live: nobody is known to be present</source>
        <translation>Pas en direct&#xa0;: personne n’est connu comme présent</translation>
    </message>
    <message>
        <source>No operator activity since this console connected</source>
        <translation>Aucune activité d’opérateur depuis la connexion de cette console</translation>
    </message>
    <message>
        <source>Not live: no activity received yet</source>
        <translation>Pas en direct&#xa0;: aucune activité reçue pour l’instant</translation>
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
        <translation>%1 j</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>stale · %1</source>
        <translation>périmé · %1</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Alarm banner</source>
        <translation>Bandeau des alarmes</translation>
    </message>
    <message>
        <source>Alarms waiting for acknowledgement, the alarm rate and the oldest waiting alarm. Click, or press Enter, to open the Alarms view (Ctrl+5).</source>
        <translation>Alarmes en attente d’acquittement, taux d’alarmes et plus ancienne alarme en attente. Cliquez ou appuyez sur Entrée pour ouvrir la vue Alarmes (Ctrl+5).</translation>
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
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>FLOOD · %1 in 10 min</source>
        <translation>AFFLUX · %1 en 10 min</translation>
    </message>
    <message>
        <source>%1 in 10 min · above target</source>
        <translation>%1 en 10 min · au-dessus de l’objectif</translation>
    </message>
    <message>
        <source>%1 in 10 min · acceptable</source>
        <translation>%1 en 10 min · acceptable</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <comment>how long the oldest waiting alarm has waited</comment>
        <translation>plus ancienne %1</translation>
    </message>
    <message>
        <source>last known</source>
        <comment>the banner&apos;s figures while the link is not live</comment>
        <translation>dernier état connu</translation>
    </message>
    <message>
        <source>Alarms ›</source>
        <comment>opens the Alarms view</comment>
        <translation>Alarmes ›</translation>
    </message>
</context>
<context>
    <name>AlarmDelegate</name>
    <message>
        <source>Active, unacknowledged</source>
        <translation>Active, non acquittée</translation>
    </message>
    <message>
        <source>Active, acknowledged</source>
        <translation>Active, acquittée</translation>
    </message>
    <message>
        <source>Returned, unacknowledged</source>
        <translation>Disparue, non acquittée</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Effacée</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Inhibée</translation>
    </message>
    <message>
        <source>Drone</source>
        <translation>Drone</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
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
        <translation>jusqu&apos;à %1 · %2</translation>
    </message>
    <message>
        <source>until %1 by %2 · %3</source>
        <translation>jusqu&apos;à %1 par %2 · %3</translation>
    </message>
    <message>
        <source>%1× chattering</source>
        <translation>%1× en battement</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (last known: the link is not live)</source>
        <translation>%1 (dernière valeur connue&#xa0;: la liaison n&apos;est pas en direct)</translation>
    </message>
    <message>
        <source>%1 · not confirmed by the server</source>
        <translation>%1 · non confirmé par le serveur</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>%n sources</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 · and %n more like it</source>
        <translation>
            <numerusform>%1 %2 · et %n autre du même type</numerusform>
            <numerusform>%1 %2 · et %n autres du même type</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation>%1 sur %2 acquittées</translation>
    </message>
    <message numerus="yes">
        <source>%n alarms</source>
        <translation>
            <numerusform>%n alarme</numerusform>
            <numerusform>%n alarmes</numerusform>
        </translation>
    </message>
    <message>
        <source>└ %1</source>
        <translation>└ %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n alarms of one condition (%2 acknowledged); double-click or Enter lists them</source>
        <translation>
            <numerusform>%1 · %n alarme d’une même condition (%2 acquittée) ; double-clic ou Entrée pour la lister</numerusform>
            <numerusform>%1 · %n alarmes d’une même condition (%2 acquittées) ; double-clic ou Entrée pour les lister</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Déclenchée</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Acquittée par</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>Acquittée à</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Shelved until</source>
        <translation>Inhibée jusqu&apos;à</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>AlarmNoteDialog</name>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>&amp;Note (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Note (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>Acknowledgement note</source>
        <translation>Note d&apos;acquittement</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>Acquitter l’alarme</translation>
    </message>
    <message>
        <source>Acknowledge %1 alarms</source>
        <translation>Acquitter %1 alarmes</translation>
    </message>
    <message>
        <source>Alarm to acknowledge:</source>
        <translation>Alarme à acquitter&#xa0;:</translation>
    </message>
    <message>
        <source>%1 alarms to acknowledge:</source>
        <translation>%1 alarmes à acquitter&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AlarmOutbox</name>
    <message>
        <source>Queueing the %1 of alarm %2</source>
        <translation>Mise en file d&apos;attente de la demande «&#xa0;%1&#xa0;» pour l&apos;alarme %2</translation>
    </message>
    <message>
        <source>%1 failed: the request was neither stored nor found</source>
        <translation>%1&#xa0;: échec&#xa0;: la demande n&apos;a été ni enregistrée ni retrouvée</translation>
    </message>
    <message>
        <source>Reading the queued acknowledgements</source>
        <translation>Lecture des acquittements en file d&apos;attente</translation>
    </message>
    <message>
        <source>Reading the refused acknowledgements</source>
        <translation>Lecture des acquittements refusés</translation>
    </message>
    <message>
        <source>Recording a delivery attempt of request %1</source>
        <translation>Enregistrement d&apos;une tentative de remise de la demande %1</translation>
    </message>
    <message>
        <source>%1 failed: no such request is waiting for delivery</source>
        <translation>%1&#xa0;: échec&#xa0;: aucune demande correspondante n&apos;attend d&apos;être remise</translation>
    </message>
    <message>
        <source>Marking request %1 delivered</source>
        <translation>Marquage de la demande %1 comme remise</translation>
    </message>
    <message>
        <source>Marking request %1 refused</source>
        <translation>Marquage de la demande %1 comme refusée</translation>
    </message>
    <message>
        <source>%1 failed: no such request was queued</source>
        <translation>%1&#xa0;: échec&#xa0;: aucune demande correspondante n&apos;a été mise en file d&apos;attente</translation>
    </message>
    <message>
        <source>%1 failed: the request is already %2</source>
        <translation>%1&#xa0;: échec&#xa0;: la demande est déjà à l&apos;état «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AlarmService</name>
    <message>
        <source>no local database is open</source>
        <translation>aucune base de données locale n’est ouverte</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Acquittement</translation>
    </message>
    <message>
        <source>Shelving</source>
        <translation>Mise en attente</translation>
    </message>
    <message>
        <source>Unshelving</source>
        <translation>Levée de la mise en attente</translation>
    </message>
    <message>
        <source>not sent within %1 minutes, so not sent at all: the alarm may have changed since; look at it and act again if it still needs it</source>
        <translation>non envoyé dans les %1 minutes, donc pas envoyé du tout : l’alarme a pu changer depuis ; examinez-la et agissez à nouveau si elle le demande encore</translation>
    </message>
    <message>
        <source>alarm %1 has activated again since (occurrence %2, the action was for occurrence %3)</source>
        <translation>l’alarme %1 s’est redéclenchée depuis (occurrence %2, l’action visait l’occurrence %3)</translation>
    </message>
    <message>
        <source>the local database cannot be opened: %1</source>
        <translation>la base de données locale ne peut pas être ouverte : %1</translation>
    </message>
    <message>
        <source>the waiting actions cannot be read from the local database: %1</source>
        <translation>les actions en attente ne peuvent pas être lues dans la base de données locale : %1</translation>
    </message>
    <message>
        <source>the local database failed: %1</source>
        <translation>la base de données locale a échoué : %1</translation>
    </message>
</context>
<context>
    <name>AlarmsView</name>
    <message>
        <source>Alarms raised on this console in the last 10 minutes. EEMUA 191 / ISA-18.2: about 1 per 10 minutes is acceptable; more than 10 in 10 minutes is an alarm flood.</source>
        <translation>Alarmes déclenchées sur cette console au cours des 10 dernières minutes. EEMUA 191 / ISA-18.2&#xa0;: environ 1 par 10 minutes est acceptable&#xa0;; plus de 10 en 10 minutes constitue une avalanche d&apos;alarmes.</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Gravité minimale</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Toutes les gravités</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Basse et plus</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Moyenne et plus</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Haute et plus</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critique seulement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Non acquittées</translation>
    </message>
    <message>
        <source>Source kind</source>
        <translation>Type de source</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>Search alarms</source>
        <translation>Rechercher des alarmes</translation>
    </message>
    <message>
        <source>Search message, source, operator, note (Ctrl+F)</source>
        <translation>Rechercher message, source, opérateur, note (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Acquitter…</translation>
    </message>
    <message>
        <source>&amp;Shelve…</source>
        <translation>&amp;Inhiber…</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>&amp;Désinhiber</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Shelved alarms</source>
        <translation>Alarmes inhibées</translation>
    </message>
    <message>
        <source>Your role (viewer) may watch alarms but not acknowledge or shelve them.</source>
        <translation>Votre rôle (observateur) permet de surveiller les alarmes, mais pas de les acquitter ni de les inhiber.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Acquittement</translation>
    </message>
    <message>
        <source>Shelving</source>
        <translation>Inhibition</translation>
    </message>
    <message>
        <source>Unshelving</source>
        <translation>Désinhibition</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms, with an optional note (Ctrl+K)</source>
        <translation>Acquitter les alarmes sélectionnées, avec une note facultative (Ctrl+K)</translation>
    </message>
    <message>
        <source>Select unacknowledged alarms to acknowledge them (Ctrl+K)</source>
        <translation>Sélectionnez des alarmes non acquittées pour les acquitter (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms; a note is required (Ctrl+K)</source>
        <translation>Acquitter les alarmes sélectionnées&#xa0;; une note est obligatoire (Ctrl+K)</translation>
    </message>
    <message>
        <source>Shelve the selected alarms for a time, with a reason (Ctrl+Shift+S)</source>
        <translation>Inhiber les alarmes sélectionnées pour une durée donnée, avec un motif (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Select alarms to shelve them (Ctrl+Shift+S)</source>
        <translation>Sélectionnez des alarmes pour les inhiber (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Return the selected shelved alarms to the list (Ctrl+Shift+U)</source>
        <translation>Remettre les alarmes inhibées sélectionnées dans la liste (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Select shelved alarms to unshelve them (Ctrl+Shift+U)</source>
        <translation>Sélectionnez des alarmes inhibées pour les désinhiber (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>FLOOD: %1 alarms in 10 min</source>
        <translation>AVALANCHE&#xa0;: %1 alarmes en 10 min</translation>
    </message>
    <message>
        <source>Alarm rate: %1 in 10 min (above the target of 1)</source>
        <translation>Taux d&apos;alarmes&#xa0;: %1 en 10 min (au-dessus de l&apos;objectif de 1)</translation>
    </message>
    <message>
        <source>Alarm rate: %1 in 10 min (acceptable)</source>
        <translation>Taux d&apos;alarmes&#xa0;: %1 en 10 min (acceptable)</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 unacknowledged · %4 shelved</source>
        <translation>%1 affichées sur %2 · %3 non acquittées · %4 inhibées</translation>
    </message>
    <message>
        <source>Shelved alarms (%1)</source>
        <translation>Alarmes inhibées (%1)</translation>
    </message>
    <message>
        <source>Acknowledgements and shelvings made on this console that the server has not confirmed yet</source>
        <translation>Acquittements et mises en attente faits sur cette console que le serveur n’a pas encore confirmés</translation>
    </message>
    <message>
        <source>This screen only watches: acknowledge and shelve alarms from an operator workstation.</source>
        <translation>Cet écran ne fait que surveiller : acquittez et mettez en attente les alarmes depuis un poste d’opérateur.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting for the server</source>
        <translation>
            <numerusform>%n action en attente du serveur</numerusform>
            <numerusform>%n actions en attente du serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarm actions made while the link is down cannot be kept: %1. Acknowledging on a live link works; offline actions are lost if the console closes.</source>
        <translation>Les actions sur alarmes faites pendant une coupure ne peuvent pas être conservées : %1. L’acquittement sur une liaison active fonctionne ; les actions hors ligne sont perdues si la console se ferme.</translation>
    </message>
    <message>
        <source>Alarm %1 came back: acknowledge it again.</source>
        <translation>L’alarme %1 est revenue : acquittez-la à nouveau.</translation>
    </message>
    <message>
        <source>%1 of alarm %2 not done: %3</source>
        <translation>%1 de l’alarme %2 non effectué : %3</translation>
    </message>
    <message>
        <source>the alarm came back; acknowledge it again</source>
        <translation>l’alarme est revenue ; acquittez-la de nouveau</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed at %1</source>
        <translation>
            <numerusform>%n confirmée à %1</numerusform>
            <numerusform>%n confirmées à %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent, waiting for the server&apos;s answer</source>
        <translation>
            <numerusform>%n envoyée, en attente de la réponse du serveur</numerusform>
            <numerusform>%n envoyées, en attente de la réponse du serveur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent, unconfirmed (this server confirms nothing)</source>
        <translation>
            <numerusform>%n envoyée, non confirmée (ce serveur ne confirme rien)</numerusform>
            <numerusform>%n envoyées, non confirmées (ce serveur ne confirme rien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n being sent</source>
        <translation>
            <numerusform>%n en cours d’envoi</numerusform>
            <numerusform>%n en cours d’envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued until the link is live</source>
        <translation>
            <numerusform>%n en file jusqu’au retour de la liaison</numerusform>
            <numerusform>%n en file jusqu’au retour de la liaison</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued until the link is live, in memory only (lost if the console closes)</source>
        <translation>
            <numerusform>%n en file jusqu’au retour de la liaison, en mémoire seulement (perdue si la console se ferme)</numerusform>
            <numerusform>%n en file jusqu’au retour de la liaison, en mémoire seulement (perdues si la console se ferme)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused: %1</source>
        <translation>
            <numerusform>%n refusée : %1</numerusform>
            <numerusform>%n refusées : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent: the alarm had already gone</source>
        <translation>
            <numerusform>%n non envoyée : l’alarme avait déjà disparu</numerusform>
            <numerusform>%n non envoyées : l’alarme avait déjà disparu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>Not live: no alarms received yet</source>
        <translation>Pas en direct&#xa0;: aucune alarme reçue pour l’instant</translation>
    </message>
    <message>
        <source>No alarms in play: every alarm is shelved</source>
        <translation>Aucune alarme en jeu&#xa0;: toutes les alarmes sont inhibées</translation>
    </message>
    <message>
        <source>No alarms</source>
        <translation>Aucune alarme</translation>
    </message>
    <message>
        <source>No shelved alarms</source>
        <translation>Aucune alarme inhibée</translation>
    </message>
    <message>
        <source>&amp;Group by condition</source>
        <translation>&amp;Grouper par condition</translation>
    </message>
    <message>
        <source>List alarms of one condition over many sources (battery low on twenty drones) as one row with their count; double-click or Enter on it lists them</source>
        <translation>Afficher les alarmes d’une même condition sur de nombreuses sources (batterie faible sur vingt drones) en une ligne avec leur nombre ; double-clic ou Entrée sur celle-ci pour les lister</translation>
    </message>
    <message>
        <source>&amp;Expand group</source>
        <translation>&amp;Déplier le groupe</translation>
    </message>
    <message>
        <source>C&amp;ollapse group</source>
        <translation>&amp;Replier le groupe</translation>
    </message>
</context>
<context>
    <name>Alerting</name>
    <message>
        <source>%1 alarm</source>
        <translation>Alarme %1</translation>
    </message>
    <message>
        <source>Server notice</source>
        <translation>Avis du serveur</translation>
    </message>
    <message>
        <source>Link to the server</source>
        <translation>Liaison avec le serveur</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>+%1 %2</source>
        <comment>alarms summarised in a flood: how many, their priority</comment>
        <translation>+%1 %2</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <comment>the flood summary: its counts, the time of the first</comment>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>Alarm flood: these get no toast of their own. Show opens the Alarms view.</source>
        <translation>Afflux d’alarmes : celles-ci n’ont pas de notification à elles. Afficher ouvre la vue Alarmes.</translation>
    </message>
</context>
<context>
    <name>CommandLog</name>
    <message>
        <source>Logging command %1</source>
        <translation>Journalisation de la commande %1</translation>
    </message>
    <message>
        <source>Updating command %1 in the log</source>
        <translation>Mise à jour de la commande %1 dans le journal</translation>
    </message>
    <message>
        <source>%1 failed: no such command in the log</source>
        <translation>%1&#xa0;: échec&#xa0;: commande introuvable dans le journal</translation>
    </message>
    <message>
        <source>Reading command %1 from the log</source>
        <translation>Lecture de la commande %1 dans le journal</translation>
    </message>
    <message>
        <source>Reading the command log</source>
        <translation>Lecture du journal des commandes</translation>
    </message>
    <message>
        <source>%1 failed: a command still being sent, or lost with the link, is not logged as such</source>
        <translation>%1&#xa0;: échec&#xa0;: une commande en cours d’envoi, ou perdue avec la liaison, n’est pas journalisée comme telle</translation>
    </message>
    <message>
        <source>%1 failed: the command id is not a UUID</source>
        <translation>%1&#xa0;: échec&#xa0;: l’identifiant de la commande n’est pas un UUID</translation>
    </message>
</context>
<context>
    <name>CommandLogDelegate</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (exécution précédente)</translation>
    </message>
    <message>
        <source>Done at %1</source>
        <translation>Terminée à %1</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Liaison perdue</translation>
    </message>
</context>
<context>
    <name>CommandLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>CommandLogView</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Failed, rejected or timed out</source>
        <translation>Échouées, rejetées ou expirées</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Tous les opérateurs</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation>Les miennes (%1)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <source>Search values, results, command id</source>
        <translation>Rechercher valeurs, résultats, identifiant de commande</translation>
    </message>
    <message>
        <source>Live only: this console has no local database, so commands of earlier runs are not listed and this run&apos;s are not kept.</source>
        <translation>Direct uniquement&#xa0;: cette console n&apos;a pas de base de données locale&#xa0;; les commandes des exécutions précédentes ne sont donc pas listées et celles de cette exécution ne sont pas conservées.</translation>
    </message>
    <message>
        <source>Commands of earlier runs could not be read: %1</source>
        <translation>Impossible de lire les commandes des exécutions précédentes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Command log</source>
        <translation>Journal des commandes</translation>
    </message>
    <message>
        <source>%1 (earlier run)</source>
        <translation>%1 (exécution précédente)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>%1 commands</source>
        <translation>%1 commandes</translation>
    </message>
    <message>
        <source>%1 of %2 commands</source>
        <translation>%1 commandes sur %2</translation>
    </message>
    <message>
        <source>%1 · %2 from earlier runs</source>
        <translation>%1 · %2 issues d&apos;exécutions précédentes</translation>
    </message>
    <message>
        <source>No command selected</source>
        <translation>Aucune commande sélectionnée</translation>
    </message>
    <message>
        <source>Select a command in the table to see every status it went through.</source>
        <translation>Sélectionnez une commande dans le tableau pour voir tous les statuts par lesquels elle est passée.</translation>
    </message>
    <message>
        <source>Command %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Opérateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Point&#xa0;: %1</translation>
    </message>
    <message>
        <source>Requested: %1 · actual: %2</source>
        <translation>Demandé&#xa0;: %1 · réel&#xa0;: %2</translation>
    </message>
    <message>
        <source>Issued: %1</source>
        <translation>Émise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>Issued in an earlier run of this console.</source>
        <translation>Émise lors d&apos;une exécution précédente de cette console.</translation>
    </message>
    <message>
        <source>Endpoint: %1 (%2)</source>
        <translation>Point : %1 (%2)</translation>
    </message>
    <message>
        <source>No commands yet</source>
        <translation>Aucune commande pour l’instant</translation>
    </message>
    <message>
        <source>Not live: no commands received yet</source>
        <translation>Pas en direct&#xa0;: aucune commande reçue pour l’instant</translation>
    </message>
</context>
<context>
    <name>CommandModel</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernier changement</translation>
    </message>
</context>
<context>
    <name>CommandService</name>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <source>acknowledged by the device</source>
        <translation>acquittée par l&apos;appareil</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussie</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>link lost</source>
        <translation>liaison perdue</translation>
    </message>
    <message>
        <source>Commands are turned off for this console by its profile.</source>
        <translation>Les commandes sont désactivées pour cette console par son profil.</translation>
    </message>
    <message>
        <source>Your role (viewer) may watch the control panel but not send commands.</source>
        <translation>Votre rôle (observateur) permet de surveiller le panneau de commande, mais pas d&apos;envoyer des commandes.</translation>
    </message>
    <message>
        <source>The link is not live: commands are not sent, and not kept to be sent later.</source>
        <translation>La liaison n&apos;est pas en direct&#xa0;: les commandes ne sont ni envoyées, ni conservées pour un envoi ultérieur.</translation>
    </message>
    <message>
        <source>%1 is not an endpoint of this plant.</source>
        <translation>%1 n&apos;est pas un point de cette installation.</translation>
    </message>
    <message>
        <source>%1 can be read, not set.</source>
        <translation>%1 peut être lu, mais pas modifié.</translation>
    </message>
    <message>
        <source>A command to %1 is still pending (%2): wait for its outcome.</source>
        <translation>Une commande vers %1 est encore en cours (%2)&#xa0;: attendez son résultat.</translation>
    </message>
    <message>
        <source>Interlock %1 does not hold.</source>
        <translation>Le verrouillage %1 n&apos;est pas satisfait.</translation>
    </message>
    <message>
        <source>The link went before the server answered, so it is not known whether the command arrived: check the device before trying again.</source>
        <translation>La liaison a été perdue avant la réponse du serveur&#xa0;; on ne sait donc pas si la commande est arrivée&#xa0;: vérifiez l&apos;appareil avant de réessayer.</translation>
    </message>
    <message>
        <source>The server refused: your role may not send commands (%1).</source>
        <translation>Le serveur a refusé&#xa0;: votre rôle n&apos;autorise pas l&apos;envoi de commandes (%1).</translation>
    </message>
    <message numerus="yes">
        <source>No final answer within %n second(s): check the device before trying again.</source>
        <translation>
            <numerusform>Aucune réponse définitive en %n seconde&#xa0;: vérifiez l&apos;appareil avant de réessayer.</numerusform>
            <numerusform>Aucune réponse définitive en %n secondes&#xa0;: vérifiez l&apos;appareil avant de réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>Interlock %1</source>
        <translation>Verrouillage %1</translation>
    </message>
    <message>
        <source>%1: cannot be checked, the value it needs is unknown or not live.</source>
        <translation>%1&#xa0;: impossible à vérifier, la valeur requise est inconnue ou n&apos;est pas en direct.</translation>
    </message>
    <message>
        <source>%1 has not reported lately: its value is not live, so only switching off is possible.</source>
        <translation>%1 ne s&apos;est pas manifesté récemment&#xa0;: sa valeur n&apos;est pas en direct, seul l&apos;arrêt est possible.</translation>
    </message>
    <message>
        <source>The server failed to answer (%1), so it is not known whether the command was carried out: check the device before trying again.</source>
        <translation>Le serveur a répondu par une erreur (%1)&#xa0;: on ne sait pas si la commande a été exécutée&#xa0;; vérifiez l&apos;appareil avant de réessayer.</translation>
    </message>
    <message>
        <source>The server got the command after its validity had ended and did not carry it out.</source>
        <translation>Le serveur a reçu la commande après la fin de sa validité et ne l&apos;a pas exécutée.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s), so it is not known whether the command arrived: check the device before trying again.</source>
        <translation>
            <numerusform>Le serveur n&apos;a pas répondu en %n seconde&#xa0;: on ne sait pas si la commande est arrivée&#xa0;; vérifiez l&apos;appareil avant de réessayer.</numerusform>
            <numerusform>Le serveur n&apos;a pas répondu en %n secondes&#xa0;: on ne sait pas si la commande est arrivée&#xa0;; vérifiez l&apos;appareil avant de réessayer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has lost the source of %1: its value is not live, so only switching off is possible.</source>
        <translation>Le serveur a perdu la source de %1&#xa0;: sa valeur n&apos;est pas en direct, seul l&apos;arrêt est possible.</translation>
    </message>
</context>
<context>
    <name>ConnectionDetails</name>
    <message>
        <source>Connection details</source>
        <translation>Détails de la connexion</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialecte</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Last outage</source>
        <translation>Dernière coupure</translation>
    </message>
    <message>
        <source>Last reconnect</source>
        <translation>Dernière reconnexion</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <source>Protocol errors</source>
        <translation>Erreurs de protocole</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Connect at once instead of waiting for the next attempt</source>
        <translation>Se connecter immédiatement au lieu d&apos;attendre la prochaine tentative</translation>
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
        <translation>pas encore connu</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>simple</translation>
    </message>
    <message>
        <source>reconnecting in %1 (attempt %2)</source>
        <translation>reconnexion dans %1 (tentative %2)</translation>
    </message>
    <message>
        <source>reconnecting (attempt %1)</source>
        <translation>reconnexion (tentative %1)</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>abandon après %1 tentatives</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>resumed: nothing was missed</source>
        <translation>reprise&#xa0;: rien n&apos;a été manqué</translation>
    </message>
    <message>
        <source>resynced from fresh snapshots</source>
        <translation>resynchronisé à partir d&apos;instantanés récents</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation>%1 par seconde</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>pas encore mesuré</translation>
    </message>
    <message>
        <source>Resume live updates</source>
        <translation>Reprendre le direct</translation>
    </message>
    <message>
        <source>Pause live updates</source>
        <translation>Suspendre le direct</translation>
    </message>
    <message>
        <source>— (link down)</source>
        <translation>— (liaison coupée)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (il y a %2)</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Coupure</translation>
    </message>
    <message>
        <source>down since %1 (for %2)</source>
        <translation>coupée depuis %1 (depuis %2)</translation>
    </message>
    <message>
        <source>not live yet since the console started</source>
        <translation>pas encore en direct depuis le démarrage</translation>
    </message>
    <message>
        <source>none since the console started</source>
        <translation>aucune depuis le démarrage</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>non signalé</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>%1 s ago</source>
        <translation>il y a %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
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
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Authentification…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <translation>Reconnexion dans %1 s (tentative %2)</translation>
    </message>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation>Reconnexion… (tentative %1)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Offline: gave up after %1 attempts</source>
        <translation>Hors ligne&#xa0;: abandon après %1 tentatives</translation>
    </message>
    <message>
        <source>Paused: live updates off</source>
        <translation>En pause&#xa0;: direct suspendu</translation>
    </message>
    <message>
        <source>Polling (WebSocket down)</source>
        <translation>Scrutation (WebSocket indisponible)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>(fallback; the primary %1 is down)</source>
        <translation>(secours&#xa0;; le serveur principal %1 est indisponible)</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Dernier message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Round trip: %1 ms</source>
        <translation>Aller-retour&#xa0;: %1 ms</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Click for the connection&apos;s details.</source>
        <translation>Cliquez pour afficher les détails de la connexion.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionService</name>
    <message>
        <source>live updates are paused</source>
        <translation>les mises à jour en direct sont suspendues</translation>
    </message>
    <message>
        <source>the console stopped</source>
        <translation>la console s&apos;est arrêtée</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>authentification</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>abandon</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>scrutation</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>the link to the server was lost</source>
        <translation>la liaison avec le serveur a été perdue</translation>
    </message>
    <message>
        <source>the server address &quot;%1&quot; is not a ws:// or wss:// URL</source>
        <translation>l&apos;adresse du serveur «&#xa0;%1&#xa0;» n&apos;est pas une URL ws:// ou wss://</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused: %1</source>
        <translation>le certificat du serveur a été refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>(subject %1, issued by %2, valid %3 to %4, SHA-256 %5)</source>
        <translation>(sujet %1, émis par %2, valide du %3 au %4, SHA-256 %5)</translation>
    </message>
    <message>
        <source>the Socket.IO server closed the session</source>
        <translation>le serveur Socket.IO a fermé la session</translation>
    </message>
    <message>
        <source>the Socket.IO server refused the connection: %1</source>
        <translation>le serveur Socket.IO a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>the Socket.IO server disconnected this console</source>
        <translation>le serveur Socket.IO a déconnecté cette console</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>non autorisé</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>interdit</translation>
    </message>
    <message>
        <source>connection closed (code %1)</source>
        <translation>connexion fermée (code %1)</translation>
    </message>
    <message>
        <source>events %1 to %2 are missing from the stream</source>
        <translation>les événements %1 à %2 manquent dans le flux</translation>
    </message>
    <message>
        <source>the CA file %1 holds no readable PEM certificate</source>
        <translation>le fichier d&apos;AC %1 ne contient aucun certificat PEM lisible</translation>
    </message>
    <message>
        <source>not connected to the server</source>
        <translation>non connecté au serveur</translation>
    </message>
    <message>
        <source>a Socket.IO server of this kind has no %1</source>
        <translation>un serveur Socket.IO de ce type n&apos;a pas de %1</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>aucune réponse à %1 en %2 s</translation>
    </message>
    <message>
        <source>no live link within %1 s</source>
        <translation>aucune liaison en direct en %1 s</translation>
    </message>
    <message>
        <source>no answer from the server for %1 s</source>
        <translation>aucune réponse du serveur depuis %1 s</translation>
    </message>
    <message>
        <source>the link to the server was lost: %1</source>
        <translation>la liaison avec le serveur a été perdue&#xa0;: %1</translation>
    </message>
    <message>
        <source>no answer from the server&apos;s REST API for %1 s</source>
        <translation>aucune réponse de l’API REST du serveur depuis %1 s</translation>
    </message>
    <message>
        <source>the server&apos;s event numbers went back from %1 to %2</source>
        <translation>les numéros d’événement du serveur sont revenus de %1 à %2</translation>
    </message>
    <message>
        <source>the connection failed: %1</source>
        <translation>la connexion a échoué : %1</translation>
    </message>
</context>
<context>
    <name>ControlPanelController</name>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>commands off</source>
        <translation>commandes désactivées</translation>
    </message>
    <message>
        <source>Confirm command</source>
        <translation>Confirmer la commande</translation>
    </message>
    <message>
        <source>Done at %1: %2 (reported late)</source>
        <translation>Terminée à %1&#xa0;: %2 (signalée en retard)</translation>
    </message>
    <message>
        <source>Done at %1: %2</source>
        <translation>Terminée à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Done at %1: %2 (asked for %3; reported late)</source>
        <translation>Fait à %1&#xa0;: %2 (demandé&#xa0;: %3&#xa0;; signalé en retard)</translation>
    </message>
    <message>
        <source>Done at %1: %2 (asked for %3)</source>
        <translation>Fait à %1&#xa0;: %2 (demandé&#xa0;: %3)</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3</source>
        <translation>%1 : %2&#xa0;→&#xa0;%3</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Régler</translation>
    </message>
    <message>
        <source>Not sent: %1: %2</source>
        <translation>Non envoyé : %1 : %2</translation>
    </message>
    <message>
        <source>Not sent: %1: another command is waiting for your confirmation; answer it first.</source>
        <translation>Non envoyé : %1 : une autre commande attend votre confirmation ; répondez-y d’abord.</translation>
    </message>
    <message>
        <source>%1. %2?</source>
        <translation>%1. %2 ?</translation>
    </message>
    <message>
        <source>%1 is marked critical for this console: its commands are sent only once you confirm.</source>
        <translation>%1 est marqué critique pour cette console : ses commandes ne partent qu’après votre confirmation.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent; %1 stays %2.</source>
        <translation>Annulé : rien n’a été envoyé ; %1 reste %2.</translation>
    </message>
    <message>
        <source>Failed: %1: %2 — still %3</source>
        <translation>Échec : %1 : %2 — toujours %3</translation>
    </message>
    <message>
        <source>Rejected: %1: %2 — still %3</source>
        <translation>Refusé : %1 : %2 — toujours %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 changed to %2 while your command (to %3) was pending: the server&apos;s value is shown.</source>
        <translation>%1 est passé à %2 pendant que votre commande (vers %3) était en cours : la valeur du serveur est affichée.</translation>
    </message>
    <message>
        <source>%1 sent %2 to %3 while your command (to %4) was pending: the server&apos;s value is shown.</source>
        <translation>%1 a envoyé %2 à %3 pendant que votre commande (vers %4) était en cours : la valeur du serveur est affichée.</translation>
    </message>
</context>
<context>
    <name>ControlPanelView</name>
    <message>
        <source>No control panel: the server lists no tiles</source>
        <translation>Aucun panneau de commande&#xa0;: le serveur ne liste aucune tuile</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1 for the local database</source>
        <translation>Impossible de créer le dossier %1 pour la base de données locale</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available</source>
        <translation>Le pilote SQLite de Qt (QSQLITE) n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>Opening the local database %1</source>
        <translation>Ouverture de la base de données locale %1</translation>
    </message>
    <message>
        <source>The local database %1 fails its integrity check: %2</source>
        <translation>La base de données locale %1 échoue à la vérification d&apos;intégrité&#xa0;: %2</translation>
    </message>
    <message>
        <source>The local database %1 is damaged and could not be moved aside to %2: %3</source>
        <translation>La base de données locale %1 est endommagée et n&apos;a pas pu être mise de côté vers %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The damaged local database was moved to %1, but %2 could not be moved or removed: %3</source>
        <translation>La base de données locale endommagée a été déplacée vers %1, mais %2 n&apos;a pu être ni déplacé ni supprimé&#xa0;: %3</translation>
    </message>
    <message>
        <source>Preparing the local database %1</source>
        <translation>Préparation de la base de données locale %1</translation>
    </message>
    <message>
        <source>%1 failed: no schema version</source>
        <translation>%1&#xa0;: échec&#xa0;: aucune version de schéma</translation>
    </message>
    <message>
        <source>The local database %1 was written by a newer Watchfloor (schema %2; this one knows %3)</source>
        <translation>La base de données locale %1 a été écrite par une version plus récente de Watchfloor (schéma %2&#xa0;; celle-ci connaît le schéma %3)</translation>
    </message>
    <message>
        <source>The local database %1 has schema %2 and cannot be upgraded read-only</source>
        <translation>La base de données locale %1 est au schéma %2 et ne peut pas être mise à niveau en lecture seule</translation>
    </message>
    <message>
        <source>The local database is not open</source>
        <translation>La base de données locale n&apos;est pas ouverte</translation>
    </message>
    <message>
        <source>the disk is full or the database reached its size limit</source>
        <translation>le disque est plein ou la base de données a atteint sa taille maximale</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>la base de données est en lecture seule</translation>
    </message>
    <message>
        <source>the file is not a valid database</source>
        <translation>le fichier n&apos;est pas une base de données valide</translation>
    </message>
    <message>
        <source>the database is locked by another program</source>
        <translation>la base de données est verrouillée par un autre programme</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>le disque n&apos;a pas pu être lu ou écrit</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>le fichier ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>%1 failed (SQLite error %2: %3)</source>
        <translation>%1&#xa0;: échec (erreur SQLite %2&#xa0;: %3)</translation>
    </message>
    <message>
        <source>%1 failed: %2 (SQLite error %3: %4)</source>
        <translation>%1&#xa0;: échec&#xa0;: %2 (erreur SQLite %3&#xa0;: %4)</translation>
    </message>
    <message>
        <source>Setting the durability of the local database</source>
        <translation>Réglage de la durabilité de la base de données locale</translation>
    </message>
    <message>
        <source>Counting the rows of %1</source>
        <translation>Comptage des lignes de %1</translation>
    </message>
    <message>
        <source>Pruning old entries of %1</source>
        <translation>Suppression des anciennes entrées de %1</translation>
    </message>
    <message>
        <source>Limiting the size of the local database</source>
        <translation>Limitation de la taille de la base de données locale</translation>
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
        <translation>désactivées</translation>
    </message>
    <message>
        <source>window active</source>
        <translation>fenêtre active</translation>
    </message>
    <message>
        <source>no system tray</source>
        <translation>pas de zone de notification</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>[cut for display: %1 characters in all]</source>
        <translation>[coupé pour l’affichage : %1 caractères au total]</translation>
    </message>
</context>
<context>
    <name>DroneDelegate</name>
    <message>
        <source>Idle</source>
        <translation>Au repos</translation>
    </message>
    <message>
        <source>Flying</source>
        <translation>En vol</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>En charge</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
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
        <translation>assemblé</translation>
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
        <translation>%1 FAIBLE</translation>
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
        <translation>Assemblage</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Select a drone to see its details</source>
        <translation>Sélectionnez un drone pour afficher ses détails</translation>
    </message>
    <message>
        <source>%1 · %2 · stale</source>
        <translation>%1 · %2 · obsolète</translation>
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
        <translation>aucune</translation>
    </message>
    <message>
        <source>built</source>
        <translation>assemblé</translation>
    </message>
    <message>
        <source>%1 % · %2 · %3</source>
        <translation>%1 % · %2 · %3</translation>
    </message>
    <message>
        <source>no build report</source>
        <translation>aucun rapport d&apos;assemblage</translation>
    </message>
    <message>
        <source>CPU %1 % · memory %2 % · storage %3 % · %4 °C</source>
        <translation>CPU %1 % · mémoire %2 % · stockage %3 % · %4 °C</translation>
    </message>
    <message>
        <source>no health report yet</source>
        <translation>aucun rapport d&apos;état pour l&apos;instant</translation>
    </message>
    <message>
        <source>No drone selected</source>
        <translation>Aucun drone sélectionné</translation>
    </message>
    <message>
        <source>No battery reports from this drone yet</source>
        <translation>Aucun relevé de batterie de ce drone pour l’instant</translation>
    </message>
</context>
<context>
    <name>DroneModel</name>
    <message>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Assemblage</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>DronesView</name>
    <message>
        <source>Drones</source>
        <translation>Drones</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Low battery only</source>
        <translation>Batterie faible seulement</translation>
    </message>
    <message>
        <source>Search drones</source>
        <translation>Rechercher des drones</translation>
    </message>
    <message>
        <source>Search serial or mission</source>
        <translation>Rechercher n° de série ou mission</translation>
    </message>
    <message>
        <source>%1 drones · %2 flying · %3 charging · %4 in error · %5 offline · %6 low battery</source>
        <translation>%1 drones · %2 en vol · %3 en charge · %4 en erreur · %5 hors ligne · %6 batterie faible</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first drones</source>
        <translation>En attente des premiers drones du serveur</translation>
    </message>
    <message>
        <source>Not live: no drones received yet</source>
        <translation>Pas en direct&#xa0;: aucun drone reçu pour l’instant</translation>
    </message>
</context>
<context>
    <name>EmptyNotice</name>
    <message>
        <source>No rows match the filters</source>
        <translation>Aucune ligne ne correspond aux filtres</translation>
    </message>
</context>
<context>
    <name>EndpointControl</name>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <source>acked</source>
        <translation>acquittée</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>obsolète</translation>
    </message>
    <message>
        <source>Last known value: the endpoint has not reported lately, or the link is not live</source>
        <translation>Dernière valeur connue&#xa0;: le point n&apos;a rien transmis récemment, ou la liaison n&apos;est pas en direct</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Command in progress</source>
        <translation>Commande en cours</translation>
    </message>
    <message>
        <source>requested %1</source>
        <translation>demandé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commands are not possible: %1</source>
        <translation>Commandes impossibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>A command is on its way to this endpoint</source>
        <translation>Une commande est en route vers ce point</translation>
    </message>
    <message>
        <source>Type or step a value, then press Enter or Apply</source>
        <translation>Saisissez ou ajustez une valeur, puis appuyez sur Entrée ou sur Appliquer</translation>
    </message>
    <message>
        <source>Choose, then press Apply</source>
        <translation>Choisissez, puis appuyez sur Appliquer</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(stale: last known value, not live)</source>
        <translation>(obsolète&#xa0;: dernière valeur connue, pas en direct)</translation>
    </message>
    <message>
        <source>, requested %1</source>
        <translation>, demandé&#xa0;: %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1, new value (now %2)</source>
        <translation>%1, nouvelle valeur (actuellement %2)</translation>
    </message>
    <message>
        <source>%1, choice (now %2)</source>
        <translation>%1, choix (actuellement %2)</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>Appliquer %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec pour %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not sent: type a number</source>
        <translation>Non envoyée&#xa0;: saisissez un nombre</translation>
    </message>
    <message>
        <source>sent, unconfirmed</source>
        <translation>envoyé, non confirmé</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>Another operator&apos;s command is on its way to this endpoint: only switching off is possible</source>
        <translation>La commande d&apos;un autre opérateur est en route vers ce point&#xa0;: seul l&apos;arrêt est possible</translation>
    </message>
    <message>
        <source>The value is not live: only switching off is possible</source>
        <translation>La valeur n&apos;est pas en direct&#xa0;: seul l&apos;arrêt est possible</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last known value: the server has lost the source of this value</source>
        <translation>Dernière valeur connue&#xa0;: le serveur a perdu la source de cette valeur</translation>
    </message>
    <message>
        <source>Last known value: the server has lost the source of this value (%1)</source>
        <translation>Dernière valeur connue&#xa0;: le serveur a perdu la source de cette valeur (%1)</translation>
    </message>
    <message>
        <source>%1 is %2 already</source>
        <translation>%1 est déjà %2</translation>
    </message>
    <message>
        <source>Sets %1 to %2</source>
        <translation>Règle %1 sur %2</translation>
    </message>
    <message>
        <source>%1 %2 (now %3)</source>
        <translation>%1 %2 (actuellement %3)</translation>
    </message>
</context>
<context>
    <name>EndpointFact</name>
    <message>
        <source>%1 is switched on or off.</source>
        <translation>%1 se commande en marche/arrêt.</translation>
    </message>
    <message>
        <source>%1 takes one of: %2.</source>
        <translation>%1 accepte l&apos;une des valeurs suivantes&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 takes one of: %2; not %3.</source>
        <translation>%1 accepte l&apos;une des valeurs suivantes&#xa0;: %2&#xa0;; pas %3.</translation>
    </message>
    <message>
        <source>%1 takes a number.</source>
        <translation>%1 attend un nombre.</translation>
    </message>
    <message>
        <source>%1 takes %2 to %3; not %4.</source>
        <translation>%1 accepte de %2 à %3&#xa0;; pas %4.</translation>
    </message>
    <message>
        <source>%1 takes %2 or more; not %3.</source>
        <translation>%1 accepte %2 ou plus&#xa0;; pas %3.</translation>
    </message>
    <message>
        <source>%1 takes %2 or less; not %3.</source>
        <translation>%1 accepte %2 ou moins&#xa0;; pas %3.</translation>
    </message>
    <message>
        <source>%1 moves in steps of %2; not %3.</source>
        <translation>%1 varie par pas de %2&#xa0;; pas %3.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Arrêt</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>A Watchfloor kiosk shows the plant on this screen</source>
        <translation>Un kiosque Watchfloor affiche l&apos;installation sur cet écran</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosque</translation>
    </message>
    <message>
        <source>This screen can only be stopped by its administrator.</source>
        <translation>Seul l&apos;administrateur peut arrêter cet écran.</translation>
    </message>
    <message>
        <source>No exit PIN is set for this kiosk.</source>
        <translation>Aucun code PIN de sortie n&apos;est défini pour ce kiosque.</translation>
    </message>
</context>
<context>
    <name>KioskExitDialog</name>
    <message>
        <source>Stop the kiosk</source>
        <translation>Arrêter le kiosque</translation>
    </message>
    <message>
        <source>Enter the exit PIN to close this screen&apos;s console.</source>
        <translation>Saisissez le code PIN de sortie pour fermer la console de cet écran.</translation>
    </message>
    <message>
        <source>Exit PIN</source>
        <translation>Code PIN de sortie</translation>
    </message>
    <message>
        <source>Close the console</source>
        <translation>Fermer la console</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN, %n time(s) in a row. No PIN is taken for %1 seconds.</source>
        <translation>
            <numerusform>Code PIN erroné (%n échec consécutif). Aucun code PIN n&apos;est accepté pendant %1 secondes.</numerusform>
            <numerusform>Code PIN erroné (%n échecs consécutifs). Aucun code PIN n&apos;est accepté pendant %1 secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a pause.</source>
        <translation>
            <numerusform>Code PIN erroné. Il reste %n tentative avant une pause.</numerusform>
            <numerusform>Code PIN erroné. Il reste %n tentatives avant une pause.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can enter the PIN again.</source>
        <translation>Vous pouvez de nouveau saisir le code PIN.</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>(stale: last known value, not live)</source>
        <translation>(obsolète&#xa0;: dernière valeur connue, pas en direct)</translation>
    </message>
    <message>
        <source>Last known value: the link is not live</source>
        <translation>Dernière valeur connue&#xa0;: la liaison n&apos;est pas en direct</translation>
    </message>
    <message>
        <source>stale · %1</source>
        <translation>obsolète · %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>obsolète</translation>
    </message>
</context>
<context>
    <name>LinkSession</name>
    <message>
        <source>the server refused the token: %1</source>
        <translation>le serveur a refusé le jeton&#xa0;: %1</translation>
    </message>
    <message>
        <source>bad answer to auth: %1</source>
        <translation>réponse incorrecte à l&apos;authentification&#xa0;: %1</translation>
    </message>
    <message>
        <source>the server refused the subscription to %1: %2</source>
        <translation>le serveur a refusé l&apos;abonnement à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>MachineDelegate</name>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>En panne</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
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
        <translation>Machine</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Tickets ouverts</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>MachinesView</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Search machines</source>
        <translation>Rechercher des machines</translation>
    </message>
    <message>
        <source>Search machine id or name</source>
        <translation>Rechercher identifiant ou nom de machine</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (obsolète)</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Open maintenance tickets</source>
        <translation>Tickets de maintenance ouverts</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 down · %4 in maintenance</source>
        <translation>%1 affichées sur %2 · %3 en panne · %4 en maintenance</translation>
    </message>
    <message>
        <source>No machine selected</source>
        <translation>Aucune machine sélectionnée</translation>
    </message>
    <message>
        <source>Select a machine in the table to see its utilization and tickets.</source>
        <translation>Sélectionnez une machine dans le tableau pour afficher son utilisation et ses tickets.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Utilization %1 % · %2 produced</source>
        <translation>Utilisation %1 % · production %2</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · mise à jour %2</translation>
    </message>
    <message>
        <source>Open maintenance tickets (%1)</source>
        <translation>Tickets de maintenance ouverts (%1)</translation>
    </message>
    <message>
        <source>Utilization of %1</source>
        <translation>Utilisation de %1</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first machines</source>
        <translation>En attente des premières machines du serveur</translation>
    </message>
    <message>
        <source>Not live: no machines received yet</source>
        <translation>Pas en direct&#xa0;: aucune machine reçue pour l’instant</translation>
    </message>
    <message>
        <source>Select a machine to see its utilization</source>
        <translation>Sélectionnez une machine pour voir son utilisation</translation>
    </message>
    <message>
        <source>No utilization reports from this machine yet</source>
        <translation>Aucun relevé d’utilisation de cette machine pour l’instant</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Save diagnostics…</source>
        <translation>Enregistrer le diagnostic…</translation>
    </message>
    <message>
        <source>Save what this console is showing, for support staff, as a JSON file (%1)</source>
        <translation>Enregistrer ce qu&apos;affiche cette console, pour l&apos;assistance, dans un fichier JSON (%1)</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Enregistrer le diagnostic</translation>
    </message>
    <message>
        <source>JSON documents (*.json)</source>
        <translation>Documents JSON (*.json)</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to %1: %2</source>
        <translation>Le diagnostic n&apos;a pas pu être enregistré dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>no diagnostics are available</source>
        <translation>aucun diagnostic disponible</translation>
    </message>
    <message>
        <source>Watchfloor — %1</source>
        <translation>Watchfloor — %1</translation>
    </message>
    <message>
        <source>Open in new window</source>
        <translation>Ouvrir dans une nouvelle fenêtre</translation>
    </message>
    <message>
        <source>Open the current view in a window of its own (%1)</source>
        <translation>Ouvrir la vue actuelle dans une fenêtre distincte (%1)</translation>
    </message>
    <message>
        <source>The command log could not be saved: %1</source>
        <translation>Le journal des commandes n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Drones</source>
        <translation>Drones</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Control panel</source>
        <translation>Panneau de commande</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Command log</source>
        <translation>Journal des commandes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open %1 in new window</source>
        <translation>Ouvrir %1 dans une nouvelle fenêtre</translation>
    </message>
    <message>
        <source>Open windows</source>
        <translation>Fenêtres ouvertes</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Préférences…</translation>
    </message>
    <message>
        <source>Toasts, sound, desktop notifications, theme and live updates (%1)</source>
        <translation>Bulles, son, notifications de bureau, thème et mises à jour en direct (%1)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
</context>
<context>
    <name>NoticeCode</name>
    <message>
        <source>NOTICE</source>
        <translation>AVIS</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>FAIT</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>AVERTISSEMENT</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
    <message>
        <source>%1 ×%2, last %3</source>
        <comment>a notice repeated: its text, how many times, the latest&apos;s time</comment>
        <translation>%1 ×%2, dernier %3</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Notifications&#xa0;: %n non lue</numerusform>
            <numerusform>Notifications&#xa0;: %n non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Open the notification center (Ctrl+Shift+A)</source>
        <translation>Ouvrir le centre de notifications (Ctrl+Shift+A)</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent</source>
        <comment>alarm actions the server has not confirmed</comment>
        <translation>
            <numerusform>%n non envoyée</numerusform>
            <numerusform>%n non envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n alarm action(s) of this console not yet confirmed by the server)</source>
        <translation>
            <numerusform>(%n action sur alarme de cette console pas encore confirmée par le serveur)</numerusform>
            <numerusform>(%n actions sur alarmes de cette console pas encore confirmées par le serveur)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>alarms not acknowledged (AlarmModel::unacknowledgedCount)</comment>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n alarm(s) waiting for acknowledgement, the most urgent %1)</source>
        <translation>
            <numerusform>(%n alarme en attente d’acquittement, la plus urgente %1)</numerusform>
            <numerusform>(%n alarmes en attente d’acquittement, la plus urgente %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s)</source>
        <comment>unread server notices, never alarms</comment>
        <translation>
            <numerusform>%n avis</numerusform>
            <numerusform>%n avis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n unread server notice(s))</source>
        <translation>
            <numerusform>(%n avis du serveur non lu)</numerusform>
            <numerusform>(%n avis du serveur non lus)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>The notification %1 is no longer listed.</source>
        <translation>La notification %1 n&apos;est plus listée.</translation>
    </message>
    <message>
        <source>Nothing to acknowledge: “%1” is not an alarm waiting for an acknowledgement.</source>
        <translation>Rien à acquitter&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas une alarme en attente d&apos;acquittement.</translation>
    </message>
    <message>
        <source>Link to the server restored</source>
        <translation>Liaison avec le serveur rétablie</translation>
    </message>
    <message numerus="yes">
        <source>The data on screen was not live for %n second(s).</source>
        <translation>
            <numerusform>Les données affichées n&apos;étaient pas en direct pendant %n seconde.</numerusform>
            <numerusform>Les données affichées n&apos;étaient pas en direct pendant %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Link to the server lost</source>
        <translation>Liaison avec le serveur perdue</translation>
    </message>
    <message>
        <source>The device reported success after this console had stopped waiting.</source>
        <translation>L&apos;appareil a signalé la réussite après que cette console a cessé d&apos;attendre.</translation>
    </message>
    <message>
        <source>%1 changed to %2 while your command was pending</source>
        <translation>%1 est passé à %2 pendant que votre commande était en cours</translation>
    </message>
    <message>
        <source>%1: %2 sent a command while yours was pending</source>
        <translation>%1&#xa0;: %2 a envoyé une commande pendant que la vôtre était en cours</translation>
    </message>
    <message>
        <source>The server&apos;s value is shown; check it before acting again.</source>
        <translation>La valeur du serveur est affichée&#xa0;; vérifiez-la avant d&apos;agir à nouveau.</translation>
    </message>
    <message>
        <source>The local database was damaged and replaced</source>
        <translation>La base de données locale était endommagée et a été remplacée</translation>
    </message>
    <message>
        <source>Acknowledgements and shelvings that were waiting in it for the server are lost, and so is the notification history. Check the alarm list: an alarm you acknowledged while the link was down may still need it. The damaged file was kept as %1.</source>
        <translation>Les acquittements et mises en attente qui y attendaient le serveur sont perdus, ainsi que l’historique des notifications. Vérifiez la liste des alarmes : une alarme acquittée pendant une coupure peut encore en avoir besoin. Le fichier endommagé a été conservé sous %1.</translation>
    </message>
    <message>
        <source>%1 of “%2” not applied: the alarm came back</source>
        <translation>%1 de « %2 » non appliqué : l’alarme est revenue</translation>
    </message>
    <message>
        <source>The alarm has activated again since you acted; the new occurrence must be acknowledged again. (%1)</source>
        <translation>L’alarme s’est redéclenchée depuis votre action ; la nouvelle occurrence doit être acquittée à nouveau. (%1)</translation>
    </message>
    <message>
        <source>%1 of “%2” not sent: it waited too long</source>
        <translation>%1 de « %2 » non envoyé : attente trop longue</translation>
    </message>
    <message>
        <source>Look at the alarm as it is now and act again if it still needs it. (%1)</source>
        <translation>Examinez l’alarme telle qu’elle est maintenant et agissez à nouveau si elle le demande encore. (%1)</translation>
    </message>
    <message>
        <source>%1 of “%2” refused</source>
        <translation>%1 de « %2 » refusé</translation>
    </message>
    <message>
        <source>The action was not carried out and will not be retried: %1 (%2)</source>
        <translation>L’action n’a pas été effectuée et ne sera pas retentée : %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3 done</source>
        <translation>%1 : %2&#xa0;→&#xa0;%3 fait</translation>
    </message>
    <message>
        <source>%1: %2&#xa0;→&#xa0;%3 not done: %4</source>
        <translation>%1 : %2&#xa0;→&#xa0;%3 non fait : %4</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) arrived in the resync</source>
        <translation>
            <numerusform>%n alarme arrivée avec la resynchronisation</numerusform>
            <numerusform>%n alarmes arrivées avec la resynchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised while this console was not receiving updates; the most urgent: “%1”. Each one is in the notification center and the Alarms view.</source>
        <translation>Déclenchées pendant que cette console ne recevait pas de mises à jour ; la plus urgente&#xa0;: «&#xa0;%1&#xa0;». Chacune figure dans le centre de notifications et dans la vue Alarmes.</translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liaison</translation>
    </message>
    <message numerus="yes">
        <source>%n activation(s)</source>
        <translation>
            <numerusform>%n activation</numerusform>
            <numerusform>%n activations</numerusform>
        </translation>
    </message>
    <message>
        <source>earlier run</source>
        <translation>exécution précédente</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Acquittée par %1 à %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acquittée par %1</translation>
    </message>
    <message>
        <source>State not known yet</source>
        <translation>État pas encore connu</translation>
    </message>
    <message>
        <source>Waiting for acknowledgement</source>
        <translation>En attente d&apos;acquittement</translation>
    </message>
    <message>
        <source>Returned to normal, waiting for acknowledgement</source>
        <translation>Disparue, en attente d&apos;acquittement</translation>
    </message>
    <message>
        <source>Acknowledged, still active</source>
        <translation>Acquittée, toujours active</translation>
    </message>
    <message>
        <source> · still active</source>
        <translation> · toujours active</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Effacée</translation>
    </message>
    <message>
        <source> · cleared</source>
        <translation> · effacée</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Inhibée</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lue</translation>
    </message>
    <message>
        <source>No longer reported by the server</source>
        <translation>Plus signalée par le serveur</translation>
    </message>
    <message>
        <source> · no longer reported by the server</source>
        <translation> · plus signalée par le serveur</translation>
    </message>
    <message>
        <source>Over: the alarm has activated again</source>
        <translation>Terminée : l’alarme s’est de nouveau déclenchée</translation>
    </message>
    <message>
        <source> · over: the alarm has activated again</source>
        <translation> · terminée : l’alarme s’est de nouveau déclenchée</translation>
    </message>
</context>
<context>
    <name>NotificationLog</name>
    <message>
        <source>Storing notification %1</source>
        <translation>Enregistrement de la notification %1</translation>
    </message>
    <message>
        <source>Updating notification %1</source>
        <translation>Mise à jour de la notification %1</translation>
    </message>
    <message>
        <source>Reading the notification history</source>
        <translation>Lecture de l&apos;historique des notifications</translation>
    </message>
    <message>
        <source>Counting unread notifications</source>
        <translation>Comptage des notifications non lues</translation>
    </message>
    <message>
        <source>Marking notification %1 read</source>
        <translation>Marquage de la notification %1 comme lue</translation>
    </message>
    <message>
        <source>%1 failed: no such notification</source>
        <translation>%1&#xa0;: échec&#xa0;: notification introuvable</translation>
    </message>
    <message>
        <source>Marking all notifications read</source>
        <translation>Marquage de toutes les notifications comme lues</translation>
    </message>
    <message>
        <source>Clearing the notification history</source>
        <translation>Effacement de l&apos;historique des notifications</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Notification center</source>
        <translation>Centre de notifications</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the notification center (Esc)</source>
        <translation>Fermer le centre de notifications (Échap)</translation>
    </message>
    <message>
        <source>Notifications, newest first</source>
        <translation>Notifications, les plus récentes en premier</translation>
    </message>
    <message>
        <source>The notification history could not be saved: %1</source>
        <translation>L&apos;historique des notifications n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Search text, source, operator…</source>
        <translation>Rechercher texte, source, opérateur…</translation>
    </message>
    <message>
        <source>Search notifications</source>
        <translation>Rechercher des notifications</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Gravité minimale</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Toutes les gravités</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Basse et plus</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Moyenne et plus</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Haute et plus</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critique seulement</translation>
    </message>
    <message>
        <source>Kind of notification</source>
        <translation>Type de notification</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Server notices</source>
        <translation>Avis du serveur</translation>
    </message>
    <message>
        <source>Link to the server</source>
        <translation>Liaison avec le serveur</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>&amp;Non lues seulement</translation>
    </message>
    <message>
        <source>Waiting for ac&amp;knowledgement</source>
        <translation>En attente d&apos;ac&amp;quittement</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Acquitter…</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;listed…</source>
        <translation>Acquitter toute la &amp;liste…</translation>
    </message>
    <message>
        <source>&amp;Mark all read</source>
        <translation>Tout &amp;marquer comme lu</translation>
    </message>
    <message>
        <source>Mark every notification read; alarms stay unacknowledged</source>
        <translation>Marquer toutes les notifications comme lues&#xa0;; les alarmes restent non acquittées</translation>
    </message>
    <message>
        <source>Clear &amp;history…</source>
        <translation>Effacer l&apos;&amp;historique…</translation>
    </message>
    <message>
        <source>Forget past notifications on this console; alarms still waiting stay listed</source>
        <translation>Oublier les notifications passées sur cette console&#xa0;; les alarmes encore en attente restent listées</translation>
    </message>
    <message>
        <source>Your role (viewer) may read notifications but not acknowledge alarms.</source>
        <translation>Votre rôle (observateur) permet de lire les notifications, mais pas d&apos;acquitter les alarmes.</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Acquittement</translation>
    </message>
    <message>
        <source>Acknowledgement of all listed alarms</source>
        <translation>Acquittement de toutes les alarmes listées</translation>
    </message>
    <message numerus="yes">
        <source>%1 sent for %n alarm(s).</source>
        <translation>
            <numerusform>%1 envoyé pour %n alarme.</numerusform>
            <numerusform>%1 envoyé pour %n alarmes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 sent. %4</source>
        <translation>%1&#xa0;: %2 sur %3 envoyés. %4</translation>
    </message>
    <message>
        <source>Clear notification history</source>
        <translation>Effacer l&apos;historique des notifications</translation>
    </message>
    <message>
        <source>Forget every past notification on this console? Alarms still waiting for an acknowledgement stay listed. The server&apos;s alarms are not changed.</source>
        <translation>Oublier toutes les notifications passées sur cette console&#xa0;? Les alarmes encore en attente d&apos;acquittement restent listées. Les alarmes du serveur ne sont pas modifiées.</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
    <message>
        <source>Notification history cleared.</source>
        <translation>Historique des notifications effacé.</translation>
    </message>
    <message>
        <source>The history could not be cleared: %1</source>
        <translation>L&apos;historique n&apos;a pas pu être effacé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Acknowledge all &amp;listed (%1)…</source>
        <translation>Acquitter toute la &amp;liste (%1)…</translation>
    </message>
    <message>
        <source>; a note is required</source>
        <translation>&#xa0;; une note est obligatoire</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarms (Enter)</source>
        <translation>Acquitter les alarmes sélectionnées (Entrée)</translation>
    </message>
    <message>
        <source>Acknowledge every listed alarm waiting, after a confirmation</source>
        <translation>Acquitter toutes les alarmes listées en attente, après confirmation</translation>
    </message>
    <message>
        <source>This screen only watches: acknowledge alarms from an operator workstation.</source>
        <translation>Cet écran ne fait que surveiller : acquittez les alarmes depuis un poste d’opérateur.</translation>
    </message>
    <message>
        <source>%1 listed of %2 · %3 unread · %4 alarms waiting for acknowledgement</source>
        <translation>%1 affichées sur %2 · %3 non lues · %4 alarmes en attente d’acquittement</translation>
    </message>
    <message>
        <source>No notifications</source>
        <translation>Aucune notification</translation>
    </message>
</context>
<context>
    <name>OperatorModel</name>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Last action at</source>
        <translation>Dernière action à</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Drones</source>
        <translation>Drones</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>Machines</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Non acquittées</translation>
    </message>
    <message>
        <source>Flying</source>
        <translation>En vol</translation>
    </message>
    <message>
        <source>Charging</source>
        <translation>En charge</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Au repos</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Low battery</source>
        <translation>Batterie faible</translation>
    </message>
    <message>
        <source>Builds in progress</source>
        <translation>En assemblage</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>En panne</translation>
    </message>
    <message>
        <source>Operators online</source>
        <translation>Opérateurs en ligne</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Server load</source>
        <translation>Charge du serveur</translation>
    </message>
    <message>
        <source>Fleet battery</source>
        <translation>Batterie de la flotte</translation>
    </message>
    <message>
        <source>Mean battery</source>
        <translation>Batterie moyenne</translation>
    </message>
    <message>
        <source>New alarms per minute</source>
        <translation>Nouvelles alarmes par minute</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Not reporting</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Défaut</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>Presque plein</translation>
    </message>
    <message>
        <source>%1 — stale, not live</source>
        <translation>%1 — obsolète, pas en direct</translation>
    </message>
    <message>
        <source>Above %1 %</source>
        <translation>Au-dessus de %1 %</translation>
    </message>
    <message>
        <source>Limit %1 %</source>
        <translation>Limite %1 %</translation>
    </message>
    <message>
        <source>Below %1 %</source>
        <translation>Sous %1 %</translation>
    </message>
    <message>
        <source>Low %1 %</source>
        <translation>Seuil bas %1 %</translation>
    </message>
    <message>
        <source>Flood: above %1</source>
        <translation>Avalanche&#xa0;: au-dessus de %1</translation>
    </message>
    <message>
        <source>Flood above %1</source>
        <translation>Seuil d&apos;avalanche %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>%1 — not live, %2</source>
        <translation>%1 — pas en direct, %2</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first load report</source>
        <translation>En attente du premier relevé de charge du serveur</translation>
    </message>
    <message numerus="yes">
        <source>No sample of the fleet&apos;s battery yet: one every %n s while live</source>
        <translation>
            <numerusform>Pas encore de relevé de la batterie de la flotte : un toutes les %n s en direct</numerusform>
            <numerusform>Pas encore de relevé de la batterie de la flotte : un toutes les %n s en direct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinHash</name>
    <message>
        <source>the PIN hash is empty</source>
        <translation>l&apos;empreinte du code PIN est vide</translation>
    </message>
    <message>
        <source>a PIN hash has four parts separated by colons: pbkdf2-sha256:&lt;iterations&gt;:&lt;salt&gt;:&lt;key&gt;</source>
        <translation>une empreinte de code PIN comporte quatre parties séparées par des deux-points&#xa0;: pbkdf2-sha256:&lt;itérations&gt;:&lt;sel&gt;:&lt;clé&gt;</translation>
    </message>
    <message>
        <source>unknown PIN hash scheme “%1”; only pbkdf2-sha256 is supported</source>
        <translation>schéma d&apos;empreinte de code PIN «&#xa0;%1&#xa0;» inconnu&#xa0;; seul pbkdf2-sha256 est pris en charge</translation>
    </message>
    <message>
        <source>the iteration count “%1” is not a number from %2 to %3</source>
        <translation>le nombre d&apos;itérations «&#xa0;%1&#xa0;» n&apos;est pas un nombre de %2 à %3</translation>
    </message>
    <message>
        <source>the salt must be %1 hexadecimal digits</source>
        <translation>le sel doit compter %1 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>the key must be %1 hexadecimal digits</source>
        <translation>la clé doit compter %1 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>a PIN has digits only (0–9)</source>
        <translation>un code PIN ne comporte que des chiffres (0–9)</translation>
    </message>
    <message>
        <source>a PIN has %1 to %2 digits</source>
        <translation>un code PIN comporte de %1 à %2 chiffres</translation>
    </message>
</context>
<context>
    <name>PollingClient</name>
    <message>
        <source>the console stopped polling</source>
        <translation>la console a arrêté la scrutation</translation>
    </message>
    <message>
        <source>no answer from the server within the timeout</source>
        <translation>aucune réponse du serveur dans le délai imparti</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>le serveur a répondu HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>the REST answer is not a JSON object</source>
        <translation>la réponse REST n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the REST snapshot has no journal seq</source>
        <translation>l&apos;instantané REST n&apos;a pas de numéro de séquence (seq) du journal</translation>
    </message>
    <message>
        <source>the server sent no snapshot of the channel %1</source>
        <translation>le serveur n&apos;a envoyé aucun instantané du canal %1</translation>
    </message>
    <message>
        <source>the console is not polling the server</source>
        <translation>la console ne scrute pas le serveur</translation>
    </message>
    <message>
        <source>%1 needs an alarmId</source>
        <translation>%1 nécessite un alarmId</translation>
    </message>
    <message>
        <source>%1 cannot be sent while polling</source>
        <translation>%1 ne peut pas être envoyé pendant la scrutation</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>aucune réponse à %1 en %2 s</translation>
    </message>
    <message>
        <source>the answer to %1 is not a JSON object</source>
        <translation>la réponse à %1 n&apos;est pas un objet JSON</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Play a &amp;sound for critical alarms</source>
        <translation>Émettre un &amp;son pour les alarmes critiques</translation>
    </message>
    <message>
        <source>&amp;Desktop notifications while the window is not active</source>
        <translation>&amp;Notifications de bureau quand la fenêtre n&apos;est pas active</translation>
    </message>
    <message>
        <source>&amp;Live updates from the server</source>
        <translation>Mises à jour en &amp;direct depuis le serveur</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Couper</translation>
    </message>
    <message>
        <source>U&amp;nmute</source>
        <translation>Rétab&amp;lir</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Toasts from severity</source>
        <translation>Bulles à partir de la gravité</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critique seulement</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Haute et plus</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Moyenne et plus</translation>
    </message>
    <message>
        <source>Low and above</source>
        <translation>Basse et plus</translation>
    </message>
    <message>
        <source>All, including info</source>
        <translation>Toutes, y compris info</translation>
    </message>
    <message>
        <source>&amp;Toasts for:</source>
        <translation>&amp;Bulles pour&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Repeat the sound of one alarm at most every, in seconds</source>
        <translation>Intervalle minimal entre deux répétitions du son d&apos;une même alarme, en secondes</translation>
    </message>
    <message>
        <source>&amp;Repeat at most every:</source>
        <translation>&amp;Répéter au plus toutes les&#xa0;:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mute sound for minutes</source>
        <translation>Durée de coupure du son, en minutes</translation>
    </message>
    <message>
        <source>Mute sound</source>
        <translation>Couper le son</translation>
    </message>
    <message>
        <source>Unmute sound</source>
        <translation>Rétablir le son</translation>
    </message>
    <message>
        <source>Mute sound &amp;for:</source>
        <translation>Couper le son &amp;pendant&#xa0;:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Sound muted until %1</source>
        <translation>Son coupé jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Sound not muted</source>
        <translation>Son actif</translation>
    </message>
    <message>
        <source>Switched off for this workstation by its profile.</source>
        <translation>Désactivé pour ce poste de travail par son profil.</translation>
    </message>
</context>
<context>
    <name>PriorityCode</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>diamond with an exclamation mark</source>
        <translation>losange avec point d’exclamation</translation>
    </message>
    <message>
        <source>triangle pointing up with an exclamation mark</source>
        <translation>triangle pointe en haut avec point d’exclamation</translation>
    </message>
    <message>
        <source>square</source>
        <translation>carré</translation>
    </message>
    <message>
        <source>triangle pointing down</source>
        <translation>triangle pointe en bas</translation>
    </message>
    <message>
        <source>small ring</source>
        <translation>petit anneau</translation>
    </message>
    <message>
        <source>circle with a question mark</source>
        <translation>cercle avec point d’interrogation</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>%1: cannot read the profile: %2</source>
        <translation>%1&#xa0;: impossible de lire le profil&#xa0;: %2</translation>
    </message>
    <message>
        <source>malformed section header</source>
        <translation>en-tête de section mal formé</translation>
    </message>
    <message>
        <source>expected key=value</source>
        <translation>attendu&#xa0;: clé=valeur</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL with a host</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL ws:// ou wss:// avec un hôte</translation>
    </message>
    <message>
        <source>the token is already given by %1; give only one of token, token-file, token-env</source>
        <translation>le jeton est déjà fourni par %1&#xa0;; indiquez une seule des clés token, token-file, token-env</translation>
    </message>
    <message>
        <source>cannot read the token file %1: %2</source>
        <translation>impossible de lire le fichier de jeton %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the token file %1 is empty</source>
        <translation>le fichier de jeton %1 est vide</translation>
    </message>
    <message>
        <source>the environment variable %1 is not set</source>
        <translation>la variable d&apos;environnement %1 n&apos;est pas définie</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of auto, watchfloor, plain, socketio</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de&#xa0;: auto, watchfloor, plain, socketio</translation>
    </message>
    <message>
        <source>cannot read the CA file %1</source>
        <translation>impossible de lire le fichier d&apos;AC %1</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>attendu&#xa0;: true ou false</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>attendu&#xa0;: un nombre entier de %1 à %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of critical, high, medium, low, info</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de&#xa0;: critical, high, medium, low, info</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of light, dark</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de&#xa0;: light, dark</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an endpoint id (a list is separated by commas)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un identifiant de point (une liste se sépare par des virgules)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>«&#xa0;%1&#xa0;» figure deux fois</translation>
    </message>
    <message>
        <source>expected at least one of %1</source>
        <translation>attendu&#xa0;: au moins un élément parmi %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key chord of at least two modifiers and one key, such as Ctrl+Alt+Shift+Q</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une combinaison d&apos;au moins deux modificateurs et d&apos;une touche, comme Ctrl+Alt+Shift+Q</translation>
    </message>
    <message>
        <source>not a PIN hash made by watchfloor --hash-pin: %1</source>
        <translation>ce n&apos;est pas une empreinte de code PIN produite par watchfloor --hash-pin&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not system or a language the console speaks (%2), such as de or fr_CH</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni system ni une langue disponible dans la console (%2), par exemple de ou fr_CH</translation>
    </message>
    <message>
        <source>unknown section [%1] (expected one of %2)</source>
        <translation>section [%1] inconnue (attendu&#xa0;: l&apos;une de %2)</translation>
    </message>
    <message>
        <source>a key before the first [section]</source>
        <translation>clé placée avant la première [section]</translation>
    </message>
    <message>
        <source>this switch is now %1</source>
        <translation>ce réglage a été déplacé vers %1</translation>
    </message>
    <message>
        <source>given twice (first on line %1)</source>
        <translation>indiquée deux fois (la première fois à la ligne %1)</translation>
    </message>
    <message>
        <source>%1: [simulator] enabled=true and [server] url exclude each other: give one</source>
        <translation>%1&#xa0;: [simulator] enabled=true et [server] url s&apos;excluent mutuellement&#xa0;: indiquez l&apos;un ou l&apos;autre</translation>
    </message>
    <message>
        <source>%1: [server] url is required (or [simulator] enabled=true)</source>
        <translation>%1&#xa0;: [server] url est obligatoire (ou [simulator] enabled=true)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not &quot;kind or endpoint id: on word/off word&quot; (e.g. &quot;pump: Start/Stop&quot;)</source>
        <translation>« %1 » n’est pas « type ou identifiant de point : mot de marche/mot d’arrêt » (p. ex. « pump: Démarrer/Arrêter »)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of hold-on-alarms, rotate</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de&#xa0;: hold-on-alarms, rotate</translation>
    </message>
    <message>
        <source>unknown key (expected label.&lt;server text&gt; or message.&lt;server template&gt;)</source>
        <translation>clé inconnue (attendu&#xa0;: label.&lt;texte du serveur&gt; ou message.&lt;modèle du serveur&gt;)</translation>
    </message>
</context>
<context>
    <name>ProfileCatalog</name>
    <message>
        <source>no profile named</source>
        <translation>aucun nom de profil indiqué</translation>
    </message>
    <message>
        <source>no profile &quot;%1&quot;: not in %2, not in %3, and no such file</source>
        <translation>aucun profil «&#xa0;%1&#xa0;»&#xa0;: ni dans %2, ni dans %3, et aucun fichier de ce nom</translation>
    </message>
    <message>
        <source>a profile name is 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and does not start with &apos;-&apos; or &apos;.&apos;</source>
        <translation>un nom de profil compte de 1 à 64 lettres, chiffres, «&#xa0;-&#xa0;», «&#xa0;_&#xa0;» ou «&#xa0;.&#xa0;», et ne commence ni par «&#xa0;-&#xa0;» ni par «&#xa0;.&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// or wss:// URL with a host</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL ws:// ou wss:// avec un hôte</translation>
    </message>
    <message>
        <source>the token and the operator name must be one line each, without control characters or spaces at either end</source>
        <translation>le jeton et le nom d&apos;opérateur doivent tenir chacun sur une ligne, sans caractères de contrôle ni espaces au début ou à la fin</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>a profile named &quot;%1&quot; already exists (%2)</source>
        <translation>un profil nommé «&#xa0;%1&#xa0;» existe déjà (%2)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ProfileCheck</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse dans un délai de %1 s</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>rôle %1</translation>
    </message>
    <message>
        <source>not asked by this server (%1 dialect)</source>
        <translation>non demandée par ce serveur (dialecte %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) live after %1 ms</source>
        <translation>
            <numerusform>%n canal en direct après %1 ms</numerusform>
            <numerusform>%n canaux en direct après %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>the link closed before the ping</source>
        <translation>la liaison s&apos;est fermée avant le ping</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>authenticate</source>
        <translation>authentification</translation>
    </message>
    <message>
        <source>subscribe and snapshots</source>
        <translation>abonnement et instantanés</translation>
    </message>
    <message>
        <source>round trip</source>
        <translation>aller-retour</translation>
    </message>
    <message>
        <source>profile: %1</source>
        <translation>profile: %1</translation>
    </message>
    <message>
        <source>  valid: ok</source>
        <translation>  valide: ok</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>(the built-in simulator)</source>
        <translation>(le simulateur intégré)</translation>
    </message>
    <message>
        <source>server: %1</source>
        <translation>serveur: %1</translation>
    </message>
    <message>
        <source>dialect: %1</source>
        <translation>dialecte: %1</translation>
    </message>
    <message>
        <source>role: %1</source>
        <translation>rôle: %1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>aucun indiqué</translation>
    </message>
    <message>
        <source>round trip: %1</source>
        <translation>aller-retour: %1</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>entities: %1</source>
        <translation>entités: %1</translation>
    </message>
    <message>
        <source>unacknowledged alarms: %1 (critical %2, critical or high %3)</source>
        <translation>alarmes non acquittées: %1 (critiques %2, critiques ou hautes %3)</translation>
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
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>This workstation&apos;s</source>
        <translation>Profil du poste de travail</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Intégré</translation>
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
        <translation>Enregistrement du point de reprise</translation>
    </message>
    <message>
        <source>Reading the resume point</source>
        <translation>Lecture du point de reprise</translation>
    </message>
    <message>
        <source>Clearing the resume point</source>
        <translation>Effacement du point de reprise</translation>
    </message>
</context>
<context>
    <name>ScreenKeeper</name>
    <message>
        <source>The screen may blank while the kiosk runs: %1</source>
        <translation>L&apos;écran risque de se mettre en veille pendant le mode kiosque&#xa0;: %1</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to ask the desktop to keep the screen on</source>
        <translation>aucun bus de session D-Bus ne permet de demander au bureau de garder l&apos;écran allumé</translation>
    </message>
    <message>
        <source>the desktop offers no screen saver service (%1) to keep the screen on</source>
        <translation>le bureau ne propose aucun service d&apos;économiseur d&apos;écran (%1) pour garder l&apos;écran allumé</translation>
    </message>
    <message>
        <source>the desktop&apos;s screen saver service refused to keep the screen on: %1</source>
        <translation>le service d&apos;économiseur d&apos;écran du bureau a refusé de garder l&apos;écran allumé&#xa0;: %1</translation>
    </message>
    <message>
        <source>this console was built without D-Bus support, so it cannot ask the desktop to keep the screen on</source>
        <translation>cette console a été compilée sans prise en charge de D-Bus&#xa0;; elle ne peut donc pas demander au bureau de garder l&apos;écran allumé</translation>
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
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Mise à jour</translation>
    </message>
</context>
<context>
    <name>ServerTexts</name>
    <message>
        <source>a brace that is not part of a placeholder such as {source} or {number}</source>
        <translation>une accolade qui ne fait pas partie d’un paramètre tel que {source} ou {number}</translation>
    </message>
    <message>
        <source>a label needs the server&apos;s text and the text shown</source>
        <translation>un libellé demande le texte du serveur et le texte affiché</translation>
    </message>
    <message>
        <source>the label &quot;%1&quot; is given twice</source>
        <translation>le libellé «&#xa0;%1&#xa0;» est donné deux fois</translation>
    </message>
    <message>
        <source>a message needs the server&apos;s template and its translation</source>
        <translation>un message demande le modèle du serveur et sa traduction</translation>
    </message>
    <message>
        <source>in the template: %1</source>
        <translation>dans le modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>the template has no placeholder; a fixed text is a label</source>
        <translation>le modèle n’a aucun paramètre&#xa0;; un texte fixe est un libellé (label)</translation>
    </message>
    <message>
        <source>the template has {%1} more than once</source>
        <translation>le modèle contient {%1} plus d’une fois</translation>
    </message>
    <message>
        <source>in the translation: %1</source>
        <translation>dans la traduction&#xa0;: %1</translation>
    </message>
    <message>
        <source>the translation has {%1}, which the template does not</source>
        <translation>la traduction contient {%1}, que le modèle n’a pas</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <source>Shelve alarms</source>
        <translation>Inhiber des alarmes</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>Alarms to shelve: %1</source>
        <translation>Alarmes à inhiber&#xa0;: %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Shelve for minutes</source>
        <translation>Durée d&apos;inhibition, en minutes</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Why, for the next shift (required)</source>
        <translation>Motif, à l&apos;attention de l&apos;équipe suivante (obligatoire)</translation>
    </message>
    <message>
        <source>Shelve reason</source>
        <translation>Motif d&apos;inhibition</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>Inhiber</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Recorded as:</source>
        <translation>Enregistré au nom de :</translation>
    </message>
    <message>
        <source>A reason is required: a shelved alarm is silenced for every console, and the operators who find it shelved, this shift or the next, read why.</source>
        <translation>Une raison est requise : une alarme inhibée se tait sur toutes les consoles, et les opérateurs qui la trouvent inhibée, cette équipe ou la suivante, lisent pourquoi.</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>NOT LIVE — no data received from the server yet.</source>
        <translation>PAS EN DIRECT — aucune donnée reçue du serveur pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Link: %1.</source>
        <translation>Liaison&#xa0;: %1.</translation>
    </message>
    <message>
        <source>PAUSED for %1, last received %2 — live updates are off; the values below are as last received.</source>
        <translation>EN PAUSE depuis %1, dernière réception %2 — les mises à jour en direct sont coupées ; les valeurs ci-dessous sont les dernières reçues.</translation>
    </message>
    <message>
        <source>NOT LIVE for %1, last received %2 — the values below may be out of date.</source>
        <translation>PAS EN DIRECT depuis %1, dernière réception %2 — les valeurs ci-dessous peuvent être périmées.</translation>
    </message>
    <message>
        <source>Resume live updates</source>
        <translation>Reprendre le direct</translation>
    </message>
    <message>
        <source>Turn live updates from the server back on</source>
        <translation>Rétablir les mises à jour en direct du serveur</translation>
    </message>
    <message>
        <source>PAUSED — live updates are off: nothing on screen is live, no data has been received from the server.</source>
        <translation>EN PAUSE — les mises à jour en direct sont coupées&#xa0;: rien à l&apos;écran n&apos;est en direct, aucune donnée n&apos;a été reçue du serveur.</translation>
    </message>
</context>
<context>
    <name>StaleHeadline</name>
    <message>
        <source>%1 · %2 stale</source>
        <translation>%1 · %2 périmés</translation>
    </message>
    <message>
        <source>Last known, %1: %2</source>
        <translation>Dernier état connu, %1 : %2</translation>
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
        <translation>Démarrer Watchfloor</translation>
    </message>
    <message>
        <source>Choose the profile to connect with, or start the demo on this computer.</source>
        <translation>Choisissez le profil avec lequel vous connecter, ou lancez la démo sur cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profils</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Start &amp;demo</source>
        <translation>Lancer la &amp;démo</translation>
    </message>
    <message>
        <source>Runs the built-in simulator on this computer and connects to it; nothing leaves this computer.</source>
        <translation>Exécute le simulateur intégré sur cet ordinateur et s&apos;y connecte&#xa0;; aucune donnée ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Nouveau profil…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Saved in %1, readable by you only, as it holds the token.</source>
        <translation>Enregistré dans %1, lisible par vous seul, car il contient le jeton.</translation>
    </message>
    <message>
        <source>plant-north</source>
        <translation>usine-nord</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>wss://plant-gw.example:8765/ws</source>
        <translation>wss://plant-gw.example:8765/ws</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Plain JSON</source>
        <translation>JSON simple</translation>
    </message>
    <message>
        <source>Socket.IO</source>
        <translation>Socket.IO</translation>
    </message>
    <message>
        <source>Protocol dialect</source>
        <translation>Dialecte du protocole</translation>
    </message>
    <message>
        <source>&amp;Dialect:</source>
        <translation>&amp;Dialecte&#xa0;:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Afficher le jeton</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Nom de l&apos;opérateur</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>O&amp;pérateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as wss://plant-gw.example:8765/ws.</source>
        <translation>Saisissez l&apos;adresse du serveur, par exemple wss://plant-gw.example:8765/ws.</translation>
    </message>
    <message>
        <source>Not a ws:// or wss:// address with a host.</source>
        <translation>Ce n&apos;est pas une adresse ws:// ou wss:// avec un hôte.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>Annuler le &amp;test</translation>
    </message>
    <message>
        <source>Connected (no sign-in on this server), live after %1 ms</source>
        <translation>Connecté (pas d&apos;identification sur ce serveur), en direct après %1 ms</translation>
    </message>
    <message>
        <source>Connected: role %1, live after %2 ms</source>
        <translation>Connecté&#xa0;: rôle %1, en direct après %2 ms</translation>
    </message>
    <message>
        <source>Unreachable: nothing answers at %1 (%2)</source>
        <translation>Injoignable&#xa0;: rien ne répond à l&apos;adresse %1 (%2)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered HTTP %2</source>
        <translation>Pas un serveur WebSocket&#xa0;: %1 a répondu HTTP %2</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered, but not with a WebSocket handshake</source>
        <translation>Pas un serveur WebSocket&#xa0;: %1 a répondu, mais sans négociation WebSocket</translation>
    </message>
    <message>
        <source>Not a WebSocket server: %1 answered, but not with a WebSocket handshake (%2)</source>
        <translation>Pas un serveur WebSocket&#xa0;: %1 a répondu, mais sans négociation WebSocket (%2)</translation>
    </message>
    <message>
        <source>Closed: the server ended the connection before it was live (%1)</source>
        <translation>Fermé&#xa0;: le serveur a mis fin à la connexion avant le passage en direct (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Timed out after %n s: no live link from %1</source>
        <translation>
            <numerusform>Délai dépassé après %n s&#xa0;: aucune liaison en direct depuis %1</numerusform>
            <numerusform>Délai dépassé après %n s&#xa0;: aucune liaison en direct depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>You already have a profile named &quot;%1&quot;.</source>
        <translation>Vous avez déjà un profil nommé «&#xa0;%1&#xa0;».</translation>
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
        <translation>une autre console Watchfloor (processus %1 sur %2) utilise la base de données de ce profil</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>l&apos;écriture a échoué</translation>
    </message>
</context>
<context>
    <name>TileCard</name>
    <message>
        <source>Tile %1</source>
        <translation>Tuile %1</translation>
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
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Mise à jour</translation>
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
        <translation>Notifications</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all notifications, %n more not shown</source>
        <translation>
            <numerusform>Afficher toutes les notifications, %n autre non affichée</numerusform>
            <numerusform>Afficher toutes les notifications, %n autres non affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToastWidget</name>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close notification</source>
        <translation>Fermer la notification</translation>
    </message>
    <message>
        <source>Acknowledge alarm: %1</source>
        <translation>Acquitter l&apos;alarme&#xa0;: %1</translation>
    </message>
    <message>
        <source>Show notification: %1</source>
        <translation>Afficher la notification&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 notification: %2</source>
        <translation>Notification %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 alarm</source>
        <translation>Alarme %1</translation>
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
        <translation>Son coupé jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Critical alarms make no sound until %1. Click to unmute now.</source>
        <translation>Les alarmes critiques sont silencieuses jusqu&apos;à %1. Cliquez pour rétablir le son maintenant.</translation>
    </message>
    <message>
        <source>Mute sound</source>
        <translation>Couper le son</translation>
    </message>
    <message numerus="yes">
        <source>Silence the critical alarm sound for %n minute(s)</source>
        <translation>
            <numerusform>Couper le son des alarmes critiques pendant %n minute</numerusform>
            <numerusform>Couper le son des alarmes critiques pendant %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>viewer</source>
        <comment>role</comment>
        <translation>observateur</translation>
    </message>
    <message>
        <source>operator</source>
        <comment>role</comment>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>admin</source>
        <comment>role</comment>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>%1 · %2 role</source>
        <translation>%1 · rôle %2</translation>
    </message>
</context>
<context>
    <name>ViewFactory</name>
    <message>
        <source>commands off</source>
        <translation>commandes désactivées</translation>
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
        <translation>Fermer la fenêtre</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
</context>
<context>
    <name>Watchfloor</name>
    <message>
        <source>Write what the console shows (link, staleness, alarms, commands, outbox) as JSON to FILE every second, replacing it whole each time (docs/reliability.md). SIGUSR1 writes one at once.</source>
        <translation>Écrire chaque seconde en JSON dans FICHIER ce qu&apos;affiche la console (liaison, fraîcheur, alarmes, commandes, file d&apos;envoi), en le remplaçant entièrement à chaque fois (docs/reliability.md). SIGUSR1 en écrit un aussitôt.</translation>
    </message>
    <message>
        <source>For test tools only: take operator actions (ack, shelve, unshelve, command) from the local socket at PATH, one per line (docs/reliability.md).</source>
        <translation>Réservé aux outils de test&#xa0;: prendre les actions d&apos;opérateur (ack, shelve, unshelve, command) sur le socket local CHEMIN, une par ligne (docs/reliability.md).</translation>
    </message>
    <message>
        <source>cannot open the control socket %1: %2</source>
        <translation>impossible d&apos;ouvrir le socket de commande %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Operations console for drones, production machines and control-panel devices.</source>
        <translation>Console d&apos;exploitation pour drones, machines de production et équipements de panneau de commande.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Once live data has arrived, save the main window to PATH (PNG) and exit.</source>
        <translation>Une fois les données en direct reçues, enregistrer la fenêtre principale dans CHEMIN (PNG) et quitter.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>cannot start the built-in simulator: %1</source>
        <translation>impossible de démarrer le simulateur intégré&#xa0;: %1</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>ORIGINE</translation>
    </message>
    <message>
        <source>user</source>
        <translation>personnel</translation>
    </message>
    <message>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>(invalid: run --check-profile %1)</source>
        <translation>(invalide&#xa0;: lancez --check-profile %1)</translation>
    </message>
    <message>
        <source>Kiosk exit PIN: </source>
        <translation>Code PIN de sortie du kiosque&#xa0;: </translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>Confirmez le code PIN&#xa0;: </translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was written</source>
        <translation>les deux codes PIN diffèrent&#xa0;; rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>impossible d&apos;écrire la capture d&apos;écran dans %1</translation>
    </message>
    <message>
        <source>no live data within %1 s (state: %2)</source>
        <translation>aucune donnée en direct dans un délai de %1 s (état&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Start with the profile NAME (from the user&apos;s or the system&apos;s profile folder) or the profile file at a path.</source>
        <translation>Démarrer avec le profil NOM (du dossier de profils de l&apos;utilisateur ou du système) ou avec le fichier de profil situé au chemin indiqué.</translation>
    </message>
    <message>
        <source>Start with the demo profile: the built-in simulator on a loopback port.</source>
        <translation>Démarrer avec le profil de démonstration&#xa0;: le simulateur intégré sur un port local (loopback).</translation>
    </message>
    <message>
        <source>Run as a plant-floor screen (full screen, rotating views, locked), whatever the profile&apos;s [kiosk] enabled says.</source>
        <translation>Fonctionner comme écran d&apos;atelier (plein écran, vues en rotation, verrouillé), quelle que soit la valeur de [kiosk] enabled dans le profil.</translation>
    </message>
    <message>
        <source>List the profiles found, and where, then exit.</source>
        <translation>Lister les profils trouvés et leur emplacement, puis quitter.</translation>
    </message>
    <message>
        <source>Validate the profile NAME, connect, authenticate, subscribe, wait for the snapshots and print a summary; exit 0 only if every step succeeded.</source>
        <translation>Valider le profil NOM, se connecter, s&apos;authentifier, s&apos;abonner, attendre les instantanés et afficher un résumé&#xa0;; code de sortie 0 uniquement si toutes les étapes ont réussi.</translation>
    </message>
    <message>
        <source>Read a kiosk exit PIN (4 to 12 digits) on standard input and print the exit-pin-hash line for the profile&apos;s [kiosk] section.</source>
        <translation>Lire un code PIN de sortie de kiosque (4 à 12 chiffres) sur l&apos;entrée standard et afficher la ligne exit-pin-hash pour la section [kiosk] du profil.</translation>
    </message>
    <message>
        <source>give either --profile NAME or --demo, not both</source>
        <translation>indiquez soit --profile NOM, soit --demo, pas les deux</translation>
    </message>
    <message>
        <source>give --profile NAME or --demo (see --help; --list-profiles shows the profiles found)</source>
        <translation>indiquez --profile NOM ou --demo (voir --help&#xa0;; --list-profiles affiche les profils trouvés)</translation>
    </message>
    <message>
        <source>no local database, acknowledgements made offline cannot be kept (on a live link they still work): %1</source>
        <translation>pas de base de données locale, les acquittements faits hors ligne ne peuvent pas être conservés (sur une liaison active ils fonctionnent) : %1</translation>
    </message>
</context>
</TS>
