// A prescripteur's e-mail and phone as links the agent clicks (mailto:, tel:), the same in the
// appointment panel and in a collective session's participants list.
#pragma once

#include <QString>

namespace creneau::ui {

// Rich text; empty when there is no address.
QString mailtoLink(const QString &email);
// Rich text shown in the French way (« 02 32 64 15 00 »); empty when there is no number.
QString telLink(const QString &phone);

} // namespace creneau::ui
