package health.continuum.transition.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.server.ContinuumOperationProvider;
import health.continuum.transition.CheckResult;
import health.continuum.transition.CheckResult.Status;
import health.continuum.transition.DischargeReadinessRules;
import health.continuum.transition.LaceResult;
import health.continuum.transition.ReadinessReport;
import health.continuum.transition.TcmSchedule;
import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/** {@code Encounter/{id}/$discharge-readiness}: the readiness checks, TCM deadlines and LACE score of a stay. */
@Component
public class DischargeReadinessOperation implements ContinuumOperationProvider {

    private final DaoRegistry daos;
    private final DischargeReader reader;
    private final DischargeReadinessRules rules;

    public DischargeReadinessOperation(DaoRegistry daos, DischargeReader reader, DischargeProperties properties,
            CalendarProperties calendar) {
        this.daos = daos;
        this.reader = reader;
        this.rules = new DischargeReadinessRules(calendar.clock(), properties.eligibility());
    }

    /**
     * @param dischargeDate the planned discharge, judged as if the patient left then; the encounter's own end wins,
     *     and without either the stay is judged as if it ended now
     */
    @Operation(name = "$discharge-readiness", idempotent = true, type = Encounter.class)
    public Parameters dischargeReadiness(
            @IdParam IdType id,
            @OperationParam(name = "discharge-date", min = 0, max = 1) DateTimeType dischargeDate,
            RequestDetails request) {
        Encounter encounter = daos.getResourceDao(Encounter.class).read(id.toUnqualifiedVersionless(), request);
        Instant evaluatedAt = dischargeDate == null || dischargeDate.getValue() == null
                ? Instant.now()
                : dischargeDate.getValue().toInstant();
        DischargeRecord record = reader.gather(encounter, evaluatedAt);
        ReadinessReport report = rules.evaluate(record.context());
        return parameters(report, record.context().lace());
    }

    private static Parameters parameters(ReadinessReport report, LaceResult lace) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("ready").setValue(new BooleanType(report.ready()));
        for (CheckResult check : report.checks()) {
            ParametersParameterComponent part = parameters.addParameter().setName("check");
            part.addPart().setName("code").setValue(new Coding(
                    ContinuumCodes.DISCHARGE_READINESS_CHECK, check.check().code(), null));
            part.addPart().setName("status").setValue(new CodeType(statusCode(check.status())));
            part.addPart().setName("detail").setValue(new StringType(check.detail()));
            check.evidence().forEach(evidence ->
                    part.addPart().setName("evidence").setValue(new Reference(evidence)));
        }
        TcmSchedule schedule = report.schedule();
        parameters.addParameter().setName("tcm-eligible").setValue(new BooleanType(report.tcmEligible()));
        parameters.addParameter().setName("tcm-complexity")
                .setValue(new CodeType(schedule.complexity().code()));
        parameters.addParameter().setName("contact-due").setValue(date(schedule.contactDue()));
        parameters.addParameter().setName("visit-due").setValue(date(schedule.visitDue()));
        ParametersParameterComponent score = parameters.addParameter().setName("lace")
                .setValue(new IntegerType(lace.total()));
        lacePart(score, "length-of-stay", lace.lengthOfStay());
        lacePart(score, "acuity", lace.acuity());
        lacePart(score, "comorbidity", lace.comorbidity());
        lacePart(score, "emergency-visits", lace.emergencyVisits());
        return parameters;
    }

    private static void lacePart(ParametersParameterComponent score, String name, LaceResult.Component component) {
        ParametersParameterComponent part = score.addPart().setName(name);
        part.addPart().setName("value").setValue(new IntegerType(component.value()));
        part.addPart().setName("points").setValue(new IntegerType(component.points()));
    }

    private static String statusCode(Status status) {
        return switch (status) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_APPLICABLE -> "not-applicable";
        };
    }

    private static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }
}
