package health.continuum.medication.glue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Medications already read, by versioned id ("MedicationStatement/7/_history/3"). A committed version never changes
 * (expunge and history rewrite are off), so an entry is never stale and every node may keep its own. A version is
 * added only once the transaction that read it commits: a version read before a rollback may later be written again
 * with other content.
 */
@Component
class CommittedMedications {

    // About 1 KB each: a bounded few megabytes, enough for the active lists of the patients being worked on.
    private static final int MAX_VERSIONS = 10_000;

    private final Cache<String, FhirMedication> byVersionedId = Caffeine.newBuilder().maximumSize(MAX_VERSIONS).build();

    Optional<FhirMedication> get(String versionedId) {
        return Optional.ofNullable(byVersionedId.getIfPresent(versionedId));
    }

    /** Adds the versions when the current transaction commits; without a transaction, adds nothing. */
    void addOnCommit(Map<String, FhirMedication> byVersion) {
        if (byVersion.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                byVersionedId.putAll(byVersion);
            }
        });
    }
}
