package shop.verdant.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import shop.verdant.contract.Need;
import shop.verdant.domain.common.Keyring;

/**
 * The secrets Secrets Manager holds on AWS, generated for the local shop: random per run in memory, or kept
 * (owner-only file) in the data directory so that cursors and visitor carts survive a restart. The handlers
 * read them as settings; nothing of them is in the repository.
 */
final class LocalSecrets {
    private LocalSecrets() {
    }

    static Map<String, String> load(Path dataDir) throws IOException {
        Properties stored = new Properties();
        Path file = dataDir == null ? null : dataDir.resolve("secrets.properties");
        if (file != null && Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                stored.load(r);
            }
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Need need : Need.values()) {
            need.secret().ifPresent(name -> secrets.put(name, stored.getProperty(name, switch (need) {
                case REDIS -> password();
                // test-mode keys of the local Stripe stand-in, shaped like Stripe's
                case STRIPE_API_KEY -> "sk_test_local" + password();
                case STRIPE_WEBHOOK_SECRET -> "whsec_local" + password();
                default -> Keyring.generate("local1");
            })));
        }
        if (file != null && !stored.keySet().containsAll(secrets.keySet())) {
            Files.createDirectories(dataDir);
            Properties out = new Properties();
            out.putAll(secrets);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file)) {
                out.store(w, "Verdant local shop secrets (generated; Secrets Manager holds these on AWS)");
            }
        }
        return secrets;
    }

    private static String password() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
