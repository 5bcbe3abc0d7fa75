package shop.verdant.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's built artefacts are, wherever the CDK app is started from. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("site")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the CDK app inside the Verdant repository");
        }
        return dir;
    }

    /** A built file, by its path from the repository root (a function group's jar, built by {@code mvn package}). */
    static String path(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run 'mvn package' first");
        }
        return file.toString();
    }

    static String siteDir() {
        return root().resolve("site").toString();
    }
}
