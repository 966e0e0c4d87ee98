package com.sportsbook.commons.sql;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory}: counts the writes the driver sends to the server, per thread. The driver buffers a request's
 * messages and writes them when it waits for an answer, so each write is one round trip.
 */
public final class CountingSocketFactory extends SocketFactory {

    private static final ThreadLocal<AtomicInteger> WRITES = ThreadLocal.withInitial(AtomicInteger::new);

    /**
     * Writes the calling thread has sent so far, on any connection this factory made (the driver writes on the thread
     * that runs the statement, so other threads' work on the same pool does not count).
     */
    public static int writes() {
        return WRITES.get().get();
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private OutputStream counted;

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (counted == null) {
                    counted = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            WRITES.get().incrementAndGet();
                            out.write(bytes, offset, length);
                        }
                    };
                }
                return counted;
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("pgjdbc connects an unconnected socket");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("pgjdbc connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("pgjdbc connects an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("pgjdbc connects an unconnected socket");
    }
}
