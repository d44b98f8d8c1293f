package io.tributary.formats.xml;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.formats.Utf8;
import io.tributary.formats.xml.XmlFormat.XmlMapping;
import io.tributary.record.Record;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the records of one XML document with the JDK's built-in StAX parser.
 *
 * <p>The payload must be UTF-8 (an optional byte order mark is skipped); it is decoded here, strictly, and the
 * text handed to StAX. Invalid UTF-8 gives {@link ErrorCode#INVALID_UTF8} at the first bad byte, after the
 * records that end before it. A DOCTYPE gives {@link ErrorCode#XML_DTD_FORBIDDEN}; malformed XML gives
 * {@link ErrorCode#XML_SYNTAX}. Either ends the document: records completed before it are emitted, the one in
 * progress is dropped. A record that breaks a limit is skipped and the document read on.
 *
 * <p>Offsets are byte offsets in the payload. Those of records (limit errors) and of a DOCTYPE are exact
 * ({@link TagScanner}). That of a syntax error is the position StAX's scanner had reached when it gave up,
 * converted exactly from characters to bytes: at or a few characters after the mistake, and the end of the
 * payload for a truncated document.
 *
 * <p>Immutable and thread-safe: every call gets its own StAX factory and reader.
 */
final class XmlParser implements Parser {
    private static final Set<String> UTF8_NAMES = Set.of("utf-8", "utf8", "us-ascii", "ascii");

    private final XmlMapping mapping;
    private final Limits limits;

    XmlParser(XmlMapping mapping, Limits limits) {
        this.mapping = mapping;
        this.limits = limits;
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        int start = payload.length >= 3 && payload[0] == (byte) 0xEF && payload[1] == (byte) 0xBB
                && payload[2] == (byte) 0xBF ? 3 : 0;
        try {
            String text = Utf8.decode(payload, start, payload.length - start);
            new Document(payload, text, start, -1, -1, sink).read();
        } catch (Utf8.InvalidUtf8Exception e) {
            int invalidAt = (int) e.offset();
            String valid = new String(payload, start, invalidAt - start, StandardCharsets.UTF_8);
            String rest = new String(payload, invalidAt, payload.length - invalidAt, StandardCharsets.UTF_8);
            new Document(payload, valid + rest, start, invalidAt, valid.length(), sink).read();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External entities are refused: " + systemId);
        });
        return factory;
    }

    /**
     * The reading of one payload. When the payload holds invalid UTF-8, StAX is given the text with the bad
     * bytes replaced, so that it reads on normally past them, but nothing at or after the first one is ever
     * reported: the first event that reaches it, or a syntax error noticed there or later, ends the document
     * with {@link ErrorCode#INVALID_UTF8}.
     */
    private final class Document {
        private final byte[] payload;
        private final String text;
        private final int invalidAt;
        private final int invalidChar;
        private final RecordSink sink;
        private final ByteOffsets offsets;

        Document(byte[] payload, String text, int start, int invalidAt, int invalidChar, RecordSink sink) {
            this.payload = payload;
            this.text = text;
            this.invalidAt = invalidAt;
            this.invalidChar = invalidChar;
            this.sink = sink;
            this.offsets = invalidAt < 0 ? new ByteOffsets(text, start, text.length(), payload.length - start)
                    : new ByteOffsets(text, start, invalidChar, invalidAt - start);
        }

        void read() {
            int doctype = TagScanner.prologDoctype(text);
            if (doctype >= 0) {
                sink.error(pastInvalid(doctype) ? invalidUtf8() : dtdForbidden(doctype));
                return;
            }
            XMLStreamReader reader = null;
            try {
                reader = factory().createXMLStreamReader(new StringReader(text));
                if (!declaresOtherEncoding(reader) && events(reader) && invalidAt >= 0) sink.error(invalidUtf8());
            } catch (XMLStreamException e) {
                sink.error(malformed(e));
            } finally {
                close(reader);
            }
        }

        /** Whether the character at {@code charOffset} (-1: unknown) comes from the first invalid byte or later. */
        private boolean pastInvalid(int charOffset) {
            return invalidAt >= 0 && (charOffset < 0 || charOffset >= invalidChar);
        }

        /** Reads every event; false when the document was refused. */
        private boolean events(XMLStreamReader reader) throws XMLStreamException {
            TagScanner tags = new TagScanner(text);
            int depth = 0;
            int matched = 0;
            int recordDepth = 0;
            long recordStart = 0;
            RecordBuilder record = null;
            while (hasNext(reader)) {
                switch (next(reader)) {
                    case XMLStreamConstants.DTD -> {
                        int at = tags.nextMarkup();
                        sink.error(pastInvalid(at) ? invalidUtf8() : dtdForbidden(at));
                        return false;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        int start = tags.startTag();
                        if (pastInvalid(tags.lastTagEnd() - 1)) {
                            sink.error(invalidUtf8());
                            return false;
                        }
                        if (record != null) {
                            if (offsets.of(tags.lastTagEnd()) - recordStart > limits.maxRecordBytes()) {
                                record.tooLarge();
                            }
                            record.startElement(reader);
                        } else {
                            matched = mapping.records().enter(matched, depth, reader.getNamespaceURI(),
                                    reader.getLocalName());
                            if (matched == mapping.records().length()) {
                                record = new RecordBuilder(mapping, limits, reader);
                                recordDepth = depth;
                                recordStart = offsets.of(start);
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        int end = tags.endTag();
                        if (pastInvalid(end - 1)) {
                            sink.error(invalidUtf8());
                            return false;
                        }
                        if (record != null && depth == recordDepth) {
                            emit(record, recordStart, offsets.of(end));
                            record = null;
                        } else if (record != null) {
                            record.endElement();
                        }
                        matched = mapping.records().exit(matched, depth);
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (record != null) {
                            record.text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    default -> {
                    }
                }
            }
            return true;
        }

        private void emit(RecordBuilder record, long start, long end) {
            ParseError error = limits.checkRecordBytes(end - start, start);
            LinkedHashMap<String, Object> fields = error == null ? record.fields() : null;
            if (error == null) error = record.failure(start);
            if (error == null) {
                Record built = Record.wrap(fields);
                error = limits.checkShape(built, start);
                if (error == null) {
                    sink.record(built);
                    return;
                }
            }
            sink.error(error);
        }

        private boolean declaresOtherEncoding(XMLStreamReader reader) {
            String declared = reader.getCharacterEncodingScheme();
            if (declared == null || UTF8_NAMES.contains(declared.toLowerCase(Locale.ROOT))) return false;
            int firstNonAscii = -1;
            for (int i = 0; i < payload.length && firstNonAscii < 0; i++) {
                if (payload[i] < 0) firstNonAscii = i;
            }
            if (firstNonAscii < 0) return false;
            sink.error(new ParseError(ErrorCode.INVALID_UTF8, "The document declares encoding '" + declared
                    + "' and is not plain ASCII; the xml format reads UTF-8 only", firstNonAscii));
            return true;
        }

        private ParseError malformed(XMLStreamException e) {
            Location location = e.getLocation();
            int at = location == null ? -1 : location.getCharacterOffset();
            if (pastInvalid(at) || sameToken(at, invalidChar)) return invalidUtf8();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = message.indexOf("Message: ");
            if (cut >= 0) message = message.substring(cut + "Message: ".length());
            if (location != null && location.getLineNumber() > 0) {
                message = "Malformed XML at line " + location.getLineNumber() + ", column "
                        + location.getColumnNumber() + ": " + message;
            } else {
                message = "Malformed XML: " + message;
            }
            return new ParseError(ErrorCode.XML_SYNTAX, message, offsets.of(at));
        }

        /**
         * Whether nothing separates the two offsets: StAX reports some errors at the start of the name or word
         * it failed on, which may be an invalid byte further on.
         */
        private boolean sameToken(int from, int to) {
            if (invalidAt < 0) return false;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c <= ' ' || "<>&;=\"'/".indexOf(c) >= 0) return false;
            }
            return true;
        }

        private ParseError dtdForbidden(int charOffset) {
            return new ParseError(ErrorCode.XML_DTD_FORBIDDEN, "DOCTYPE declarations are refused: no DTD, entity "
                    + "declaration or external entity is ever processed", offsets.of(charOffset));
        }

        private ParseError invalidUtf8() {
            return new ParseError(ErrorCode.INVALID_UTF8, "Invalid UTF-8 at byte offset " + invalidAt, invalidAt);
        }
    }

    /** StAX implementations throw unchecked exceptions for some bad input; they are syntax errors too. */
    private static boolean hasNext(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.hasNext();
        } catch (RuntimeException e) {
            throw new XMLStreamException(e.toString(), reader.getLocation(), e);
        }
    }

    private static int next(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.next();
        } catch (RuntimeException e) {
            throw new XMLStreamException(e.toString(), reader.getLocation(), e);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) return;
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // Closing a reader over a string releases nothing that could fail.
        }
    }
}
