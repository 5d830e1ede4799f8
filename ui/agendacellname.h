// What a screen reader says for a cell of the agenda: the whole appointment in one sentence
// (« mercredi 2 décembre, 10 h 30 à 11 h 15, Amina Diallo, Accompagnement RSA, pris par un
// prescripteur ») or the free time (« mercredi 2 décembre, 14 h à 16 h, libre »).
#pragma once

#include "ui/agendagrid.h"

#include <QString>
#include <QTime>

namespace creneau::ui {

QString agendaCellName(const AgendaModel &model, const AgendaGrid &grid, int column, int index);
// The column's heading as spoken: « mercredi 2 décembre » or, in the day view, the agent.
QString agendaColumnName(const AgendaGrid &grid, int column);

} // namespace creneau::ui
