package health.continuum.medication.glue;

import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.StandardCodes;
import health.continuum.medication.ReconciliationItem;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;

/** A reconciliation as a FHIR List coded LOINC 10160-0: one entry per item, flagged with its reconciliation flag. */
final class ReconciliationList {

    private ReconciliationList() {}

    static ListResource of(String patient, String encounter, List<ReconciliationItem> items) {
        ListResource list = new ListResource();
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.SNAPSHOT);
        list.setTitle("Medication reconciliation");
        list.getCode().addCoding().setSystem(StandardCodes.MEDICATION_HISTORY.system())
                .setCode(StandardCodes.MEDICATION_HISTORY.code()).setDisplay(StandardCodes.MEDICATION_HISTORY.display());
        list.setSubject(new Reference(patient));
        if (encounter != null) {
            list.setEncounter(new Reference(encounter));
        }
        list.setDate(new Date());
        for (ReconciliationItem item : items) {
            ListResource.ListEntryComponent entry = list.addEntry();
            entry.getFlag().addCoding().setSystem(ContinuumCodes.RECONCILIATION_FLAG).setCode(item.flag().code());
            entry.getFlag().setText(flagText(item));
            entry.setItem(new Reference(item.orderReference() != null ? item.orderReference() : item.priorReference()));
        }
        return list;
    }

    /** List.entry holds one item, so the prior medication an order answers is named in the flag text. */
    private static String flagText(ReconciliationItem item) {
        String text = item.flag().code();
        if (!item.changes().isEmpty()) {
            text += " (" + item.changes().stream().map(change -> change.name().toLowerCase(Locale.ROOT))
                    .sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (item.priorReference() != null && item.orderReference() != null) {
            text += " from " + item.priorReference();
        }
        return text;
    }
}
