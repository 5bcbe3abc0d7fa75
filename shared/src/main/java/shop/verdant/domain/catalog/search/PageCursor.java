package shop.verdant.domain.catalog.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination cursor: the next offset bound to a fingerprint of the query it belongs to, sealed
 * with an HMAC. A cursor that was edited, truncated or replayed against another query is rejected
 * rather than silently paging something else. It protects integrity, not secrecy: an offset is public.
 */
public final class PageCursor {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final byte[] key;

    public PageCursor(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String encode(int offset, String queryFingerprint) {
        String payload = offset + ":" + queryFingerprint;
        return ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENC.encodeToString(mac(payload));
    }

    /** The offset the cursor carries, or -1 when it is not a cursor this service issued for this query. */
    public int decode(String cursor, String queryFingerprint) {
        if (cursor == null || cursor.length() > 200) {
            return -1;
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0) {
            return -1;
        }
        try {
            String payload = new String(DEC.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = DEC.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) {
                return -1;
            }
            int colon = payload.indexOf(':');
            if (colon <= 0 || !payload.substring(colon + 1).equals(queryFingerprint)) {
                return -1;
            }
            int offset = Integer.parseInt(payload.substring(0, colon));
            return offset >= 0 ? offset : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
