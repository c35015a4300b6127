package io.worklane.board;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.live.SharedRender;
import io.worklane.shared.live.SseStreams;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watching a board live: a stream of {@code card} events, one per change to an item that is (or was)
 * on the board, saying whether the board shows it now. Whether an item is on a board is computed once
 * per change and board, however many people watch it ({@link SharedRender}); each browser then fetches
 * the card as it may see it.
 */
@Service
public class BoardWatch {

    private final SseStreams streams;
    private final BoardManagement boards;
    private final BoardContents contents;
    private final Map<BoardId, SharedRender<Notice>> renders = new ConcurrentHashMap<>();

    BoardWatch(SseStreams streams, BoardManagement boards, BoardContents contents) {
        this.streams = streams;
        this.boards = boards;
        this.contents = contents;
    }

    /** What a viewer is told of a change: the card's key and whether the board shows it now. */
    public record Notice(String key, boolean on) {
    }

    public ResponseEntity<SseEmitter> watch(WorklaneUser viewer, BoardId id, String lastEventId) {
        boards.board(viewer, id);
        Tenant tenant = TenantContext.require();
        // The first viewer's rights resolve the board's query for everyone; boards are for staff, who see all work.
        SharedRender<Notice> render = renders.computeIfAbsent(id, boardId -> SharedRender.of(key ->
                TenantContext.callUnchecked(tenant, () -> Optional.of(
                        new Notice(key, contents.card(viewer, boardId, key).isPresent())))));
        return streams.open(tenant.id(), BoardLiveFeed.TOPIC, lastEventId, render,
                notice -> Optional.of(SseEmitter.event().name("card")
                        .data("{\"key\":\"" + notice.key() + "\",\"on\":" + notice.on() + "}")));
    }

}
