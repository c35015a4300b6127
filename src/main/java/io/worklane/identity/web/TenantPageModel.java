package io.worklane.identity.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every tenant page's layout shows: the signed-in person ({@code me}) and their organisation
 * ({@code tenantName}). Added after the handler, to pages only: a {@code @ModelAttribute} advice would
 * also build a model for every API answer, which has none to show (@RestController is a @Controller);
 * that was a tenth of the CPU of reading an item (docs/benchmarks.md). A handler's own value wins, and
 * a redirect gets nothing, as with model attributes.
 */
@Component
class TenantPageModel implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !page.hasView() || isRedirect(page)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        page.getModelMap().putIfAbsent("me",
                authentication != null && authentication.getPrincipal() instanceof WorklaneUser user ? user : null);
        page.getModelMap().putIfAbsent("tenantName", TenantContext.current().map(Tenant::name).orElse(null));
    }

    private static boolean isRedirect(ModelAndView page) {
        String name = page.getViewName();
        View view = page.getView();
        return (name != null && name.startsWith("redirect:")) || view instanceof RedirectView;
    }
}
