// SIGTERM and SIGINT end the desktop through the event loop (windows closed, settings saved, the
// sync client and the embedded server stopped, the store closed) instead of killing it mid-write:
// the session's logout sends SIGTERM.
#pragma once

namespace creneau::desktop {

// Call once, after the QApplication exists.
void quitOnTerminationSignals();

} // namespace creneau::desktop
