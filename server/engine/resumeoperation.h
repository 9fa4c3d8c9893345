#pragma once

#include "activities/operation.h"
#include "domain/environment.h"
#include "hookledger.h"

// Resumes an environment that tidemarkd paused and could not resume because it was killed: runs the current
// resume hook and clears the ledger's record. Queued at start-up before anything else on that environment.
class ResumeOperation : public Operation
{
    Q_OBJECT

public:
    ResumeOperation(
        const QString& projectId, const Environment& environment, const HookLedger& ledger, QObject* parent = nullptr);

    void start() override;
    void cancel() override { }
    bool isCancellable() const override { return false; }

private:
    QString m_projectId;
    Environment m_environment;
    HookLedger m_ledger;
};
