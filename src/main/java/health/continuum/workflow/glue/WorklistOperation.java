package health.continuum.workflow.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.continuum.calendar.BusinessDayClock;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.server.ContinuumOperationProvider;
import health.continuum.server.FhirServerProperties;
import health.continuum.workflow.Worklist;
import health.continuum.workflow.Worklist.Entry;
import health.continuum.workflow.Worklist.Item;
import health.continuum.workflow.Worklist.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Practitioner/{id}/$worklist} and {@code CareTeam/{id}/$worklist}: the open Tasks they own (a practitioner's
 * include those of the active care teams they are on, and the open referrals they sent), overdue first, then by due date and priority, paged with
 * {@code _count} and {@code _offset}, with the Tasks' patients and focuses.
 */
@Component
public class WorklistOperation implements ContinuumOperationProvider {

    private final DaoRegistry daos;
    private final WorklistReader reader;
    private final BusinessDayClock clock;
    private final Worklist worklist;
    private final FhirServerProperties server;

    public WorklistOperation(DaoRegistry daos, WorklistReader reader, CalendarProperties calendar,
            FhirServerProperties server) {
        this.daos = daos;
        this.reader = reader;
        this.clock = calendar.clock();
        this.worklist = new Worklist(clock);
        this.server = server;
    }

    @Operation(name = "$worklist", idempotent = true, type = Practitioner.class)
    public Bundle practitionerWorklist(@IdParam IdType id,
            @OperationParam(name = "_count", min = 0, max = 1) IntegerType count,
            @OperationParam(name = "_offset", min = 0, max = 1) IntegerType offset, RequestDetails request) {
        daos.getResourceDao(Practitioner.class).read(id.toUnqualifiedVersionless(), request);
        List<Task> tasks = new ArrayList<>(reader.openTasks(reader.ownersFor(id)));
        tasks.addAll(reader.openReferralsBy(id));
        return worklist(tasks, id, count, offset, request);
    }

    @Operation(name = "$worklist", idempotent = true, type = CareTeam.class)
    public Bundle careTeamWorklist(@IdParam IdType id,
            @OperationParam(name = "_count", min = 0, max = 1) IntegerType count,
            @OperationParam(name = "_offset", min = 0, max = 1) IntegerType offset, RequestDetails request) {
        daos.getResourceDao(CareTeam.class).read(id.toUnqualifiedVersionless(), request);
        return worklist(reader.openTasks(List.of(id.toUnqualifiedVersionless().getValue())), id, count, offset,
                request);
    }

    private Bundle worklist(List<Task> open, IdType id, IntegerType count, IntegerType offset,
            RequestDetails request) {
        int pageSize = Math.min(nonNegative("_count", count, server.defaultPageSize()), server.maxPageSize());
        int from = nonNegative("_offset", offset, 0);
        // A referral the practitioner both sent and owns is found twice and shown once
        Map<String, Task> tasks = open.stream()
                .collect(Collectors.toMap(task -> task.getIdElement().getIdPart(), Function.identity(), (a, b) -> a));
        List<Entry> ordered = worklist.order(tasks.values().stream().map(this::item).toList(), Instant.now());
        String operationUrl = request.getFhirServerBase() + "/" + id.toUnqualifiedVersionless().getValue() + "/$worklist";
        WorklistPage page = new WorklistPage(operationUrl, from, pageSize, ordered.size());
        List<Entry> shown = page.of(ordered);
        List<Task> shownTasks = shown.stream().map(entry -> tasks.get(entry.item().id())).toList();
        return page.bundle(request.getFhirServerBase(), shown, tasks, reader.patientsAndFocuses(shownTasks));
    }

    private Item item(Task task) {
        return new Item(task.getIdElement().getIdPart(), due(task.getRestriction().getPeriod().getEndElement()),
                Priority.of(task.hasPriority() ? task.getPriority().toCode() : null));
    }

    /** A due date as written (a month or year: its last day); a due time, as its date in the organization's zone. */
    private LocalDate due(DateTimeType end) {
        if (end.getValue() == null) {
            return null;
        }
        return switch (end.getPrecision()) {
            case YEAR -> LocalDate.of(end.getYear(), 12, 31);
            case MONTH -> YearMonth.of(end.getYear(), end.getMonth() + 1).atEndOfMonth();
            case DAY -> LocalDate.of(end.getYear(), end.getMonth() + 1, end.getDay());
            default -> clock.dateOf(end.getValue().toInstant());
        };
    }

    private static int nonNegative(String name, IntegerType value, int absent) {
        if (value == null || value.getValue() == null) {
            return absent;
        }
        if (value.getValue() < 0) {
            throw new InvalidRequestException(name + " must be 0 or more, not " + value.getValue());
        }
        return value.getValue();
    }
}
