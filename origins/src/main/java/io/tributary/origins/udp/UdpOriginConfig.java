package io.tributary.origins.udp;

/**
 * The parsed options of one {@code udp} origin (see {@link UdpOriginType} for their meaning).
 *
 * @param bind address to bind
 * @param port port, 0 for a free one
 * @param threads receive threads (sockets, with epoll)
 * @param transport auto, epoll or nio
 * @param receiveBufferBytes SO_RCVBUF asked for
 * @param maxDatagramBytes largest datagram taken
 * @param maxInflight datagrams submitted and not yet completed, at most
 */
record UdpOriginConfig(String bind, int port, int threads, String transport, int receiveBufferBytes,
        int maxDatagramBytes, int maxInflight) {
}
