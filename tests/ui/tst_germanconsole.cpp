// Every word a German user sees in the console is German: the main window and each dialog are opened against a real
// tidemarkd under the German locale, and every visible text (labels, buttons, menus, actions, headers, tool tips,
// placeholders) is checked against the German catalogue: a text that is an English source with a German translation
// was left untranslated. Qt's own buttons must come from qtbase_de. Every visible table header shows its whole
// German titles at 1366x768 and 1024x600. Runs offscreen.
#include "backupdialog.h"
#include "backuptablemodel.h"
#include "browsedialog.h"
#include "comparedialog.h"
#include "connectiondialog.h"
#include "consoletest.h"
#include "healthview.h"
#include "mainwindow.h"
#include "policyeditordialog.h"
#include "projectsettingsdialog.h"
#include "restoredialog.h"
#include "serverprocess.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTabWidget>
#include <QTranslator>
#include <QtTest>
#include <QXmlStreamReader>

namespace {

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text.trimmed();
}

// The catalogue's English sources that have a German translation of their own, as patterns over the shown text
// (placeholders match anything). Sources that are mostly placeholders ("%1 (%2)") say nothing and are left out.
struct Source
{
    QRegularExpression pattern;
    QString source;
};

QList<Source> translatedSources(const QString& tsFile)
{
    QList<Source> sources;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            const QString plain = withoutMnemonic(source);
            QString letters = plain;
            letters.remove(QRegularExpression(QStringLiteral("%[0-9n]|[^A-Za-z]")));
            if (unfinished || translation.isEmpty() || letters.size() < 4)
                continue;
            if (translation == source || withoutMnemonic(translation) == plain)
                continue; // the same word in both languages ("Name", "Status")
            QString pattern = QRegularExpression::escape(plain);
            pattern.replace(QRegularExpression(QStringLiteral("%[0-9]")), QStringLiteral(".+"));
            pattern.replace(QLatin1String("%n"), QLatin1String("\\d+"));
            pattern.replace(QLatin1String("\\(s\\)"), QLatin1String("s?")); // "%n day(s)" shown as "1 day"
            sources.append({QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$')), source});
        }
    }
    return sources;
}

QStringList visibleTexts(QWidget* root)
{
    QStringList out {root->windowTitle()};
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (w != root && !w->isVisibleTo(root))
            continue;
        out.append(w->toolTip());
        out.append(w->accessibleName());
        if (auto* label = qobject_cast<QLabel*>(w))
            out.append(label->text());
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            out.append(button->text());
        else if (auto* box = qobject_cast<QGroupBox*>(w))
            out.append(box->title());
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            out.append(edit->placeholderText());
        else if (auto* text = qobject_cast<QPlainTextEdit*>(w))
            out.append(text->placeholderText());
        else if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                out.append(tabs->tabText(i));
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                out.append(combo->itemText(i));
        } else if (auto* menu = qobject_cast<QMenu*>(w)) {
            out.append(menu->title());
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c) {
                out.append(view->model()->headerData(c, Qt::Horizontal).toString());
                out.append(view->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
            }
        }
    }
    for (QAction* action : root->findChildren<QAction*>()) {
        if (action->isSeparator())
            continue;
        out.append(action->text());
        out.append(action->toolTip());
        out.append(action->statusTip());
    }
    QStringList lines;
    for (const QString& text : out) {
        // Rich text: the words, without the tags.
        QString plain = text;
        plain.replace(QRegularExpression(QStringLiteral("<br\\s*/?>|</p>|</li>")), QStringLiteral("\n"));
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        plain.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
        for (const QString& line : plain.split(QLatin1Char('\n'))) {
            const QString shown = withoutMnemonic(line);
            if (!shown.isEmpty())
                lines.append(shown);
        }
    }
    lines.removeDuplicates();
    return lines;
}

// The header sections of `root`'s visible tables whose label area (as the style lays it out, sort arrow included)
// is narrower than their text: QHeaderView elides those ("Ar…"). `seen` counts the sections looked at.
QStringList clippedHeaders(QWidget* root, const QString& where, int* seen)
{
    QStringList found;
    for (auto* header : root->findChildren<QHeaderView*>()) {
        if (header->orientation() != Qt::Horizontal || !header->isVisibleTo(root) || !header->model())
            continue;
        for (int logical = 0; logical < header->count(); ++logical) {
            if (header->isSectionHidden(logical))
                continue;
            const QString text = header->model()->headerData(logical, Qt::Horizontal).toString();
            if (text.isEmpty())
                continue;
            QStyleOptionHeader opt;
            opt.initFrom(header);
            opt.state |= QStyle::State_Horizontal;
            opt.orientation = Qt::Horizontal;
            opt.section = logical;
            opt.text = text;
            opt.textAlignment = header->defaultAlignment();
            opt.rect = QRect(0, 0, header->sectionSize(logical), header->height());
            if (header->isSortIndicatorShown() && header->sortIndicatorSection() == logical)
                opt.sortIndicator = header->sortIndicatorOrder() == Qt::AscendingOrder ? QStyleOptionHeader::SortDown
                                                                                       : QStyleOptionHeader::SortUp;
            const QRect label = header->style()->subElementRect(QStyle::SE_HeaderLabel, &opt, header);
            // The label area holds the whole text (else it is elided), and the section leaves a small margin beside
            // it: text that touches the section's edge reads as cut.
            const int advance = header->fontMetrics().horizontalAdvance(text);
            ++*seen;
            if (label.width() < advance || header->sectionSize(logical) < advance + 4)
                found.append(QStringLiteral("%1, %2: \"%3\" has %4 px (label %5 px), needs %6 px")
                                 .arg(where, header->parentWidget()->objectName(), text)
                                 .arg(header->sectionSize(logical))
                                 .arg(label.width())
                                 .arg(advance + 4));
        }
    }
    return found;
}

} // namespace

class TestGermanConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainWindow();
    void dialogs();
    void headersShowTheirWholeText_data();
    void headersShowTheirWholeText();

private:
    // The texts of `root` that are English sources with a German translation.
    QStringList untranslated(QWidget* root, const QString& where);
    bool selectFirstBackup();

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    QTranslator m_qt;
    QTranslator m_tidemark;
    QList<Source> m_sources;
};

void TestGermanConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(m_qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
        "qtbase_de.qm is missing: install qt6-translations-l10n");
    QVERIFY(m_tidemark.load(QLocale(), QStringLiteral("tidemark"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&m_qt);
    QCoreApplication::installTranslator(&m_tidemark);
    m_sources = translatedSources(QStringLiteral(TIDEMARK_TRANSLATIONS_DIR "/tidemark_de.ts"));
    QVERIFY2(m_sources.size() > 500, "the German catalogue could not be read");

    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    // A backup to restore, browse and compare.
    TestHttp http(m_server.url());
    const QString access = http.exchange(m_server.adminToken());
    const QJsonObject backup = http.startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", access);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->setRefreshInterval(0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QVERIFY(m_window->selectEnvironment(QStringLiteral("main")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->backupModel()->rowCount() > 0, 30000);
}

void TestGermanConsole::cleanupTestCase()
{
    m_window.reset();
    m_local.reset();
    m_server.stop();
    QCoreApplication::removeTranslator(&m_tidemark);
    QCoreApplication::removeTranslator(&m_qt);
    QLocale::setDefault(QLocale::c());
}

QStringList TestGermanConsole::untranslated(QWidget* root, const QString& where)
{
    // The demo's names are data, not words to translate.
    static const QStringList names {QStringLiteral("Main"), QStringLiteral("Staging"), QStringLiteral("Feature X")};
    QStringList found;
    for (const QString& text : visibleTexts(root)) {
        if (names.contains(text))
            continue;
        for (const Source& s : std::as_const(m_sources)) {
            if (s.pattern.match(text).hasMatch()) {
                found.append(QStringLiteral("%1: \"%2\" (source \"%3\")").arg(where, text, s.source));
                break;
            }
        }
    }
    // Qt's own buttons come from qtbase_de.
    static const QStringList qtWords {QStringLiteral("OK"), QStringLiteral("Cancel"), QStringLiteral("Close"),
        QStringLiteral("Apply"), QStringLiteral("Discard"), QStringLiteral("Save"), QStringLiteral("Yes"),
        QStringLiteral("No"), QStringLiteral("Help"), QStringLiteral("Reset"), QStringLiteral("Restore Defaults")};
    for (auto* box : root->findChildren<QDialogButtonBox*>()) {
        for (QAbstractButton* button : box->buttons()) {
            if (qtWords.contains(withoutMnemonic(button->text())) && button->text() != QLatin1String("OK"))
                found.append(QStringLiteral("%1: Qt's button \"%2\"").arg(where, button->text()));
        }
    }
    return found;
}

bool TestGermanConsole::selectFirstBackup()
{
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("backupView"));
    if (!table || table->model()->rowCount() == 0)
        return false;
    table->setFocus();
    table->selectRow(0);
    return m_window->selectedBackups().size() == 1;
}

