#pragma once

#include <functional>
#include <optional>
#include <QColor>
#include <QPalette>

class QWidget;

// The few colours the console adds to the palette (failed, warning, done, unknown), chosen for the palette they are
// shown on: a deep shade on a light base, a light one on a dark base (a dark system theme or a dark palette), then
// pushed further until the text reads on both Base and AlternateBase (WCAG contrast ratio of at least 4.5).
// Every coloured text and status fill of the console comes from here, so a palette change needs no second list.
namespace Tones {

enum class Tone { Danger, Warning, Success, Muted };

// True when the palette's Base is dark (light text on a dark background).
bool isDark(const QPalette& palette);
// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrast(const QColor& a, const QColor& b);
// Text in `tone` that reads on the palette's Base and AlternateBase.
QColor text(Tone tone, const QPalette& palette);
// Text in `tone` that reads on `background`.
QColor textOn(Tone tone, const QColor& background);
// A saturated fill for small status marks (discs, swatches), the same on light and dark palettes.
QColor mark(Tone tone);

// A notice band (the recovery-key reminder): a pale amber on a light palette, a deep amber on a dark one.
QColor noticeBackground(const QPalette& palette);
QColor noticeText(const QPalette& palette);

// Runs `apply` now and again whenever the application's palette changes (a theme switched to dark), for widgets
// that set colours of their own: what they set is not derived from the new palette by Qt.
void follow(QWidget* widget, std::function<void()> apply);
// Shows `label`'s text in `tone` (readable on its window colour), or in the palette's own text colour without one.
void setTextTone(QWidget* label, std::optional<Tone> tone);

} // namespace Tones
