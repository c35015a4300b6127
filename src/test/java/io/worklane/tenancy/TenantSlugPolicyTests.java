package io.worklane.tenancy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TenantSlugPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ab", "acme-corp", "a1", "42", "big-org-2024", "a-b-c"})
    void allowsLowercaseLettersDigitsAndInnerHyphens(String slug) {
        assertThat(TenantSlugPolicy.refusal(slug)).isEmpty();
    }

    @Test
    void allowsFortyCharactersButNotFortyOne() {
        assertThat(TenantSlugPolicy.refusal("a".repeat(40))).isEmpty();
        assertThat(TenantSlugPolicy.refusal("a".repeat(41))).contains("must be 2 to 40 characters long");
    }

    @Test
    void refusesASingleCharacterAsTooShort() {
        assertThat(TenantSlugPolicy.refusal("a")).contains("must be 2 to 40 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void requiresASlug(String slug) {
        assertThat(TenantSlugPolicy.refusal(slug)).contains("is required");
    }

    @Test
    void requiresASlugWhenNoneIsGiven() {
        assertThat(TenantSlugPolicy.refusal(null)).contains("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "ACME", "-acme", "acme-", "has_underscore", "has space", "dot.ted", "ümlaut"})
    void refusesCapitalsSymbolsAndOuterHyphensSayingWhatIsAllowed(String slug) {
        assertThat(TenantSlugPolicy.refusal(slug)).hasValueSatisfying(reason ->
                assertThat(reason).contains("lowercase letters, digits and hyphens"));
    }

    @Test
    void refusesTwoHyphensInARow() {
        assertThat(TenantSlugPolicy.refusal("double--hyphen")).contains("must not contain two hyphens in a row");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "admin", "operator", "login", "www", "static", "worklane", "actuator"})
    void refusesWordsWorklaneNeedsForItself(String slug) {
        assertThat(TenantSlugPolicy.refusal(slug)).contains("is reserved");
    }

    @Test
    void allowsAReservedWordAsPartOfALongerSlug() {
        assertThat(TenantSlugPolicy.refusal("api-team")).isEmpty();
        assertThat(TenantSlugPolicy.refusal("admins")).isEmpty();
    }
}
