// Demo organisations: a small realistic one for trying the product, and the large one the
// benchmarks use (50 agents, 20 motifs, two ranges a day five days a week, 10,000 appointments).
#pragma once

#include "models/clock.h"
#include "models/store.h"

namespace creneau::demo {

inline constexpr char kAdminEmail[] = "admin@demo.creneau.fr";
inline constexpr char kAdminPassword[] = "demo-creneau";

// Both seed only an empty store and return the organisation's id (0 if the store was not empty).
qint64 seedSmall(Store &store, const Clock &clock = Clock::system());
qint64 seedLarge(Store &store, const Clock &clock = Clock::system(), unsigned randomSeed = 42);

bool isEmpty(Store &store);

} // namespace creneau::demo
