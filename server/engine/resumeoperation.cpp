#include "resumeoperation.h"

#include "hookrunner.h"

ResumeOperation::ResumeOperation(
    const QString& projectId, const Environment& environment, const HookLedger& ledger, QObject* parent)
    : Operation(parent)
    , m_projectId(projectId)
    , m_environment(environment)
    , m_ledger(ledger)
{ }

void ResumeOperation::start()
{
    const QString hook = m_environment.local ? m_environment.local->resumeHook : QString();
    if (hook.trimmed().isEmpty()) {
        m_ledger.resumed(m_projectId, m_environment.id);
        emit logLine(tr("%1 has no resume hook; nothing to run.").arg(m_environment.id));
        emit finished({Outcome::Kind::Success, tr("Resumed %1 after tidemarkd stopped").arg(m_environment.id)});
        return;
    }
    emit logLine(tr("Running the resume hook of %1.").arg(m_environment.id));
    auto* runner = new HookRunner(hook, m_projectId, m_environment.id, QStringLiteral("resume"), this);
    runner->setTimeout(m_environment.local->hookTimeoutSeconds * 1000);
    runner->setLedger(m_ledger);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok) {
            for (const QString& line : runner->outputLines())
                emit logLine(line);
        }
        m_ledger.resumed(m_projectId, m_environment.id);
        if (!ok) {
            emit logLine(message);
            emit finished({Outcome::Kind::Failure, message});
            return;
        }
        emit logLine(tr("Resumed the environment."));
        emit finished({Outcome::Kind::Success, tr("Resumed %1 after tidemarkd stopped").arg(m_environment.id)});
    });
    runner->start();
}
