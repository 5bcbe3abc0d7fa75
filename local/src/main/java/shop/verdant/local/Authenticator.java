package shop.verdant.local;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The local shop's stand-in for a staff member's authenticator app: the current six-digit TOTP code (RFC 6238:
 * HMAC-SHA1, 30-second steps, the settings Cognito's software tokens use) of a Base32 secret, as Cognito's
 * AssociateSoftwareToken hands it out.
 */
final class Authenticator {
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    private Authenticator() {
    }

    static String code(String base32Secret, Instant at) {
        byte[] key = new Base32().decode(base32Secret.toUpperCase(Locale.ROOT));
        if (key.length == 0) {
            throw new IllegalArgumentException("not a Base32 secret");
        }
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(key, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1),
                    at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable secret", e);
        }
    }

    static String code(String base32Secret) {
        return code(base32Secret, Instant.now());
    }
}
