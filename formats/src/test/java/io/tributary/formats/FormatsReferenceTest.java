package io.tributary.formats;

import io.tributary.config.ReferenceDoc;
import io.tributary.config.ReferenceDocCheck;
import org.junit.jupiter.api.Test;

/** docs/reference/formats.md is generated from the formats' option declarations. */
class FormatsReferenceTest {
    static String render() {
        return ReferenceDoc.titled("Formats reference", """
                        Every format an agent pipeline, `bin/tributary parse` or the simulator can use, with its options.
                        A pipeline names one under `format:` (`type` plus these options). See docs/formats/ for
                        behaviour and error codes.""")
                .section("Limits (every format)", "Shared by every format; a payload or record over a limit becomes an"
                        + " error record with the limit's code.", Limits.OPTIONS)
                .plugins("Formats", "", Formats.all())
                .render();
    }

    @Test
    void theReferenceIsCurrent() throws Exception {
        ReferenceDocCheck.assertCurrent("formats.md", render());
    }
}
