package health.continuum.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.List;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreDefinitionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final DefaultProfileValidationSupport HAPI = new DefaultProfileValidationSupport(FHIR);
    private static final CoreDefinitions CORE = new CoreDefinitions(FHIR);

    /** The types file also holds the two profiles of Quantity that element definitions name as types. */
    @Test
    void listsEveryBaseTypeAndResourceAndNoCoreProfileOrExtension() {
        List<StructureDefinition> all = HAPI.fetchAllStructureDefinitions();
        List<StructureDefinition> listed = CORE.fetchAllStructureDefinitions();

        List<String> baseTypesAndResources = all.stream()
                .filter(definition -> definition.getDerivation() != TypeDerivationRule.CONSTRAINT)
                .map(StructureDefinition::getUrl)
                .toList();
        assertThat(listed).extracting(StructureDefinition::getUrl)
                .containsAll(baseTypesAndResources)
                .contains("http://hl7.org/fhir/StructureDefinition/Patient",
                        "http://hl7.org/fhir/StructureDefinition/string",
                        "http://hl7.org/fhir/StructureDefinition/Extension")
                .doesNotContain("http://hl7.org/fhir/StructureDefinition/vitalsigns",
                        "http://hl7.org/fhir/StructureDefinition/patient-birthPlace");
        assertThat(listed).filteredOn(definition -> !baseTypesAndResources.contains(definition.getUrl()))
                .extracting(StructureDefinition::getUrl)
                .containsExactlyInAnyOrder("http://hl7.org/fhir/StructureDefinition/SimpleQuantity",
                        "http://hl7.org/fhir/StructureDefinition/MoneyQuantity");
        assertThat(listed).hasSizeLessThan(all.size() / 2);
    }

    /** Each spelling HAPI's loader accepts, including the capitalised primitives of HAPI's own SearchParameters. */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://hl7.org/fhir/StructureDefinition/Patient",
        "Patient",
        "StructureDefinition/CarePlan",
        "http://hl7.org/fhir/StructureDefinition/String",
        "http://hl7.org/fhir/StructureDefinition/vitalsigns",
        "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
        "vitalsigns"
    })
    void findsByUrlWhatHapisLoaderFinds(String url) {
        StructureDefinition expected = (StructureDefinition) HAPI.fetchStructureDefinition(url);
        StructureDefinition found = (StructureDefinition) CORE.fetchStructureDefinition(url);

        assertThat(found).as(url).isNotNull();
        assertThat(found.getUrl()).isEqualTo(expected.getUrl());
        assertThat(found.getType()).isEqualTo(expected.getType());
        assertThat(found.getDerivation()).isEqualTo(expected.getDerivation());
        assertThat(found.getUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID))
                .isEqualTo(expected.getUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID))
                .isEqualTo("hl7.fhir.r4.core");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://hl7.org/fhir/StructureDefinition/NoSuchType",
        "https://continuum.health/fhir/StructureDefinition/continuum-careplan",
        "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
    })
    void findsNothingWhereHapisLoaderFindsNothing(String url) {
        assertThat(HAPI.fetchStructureDefinition(url)).isNull();
        assertThat(CORE.fetchStructureDefinition(url)).isNull();
    }

    @Test
    void servesTheSpecificationsValueSetsAndCodeSystemsAsHapiDoes() {
        String valueSet = "http://hl7.org/fhir/ValueSet/care-plan-activity-status";
        String codeSystem = "http://hl7.org/fhir/care-plan-activity-status";

        assertThat(CORE.fetchValueSet(valueSet)).isNotNull().isSameAs(HAPI.fetchValueSet(valueSet));
        assertThat(CORE.fetchCodeSystem(codeSystem)).isNotNull().isSameAs(HAPI.fetchCodeSystem(codeSystem));
    }

    /** HAPI's SearchParameters name DateTime; answering must not read the 437 profiles and extensions. */
    @Test
    void listingAndCapitalisedPrimitivesLeaveTheProfilesAndExtensionsUnread() {
        HAPI.fetchStructureDefinition("vitalsigns"); // what HAPI's own loader read does not count
        CoreDefinitions fresh = new CoreDefinitions(FHIR);
        fresh.fetchAllStructureDefinitions();
        assertThat(fresh.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/DateTime")).isNotNull();

        assertThat(fresh.fetchAllConformanceResources()).filteredOn(StructureDefinition.class::isInstance)
                .extracting(definition -> ((StructureDefinition) definition).getUrl())
                .contains("http://hl7.org/fhir/StructureDefinition/dateTime")
                .doesNotContain("http://hl7.org/fhir/StructureDefinition/vitalsigns");

        fresh.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        assertThat(fresh.fetchAllConformanceResources()).filteredOn(StructureDefinition.class::isInstance)
                .extracting(definition -> ((StructureDefinition) definition).getUrl())
                .contains("http://hl7.org/fhir/StructureDefinition/vitalsigns");
    }

    /** The snapshot stays whole (it is what is checked); the differential and the mappings are left out. */
    @ParameterizedTest
    @ValueSource(strings = {"CarePlan", "Patient", "vitalsigns"})
    void keepsTheSnapshotAndLeavesOutTheDifferentialAndMappings(String url) {
        StructureDefinition full = (StructureDefinition) HAPI.fetchStructureDefinition(url);
        StructureDefinition kept = (StructureDefinition) CORE.fetchStructureDefinition(url);

        assertThat(full.hasDifferential()).isTrue();
        assertThat(full.getSnapshot().getElement()).anySatisfy(element -> assertThat(element.hasMapping()).isTrue());
        assertThat(kept.hasDifferential()).isFalse();
        assertThat(kept.hasMapping()).isFalse();
        assertThat(kept.getSnapshot().getElement()).noneSatisfy(element -> assertThat(element.hasMapping()).isTrue());
        assertThat(kept.getSnapshot().getElement()).extracting(element -> element.getPath() + " " + element.getMin()
                        + ".." + element.getMax() + " " + element.getDefinition())
                .containsExactlyElementsOf(full.getSnapshot().getElement().stream()
                        .map(element -> element.getPath() + " " + element.getMin() + ".." + element.getMax() + " "
                                + element.getDefinition())
                        .toList());
    }
}
