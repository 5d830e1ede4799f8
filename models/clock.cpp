#include "models/clock.h"

namespace creneau {

const Clock &Clock::system()
{
    static const Clock clock;
    return clock;
}

} // namespace creneau
