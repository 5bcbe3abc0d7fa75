package shop.verdant.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * moto's AWS server (in the machine image: {@code ~/.pyenv/shims/moto_server}) on a free loopback port, for the
 * adapters whose AWS API it serves (Firehose, SES, Secrets Manager). Its log is {@code target/moto.log}.
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final String url;

    private MotoServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        Path exe = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server");
        String command = Files.isExecutable(exe) ? exe.toString() : "moto_server";
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "moto.log");
        Files.createDirectories(log.getParent());
        Process process;
        try {
            process = new ProcessBuilder(command, "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is missing: this test needs moto (in the machine image, "
                    + "~/.pyenv/shims/moto_server)", e);
        }
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(url + "/moto-api/")).build(), HttpResponse.BodyHandlers.discarding());
                return new MotoServer(process, url);
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroy();
                    throw new IllegalStateException("moto_server did not start: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    public String url() {
        return url;
    }

    /** moto's view of every backend's state ({@code /moto-api/data.json}), as JSON text. */
    public String state() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
