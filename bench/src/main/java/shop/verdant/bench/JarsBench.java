package shop.verdant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Size of each function group's shaded jar. */
final class JarsBench {
    static void run(Path repo) throws IOException {
        System.out.println("== shaded jar size per function group");
        try (Stream<Path> groups = Files.list(repo.resolve("functions"))) {
            for (Path group : groups.sorted().toList()) {
                Path jar = group.resolve("target").resolve(group.getFileName() + "-lambda.jar");
                if (Files.exists(jar)) {
                    System.out.printf("  %-10s %6.2f MB (%,d bytes)%n", group.getFileName(), Files.size(jar) / 1e6, Files.size(jar));
                }
            }
        }
    }
}
