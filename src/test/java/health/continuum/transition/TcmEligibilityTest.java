package health.continuum.transition;

import static org.assertj.core.api.Assertions.assertThat;

import health.continuum.transition.DischargeContext.EncounterSummary;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcmEligibilityTest {

    private static EncounterSummary encounter(String classCode, String disposition) {
        return new EncounterSummary("Encounter/1", classCode, "finished", null, null, null, disposition, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMP", "ACUTE", "NONAC", "OBSENC"})
    void inpatientAndObservationStaysDischargedHomeAreEligible(String classCode) {
        assertThat(TcmEligibility.DEFAULT.isEligible(encounter(classCode, "home"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"home", "alt-home", "aadvice", "oth"})
    void dischargesToTheCommunityAreEligible(String disposition) {
        assertThat(TcmEligibility.DEFAULT.isEligible(encounter("IMP", disposition))).isTrue();
    }

    @Test
    void anEncounterNotYetDischargedIsEligible() {
        assertThat(TcmEligibility.DEFAULT.isEligible(encounter("IMP", null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "hosp", "other-hcf", "psy", "rehab", "snf", "long"})
    void deathHospiceAndTransfersToAnotherFacilityAreIneligible(String disposition) {
        assertThat(TcmEligibility.DEFAULT.whyIneligible(encounter("IMP", disposition)))
                .contains("discharge disposition '" + disposition + "' is not TCM-eligible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMER", "AMB", "VR"})
    void otherEncounterClassesAreIneligible(String classCode) {
        assertThat(TcmEligibility.DEFAULT.whyIneligible(encounter(classCode, "home"))).contains(
                "encounter class '" + classCode + "' is not TCM-eligible (eligible: ACUTE, IMP, NONAC, OBSENC)");
    }

    @Test
    void bothSetsAreConfigurable() {
        TcmEligibility onlyInpatient = new TcmEligibility(Set.of("IMP"), Set.of("exp"));

        assertThat(onlyInpatient.isEligible(encounter("OBSENC", "home"))).isFalse();
        assertThat(onlyInpatient.isEligible(encounter("IMP", "snf"))).isTrue();
    }
}
