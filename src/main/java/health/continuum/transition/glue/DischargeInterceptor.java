package health.continuum.transition.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.server.ContinuumServerInterceptor;
import health.continuum.server.ResponseOutcomeIssues;
import health.continuum.server.WriteTransaction;
import health.continuum.transition.CheckResult.Status;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargePolicy;
import health.continuum.transition.DischargeReadinessRules;
import health.continuum.transition.FollowUpTasks;
import health.continuum.transition.ReadinessReport;
import health.continuum.transition.TcmEligibility;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.springframework.stereotype.Component;

/**
 * Judges discharge readiness when a write finishes a TCM-eligible stay (create, update, patch or transaction entry)
 * and applies {@link DischargePolicy}. The stays a transaction finishes are judged together just before it commits
 * ({@link WriteTransaction#atCommit}): each Encounter has its id, nested writes join the request's database
 * transaction, and a rejection rolls the whole write back.
 */
@Component
@Interceptor
public class DischargeInterceptor implements ContinuumServerInterceptor {

    private static final String BATCH = DischargeInterceptor.class.getName();

    private final DischargePolicy policy;
    private final TcmEligibility eligibility;
    private final DischargeReadinessRules rules;
    private final DischargeReader reader;
    private final DischargeWriter writer;
    private final WriteTransaction transaction;

    public DischargeInterceptor(DischargeProperties properties, CalendarProperties calendar, DischargeReader reader,
                                DischargeWriter writer, WriteTransaction transaction) {
        this.policy = properties.policy();
        this.eligibility = properties.eligibility();
        this.rules = new DischargeReadinessRules(calendar.clock(), eligibility);
        this.reader = reader;
        this.writer = writer;
        this.transaction = transaction;
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void created(IBaseResource resource, RequestDetails request, TransactionDetails transactionDetails) {
        if (resource instanceof Encounter encounter && isFinished(encounter)) {
            discharged(encounter, request, transactionDetails);
        }
    }

    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource updated, RequestDetails request,
                        TransactionDetails transactionDetails) {
        if (updated instanceof Encounter encounter
                && isFinished(encounter)
                && !(previous instanceof Encounter before && isFinished(before))) {
            discharged(encounter, request, transactionDetails);
        }
    }

    private void discharged(Encounter encounter, RequestDetails request, TransactionDetails transactionDetails) {
        if (policy == DischargePolicy.OFF) {
            return;
        }
        EncounterSummary summary = reader.summarize(encounter);
        if (!eligibility.isEligible(summary) || DischargeReader.patientOf(encounter).isEmpty()) {
            return;
        }
        transaction.atCommit(BATCH, new Discharge(encounter, summary, request, transactionDetails), this::judgeAll);
    }

    private record Discharge(Encounter encounter, EncounterSummary summary, RequestDetails request,
                             TransactionDetails transactionDetails) {}

    private void judgeAll(List<Discharge> discharges) {
        discharges.forEach(discharge -> judge(discharge.encounter(), discharge.summary(), discharge.request(),
                discharge.transactionDetails()));
    }

    private void judge(Encounter encounter, EncounterSummary summary, RequestDetails request,
                       TransactionDetails transactionDetails) {
        DischargeRecord record = reader.gather(encounter, Instant.now());
        ReadinessReport report = rules.evaluate(record.context());
        if (policy == DischargePolicy.BLOCK && !report.ready()) {
            throw rejection(report);
        }
        writer.saveLace(record.context(), request, transactionDetails);
        if (policy == DischargePolicy.ASSIST) {
            List<String> created = writer.createTasks(
                    record, FollowUpTasks.missing(record.context(), report), request, transactionDetails);
            failures(report).forEach(failure -> ResponseOutcomeIssues.add(request,
                    issue(IssueSeverity.WARNING, failure)));
            created.forEach(task -> ResponseOutcomeIssues.add(request, issue(IssueSeverity.INFORMATION,
                    "Created follow-up " + task + " for " + summary.reference())));
        }
    }

    /** The 422 of policy block: one issue per failing check, naming what is missing. */
    static UnprocessableEntityException rejection(ReadinessReport report) {
        OperationOutcome outcome = new OperationOutcome();
        failures(report).forEach(failure -> outcome.addIssue(issue(IssueSeverity.ERROR, failure)));
        return new UnprocessableEntityException(
                report.encounter() + " is not ready for discharge", outcome);
    }

    private static List<String> failures(ReadinessReport report) {
        return report.checks().stream()
                .filter(check -> check.status() == Status.FAIL)
                .map(check -> "Discharge readiness check '" + check.check().code() + "' failed: " + check.detail())
                .toList();
    }

    private static OperationOutcomeIssueComponent issue(IssueSeverity severity, String diagnostics) {
        return new OperationOutcomeIssueComponent()
                .setSeverity(severity)
                .setCode(severity == IssueSeverity.INFORMATION ? IssueType.INFORMATIONAL : IssueType.BUSINESSRULE)
                .setDiagnostics(diagnostics);
    }

    private static boolean isFinished(Encounter encounter) {
        return encounter.getStatus() == Encounter.EncounterStatus.FINISHED;
    }
}
