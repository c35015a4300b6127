package io.worklane.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void acceptsAPasswordOfTwelveCharacters() {
        assertThat(PasswordPolicy.refusal("twelve-chars", "ada@acme.test")).isEmpty();
    }

    @Test
    void refusesElevenCharactersSayingHowLongItMustBe() {
        assertThat(PasswordPolicy.refusal("eleven-char", "ada@acme.test")).contains("must be at least 12 characters");
    }

    @Test
    void refusesAMissingPasswordAsTooShort() {
        assertThat(PasswordPolicy.refusal(null, "ada@acme.test")).contains("must be at least 12 characters");
    }

    @Test
    void acceptsALongPassphraseUpTo128Characters() {
        assertThat(PasswordPolicy.refusal("p".repeat(128), "ada@acme.test")).isEmpty();
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThat(PasswordPolicy.refusal("p".repeat(129), "ada@acme.test")).contains("must be at most 128 characters");
    }

    @Test
    void needsNoDigitsCapitalsOrSymbols() {
        assertThat(PasswordPolicy.refusal("correct horse battery staple", null)).isEmpty();
    }

    @Test
    void refusesTheEmailAddressItselfWhateverItsCase() {
        assertThat(PasswordPolicy.refusal("ada.lovelace@acme.test", "ada.lovelace@acme.test"))
                .contains("must not be the e-mail address");
        assertThat(PasswordPolicy.refusal("Ada.Lovelace@ACME.test", "ada.lovelace@acme.test"))
                .contains("must not be the e-mail address");
    }

    @Test
    void acceptsAPasswordThatOnlyContainsTheEmailAddress() {
        assertThat(PasswordPolicy.refusal("ada.lovelace@acme.test!", "ada.lovelace@acme.test")).isEmpty();
    }
}
