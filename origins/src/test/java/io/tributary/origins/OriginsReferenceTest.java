package io.tributary.origins;

import io.tributary.config.ReferenceDoc;
import io.tributary.config.ReferenceDocCheck;
import org.junit.jupiter.api.Test;

/** docs/reference/origins.md is generated from the origins' option declarations. */
class OriginsReferenceTest {
    @Test
    void theReferenceIsCurrent() throws Exception {
        ReferenceDocCheck.assertCurrent("origins.md", ReferenceDoc.titled("Origins reference", """
                        The origins an agent pipeline listens on, each under `pipelines[i].origins` as `type` plus these
                        options (and an optional `id`). Behaviour, acknowledgement and metrics: docs/origins/.""")
                .plugins("Origins", "", Origins.all())
                .render());
    }
}
