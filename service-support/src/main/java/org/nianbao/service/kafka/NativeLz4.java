package org.nianbao.service.kafka;

import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Lets Kafka's lz4 record compression use lz4-java's native library. lz4-java loads it on its own only when its
 * classes come from the JVM's system class loader; in a Quarkus application they come from Quarkus's class loader, so
 * every batch was compressed and decompressed by the pure-Java codec (4 % of the report service's CPU under load).
 * Loading the library once, before the first Kafka client, makes lz4-java's "fastest instance" the native one.
 */
public final class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);
    private static boolean tried; // guarded by the class lock

    private NativeLz4() {
    }

    /** Loads the native codec if this platform has one; otherwise Kafka keeps the pure-Java codec. Idempotent. */
    public static synchronized void load() {
        if (tried) {
            return;
        }
        tried = true;
        try {
            LZ4Factory.nativeInstance();
            LOG.infof("lz4: Kafka compresses with the native codec (%s)", LZ4Factory.fastestInstance());
        } catch (Throwable e) { // no library for this platform, or already loaded by another class loader (dev mode)
            LOG.infof("lz4: native codec unavailable, Kafka compresses in Java: %s", e);
        }
    }
}
