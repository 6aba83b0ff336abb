package health.continuum.transition.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.conformance.glue.ServerAuthored;
import health.continuum.transition.DischargeContext;
import health.continuum.transition.FollowUpTasks.Proposal;
import health.continuum.transition.LaceResult;
import health.continuum.workflow.glue.CoordinatorTasks;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** Writes what a discharge produces: the stay's LACE Observation and, in assist mode, the missing follow-up Tasks. */
@Component
public class DischargeWriter {

    private final DaoRegistry daos;

    public DischargeWriter(DaoRegistry daos) {
        this.daos = daos;
    }

    /**
     * Creates the proposed Tasks, conformant to the Continuum Task profile, and returns their references.
     *
     * @param transactionDetails the discharging write's: its references (patient, stay, coordinator, care plan) are
     *     resolved once for all Tasks, not looked up again by each
     */
    public List<String> createTasks(DischargeRecord record, List<Proposal> proposals, RequestDetails request,
                                    TransactionDetails transactionDetails) {
        return proposals.stream().map(proposal -> {
            Task task = CoordinatorTasks.requested(
                    proposal.type().code(), proposal.description(), proposal.patient(), proposal.focus());
            if (record.coordinator() != null) {
                task.setOwner(new Reference(record.coordinator()));
            }
            if (record.carePlan() != null) {
                task.addBasedOn(new Reference(record.carePlan()));
            }
            task.getRestriction().getPeriod().setEndElement(new DateTimeType(proposal.due().toString()));
            return daos.getResourceDao(Task.class).create(task, null, true, request, transactionDetails)
                    .getId().toUnqualifiedVersionless().getValue();
        }).toList();
    }

    /** Stores the LACE score of the stay as one Observation per encounter, updated when the discharge repeats. */
    public String saveLace(DischargeContext context, RequestDetails request, TransactionDetails transactionDetails) {
        LaceResult lace = context.lace();
        Observation observation = ServerAuthored.mark(new Observation());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(CodeSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(concept(ContinuumCodes.ReadmissionRisk.LACE));
        observation.setSubject(new Reference(context.patient()));
        observation.setEncounter(new Reference(context.encounter().reference()));
        observation.setEffective(new DateTimeType(Date.from(context.discharge())));
        observation.setValue(new IntegerType(lace.total()));
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_LENGTH_OF_STAY, lace.lengthOfStay());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_ACUITY, lace.acuity());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_COMORBIDITY, lace.comorbidity());
        component(observation, ContinuumCodes.ReadmissionRisk.LACE_EMERGENCY_VISITS, lace.emergencyVisits());
        observation.setId(laceId(context.encounter().reference()));
        return daos.getResourceDao(Observation.class)
                .update(observation, null, true, false, request, transactionDetails)
                .getId().toUnqualifiedVersionless().getValue();
    }

    // An id derived from the stay's: a repeated discharge updates its Observation, and no search has to find it.
    private static IdType laceId(String encounter) {
        return new IdType("Observation", "lace-" + UUID.nameUUIDFromBytes(encounter.getBytes(StandardCharsets.UTF_8)));
    }

    private static void component(
            Observation observation, ContinuumCodes.ReadmissionRisk code, LaceResult.Component component) {
        observation.addComponent().setCode(concept(code)).setValue(new IntegerType(component.points()));
    }

    private static CodeableConcept concept(ContinuumCodes.ReadmissionRisk code) {
        return new CodeableConcept(new Coding(ContinuumCodes.READMISSION_RISK, code.code(), code.display()))
                .setText(code.display());
    }
}
