// The agenda as a screen reader reads it: a table whose columns are the days (week view) or the
// agents (day view) and whose cells are the appointments and free times in time order, each named
// in one sentence (agendacellname.h). Installed with QAccessible::installFactory.
#pragma once

namespace creneau::ui {

// Idempotent; AgendaView's constructor calls it.
void installAgendaAccessibility();

} // namespace creneau::ui
