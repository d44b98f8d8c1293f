package io.tributary.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.tributary.formats.Limits;

/**
 * A Jackson factory for UTF-8 byte ranges: no encoding detection (JSON exchanged between systems is UTF-8), byte
 * offsets of tokens and errors counted from the start of the whole array, and stream constraints derived from the
 * {@link Limits} so that Jackson's own limits never fire before ours: strings and numbers may be as long as the
 * payload, nesting may go two levels past {@code max.depth} (the enclosing array and the record object).
 *
 * <p>Thread-safe, like every {@link JsonFactory}; field names are canonicalized in its shared symbol table, so the
 * records of every payload share their field name strings.
 */
final class ByteJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    ByteJsonFactory(Limits limits) {
        super(new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Math.max(StreamReadConstraints.DEFAULT_MAX_DEPTH, limits.maxDepth() + 2))
                        .maxNumberLength(limits.maxPayloadBytes())
                        .maxStringLength(limits.maxPayloadBytes())
                        .build())
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES));
    }

    /** A parser over {@code length} bytes of {@code data} from {@code offset}; the caller closes it. */
    UTF8StreamJsonParser open(byte[] data, int offset, int length) {
        IOContext context = _createContext(_createContentReference(data, offset, length), false);
        return new UTF8StreamJsonParser(context, _parserFeatures, null, _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + length, offset, false);
    }

    /**
     * The byte offset of the current token (not valid for field names). Jackson counts token positions one past
     * the first byte; {@link UTF8StreamJsonParser#getTokenLocation()} does the same arithmetic but allocates.
     */
    static long tokenOffset(UTF8StreamJsonParser parser) {
        return parser.getTokenCharacterOffset() - 1;
    }
}
