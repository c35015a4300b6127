package io.worklane.shared.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of live updates ({@code worklane.live.*}).
 *
 * @param dispatchThreads threads that hand notifications to this node's listeners; a listener blocked
 *                        on a slow client holds one of them, the others keep delivering
 * @param heartbeat       how long a stream may stay silent before it gets a comment line, so that
 *                        proxies and load balancers do not close it as idle
 * @param streamTimeout   how long one stream lives; the browser then reconnects (and resyncs)
 * @param clientRetry     how long a browser waits before reconnecting a dropped stream
 */
@ConfigurationProperties("worklane.live")
public record LiveProperties(Integer dispatchThreads, Duration heartbeat, Duration streamTimeout, Duration clientRetry) {

    public LiveProperties {
        dispatchThreads = dispatchThreads == null ? 8 : dispatchThreads;
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        clientRetry = clientRetry == null ? Duration.ofSeconds(3) : clientRetry;
    }
}
