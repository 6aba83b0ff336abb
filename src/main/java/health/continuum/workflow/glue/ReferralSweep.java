package health.continuum.workflow.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.continuum.calendar.BusinessDayClock;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.ContinuumCodes.TaskType;
import health.continuum.workflow.ReferralFollowUp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens, once per referral, a follow-up Task for the coordinator who sent a referral its organization has not
 * accepted in time ({@link ReferralFollowUp}). Scheduled, since time passing is no write a hook could see.
 */
@Component
public class ReferralSweep {

    private static final Logger log = LoggerFactory.getLogger(ReferralSweep.class);

    private final IFhirResourceDao<Task> tasks;
    private final ReferralFollowUp rule;
    private final BusinessDayClock clock;

    public ReferralSweep(DaoRegistry daos, ReferralFollowUp rule, CalendarProperties calendar) {
        this.tasks = daos.getResourceDao(Task.class);
        this.rule = rule;
        this.clock = calendar.clock();
    }

    @Scheduled(initialDelayString = "${continuum.workflow.referrals.sweep-interval}",
            fixedDelayString = "${continuum.workflow.referrals.sweep-interval}")
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            // The next run catches up: a referral still due then is followed up then
            log.warn("Referral follow-up sweep failed, retried in the next run: {}", e.getMessage());
        }
    }

    /** Opens the follow-up Task of every referral due one as of {@code now}; returns how many it opened. */
    public int sweep(Instant now) {
        TokenOrListParam awaiting = new TokenOrListParam();
        ReferralFollowUp.AWAITING_ACCEPTANCE.forEach(status -> awaiting.addOr(new TokenParam(status)));
        Instant cutoff = rule.authoredBefore(now).atStartOfDay(clock.zone()).toInstant();
        SearchParameterMap map = new SearchParameterMap()
                .add(Task.SP_CODE, new TokenParam(CodeSystems.TASK_CODE, "fulfill"))
                .add(Task.SP_STATUS, awaiting)
                .add(Task.SP_AUTHORED_ON, new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(cutoff)));
        map.setLoadSynchronous(true);
        List<Task> candidates = tasks.searchForResources(map, new SystemRequestDetails()).stream()
                .map(Task.class::cast)
                .filter(referral -> referral.hasFor() && rule.isDue(referral.getStatus().toCode(),
                        referral.hasAuthoredOn() ? referral.getAuthoredOn().toInstant() : null, now))
                .toList();
        int opened = 0;
        for (Task referral : candidates) {
            if (openFollowUp(referral, now)) {
                opened++;
            }
        }
        return opened;
    }

    /** Writes the follow-up unless it exists or existed: one the coordinator deleted stays deleted. */
    private boolean openFollowUp(Task referral, Instant now) {
        String reference = referral.getIdElement().toUnqualifiedVersionless().getValue();
        String id = ReferralFollowUp.followUpTaskId(reference);
        try {
            tasks.read(new IdType("Task", id), new SystemRequestDetails());
            return false;
        } catch (ResourceGoneException deleted) {
            return false;
        } catch (ResourceNotFoundException absent) {
            Task followUp = CoordinatorTasks.requested(TaskType.REFERRAL_FOLLOW_UP.code(),
                    "Referral " + reference + " has not been accepted within " + rule.acceptanceBusinessDays()
                            + " business days: contact the organization or refer the patient elsewhere",
                    referral.getFor().getReference(), reference);
            followUp.setId(id);
            if (referral.hasRequester()) {
                followUp.setOwner(referral.getRequester().copy());
            }
            followUp.getRestriction().getPeriod().setEndElement(
                    new DateTimeType(clock.addBusinessDays(now, 1).toString()));
            tasks.update(followUp, null, true, false, new SystemRequestDetails(), new TransactionDetails());
            return true;
        }
    }
}
