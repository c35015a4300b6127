package io.worklane.shared.live;

/** A listener's registration for one tenant's topic; closing it stops delivery (idempotent). */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
