package com.sportsbook.runtime.compliance.kyc;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * s3proxy (an S3 API over a jclouds blob store, here the in-memory "transient" one) running inside the test JVM.
 * Its 2.x line brings Jetty 11 and Servlet 5, which clash with the runtime's Tomcat 11 (Servlet 6.1) and Boot's Jetty
 * 12 management, so it is never put on the test classpath: the build copies its self-contained jar to
 * {@code target/s3proxy/s3proxy.jar} (the {@code copy-s3proxy} execution) and it is started here in a class loader of
 * its own, whose parent is the platform class loader; it is driven by reflection through its builder API.
 */
final class InJvmS3Proxy implements AutoCloseable {

    static final String ACCESS_KEY = "kyc-test-identity";
    static final String SECRET_KEY = "kyc-test-credential";

    private final URLClassLoader loader;
    private final Object proxy;
    private final URI endpoint;

    private InJvmS3Proxy(URLClassLoader loader, Object proxy, URI endpoint) {
        this.loader = loader;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static InJvmS3Proxy start() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no s3proxy jar at " + jar.toAbsolutePath()
                    + ": run the build's generate-test-resources phase (copy-s3proxy)");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            URLClassLoader loader = new URLClassLoader("s3proxy", new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            // jclouds finds its providers through the context class loader
            thread.setContextClassLoader(loader);
            Class<?> contextBuilder = loader.loadClass("org.jclouds.ContextBuilder");
            Class<?> blobStoreContext = loader.loadClass("org.jclouds.blobstore.BlobStoreContext");
            Class<?> blobStoreType = loader.loadClass("org.jclouds.blobstore.BlobStore");
            Object builder = contextBuilder.getMethod("newBuilder", String.class).invoke(null, "transient");
            builder = contextBuilder.getMethod("credentials", String.class, String.class).invoke(builder, "identity", "credential");
            Object context = contextBuilder.getMethod("build", Class.class).invoke(builder, blobStoreContext);
            Object blobStore = blobStoreContext.getMethod("getBlobStore").invoke(context);

            Class<?> s3Proxy = loader.loadClass("org.gaul.s3proxy.S3Proxy");
            Class<?> authenticationType = loader.loadClass("org.gaul.s3proxy.AuthenticationType");
            Object proxyBuilder = s3Proxy.getMethod("builder").invoke(null);
            Class<?> builderType = proxyBuilder.getClass();
            builderType.getMethod("blobStore", blobStoreType).invoke(proxyBuilder, blobStore);
            builderType.getMethod("endpoint", URI.class).invoke(proxyBuilder, URI.create("http://127.0.0.1:0"));
            builderType.getMethod("awsAuthentication", authenticationType, String.class, String.class)
                    .invoke(proxyBuilder, awsV2OrV4(authenticationType), ACCESS_KEY, SECRET_KEY);
            Object proxy = builderType.getMethod("build").invoke(proxyBuilder);
            s3Proxy.getMethod("start").invoke(proxy);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"STARTED".equals(s3Proxy.getMethod("getState").invoke(proxy))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start");
                }
                Thread.sleep(20);
            }
            int port = (int) s3Proxy.getMethod("getPort").invoke(proxy);
            return new InJvmS3Proxy(loader, proxy, URI.create("http://127.0.0.1:" + port));
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("s3proxy could not be started in the test JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object awsV2OrV4(Class<?> authenticationType) {
        return Enum.valueOf((Class) authenticationType, "AWS_V2_OR_V4");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.getClass().getMethod("stop").invoke(proxy);
        loader.close();
    }
}
