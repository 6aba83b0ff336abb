package health.continuum.medication.glue;

import health.continuum.medication.Finding;
import health.continuum.medication.InteractionChecker;
import health.continuum.medication.MedicationInput;
import health.continuum.medication.PatientContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.springframework.stereotype.Component;

/**
 * The findings about the active medications one database transaction writes: each against the patient's current
 * medications and the patient's context (each read at most once per patient, the context only when a contextual rule
 * needs it), and, for
 * orders, the site's knowledge service when one is configured.
 */
@Component
public class MedicationFindings {

    /** A medication written in the current transaction, as stored (its id known). */
    public record MedicationWrite(FhirMedication medication, IBaseResource resource) {
        String versionedId() {
            return resource.getIdElement().toUnqualified().getValue();
        }
    }

    private final InteractionChecker checker;
    private final CurrentMedications current;
    private final PatientContextReader patients;
    private final ExternalKnowledgeService externalService;

    public MedicationFindings(InteractionChecker checker, CurrentMedications current, PatientContextReader patients,
                              ExternalKnowledgeService externalService) {
        this.checker = checker;
        this.current = current;
        this.patients = patients;
        this.externalService = externalService;
    }

    /** Findings per write, in the order given. */
    public <W> Map<W, List<Finding>> of(List<W> writes, Function<W, MedicationWrite> medicationOf) {
        // The written versions are known already: the searches below need not read them back
        Map<String, FhirMedication> read = new HashMap<>();
        writes.stream().map(medicationOf).forEach(written -> read.put(written.versionedId(), written.medication()));
        Map<String, List<FhirMedication>> currentByPatient = new HashMap<>();
        Map<String, PatientContext> contextByPatient = new HashMap<>();
        Map<W, List<Finding>> findingsOf = new LinkedHashMap<>();
        for (W write : writes) {
            MedicationWrite written = medicationOf.apply(write);
            FhirMedication medication = written.medication();
            String patient = medication.patient();
            List<FhirMedication> others = currentByPatient
                    .computeIfAbsent(patient, unread -> current.activeMedications(unread, read)).stream()
                    .filter(other -> !other.reference().equals(medication.reference()))
                    .toList();
            List<MedicationInput> inputs = others.stream().map(FhirMedication::input).toList();
            List<Finding> findings = new ArrayList<>(checker.check(medication.input(), inputs,
                    () -> contextByPatient.computeIfAbsent(patient, patients::read)));
            if (externalService.configured() && written.resource() instanceof MedicationRequest order) {
                findings.addAll(externalService.check(order, patient, others));
            }
            findingsOf.put(write, findings);
        }
        return findingsOf;
    }
}
