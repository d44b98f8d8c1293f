package io.tributary.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The staleness check every module's reference test calls: the checked-in {@code docs/reference/<name>} must
 * equal what the option declarations render. Run with {@code -Dtributary.docs.update=true} to rewrite it.
 */
public final class ReferenceDocCheck {
    private ReferenceDocCheck() {
    }

    /** Tests run in the module's directory; the docs live beside the modules. */
    public static void assertCurrent(String name, String generated) throws IOException {
        Path file = Path.of("..", "docs", "reference", name);
        if (Boolean.getBoolean("tributary.docs.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
            return;
        }
        String current = Files.exists(file) ? Files.readString(file) : "";
        if (current.equals(generated)) return;
        List<String> want = generated.lines().toList();
        List<String> have = current.lines().toList();
        int line = 0;
        while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) line++;
        fail("docs/reference/" + name + " is stale (first difference at line " + (line + 1) + ": expected '"
                + (line < want.size() ? want.get(line) : "<end>") + "' but the file has '"
                + (line < have.size() ? have.get(line) : "<end>") + "'). Regenerate it: mvn -B test -pl <module>"
                + " -Dtest='*ReferenceTest' -Dtributary.docs.update=true");
    }
}
