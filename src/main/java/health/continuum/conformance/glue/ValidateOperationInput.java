package health.continuum.conformance.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.continuum.server.ContinuumServerInterceptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.springframework.stereotype.Component;

/**
 * Prepares a {@code $validate} request for HAPI, which validates it:
 * <ul>
 *   <li>Input in a Parameters body ({@code resource}, {@code profile}, {@code mode}), the form the FHIR specification
 *       defines, becomes the resource as the body with {@code profile} and {@code mode} in the URL: HAPI 8.8 reads a
 *       profile given in the body as "UriType[...]" and answers that it cannot find it.</li>
 *   <li>Without a profile, a coordination resource is validated against its Continuum profile, as its write would
 *       be ({@link CoordinationProfiles}).</li>
 * </ul>
 */
@Component
@Interceptor
public class ValidateOperationInput implements ContinuumServerInterceptor {

    private static final String VALIDATE = "$validate";
    private static final String PROFILE = "profile";
    private static final List<String> URL_PARAMETERS = List.of(PROFILE, "mode");

    private final FhirContext fhirContext;
    private final CoordinationProfiles coordinationProfiles;

    public ValidateOperationInput(FhirContext fhirContext, CoordinationProfiles coordinationProfiles) {
        this.fhirContext = fhirContext;
        this.coordinationProfiles = coordinationProfiles;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void prepare(RequestDetails request) {
        if (!VALIDATE.equals(request.getOperation()) || request.getRequestType() != RequestTypeEnum.POST) {
            return;
        }
        moveParametersIntoTheRequest(request);
        if (!request.getParameters().containsKey(PROFILE)) {
            coordinationProfiles.profileOf(request.getResourceName())
                    .ifPresent(profile -> request.addParameter(PROFILE, new String[] {profile}));
        }
    }

    private void moveParametersIntoTheRequest(RequestDetails request) {
        EncodingEnum encoding = RestfulServerUtils.determineRequestEncodingNoDefault(request);
        byte[] body = request.loadRequestContents();
        if (encoding == null || body == null || body.length == 0) {
            return;
        }
        IParser parser = encoding.newParser(fhirContext);
        IBaseResource input;
        try {
            input = parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            return; // HAPI parses the body again and answers with what is wrong
        }
        if (!(input instanceof Parameters parameters) || !parameters.hasParameter("resource")) {
            return; // the resource itself is the body
        }
        ParametersParameterComponent resource = parameters.getParameter("resource");
        if (!resource.hasResource()) {
            throw new InvalidRequestException("$validate: Parameters.parameter 'resource' holds no resource");
        }
        request.setRequestContents(parser.encodeResourceToString(resource.getResource()).getBytes(StandardCharsets.UTF_8));
        for (String name : URL_PARAMETERS) {
            ParametersParameterComponent parameter = parameters.getParameter(name);
            if (parameter != null) {
                if (!(parameter.getValue() instanceof PrimitiveType<?> value) || !value.hasValue()) {
                    throw new InvalidRequestException("$validate: Parameters.parameter '" + name + "' needs a value"
                            + " (valueUri or valueCanonical for profile, valueCode for mode)");
                }
                request.addParameter(name, new String[] {value.getValueAsString()});
            }
        }
    }
}
