<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>creneau::CollectiveSessionService</name>
    <message>
        <location filename="../models/collectivesessions.cpp" line="0"/>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
    <message>
        <location filename="../models/collectivesessions.cpp" line="0"/>
        <source>Choose a collective motif (one with a number of places).</source>
        <translation>Choisissez un motif collectif (avec un nombre de places).</translation>
    </message>
    <message>
        <location filename="../models/collectivesessions.cpp" line="0"/>
        <source>Enter the day and time of the session.</source>
        <translation>Indiquez le jour et l&apos;heure de la session.</translation>
    </message>
    <message>
        <location filename="../models/collectivesessions.cpp" line="0"/>
        <source>Choose the lieu of the session.</source>
        <translation>Choisissez le lieu de la session.</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/collectivesessions.cpp" line="0"/>
        <source>%n places are already taken.</source>
        <translation>
            <numerusform>%n place est déjà prise.</numerusform>
            <numerusform>%n places sont déjà prises.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentApi</name>
    <message>
        <location filename="../sync/server/jsonexchange.cpp" line="25"/>
        <source>The body must be JSON (application/json).</source>
        <translation>Le corps de la requête doit être du JSON (application/json).</translation>
    </message>
    <message>
        <location filename="../sync/server/jsonexchange.cpp" line="31"/>
        <source>Malformed JSON: an object is expected.</source>
        <translation>JSON mal formé : un objet est attendu.</translation>
    </message>
</context>
<context>
    <name>creneau::server::HttpServer</name>
    <message>
        <source>Sign in first: a bearer token is required.</source>
        <translation>Connectez-vous d&apos;abord : un jeton est nécessaire.</translation>
    </message>
    <message>
        <source>Your session has expired or was closed: sign in again.</source>
        <translation>Votre session a expiré ou a été fermée : reconnectez-vous.</translation>
    </message>
    <message>
        <source>Only an administrator may do this.</source>
        <translation>Seul un administrateur peut faire cela.</translation>
    </message>
</context>
<context>
    <name>creneau::Booking</name>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>Choose one of this motif&apos;s sessions.</source>
        <translation>Choisissez une des sessions de ce motif.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>This motif has no collective sessions.</source>
        <translation>Ce motif n&apos;a pas de sessions collectives.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>This session does not exist.</source>
        <translation>Cette session n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>This session has been cancelled.</source>
        <translation>Cette session a été annulée.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>Registrations for this session are closed.</source>
        <translation>Les inscriptions à cette session sont closes.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>This session is full: choose another one.</source>
        <translation>Cette session est complète : choisissez-en une autre.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>This usager is already registered in this session.</source>
        <translation>Cet usager est déjà inscrit à cette session.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="0"/>
        <source>A place in a collective session cannot be moved: cancel it and register in another session.</source>
        <translation>Une place dans une session collective ne se déplace pas : annulez-la et inscrivez l&apos;usager à une autre session.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="39"/>
        <source>Some fields need your attention.</source>
        <translation>Certains champs sont à corriger.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="41"/>
        <source>This motif cannot be booked online.</source>
        <translation>Ce motif n&apos;est pas ouvert à la réservation en ligne.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="44"/>
        <source>This créneau is no longer available.</source>
        <translation>Ce créneau n&apos;est plus disponible.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="47"/>
        <source>You are not allowed to change this appointment. Only the agent and the usager can cancel or change it.</source>
        <translation>Vous ne pouvez pas modifier ce rendez-vous. Seuls l&apos;agent et l&apos;usager peuvent l&apos;annuler ou le modifier.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="52"/>
        <source>This appointment does not exist.</source>
        <translation>Ce rendez-vous n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="54"/>
        <source>This appointment was changed meanwhile by someone else.</source>
        <translation>Ce rendez-vous a été modifié entre-temps par quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="57"/>
        <source>It is too late to cancel this appointment online: please call the organisation.</source>
        <translation>Il est trop tard pour annuler ce rendez-vous en ligne : appelez l&apos;organisation.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="91"/>
        <source>The birth date cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="174"/>
        <source>This usager does not exist.</source>
        <translation>Cet usager n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
</context>
<context>
    <name>creneau::Domain</name>
    <message>
        <location filename="../models/domain.cpp" line="116"/>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="118"/>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="120"/>
        <source>At home</source>
        <translation>À domicile</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="122"/>
        <source>By video call</source>
        <translation>Par visioconférence</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="131"/>
        <source>upcoming</source>
        <translation>à venir</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="133"/>
        <source>seen</source>
        <translation>vu</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="135"/>
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="137"/>
        <source>excused</source>
        <translation>excusé</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="139"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="148"/>
        <source>Agents only</source>
        <translation>Agents uniquement</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="150"/>
        <source>Agents and prescribers</source>
        <translation>Agents et prescripteurs</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="152"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
</context>
<context>
    <name>creneau::Recurrence</name>
    <message>
        <location filename="../models/recurrence.cpp" line="51"/>
        <location filename="../models/recurrence.cpp" line="71"/>
        <source>The recurrence rule « %1 » is not valid.</source>
        <translation>La règle de récurrence « %1 » n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../models/recurrence.cpp" line="59"/>
        <source>A recurrence repeats at most once a day.</source>
        <translation>Une récurrence se répète au plus une fois par jour.</translation>
    </message>
    <message>
        <location filename="../models/recurrence.cpp" line="64"/>
        <source>The interval must be between 1 and 52.</source>
        <translation>L&apos;intervalle doit être compris entre 1 et 52.</translation>
    </message>
</context>
<context>
    <name>creneau::Validation</name>
    <message>
        <location filename="../models/validation.cpp" line="0"/>
        <source>The number of places must be between 1 and 500 (0 for individual appointments).</source>
        <translation>Le nombre de places doit être compris entre 1 et 500 (0 pour des rendez-vous individuels).</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="0"/>
        <source>The number of places must be between 1 and 500.</source>
        <translation>Le nombre de places doit être compris entre 1 et 500.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="0"/>
        <source>The duration must be between 5 minutes and 12 hours.</source>
        <translation>La durée doit être comprise entre 5 minutes et 12 heures.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="0"/>
        <source>Choose at least one agent to lead the session.</source>
        <translation>Choisissez au moins un agent pour animer la session.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="0"/>
        <source>A session cannot start in the past.</source>
        <translation>Une session ne peut pas commencer dans le passé.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="105"/>
        <location filename="../models/validation.cpp" line="126"/>
        <location filename="../models/validation.cpp" line="141"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="111"/>
        <source>100 characters at most.</source>
        <translation>100 caractères au maximum.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="113"/>
        <location filename="../models/validation.cpp" line="160"/>
        <source>This field contains characters that are not allowed.</source>
        <translation>Ce champ contient des caractères non autorisés.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="117"/>
        <source>A name starts with a letter.</source>
        <translation>Un nom commence par une lettre.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="131"/>
        <source>Enter a valid e-mail address, such as nom@exemple.fr.</source>
        <translation>Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="146"/>
        <source>Enter a French phone number, such as 06 12 34 56 78 or +262 692 12 34 56.</source>
        <translation>Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78 ou +262 692 12 34 56.</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/validation.cpp" line="156"/>
        <source>%n characters at most.</source>
        <translation>
            <numerusform>%n caractère au maximum.</numerusform>
            <numerusform>%n caractères au maximum.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="173"/>
        <source>Enter a date such as 14/03/1980.</source>
        <translation>Saisissez une date, par exemple 14/03/1980.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="176"/>
        <source>The birth date cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="179"/>
        <source>This birth date is too far in the past.</source>
        <translation>Cette date de naissance est trop ancienne.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="212"/>
        <source>The duration must be between 5 minutes and 8 hours.</source>
        <translation>La durée doit être comprise entre 5 minutes et 8 heures.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="216"/>
        <source>The minimum delay cannot be negative.</source>
        <translation>Le délai minimum ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="221"/>
        <source>The maximum delay must be longer than the minimum delay.</source>
        <translation>Le délai maximum doit être plus long que le délai minimum.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="227"/>
        <source>Enter a colour such as #1f6feb.</source>
        <translation>Saisissez une couleur, par exemple #1f6feb.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="237"/>
        <source>Enter the first day.</source>
        <translation>Saisissez le premier jour.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="240"/>
        <source>The end time must be after the start time.</source>
        <translation>L&apos;heure de fin doit être après l&apos;heure de début.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="244"/>
        <source>Choose at least one motif.</source>
        <translation>Choisissez au moins un motif.</translation>
    </message>
    <message>
        <source>The maximum delay cannot exceed two years.</source>
        <translation>Le délai maximum ne peut pas dépasser deux ans.</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces, hyphens, apostrophes and dots.</source>
        <translation>Un nom ne peut contenir que des lettres, des espaces, des traits d’union, des apostrophes et des points.</translation>
    </message>
    <message>
        <source>The recurrence rule « %1 » gives no day in the two years after the first one.</source>
        <translation>La règle de récurrence « %1 » ne donne aucun jour dans les deux ans qui suivent le premier.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>La fin doit venir après le début.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="173"/>
        <source>Enter a date such as 1980-03-14.</source>
        <translation>Saisissez une date, par exemple 1980-03-14.</translation>
    </message>
