-- Facts about the installation that every server instance shares. calendar_domain names the
-- UIDs of every iCalendar file ("rdv-<id>@<calendar_domain>"): written once, at random
-- (sync/ical/calendardomain.cpp), and never changed, or calendars would duplicate every event.
CREATE TABLE installation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  calendar_domain TEXT NOT NULL
);
