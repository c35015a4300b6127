package io.worklane.shared.live;

import io.worklane.shared.TenantId;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** The wire format on the NOTIFY channel: a small JSON object {tenant, topic, message}. */
@Component
class NoticeCodec {

    /** PostgreSQL refuses a NOTIFY payload of this many bytes or more (NOTIFY_PAYLOAD_MAX_LENGTH). */
    static final int PAYLOAD_LIMIT = 8000;

    /** The wire record: plain strings, so that nothing but this class knows the format. */
    record Wire(String tenant, String topic, String message) {
    }

    private final JsonMapper json;

    NoticeCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(LiveNotice notice) {
        String payload = json.writeValueAsString(new Wire(notice.tenant().toString(), notice.topic(), notice.message()));
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= PAYLOAD_LIMIT) {
            throw new LivePayloadTooLargeException(notice.topic(), bytes, PAYLOAD_LIMIT);
        }
        return payload;
    }

    /** Empty for a payload that is not ours (anyone with access to the database may NOTIFY). */
    Optional<LiveNotice> decode(String payload) {
        try {
            Wire wire = json.readValue(payload, Wire.class);
            if (wire.tenant() == null || wire.topic() == null || wire.message() == null) {
                return Optional.empty();
            }
            return Optional.of(new LiveNotice(new TenantId(UUID.fromString(wire.tenant())), wire.topic(), wire.message()));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
