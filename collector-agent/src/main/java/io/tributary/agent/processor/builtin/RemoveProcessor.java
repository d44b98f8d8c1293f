package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.Record;
import java.util.List;

/** Deletes fields; see {@link RemoveProcessorType}. Immutable and thread-safe. */
final class RemoveProcessor implements Processor {
    private final List<FieldPath> paths;

    RemoveProcessor(List<FieldPath> paths) {
        this.paths = List.copyOf(paths);
    }

    @Override
    public boolean process(Record record) {
        for (FieldPath path : paths) record.remove(path);
        return true;
    }
}
