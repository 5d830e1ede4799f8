<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>creneau::Booking</name>
    <message>
        <location filename="../models/booking.cpp" line="40"/>
        <source>Some fields need your attention.</source>
        <translation>Certains champs sont à corriger.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="42"/>
        <source>This motif cannot be booked online.</source>
        <translation>Ce motif n'est pas ouvert à la réservation en ligne.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="45"/>
        <source>This créneau is no longer available.</source>
        <translation>Ce créneau n'est plus disponible.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="48"/>
        <source>You are not allowed to change this appointment. Only the agent and the usager can cancel or change it.</source>
        <translation>Vous ne pouvez pas modifier ce rendez-vous. Seuls l'agent et l'usager peuvent l'annuler ou le modifier.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="53"/>
        <source>This appointment does not exist.</source>
        <translation>Ce rendez-vous n'existe pas.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="55"/>
        <source>This appointment was changed meanwhile by someone else.</source>
        <translation>Ce rendez-vous a été modifié entre-temps par quelqu'un d'autre.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="58"/>
        <source>It is too late to cancel this appointment online: please call the organisation.</source>
        <translation>Il est trop tard pour annuler ce rendez-vous en ligne : appelez l'organisation.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="91"/>
        <source>The birth date cannot be in the future.</source>
        <translation>La date de naissance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location filename="../models/booking.cpp" line="167"/>
        <source>This usager does not exist.</source>
        <translation>Cet usager n'existe pas.</translation>
    </message>
</context>
<context>
    <name>creneau::Domain</name>
    <message>
        <location filename="../models/domain.cpp" line="117"/>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="119"/>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="121"/>
        <source>At home</source>
        <translation>À domicile</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="123"/>
        <source>By video call</source>
        <translation>Par visioconférence</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="132"/>
        <source>upcoming</source>
        <translation>à venir</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="134"/>
        <source>seen</source>
        <translation>vu</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="136"/>
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="138"/>
        <source>excused</source>
        <translation>excusé</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="140"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="149"/>
        <source>Agents only</source>
        <translation>Agents uniquement</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="151"/>
        <source>Agents and prescribers</source>
        <translation>Agents et prescripteurs</translation>
    </message>
    <message>
        <location filename="../models/domain.cpp" line="153"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
</context>
<context>
    <name>creneau::Recurrence</name>
    <message>
        <location filename="../models/recurrence.cpp" line="52"/>
        <location filename="../models/recurrence.cpp" line="72"/>
        <source>The recurrence rule « %1 » is not valid.</source>
        <translation>La règle de récurrence « %1 » n'est pas valide.</translation>
    </message>
    <message>
        <location filename="../models/recurrence.cpp" line="60"/>
        <source>A recurrence repeats at most once a day.</source>
        <translation>Une récurrence se répète au plus une fois par jour.</translation>
    </message>
    <message>
        <location filename="../models/recurrence.cpp" line="65"/>
        <source>The interval must be between 1 and 52.</source>
        <translation>L'intervalle doit être compris entre 1 et 52.</translation>
    </message>
</context>
<context>
    <name>creneau::Validation</name>
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
        <source>Enter a date such as 1980-03-14.</source>
        <translation>Saisissez une date, par exemple 1980-03-14.</translation>
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
        <translation>L'heure de fin doit être après l'heure de début.</translation>
    </message>
    <message>
        <location filename="../models/validation.cpp" line="244"/>
        <source>Choose at least one motif.</source>
        <translation>Choisissez au moins un motif.</translation>
    </message>
</context>
</TS>
