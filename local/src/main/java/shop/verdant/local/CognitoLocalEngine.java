package shop.verdant.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cognito-local (npm) as a child process on loopback: Cognito's user-pool API, RS256 tokens and a JWKS.
 * Installed with npm into {@code local/cognito} on first start. Its working directory holds its data
 * ({@code .cognito/}), so a data directory keeps users between runs. It "sends" confirmation codes by
 * printing them; {@link #mailbox(String)} reads them back, as a local stand-in for email.
 */
final class CognitoLocalEngine implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Pattern DESTINATION = Pattern.compile("Destination:\\s+(\\S+)");
    private static final Pattern CODE = Pattern.compile("Code:\\s+(\\S+)");

    private final Process process;
    private final int port;
    private final Path log;

    private CognitoLocalEngine(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
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
        CognitoLocalEngine engine = new CognitoLocalEngine(process, port, log);
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
        Path start = packageDir.resolve("node_modules/cognito-local/lib/bin/start.js");
        if (Files.isRegularFile(start)) {
            return start;
        }
        System.out.println("Installing cognito-local with npm (first start only) ...");
        Files.createDirectories(installLog.getParent());
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(packageDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(installLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(start)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm could not install cognito-local in " + packageDir
                    + " (Node.js 20 and npm are needed); see " + installLog);
        }
        return start;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Confirmation codes "sent" to {@code email}, newest first. */
    List<String> mailbox(String email) {
        List<String> codes = new ArrayList<>();
        try {
            String text = ANSI.matcher(Files.readString(log, StandardCharsets.UTF_8)).replaceAll("");
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher d = DESTINATION.matcher(lines[i]);
                if (d.find() && d.group(1).equalsIgnoreCase(email)) {
                    for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                        Matcher c = CODE.matcher(lines[j]);
                        if (c.find()) {
                            codes.add(0, c.group(1));
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            return codes;
        }
        return codes;
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
