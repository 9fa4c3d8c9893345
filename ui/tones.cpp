#include "tones.h"

#include <algorithm>
#include <cmath>
#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace {

double channel(double c)
{
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

constexpr double kReadable = 4.5;

// Calls its function when the application's palette changed; a child of the widget it serves.
class PaletteFollower : public QObject
{
public:
    PaletteFollower(QWidget* widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // A window hears of the application's new palette (ApplicationPaletteChange); the widgets inside it, of
        // their own palette changing with it (PaletteChange), which is also what applying causes: not again then.
        if ((event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange)
            && watched == parent() && !m_applying) {
            m_applying = true;
            m_apply();
            m_applying = false;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_apply;
    bool m_applying = false;
};

const char* const kToneProperty = "tidemarkTextTone";

// Moves `color` away from `background` (darker on light, lighter on dark) until it reads; the hue stays.
QColor readableOn(QColor color, const QColor& background)
{
    const bool darkBackground = luminance(background) < 0.18;
    for (int step = 0; step < 40 && Tones::contrast(color, background) < kReadable; ++step)
        color = darkBackground ? color.lighter(108) : color.darker(108);
    if (Tones::contrast(color, background) < kReadable) // a grey background where no shade of the hue reads
        color = darkBackground ? QColor(Qt::white) : QColor(Qt::black);
    return color;
}

} // namespace

namespace Tones {

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Base)) < 0.18;
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor textOn(Tone tone, const QColor& background)
{
    const bool dark = luminance(background) < 0.18;
    QColor base;
    switch (tone) {
    case Tone::Danger:
        base = dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
        break;
    case Tone::Warning:
        base = dark ? QColor(0xf8, 0xe4, 0x5c) : QColor(0x9c, 0x6e, 0x03);
        break;
    case Tone::Success:
        base = dark ? QColor(0x8f, 0xf0, 0xa4) : QColor(0x1e, 0x7e, 0x4f);
        break;
    case Tone::Muted:
        base = dark ? QColor(0xc0, 0xbf, 0xbc) : QColor(0x5e, 0x5c, 0x64);
        break;
    }
    return readableOn(base, background);
}

QColor text(Tone tone, const QPalette& palette)
{
    // Readable on the rows of both colours of a list with alternating rows: against the one it reads worse on.
    const QColor base = palette.color(QPalette::Base);
    const QColor alternate = palette.color(QPalette::AlternateBase);
    QColor color = textOn(tone, base);
    if (contrast(color, alternate) < kReadable)
        color = readableOn(color, contrast(color, base) < contrast(color, alternate) ? base : alternate);
    return color;
}

QColor mark(Tone tone)
{
    switch (tone) {
    case Tone::Danger:
        return QColor(0xe0, 0x1b, 0x24);
    case Tone::Warning:
        return QColor(0xf6, 0xd3, 0x2d);
    case Tone::Success:
        return QColor(0x33, 0xd1, 0x7a);
    case Tone::Muted:
        return QColor(0x9a, 0x99, 0x96);
    }
    return {};
}

QColor noticeBackground(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x4a, 0x3a, 0x0c) : QColor(0xff, 0xf4, 0xd6);
}

QColor noticeText(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0xec, 0xb3) : QColor(0x3a, 0x2a, 0x00);
}

} // namespace Tones

namespace Tones {

void follow(QWidget* widget, std::function<void()> apply)
{
    apply();
    new PaletteFollower(widget, std::move(apply));
}

void setTextTone(QWidget* label, std::optional<Tone> tone)
{
    const bool following = label->property(kToneProperty).isValid();
    label->setProperty(kToneProperty, tone ? int(*tone) : -1);
    const auto apply = [label] {
        const int stored = label->property(kToneProperty).toInt();
        // From the application's palette, not the label's own, which holds the colour set before (and is resolved
        // against the new palette only after the event filters ran).
        const QPalette inherited = QApplication::palette(label);
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText,
            stored < 0 ? inherited.color(QPalette::WindowText)
                       : textOn(Tone(stored), inherited.color(QPalette::Window)));
        label->setPalette(pal);
    };
    if (following)
        apply();
    else
        follow(label, apply);
}

} // namespace Tones
