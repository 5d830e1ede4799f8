// Reads one golden .ics (tests/data/ics) with Mozilla's ical.js, as Thunderbird and many web
// calendars do: it must parse, its TZID must resolve through the file's own VTIMEZONE (an IANA
// name, not libical's "/freeassociation.sourceforge.net/..."), and the first occurrence of the
// expanded event, in UTC, must be the booked instant listed in instants.json.
// Usage: node ical_check.mjs FILE.ics
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ICAL from 'ical.js';

function fail(message) {
  console.error(`FAIL ${process.argv[2]}: ${message}`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail('no file given');
const name = basename(file, '.ics');
const instants = JSON.parse(readFileSync(join(dirname(file), 'instants.json'), 'utf8'));
const expected = instants[name];
if (!expected) fail(`no instant for ${name} in instants.json`);

let root;
try {
  root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
} catch (e) {
  fail(`does not parse: ${e.message}`);
}
if (root.name !== 'vcalendar') fail(`root is ${root.name}`);

// Only the file's own zones: nothing registered beforehand.
for (const vtz of root.getAllSubcomponents('vtimezone')) {
  const tz = new ICAL.Timezone(vtz);
  if (!/^[A-Z][A-Za-z_]+\/[A-Za-z_]+$/.test(tz.tzid)) fail(`TZID ${tz.tzid} is not an IANA name`);
  ICAL.TimezoneService.register(tz);
}

const vevents = root.getAllSubcomponents('vevent');
if (vevents.length !== 1) fail(`${vevents.length} VEVENTs`);
const event = new ICAL.Event(vevents[0]);
if (!/^rdv-\d+@[0-9a-f]+\.creneau$/.test(event.uid)) fail(`UID ${event.uid}`);
const tzid = vevents[0].getFirstProperty('dtstart').getParameter('tzid');
if (tzid !== 'Europe/Paris') fail(`DTSTART TZID ${tzid}`);
if (!event.startDate.zone || event.startDate.zone.tzid !== tzid)
  fail(`DTSTART zone not resolved (${event.startDate.zone && event.startDate.zone.tzid})`);

const first = event.iterator().next();
if (!first) fail('no occurrence');
const start = event.getOccurrenceDetails(first).startDate.toJSDate().toISOString();
if (start.replace('.000Z', 'Z') !== expected) fail(`DTSTART in UTC is ${start}, expected ${expected}`);
if (event.endDate.compare(event.startDate) <= 0) fail('DTEND not after DTSTART');
console.log(`ok ${name}: ${event.uid} at ${start} (${root.getFirstPropertyValue('method') || 'no METHOD'})`);
