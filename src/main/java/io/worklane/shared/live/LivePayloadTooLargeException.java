package io.worklane.shared.live;

/**
 * A live update too big for PostgreSQL's NOTIFY (payloads under 8000 bytes). Announce ids and let
 * the subscriber load what it shows; never send the document itself.
 */
public class LivePayloadTooLargeException extends IllegalArgumentException {

    public LivePayloadTooLargeException(String topic, int bytes, int limit) {
        super("A live update on topic '" + topic + "' takes " + bytes + " bytes; NOTIFY carries fewer than " + limit
                + ". Publish ids, not documents.");
    }
}
