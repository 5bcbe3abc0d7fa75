package shop.verdant.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import shop.verdant.local.LocalShop;
import shop.verdant.contract.Tables;

/**
 * Cold-start proxy: wall time of a fresh JVM that loads a function's shaded jar, builds the handler
 * and answers the first {@code GET /api/products}, as a ratio to a hello-world handler started the
 * same way in the same run, with and without an application class-data-sharing archive.
 */
final class ColdStartBench {
    private static final int RUNS = 7;

    static void run(Path repo) throws Exception {
        System.out.println("== cold-start proxy (fresh JVM: start + handler init + first GET /api/products)");
        Path jar = repo.resolve("functions/catalog/target/catalog-lambda.jar");
        // Jars only: class-data sharing refuses directories on the class path.
        Path benchJar = repo.resolve("bench/target/verdant-bench.jar");
        String classpath = jar + File.pathSeparator + benchJar;
        try (LocalShop shop = LocalShop.start(LocalShop.Options.forRepository(repo, repo.resolve("bench/target/shop")))) {
            List<String> props = new ArrayList<>();
            for (String name : List.of("DYNAMODB_ENDPOINT", "REDIS_URL", "REDIS_AUTH", "CURSOR_KEYS", "AWS_REGION",
                    Tables.PRODUCTS.envVar(), Tables.CATEGORIES.envVar(), Tables.BRANDS.envVar())) {
                props.add("-D" + name + "=" + System.getProperty(name));
            }
            // A cold container normally finds the shared cache warm (other containers filled it): one search does that.
            var warm = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    shop.url().resolve("/api/products?q=bamboo")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (warm.statusCode() != 200) {
                throw new IllegalStateException("warm-up search failed: " + warm.statusCode());
            }
            Path work = Files.createDirectories(repo.resolve("bench/target/cds"));
            String hello = HelloHandler.class.getName();
            String search = "shop.verdant.catalog.SearchProductsHandler";
            List<String> lambdaFlags = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

            double helloPlain = median(classpath, props, lambdaFlags, List.of(), hello);
            double searchPlain = median(classpath, props, lambdaFlags, List.of(), search);
            System.out.printf("  hello world:         %4.0f ms%n", helloPlain);
            System.out.printf("  catalog search:      %4.0f ms  (%.1fx hello)%n", searchPlain, searchPlain / helloPlain);

            System.out.println("  where the time goes (one run): " + breakdown(classpath, props, lambdaFlags, search));
            List<String> noTiering = List.of("-XX:+UseSerialGC");
            double searchC2 = median(classpath, props, noTiering, List.of(), search);
            System.out.printf("  catalog search, full tiered JIT (no TieredStopAtLevel=1): %4.0f ms%n", searchC2);

            Path helloJsa = work.resolve("hello.jsa");
            Path searchJsa = work.resolve("search.jsa");
            runOnce(classpath, props, lambdaFlags, List.of("-XX:ArchiveClassesAtExit=" + helloJsa), hello);
            runOnce(classpath, props, lambdaFlags, List.of("-XX:ArchiveClassesAtExit=" + searchJsa), search);
            double helloCds = median(classpath, props, lambdaFlags, List.of("-XX:SharedArchiveFile=" + helloJsa), hello);
            double searchCds = median(classpath, props, lambdaFlags, List.of("-XX:SharedArchiveFile=" + searchJsa), search);
            System.out.printf("  with AppCDS archive: hello %4.0f ms, catalog search %4.0f ms (%.1fx hello, %.1fx the plain hello)%n",
                    helloCds, searchCds, searchCds / helloCds, searchCds / helloPlain);
        }
    }

    /** One probe run that reports its own phases and how many classes the JVM loaded. */
    private static String breakdown(String cp, List<String> props, List<String> flags, String handler) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-Xshare:auto");
        cmd.add("-Dprobe.verbose=true");
        // class initialisation in the order the wiring needs them: the mapper, then the rest of the wiring
        cmd.add("-Dprobe.phases=shop.verdant.http.Json,shop.verdant.adapter.metrics.PowertoolsMetrics,shop.verdant.catalog.CatalogWiring");
        Path classLog = Files.createTempFile("classes", ".log");
        cmd.add("-Xlog:class+load=info:file=" + classLog + ":uptime");
        cmd.addAll(props);
        cmd.addAll(List.of("-cp", cp, ColdStartProbe.class.getName(), handler));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        p.waitFor(60, TimeUnit.SECONDS);
        lines.stream().filter(l -> l.startsWith("phase")).forEach(l -> System.out.println("    " + l));
        long classes;
        java.util.Map<String, Long> byPackage;
        try (var log = Files.lines(classLog)) {
            // lines are "[0.123s][info][class,load] name source: ..."
            List<String> names = log.map(l -> l.replaceFirst("^(\\[[^]]*\\])+ ?", "").split(" ")[0]).toList();
            classes = names.size();
            // where the classes come from: the first three parts of their package
            byPackage = names.stream().collect(java.util.stream.Collectors.groupingBy(n -> {
                String[] parts = n.split("\\.");
                return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
            }, java.util.stream.Collectors.counting()));
        }
        System.out.println("    classes by package: " + byPackage.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        // kept for reading: every class in load order, with where it came from
        Files.move(classLog, Path.of("bench/target/cds/classes.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String phases = lines.stream().filter(l -> l.startsWith("probe:")).findFirst().orElse("probe: (no report)");
        return phases.substring("probe:".length()).trim() + ", " + classes + " classes loaded";
    }

    private static double median(String cp, List<String> props, List<String> flags, List<String> extra, String handler)
            throws Exception {
        runOnce(cp, props, flags, extra, handler);
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = runOnce(cp, props, flags, extra, handler);
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static double runOnce(String cp, List<String> props, List<String> flags, List<String> extra, String handler)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(extra);
        cmd.add("-Xshare:auto");
        cmd.addAll(props);
        cmd.addAll(List.of("-cp", cp, ColdStartProbe.class.getName(), handler));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("cold-start probe failed: " + String.join(" ", cmd));
        }
        return (System.nanoTime() - t) / 1e6;
    }
}
