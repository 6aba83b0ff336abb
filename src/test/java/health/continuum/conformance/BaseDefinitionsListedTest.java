package health.continuum.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.List;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.junit.jupiter.api.Test;

class BaseDefinitionsListedTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final DefaultProfileValidationSupport CORE = new DefaultProfileValidationSupport(FHIR);
    private static final BaseDefinitionsListed LISTED = new BaseDefinitionsListed(FHIR, CORE);

    @Test
    void listsEveryBaseTypeAndResourceAndNoCoreProfileOrExtension() {
        List<StructureDefinition> all = CORE.fetchAllStructureDefinitions();
        List<StructureDefinition> listed = LISTED.fetchAllStructureDefinitions();

        assertThat(listed).extracting(StructureDefinition::getUrl)
                .containsExactlyInAnyOrderElementsOf(all.stream()
                        .filter(definition -> definition.getDerivation() != TypeDerivationRule.CONSTRAINT)
                        .map(StructureDefinition::getUrl)
                        .toList())
                .contains("http://hl7.org/fhir/StructureDefinition/Patient",
                        "http://hl7.org/fhir/StructureDefinition/string",
                        "http://hl7.org/fhir/StructureDefinition/Extension")
                .doesNotContain("http://hl7.org/fhir/StructureDefinition/vitalsigns",
                        "http://hl7.org/fhir/StructureDefinition/patient-birthPlace");
        assertThat(listed).hasSizeLessThan(all.size() / 2);
    }

    @Test
    void stillFindsCoreProfilesAndExtensionsByUrl() {
        for (String url : List.of("http://hl7.org/fhir/StructureDefinition/vitalsigns",
                "http://hl7.org/fhir/StructureDefinition/patient-birthPlace")) {
            StructureDefinition definition = (StructureDefinition) LISTED.fetchStructureDefinition(url);
            assertThat(definition).as(url).isNotNull();
            assertThat(definition.getDerivation()).isEqualTo(TypeDerivationRule.CONSTRAINT);
        }
    }
}
