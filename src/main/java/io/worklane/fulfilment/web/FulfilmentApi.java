package io.worklane.fulfilment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.fulfilment.Fulfilment;
import io.worklane.identity.WorklaneUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** What an admin needs to set up the endpoints that automated steps call. */
@RestController
@Tag(name = "Fulfilment", description = "Signing of automated fulfilment calls")
class FulfilmentApi {

    private final Fulfilment fulfilment;

    FulfilmentApi(Fulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @GetMapping(path = "/t/{tenant}/api/v1/fulfilment/signing-secret", produces = "application/json")
    @Operation(summary = "The secret automated calls are signed with: header X-Worklane-Signature is "
            + "sha256=<hex HMAC-SHA256 of the body> (admins)")
    Map<String, String> signingSecret(@AuthenticationPrincipal WorklaneUser actor) {
        return Map.of("secret", fulfilment.signingSecret(actor), "header", "X-Worklane-Signature",
                "algorithm", "HMAC-SHA256 of the request body, hex, prefixed sha256=");
    }
}
