package health.continuum.assessment.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.continuum.assessment.Instrument;
import health.continuum.assessment.InstrumentScoring;
import health.continuum.assessment.ScreenScore;
import health.continuum.assessment.ScreenScore.ItemScore;
import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.DerivedIds;
import health.continuum.conformance.glue.ServerAuthored;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Stores a scored response as Observations, category survey, derived from the response: one per item (its answer)
 * and one for the total (its score, band, and the item Observations as members). Their ids derive from the response
 * and the LOINC code, so scoring a response again rewrites the same Observations.
 */
@Component
public class ScreenObservations {

    private static final String ID_PREFIX = "screen";

    private final IFhirResourceDao<Observation> observations;

    public ScreenObservations(DaoRegistry daos) {
        this.observations = daos.getResourceDao(Observation.class);
    }

    /** Writes the Observations in the caller's transaction; returns the total's reference. */
    public String write(QuestionnaireResponse response, ScreenScore score, TransactionDetails transaction) {
        String source = reference(response);
        List<Reference> members = new ArrayList<>();
        for (ItemScore item : score.items()) {
            Observation observation = observation(response, item.item().code(), item.item().text());
            observation.setValue(new CodeableConcept(new Coding(item.system(), item.answerCode(), null)));
            members.add(new Reference(store(observation, source, item.item().code(), transaction)));
        }
        Instrument instrument = score.instrument();
        Observation total = observation(response, instrument.totalCode(), instrument.title() + " total score");
        total.setValue(new IntegerType(score.total()));
        total.addInterpretation().setText(score.band().name() + (score.positive() ? " (positive screen)" : ""));
        total.setHasMember(members);
        return store(total, source, instrument.totalCode(), transaction);
    }

    /** Deletes the Observations scored from a response that is being deleted, so that they do not block it. */
    public void deleteScoresOf(QuestionnaireResponse response, Instrument instrument, TransactionDetails transaction) {
        scoresOf(response, instrument).forEach(observation -> observations.delete(observation.getIdElement()
                .toUnqualifiedVersionless(), new DeleteConflictList(), new SystemRequestDetails(), transaction));
    }

    /** Marks the Observations scored from a response entered in error as entered in error too: they are no result. */
    public void retractScoresOf(QuestionnaireResponse response, Instrument instrument, TransactionDetails transaction) {
        scoresOf(response, instrument)
                .filter(observation -> observation.getStatus() != ObservationStatus.ENTEREDINERROR)
                .forEach(observation -> {
                    ServerAuthored.mark(observation);
                    observation.setStatus(ObservationStatus.ENTEREDINERROR);
                    observations.update(observation, null, true, false, new SystemRequestDetails(), transaction);
                });
    }

    private Stream<Observation> scoresOf(QuestionnaireResponse response, Instrument instrument) {
        String source = reference(response);
        return Stream.concat(Stream.of(instrument.totalCode()), instrument.items().stream().map(Instrument.Item::code))
                .map(code -> read(new IdType("Observation", id(source, code))))
                .flatMap(Optional::stream);
    }

    private Observation observation(QuestionnaireResponse response, String code, String display) {
        Observation observation = ServerAuthored.mark(new Observation());
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(CodeSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(new CodeableConcept(new Coding(InstrumentScoring.LOINC, code, display)));
        if (response.hasSubject()) {
            observation.setSubject(new Reference(response.getSubject().getReference()));
        }
        observation.setEffective(new DateTimeType(response.hasAuthored() ? response.getAuthored() : new Date()));
        if (response.hasAuthor()) {
            observation.addPerformer(new Reference(response.getAuthor().getReference()));
        }
        observation.addDerivedFrom(new Reference(reference(response)));
        return observation;
    }

    private String store(Observation observation, String source, String code, TransactionDetails transaction) {
        observation.setId(id(source, code));
        observations.update(observation, null, true, false, new SystemRequestDetails(), transaction);
        return "Observation/" + observation.getIdElement().getIdPart();
    }

    private Optional<Observation> read(IdType id) {
        try {
            return Optional.of(observations.read(id, new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException absent) {
            return Optional.empty();
        }
    }

    private static String id(String source, String code) {
        return DerivedIds.of(ID_PREFIX, source + "|" + code);
    }

    private static String reference(QuestionnaireResponse response) {
        return response.getIdElement().toUnqualifiedVersionless().getValue();
    }
}
