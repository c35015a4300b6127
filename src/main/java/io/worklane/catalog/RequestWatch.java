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
 * Watching one request live: a {@code changed} event whenever its approval or fulfilment moves, for
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
        String mine = id.toString();
        return streams.open(TenantContext.require().id(), RequestLiveFeed.TOPIC, lastEventId,
                message -> mine.equals(message) ? Optional.of(SseEmitter.event().name("changed").data(mine)) : Optional.empty());
    }
}
