package io.worklane.shared.live;

import io.worklane.shared.TenantId;

/** One announcement as it travels between nodes: whose it is, what it is about, and the message. */
record LiveNotice(TenantId tenant, String topic, String message) {
}
