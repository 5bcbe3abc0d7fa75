package shop.verdant.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Seconds from the README's run command to "ready", and the resident memory of every process it started. */
final class LocalShopBench {
    static void run(Path repo) throws Exception {
        System.out.println("== local shop: command to ready, and memory");
        long t = System.nanoTime();
        Process p = new ProcessBuilder("java", "-jar", repo.resolve("local/target/verdant-local.jar").toString(), "--port", "0")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        String ready = null;
        while ((line = out.readLine()) != null) {
            if (line.contains("is ready")) {
                ready = line.trim();
                break;
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        if (ready == null) {
            throw new IllegalStateException("the local shop did not become ready");
        }
        Thread.sleep(2000);
        List<long[]> tree = tree(p.pid());
        long total = 0;
        StringBuilder parts = new StringBuilder();
        for (long[] proc : tree) {
            total += proc[1];
            parts.append(String.format("%n    pid %d %-14s %5d MB", proc[0], name(proc[0]), proc[1] / 1024));
        }
        System.out.printf("  ready after %.1f s wall (launcher says: %s)%n  resident memory of its processes: %d MB%s%n",
                seconds, ready, total / 1024, parts);
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    /** [pid, rss kB] for the process and all its descendants. */
    private static List<long[]> tree(long root) throws Exception {
        List<long[]> out = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(root));
        while (!frontier.isEmpty()) {
            long pid = frontier.remove(0);
            out.add(new long[] {pid, rssKb(pid)});
            ProcessHandle.of(pid).ifPresent(h -> h.children().forEach(c -> frontier.add(c.pid())));
        }
        return out;
    }

    private static long rssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static String name(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> Path.of(c).getFileName().toString()).orElse("?");
    }
}
