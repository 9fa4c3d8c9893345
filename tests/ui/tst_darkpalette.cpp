// The console on a dark palette (Fusion with the palette a dark desktop theme gives, as the screenshots use): every
// coloured text it adds (the Health view's states, the activities' outcomes, failure labels) reads on the base it is
// shown on (WCAG contrast ratio of at least 4.5, computed here on its own), and no custom-painted widget or banner
// shows a large near-white area. A palette switched while the console runs is followed. Runs offscreen.
#include "activitydelegate.h"
#include "activitylistmodel.h"
#include "client/apiclient.h"
#include "consoletest.h"
#include "growthchart.h"
#include "healthtablemodel.h"
#include "healthview.h"
#include "modelroles.h"
#include "recoverykeybanner.h"
#include "retention/retentionsimulation.h"
#include "retentiontimeline.h"
#include "thiscomputerbanner.h"
#include "tones.h"

#include <cmath>
#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QStyleFactory>
#include <QTableView>
#include <QtTest>

namespace {

// WCAG 2's relative luminance and contrast ratio, written out here rather than taken from the console.
double linear(int c)
{
    const double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const auto l = [](const QColor& c) {
        return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
    };
    const double x = l(a), y = l(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The share of `widget`'s pixels that are near white (every channel at least 0xd0): text on a dark base is thin, a
// light background fills.
double nearWhiteShare(QWidget* widget)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (image.isNull() || image.width() * image.height() == 0)
        return 1.0;
    qint64 white = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            white += qRed(line[x]) >= 0xd0 && qGreen(line[x]) >= 0xd0 && qBlue(line[x]) >= 0xd0;
    }
    return double(white) / (qint64(image.width()) * image.height());
}

constexpr double kMostNearWhite = 0.12;

HealthRow row(const QString& environment, HealthRow::State state)
{
    HealthRow r;
    r.connection = QStringLiteral("This computer");
    r.project = QStringLiteral("demo");
    r.environment = environment;
    r.state = state;
    r.error = state == HealthRow::State::Unreachable ? QStringLiteral("connection refused") : QString();
    return r;
}

Activity finished(const QString& id, Activity::Result result)
{
    Activity a;
    a.id = id;
    a.type = QStringLiteral("environment.backup");
    a.state = Activity::State::Complete;
    a.result = result;
    a.completionPercent = 100;
    a.environments = {QStringLiteral("main")};
    a.project = QStringLiteral("demo");
    a.createdAtMs = QDateTime::currentMSecsSinceEpoch() - 60000;
    a.completedAtMs = a.createdAtMs + 30000;
    a.text = result == Activity::Result::Success ? QStringLiteral("Backup of main") : QStringLiteral("restic failed");
    return a;
}

} // namespace

class TestDarkPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void toneTextReadsOnEveryPalette();
    void healthStatesRead();
    void customPaintingIsDark();
    void paletteSwitchIsFollowed();

private:
    QPalette m_light;
};

void TestDarkPalette::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_light = QApplication::style()->standardPalette();
    QApplication::setPalette(darkPalette());
    QVERIFY(Tones::isDark(QApplication::palette()));
    QVERIFY(!Tones::isDark(m_light));
}

void TestDarkPalette::toneTextReadsOnEveryPalette()
{
    // Dark, Fusion's light one, and a light palette whose alternate rows are a mid grey.
    QPalette grey = m_light;
    grey.setColor(QPalette::AlternateBase, QColor(0xc8, 0xc8, 0xc8));
    for (const QPalette& palette : {darkPalette(), m_light, grey}) {
        for (const Tones::Tone tone :
            {Tones::Tone::Danger, Tones::Tone::Warning, Tones::Tone::Success, Tones::Tone::Muted}) {
            const QColor text = Tones::text(tone, palette);
            for (const QPalette::ColorRole role : {QPalette::Base, QPalette::AlternateBase}) {
                const double ratio = contrastRatio(text, palette.color(role));
                QVERIFY2(ratio >= 4.5,
                    qPrintable(QStringLiteral("tone %1: %2 on %3 has %4")
                                   .arg(int(tone))
                                   .arg(text.name(), palette.color(role).name())
                                   .arg(ratio)));
            }
        }
        // The notice band's text on its own background.
        QVERIFY(contrastRatio(Tones::noticeText(palette), Tones::noticeBackground(palette)) >= 4.5);
    }
}

void TestDarkPalette::healthStatesRead()
{
    HealthTableModel model;
    model.setConnectionRows(QStringLiteral("This computer"),
        {row(QStringLiteral("main"), HealthRow::State::Ok), row(QStringLiteral("staging"), HealthRow::State::Warning),
            row(QStringLiteral("feature"), HealthRow::State::Critical),
            row(QStringLiteral("old"), HealthRow::State::Unknown)});
    model.setConnectionRows(QStringLiteral("Remote"), {row({}, HealthRow::State::Unreachable)});
    HealthView view(&model);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAbstractItemModel* shown = view.table()->model();
    QCOMPARE(shown->rowCount(), 5);
    for (const QPalette& palette : {darkPalette(), m_light}) {
        QApplication::setPalette(palette);
        QSet<int> states;
        for (int r = 0; r < shown->rowCount(); ++r) {
            const QModelIndex index = shown->index(r, HealthTableModel::StateColumn);
            states.insert(index.data(UnderlyingDataRole).toInt());
            const QVariant brush = index.data(Qt::ForegroundRole);
            QVERIFY2(brush.canConvert<QBrush>(), qPrintable(index.data().toString()));
            const QColor color = brush.value<QBrush>().color();
            for (const QPalette::ColorRole role : {QPalette::Base, QPalette::AlternateBase}) {
                const double ratio = contrastRatio(color, palette.color(role));
                QVERIFY2(ratio >= 4.5,
                    qPrintable(QStringLiteral("%1 in %2 on %3: %4")
                                   .arg(index.data().toString(), color.name(), palette.color(role).name())
                                   .arg(ratio)));
            }
        }
        QCOMPARE(states.size(), 5); // every state was looked at
    }
    QApplication::setPalette(darkPalette());
    QVERIFY2(nearWhiteShare(&view) < kMostNearWhite, qPrintable(QString::number(nearWhiteShare(&view))));
}

