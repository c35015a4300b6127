package io.worklane.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * Post/redirect/get for server-rendered forms: runs the change, and carries either its success
 * message or the problem's sentence to the page the browser is sent back to.
 */
public final class Flash {

    private Flash() {
    }

    public static <T> T attempt(RedirectAttributes flash, Supplier<T> change, String success) {
        try {
            T result = change.get();
            flash.addFlashAttribute("ok", success);
            return result;
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("error", problem.getMessage());
            return null;
        }
    }

    public static void attempt(RedirectAttributes flash, Runnable change, String success) {
        attempt(flash, () -> {
            change.run();
            return Boolean.TRUE;
        }, success);
    }
}
