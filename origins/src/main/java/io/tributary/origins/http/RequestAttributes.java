package io.tributary.origins.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The attributes of one connection's payloads: {@code remote.address} ({@code host:port}), {@code http.path},
 * {@code http.method}, {@code http.header.<name>} for allowed headers (several values joined with ", "), and
 * {@code tls.client.subject} when the client presented a verified certificate.
 *
 * <p>Per connection, on its event loop; the connection's constants are computed once.
 */
final class RequestAttributes {
    static final String HEADER_PREFIX = "http.header.";
    private final List<String> allowed;
    private String remoteAddress;
    private boolean peerChecked;
    private String peerSubject;

    RequestAttributes(List<String> allowed) {
        this.allowed = allowed;
    }

    Map<String, String> of(ChannelHandlerContext ctx, String path, String method, HttpHeaders headers) {
        Map<String, String> attributes = new HashMap<>(8 + 2 * allowed.size());
        attributes.put("remote.address", remoteAddress(ctx));
        attributes.put("http.path", path);
        attributes.put("http.method", method);
        for (String name : allowed) {
            List<String> values = headers.getAll(name);
            if (!values.isEmpty()) attributes.put(HEADER_PREFIX + name, String.join(", ", values));
        }
        String subject = peerSubject(ctx);
        if (subject != null) attributes.put("tls.client.subject", subject);
        return attributes;
    }

    private String remoteAddress(ChannelHandlerContext ctx) {
        if (remoteAddress == null) {
            SocketAddress address = ctx.channel().remoteAddress();
            if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
                String host = inet.getAddress().getHostAddress();
                remoteAddress = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
            } else {
                remoteAddress = String.valueOf(address);
            }
        }
        return remoteAddress;
    }

    private String peerSubject(ChannelHandlerContext ctx) {
        if (!peerChecked) {
            peerChecked = true;
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl != null) {
                try {
                    Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
                    if (chain.length > 0 && chain[0] instanceof X509Certificate cert) {
                        peerSubject = cert.getSubjectX500Principal().getName();
                    }
                } catch (SSLPeerUnverifiedException e) {
                    // no client certificate (tls.client.auth none or optional)
                }
            }
        }
        return peerSubject;
    }
}
