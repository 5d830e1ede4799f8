// Filling the desktop's forms in GUI tests as a user does: a child widget by object name, a
// field's error label (« <field>Error »), and text typed key by key.
#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

namespace creneau::test {

template <typename T> T *child(const QWidget &w, const char *name)
{
    T *c = w.findChild<T *>(QLatin1String(name));
    if (!c)
        qWarning("no child %s", name);
    return c;
}

// The message shown under `field`, or "" when its error label is hidden.
inline QString errorOf(const QWidget &w, const char *field)
{
    QLabel *l = child<QLabel>(w, (QByteArray(field) + "Error").constData());
    return l && !l->isHidden() ? l->text() : QString();
}

// Key by key, as typed (accents included: keyClicks knows ASCII only).
inline void typeMore(QLineEdit *edit, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(edit, char(c.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Press, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }
}

inline void type(QLineEdit *edit, const QString &text)
{
    edit->clear();
    typeMore(edit, text);
}

} // namespace creneau::test
