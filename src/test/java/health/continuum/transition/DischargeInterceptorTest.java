package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.server.WriteTransaction;
import health.continuum.transition.FollowUpTasks.Proposal;
import health.continuum.transition.glue.DischargeInterceptor;
import health.continuum.transition.glue.DischargeProperties;
import health.continuum.transition.glue.DischargeReader;
import health.continuum.transition.glue.DischargeRecord;
import health.continuum.transition.glue.DischargeWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The interceptor's decisions with the storage faked: which writes are discharges, and what assist proposes. Block and
 * off are tested over HTTP, in DischargeIT.
 */
class DischargeInterceptorTest {

    private final DischargeReader reader = mock(DischargeReader.class);
    private final DischargeWriter writer = mock(DischargeWriter.class);
    private final WriteTransaction transaction = mock(WriteTransaction.class);
    private final Encounter inProgress = encounter(Encounter.EncounterStatus.INPROGRESS);
    private final Encounter finished = encounter(Encounter.EncounterStatus.FINISHED);

    @Test
    void assistCreatesTheMissingTasksInsteadOfRejecting() {
        ReadyDischarge discharge = new ReadyDischarge();
        discharge.appointments.clear();
        DischargeRecord record = given(discharge);

        interceptor(DischargePolicy.ASSIST).updated(inProgress, finished, null, null);

        ArgumentCaptor<List<Proposal>> proposals = ArgumentCaptor.captor();
        verify(writer).createTasks(eq(record), proposals.capture(), eq(null), eq(null));
        assertThat(proposals.getValue()).singleElement().satisfies(proposal -> {
            assertThat(proposal.type()).isEqualTo(ContinuumCodes.TaskType.FOLLOW_UP_APPOINTMENT);
            assertThat(proposal.due()).isEqualTo(LocalDate.parse("2025-03-14"));
        });
    }

    @Test
    void onlyAChangeToFinishedIsADischarge() {
        given(new ReadyDischarge());

        interceptor(DischargePolicy.BLOCK).updated(finished, finished, null, null);
        interceptor(DischargePolicy.BLOCK).updated(inProgress, inProgress, null, null);

        verify(reader, never()).gather(any(), any());
    }

    @Test
    void anIneligibleDispositionIsNotChecked() {
        when(reader.summarize(any())).thenReturn(new ReadyDischarge()
                .encounter("IMP", "finished", ReadyDischarge.DISCHARGE, "snf", null).build().encounter());

        interceptor(DischargePolicy.BLOCK).created(finished, new SystemRequestDetails(), null);

        verify(reader, never()).gather(any(), any());
    }

    private DischargeRecord given(ReadyDischarge discharge) {
        DischargeContext context = discharge.build();
        DischargeRecord record = new DischargeRecord(context, "Practitioner/coordinator", "CarePlan/80");
        when(reader.summarize(any())).thenReturn(context.encounter());
        when(reader.gather(any(), any())).thenReturn(record);
        return record;
    }

    private DischargeInterceptor interceptor(DischargePolicy policy) {
        doAnswer(call -> {
            Object queued = call.getArgument(1);
            call.<Consumer<List<Object>>>getArgument(2).accept(List.of(queued));
            return null;
        }).when(transaction).atCommit(any(), any(), any());
        return new DischargeInterceptor(properties(policy),
                new CalendarProperties(ZoneId.of("America/New_York"), List.of()), reader, writer, transaction);
    }

    private static DischargeProperties properties(DischargePolicy policy) {
        return new DischargeProperties(policy,
                TcmEligibility.DEFAULT.encounterClasses(), TcmEligibility.DEFAULT.ineligibleDispositions());
    }

    private static Encounter encounter(Encounter.EncounterStatus status) {
        Encounter encounter = new Encounter();
        encounter.setId("Encounter/1");
        encounter.setStatus(status);
        encounter.setSubject(new Reference(ReadyDischarge.PATIENT));
        return encounter;
    }
}