void TestDarkPalette::customPaintingIsDark()
{
    // The retention simulator on a few real backups and a daily and weekly schedule.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<RetentionBackup> backups;
    for (int i = 0; i < 10; ++i)
        backups.append({QStringLiteral("b%1").arg(i), now - i * 86400000LL - 3600000, i % 3 != 0, i == 4, false});
    RetentionPolicy policy;
    policy.schedules = {{Interval {1, Interval::Unit::Day}, 7}, {Interval {1, Interval::Unit::Week}, 4}};
    RetentionTimeline timeline;
    timeline.setSimulation(RetentionSimulation::run(backups, policy, now, now + 56 * 86400000LL), policy);
    timeline.resize(900, 320);

    GrowthChart chart;
    QList<GrowthPoint> points;
    for (int i = 0; i < 30; ++i)
        points.append({now - (30 - i) * 86400000LL, qint64(1000000) * (100 + i * i)});
    chart.setPoints(points);
    chart.resize(600, 240);

    ApiClient client;
    RecoveryKeyBanner keyBanner(&client);
    keyBanner.findChild<QLabel*>(QStringLiteral("recoveryKeyLabel"))
        ->setText(QStringLiteral("Save the repository's password somewhere safe."));
    keyBanner.resize(900, 60);

    ThisComputerBanner computerBanner(
        nullptr, [] { return false; }, nullptr);
    computerBanner.setThisComputerShown(true);
    computerBanner.findChild<QLabel*>(QStringLiteral("thisComputerBannerLabel"))
        ->setText(QStringLiteral("Schedules run only while Tidemark is open."));
    computerBanner.resize(900, 50);

    ActivityListModel activities;
    activities.upsert(finished(QStringLiteral("a1"), Activity::Result::Success));
    activities.upsert(finished(QStringLiteral("a2"), Activity::Result::Failure));
    QListView list;
    list.setModel(&activities);
    list.setItemDelegate(new ActivityDelegate(&list));
    list.setAlternatingRowColors(true);
    list.resize(500, 200);

    for (QWidget* widget : std::initializer_list<QWidget*> {&timeline, &chart, &keyBanner, &computerBanner, &list}) {
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        const double share = nearWhiteShare(widget);
        QVERIFY2(share < kMostNearWhite,
            qPrintable(QStringLiteral("%1: %2 of it near white")
                           .arg(QLatin1String(widget->metaObject()->className()))
                           .arg(share)));
    }
}

void TestDarkPalette::paletteSwitchIsFollowed()
{
    // A banner made while the palette was light turns dark with the palette (the desktop switched themes).
    QApplication::setPalette(m_light);
    ApiClient client;
    RecoveryKeyBanner banner(&client);
    banner.findChild<QLabel*>(QStringLiteral("recoveryKeyLabel"))->setText(QStringLiteral("Save the password."));
    banner.resize(900, 60);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    QVERIFY(nearWhiteShare(&banner) > 0.5); // pale amber on a light palette
    QApplication::setPalette(darkPalette());
    QTRY_VERIFY2(nearWhiteShare(&banner) < kMostNearWhite, qPrintable(QString::number(nearWhiteShare(&banner))));
    QVERIFY(
        contrastRatio(banner.palette().color(QPalette::WindowText), banner.palette().color(QPalette::Window)) >= 4.5);

    // A failure label (the policy editor's problems, the Copies page's status) made on the light palette reads on
    // the dark one after the switch, and back.
    QApplication::setPalette(m_light);
    QWidget window;
    auto* label = new QLabel(QStringLiteral("The schedule is not valid."), &window);
    Tones::setTextTone(label, Tones::Tone::Danger);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto readable = [label] {
        return contrastRatio(label->palette().color(QPalette::WindowText), label->palette().color(QPalette::Window));
    };
    QVERIFY2(readable() >= 4.5, qPrintable(QString::number(readable())));
    const QColor onLight = label->palette().color(QPalette::WindowText);
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(label->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    QTRY_VERIFY(label->palette().color(QPalette::WindowText) != onLight);
    QVERIFY2(readable() >= 4.5, qPrintable(QString::number(readable())));
    // Back to the plain text colour when the failure is gone.
    Tones::setTextTone(label, std::nullopt);
    QCOMPARE(label->palette().color(QPalette::WindowText), QApplication::palette().color(QPalette::WindowText));
}

QTEST_MAIN(TestDarkPalette)
#include "tst_darkpalette.moc"
