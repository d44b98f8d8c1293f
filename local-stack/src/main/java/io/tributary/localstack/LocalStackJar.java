package io.tributary.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the shaded jar ({@code local-stack-*-all.jar}) the child JVMs run: the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENV}, else the newest
 * {@code local-stack/target/local-stack-*-all.jar} in the working directory or the nearest parent that has one
 * (so tests of every module, run from their module directory, find the one of the source checkout).
 */
final class LocalStackJar {

    static final String PROPERTY = "tributary.localstack.jar";
    static final String ENV = "TRIBUTARY_LOCALSTACK_JAR";

    private LocalStackJar() {
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
            source = "environment variable " + ENV;
        }
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new LocalStackException("the local-stack jar " + jar + " (from " + source + ") does not exist;"
                        + " build it with: mvn -pl local-stack -am package -DskipTests");
            }
            return jar;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Optional<Path> jar = newestShadedJar(dir.resolve("local-stack").resolve("target"));
            if (jar.isPresent()) {
                return jar.get();
            }
        }
        throw new LocalStackException("cannot find local-stack/target/local-stack-*-all.jar in " + start
                + " or any parent directory; build it with: mvn -pl local-stack -am package -DskipTests"
                + " (a reactor build reaches it at 'package'), or set -D" + PROPERTY + "=<path to the jar>");
    }

    private static Optional<Path> newestShadedJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("local-stack-") && name.endsWith("-all.jar") && Files.isRegularFile(f);
            }).max(Comparator.comparing(LocalStackJar::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
