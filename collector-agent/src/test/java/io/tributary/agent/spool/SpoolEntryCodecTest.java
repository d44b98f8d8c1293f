package io.tributary.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoolEntryCodecTest {
    private static Outgoing roundTrip(Outgoing o) throws IOException {
        byte[] bytes = EntryCodec.encode(o);
        byte[] framed = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, framed, 3, bytes.length);
        return EntryCodec.decode(framed, 3, bytes.length);
    }

    @Test
    void roundTripsEveryShapeKeepingHeaderOrder() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) headers.put("h" + i, "välue-" + i);
        headers.put("", "");
        List<Outgoing> cases = List.of(
                new Outgoing("t", null, new byte[0], null),
                new Outgoing("", new byte[0], new byte[] {0, -1, 127}, Map.of()),
                new Outgoing("tøpic.ü", "k€y".getBytes(StandardCharsets.UTF_8), new byte[100_000], headers));
        for (Outgoing o : cases) {
            Outgoing back = roundTrip(o);
            assertEquals(o, back);
            assertEquals(List.copyOf(o.headers().keySet()), List.copyOf(back.headers().keySet()));
        }
        assertEquals(EntryCodec.MIN_BYTES, EntryCodec.encode(new Outgoing("", null, new byte[0], null)).length);
    }

    @Test
    void malformedBytesFailInsteadOfMisreading() {
        byte[] good = EntryCodec.encode(SpoolTesting.message(3));
        assertThrows(IOException.class, () -> EntryCodec.decode(good, 0, good.length - 1));
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(IOException.class, () -> EntryCodec.decode(longer, 0, longer.length));
        byte[] badLength = good.clone();
        badLength[0] = 0x7f;
        assertThrows(IOException.class, () -> EntryCodec.decode(badLength, 0, badLength.length));
    }
}
