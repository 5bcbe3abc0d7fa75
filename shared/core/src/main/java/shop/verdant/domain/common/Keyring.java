package shop.verdant.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC keys by key id, for values the shop hands out and must recognise when they come back (search
 * cursors, visitor cart tokens). A sealed value is {@code kid.payload.mac}: it is sealed with the current
 * key and opened with whichever key its id names, so a key can be rotated (a new one put first, the old
 * one kept until what it sealed has expired) without breaking values in flight. Integrity, not secrecy.
 *
 * <p>The text form is {@code kid:key,kid:key,...}, the current key first; a key is at least 32 characters of
 * {@code [A-Za-z0-9_-]} (its UTF-8 bytes are the HMAC key). A bare key without an id (what Secrets Manager
 * generates for a new secret) is key {@code 0}; rotating puts {@code kid:new,0:old}.
 */
public final class Keyring {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final String current;
    private final Map<String, byte[]> keys;

    private Keyring(String current, Map<String, byte[]> keys) {
        this.current = current;
        this.keys = keys;
    }

    public static Keyring parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a keyring needs at least one key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : text.trim().split(",")) {
            int colon = entry.indexOf(':');
            String kid = colon < 0 ? "0" : entry.substring(0, colon).trim();
            String key = entry.substring(colon + 1).trim();
            if (!kid.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("a key id is 1-16 of [A-Za-z0-9_-]");
            }
            if (!key.matches("[A-Za-z0-9_-]{32,}")) {
                throw new IllegalArgumentException("key " + kid + " is not 32 or more of [A-Za-z0-9_-]");
            }
            keys.put(kid, key.getBytes(StandardCharsets.UTF_8));
            if (first == null) {
                first = kid;
            }
        }
        return new Keyring(first, keys);
    }

    /** A keyring with one fresh 256-bit random key (the local shop generates its secrets this way). */
    public static String generate(String kid) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return kid + ":" + ENC.encodeToString(key);
    }

    public String seal(String payload) {
        String body = ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return current + "." + body + "." + ENC.encodeToString(mac(keys.get(current), current + "." + body));
    }

    /** The payload of a value this keyring sealed, or null for anything else (edited, foreign, unknown key). */
    public String open(String sealed) {
        if (sealed == null || sealed.length() > 512) {
            return null;
        }
        int first = sealed.indexOf('.');
        int last = sealed.lastIndexOf('.');
        if (first <= 0 || last <= first) {
            return null;
        }
        byte[] key = keys.get(sealed.substring(0, first));
        if (key == null) {
            return null;
        }
        try {
            byte[] given = DEC.decode(sealed.substring(last + 1));
            if (!MessageDigest.isEqual(given, mac(key, sealed.substring(0, last)))) {
                return null;
            }
            return new String(DEC.decode(sealed.substring(first + 1, last)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
