package health.continuum.assessment.glue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import health.continuum.assessment.Instrument;
import health.continuum.conformance.glue.ConformancePackage;
import health.continuum.conformance.glue.CoreDefinitions;
import health.continuum.conformance.glue.ProfileValidator;
import org.junit.jupiter.api.Test;

/** The shipped Questionnaires are valid R4 and each is an instrument the server scores, with its LOINC codes. */
class InstrumentsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ConformancePackage BUILT_IN = ConformancePackage.loadBuiltIn(FHIR);

    @Test
    void everyShippedQuestionnaireIsValidAndScored() {
        ProfileValidator validator = new ProfileValidator(FHIR, new CoreDefinitions(FHIR), BUILT_IN);
        Instruments instruments = Instruments.of(BUILT_IN);

        assertThat(BUILT_IN.questionnaires()).hasSize(3).allSatisfy(questionnaire -> {
            assertThat(validator.validate(questionnaire).getMessages())
                    .filteredOn(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    .as(questionnaire.getUrl()).isEmpty();
            assertThat(instruments.forQuestionnaire(questionnaire.getUrl() + "|0.1.0")).isPresent();
        });
        assertThat(instruments.all()).extracting(Instrument::id, Instrument::totalCode, i -> i.items().size())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("phq-9", "44261-6", 9),
                        org.assertj.core.groups.Tuple.tuple("phq-2", "55758-7", 2),
                        org.assertj.core.groups.Tuple.tuple("gad-7", "70274-6", 7));
    }
}
