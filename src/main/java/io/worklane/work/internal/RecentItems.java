package io.worklane.work.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.shared.TenantId;
import io.worklane.shared.live.LiveUpdates;
import io.worklane.work.ItemLink;
import io.worklane.work.WorkItem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Items read by key, remembered until they change (ADR 0012): reading an item is most of the API's
 * traffic, and on two cores PostgreSQL's share of a read is what stands between 1,500 and 3,000 reads a
 * second.
 * <p>
 * A change forgets the item on this node when its transaction commits, and on every other node when
 * they hear of it (LISTEN/NOTIFY, ADR 0010), a few milliseconds later; if they miss it, they forget the
 * whole tenant. An item also shows its parent's and its linked items' titles and statuses, so a change to
 * one of those forgets the items that show it; a renamed person, team, type or status
 * ({@link LiveUpdates#NAMES_TOPIC}) forgets the tenant. A read racing a change never stores what it read:
 * every forgetting moves {@link #generation} on. {@link #KEPT} only bounds what a missed message could cost.
 */
@Component
public class RecentItems {

    static final Duration KEPT = Duration.ofMinutes(10);
    static final String TOPIC = io.worklane.work.WorkItemEvents.LIVE_TOPIC;

    private record Key(TenantId tenant, String key) {
    }

    private final Cache<Key, WorkItem> items = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumSize(100_000)
            .build();
    /**
     * For an item, the remembered items that show it (as parent or link). An entry outlives every item it
     * names: each addition renews it, and they expire {@link #KEPT} after they were stored.
     */
    private final Cache<Key, Set<Key>> shownBy = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumSize(200_000)
            .build();
    private final AtomicLong generation = new AtomicLong();
    private final Set<TenantId> listening = ConcurrentHashMap.newKeySet();
    private final LiveUpdates live;

    RecentItems(LiveUpdates live) {
        this.live = live;
    }

    /**
     * The item, remembered or read now. Inside a transaction it is always read: the transaction may
     * have changed it.
     */
    public Optional<WorkItem> get(TenantId tenant, String key, Supplier<Optional<WorkItem>> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return read.get();
        }
        Key k = new Key(tenant, key);
        WorkItem remembered = items.getIfPresent(k);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        listen(tenant);
        long before = generation.get();
        Optional<WorkItem> found = read.get();
        if (found.isPresent() && generation.get() == before) {
            shows(k, found.get());
            items.put(k, found.get());
            if (generation.get() != before) {
                items.invalidate(k);
            }
        }
        return found;
    }

    /** The item changes in the current transaction: forget it here when it commits, and tell the others. */
    public void changed(TenantId tenant, String key) {
        live.publish(tenant, TOPIC, key);
        afterCompletion(() -> forget(tenant, key));
    }

    /** A new item: nothing to forget, but those watching (boards) are told. */
    public void created(TenantId tenant, String key) {
        live.publish(tenant, TOPIC, key);
    }

    /**
     * A name that items show changed (a type's or status's): forget the tenant's items here once the
     * change commits, and tell the others.
     */
    public void namesChanged(TenantId tenant) {
        live.publish(tenant, LiveUpdates.NAMES_TOPIC, "work-types");
        afterCompletion(() -> forgetTenant(tenant));
    }

    private static void afterCompletion(Runnable forgetting) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetting.run();
                }
            });
        } else {
            forgetting.run();
        }
    }

    private void shows(Key item, WorkItem found) {
        if (found.parent() != null) {
            shownBy.asMap().compute(new Key(item.tenant(), found.parent().key()), (k, showing) -> with(showing, item));
        }
        for (ItemLink link : found.links()) {
            shownBy.asMap().compute(new Key(item.tenant(), link.key()), (k, showing) -> with(showing, item));
        }
    }

    private static Set<Key> with(Set<Key> showing, Key item) {
        Set<Key> all = showing == null ? ConcurrentHashMap.newKeySet() : showing;
        all.add(item);
        return all;
    }

    private void forgetTenant(TenantId tenant) {
        generation.incrementAndGet();
        items.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
        shownBy.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
    }

    private void forget(TenantId tenant, String key) {
        generation.incrementAndGet();
        Key k = new Key(tenant, key);
        items.invalidate(k);
        Set<Key> showing = shownBy.asMap().remove(k);
        if (showing != null) {
            items.invalidateAll(showing);
        }
    }

    private void listen(TenantId tenant) {
        if (listening.add(tenant)) {
            live.subscribe(tenant, TOPIC, key -> forget(tenant, key), () -> forgetTenant(tenant));
            live.subscribe(tenant, LiveUpdates.NAMES_TOPIC, what -> forgetTenant(tenant), () -> forgetTenant(tenant));
        }
    }
}
