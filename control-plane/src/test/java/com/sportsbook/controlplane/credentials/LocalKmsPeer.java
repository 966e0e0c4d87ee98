package com.sportsbook.controlplane.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP peer standing in for AWS KMS, speaking its documented JSON protocol: {@code POST /} with
 * {@code X-Amz-Target: TrentService.<Operation>} and {@code Content-Type: application/x-amz-json-1.1}, base64 blobs,
 * errors as HTTP 400 with {@code {"__type": "...Exception", "message": ...}}. It answers Encrypt, Decrypt and
 * GenerateDataKey for symmetric keys it creates, and it really encrypts: AES-256-GCM under each key's own random
 * key material, the ciphertext blob carrying the key's id, and the encryption context bound as authenticated data,
 * so a blob decrypted with another context, under another key, or tampered with fails with
 * InvalidCiphertextException (or IncorrectKeyException when the request names another key), as KMS does. It checks
 * that requests are SigV4-signed for the {@code kms} service in its region (it does not verify the signature), and
 * records every call (target, key, context) for assertions.
 */
final class LocalKmsPeer implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "111122223333";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    /** One request as the peer saw it; never the plain text. */
    record Call(String target, String keyId, Map<String, String> encryptionContext, String error) {
    }

    private record Answer(int status, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte BLOB_VERSION = 1;
    private static final int IV_BYTES = 12;

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<UUID, SecretKeySpec> keys = new ConcurrentHashMap<>();
    private final Set<UUID> disabled = ConcurrentHashMap.newKeySet();
    private final Deque<Answer> canned = new ArrayDeque<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;

    LocalKmsPeer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("local-kms-", 0).factory()));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A new symmetric encryption key; its ARN, as CreateKey answers. */
    String createKey() {
        byte[] material = new byte[32];
        random.nextBytes(material);
        UUID id = UUID.randomUUID();
        keys.put(id, new SecretKeySpec(material, "AES"));
        return arn(id);
    }

    /** As DisableKey: the key stays, but every operation with it fails with DisabledException. */
    void disable(String arn) {
        disabled.add(keyOf(arn));
    }

    /** The next request is answered with this recorded status and body, whatever it asks. */
    synchronized void answerNextWith(int status, String body) {
        canned.add(new Answer(status, body));
    }

    /** Requests of this operation wait (as behind a slow KMS) until {@link #release}. */
    void hold(String operation) {
        held.putIfAbsent("TrentService." + operation, new CountDownLatch(1));
    }

    void release(String operation) {
        CountDownLatch latch = held.remove("TrentService." + operation);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Waits until a request of a held operation is waiting. */
    void awaitWaiting(String operation) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        AtomicInteger count = waiting.computeIfAbsent("TrentService." + operation, key -> new AtomicInteger());
        while (count.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + operation + " request arrived");
            }
            Thread.sleep(10);
        }
    }

    long count(String operation) {
        return calls.stream().filter(call -> call.target().equals("TrentService." + operation)).count();
    }

    private static String arn(UUID id) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id;
    }

    /** A key ARN or a bare key id; null when it is neither. */
    private static UUID keyOf(String keyId) {
        if (keyId == null) {
            return null;
        }
        String id = keyId.startsWith("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/")
                ? keyId.substring(keyId.lastIndexOf('/') + 1) : keyId;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAKeyId) {
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (this) {
                answer = canned.poll();
            }
            if (answer == null) {
                answer = answer(exchange, body);
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private Answer answer(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        CountDownLatch latch = target == null ? null : held.get(target);
        if (latch != null) {
            AtomicInteger count = waiting.computeIfAbsent(target, key -> new AtomicInteger());
            count.incrementAndGet();
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                count.decrementAndGet();
            }
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())
                || contentType == null || !contentType.startsWith(CONTENT_TYPE)) {
            return error(target, null, Map.of(), "UnknownOperationException", null);
        }
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                || !authorization.contains("/" + REGION + "/kms/aws4_request")) {
            return error(target, null, Map.of(), "IncompleteSignatureException",
                    "Requests must be signed with Signature Version 4 for kms in " + REGION);
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (RuntimeException e) {
            return error(target, null, Map.of(), "SerializationException", "Start of structure or map found where not expected");
        }
        Map<String, String> context = new TreeMap<>();
        request.path("EncryptionContext").properties().forEach(entry -> context.put(entry.getKey(), entry.getValue().asString()));
        String keyId = request.path("KeyId").isMissingNode() ? null : request.path("KeyId").asString();
        return switch (target == null ? "" : target) {
            case "TrentService.Encrypt" -> encrypt(target, keyId, context, decode(request.path("Plaintext")));
            case "TrentService.GenerateDataKey" -> generateDataKey(target, keyId, context, request);
            case "TrentService.Decrypt" -> decrypt(target, keyId, context, decode(request.path("CiphertextBlob")));
            default -> error(target, keyId, context, "UnknownOperationException", null);
        };
    }

    private Answer encrypt(String target, String keyId, Map<String, String> context, byte[] plaintext) {
        UUID key = keyOf(keyId);
        Answer refused = usable(target, keyId, key, context);
        if (refused != null) {
            return refused;
        }
        if (plaintext == null || plaintext.length == 0 || plaintext.length > 4096) {
            return error(target, keyId, context, "ValidationException", "Plaintext must be 1 to 4096 bytes");
        }
        calls.add(new Call(target, keyId, Map.copyOf(context), null));
        return ok(Map.of("CiphertextBlob", encode(seal(key, plaintext, context)), "KeyId", arn(key),
                "EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    }

    private Answer generateDataKey(String target, String keyId, Map<String, String> context, JsonNode request) {
        UUID key = keyOf(keyId);
        Answer refused = usable(target, keyId, key, context);
        if (refused != null) {
            return refused;
        }
        String spec = request.path("KeySpec").asString("");
        int bytes = switch (spec) {
            case "AES_256" -> 32;
            case "AES_128" -> 16;
            default -> request.path("NumberOfBytes").asInt(0);
        };
        if (bytes < 1 || bytes > 1024) {
            return error(target, keyId, context, "ValidationException", "Specify either KeySpec or NumberOfBytes");
        }
        byte[] dataKey = new byte[bytes];
        random.nextBytes(dataKey);
        calls.add(new Call(target, keyId, Map.copyOf(context), null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("CiphertextBlob", encode(seal(key, dataKey, context)));
        answer.put("Plaintext", encode(dataKey));
        answer.put("KeyId", arn(key));
        return ok(answer);
    }

    private Answer decrypt(String target, String keyId, Map<String, String> context, byte[] blob) {
        if (blob == null || blob.length < 1 + 16 + IV_BYTES + 16 || blob[0] != BLOB_VERSION) {
            return error(target, keyId, context, "InvalidCiphertextException", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        buffer.get();
        UUID sealedUnder = new UUID(buffer.getLong(), buffer.getLong());
        SecretKeySpec material = keys.get(sealedUnder);
        if (material == null) {
            return error(target, keyId, context, "InvalidCiphertextException", null);
        }
        if (keyId != null && !sealedUnder.equals(keyOf(keyId))) {
            return error(target, keyId, context, "IncorrectKeyException",
                    "The key ID in the request does not identify the KMS key used to encrypt the ciphertext.");
        }
        if (disabled.contains(sealedUnder)) {
            return error(target, keyId, context, "DisabledException", arn(sealedUnder) + " is disabled.");
        }
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, material, new GCMParameterSpec(128, blob, 1 + 16, IV_BYTES));
            cipher.updateAAD(aad(context));
            plaintext = cipher.doFinal(blob, 1 + 16 + IV_BYTES, blob.length - 1 - 16 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // KMS says no more than this: the context, the key or the bytes are not the ones sealed
            return error(target, keyId, context, "InvalidCiphertextException", null);
        }
        calls.add(new Call(target, keyId, Map.copyOf(context), null));
        return ok(Map.of("KeyId", arn(sealedUnder), "Plaintext", encode(plaintext), "EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    }

    private Answer usable(String target, String keyId, UUID key, Map<String, String> context) {
        if (key == null || !keys.containsKey(key)) {
            return error(target, keyId, context, "NotFoundException", "Key '" + keyId + "' does not exist");
        }
        if (disabled.contains(key)) {
            return error(target, keyId, context, "DisabledException", arn(key) + " is disabled.");
        }
        return null;
    }

    private byte[] seal(UUID key, byte[] plaintext, Map<String, String> context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(key), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + 16 + IV_BYTES + sealed.length).put(BLOB_VERSION)
                    .putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context as KMS treats it: an exact, case-sensitive match of every pair, in any order. */
    private static byte[] aad(Map<String, String> context) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(context).forEach((key, value) -> canonical.append(key.length()).append(':').append(key)
                .append(value.length()).append(':').append(value).append(';'));
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Answer error(String target, String keyId, Map<String, String> context, String type, String message) {
        calls.add(new Call(target, keyId, Map.copyOf(context), type));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        return new Answer(400, JSON.writeValueAsString(body));
    }

    private static Answer ok(Map<String, ?> body) {
        return new Answer(200, JSON.writeValueAsString(body));
    }

    private static byte[] decode(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(node.asString());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
