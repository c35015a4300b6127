/**
 * Notifications: what asks for someone's attention (an SLA warning or breach on their work, an
 * approval waiting on them) as an in-app inbox with an unread count. Listens to other modules'
 * events; e-mail digests and webhooks come later.
 */
@ApplicationModule(displayName = "Notifications")
package io.worklane.notification;

import org.springframework.modulith.ApplicationModule;
