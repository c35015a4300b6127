package io.worklane.tenancy;

import io.worklane.tenancy.internal.OperatorTokens;
import org.springframework.stereotype.Service;

/** Tells whether a presented secret is the platform operator's token. */
@Service
public class OperatorAuthentication {

    private final OperatorTokens tokens;

    OperatorAuthentication(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    public boolean isOperatorToken(String presented) {
        return tokens.matches(presented);
    }
}
