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

    /**
     * A file of the site's npm dependencies (site/package.json), installed with npm into site/ on first use as the
     * local shop's first start does, so a synth from a fresh clone works without a separate step.
     */
    static String vendored(String pathUnderSite) {
        Path site = root().resolve("site");
        Path file = site.resolve(pathUnderSite);
        try {
            if (!Files.isRegularFile(file)) {
                Process npm = new ProcessBuilder("npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(site.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!npm.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    npm.destroyForcibly();
                }
            }
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(file + " is missing and npm could not install it: run 'npm install' in site/", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted installing the site's npm dependencies", e);
        }
    }

    /** A digest of every file under a folder of the repository: changes when any of them does. */
    static String digest(String folder) {
        try (var files = Files.walk(root().resolve(folder))) {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(root().relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + folder, e);
        }
    }

    static String siteDir() {
        return root().resolve("site").toString();
    }
}
