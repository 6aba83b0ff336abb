package health.continuum.notification.glue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.continuum.notification.EndpointPolicy;
import health.continuum.server.ContinuumServerInterceptor;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.springframework.stereotype.Component;

/**
 * Holds every Subscription write (REST, transaction, batch) to what the server can deliver safely: a rest-hook
 * channel, to an endpoint {@link EndpointPolicy} allows, with criteria that are a search the server understands.
 * Anything else is a 422 naming the element, and nothing is stored.
 */
@Component
@Interceptor
public class SubscriptionGuardInterceptor implements ContinuumServerInterceptor {

    private final EndpointPolicy endpoints;
    private final MatchUrlService matchUrls;
    private final FhirContext fhirContext;

    public SubscriptionGuardInterceptor(NotificationProperties properties, MatchUrlService matchUrls,
            FhirContext fhirContext) {
        this.endpoints = new EndpointPolicy(properties.allowedHosts());
        this.matchUrls = matchUrls;
        this.fhirContext = fhirContext;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    public void created(IBaseResource resource) {
        guard(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updated(IBaseResource previous, IBaseResource resource) {
        guard(resource);
    }

    private void guard(IBaseResource resource) {
        if (!(resource instanceof Subscription subscription)) {
            return;
        }
        if (subscription.getChannel().getType() != SubscriptionChannelType.RESTHOOK) {
            refuse("Subscription.channel.type", "This server delivers notifications by rest-hook only, not "
                    + (subscription.getChannel().hasType() ? subscription.getChannel().getType().toCode() : "none"));
        }
        endpoints.refusal(subscription.getChannel().getEndpoint())
                .ifPresent(reason -> refuse("Subscription.channel.endpoint", reason));
        criteriaProblem(subscription.getCriteria()).ifPresent(reason -> refuse("Subscription.criteria", reason));
    }

    /** The criteria are a search of one resource type, such as Encounter?class=IMP&status=in-progress. */
    private Optional<String> criteriaProblem(String criteria) {
        if (criteria == null || criteria.isBlank()) {
            return Optional.of("A subscription needs criteria, a search such as Encounter?status=in-progress");
        }
        String type = criteria.contains("?") ? criteria.substring(0, criteria.indexOf('?')) : criteria;
        RuntimeResourceDefinition definition;
        try {
            definition = fhirContext.getResourceDefinition(type);
        } catch (RuntimeException unknownType) {
            return Optional.of("'%s': '%s' is not a FHIR R4 resource type".formatted(criteria, type));
        }
        try {
            matchUrls.translateMatchUrl(criteria, definition);
            return Optional.empty();
        } catch (InvalidRequestException | DataFormatException | IllegalArgumentException malformed) {
            return Optional.of("'%s' is not a search this server understands: %s"
                    .formatted(criteria, malformed.getMessage().replaceFirst("^HAPI-\\d+: ", "")));
        }
    }

    private static void refuse(String expression, String reason) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.VALUE).setDiagnostics(reason)
                .addExpression(expression);
        throw new UnprocessableEntityException(reason, outcome);
    }
}
