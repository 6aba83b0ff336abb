package health.continuum.transition.glue;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.calendar.glue.CalendarProperties;
import health.continuum.canonical.Canonical;
import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.transition.DischargeContext.AppointmentSummary;
import health.continuum.transition.DischargeContext.CareTeamSummary;
import health.continuum.transition.DischargeContext.CodedResource;
import health.continuum.transition.DischargeContext.EncounterSummary;
import health.continuum.transition.DischargeContext.IssueSummary;
import health.continuum.transition.DischargeContext.Participant;
import health.continuum.transition.DischargeContext.TaskSummary;
import health.continuum.transition.TcmComplexity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * The FHIR resources a discharge is judged on, reduced to the plain summaries of the pure core's DischargeContext.
 * Codings keep only system and code, which is all the rules compare.
 */
@Component
class ResourceSummaries {

    private final ZoneId zone;

    ResourceSummaries(CalendarProperties calendar) {
        this.zone = calendar.timeZone();
    }

    EncounterSummary encounter(Encounter encounter) {
        return new EncounterSummary(
                reference(encounter),
                encounter.getClass_().getCode(),
                encounter.hasStatus() ? encounter.getStatus().toCode() : null,
                instant(encounter.getPeriod().getStartElement()),
                instant(encounter.getPeriod().getEndElement()),
                code(encounter.getHospitalization().getAdmitSource(), CodeSystems.ADMIT_SOURCE),
                code(encounter.getHospitalization().getDischargeDisposition(), CodeSystems.DISCHARGE_DISPOSITION),
                explicitComplexity(encounter));
    }

    /** The encounter's Patient, if its subject is one. */
    static Optional<String> patientOf(Encounter encounter) {
        return Optional.ofNullable(reference(encounter.getSubject())).filter(subject -> subject.startsWith("Patient/"));
    }

    CodedResource medicationList(ListResource list) {
        return new CodedResource(reference(list), status(list.getStatusElement()), codes(List.of(list.getCode())),
                reference(list.getEncounter()));
    }

    CodedResource document(DocumentReference document) {
        return new CodedResource(reference(document), status(document.getStatusElement()),
                codes(List.of(document.getType())),
                document.getContext().getEncounter().stream().map(ResourceSummaries::reference).findFirst().orElse(null));
    }

    CodedResource communication(Communication communication) {
        return new CodedResource(reference(communication), status(communication.getStatusElement()),
                codes(Stream.concat(communication.getCategory().stream(), Stream.of(communication.getTopic())).toList()),
                reference(communication.getEncounter()));
    }

    TaskSummary task(Task task) {
        Coding type = task.getCode().getCoding().stream()
                .filter(coding -> ContinuumCodes.TASK_TYPE.equals(coding.getSystem()) && coding.hasCode())
                .map(coding -> new Coding(coding.getSystem(), coding.getCode()))
                .findFirst().orElse(null);
        return new TaskSummary(reference(task), type, status(task.getStatusElement()), reference(task.getOwner()),
                instant(task.getRestriction().getPeriod().getEndElement()), reference(task.getFocus()));
    }

    IssueSummary issue(DetectedIssue issue) {
        return new IssueSummary(reference(issue), status(issue.getSeverityElement()), status(issue.getStatusElement()),
                issue.getMitigation().stream().anyMatch(DetectedIssue.DetectedIssueMitigationComponent::hasAction),
                issue.getImplicated().stream().map(ResourceSummaries::reference).toList());
    }

    AppointmentSummary appointment(Appointment appointment, Set<String> primaryCare, Set<String> coordinators) {
        return new AppointmentSummary(reference(appointment), status(appointment.getStatusElement()),
                appointment.hasStart() ? appointment.getStart().toInstant() : null,
                appointment.getParticipant().stream()
                        .map(participant -> participant(participant, primaryCare, coordinators))
                        .toList());
    }

    CareTeamSummary careTeam(CareTeam team) {
        return new CareTeamSummary(reference(team), team.getStatus().toCode(),
                codes(team.getParticipant().stream().flatMap(member -> member.getRole().stream()).toList()));
    }

    /** The members of the care teams in {@code role}. */
    static Set<String> members(List<CareTeam> careTeams, Coding role) {
        Set<String> members = new HashSet<>();
        careTeams.forEach(team -> team.getParticipant().stream()
                .filter(member -> role.isAmong(codes(member.getRole())))
                .map(member -> reference(member.getMember()))
                .filter(member -> member != null)
                .forEach(members::add));
        return members;
    }

    static List<Coding> codes(Collection<CodeableConcept> concepts) {
        return concepts.stream()
                .flatMap(concept -> concept.getCoding().stream())
                .filter(coding -> coding.hasSystem() && coding.hasCode())
                .map(coding -> new Coding(coding.getSystem(), coding.getCode()))
                .toList();
    }

    /** A dateTime as an instant; a bare date means the start of that day in the configured zone. */
    Instant instant(DateTimeType dateTime) {
        if (dateTime == null || dateTime.getValue() == null) {
            return null;
        }
        if (dateTime.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDay())
                    .atStartOfDay(zone).toInstant();
        }
        return dateTime.getValue().toInstant();
    }

    static String reference(IBaseResource resource) {
        return resource.getIdElement().toUnqualifiedVersionless().getValue();
    }

    static String reference(Reference reference) {
        return reference != null && reference.hasReference()
                ? new IdType(reference.getReference()).toUnqualifiedVersionless().getValue()
                : null;
    }

    // PCP: the patient's CareTeam says so; specialist: any other clinician who is not the care coordinator
    private static Participant participant(
            Appointment.AppointmentParticipantComponent participant, Set<String> primaryCare, Set<String> coordinators) {
        String actor = reference(participant.getActor());
        boolean clinician = actor != null
                && (actor.startsWith("Practitioner/") || actor.startsWith("PractitionerRole/"));
        boolean isPrimaryCare = actor != null && primaryCare.contains(actor);
        return new Participant(actor, codes(participant.getType()), isPrimaryCare,
                clinician && !isPrimaryCare && !coordinators.contains(actor));
    }

    private static TcmComplexity explicitComplexity(Encounter encounter) {
        Extension extension = encounter.getExtensionByUrl(Canonical.TCM_COMPLEXITY_EXTENSION);
        if (extension == null) {
            return null;
        }
        String code = extension.getValue() instanceof CodeType value ? value.getCode() : null;
        return Arrays.stream(TcmComplexity.values())
                .filter(complexity -> complexity.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new UnprocessableEntityException(
                        Canonical.TCM_COMPLEXITY_EXTENSION + " must have valueCode 'high' or 'moderate', not " + code));
    }

    private static String code(CodeableConcept concept, String system) {
        return concept.getCoding().stream()
                .filter(coding -> system.equals(coding.getSystem()))
                .map(org.hl7.fhir.r4.model.Coding::getCode)
                .findFirst().orElse(null);
    }

    private static String status(Enumeration<?> status) {
        return status.isEmpty() ? null : status.getValueAsString();
    }
}
