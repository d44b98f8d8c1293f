package io.tributary.formats.xml;

import io.tributary.formats.ParserContractKit;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class XmlFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "xml";
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("record.element", "/readings/reading");
    }

    @Override
    protected byte[] records(int n) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<readings site=\"mall-1\">\n");
        for (int i = 0; i < n; i++) {
            xml.append("  <reading id=\"").append(i).append("\"><sensor>s-").append(i % 4)
                    .append("</sensor><rssi>-").append(40 + i).append("</rssi><rssi>-").append(41 + i)
                    .append("</rssi><where zone=\"food-court\">Café ").append(i).append("</where></reading>\n");
        }
        return xml.append("</readings>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return ("<readings><reading><blob>" + "x".repeat(bytes) + "</blob></reading></readings>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] recordWithValues(int n) {
        StringBuilder xml = new StringBuilder("<readings><reading>");
        for (int i = 0; i < n; i++) xml.append("<f").append(i).append('>').append(i).append("</f").append(i).append('>');
        return xml.append("</reading></readings>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        StringBuilder xml = new StringBuilder("<readings><reading>");
        for (int i = 1; i <= depth; i++) xml.append("<l").append(i).append('>');
        xml.append("deep");
        for (int i = depth; i >= 1; i--) xml.append("</l").append(i).append('>');
        return xml.append("</reading></readings>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
