package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.nio.file.Path;

/** Builds a group's transport from its type and validated options. */
public final class Transports {
    private Transports() {
    }

    /**
     * A transport of {@code type}.
     *
     * @param outDir the run's output directory (the file transport writes below it)
     * @param contentType the content type of the group's format, unless the options name one
     */
    public static Transport create(String type, String group, Settings settings, Path outDir, String contentType) {
        return switch (type) {
            case "file" -> new FileTransport(group, settings, outDir);
            case "http" -> new HttpTransport(settings, contentType);
            case "udp" -> new UdpTransport(settings);
            case "mqtt" -> new MqttTransport(group, settings);
            case "coap" -> new CoapTransport(settings, contentType);
            default -> throw new IllegalArgumentException("unknown transport " + type);
        };
    }
}
