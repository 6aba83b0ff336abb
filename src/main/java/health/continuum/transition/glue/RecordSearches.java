package health.continuum.transition.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/** The searches of the discharge checks: synchronous, as the system, inside the discharging write's transaction. */
@Component
class RecordSearches {

    private final DaoRegistry daos;

    RecordSearches(DaoRegistry daos) {
        this.daos = daos;
    }

    <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap map) {
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).searchForResources(map, new SystemRequestDetails());
    }

    /** Only the references found, for a rule that needs no more of the resources. */
    List<String> ids(Class<? extends IBaseResource> type, SearchParameterMap map) {
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).searchForResourceIds(map, new SystemRequestDetails()).stream()
                .map(IIdType::toUnqualifiedVersionless)
                .map(IIdType::getValue)
                .toList();
    }

    static SearchParameterMap byPatient(String patient) {
        return new SearchParameterMap().add("patient", new ReferenceParam(patient));
    }
}
