package health.continuum.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.QuantityParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Answers a search whose value a parameter cannot hold (a date that is no date, a negative _count) with 400 and an
 * OperationOutcome naming the parameter, its type and an example; HAPI's own message names only the value.
 */
@Interceptor
public final class SearchValueCheck {

    private static final Pattern UNESCAPED_COMMA = Pattern.compile("(?<!\\\\),");
    private static final Set<String> SUMMARY_VALUES = Set.of("true", "text", "data", "count", "false");
    private static final Set<String> TOTAL_VALUES = Set.of("none", "estimate", "accurate");

    private record Syntax(Supplier<IQueryParameterType> parser, String description) {}

    // FHIR R4 search, section 3.1.1.4 (search parameter types): the syntax of each type whose value can be malformed
    private static final Map<RestSearchParameterTypeEnum, Syntax> SYNTAX = Map.of(
            RestSearchParameterTypeEnum.DATE, new Syntax(DateParam::new,
                    "a date, with an optional prefix (eq ne gt lt ge le sa eb ap), e.g. ge2024-01-31 or"
                            + " 2024-01-31T10:00:00Z"),
            RestSearchParameterTypeEnum.NUMBER, new Syntax(NumberParam::new,
                    "a number, with an optional prefix (eq ne gt lt ge le sa eb ap), e.g. gt5"),
            RestSearchParameterTypeEnum.QUANTITY, new Syntax(QuantityParam::new,
                    "[prefix]number[|system|code], e.g. le5.4|http://unitsofmeasure.org|mg"));

    private final FhirContext fhirContext;
    private final ISearchParamRegistry searchParameters;

    public SearchValueCheck(FhirContext fhirContext, ISearchParamRegistry searchParameters) {
        this.fhirContext = fhirContext;
        this.searchParameters = searchParameters;
    }

    // Before HAPI parses the parameters of its resource providers' search methods, which fail naming only the value
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void check(RequestDetails request) {
        if (!isSearch(request)) {
            return;
        }
        request.getParameters().forEach((name, values) -> {
            for (String value : values) {
                check(request.getResourceName(), name, value);
            }
        });
    }

    /** GET [type]?..., POST [type]/_search, GET ?_type=...: no handler is chosen yet, so the request's shape tells. */
    private static boolean isSearch(RequestDetails request) {
        if (request.getId() != null) {
            return false;
        }
        String operation = request.getOperation();
        return operation == null ? request.getRequestType() == RequestTypeEnum.GET : operation.equals("_search");
    }

    private void check(String resourceType, String name, String value) {
        switch (name) {
            case "_count" -> require(value.matches("\\d{1,9}"), name, value, "a whole number, 0 or more, e.g. 50");
            case "_summary" -> require(SUMMARY_VALUES.contains(value), name, value, "one of " + SUMMARY_VALUES);
            case "_total" -> require(TOTAL_VALUES.contains(value), name, value, "one of " + TOTAL_VALUES);
            default -> checkTyped(resourceType, name, value);
        }
    }

    private void checkTyped(String resourceType, String name, String value) {
        int colon = name.indexOf(':');
        String modifier = colon < 0 ? null : name.substring(colon);
        if (":missing".equals(modifier)) {
            require(value.equals("true") || value.equals("false"), name, value, "true or false");
            return;
        }
        String base = colon < 0 ? name : name.substring(0, colon);
        if (resourceType == null || modifier != null || base.contains(".")) {
            return; // chains and other modifiers are HAPI's to judge
        }
        RuntimeSearchParam parameter =
                searchParameters.getActiveSearchParam(resourceType, base, SearchParamLookupContextEnum.SEARCH);
        Syntax syntax = parameter == null ? null : SYNTAX.get(parameter.getParamType());
        if (syntax == null) {
            return;
        }
        for (String alternative : UNESCAPED_COMMA.split(value)) {
            try {
                syntax.parser().get().setValueAsQueryToken(fhirContext, base, null, alternative);
            } catch (DataFormatException | IllegalArgumentException malformed) {
                throw refusal(name, alternative, syntax.description());
            }
        }
    }

    private static void require(boolean holds, String name, String value, String expected) {
        if (!holds) {
            throw refusal(name, value, expected);
        }
    }

    private static InvalidRequestException refusal(String name, String value, String expected) {
        String message =
                "Search parameter '%s': \"%s\" is not a valid value; expected %s".formatted(name, value, expected);
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.VALUE).setDiagnostics(message);
        return new InvalidRequestException(message, outcome);
    }
}
