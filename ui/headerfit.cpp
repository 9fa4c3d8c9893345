#include "headerfit.h"

#include <QEvent>
#include <QHeaderView>

namespace {
// Room beside a title, so that it does not touch the section's edge.
constexpr int kSlack = 6;
} // namespace

void HeaderFit::apply(QHeaderView* header)
{
    new HeaderFit(header);
}

HeaderFit::HeaderFit(QHeaderView* header)
    : QObject(header)
    , m_header(header)
{
    for (int i = 0; i < header->count(); ++i) {
        if (header->sectionResizeMode(i) == QHeaderView::Stretch)
            m_stretching.append(i);
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &HeaderFit::fit);
    const auto later = [this] { m_timer.start(); };
    connect(header, &QHeaderView::sectionResized, this, later);
    connect(header, &QHeaderView::sectionCountChanged, this, later);
    connect(header, &QHeaderView::geometriesChanged, this, later);
    header->installEventFilter(this);
    m_timer.start();
}

bool HeaderFit::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_header
        && (event->type() == QEvent::Resize || event->type() == QEvent::LanguageChange
            || event->type() == QEvent::FontChange || event->type() == QEvent::Show))
        m_timer.start();
    return QObject::eventFilter(watched, event);
}

void HeaderFit::fit()
{
    if (m_stretching.isEmpty() || m_header->width() <= 0)
        return;
    // The width every title needs: the stretching sections' titles, the others as they are.
    int needed = 0;
    for (int i = 0; i < m_header->count(); ++i) {
        if (m_header->isSectionHidden(i))
            continue;
        needed += m_stretching.contains(i) ? m_header->sectionSizeHint(i) + kSlack : m_header->sectionSize(i);
    }
    const bool squeezed = needed > m_header->width();
    if (squeezed == m_squeezed)
        return;
    m_squeezed = squeezed;
    for (int i : std::as_const(m_stretching)) {
        if (squeezed) {
            m_header->setSectionResizeMode(i, QHeaderView::Interactive);
            m_header->resizeSection(i, m_header->sectionSizeHint(i) + kSlack);
        } else {
            m_header->setSectionResizeMode(i, QHeaderView::Stretch);
        }
    }
}
