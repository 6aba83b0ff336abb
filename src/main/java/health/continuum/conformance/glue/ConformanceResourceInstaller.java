package health.continuum.conformance.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.r4.model.MetadataResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores the conformance package on start-up, so its profiles and terminology are served over REST and its
 * SearchParameters are searchable at once. Storing an unchanged resource again creates no new version.
 */
@Component
public class ConformanceResourceInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ConformanceResourceInstaller.class);

    private final ConformancePackage conformancePackage;
    private final DaoRegistry daoRegistry;
    private final ISearchParamRegistry searchParamRegistry;

    public ConformanceResourceInstaller(
            ConformancePackage conformancePackage, DaoRegistry daoRegistry, ISearchParamRegistry searchParamRegistry) {
        this.conformancePackage = conformancePackage;
        this.daoRegistry = daoRegistry;
        this.searchParamRegistry = searchParamRegistry;
    }

    // Before readiness is reported: a node must not take traffic while its search parameters are missing.
    @EventListener(ApplicationStartedEvent.class)
    public void install() {
        for (MetadataResource resource : conformancePackage.resources()) {
            IFhirResourceDao<MetadataResource> dao = daoRegistry.getResourceDao(resource.fhirType());
            dao.update(resource.copy(), new SystemRequestDetails());
        }
        searchParamRegistry.forceRefresh();
        LOG.info("Conformance package stored: {} resources", conformancePackage.resources().size());
    }
}
