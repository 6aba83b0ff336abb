package health.continuum.medication.glue;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.medication.Dosage;
import health.continuum.medication.TestMedications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** A version read inside a transaction is remembered only if that transaction commits. */
class CommittedMedicationsTest {

    private static final String VERSION = "MedicationStatement/7/_history/3";

    private final CommittedMedications committed = new CommittedMedications();
    private final FhirMedication medication = new FhirMedication("MedicationStatement/7", "Patient/1", "active",
            TestMedications.coded("MedicationStatement/7", "simvastatin"), new Dosage("20 mg", null, null), true, false,
            null, null);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aVersionReadInACommittedTransactionIsRemembered() {
        TransactionSynchronizationManager.initSynchronization();
        committed.addOnCommit(Map.of(VERSION, medication));
        assertThat(committed.get(VERSION)).as("not before the commit").isEmpty();

        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(committed.get(VERSION)).contains(medication);
    }

    @Test
    void aVersionReadInARolledBackTransactionIsForgotten() {
        TransactionSynchronizationManager.initSynchronization();
        committed.addOnCommit(Map.of(VERSION, medication));

        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCompletion(
                synchronizations, TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(committed.get(VERSION)).isEmpty();
    }

    @Test
    void withoutATransactionNothingIsRemembered() {
        committed.addOnCommit(Map.of(VERSION, medication));

        assertThat(committed.get(VERSION)).isEmpty();
    }
}
