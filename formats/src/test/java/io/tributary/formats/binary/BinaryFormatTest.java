package io.tributary.formats.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.ParserContractKit;
import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "binary";
    }

    /** A payload of {@code n} 16-byte frames; the binary format reads any payload as one record. */
    @Override
    protected byte[] records(int n) {
        byte[] payload = new byte[16 * n];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 31 + 7);
        return payload;
    }

    @Override
    protected int recordsPerPayload(int n) {
        return 1;
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return new byte[bytes];
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return null;
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return null;
    }

    @Test
    void theRecordHoldsACopyOfThePayload() {
        byte[] payload = {0, (byte) 0xFF, 'a'};
        CollectingSink sink = CollectingSink.parse(Formats.parser("binary", Map.of("field", "raw")), payload);
        payload[0] = 9;
        assertEquals(List.of(Map.of("raw", Bytes.of(new byte[] {0, (byte) 0xFF, 'a'}))),
                sink.records.stream().map(Record::fields).toList());
    }

    @Test
    void writerRoundTrip() {
        Writer writer = Formats.writer("binary", Map.of());
        byte[] payload = records(3);
        CollectingSink sink = CollectingSink.parse(Formats.parser("binary", Map.of()), payload);
        assertArrayEquals(payload, writer.toBytes(sink.records));
        assertArrayEquals(new byte[0], writer.toBytes(List.of(Record.of(Map.of("payload", Bytes.EMPTY)))));
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                writer.toBytes(List.of(Record.of(Map.of("payload", "héllo")))));
    }

    @Test
    void writerRefusesWhatIsNotOnePayload() {
        Writer writer = Formats.writer("binary", Map.of());
        Record ok = Record.of(Map.of("payload", Bytes.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of()));
        assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of(ok, ok)));
        assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of(Record.of(Map.of("other", "x")))));
        assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of(Record.of(Map.of("payload", 1L)))));
    }

    @Test
    void emptyFieldNameIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> Formats.parser("binary", Map.of("field", "")));
        assertEquals("field", e.problems().get(0).key());
    }
}
