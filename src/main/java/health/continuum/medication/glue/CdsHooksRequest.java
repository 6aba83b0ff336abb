package health.continuum.medication.glue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** The request a CDS Hooks 2.0 service gets for an order-sign or order-select of a medication order. */
final class CdsHooksRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CdsHooksRequest() {
    }

    /** The JSON of a CDS Hooks request for the order: context.draftOrders, prefetch.medications. */
    static String body(String hook, MedicationRequest order, String patient, List<FhirMedication> current,
                       FhirContext fhirContext) {
        ObjectNode body = JSON.createObjectNode();
        body.put("hookInstance", UUID.randomUUID().toString());
        body.put("hook", hook);
        ObjectNode context = body.putObject("context");
        context.put("userId", order.hasRequester() && order.getRequester().hasReference()
                ? order.getRequester().getReference() : "Practitioner/unknown");
        context.put("patientId", patient.substring("Patient/".length()));
        if (order.hasEncounter()) {
            context.put("encounterId", order.getEncounter().getReferenceElement().getIdPart());
        }
        Bundle draftOrders = new Bundle().setType(BundleType.COLLECTION);
        draftOrders.addEntry().setResource(order);
        context.set("draftOrders", tree(draftOrders, fhirContext));
        if (hook.equals("order-select")) {
            context.putArray("selections").add(order.getIdElement().toUnqualifiedVersionless().getValue());
        }
        Bundle medications = new Bundle().setType(BundleType.SEARCHSET);
        current.forEach(medication -> medications.addEntry().setResource(summary(medication)));
        body.putObject("prefetch").set("medications", tree(medications, fhirContext));
        return body.toString();
    }

    /** What the checks know of a current medication, as the resource type it was: id, status and medication. */
    private static Resource summary(FhirMedication medication) {
        CodeableConcept code = new CodeableConcept().setText(medication.input().text());
        medication.input().codings().forEach(coding ->
                code.addCoding().setSystem(coding.system()).setCode(coding.code()).setDisplay(coding.display()));
        Reference subject = new Reference(medication.subject());
        IdType id = new IdType(medication.reference());
        if (id.getResourceType().equals("MedicationRequest")) {
            MedicationRequest request = new MedicationRequest().setSubject(subject).setMedication(code);
            request.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(medication.status()));
            return request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setId(id.getIdPart());
        }
        MedicationStatement statement = new MedicationStatement().setSubject(subject).setMedication(code);
        statement.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(medication.status()));
        return statement.setId(id.getIdPart());
    }

    private static JsonNode tree(IBaseResource resource, FhirContext fhirContext) {
        try {
            return JSON.readTree(fhirContext.newJsonParser().encodeResourceToString(resource));
        } catch (IOException e) {
            throw new IllegalStateException("HAPI's own JSON did not parse", e);
        }
    }
}