void TestGermanConsole::mainWindow()
{
    // With a backup selected and without: the actions' texts and the reasons they are disabled.
    // Enough is looked at for the check to mean something.
    QVERIFY2(visibleTexts(m_window.get()).size() > 60, qPrintable(visibleTexts(m_window.get()).join(u'|')));
    QStringList found = untranslated(m_window.get(), QStringLiteral("main window"));
    QVERIFY(selectFirstBackup());
    found += untranslated(m_window.get(), QStringLiteral("main window, a backup selected"));
    for (QMenu* menu : m_window->findChildren<QMenu*>())
        found += untranslated(menu, QStringLiteral("menu ") + menu->title());
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestGermanConsole::dialogs()
{
    QStringList found;
    QVERIFY(selectFirstBackup());

    whenDialogOpens<BackupDialog>([&](BackupDialog* dialog) {
        found += untranslated(dialog, QStringLiteral("backup dialog"));
        dialog->reject();
    });
    m_window->backUp();

    QVERIFY(selectFirstBackup());
    bool restoreSeen = false;
    whenDialogOpens<RestoreDialog>([&](RestoreDialog* dialog) {
        // Its impact preview arrives from the server.
        QTest::qWait(0);
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 15000 && dialog->findChild<QLabel*>(QStringLiteral("impactLabel"))
            && dialog->findChild<QLabel*>(QStringLiteral("impactLabel"))->text().isEmpty())
            QTest::qWait(50);
        found += untranslated(dialog, QStringLiteral("restore dialog"));
        restoreSeen = true;
        dialog->reject();
    });
    m_window->restoreSelected();
    QVERIFY(restoreSeen);

    m_window->editPolicies();
    PolicyEditorDialog* policies = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((policies = m_window->findChild<PolicyEditorDialog*>()) != nullptr, 10000);
    QTest::qWait(500); // the preview is computed after the editor opens
    found += untranslated(policies, QStringLiteral("policy editor"));
    policies->reject();

    QVERIFY(selectFirstBackup());
    m_window->browseSelected();
    BrowseDialog* browse = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((browse = m_window->findChild<BrowseDialog*>()) != nullptr, 10000);
    QTest::qWait(500);
    found += untranslated(browse, QStringLiteral("browse"));
    browse->close();

    QVERIFY(selectFirstBackup());
    m_window->compareSelected();
    CompareDialog* compare = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((compare = m_window->findChild<CompareDialog*>()) != nullptr, 10000);
    QTest::qWait(500);
    found += untranslated(compare, QStringLiteral("compare"));
    compare->close();

    whenDialogOpens<ConnectionDialog>([&](ConnectionDialog* dialog) {
        found += untranslated(dialog, QStringLiteral("connections"));
        dialog->reject();
    });
    m_window->findChild<QAction*>(QStringLiteral("connectionsAction"))->trigger();

    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestGermanConsole::headersShowTheirWholeText_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1024x600") << QSize(1024, 600);
}

void TestGermanConsole::headersShowTheirWholeText()
{
    // The window as on a small screen (the window manager's frame left aside): every table's header reads whole.
    QFETCH(QSize, size);
    m_window->showNormal();
    m_window->resize(size.width(), size.height() - 60);
    QTRY_COMPARE(m_window->width(), size.width());
    int seen = 0;
    QStringList found;
    QVERIFY(selectFirstBackup());
    QTest::qWait(100); // the sections follow the rows' contents once laid out
    found += clippedHeaders(m_window.get(), QStringLiteral("main window"), &seen);
    auto* healthDock = m_window->findChild<QDockWidget*>(QStringLiteral("healthDock"));
    healthDock->show();
    healthDock->raise();
    QTRY_VERIFY(m_window->healthView()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->healthView()->table()->model()->rowCount() > 0, 20000);
    found += clippedHeaders(m_window->healthView(), QStringLiteral("health"), &seen);

    m_window->editPolicies();
    PolicyEditorDialog* policies = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((policies = m_window->findChild<PolicyEditorDialog*>()) != nullptr, 10000);
    QTest::qWait(500); // the preview is computed after the editor opens
    found += clippedHeaders(policies, QStringLiteral("policy editor"), &seen);
    policies->reject();

    QVERIFY(selectFirstBackup());
    m_window->browseSelected();
    BrowseDialog* browse = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((browse = m_window->findChild<BrowseDialog*>()) != nullptr, 10000);
    QTest::qWait(500);
    found += clippedHeaders(browse, QStringLiteral("browse"), &seen);
    browse->close();

    QVERIFY(selectFirstBackup());
    m_window->compareSelected();
    CompareDialog* compare = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((compare = m_window->findChild<CompareDialog*>()) != nullptr, 10000);
    QTest::qWait(500);
    found += clippedHeaders(compare, QStringLiteral("compare"), &seen);
    compare->close();

    m_window->editCopies();
    ProjectSettingsDialog* copies = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((copies = m_window->findChild<ProjectSettingsDialog*>()) != nullptr, 10000);
    QTest::qWait(300);
    for (int i = 0; i < copies->tabs()->count(); ++i) {
        copies->tabs()->setCurrentIndex(i);
        QTest::qWait(300);
        found
            += clippedHeaders(copies, QStringLiteral("copies and repositories, ") + copies->tabs()->tabText(i), &seen);
    }
    copies->close();
    m_window->showMaximized();

    // Enough sections were looked at for the check to mean something (backups, preview, health, browse, copies).
    QVERIFY2(seen >= 25, qPrintable(QString::number(seen)));
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestGermanConsole)
#include "tst_germanconsole.moc"
