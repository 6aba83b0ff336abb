package health.continuum.conformance.glue;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import health.continuum.server.ContinuumServerInterceptor;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.springframework.stereotype.Component;

/** Lists the package's profiles as supportedProfile of their resource types, so clients can discover them. */
@Component
@Interceptor
public class SupportedProfilesInCapabilityStatement implements ContinuumServerInterceptor {

    private final ConformancePackage conformancePackage;

    public SupportedProfilesInCapabilityStatement(ConformancePackage conformancePackage) {
        this.conformancePackage = conformancePackage;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void addSupportedProfiles(IBaseConformance capabilityStatement) {
        CapabilityStatement statement = (CapabilityStatement) capabilityStatement;
        for (StructureDefinition profile : conformancePackage.resourceProfiles()) {
            statement.getRest().stream()
                    .flatMap(rest -> rest.getResource().stream())
                    .filter(resource -> resource.getType().equals(profile.getType()))
                    .filter(resource -> !declares(resource, profile.getUrl()))
                    .forEach(resource -> resource.addSupportedProfile(profile.getUrl()));
        }
    }

    private static boolean declares(CapabilityStatementRestResourceComponent resource, String url) {
        return resource.getSupportedProfile().stream().map(CanonicalType::getValue).anyMatch(url::equals);
    }
}
