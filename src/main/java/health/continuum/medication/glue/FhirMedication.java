package health.continuum.medication.glue;

import health.continuum.canonical.Canonical;
import health.continuum.canonical.Coding;
import health.continuum.medication.Dosage;
import health.continuum.medication.MedicationInput;
import health.continuum.medication.MedicationInput.Kind;
import health.continuum.medication.MedicationKnowledgeBase;
import health.continuum.medication.ReconciliationEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

/**
 * A MedicationStatement or MedicationRequest reduced to what the checks and the reconciliation read.
 *
 * @param reference "Type/id" of the resource (unversioned)
 * @param subject reference of its subject (a Patient or Group), or null when it has none
 * @param active whether it counts towards the patient's current medications
 * @param ended whether it has stopped, so that its open findings no longer apply
 * @param overrideReason reason of the interaction-override extension, or null
 * @param author who answers for the resource: informationSource or requester, or null
 */
public record FhirMedication(String reference, String subject, String status, MedicationInput input, Dosage dosage,
                             boolean active, boolean ended, String overrideReason, Reference author) {

    // Held and intended medications resume or start without a new write, so they are checked as current ones.
    static final List<String> ACTIVE_STATEMENT_STATUSES = List.of("active", "intended", "on-hold");
    // A draft is checked while it is being prescribed, which is when a warning can still change it.
    static final List<String> ACTIVE_REQUEST_STATUSES = List.of("active", "on-hold", "draft");
    private static final Set<String> ENDED_STATUSES =
            Set.of("stopped", "completed", "entered-in-error", "not-taken", "cancelled");

    /** The medication view of a resource, empty when it is neither a MedicationStatement nor a MedicationRequest. */
    public static Optional<FhirMedication> of(IBaseResource resource) {
        if (resource instanceof MedicationStatement statement) {
            String status = statement.hasStatus() ? statement.getStatus().toCode() : null;
            Dosage dosage = dosageOf(statement.getDosageFirstRep());
            return Optional.of(new FhirMedication(referenceOf(statement), statement.getSubject().getReference(), status,
                    inputOf(referenceOf(statement), statement.getMedication(), dosage, Kind.STATEMENT, null), dosage,
                    ACTIVE_STATEMENT_STATUSES.contains(status), ENDED_STATUSES.contains(status),
                    overrideReason(statement.getExtensionByUrl(Canonical.INTERACTION_OVERRIDE_EXTENSION)),
                    statement.hasInformationSource() ? statement.getInformationSource() : null));
        }
        if (resource instanceof MedicationRequest request) {
            String status = request.hasStatus() ? request.getStatus().toCode() : null;
            Dosage dosage = dosageOf(request.getDosageInstructionFirstRep());
            String encounter = request.hasEncounter() ? request.getEncounter().getReference() : null;
            return Optional.of(new FhirMedication(referenceOf(request), request.getSubject().getReference(), status,
                    inputOf(referenceOf(request), request.getMedication(), dosage, Kind.ORDER, encounter), dosage,
                    ACTIVE_REQUEST_STATUSES.contains(status), ENDED_STATUSES.contains(status),
                    overrideReason(request.getExtensionByUrl(Canonical.INTERACTION_OVERRIDE_EXTENSION)),
                    request.hasRequester() ? request.getRequester() : null));
        }
        return Optional.empty();
    }

    public ReconciliationEntry reconciliationEntry(MedicationKnowledgeBase knowledgeBase) {
        return ReconciliationEntry.of(knowledgeBase.identify(input), dosage, status);
    }

    private static String referenceOf(IBaseResource resource) {
        return resource.getIdElement().toUnqualifiedVersionless().getValue();
    }

    /** "Patient/id" of the subject, or null when the subject is not a patient (e.g. a Group). */
    public String patient() {
        return subject != null && subject.startsWith("Patient/") ? subject : null;
    }

    private static MedicationInput inputOf(String reference, Type medication, Dosage dosage, Kind kind, String encounter) {
        if (medication instanceof CodeableConcept concept) {
            List<Coding> codings = concept.getCoding().stream()
                    .map(coding -> new Coding(coding.getSystem(), coding.getCode(), coding.getDisplay())).toList();
            return new MedicationInput(reference, codings, concept.getText(), dosage, kind, encounter);
        }
        // A Medication resource is not read here: its reference display is the only name the statement carries.
        String display = medication instanceof Reference ref ? ref.getDisplay() : null;
        return new MedicationInput(reference, List.of(), display, dosage, kind, encounter);
    }

    private static Dosage dosageOf(org.hl7.fhir.r4.model.Dosage dosage) {
        String dose = dosage.getDoseAndRate().stream()
                .filter(doseAndRate -> doseAndRate.hasDoseQuantity() && doseAndRate.getDoseQuantity().hasValue())
                .map(doseAndRate -> quantity(doseAndRate.getDoseQuantity()))
                .findFirst().orElse(dosage.getText());
        String route = dosage.hasRoute() ? text(dosage.getRoute()) : null;
        return new Dosage(dose, route, frequency(dosage.getTiming()));
    }

    private static String quantity(Quantity quantity) {
        String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
        return quantity.getValue().toPlainString() + (unit == null ? "" : " " + unit);
    }

    private static String frequency(Timing timing) {
        if (timing.hasCode()) {
            return text(timing.getCode());
        }
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        if (repeat.hasFrequency() && repeat.hasPeriod() && repeat.hasPeriodUnit()) {
            return repeat.getFrequency() + " per " + repeat.getPeriod().toPlainString() + " " + repeat.getPeriodUnit().toCode();
        }
        return null;
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .map(coding -> coding.hasDisplay() ? coding.getDisplay() : coding.getCode())
                .findFirst().orElse(null);
    }

    private static String overrideReason(Extension extension) {
        if (extension == null || !extension.hasValue()) {
            return null;
        }
        String reason = extension.getValue().primitiveValue();
        return reason == null || reason.isBlank() ? null : reason;
    }
}
