package shop.verdant.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** S3Mock's executable jar in a child JVM, its log in {@code logFile}. */
public final class S3MockEngine implements AutoCloseable {
    private final Process process;
    private final int port;

    private S3MockEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3MockEngine start(Path jar, int httpPort, int httpsPort, String bucket, Path dataDir, Path logFile)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar + ": build with 'mvn package' first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--server.port=" + httpsPort,
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            cmd.add("--com.adobe.testing.s3mock.store.root=" + dataDir.toAbsolutePath());
            cmd.add("--com.adobe.testing.s3mock.store.retainFilesOnExit=true");
        }
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        S3MockEngine engine = new S3MockEngine(process, httpPort);
        try {
            Ports.awaitAccepting("S3Mock (log: " + logFile + ")", httpPort, 90_000, process);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
