package health.continuum.conformance.glue;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Resources the server builds itself (follow-up Tasks, the LACE Observation, DetectedIssues) conform by construction,
 * which their integration tests check with $validate; write validation skips them instead of spending most of a
 * discharge's time on them. Only server code can set the mark: user data is never read from a request body.
 */
public final class ServerAuthored {

    private static final String MARK = ServerAuthored.class.getName();

    private ServerAuthored() {}

    public static <T extends IBaseResource> T mark(T resource) {
        resource.setUserData(MARK, Boolean.TRUE);
        return resource;
    }

    static boolean isMarked(IBaseResource resource) {
        return Boolean.TRUE.equals(resource.getUserData(MARK));
    }
}
