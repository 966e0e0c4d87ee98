package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of several replicas: every replica publishes its committed changes on one Redis channel and every
 * replica (the publisher too) receives them all, in the order Redis received them. Pub/sub is at-most-once: a
 * replica disconnected from Redis misses changes, and its clients get a fresh snapshot when they reconnect, which
 * is why the skin resyncs on every reconnect.
 */
final class RedisChangeBus implements ChangeBus {

    private static final Logger log = LoggerFactory.getLogger(RedisChangeBus.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final String channel;
    private volatile Consumer<CatalogChange> receiver = change -> { };

    RedisChangeBus(String redisUrl, String channel) {
        this.client = RedisClient.create(redisUrl);
        this.channel = channel;
        this.publisher = client.connect();
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String text) {
                try {
                    receiver.accept(ChangeCodec.decode(text));
                } catch (RuntimeException e) {
                    log.warn("a change from the bus could not be delivered", e);
                }
            }
        });
        subscriber.sync().subscribe(channel);
    }

    @Override
    public void publish(CatalogChange change) {
        publisher.async().publish(channel, ChangeCodec.encode(change));
    }

    @Override
    public void onChange(Consumer<CatalogChange> receiver) {
        this.receiver = receiver;
    }

    @Override
    public void close() {
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}
