package health.continuum.workflow.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import health.continuum.canonical.CodeSystems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** The searches of a worklist: whose Tasks it shows, its open Tasks, and the patients and focuses of one page. */
@Component
class WorklistReader {

    /** Statuses of a Task still to be worked on (R4 Task state machine): neither a draft nor finished. */
    static final List<String> OPEN_STATUSES = List.of("requested", "received", "accepted", "ready", "in-progress",
            "on-hold");

    private final DaoRegistry daos;

    WorklistReader(DaoRegistry daos) {
        this.daos = daos;
    }

    /** The practitioner and the active care teams they are a participant of: a team's Tasks are its members' too. */
    List<String> ownersFor(IIdType practitioner) {
        String reference = practitioner.toUnqualifiedVersionless().getValue();
        SearchParameterMap teams = new SearchParameterMap()
                .add(CareTeam.SP_PARTICIPANT, new ReferenceParam(reference))
                .add(CareTeam.SP_STATUS, new TokenParam("active"));
        List<String> owners = new ArrayList<>();
        owners.add(reference);
        owners.addAll(ids(CareTeam.class, teams));
        return owners;
    }

    /** Every open Task of these owners. */
    List<Task> openTasks(List<String> owners) {
        ReferenceOrListParam anyOwner = new ReferenceOrListParam();
        owners.forEach(owner -> anyOwner.addOr(new ReferenceParam(owner)));
        return open(new SearchParameterMap().add(Task.SP_OWNER, anyOwner));
    }

    /** The open referrals (Task code fulfill) the practitioner sent, whoever is to fulfil them: the loop they close. */
    List<Task> openReferralsBy(IIdType practitioner) {
        return open(new SearchParameterMap()
                .add(Task.SP_REQUESTER, new ReferenceParam(practitioner.toUnqualifiedVersionless().getValue()))
                .add(Task.SP_CODE, new TokenParam(CodeSystems.TASK_CODE, "fulfill")));
    }

    private List<Task> open(SearchParameterMap map) {
        TokenOrListParam open = new TokenOrListParam();
        OPEN_STATUSES.forEach(status -> open.addOr(new TokenParam(status)));
        map.add(Task.SP_STATUS, open);
        map.setLoadSynchronous(true);
        return daos.getResourceDao(Task.class).searchForResources(map, new SystemRequestDetails()).stream()
                .map(Task.class::cast)
                .toList();
    }

    /** The patients and focuses of these Tasks, read with one search per resource type. */
    List<IBaseResource> patientsAndFocuses(Collection<Task> tasks) {
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        for (Task task : tasks) {
            for (Reference reference : List.of(task.getFor(), task.getFocus())) {
                IIdType id = reference.hasReference() ? new IdType(reference.getReference()) : new IdType();
                // Only what this server holds: a contained (#) or absolute reference has no resource here to include
                if (id.hasResourceType() && id.hasIdPart() && !id.isAbsolute()
                        && daos.isResourceTypeSupported(id.getResourceType())) {
                    idsByType.computeIfAbsent(id.getResourceType(), type -> new LinkedHashSet<>()).add(id.getIdPart());
                }
            }
        }
        List<IBaseResource> resources = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            TokenOrListParam anyId = new TokenOrListParam();
            ids.forEach(id -> anyId.addOr(new TokenParam(id)));
            SearchParameterMap map = new SearchParameterMap().add(IAnyResource.SP_RES_ID, anyId);
            map.setLoadSynchronous(true);
            resources.addAll(daos.getResourceDao(type).searchForResources(map, new SystemRequestDetails()));
        });
        return resources;
    }

    private List<String> ids(Class<? extends IBaseResource> type, SearchParameterMap map) {
        map.setLoadSynchronous(true);
        return daos.getResourceDao(type).searchForResourceIds(map, new SystemRequestDetails()).stream()
                .map(id -> id.toUnqualifiedVersionless().getValue())
                .toList();
    }
}
