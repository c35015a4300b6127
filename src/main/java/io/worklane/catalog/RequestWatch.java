package io.worklane.catalog;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.live.SseStreams;
import io.worklane.tenancy.TenantContext;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;
import java.util.UUID;

/**
 * Watching requests live, one or all of one's own: a {@code changed} event whenever its approval or fulfilment moves, for
 * whoever may see the request; the page then shows it again.
 */
@Service
public class RequestWatch {

    private final CatalogManagement catalog;
    private final SseStreams streams;

    RequestWatch(CatalogManagement catalog, SseStreams streams) {
        this.catalog = catalog;
        this.streams = streams;
    }

    public ResponseEntity<SseEmitter> watch(WorklaneUser viewer, UUID id, String lastEventId) {
        catalog.request(viewer, id);
        String prefix = id + " ";
        return streams.open(TenantContext.require().id(), RequestLiveFeed.TOPIC, lastEventId,
                message -> message.startsWith(prefix) ? Optional.of(changed(id.toString())) : Optional.empty());
    }

    /** Watching one's own requests: a {@code changed} event naming the request whenever one of them moves. */
    public ResponseEntity<SseEmitter> watchMine(WorklaneUser viewer, String lastEventId) {
        String suffix = " " + viewer.id().value();
        return streams.open(TenantContext.require().id(), RequestLiveFeed.TOPIC, lastEventId,
                message -> message.endsWith(suffix) ? Optional.of(changed(message.substring(0, message.indexOf(' '))))
                        : Optional.empty());
    }

    private static SseEmitter.SseEventBuilder changed(String request) {
        return SseEmitter.event().name("changed").data(request);
    }
}
