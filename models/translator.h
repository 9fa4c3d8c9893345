#pragma once

class QCoreApplication;

// Loads the compiled translation (":/i18n/tidemark_<lang>.qm") for the user's locale, if there is one.
namespace Translator {
void install(QCoreApplication& app);
}
