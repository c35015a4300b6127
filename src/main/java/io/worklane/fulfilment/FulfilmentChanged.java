package io.worklane.fulfilment;

import java.util.UUID;

/** A request's fulfilment moved (a step started, finished or failed; the run ended), in that transaction. */
public record FulfilmentChanged(UUID requestId) {
}
