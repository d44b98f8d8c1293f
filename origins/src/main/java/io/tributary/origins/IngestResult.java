package io.tributary.origins;

import io.tributary.formats.ParseError;
import java.util.List;

/**
 * What became of one {@link Payload} once everything from it is durable: how many records were stored, and
 * the errors (each also stored as an error record, so nothing was lost). An origin that can answer its
 * sender in detail (HTTP, CoAP) reports the errors back; the others only count them.
 *
 * <p>Stable API since 0.1. Immutable.
 *
 * @param records records made durable
 * @param errors error records made durable (parse or processor failures)
 * @param firstErrors the first few errors, for the sender's answer
 */
public record IngestResult(int records, int errors, List<ParseError> firstErrors) {
    public IngestResult {
        firstErrors = List.copyOf(firstErrors);
    }

    /** Whether the payload produced errors and no record at all. */
    public boolean rejected() {
        return records == 0 && errors > 0;
    }
}
