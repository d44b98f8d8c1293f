package io.tributary.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.config.ConfigException;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.formats.json.RecordJson;
import io.tributary.record.Record;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tributary parse}: tries a format configuration on a file, the way the agent would parse it.
 * Records go to stdout and errors to stderr, one JSON line each.
 */
@Command(name = "parse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Parse a file (or stdin) with a format, as the agent would, and print one JSON line per"
                + " record to stdout and one JSON line per error ({\"code\",\"message\",\"offset\"}) to stderr.",
                "Exit status: 0 when it ran (with or without parse errors), 1 when the input cannot be read,"
                        + " 2 on bad usage."},
        footerHeading = "%nFormats and their options (-o key=value):%n")
final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "NAME", description = "Format name.")
    String format;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "A format option; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--typed", description = "Tag decimals, bytes and timestamps so every field type shows.")
    boolean typed;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file; '-' or none reads stdin.")
    String file;

    ParseCommand() {
    }

    @Override
    public Integer call() {
        Parser parser;
        try {
            parser = Formats.parser(format, options);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return AgentMain.USAGE;
        }
        byte[] payload;
        try {
            payload = file == null || file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("No such file: " + file);
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        JsonFactory json = new JsonFactory();
        OutputStream stdout = new BufferedOutputStream(new NonClosing(System.out), 1 << 16);
        try (JsonGenerator out = json.createGenerator(stdout);
             JsonGenerator err = json.createGenerator(new NonClosing(System.err))) {
            out.setRootValueSeparator(null);
            err.setRootValueSeparator(null);
            parser.parse(payload, new PrintingSink(out, err, typed));
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("Cannot write output: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Writes each record or error as soon as it arrives. */
    private record PrintingSink(JsonGenerator out, JsonGenerator err, boolean typed) implements RecordSink {
        @Override
        public void record(Record record) {
            try {
                RecordJson.write(record, out, typed);
                out.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void error(ParseError error) {
            try {
                out.flush();
                err.writeStartObject();
                err.writeStringField("code", error.code());
                err.writeStringField("message", error.message());
                err.writeNumberField("offset", error.offset());
                err.writeEndObject();
                err.writeRaw('\n');
                err.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Keeps the JSON generators from closing the process's standard streams. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