</context>
<context>
    <name>creneau::http</name>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="61"/>
        <source>Several organisations exist: choose one with --organisation SLUG.</source>
        <translation>Plusieurs organisations existent : choisissez-en une avec --organisation SLUG.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="76"/>
        <source>Invalid e-mail address.</source>
        <translation>Adresse e-mail invalide.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="80"/>
        <source>The password must have at least 10 characters.</source>
        <translation>Le mot de passe doit compter au moins 10 caractères.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="116"/>
        <source>Password: </source>
        <translation>Mot de passe : </translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="117"/>
        <source>Password again: </source>
        <translation>Confirmez le mot de passe : </translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="118"/>
        <source>The passwords differ.</source>
        <translation>Les mots de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="126"/>
        <source>Administrator %1 is ready.</source>
        <translation>L&apos;administrateur %1 est prêt.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="140"/>
        <source>Invalid organisation slug: 2 to 63 lower-case letters, digits and hyphens.</source>
        <translation>Identifiant d&apos;organisation invalide : de 2 à 63 lettres minuscules, chiffres et tirets.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="144"/>
        <source>The organisation needs a name (--name), 200 characters at most.</source>
        <translation>L&apos;organisation doit avoir un nom (--name), de 200 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="148"/>
        <source>Unknown time zone: %1 (an IANA name such as Europe/Paris).</source>
        <translation>Fuseau horaire inconnu : %1 (un nom IANA comme Europe/Paris).</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="176"/>
        <source>Organisation %1 created.</source>
        <translation>Organisation %1 créée.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentadmin.cpp" line="177"/>
        <source>Organisation %1 already exists; left unchanged.</source>
        <translation>L&apos;organisation %1 existe déjà ; elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="56"/>
        <source>Only an administrator may change motifs, lieux and opening ranges.</source>
        <translation>Seul un administrateur peut modifier les motifs, les lieux et les plages d&apos;ouverture.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="62"/>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="67"/>
        <source>Some fields are invalid.</source>
        <translation>Certains champs sont invalides.</translation>
    </message>
</context>
<context>
    <name>creneau::server::AgentApi</name>
    <message>
        <source>Invalid value for &quot;%1&quot;.</source>
        <translation>Valeur invalide pour « %1 ».</translation>
    </message>
    <message>
        <source>Sign-in is unavailable for a moment: try again.</source>
        <translation>La connexion est indisponible pour un instant : réessayez.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentapi.cpp" line="94"/>
        <source>E-mail and password are required.</source>
        <translation>L&apos;e-mail et le mot de passe sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentapi.cpp" line="105"/>
        <source>Wrong e-mail or password.</source>
        <translation>E-mail ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentapi.cpp" line="108"/>
        <source>Too many failed sign-ins: wait %1 seconds.</source>
        <translation>Trop d&apos;échecs de connexion : patientez %1 secondes.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentapi.cpp" line="112"/>
        <source>Too many failed sign-ins from this address: try again in %1 minutes.</source>
        <translation>Trop d&apos;échecs de connexion depuis cette adresse : réessayez dans %1 minutes.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentapi.cpp" line="117"/>
        <source>This account is locked after too many failed sign-ins: try again in %1 minutes.</source>
        <translation>Ce compte est bloqué après trop d&apos;échecs de connexion : réessayez dans %1 minutes.</translation>
    </message>
    <message>
        <source>Too many simultaneous waits for this session (%1 at most): close one first.</source>
        <translation>Trop d&apos;attentes simultanées pour cette session (%1 au plus) : fermez-en une d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>AgentCommands</name>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="93"/>
        <source>Changed by someone else in the meantime.</source>
        <translation>Modifié entre-temps par quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="121"/>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="123"/>
        <source>Unknown value.</source>
        <translation>Valeur inconnue.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="149"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="180"/>
        <source>Unknown agent.</source>
        <translation>Agent inconnu.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="183"/>
        <source>Unknown lieu.</source>
        <translation>Lieu inconnu.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="189"/>
        <source>Unknown motif.</source>
        <translation>Motif inconnu.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="211"/>
        <source>Invalid date.</source>
        <translation>Date invalide.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="251"/>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="260"/>
        <source>Only an administrator may change another agent&apos;s absences.</source>
        <translation>Seul un administrateur peut modifier les absences d&apos;un autre agent.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcatalogcommands.cpp" line="271"/>
        <source>The end must come after the start.</source>
        <translation>La fin doit venir après le début.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcommands.cpp" line="113"/>
        <source>An idempotency key of 1 to 200 characters is required.</source>
        <translation>Une clé d&apos;idempotence de 1 à 200 caractères est obligatoire.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcommands.cpp" line="115"/>
        <source>Unknown command type.</source>
        <translation>Type de commande inconnu.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcommands.cpp" line="149"/>
        <source>Only an administrator may book for another agent.</source>
        <translation>Seul un administrateur peut prendre rendez-vous pour un autre agent.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcommands.cpp" line="153"/>
        <location filename="../sync/server/agentcommands.cpp" line="154"/>
        <location filename="../sync/server/agentcommands.cpp" line="174"/>
        <source>Invalid start time.</source>
        <translation>Heure de début invalide.</translation>
    </message>
    <message>
        <location filename="../sync/server/agentcommands.cpp" line="182"/>
        <source>Unknown status.</source>
        <translation>Statut inconnu.</translation>
    </message>
    <message>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
    <message>
        <source>Not a valid identifier.</source>
        <translation>Identifiant non valide.</translation>
    </message>
    <message>
        <source>Some identifiers are not valid.</source>
        <translation>Certains identifiants ne sont pas valides.</translation>
    </message>
    <message>
        <source>The payload must be a JSON object.</source>
        <translation>Le contenu de la commande doit être un objet JSON.</translation>
    </message>
    <message>
        <source>The expected version must be a whole number from 0.</source>
        <translation>La version attendue doit être un nombre entier positif ou nul.</translation>
    </message>
    <message>
        <source>A whole number is expected.</source>
        <translation>Un nombre entier est attendu.</translation>
    </message>
    <message>
        <source>Some fields are invalid.</source>
        <translation>Certains champs sont incorrects.</translation>
    </message>
    <message>
        <source>Only an administrator may change the organisation.</source>
        <translation>Seul un administrateur peut modifier l&apos;organisation.</translation>
    </message>
    <message>
        <source>E-mail delivery is not set up on the server: set an initial password, which the agent changes at first sign-in.</source>
        <translation>L&apos;envoi d&apos;e-mails n&apos;est pas configuré sur le serveur : indiquez un mot de passe initial, que l&apos;agent changera à sa première connexion.</translation>
    </message>
    <message>
        <source>Another agent already uses this e-mail.</source>
        <translation>Un autre agent utilise déjà cette adresse e-mail.</translation>
    </message>
    <message>
        <source>Choose your own password first (My preferences…): the one you were given is temporary.</source>
        <translation>Choisissez d&apos;abord votre propre mot de passe (Mes préférences…) : celui qui vous a été donné est provisoire.</translation>
    </message>
