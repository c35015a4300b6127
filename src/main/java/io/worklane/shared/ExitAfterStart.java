package io.worklane.shared;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code worklane.exit-after-start=true}, starts completely, then shuts down cleanly (the embedded
 * database stopped) and exits. The build uses it for the training start that records the class-data
 * sharing archive, which the JVM writes as it exits.
 */
@Component
@ConditionalOnBooleanProperty("worklane.exit-after-start")
@Order(Ordered.LOWEST_PRECEDENCE)
class ExitAfterStart implements ApplicationRunner {

    private final ConfigurableApplicationContext context;

    ExitAfterStart(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.exit(SpringApplication.exit(context));
    }
}
