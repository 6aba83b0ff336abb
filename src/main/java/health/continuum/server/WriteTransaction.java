package health.continuum.server;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The database transaction of the write being stored, for the checks that search and write inside it. */
@Component
public class WriteTransaction {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Queues {@code item} for {@code work}, which runs once per database transaction with every item queued under
     * {@code key}, just before it commits: a transaction Bundle of 300 medications is checked in one pass, with one
     * flush, instead of 300. The work still runs inside the transaction, so what it writes commits with the request
     * and an exception it throws rolls the whole request back. Without a transaction the work runs at once.
     */
    public <T> void atCommit(String key, T item, Consumer<List<T>> work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            withOneFlush(() -> work.accept(List.of(item)));
            return;
        }
        PendingWork pending = (PendingWork) TransactionSynchronizationManager.getResource(PendingWork.class);
        if (pending == null) {
            pending = new PendingWork();
            TransactionSynchronizationManager.bindResource(PendingWork.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(key, item, work);
    }

    /**
     * Runs {@code work}, which searches and writes inside the current write's transaction, with one flush first (so
     * its searches see everything written so far) and none before each query. Otherwise every search flushes every
     * entity the session holds, and the searches keep adding the patient's records to it.
     */
    private void withOneFlush(Runnable work) {
        entityManager.flush();
        FlushModeType flushMode = entityManager.getFlushMode();
        entityManager.setFlushMode(FlushModeType.COMMIT);
        try {
            work.run();
        } finally {
            entityManager.setFlushMode(flushMode);
        }
    }

    /** The work queued in one transaction, by key, in the order the keys were first used. */
    private final class PendingWork implements TransactionSynchronization {

        private final Map<String, Batch<?>> batches = new LinkedHashMap<>();

        <T> void add(String key, T item, Consumer<List<T>> work) {
            @SuppressWarnings("unchecked")
            Batch<T> batch = (Batch<T>) batches.computeIfAbsent(key, unused -> new Batch<>(work));
            batch.items.add(item);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Work may queue more (a check's own writes): run until nothing is left, so nothing queued is skipped
            for (Batch<?> batch = next(); batch != null; batch = next()) {
                batch.run();
            }
        }

        private Batch<?> next() {
            return batches.values().stream().filter(batch -> !batch.items.isEmpty()).findFirst().orElse(null);
        }

        // A nested transaction of its own (REQUIRES_NEW) queues its work in its own PendingWork
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(PendingWork.class);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PendingWork.class, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PendingWork.class);
        }
    }

    private final class Batch<T> {
        private final Consumer<List<T>> work;
        private List<T> items = new ArrayList<>();

        Batch(Consumer<List<T>> work) {
            this.work = work;
        }

        void run() {
            List<T> taken = items;
            items = new ArrayList<>();
            withOneFlush(() -> work.accept(taken));
        }
    }
}
