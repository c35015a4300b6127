package io.worklane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorklaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorklaneApplication.class, args);
    }
}
