package health.continuum.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Checks every request body before HAPI parses it: media type (415), size (413, also after gzip inflation),
 * and XML document type declarations (400), so that no entity is ever expanded or resolved.
 */
@Component
@Interceptor
public class RequestBodyGuard implements ContinuumServerInterceptor {

    private static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of(
            Constants.CT_FHIR_JSON_NEW, Constants.CT_FHIR_XML_NEW,
            Constants.CT_FHIR_JSON, Constants.CT_FHIR_XML,
            Constants.CT_JSON, Constants.CT_XML, "text/xml",
            Constants.CT_JSON_PATCH, Constants.CT_X_FORM_URLENCODED);

    // A DTD is how XXE and "billion laughs" attacks arrive; FHIR XML never needs one.
    private static final Pattern XML_DECLARATIONS = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    private final long maxBytes;

    public RequestBodyGuard(FhirServerProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void checkBody(RequestDetails request, HttpServletRequest servletRequest) {
        if (!hasBody(servletRequest)) {
            return;
        }
        String mediaType = mediaType(servletRequest.getContentType());
        if (!ACCEPTED_MEDIA_TYPES.contains(mediaType)) {
            throw new UnclassifiedServerFailureException(415, "Unsupported Content-Type '"
                    + servletRequest.getContentType() + "': send application/fhir+json or application/fhir+xml");
        }
        if (mediaType.equals(Constants.CT_X_FORM_URLENCODED)) {
            return; // a POST search: HAPI has already read it as parameters, bounded by the container
        }
        if (servletRequest.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readBody(servletRequest);
        if (mediaType.contains("xml") && XML_DECLARATIONS.matcher(asciiPreview(body)).find()) {
            throw new InvalidRequestException("XML with a DOCTYPE or ENTITY declaration is not accepted:"
                    + " FHIR XML needs no DTD, and entities are never resolved");
        }
        request.setRequestContents(body);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        boolean writes = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return writes && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private byte[] readBody(HttpServletRequest request) {
        String encoding = request.getHeader(Constants.HEADER_CONTENT_ENCODING);
        try (InputStream raw = request.getInputStream()) {
            if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
                return readAtMost(raw);
            }
            if (encoding.equalsIgnoreCase("gzip")) {
                return readAtMost(new GZIPInputStream(raw));
            }
        } catch (IOException e) {
            throw new InvalidRequestException("Could not read the request body: " + e.getMessage());
        }
        throw new UnclassifiedServerFailureException(415, "Unsupported Content-Encoding '" + encoding
                + "': send the body uncompressed or gzip-compressed");
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Request body exceeds the limit of " + maxBytes
                + " bytes (setting continuum.server.max-request-size)");
    }

    /** Declarations must precede the root element, so the prolog is all that needs scanning. */
    private static String asciiPreview(byte[] body) {
        int end = body.length;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '<' && i + 1 < body.length && Character.isLetter(body[i + 1])) {
                end = i;
                break;
            }
        }
        String prolog = new String(body, 0, end, StandardCharsets.ISO_8859_1);
        // UTF-16 puts a NUL beside every ASCII character; drop them so the pattern still matches.
        return prolog.replace("\0", "");
    }
}
