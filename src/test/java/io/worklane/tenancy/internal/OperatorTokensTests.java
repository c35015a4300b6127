package io.worklane.tenancy.internal;

import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without WORKLANE_OPERATOR_TOKEN, the first start makes a token, prints it once and keeps only its hash. */
@WorklaneTest
@ExtendWith(OutputCaptureExtension.class)
class OperatorTokensTests {

    private static final Pattern TOKEN = Pattern.compile("wlop_[A-Za-z0-9_-]{43}");

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheGeneratedToken() {
        jdbc.sql("delete from platform.settings where key = 'operator_token_sha256'").update();
    }

    @Test
    void generatesPrintsOnceAndStoresOnlyTheHash(CapturedOutput output) {
        new OperatorTokens(jdbc, "");
        var printed = TOKEN.matcher(output.getAll());
        assertThat(printed.find()).as("the token is printed at first start").isTrue();
        String token = printed.group();
        assertThat(jdbc.sql("select value from platform.settings where key = 'operator_token_sha256'")
                .query(String.class).single()).doesNotContain(token).hasSize(64);

        int printedBefore = output.getAll().length();
        var nextStart = new OperatorTokens(jdbc, "");

        assertThat(nextStart.matches(token)).isTrue();
        assertThat(nextStart.matches(token + "x")).isFalse();
        assertThat(output.getAll().substring(printedBefore)).doesNotContain("wlop_");
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsGenerated(CapturedOutput output) {
        var tokens = new OperatorTokens(jdbc, "chosen-by-the-operator");

        assertThat(tokens.matches("chosen-by-the-operator")).isTrue();
        assertThat(tokens.matches("")).isFalse();
        assertThat(tokens.matches(null)).isFalse();
        assertThat(output.getAll()).doesNotContain("wlop_");
    }
}
