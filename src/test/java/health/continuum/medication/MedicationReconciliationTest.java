package health.continuum.medication;

import static health.continuum.medication.TestMedications.KNOWLEDGE_BASE;
import static health.continuum.medication.TestMedications.coded;
import static health.continuum.medication.TestMedications.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import health.continuum.medication.ReconciliationItem.Change;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MedicationReconciliationTest {

    private static final Dosage METFORMIN_DOSAGE = new Dosage("500 mg", "oral", "twice daily");
    private static final ReconciliationEntry PRIOR_METFORMIN = prior("MedicationStatement/1", METFORMIN_DOSAGE, "metformin");

    static Stream<Arguments> singleComparisons() {
        return Stream.of(
                arguments("same dosage written differently",
                        order("MedicationRequest/1", new Dosage("500mg", "Oral", "twice  daily"), "active", "metformin"),
                        ReconciliationFlag.CONTINUED, Set.of()),
                arguments("dose differs", order("MedicationRequest/1", new Dosage("1000 mg", "oral", "twice daily"),
                        "active", "metformin"), ReconciliationFlag.CHANGED, Set.of(Change.DOSE)),
                arguments("route differs", order("MedicationRequest/1", new Dosage("500 mg", "via feeding tube", "twice daily"),
                        "active", "metformin"), ReconciliationFlag.CHANGED, Set.of(Change.ROUTE)),
                arguments("frequency differs", order("MedicationRequest/1", new Dosage("500 mg", "oral", "once daily"),
                        "active", "metformin"), ReconciliationFlag.CHANGED, Set.of(Change.FREQUENCY)),
                arguments("dosage missing on the order", order("MedicationRequest/1", null, "active", "metformin"),
                        ReconciliationFlag.CHANGED, Set.of(Change.DOSE, Change.ROUTE, Change.FREQUENCY)),
                arguments("different ingredients", order("MedicationRequest/1", METFORMIN_DOSAGE, "active",
                        "metformin", "insulin glargine"), ReconciliationFlag.CHANGED, Set.of(Change.INGREDIENTS)),
                arguments("stopped", order("MedicationRequest/1", null, "stopped", "metformin"),
                        ReconciliationFlag.STOPPED, Set.of()),
                arguments("cancelled", order("MedicationRequest/1", null, "cancelled", "metformin"),
                        ReconciliationFlag.STOPPED, Set.of()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("singleComparisons")
    void classifiesAnOrderAgainstThePriorMedicationItShares(String description, ReconciliationEntry order,
                                                           ReconciliationFlag expectedFlag, Set<Change> expectedChanges) {
        assertThat(MedicationReconciliation.compare(List.of(PRIOR_METFORMIN), List.of(order))).singleElement()
                .isEqualTo(new ReconciliationItem(expectedFlag, "MedicationStatement/1", "MedicationRequest/1", expectedChanges));
    }

    @Test
    void flagsAnOrderForSomethingNotOnThePriorListAsNew() {
        ReconciliationEntry apixaban = order("MedicationRequest/9", null, "active", "apixaban");

        assertThat(MedicationReconciliation.compare(List.of(), List.of(apixaban))).containsExactly(
                new ReconciliationItem(ReconciliationFlag.NEW, null, "MedicationRequest/9", Set.of()));
    }

    @Test
    void flagsAPriorMedicationNothingAddressesAsOmitted() {
        ReconciliationEntry warfarin = prior("MedicationStatement/4", null, "warfarin");
        ReconciliationEntry enteredInError = order("MedicationRequest/1", null, "entered-in-error", "warfarin");

        assertThat(MedicationReconciliation.compare(List.of(warfarin), List.of(enteredInError))).containsExactly(
                new ReconciliationItem(ReconciliationFlag.OMITTED, "MedicationStatement/4", null, Set.of()));
    }

    @Test
    void keepsAStopOrderForSomethingNotOnThePriorList() {
        ReconciliationEntry stop = order("MedicationRequest/5", null, "stopped", "ibuprofen");

        assertThat(MedicationReconciliation.compare(List.of(PRIOR_METFORMIN), List.of(stop))).containsExactly(
                new ReconciliationItem(ReconciliationFlag.STOPPED, null, "MedicationRequest/5", Set.of()),
                new ReconciliationItem(ReconciliationFlag.OMITTED, "MedicationStatement/1", null, Set.of()));
    }

    @Test
    void reconcilesADischargeListEndToEnd() {
        List<ReconciliationEntry> priors = List.of(
                ReconciliationEntry.of(KNOWLEDGE_BASE.identify(text("MedicationStatement/1", "Metformin 500 mg tablet")),
                        METFORMIN_DOSAGE, "active"),
                prior("MedicationStatement/2", new Dosage("10 mg", "oral", "once daily"), "lisinopril"),
                prior("MedicationStatement/3", new Dosage("40 mg", "oral", "at night"), "simvastatin"),
                prior("MedicationStatement/4", new Dosage("5 mg", "oral", "once daily"), "warfarin"));
        List<ReconciliationEntry> orders = List.of(
                ReconciliationEntry.of(KNOWLEDGE_BASE.identify(coded("MedicationRequest/1", "metformin")),
                        METFORMIN_DOSAGE, "active"),
                order("MedicationRequest/2", new Dosage("20 mg", "oral", "once daily"), "active", "lisinopril"),
                order("MedicationRequest/3", null, "stopped", "simvastatin"),
                order("MedicationRequest/4", new Dosage("5 mg", "oral", "twice daily"), "active", "apixaban"));

        assertThat(MedicationReconciliation.compare(priors, orders))
                .extracting(ReconciliationItem::flag, ReconciliationItem::priorReference, ReconciliationItem::orderReference)
                .containsExactly(
                        tuple(ReconciliationFlag.CONTINUED, "MedicationStatement/1", "MedicationRequest/1"),
                        tuple(ReconciliationFlag.CHANGED, "MedicationStatement/2", "MedicationRequest/2"),
                        tuple(ReconciliationFlag.STOPPED, "MedicationStatement/3", "MedicationRequest/3"),
                        tuple(ReconciliationFlag.NEW, null, "MedicationRequest/4"),
                        tuple(ReconciliationFlag.OMITTED, "MedicationStatement/4", null));
    }

    private static ReconciliationEntry prior(String reference, Dosage dosage, String... ingredients) {
        return new ReconciliationEntry(reference, rxcuis(ingredients), dosage, "active");
    }

    private static ReconciliationEntry order(String reference, Dosage dosage, String status, String... ingredients) {
        return new ReconciliationEntry(reference, rxcuis(ingredients), dosage, status);
    }

    private static Set<String> rxcuis(String... ingredients) {
        return Stream.of(ingredients).map(TestMedications::rxcui).collect(Collectors.toSet());
    }
}
