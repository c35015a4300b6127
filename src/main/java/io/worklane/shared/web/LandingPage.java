package io.worklane.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root of a Worklane server: where to go next. */
@Controller
class LandingPage {

    @GetMapping("/")
    String index() {
        return "index";
    }
}
