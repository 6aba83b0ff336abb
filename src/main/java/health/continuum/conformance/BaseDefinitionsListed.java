package health.continuum.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;

/**
 * The core definitions, with the specification's own profiles and extensions (vitalsigns, patient-birthPlace, ...:
 * 439 of its 649 StructureDefinitions) left out of {@link #fetchAllStructureDefinitions()}.
 *
 * <p>The validator converts every definition in that list to R5 when it starts and keeps the copies (~22 MB of heap),
 * yet from the list it only needs the base types and resources (FHIRPath's type model). A resource that uses a core
 * profile or extension still gets it checked: the validator fetches those by URL, which this delegates unchanged.
 */
final class BaseDefinitionsListed extends BaseValidationSupportWrapper {

    BaseDefinitionsListed(FhirContext fhirContext, IValidationSupport coreDefinitions) {
        super(fhirContext, coreDefinitions);
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        List<T> all = super.fetchAllStructureDefinitions();
        return all.stream()
                .filter(definition -> ((StructureDefinition) definition).getDerivation() != TypeDerivationRule.CONSTRAINT)
                .toList();
    }

    @Override
    public String getName() {
        return "Continuum core definitions (base types and resources listed)";
    }
}
