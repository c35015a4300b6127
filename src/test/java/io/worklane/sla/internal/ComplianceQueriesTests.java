package io.worklane.sla.internal;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentiles read off minute counts agree with PostgreSQL's percentile_cont on the same minutes. */
class ComplianceQueriesTests {

    @Test
    void interpolatesBetweenTheTwoValuesAroundTheRank() {
        // 1, 2, 3, 4 minutes: percentile_cont(0.5) = 2.5, (0.85) = 3.55, (0.95) = 3.85.
        TreeMap<Long, long[]> counts = counts(1, 1, 2, 1, 3, 1, 4, 1);
        assertThat(ComplianceQueries.percentile(counts, 4, 0.5)).isEqualTo(2.5);
        assertThat(ComplianceQueries.percentile(counts, 4, 0.85)).isCloseTo(3.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ComplianceQueries.percentile(counts, 4, 0.95)).isCloseTo(3.85, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void repeatedValuesAndSingleValues() {
        // 0 (three times), 10 (once): ranks 0..3; p50 at 1.5 → 0; p95 at 2.85 → 0 + 0.85 × 10 = 8.5.
        TreeMap<Long, long[]> counts = counts(0, 3, 10, 1);
        assertThat(ComplianceQueries.percentile(counts, 4, 0.5)).isEqualTo(0.0);
        assertThat(ComplianceQueries.percentile(counts, 4, 0.95)).isCloseTo(8.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ComplianceQueries.percentile(counts(7, 1), 1, 0.95)).isEqualTo(7.0);
        assertThat(ComplianceQueries.percentile(new TreeMap<>(), 0, 0.5)).isNull();
    }

    private static TreeMap<Long, long[]> counts(long... minuteAndCount) {
        TreeMap<Long, long[]> counts = new TreeMap<>();
        for (int i = 0; i < minuteAndCount.length; i += 2) {
            counts.put(minuteAndCount[i], new long[]{minuteAndCount[i + 1], 0});
        }
        return counts;
    }
}
