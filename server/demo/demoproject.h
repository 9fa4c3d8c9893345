#pragma once

#include <QCoreApplication>
#include <QString>

class Store;

// Creates the demo project on first start: `main` (production), `staging` and `feature-x` (development,
// inactive), each with a git code tree, a mount of a few hundred text and binary files and a SQLite database
// of a few thousand rows — real files under DATA_DIR/environments/.
class DemoProject
{
    Q_DECLARE_TR_FUNCTIONS(DemoProject)

public:
    static constexpr const char* kProjectId = "demo";

    // Does nothing when the project exists already. Returns false and sets `error` on failure.
    static bool ensure(Store& store, const QString& dataDir, QString& error);

private:
    static bool createEnvironmentFiles(const QString& root, const QString& name, int seed, QString& error);
};
