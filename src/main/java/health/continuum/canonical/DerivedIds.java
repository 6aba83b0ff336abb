package health.continuum.canonical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of the resources the server writes about a record, derived from the record's reference: the same record
 * always gives the same id, so the server writes its Task once, and any reference fits FHIR's 64-character id.
 */
public final class DerivedIds {

    private DerivedIds() {}

    /** {@code prefix-} and 32 hexadecimal digits of the SHA-256 of the key. */
    public static String of(String prefix, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
