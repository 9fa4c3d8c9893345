#include "verifysettings.h"

#include "jsonread.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VerifySettings)
};

const QString kEvery = QStringLiteral("every");
const QString kReadDataPercent = QStringLiteral("read_data_percent");
const QString kTestRestore = QStringLiteral("test_restore");

} // namespace

Decoded<VerifySettings> VerifySettings::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<VerifySettings>::failure(problems);
    JsonRead::rejectUnknownKeys(*root, {kEvery, kReadDataPercent, kTestRestore}, basePath, problems);

    VerifySettings settings;
    if (root->contains(kEvery)) {
        const QString path = JsonPath::key(basePath, kEvery);
        if (const auto text = JsonRead::string(root->value(kEvery), path, problems)) {
            if (const auto interval = Interval::parse(*text))
                settings.every = *interval;
            else
                problems.append({path,
                    Tr::tr("'%1' is not an interval (use a number and one of h, d, w, M, y)").arg(text->left(64))});
        }
    }
    if (root->contains(kReadDataPercent)) {
        if (const auto percent = JsonRead::integer(
                root->value(kReadDataPercent), JsonPath::key(basePath, kReadDataPercent), 0, 100, problems))
            settings.readDataPercent = int(*percent);
    }
    if (root->contains(kTestRestore)) {
        if (const auto test
            = JsonRead::boolean(root->value(kTestRestore), JsonPath::key(basePath, kTestRestore), problems))
            settings.testRestore = *test;
    }
    if (!problems.isEmpty())
        return Decoded<VerifySettings>::failure(problems);
    return Decoded<VerifySettings>::success(settings);
}

QJsonObject VerifySettings::toJson() const
{
    return QJsonObject {{kEvery, every.label()}, {kReadDataPercent, readDataPercent}, {kTestRestore, testRestore}};
}
