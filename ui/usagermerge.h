// The agents' merge of a possible duplicate into a usager, shared by the usagers list and the
// appointment panel: describes both records, asks for confirmation, then merges.
#pragma once

#include "ui/agendasource.h"

class QWidget;

namespace creneau::ui {

// One line saying who a usager is: name, birth date, phone, e-mail.
QString usagerSummary(const Usager &u);
// Asks (a modal box named "mergeUsagersBox") whether `duplicate` is `keep`; merges when the agent
// says yes. True when merged (or queued, in remote mode); a refusal is shown to the agent.
bool confirmAndMergeUsagers(QWidget *parent, AgendaSource *source, const Usager &keep,
                            const Usager &duplicate);

} // namespace creneau::ui
