package health.continuum.conformance.glue;

import health.continuum.canonical.Canonical;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.springframework.stereotype.Component;

/**
 * The Continuum profile a CarePlan, CareTeam, Task or MedicationStatement is checked against whether or not it claims
 * it (setting {@code continuum.conformance.coordination-rules}, unless off): on write, and by {@code $validate} when the
 * request names no profile, so that {@code $validate} lists the rules a write would flag or enforce.
 */
@Component
public class CoordinationProfiles {

    private static final Set<String> COORDINATION_TYPES = Set.of("CarePlan", "CareTeam", "Task", "MedicationStatement");

    private final Map<String, String> profileByType;

    public CoordinationProfiles(ConformancePackage conformancePackage, ConformanceProperties properties) {
        this.profileByType = properties.coordinationRules() != ConformanceProperties.CoordinationRules.OFF
                ? conformancePackage.resourceProfiles().stream()
                        .filter(profile -> profile.getUrl().startsWith(Canonical.BASE))
                        .filter(profile -> COORDINATION_TYPES.contains(profile.getType()))
                        .collect(Collectors.toMap(StructureDefinition::getType, StructureDefinition::getUrl))
                : Map.of();
    }

    /** The profile resources of this type are validated against, beyond those they claim. */
    public Optional<String> profileOf(String resourceType) {
        return Optional.ofNullable(profileByType.get(resourceType));
    }
}
