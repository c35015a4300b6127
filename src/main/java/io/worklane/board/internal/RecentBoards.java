package io.worklane.board.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.board.Board;
import io.worklane.shared.TenantId;
import io.worklane.shared.live.LiveUpdates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Board definitions, remembered until they change, as items read by key are (ADR 0012): every move and
 * every render needs its board's columns and limits, and they change rarely. A saved or deleted board is
 * forgotten here when its transaction completes and on every other node when the change is heard
 * (LISTEN/NOTIFY, ADR 0010); renamed statuses or teams ({@link LiveUpdates#NAMES_TOPIC}) and a lost
 * LISTEN session forget the tenant's boards. A transaction that changed a board reads boards afresh,
 * and a read racing a change is not kept.
 */
@Component
public class RecentBoards {

    static final Duration KEPT = Duration.ofMinutes(10);
    static final String TOPIC = "boards";
    /** Bound to a transaction that changed a board: it must not remember what it reads. */
    private static final Object CHANGED_HERE = new Object();

    private record Key(TenantId tenant, UUID board) {
    }

    private final Cache<Key, Board> boards = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumSize(10_000)
            .build();
    private final AtomicLong generation = new AtomicLong();
    private final Set<TenantId> listening = ConcurrentHashMap.newKeySet();
    private final LiveUpdates live;

    RecentBoards(LiveUpdates live) {
        this.live = live;
    }

    public Optional<Board> get(TenantId tenant, UUID board, Supplier<Optional<Board>> read) {
        if (TransactionSynchronizationManager.hasResource(CHANGED_HERE)) {
            return read.get();
        }
        Key key = new Key(tenant, board);
        Board remembered = boards.getIfPresent(key);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        listen(tenant);
        long before = generation.get();
        Optional<Board> found = read.get();
        if (found.isPresent() && generation.get() == before) {
            boards.put(key, found.get());
            if (generation.get() != before) {
                boards.invalidate(key);
            }
        }
        return found;
    }

    /** The board changes in the current transaction: forget it here when it completes, and tell the others. */
    public void changed(TenantId tenant, UUID board) {
        live.publish(tenant, TOPIC, board.toString());
        forget(tenant, board);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (!TransactionSynchronizationManager.hasResource(CHANGED_HERE)) {
            TransactionSynchronizationManager.bindResource(CHANGED_HERE, Boolean.TRUE);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED_HERE);
                forget(tenant, board);
            }
        });
    }

    private void forget(TenantId tenant, UUID board) {
        generation.incrementAndGet();
        boards.invalidate(new Key(tenant, board));
    }

    private void forgetTenant(TenantId tenant) {
        generation.incrementAndGet();
        boards.asMap().keySet().removeIf(k -> k.tenant().equals(tenant));
    }

    private void listen(TenantId tenant) {
        if (listening.add(tenant)) {
            live.subscribe(tenant, TOPIC, board -> forget(tenant, UUID.fromString(board)), () -> forgetTenant(tenant));
            live.subscribe(tenant, LiveUpdates.NAMES_TOPIC, what -> forgetTenant(tenant), () -> forgetTenant(tenant));
        }
    }
}
