package shop.verdant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import shop.verdant.contract.Contract;
import shop.verdant.contract.FunctionGroup;

/** Size of each function group's shaded jar, against the goals (catalog ≤ 10 MB, every other group ≤ 12 MB). */
final class JarsBench {
    static void run(Path repo) throws IOException {
        System.out.println("== shaded jar size per function group (goal: catalog <= 10 MB, others <= 12 MB)");
        for (FunctionGroup group : Contract.GROUPS) {
            Path jar = repo.resolve(group.jar());
            if (Files.exists(jar)) {
                double mb = Files.size(jar) / 1e6;
                double goal = group.name().equals("catalog") ? 10 : 12;
                System.out.printf("  %-10s %6.2f MB (%,d bytes)  %s%n", group.name(), mb, Files.size(jar),
                        mb <= goal ? "meets " + goal + " MB" : "OVER " + goal + " MB by " + String.format("%.2f", mb - goal));
            } else {
                System.out.printf("  %-10s not built (%s)%n", group.name(), group.jar());
            }
        }
    }
}