</context>
<context>
    <name>creneau::client::SyncClient</name>
    <message>
        <location filename="../sync/client/syncclient.cpp" line="80"/>
        <source>The server cannot be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::AbsenceDialog</name>
    <message>
        <location filename="../ui/absencedialog.cpp" line="36"/>
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="40"/>
        <source>New absence</source>
        <translation>Nouvelle absence</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="42"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="60"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="61"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="62"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="63"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="64"/>
        <source>Recurrence</source>
        <translation>Récurrence</translation>
    </message>
    <message>
        <location filename="../ui/absencedialog.cpp" line="165"/>
        <source>The end must come after the start.</source>
        <translation>La fin doit venir après le début.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::CalendarSettingsClient</name>
    <message>
        <location filename="../ui/calendarsettingsclient.cpp" line="76"/>
        <source>The server cannot be reached (%1). Try again later.</source>
        <translation>Le serveur est injoignable (%1). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsclient.cpp" line="78"/>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Le serveur a refusé la demande (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>creneau::ui::CalendarSettingsDialog</name>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="45"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="48"/>
        <source>My external calendar</source>
        <translation>Mon agenda externe</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="51"/>
        <source>Choose how your Créneau appointments reach the calendar you already use (Thunderbird, Outlook, Nextcloud, Apple, Google).</source>
        <translation>Choisissez comment vos rendez-vous Créneau arrivent dans l&apos;agenda que vous utilisez déjà (Thunderbird, Outlook, Nextcloud, Apple, Google).</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="84"/>
        <source>Where should your appointments go?</source>
        <translation>Où envoyer vos rendez-vous ?</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="87"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="87"/>
        <source>Your appointments stay in the Créneau agenda only.</source>
        <translation>Vos rendez-vous restent dans l&apos;agenda de Créneau uniquement.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="88"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="89"/>
        <source>An e-mail for each new, moved or cancelled appointment, with an .ics file that your calendar program adds in one click.</source>
        <translation>Un e-mail pour chaque rendez-vous nouveau, déplacé ou annulé, avec un fichier .ics que votre logiciel d&apos;agenda ajoute en un clic.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="91"/>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="92"/>
        <source>A private link your calendar program subscribes to: it refreshes on its own and lists your appointments from 30 days back.</source>
        <translation>Un lien privé auquel votre logiciel d&apos;agenda s&apos;abonne : il se met à jour tout seul et liste vos rendez-vous depuis 30 jours.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="94"/>
        <source>CalDAV</source>
        <translation>CalDAV</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="95"/>
        <source>Créneau writes each appointment straight into your CalDAV calendar (Nextcloud, SOGo, Radicale…), moves it, removes it when cancelled, and catches up if that server was down.</source>
        <translation>Créneau inscrit chaque rendez-vous directement dans votre agenda CalDAV (Nextcloud, SOGo, Radicale…), le déplace, le retire s&apos;il est annulé, et rattrape son retard si ce serveur était indisponible.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="118"/>
        <source>Subscription link</source>
        <translation>Lien d&apos;abonnement</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="128"/>
        <source>Web address (https)</source>
        <translation>Adresse web (https)</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="129"/>
        <source>Calendar programs (webcal)</source>
        <translation>Logiciels d&apos;agenda (webcal)</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="133"/>
        <source>Generate a new link</source>
        <translation>Générer un nouveau lien</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="135"/>
        <source>Revoke the link</source>
        <translation>Révoquer le lien</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="143"/>
        <source>Anyone who has this link can read your appointments: give it to your calendar program only, and revoke it if it leaked.</source>
        <translation>Toute personne qui a ce lien peut lire vos rendez-vous : ne le donnez qu&apos;à votre logiciel d&apos;agenda, et révoquez-le s&apos;il a circulé.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="155"/>
        <source>shown once, after « Generate a new link »</source>
        <translation>affiché une seule fois, après « Générer un nouveau lien »</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="156"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="170"/>
        <source>CalDAV calendar</source>
        <translation>Agenda CalDAV</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="179"/>
        <source>Calendar address</source>
        <translation>Adresse de l&apos;agenda</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="180"/>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="181"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="182"/>
        <source>The password is kept encrypted on the server and never shown again. Leave it empty to keep the current one.</source>
        <translation>Le mot de passe est conservé chiffré sur le serveur et n&apos;est plus jamais affiché. Laissez le champ vide pour garder le mot de passe actuel.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="205"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="242"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="242"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="253"/>
        <source>Here is your new private link. Copy it now: it is shown only this once. Any previous link no longer works.</source>
        <translation>Voici votre nouveau lien privé. Copiez-le maintenant : il n&apos;est affiché qu&apos;une seule fois. Tout lien précédent ne fonctionne plus.</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="256"/>
        <source>A private link is active. For your safety it is shown only once, right after it is generated: to see it again, generate a new link (the current one then stops working).</source>
        <translation>Un lien privé est actif. Par sécurité, il n&apos;est affiché qu&apos;une seule fois, juste après sa création : pour le revoir, générez un nouveau lien (l&apos;actuel cessera alors de fonctionner).</translation>
    </message>
    <message>
        <location filename="../ui/calendarsettingsdialog.cpp" line="260"/>
        <source>No private link yet: generate one, then paste it into your calendar program.</source>
        <translation>Pas encore de lien privé : générez-en un, puis collez-le dans votre logiciel d&apos;agenda.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::ConflictPrompt</name>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="28"/>
        <source>move it to %1</source>
        <translation>le déplacer au %1</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="31"/>
        <source>cancel it</source>
        <translation>l&apos;annuler</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="35"/>
        <source>mark it « %1 »</source>
        <translation>le marquer « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="38"/>
        <source>change its note to « %1 »</source>
        <translation>changer sa note en « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="39"/>
        <source>change it</source>
        <translation>le modifier</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="45"/>
        <source>It no longer exists.</source>
        <translation>Il n&apos;existe plus.</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="52"/>
        <source>Now: %1, %2.</source>
        <translation>Désormais : %1, %2.</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="60"/>
        <source>Appointment changed meanwhile</source>
        <translation>Rendez-vous modifié entre-temps</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="61"/>
        <source>This appointment was changed on the server while you wanted to %1.</source>
        <translation>Ce rendez-vous a été modifié sur le serveur alors que vous vouliez %1.</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="68"/>
        <source>Apply my change</source>
        <translation>Appliquer ma modification</translation>
    </message>
    <message>
        <location filename="../ui/conflictprompt.cpp" line="70"/>
        <source>Keep the server&apos;s version</source>
        <translation>Garder la version du serveur</translation>
    </message>
</context>
<context>
    <name>creneau::ui::LieuDialog</name>
    <message>
        <location filename="../ui/lieudialog.cpp" line="30"/>
        <source>Lieux</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location filename="../ui/lieudialog.cpp" line="33"/>
        <source>New lieu</source>
        <translation>Nouveau lieu</translation>
    </message>
    <message>
        <location filename="../ui/lieudialog.cpp" line="44"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location filename="../ui/lieudialog.cpp" line="46"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/lieudialog.cpp" line="47"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../ui/lieudialog.cpp" line="48"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>creneau::ui::ListFormDialog</name>
    <message>
        <location filename="../ui/listformdialog.cpp" line="53"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/listformdialog.cpp" line="81"/>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
