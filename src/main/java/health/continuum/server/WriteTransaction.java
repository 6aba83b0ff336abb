package health.continuum.server;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/** The database transaction of the write being stored, for the checks that search and write inside it. */
@Component
public class WriteTransaction {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Runs {@code work}, which searches and writes inside the current write's transaction, with one flush first (so
     * its searches see everything written so far) and none before each query. Otherwise every search flushes every
     * entity the session holds, and the searches keep adding the patient's records to it.
     */
    public void withOneFlush(Runnable work) {
        entityManager.flush();
        FlushModeType flushMode = entityManager.getFlushMode();
        entityManager.setFlushMode(FlushModeType.COMMIT);
        try {
            work.run();
        } finally {
            entityManager.setFlushMode(flushMode);
        }
    }
}
