package io.tributary.agent.processor.builtin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.processor.Processors;
import io.tributary.config.Option;
import io.tributary.config.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/processors.md honest: its YAML examples load, and it documents every option. */
class ProcessorDocsTest {
    private static final Path DOC = Path.of("..", "docs", "processors.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyYamlExampleBuildsItsProcessors() throws IOException {
        YamlLoader yaml = new YamlLoader(Map.of("PSEUDONYM_KEY", "0123456789abcdef0123456789abcdef")::get);
        Matcher m = YAML_BLOCK.matcher(doc());
        int built = 0;
        while (m.find()) {
            List<Map<String, Object>> entries = (List<Map<String, Object>>) yaml.parse(m.group(1)).get("processors");
            for (Map<String, Object> entry : entries) {
                Map<String, Object> options = new LinkedHashMap<>(entry);
                ProcessorType type = Processors.get("type", (String) options.remove("type"));
                type.create(type.options().parse(options));
                built++;
            }
        }
        assertTrue(built >= 15, "only " + built + " examples found");
    }

    @Test
    void everyProcessorAndOptionHasASection() throws IOException {
        String doc = doc();
        List<String> missing = new ArrayList<>();
        for (ProcessorType type : Processors.all()) {
            int start = doc.indexOf("\n## `" + type.name() + "`\n");
            if (start < 0) {
                missing.add(type.name());
                continue;
            }
            int end = doc.indexOf("\n## ", start + 1);
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            for (Option<?> o : type.options().options()) {
                if (!section.contains("| `" + o.name() + "` |")) missing.add(type.name() + "." + o.name());
            }
        }
        assertFalse(!missing.isEmpty(), "not documented in docs/processors.md: " + missing);
    }
}
