package io.worklane.shared.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.worklane.shared.TenantId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** This node's listeners, by tenant and topic, and the threads that deliver to them. */
@Component
class Subscribers implements DisposableBean {

    private record Key(TenantId tenant, String topic) {
    }

    private final Map<Key, Set<Delivery>> byTopic = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ThreadPoolExecutor dispatch;

    Subscribers(LiveProperties properties, MeterRegistry meters) {
        AtomicInteger threads = new AtomicInteger();
        dispatch = new ThreadPoolExecutor(properties.dispatchThreads(), properties.dispatchThreads(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "worklane-live-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatch.allowCoreThreadTimeOut(true);
        Gauge.builder("worklane.live.subscriptions", open, AtomicInteger::get)
                .description("Open live update subscriptions on this node").register(meters);
    }

    Subscription add(TenantId tenant, String topic, Consumer<String> onMessage, Runnable onResync) {
        Key key = new Key(tenant, topic);
        var delivery = new Delivery(onMessage, onResync, dispatch, closed -> remove(key, closed));
        byTopic.compute(key, (k, set) -> {
            Set<Delivery> deliveries = set == null ? ConcurrentHashMap.newKeySet() : set;
            deliveries.add(delivery);
            return deliveries;
        });
        open.incrementAndGet();
        return delivery;
    }

    private void remove(Key key, Delivery delivery) {
        byTopic.computeIfPresent(key, (k, set) -> {
            set.remove(delivery);
            return set.isEmpty() ? null : set;
        });
        open.decrementAndGet();
    }

    /** Hands one message to the topic's listeners; every one gets the same String instance (see SharedRender). */
    void deliver(LiveNotice notice) {
        Set<Delivery> deliveries = byTopic.get(new Key(notice.tenant(), notice.topic()));
        if (deliveries != null) {
            deliveries.forEach(delivery -> delivery.message(notice.message()));
        }
    }

    /** Tells every listener that messages may have been lost. */
    void resyncAll() {
        byTopic.values().forEach(deliveries -> deliveries.forEach(Delivery::resync));
    }

    int count() {
        return open.get();
    }

    @Override
    public void destroy() {
        dispatch.shutdownNow();
    }
}
