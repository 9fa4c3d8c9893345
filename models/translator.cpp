#include "translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translator {

namespace {

bool installFrom(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace

void install(QCoreApplication& app)
{
    const QLocale locale;
    // Qt's own words (Cancel, Close, OK, Discard in standard buttons and dialogs), from Debian's
    // qt6-translations-l10n.
    installFrom(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // The English plural forms ("%n day(s)" → "1 day", "2 days"), under every language: a language without a
    // translation of its own reads English, and English needs them too. Installed first, so it is asked last.
    installFrom(app, QLocale(QLocale::English), QStringLiteral("tidemark"), QStringLiteral(":/i18n"));
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        installFrom(app, locale, QStringLiteral("tidemark"), QStringLiteral(":/i18n"));
}

} // namespace Translator