</context>
<context>
    <name>creneau::ui::LoginDialog</name>
    <message>
        <location filename="../ui/logindialog.cpp" line="16"/>
        <location filename="../ui/logindialog.cpp" line="77"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="19"/>
        <source>Sign in to Créneau</source>
        <translation>Connexion à Créneau</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="34"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="35"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="36"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="52"/>
        <source>Sign-in failed.</source>
        <translation>La connexion a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="63"/>
        <source>Enter your e-mail and your password.</source>
        <translation>Saisissez votre e-mail et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../ui/logindialog.cpp" line="77"/>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>creneau::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="56"/>
        <source>Créneau — %1</source>
        <translation>Créneau — %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Embedded server: %1</source>
        <translation>Serveur intégré : %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>Change refused by the server</source>
        <translation>Modification refusée par le serveur</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="146"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="158"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="159"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="160"/>
        <source>Previous (Alt+Left)</source>
        <translation>Précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>Next (Alt+Right)</source>
        <translation>Suivant (Alt+Droite)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Today (Ctrl+T)</source>
        <translation>Aujourd&apos;hui (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171"/>
        <source>New appointment</source>
        <translation>Nouveau rendez-vous</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <source>New appointment (Ctrl+N)</source>
        <translation>Nouveau rendez-vous (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Usagers</source>
        <translation>Usagers</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175"/>
        <source>My external calendar…</source>
        <translation>Mon agenda externe…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>Send my appointments to my own calendar program</source>
        <translation>Envoyer mes rendez-vous vers mon propre agenda</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Motifs…</source>
        <translation>Motifs…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Lieux…</source>
        <translation>Lieux…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="185"/>
        <source>Opening ranges…</source>
        <translation>Plages d&apos;ouverture…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187"/>
        <source>Absences…</source>
        <translation>Absences…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204"/>
        <source>I am</source>
        <translation>Je suis</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="231"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>All agents</source>
        <translation>Tous les agents</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>All lieux</source>
        <translation>Tous les lieux</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="335"/>
        <source>New appointment booked by %1 for %2</source>
        <translation>Nouveau rendez-vous pris par %1 pour %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="341"/>
        <source>Créneau</source>
        <translation>Créneau</translation>
    </message>
    <message>
        <source>Booking link: %1 (this computer only)</source>
        <translation>Lien de réservation : %1 (cet ordinateur seulement)</translation>
    </message>
    <message>
        <source>Booking link: %1</source>
        <translation>Lien de réservation : %1</translation>
    </message>
    <message>
        <source>Booking link address…</source>
        <translation>Adresse du lien de réservation…</translation>
    </message>
    <message>
        <source>Sign in to a Créneau server first.</source>
        <translation>Connectez-vous d&apos;abord à un serveur Créneau.</translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation>Organisation…</translation>
    </message>
    <message>
        <source>Agents…</source>
        <translation>Agents…</translation>
    </message>
    <message>
        <source>My preferences…</source>
        <translation>Mes préférences…</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>The period&apos;s appointments as a table, line by line</source>
        <translation>Les rendez-vous de la période en tableau, ligne par ligne</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Sui&amp;vant</translation>
    </message>
    <message>
        <source>&amp;Go to date…</source>
        <translation>&amp;Aller à la date…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Go to the &amp;agenda</source>
        <translation>Aller à l&apos;a&amp;genda</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;New appointment…</source>
        <translation>&amp;Nouveau rendez-vous…</translation>
    </message>
    <message>
        <source>&amp;Usagers…</source>
        <translation>&amp;Usagers…</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Share the booking links…</source>
        <translation>&amp;Partager les liens de réservation…</translation>
    </message>
    <message>
        <source>My external &amp;calendar…</source>
        <translation>Mon agenda e&amp;xterne…</translation>
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
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Appointment</source>
        <translation>&amp;Rendez-vous</translation>
    </message>
    <message>
        <source>Ad&amp;ministration</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About Créneau</source>
        <translation>À &amp;propos de Créneau</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Agent shown</source>
        <translation>Agent affiché</translation>
    </message>
    <message>
        <source>Lieu shown</source>
        <translation>Lieu affiché</translation>
    </message>
    <message>
        <source>Date shown</source>
        <translation>Date affichée</translation>
    </message>
    <message>
        <source>The agenda shows the day or the week of this date</source>
        <translation>L&apos;agenda montre le jour ou la semaine de cette date</translation>
    </message>
    <message>
        <source>I &amp;am</source>
        <translation>Je &amp;suis</translation>
    </message>
    <message>
        <source>About Créneau</source>
        <translation>À propos de Créneau</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Créneau&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Appointments for public services: the agents&apos; agenda and the booking pages for usagers and prescripteurs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Créneau&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Les rendez-vous des services publics : l&apos;agenda des agents et les pages de réservation des usagers et des prescripteurs.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>In the agenda: Up and Down move by time, Left and Right by day (by agent in the day view), Home and End to the first and last of the column; Enter opens the appointment or books the free time; Escape goes back from the appointment to the agenda.

Ctrl+N: new appointment. Ctrl+T: today. Alt+Left and Alt+Right: previous and next period. Ctrl+G: the date. Ctrl+L: the agenda. Ctrl+1, Ctrl+2, Ctrl+3: day, week, list. Ctrl+Shift+N: new collective session (administrators).</source>
        <translation>Dans l&apos;agenda : Haut et Bas avancent dans le temps, Gauche et Droite d&apos;un jour (d&apos;un agent dans la vue du jour), Début et Fin vont au premier et au dernier de la colonne ; Entrée ouvre le rendez-vous ou réserve le créneau libre ; Échap revient du rendez-vous à l&apos;agenda.

Ctrl+N : nouveau rendez-vous. Ctrl+T : aujourd&apos;hui. Alt+Gauche et Alt+Droite : période précédente et suivante. Ctrl+G : la date. Ctrl+L : l&apos;agenda. Ctrl+1, Ctrl+2, Ctrl+3 : jour, semaine, liste. Ctrl+Maj+N : nouvelle session collective (administrateurs).</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Plus d&apos;outils</translation>
    </message>
    <message>
        <source>New collective &amp;session…</source>
        <translation>Nouvelle &amp;session collective…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>New registration: %1 — %2 (%3)</source>
        <translation>Nouvelle inscription : %1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>creneau::ui::MotifDialog</name>
    <message>
        <location filename="../ui/motifdialog.cpp" line="44"/>
        <source>Motifs</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="47"/>
        <source>New motif</source>
        <translation>Nouveau motif</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="84"/>
        <source>Choose the colour…</source>
        <translation>Choisir la couleur…</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="90"/>
        <location filename="../ui/motifdialog.cpp" line="102"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="92"/>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="93"/>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="94"/>
        <source>At home</source>
        <translation>À domicile</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="95"/>
        <source>By video call</source>
        <translation>Par visioconférence</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="97"/>
        <source>Agents only</source>
        <translation>Agents uniquement</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="98"/>
        <source>Agents and prescripteurs</source>
        <translation>Agents et prescripteurs</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="99"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="105"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="108"/>
        <source>Archived (no longer offered)</source>
        <translation>Archivé (plus proposé)</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="110"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="111"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="112"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="113"/>
        <source>Location type</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="114"/>
        <source>Online booking</source>
        <translation>Réservation en ligne</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="115"/>
        <source>Minimum delay</source>
        <translation>Délai minimum</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="116"/>
        <source>Maximum delay</source>
        <translation>Délai maximum</translation>
    </message>
    <message>
        <location filename="../ui/motifdialog.cpp" line="117"/>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Text in white, contrast %1:1</source>
        <translation>Texte en blanc, contraste %1:1</translation>
    </message>
    <message>
        <source>White text would be hard to read on this colour; the agenda writes in black (contrast %1:1)</source>
        <translation>Un texte blanc serait difficile à lire sur cette couleur : l&apos;agenda écrit en noir (contraste %1:1)</translation>
    </message>
</context>
<context>
    <name>creneau::ui::NewRdvDialog</name>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="34"/>
        <source>New appointment</source>
        <translation>Nouveau rendez-vous</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="45"/>
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="47"/>
        <source>Usager</source>
        <translation>Usager</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="52"/>
        <source>Context note</source>
        <translation>Note de contexte</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/newrdvdialog.cpp" line="84"/>
        <source>%1 (%n min)</source>
        <translation>
            <numerusform>%1 (%n min)</numerusform>
            <numerusform>%1 (%n min)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="101"/>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="102"/>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="103"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="104"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="110"/>
        <source>New usager</source>
        <translation>Nouvel usager</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="118"/>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="121"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="122"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="123"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="124"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="125"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="156"/>
        <source>Enter a date such as 14/03/1980.</source>
        <translation>Saisissez une date, par exemple 14/03/1980.</translation>
    </message>
    <message>
        <location filename="../ui/newrdvdialog.cpp" line="159"/>
        <source>Pick a usager in the list or create one.</source>
        <translation>Choisissez un usager dans la liste ou créez-en un.</translation>
    </message>
    <message>
        <source>Add a participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
</context>
<context>
    <name>creneau::ui::PlageDialog</name>
    <message>
        <location filename="../ui/plagedialog.cpp" line="33"/>
        <source>Opening ranges</source>
        <translation>Plages d&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="36"/>
        <source>New opening range</source>
        <translation>Nouvelle plage d&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="93"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="95"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="96"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="97"/>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="98"/>
        <source>Motifs</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="99"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="100"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="101"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../ui/plagedialog.cpp" line="102"/>
        <source>Recurrence</source>
        <translation>Récurrence</translation>
    </message>
</context>
<context>
    <name>creneau::ui::RdvPanel</name>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Yes, %1, with their private link to move or cancel</source>
        <translation>Oui, %1, avec son lien pour déplacer ou annuler</translation>
    </message>
    <message>
        <source>No: neither a mobile number nor an e-mail</source>
        <translation>Non : ni portable ni e-mail</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>par e-mail</translation>
    </message>
    <message>
        <source>by SMS</source>
        <translation>par SMS</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Prévenu</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="48"/>
        <source>&lt;b&gt;Appointment&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fiche du rendez-vous&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="52"/>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="53"/>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="55"/>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="56"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="57"/>
        <source>Usager</source>
        <translation>Usager</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="58"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="59"/>
        <location filename="../ui/rdvpanel.cpp" line="69"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="60"/>
        <location filename="../ui/rdvpanel.cpp" line="68"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="61"/>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="64"/>
        <source>Booked by a prescripteur</source>
        <translation>Pris par un prescripteur</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="67"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="71"/>
        <source>Booked on</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="82"/>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="83"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="84"/>
        <source>Excused</source>
        <translation>Excusé</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="85"/>
        <source>Edit the note…</source>
        <translation>Modifier la note…</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="86"/>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="87"/>
        <source>Move…</source>
        <translation>Déplacer…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/rdvpanel.cpp" line="136"/>
        <source> (%n minute(s))</source>
        <translation>
            <numerusform> (%n minute)</numerusform>
            <numerusform> (%n minutes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="166"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="193"/>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="194"/>
        <source>Reason (the usager is told):</source>
        <translation>Motif de l&apos;annulation (communiqué à l&apos;usager) :</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="211"/>
        <source>Move the appointment</source>
        <translation>Déplacer le rendez-vous</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="220"/>
        <source>New date and time</source>
        <translation>Nouvelle date et heure</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="231"/>
        <source>Context note</source>
        <translation>Note de contexte</translation>
    </message>
    <message>
        <location filename="../ui/rdvpanel.cpp" line="231"/>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Possible duplicate: %1</source>
        <translation>Doublon possible : %1</translation>
    </message>
    <message>
        <source>Usager&apos;s birth date</source>
        <translation>Date de naissance de l&apos;usager</translation>
    </message>
    <message>
        <source>Usager&apos;s phone</source>
        <translation>Téléphone de l&apos;usager</translation>
    </message>
    <message>
        <source>Usager&apos;s e-mail</source>
        <translation>E-mail de l&apos;usager</translation>
    </message>
    <message>
        <source>How the usager was notified</source>
        <translation>Comment l&apos;usager a été prévenu</translation>
    </message>
    <message>
        <source>Prescripteur&apos;s name</source>
        <translation>Nom du prescripteur</translation>
    </message>
    <message>
        <source>Prescripteur&apos;s e-mail</source>
        <translation>E-mail du prescripteur</translation>
    </message>
    <message>
        <source>Prescripteur&apos;s phone</source>
        <translation>Téléphone du prescripteur</translation>
    </message>
    <message>
        <source>Booked on (by the prescripteur)</source>
        <translation>Pris le (par le prescripteur)</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Merge the possible duplicate into this usager</source>
        <translation>Fusionner le doublon possible avec cet usager</translation>
    </message>
</context>
<context>
    <name>creneau::ui::RecurrenceEditor</name>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="46"/>
        <source>every </source>
        <translation>toutes les </translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="47"/>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>toutes les semaines</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="48"/>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="59"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="61"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="76"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="77"/>
        <source>Repeat</source>
        <translation>Répéter</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="78"/>
        <source>Except on</source>
        <translation>Sauf le</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="80"/>
        <source>Next dates</source>
        <translation>Prochaines dates</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="182"/>
        <source>No date to come.</source>
        <translation>Aucune date à venir.</translation>
    </message>
    <message>
        <location filename="../ui/recurrenceeditor.cpp" line="47"/>
        <source> week(s)</source>
        <translation> semaine(s)</translation>
    </message>
    <message>
        <source>Exception date</source>
        <translation>Date d&apos;exception</translation>
    </message>
    <message>
        <source>Add the exception date</source>
        <translation>Ajouter la date d&apos;exception</translation>
    </message>
</context>
<context>
    <name>creneau::ui::RemoteConnection</name>
    <message>
        <location filename="../ui/remoteconnection.cpp" line="35"/>
        <source>Syncing with the server…</source>
        <translation>Synchronisation avec le serveur…</translation>
    </message>
    <message>
        <location filename="../ui/remoteconnection.cpp" line="36"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/remoteconnection.cpp" line="55"/>
        <source>Syncing with the server… %n change(s) received</source>
        <translation>
            <numerusform>Synchronisation avec le serveur… %n modification reçue</numerusform>
            <numerusform>Synchronisation avec le serveur… %n modifications reçues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/remoteconnection.cpp" line="84"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/remoteconnection.cpp" line="102"/>
        <source>The server %1 cannot be reached, and nothing was synced from it yet.</source>
        <translation>Le serveur %1 est injoignable, et rien n&apos;en a encore été synchronisé.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::ShareDialog</name>
    <message>
        <location filename="../ui/sharedialog.cpp" line="23"/>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="26"/>
        <source>Partners&apos; link (town halls, associations, administrations)</source>
        <translation>Lien des partenaires (mairies, associations, administrations)</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="28"/>
        <source>Public link</source>
        <translation>Lien public</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="31"/>
        <source>Message to send to a partner:</source>
        <translation>Message à envoyer à un partenaire :</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="36"/>
        <source>Copy the message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="57"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="67"/>
        <source>QR code of %1</source>
        <translation>QR code de %1</translation>
    </message>
    <message>
        <location filename="../ui/sharedialog.cpp" line="74"/>
        <source>Hello,

You can now book an appointment at %1 for the people you support.
Open this link: %2
Choose the motif and a free time, then enter the beneficiary&apos;s details and your own (name, e-mail, phone) so that we can reach you about the context. The appointment shows in our agenda at once.

Kind regards</source>
        <translation>Bonjour,

Vous pouvez désormais prendre rendez-vous à %1 pour les personnes que vous accompagnez.
Ouvrez ce lien : %2
Choisissez le motif et un horaire libre, puis saisissez les coordonnées de la personne et les vôtres (nom, e-mail, téléphone) afin que nous puissions vous joindre au sujet de sa situation. Le rendez-vous apparaît aussitôt dans notre agenda.

Bien cordialement</translation>
    </message>
    <message>
        <source>&lt;b&gt;These links only work on this computer.&lt;/b&gt; Partners cannot open them. To share them, choose « This local network » or « A public address » in Administration › Booking link address… (embedded mode), or use a creneau-server reachable by your partners.</source>
        <translation>&lt;b&gt;Ces liens ne fonctionnent que sur cet ordinateur.&lt;/b&gt; Vos partenaires ne peuvent pas les ouvrir. Pour les partager, choisissez « Ce réseau local » ou « Une adresse publique » dans Administration › Adresse du lien de réservation… (mode intégré), ou utilisez un creneau-server que vos partenaires peuvent joindre.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::SyncStatusLabel</name>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="32"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="36"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="40"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="48"/>
        <source>last synced at %1</source>
        <translation>synchronisé à %1</translation>
    </message>
    <message>
        <location filename="../ui/syncstatuslabel.cpp" line="51"/>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/syncstatuslabel.cpp" line="54"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d&apos;envoi</numerusform>
            <numerusform>%n modifications en attente d&apos;envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>creneau::ui::UsagerSearch</name>
    <message>
        <location filename="../ui/usagersearch.cpp" line="13"/>
        <source>Name, phone or birth date (dd/mm/yyyy)</source>
        <translation>Nom, téléphone ou date de naissance (jj/mm/aaaa)</translation>
    </message>
    <message>
        <source>possible duplicate</source>
        <translation>doublon possible</translation>
    </message>
    <message>
        <source>Find a usager</source>
        <translation>Chercher un usager</translation>
    </message>
    <message>
        <source>Usagers found</source>
        <translation>Usagers trouvés</translation>
    </message>
</context>
<context>
    <name>creneau::ui::UsagersDialog</name>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="18"/>
        <source>seen</source>
        <translation>vu</translation>
    </message>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="20"/>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="22"/>
        <source>excused</source>
        <translation>excusé</translation>
    </message>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="24"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="26"/>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <location filename="../ui/usagersdialog.cpp" line="37"/>
        <source>Usagers</source>
        <translation>Usagers</translation>
    </message>
    <message>
        <source>Merge into this usager</source>
        <translation>Fusionner dans cet usager</translation>
    </message>
    <message>
        <source>Possible duplicate: the same name with the same phone, e-mail or birth date. If it is the same person, merge it into this usager (its appointments move here).</source>
        <translation>Doublon possible : même nom avec le même téléphone, e-mail ou date de naissance. S’il s’agit de la même personne, fusionnez-le dans cet usager (ses rendez-vous sont rattachés ici).</translation>
    </message>
    <message>
        <source>The usager&apos;s appointments</source>
        <translation>Les rendez-vous de l&apos;usager</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="38"/>
        <source>Invalid server URL.</source>
        <translation>Adresse de serveur invalide.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="70"/>
        <source>Nothing to show yet: start again with --demo, or connect to a creneau-server with --server URL.</source>
        <translation>Rien à afficher pour l&apos;instant : relancez avec --demo, ou connectez-vous à un creneau-server avec --server URL.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="101"/>
        <source>Créneau: appointments for public services</source>
        <translation>Créneau : prise de rendez-vous pour les services publics</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="105"/>
        <source>Data directory.</source>
        <translation>Dossier des données.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="109"/>
        <source>Create the demo organisation on first run.</source>
        <translation>Créer l&apos;organisation de démonstration au premier lancement.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="112"/>
        <source>Connect to this creneau-server instead of starting the embedded one (sign-in by e-mail and password).</source>
        <translation>Se connecter à ce creneau-server au lieu de démarrer le serveur intégré (connexion par e-mail et mot de passe).</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="65"/>
        <source>Create the demo organisation?</source>
        <translation>Créer l&apos;organisation de démonstration ?</translation>
    </message>
    <message>
        <source>No agent can open the agenda.</source>
        <translation>Aucun agent ne peut ouvrir l&apos;agenda.</translation>
    </message>
    <message>
        <source>The booking link address could not be saved.</source>
        <translation>L&apos;adresse du lien de réservation n&apos;a pas pu être enregistrée.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::BookingLinkDialog</name>
    <message>
        <source>Booking link address</source>
        <translation>Adresse du lien de réservation</translation>
    </message>
    <message>
        <source>Who must be able to open the booking link you give partners?</source>
        <translation>Qui doit pouvoir ouvrir le lien de réservation que vous donnez aux partenaires ?</translation>
    </message>
    <message>
        <source>Only this computer (to try Créneau)</source>
        <translation>Seulement cet ordinateur (pour essayer Créneau)</translation>
    </message>
    <message>
        <source>This local network</source>
        <translation>Ce réseau local</translation>
    </message>
    <message>
        <source>A public address</source>
        <translation>Une adresse publique</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Adresse publique</translation>
    </message>
    <message>
        <source>The link works on this computer only: partners cannot open it. Choose this to try Créneau.</source>
        <translation>Le lien ne fonctionne que sur cet ordinateur : les partenaires ne peuvent pas l&apos;ouvrir. À choisir pour essayer Créneau.</translation>
    </message>
    <message>
        <source>The link will be %1: it works on the computers of this network. Open port %2 (TCP) in this computer&apos;s firewall.</source>
        <translation>Le lien sera %1 : il fonctionne sur les ordinateurs de ce réseau. Ouvrez le port %2 (TCP) dans le pare-feu de cet ordinateur.</translation>
    </message>
    <message>
        <source>The https address that your reverse proxy or host points at port %1 of this computer. Partners open it from anywhere.</source>
        <translation>L&apos;adresse https que votre mandataire inverse ou votre hébergeur dirige vers le port %1 de cet ordinateur. Les partenaires l&apos;ouvrent de partout.</translation>
    </message>
    <message>
        <source>A new address takes effect at the next start of Créneau.</source>
        <translation>Une nouvelle adresse prend effet au prochain démarrage de Créneau.</translation>
    </message>
    <message>
        <source>The address could not be saved.</source>
        <translation>L&apos;adresse n&apos;a pas pu être enregistrée.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::BookingLinkAddress</name>
    <message>
        <source>Enter an https address such as https://rdv.example.fr (no path).</source>
        <translation>Saisissez une adresse https comme https://rdv.example.fr (sans chemin).</translation>
    </message>
</context>
<context>
    <name>creneau::UsagerDuplicates</name>
    <message>
        <source>A usager cannot be merged with themself.</source>
        <translation>Un usager ne peut pas être fusionné avec lui-même.</translation>
    </message>
    <message>
        <source>This usager does not exist.</source>
        <translation>Cet usager n’existe pas.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::UsagerMerge</name>
    <message>
        <source>Merge usagers</source>
        <translation>Fusionner des usagers</translation>
    </message>
    <message>
        <source>Is this the same person?

Kept: %1
Merged into it: %2

The appointments of the second record move to the first one, which keeps its details; the second record is removed.</source>
        <translation>S’agit-il de la même personne ?

Conservé : %1
Fusionné dedans : %2

Les rendez-vous de la seconde fiche sont rattachés à la première, qui garde ses coordonnées ; la seconde fiche est supprimée.</translation>
    </message>
</context>
<context>
    <name>creneau::Horizon</name>
    <message>
        <source>The date must fall between one year ago and two years from now.</source>
        <translation>La date doit être comprise entre il y a un an et dans deux ans.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::AgendaModel</name>
    <message>
        <source>Taken by a prescriber</source>
        <translation>Pris par un prescripteur</translation>
    </message>
    <message>
        <source>%1 participants</source>
        <translation>%1 participants</translation>
    </message>
</context>
<context>
    <name>creneau::OrganisationService</name>
    <message>
        <source>Some fields are invalid.</source>
        <translation>Certains champs sont incorrects.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>2 to 60 lower-case letters, digits and hyphens (no accents), like « mfs-saint-lo ».</source>
        <translation>De 2 à 60 lettres minuscules, chiffres et tirets (sans accents), comme « mfs-saint-lo ».</translation>
    </message>
    <message>
        <source>Unknown time zone.</source>
        <translation>Fuseau horaire inconnu.</translation>
    </message>
    <message>
        <source>Between 0 (no reminder) and %1 hours.</source>
        <translation>Entre 0 (pas de rappel) et %1 heures.</translation>
    </message>
    <message>
        <source>Between 0 and %1 hours.</source>
        <translation>Entre 0 et %1 heures.</translation>
    </message>
    <message>
        <source>An address like « https://rdv.example.fr », without anything after the name.</source>
        <translation>Une adresse comme « https://rdv.example.fr », sans rien après le nom.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Au moins %1 caractères.</translation>
    </message>
    <message>
        <source>1024 characters at most.</source>
        <translation>1024 caractères au plus.</translation>
    </message>
    <message>
        <source>This password is among the most common ones: choose another.</source>
        <translation>Ce mot de passe fait partie des plus courants : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>This address is already taken.</source>
        <translation>Cette adresse est déjà prise.</translation>
    </message>
    <message>
        <source>Another agent already uses this e-mail.</source>
        <translation>Un autre agent utilise déjà cette adresse e-mail.</translation>
    </message>
    <message>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
    <message>
        <source>Only an administrator may manage agents.</source>
        <translation>Seul un administrateur peut gérer les agents.</translation>
    </message>
    <message>
        <source>Only an administrator may change the organisation.</source>
        <translation>Seul un administrateur peut modifier l&apos;organisation.</translation>
    </message>
    <message>
        <source>Use « Reset password » for an existing agent.</source>
        <translation>Pour un agent existant, utilisez « Réinitialiser le mot de passe ».</translation>
    </message>
    <message>
        <source>The organisation&apos;s last administrator cannot become an agent: make someone else administrator first.</source>
        <translation>Le dernier administrateur de l&apos;organisation ne peut pas devenir agent : nommez d&apos;abord un autre administrateur.</translation>
    </message>
    <message>
        <source>The organisation&apos;s last administrator cannot be archived: make someone else administrator first.</source>
        <translation>Le dernier administrateur de l&apos;organisation ne peut pas être archivé : nommez d&apos;abord un autre administrateur.</translation>
    </message>
    <message>
        <source>This agent is archived.</source>
        <translation>Cet agent est archivé.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Choose a password other than the current one.</source>
        <translation>Choisissez un mot de passe différent de l&apos;actuel.</translation>
    </message>
    <message>
        <source>This invitation is no longer valid: ask your administrator for a new one.</source>
        <translation>Cette invitation n&apos;est plus valable : demandez-en une nouvelle à votre administrateur.</translation>
    </message>
</context>
<context>
    <name>creneau::client::AdminCommands</name>
    <message>
        <source>The server cannot be reached (%1). Try again later.</source>
        <translation>Le serveur est injoignable (%1). Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Le serveur a refusé la demande (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>creneau::ui::AgentsDialog</name>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archiver…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Add an agent</source>
        <translation>Ajouter un agent</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Empty: an invitation is sent by e-mail</source>
        <translation>Vide : une invitation est envoyée par e-mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Mot de passe initial</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> (invitation pending)</source>
        <translation> (invitation en attente)</translation>
    </message>
    <message>
        <source> (initial password)</source>
        <translation> (mot de passe initial)</translation>
    </message>
    <message>
        <source>Agent added: an invitation to choose a password was sent by e-mail (valid 7 days).</source>
        <translation>Agent ajouté : une invitation à choisir son mot de passe lui a été envoyée par e-mail (valable 7 jours).</translation>
    </message>
    <message>
        <source>Agent added: give them the initial password; they change it at first sign-in.</source>
        <translation>Agent ajouté : communiquez-lui le mot de passe initial ; il le changera à sa première connexion.</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rôle modifié.</translation>
    </message>
    <message>
        <source>Agent archived.</source>
        <translation>Agent archivé.</translation>
    </message>
    <message>
        <source>Password reset: an invitation was sent by e-mail.</source>
        <translation>Mot de passe réinitialisé : une invitation a été envoyée par e-mail.</translation>
    </message>
    <message>
        <source>Password reset: give them the initial password.</source>
        <translation>Mot de passe réinitialisé : communiquez-lui le mot de passe initial.</translation>
    </message>
    <message>
        <source>Archive an agent</source>
        <translation>Archiver un agent</translation>
    </message>
    <message>
        <source>Archive %1? They can no longer sign in and their calendar link stops working. Their appointments stay.</source>
        <translation>Archiver %1 ? Cet agent ne pourra plus se connecter et son lien d&apos;agenda cessera de fonctionner. Ses rendez-vous restent.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Their sessions end. Leave empty to send an invitation by e-mail, or type an initial password they change at first sign-in:</source>
        <translation>Ses sessions se terminent. Laissez vide pour envoyer une invitation par e-mail, ou tapez un mot de passe initial qu&apos;il changera à sa première connexion :</translation>
    </message>
    <message numerus="yes">
        <source>Agent archived. %n future appointment(s) to reassign to someone else: they stay in the agenda.</source>
        <translation>
            <numerusform>Agent archivé. %n rendez-vous à venir à réattribuer à quelqu&apos;un d&apos;autre : il reste dans l&apos;agenda.</numerusform>
            <numerusform>Agent archivé. %n rendez-vous à venir à réattribuer à quelqu&apos;un d&apos;autre : ils restent dans l&apos;agenda.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>creneau::ui::FirstStartWizard</name>
    <message>
        <source>Your organisation</source>
        <translation>Votre organisation</translation>
    </message>
    <message>
        <source>What usagers and partners will see.</source>
        <translation>Ce que verront les usagers et les partenaires.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Adresse du lien</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>E-mail de contact</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Your booking link will end in /rdv/%1</source>
        <translation>Votre lien de réservation se terminera par /rdv/%1</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <source>You, most likely: you will add the other agents from Administration › Agents…</source>
        <translation>Vous, sans doute : vous ajouterez les autres agents depuis Administration › Agents…</translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation>Au moins 12 caractères</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail (your sign-in)</source>
        <translation>E-mail (votre identifiant)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe, une seconde fois</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Where you receive</source>
        <translation>Où vous recevez</translation>
    </message>
    <message>
        <source>Your first lieu. You can add others later in Administration › Lieux…</source>
        <translation>Votre premier lieu. Vous pourrez en ajouter d&apos;autres dans Administration › Lieux…</translation>
    </message>
    <message>
        <source>No lieu: appointments by phone or video only</source>
        <translation>Pas de lieu : rendez-vous par téléphone ou en visio uniquement</translation>
    </message>
    <message>
        <source>The booking link</source>
        <translation>Le lien de réservation</translation>
    </message>
    <message>
        <source>Welcome to Créneau</source>
        <translation>Bienvenue dans Créneau</translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation>La suite</translation>
    </message>
    <message>
        <source>&lt;p&gt;Créneau opens on your organisation&apos;s empty agenda. Then, in the &lt;b&gt;Administration&lt;/b&gt; menu:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Motifs…&lt;/b&gt;: what usagers come for, how long, who may book them;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Opening ranges…&lt;/b&gt;: when each agent receives, where, for which motifs;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agents…&lt;/b&gt;: your colleagues, who get an invitation.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Then &lt;b&gt;Share&lt;/b&gt; gives the booking link to your partners.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Créneau s&apos;ouvre sur l&apos;agenda vide de votre organisation. Ensuite, dans le menu &lt;b&gt;Administration&lt;/b&gt; :&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Motifs…&lt;/b&gt; : pourquoi les usagers viennent, pour combien de temps, qui peut les réserver ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Plages d&apos;ouverture…&lt;/b&gt; : quand chaque agent reçoit, où, pour quels motifs ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agents…&lt;/b&gt; : vos collègues, qui reçoivent une invitation.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Puis &lt;b&gt;Partager&lt;/b&gt; donne le lien de réservation à vos partenaires.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Rather explore the demo organisation first (nothing above is created)</source>
        <translation>Découvrir d&apos;abord l&apos;organisation de démonstration (rien de ce qui précède n&apos;est créé)</translation>
    </message>
</context>
<context>
    <name>creneau::ui::OrganisationDialog</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>The end of the booking link: lower-case letters, digits, hyphens.</source>
        <translation>La fin du lien de réservation : lettres minuscules, chiffres, tirets.</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Pas de rappel</translation>
    </message>
    <message>
        <source> h before</source>
        <translation> h avant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Adresse du lien</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>E-mail de contact</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Usager reminder</source>
        <translation>Rappel aux usagers</translation>
    </message>
    <message>
        <source>Usagers may cancel online until</source>
        <translation>Annulation en ligne par les usagers jusqu&apos;à</translation>
    </message>
    <message>
        <source>E-mails&apos; sender name</source>
        <translation>Nom de l&apos;expéditeur des e-mails</translation>
    </message>
    <message>
        <source>Replies to e-mails go to</source>
        <translation>Les réponses aux e-mails vont à</translation>
    </message>
    <message>
        <source>Public address of the booking link</source>
        <translation>Adresse publique du lien de réservation</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::PreferencesDialog</name>
    <message>
        <source>My preferences</source>
        <translation>Mes préférences</translation>
    </message>
    <message>
        <source>E-mails about my appointments</source>
        <translation>E-mails sur mes rendez-vous</translation>
    </message>
    <message>
        <source>Every change</source>
        <translation>Tous les changements</translation>
    </message>
    <message>
        <source>Only what others booked or changed for me</source>
        <translation>Seulement ce que d&apos;autres ont réservé ou modifié pour moi</translation>
    </message>
    <message>
        <source>Only changes for today and tomorrow, made by others</source>
        <translation>Seulement les changements d&apos;aujourd&apos;hui et demain, faits par d&apos;autres</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>My external calendar…</source>
        <translation>Mon agenda externe…</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>Mon mot de passe</translation>
    </message>
    <message>
        <source>At least 12 characters</source>
        <translation>Au moins 12 caractères</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nouveau mot de passe, une seconde fois</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Mot de passe modifié.</translation>
    </message>
    <message>
        <source>Your password was set by an administrator: choose your own to go on.</source>
        <translation>Votre mot de passe a été fixé par un administrateur : choisissez le vôtre pour continuer.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::TimeZoneChoice</name>
    <message>
        <source>Metropolitan France</source>
        <translation>France métropolitaine</translation>
    </message>
    <message>
        <source>Réunion</source>
        <translation>La Réunion</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>Guyane</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>Martinique</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>Guadeloupe</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>Mayotte</translation>
    </message>
    <message>
        <source>Saint Pierre and Miquelon</source>
        <translation>Saint-Pierre-et-Miquelon</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>Nouvelle-Calédonie</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>Polynésie française</translation>
    </message>
</context>
<context>
    <name>creneau::CatalogService</name>
    <message>
        <source>Not found in your organisation.</source>
        <translation>Introuvable dans votre organisation.</translation>
    </message>
    <message>
        <source>Some fields are invalid.</source>
        <translation>Certains champs sont invalides.</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <source>Unknown agent.</source>
        <translation>Agent inconnu.</translation>
    </message>
    <message>
        <source>Unknown lieu.</source>
        <translation>Lieu inconnu.</translation>
    </message>
    <message>
        <source>Only an administrator may change motifs, lieux and opening ranges.</source>
        <translation>Seul un administrateur peut modifier les motifs, les lieux et les plages d&apos;ouverture.</translation>
    </message>
    <message>
        <source>Only an administrator may change another agent&apos;s absences.</source>
        <translation>Seul un administrateur peut modifier les absences d&apos;un autre agent.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::AgendaView</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Arrows: move by time and by column; Enter: open the appointment or book the free time</source>
        <translation>Flèches : se déplacer dans le temps et d&apos;une colonne à l&apos;autre ; Entrée : ouvrir le rendez-vous ou réserver le créneau libre</translation>
    </message>
    <message>
        <source>Enter: book at this time</source>
        <translation>Entrée : réserver à cette heure</translation>
    </message>
    <message>
        <source>Enter: open the appointment</source>
        <translation>Entrée : ouvrir le rendez-vous</translation>
    </message>
</context>
<context>
    <name>AgendaCellName</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>booked by a prescripteur</source>
        <translation>pris par un prescripteur</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>creneau::ui::AgendaListView</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Usager</source>
        <translation>Usager</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>Pris par</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Prescripteur: %1</source>
        <translation>Prescripteur : %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Appointments of the period</source>
        <translation>Rendez-vous de la période</translation>
    </message>
    <message>
        <source>One line per appointment; Enter opens it</source>
        <translation>Une ligne par rendez-vous ; Entrée l&apos;ouvre</translation>
    </message>
    <message>
        <source>Collective session</source>
        <translation>Session collective</translation>
    </message>
</context>
<context>
    <name>creneau::protocol::PayloadReader</name>
    <message>
        <source>Unknown value.</source>
        <translation>Valeur inconnue.</translation>
    </message>
    <message>
        <source>A whole number is expected.</source>
        <translation>Un nombre entier est attendu.</translation>
    </message>
    <message>
        <source>Invalid date.</source>
        <translation>Date invalide.</translation>
    </message>
    <message>
        <source>Invalid time of day (HH:mm).</source>
        <translation>Heure invalide (HH:mm).</translation>
    </message>
    <message>
        <source>Not a valid identifier.</source>
        <translation>Identifiant non valide.</translation>
    </message>
    <message>
        <source>Invalid time: Unix seconds or ISO 8601 with an offset.</source>
        <translation>Instant invalide : secondes Unix ou ISO 8601 avec un décalage horaire.</translation>
    </message>
    <message>
        <source>Invalid start time.</source>
        <translation>Heure de début invalide.</translation>
    </message>
    <message>
        <source>Unknown status.</source>
        <translation>Statut inconnu.</translation>
    </message>
</context>
<context>
    <name>creneau::ui::SessionPanel</name>
    <message>
        <source>Registered by an agent</source>
        <translation>Inscrit par un agent</translation>
    </message>
    <message>
        <source>Collective session</source>
        <translation>Session collective</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collective session&lt;/b&gt;</source>
        <translation>&lt;b&gt;Session collective&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Animée par</translation>
    </message>
    <message>
        <source>Places taken</source>
        <translation>Places prises</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>No participant yet.</source>
        <translation>Aucun participant pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Add a participant…</source>
        <translation>Ajouter un participant…</translation>
    </message>
    <message>
        <source>Cancel the session…</source>
        <translation>Annuler la session…</translation>
    </message>
    <message numerus="yes">
        <source> (%n minute(s))</source>
        <translation>
            <numerusform> (%n minute)</numerusform>
            <numerusform> (%n minutes)</numerusform>
        </translation>
    </message>
    <message>
        <source>The session is full.</source>
        <translation>La session est complète.</translation>
    </message>
    <message>
        <source>%1 (full)</source>
        <translation>%1 (complet)</translation>
    </message>
    <message>
        <source>Prescripteur of %1</source>
        <translation>Prescripteur de %1</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Statut de %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Remove a participant</source>
        <translation>Retirer un participant</translation>
    </message>
    <message>
        <source>Remove %1 from this session? Their place is freed and they are told.</source>
        <translation>Retirer %1 de cette session ? Sa place est libérée et la personne est prévenue.</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Annuler la session</translation>
    </message>
    <message numerus="yes">
        <source>Cancel this session and the places of its %n participant(s)? Each one and their prescripteur are told.
Reason:</source>
        <translation>
            <numerusform>Annuler cette session et la place de son %n participant ? Il est prévenu, ainsi que son prescripteur.
Raison :</numerusform>
            <numerusform>Annuler cette session et les places de ses %n participants ? Chacun est prévenu, ainsi que son prescripteur.
Raison :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>creneau::ui::SessionDialog</name>
    <message>
        <source>New collective session</source>
        <translation>Nouvelle session collective</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Animée par</translation>
    </message>
    <message>
        <source>Repeat (no day ticked: once)</source>
        <translation>Répétition (aucun jour coché : une seule fois)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>No collective motif: give a motif places first (Administration › Motifs…).</source>
        <translation>Aucun motif collectif : donnez d&apos;abord des places à un motif (Administration › Motifs…).</translation>
    </message>
    <message>
        <source>Every occurrence is an exception.</source>
        <translation>Toutes les occurrences sont des exceptions.</translation>
    </message>
    <message>
        <source>Tick the agents leading the session.</source>
        <translation>Cochez les agents qui animent la session.</translation>
    </message>
    <message>
        <source>At most %1 sessions at once.</source>
        <translation>%1 sessions au plus à la fois.</translation>
    </message>
</context>
</TS>
