package io.tributary.formats.delimited;

import io.tributary.formats.ParserContractKit;
import java.nio.charset.StandardCharsets;

/** The parser contract and the golden cases under {@code golden/csv}. */
class CsvFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "csv";
    }

    @Override
    protected byte[] records(int n) {
        StringBuilder sb = new StringBuilder("id,name,temp\r\n");
        for (int i = 0; i < n; i++) {
            sb.append(i).append(",\"Sensor \"\"").append(i).append("\"\", hall\",").append(20 + i).append(".5\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return ("id,payload\n1,\"" + "x".repeat(bytes) + "\"\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] recordWithValues(int n) {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : ",").append('c').append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        return (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return null;
    }
}
