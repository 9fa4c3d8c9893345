#pragma once

class QCoreApplication;

// Loads Qt's own translation (qtbase_<lang>) and the compiled translation (":/i18n/tidemark_<lang>.qm") for the
// user's locale, over the English plural forms (":/i18n/tidemark_en.qm").
namespace Translator {
void install(QCoreApplication& app);
}
