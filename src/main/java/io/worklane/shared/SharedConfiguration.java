package io.worklane.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /**
     * Time comes from one clock, so that tests can fix it. It ticks in microseconds, as PostgreSQL stores
     * time: an instant we answer with is the instant we stored, not one rounded later.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
