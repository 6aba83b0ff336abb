package health.continuum.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.SearchParameter;

/**
 * Refuses a SearchParameter whose expression runs a regular expression. HAPI indexes every later write with it,
 * and the FHIRPath engine of HL7 core 6.7.9 runs it without a timeout (CVE-2026-45367, CVE-2026-49485): one such
 * parameter made each Patient create take 20 s (SECURITY.md). Lift this when HAPI ships a fixed core.
 */
@Interceptor
public final class RegexSearchParameterGuard {

    private static final Pattern REGEX_FUNCTION = Pattern.compile("\\b(matches|matchesFull|replaceMatches)\\s*\\(");

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        check(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        check(resource);
    }

    private static void check(IBaseResource resource) {
        if (resource instanceof SearchParameter parameter && parameter.hasExpression()
                && REGEX_FUNCTION.matcher(parameter.getExpression()).find()) {
            String message = "SearchParameter.expression uses matches(), matchesFull() or replaceMatches(): this"
                    + " server does not index with regular expressions from clients, which its FHIRPath engine"
                    + " cannot bound in time (CVE-2026-45367); use a token or string parameter instead";
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTSUPPORTED)
                    .setDiagnostics(message).addExpression("SearchParameter.expression");
            throw new UnprocessableEntityException(message, outcome);
        }
    }
}
