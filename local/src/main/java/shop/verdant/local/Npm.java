package shop.verdant.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** npm packages the local shop runs or serves, installed on first start (the repository commits no node_modules). */
final class Npm {
    private Npm() {
    }

    /** {@code installed}: a file the package's install leaves, relative to {@code packageDir}; returned when present. */
    static Path ensureInstalled(Path packageDir, String installed, String what, Path installLog)
            throws IOException, InterruptedException {
        Path file = packageDir.resolve(installed);
        if (Files.isRegularFile(file)) {
            return file;
        }
        System.out.println("Installing " + what + " with npm (first start only) ...");
        Files.createDirectories(installLog.getParent());
        Process npm = new ProcessBuilder("npm", "install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(packageDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(installLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(file)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm could not install " + what + " in " + packageDir
                    + " (Node.js 20 and npm are needed); see " + installLog);
        }
        return file;
    }
}
