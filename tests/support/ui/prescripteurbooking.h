// A test organisation with an opening range and one appointment booked by a prescripteur.
#pragma once

#include "models/booking.h"
#include "testorganisation.h"

namespace creneau::test {

struct PrescripteurBooking
{
    TestOrganisation org;
    BookingOutcome outcome; // the booked appointment and its usager

    // Opens the agent's range every weekday and books the first créneau from tomorrow on.
    PrescripteurBooking();
};

} // namespace creneau::test
