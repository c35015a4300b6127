package io.worklane.shared.live;

import io.worklane.tenancy.TenantContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Optional;

/**
 * A stream endpoint for tests only, made the way a module's controller would: under the tenant's API
 * (so Bearer tokens and tenant routing apply), one shared render per message, then one event per
 * stream. A message {@code skip} is shown to nobody.
 */
@RestController
class LiveTestStreams {

    private final SseStreams streams;
    private final SharedRender<String> upperCase = SharedRender.of(message ->
            message.equals("skip") ? Optional.empty() : Optional.of(message.toUpperCase()));

    LiveTestStreams(SseStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/t/{slug}/api/test/live/{topic}")
    ResponseEntity<SseEmitter> watch(@PathVariable String topic,
                                     @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(TenantContext.require().id(), topic, lastEventId, upperCase,
                shown -> Optional.of(SseEmitter.event().name("update").data(shown)));
    }
}
