package health.continuum.medication.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * The writes of the medication checks and of $reconcile-medications (DetectedIssues, reconciliation Lists, Tasks), as
 * the system, joining the caller's database transaction.
 */
@Component
public class SystemWrites {

    private final DaoRegistry daos;

    public SystemWrites(DaoRegistry daos) {
        this.daos = daos;
    }

    /** @param transactionDetails the enclosing write's: references it already resolved are not looked up again */
    public <T extends IBaseResource> IBaseResource create(T resource, TransactionDetails transactionDetails) {
        return dao(resource).create(resource, null, true, new SystemRequestDetails(), transactionDetails).getResource();
    }

    /** @param transactionDetails the enclosing write's: references it already resolved are not looked up again */
    public <T extends IBaseResource> void update(T resource, TransactionDetails transactionDetails) {
        dao(resource).update(resource, null, true, false, new SystemRequestDetails(), transactionDetails);
    }

    @SuppressWarnings("unchecked")
    private <T extends IBaseResource> IFhirResourceDao<T> dao(T resource) {
        return (IFhirResourceDao<T>) daos.getResourceDao(resource.getClass());
    }
}
