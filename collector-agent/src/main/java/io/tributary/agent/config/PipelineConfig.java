package io.tributary.agent.config;

import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.processor.Processors;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.formats.Format;
import io.tributary.formats.Formats;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pipeline: origins -> format -> processors -> Kafka destination, with its spool.
 *
 * @param name unique in the agent; tags metrics and names the default spool directory
 * @param maxInflightPayloads payloads accepted but not yet durable, above which origins get back-pressure
 * @param origins where payloads come from
 * @param format how payloads are parsed
 * @param contentTypes formats by content type, for origins that declare one (HTTP, CoAP); may be empty
 * @param processors applied to every record, in order
 * @param destination where records and error records go
 * @param spool the store-and-forward spool
 */
public record PipelineConfig(String name, int maxInflightPayloads, List<PluginConfig<OriginType>> origins,
        PluginConfig<Format> format, Map<String, PluginConfig<Format>> contentTypes,
        List<PluginConfig<ProcessorType>> processors, DestinationConfig destination, SpoolConfig spool) {

    public static final Option<String> NAME = Option.string("name", null,
            "The pipeline's name, unique in the agent.").required()
            .validate(n -> n.matches("[A-Za-z0-9._-]+") ? null : "may only contain letters, digits, '.', '_', '-'");
    public static final Option<Integer> MAX_INFLIGHT_PAYLOADS = Option.intValue("max.inflight.payloads", 10_000, 1,
            Integer.MAX_VALUE, "Payloads accepted but not yet durable, above which origins get back-pressure.");
    public static final OptionSet OPTIONS = OptionSet.of(NAME, MAX_INFLIGHT_PAYLOADS);
    static final List<String> SECTIONS = List.of("origins", "format", "content.types", "processors", "destination",
            "spool");

    static PipelineConfig parse(Section section) {
        Settings s = section.settings(OPTIONS, SECTIONS);
        List<PluginConfig<OriginType>> origins = PluginConfig.parseList(section.list("origins", true), Origins::get,
                OriginType::options, true);
        Section formatSection = section.child("format", true);
        PluginConfig<Format> format = formatSection == null ? null
                : PluginConfig.parse(formatSection, (k, n) -> Formats.get(n), Formats::options, false, "format");
        Map<String, PluginConfig<Format>> contentTypes = new LinkedHashMap<>();
        Section types = section.child("content.types", false);
        if (types != null) {
            for (String contentType : types.rawExcept().keySet()) {
                Section t = types.child(contentType, true);
                PluginConfig<Format> f = t == null ? null
                        : PluginConfig.parse(t, (k, n) -> Formats.get(n), Formats::options, false, contentType);
                if (f != null) contentTypes.put(contentType, f);
            }
        }
        List<PluginConfig<ProcessorType>> processors = PluginConfig.parseList(section.list("processors", false),
                Processors::get, ProcessorType::options, false);
        Section destinationSection = section.child("destination", true);
        DestinationConfig destination = destinationSection == null ? null : DestinationConfig.parse(destinationSection);
        String name = s == null ? "pipeline" : s.get(NAME);
        SpoolConfig spool = SpoolConfig.parse(section.child("spool", false), name);
        if (s == null || format == null || destination == null || spool == null) return null;
        return new PipelineConfig(name, s.get(MAX_INFLIGHT_PAYLOADS), origins, format, contentTypes, processors,
                destination, spool);
    }
}
