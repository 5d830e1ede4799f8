#!/usr/bin/python3
"""What Orca reads: the desktop (demo, French) through the AT-SPI bus, as a screen reader sees it.

Run by run_atspi_check.sh inside Xvfb and a D-Bus session with the accessibility bus. Checks that
every focusable, showing object has a name, that « ◀ » « ▶ » and the date field are named by their
words, and that the agenda is a table whose cells are the demo's appointments and free times, each
named in one sentence. Exit status 0 when all hold."""
import re
import sys
import time

import pyatspi

CELL = re.compile(r"^\w+ \d+ \w+, 10[ \u00a0]h[ \u00a0]30 à 11[ \u00a0]h[ \u00a0]15, Amina Diallo, Accompagnement RSA, "
                  r"pris par un prescripteur$")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def find_app(name, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    for i in range(min(node.childCount, 2000)):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def agenda_table(app):
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_TABLE and node.name == "Agenda":
            return node
    return None


def main():
    app = find_app("creneau")
    check(app is not None, "the desktop is on the accessibility bus")
    if app is None:
        return 1
    time.sleep(2)  # the window's first layout
    frame = app.getChildAtIndex(0)
    check(frame.name.startswith("Créneau — "), "window named: %r" % frame.name)

    unnamed = []
    for node in walk(frame):
        states = node.getState()
        if (states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SHOWING)
                and not node.name.strip()):
            unnamed.append("%s in %s" % (node.getRoleName(), node.parent.getRoleName()))
    check(not unnamed, "every focusable object shown has a name " + "; ".join(unnamed))

    names = {(n.getRoleName(), n.name) for n in walk(frame)}
    for role, name in [("push button", "Précédent"), ("push button", "Suivant"),
                       ("spin button", "Date affichée")]:
        check((role, name) in names, "%s « %s »" % (role, name))
    # On Linux a combo box's name is its value; what it is for is its description.
    described = {n.description for n in walk(frame) if n.getRole() == pyatspi.ROLE_COMBO_BOX}
    check({"Agent affiché", "Lieu affiché"} <= described, "filters described: %r" % described)

    table = agenda_table(frame)
    check(table is not None, "the agenda is a table named « Agenda »")
    if table is None:
        return 1
    cells = [table.getChildAtIndex(i) for i in range(table.childCount)]
    found = [c for c in cells if CELL.match(c.name or "")]
    if not found:  # a weekend or a Friday: the demo's appointment is next week
        for node in walk(frame):
            if node.getRole() == pyatspi.ROLE_PUSH_BUTTON and node.name == "Suivant":
                node.queryAction().doAction(0)
                time.sleep(1)
        table = agenda_table(frame)
        cells = [table.getChildAtIndex(i) for i in range(table.childCount)]
        found = [c for c in cells if CELL.match(c.name or "")]
    check(len(found) == 1, "one cell says the whole appointment: %r" % (found[0].name if found
                                                                      else None))
    free = [c for c in cells if (c.name or "").endswith(", libre")]
    check(len(free) >= 5, "free times are cells too (%d)" % len(free))
    check(all(c.getRole() == pyatspi.ROLE_TABLE_CELL for c in cells), "cells are table cells")
    t = table.queryTable()
    check(t.nColumns == 6, "six columns, Monday to Saturday (%d)" % t.nColumns)
    check(bool(re.match(r"^lundi \d+ \w+$", t.getColumnDescription(0))),
          "columns named by their day: %r" % t.getColumnDescription(0))
    if found:
        actions = found[0].queryAction()
        check(actions.nActions >= 1, "a cell can be pressed (Enter)")
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
