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

    /** The shaded jar of one function group, built by {@code mvn package}. */
    static String lambdaJar(String group) {
        Path jar = root().resolve("functions").resolve(group).resolve("target").resolve(group + "-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn package' first");
        }
        return jar.toString();
    }

    static String siteDir() {
        return root().resolve("site").toString();
    }
}
