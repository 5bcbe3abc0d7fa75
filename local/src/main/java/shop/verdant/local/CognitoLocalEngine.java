package shop.verdant.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import shop.verdant.http.Json;

/**
 * cognito-local (npm) as a child process on loopback: Cognito's user-pool API, RS256 tokens and a JWKS.
 * Installed with npm into {@code local/cognito} on first start. Its working directory holds its data
 * ({@code .cognito/}), so a data directory keeps users between runs. It "sends" confirmation codes by
 * printing them; {@link #inbox(String)} reads them back, a local stand-in for email (and for an authenticator app).
 */
final class CognitoLocalEngine implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path workDir;

    private CognitoLocalEngine(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    static CognitoLocalEngine start(Path packageDir, int port, Path workDir, Path log) throws IOException, InterruptedException {
        Path start = ensureInstalled(packageDir, log.resolveSibling("cognito-npm-install.log"));
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder("node", start.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("NODE_NO_WARNINGS", "1");
        Process process = pb.start();
        CognitoLocalEngine engine = new CognitoLocalEngine(process, port, workDir);
        try {
            Ports.awaitAccepting("cognito-local (log: " + log + ")", port, 60_000, process);
        } catch (RuntimeException e) {
            engine.stop();
            throw e;
        }
        return engine;
    }

    /** The start script, installing cognito-local with npm when it is not there yet. */
    static Path ensureInstalled(Path packageDir, Path installLog) throws IOException, InterruptedException {
        return Npm.ensureInstalled(packageDir, "node_modules/cognito-local/lib/bin/start.js", "cognito-local", installLog);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * What Cognito would have sent {@code email} and what their authenticator app would show, from every pool: the
     * confirmation codes waiting, the temporary password of an invitation not taken up yet, and the current code of
     * their software token (staff, once they have associated one).
     */
    record Inbox(List<String> codes, String temporaryPassword, String authenticatorCode) {
        static final Inbox EMPTY = new Inbox(List.of(), null, null);

        Map<String, Object> json() {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("codes", codes);
            out.put("temporaryPassword", temporaryPassword);
            out.put("authenticatorCode", authenticatorCode);
            return out;
        }
    }

    /**
     * The inbox of {@code email}. cognito-local "sends" codes and invitations by printing them (its log is buffered, so
     * it lags); they are also on the user's record in its data files, read here, as is the software token's secret.
     */
    Inbox inbox(String email) {
        Path db = workDir.resolve(".cognito/db");
        if (email == null || email.isBlank() || !Files.isDirectory(db)) {
            return Inbox.EMPTY;
        }
        List<String> codes = new ArrayList<>();
        String temporary = null;
        String authenticator = null;
        try (var files = Files.list(db)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode users = Json.read(Files.readString(f, StandardCharsets.UTF_8), JsonNode.class).path("Users");
                for (JsonNode user : users) {
                    boolean match = false;
                    for (JsonNode a : user.path("Attributes")) {
                        match |= "email".equals(a.path("Name").asText()) && email.equalsIgnoreCase(a.path("Value").asText());
                    }
                    if (!match) {
                        continue;
                    }
                    if (user.hasNonNull("ConfirmationCode")) {
                        codes.add(user.get("ConfirmationCode").asText());
                    }
                    if ("FORCE_CHANGE_PASSWORD".equals(user.path("UserStatus").asText())) {
                        temporary = user.path("Password").asText(null);
                    }
                    String secret = user.path("SoftwareTokenMfaConfiguration").path("Secret").asText(null);
                    if (secret != null) {
                        authenticator = Authenticator.code(secret);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Inbox.EMPTY;   // a file being rewritten right now: the caller asks again
        }
        return new Inbox(codes, temporary, authenticator);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
