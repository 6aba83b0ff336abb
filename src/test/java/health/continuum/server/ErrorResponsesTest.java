package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ErrorResponsesTest {

    private final ErrorResponses errors = new ErrorResponses(new FhirServerProperties(DataSize.ofMegabytes(1), 20, 500,
            "", Duration.ofSeconds(7), 10, Duration.ofSeconds(1), new FhirServerProperties.Cors(List.of()),
            Path.of("backups")));
    private final RequestDetails request = mock(RequestDetails.class);

    ErrorResponsesTest() {
        when(request.getRequestId()).thenReturn("req-81");
    }

    @Test
    void anUnexpectedErrorNamesTheRequestIdAndNoInternals() {
        BaseServerResponseException answer = errors.respond(request,
                new IllegalStateException("org.hibernate.SQL: select * from hfj_resource where secret"));

        assertThat(answer.getStatusCode()).isEqualTo(500);
        OperationOutcome outcome = (OperationOutcome) answer.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.EXCEPTION);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains("req-81")
                .doesNotContain("IllegalStateException", "hibernate", "select");
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfterAndATransientIssue() {
        BaseServerResponseException answer = errors.respond(request,
                new SQLException("Connection refused", "08001", new ConnectException("refused")));

        assertThat(answer.getStatusCode()).isEqualTo(503);
        assertThat(answer.getResponseHeaders().get("Retry-After")).containsExactly("7");
        OperationOutcome outcome = (OperationOutcome) answer.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.TRANSIENT);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .isEqualTo("The database is not reachable. Try again in 7 seconds.");
    }

    @Test
    void aClientErrorIsLeftAsItIs() {
        assertThat(errors.respond(request, new ResourceNotFoundException("Patient/9"))).isNull();
        assertThat(errors.respond(request, new DataFormatException("Invalid date: next-friday"))).isNull();
    }
}
