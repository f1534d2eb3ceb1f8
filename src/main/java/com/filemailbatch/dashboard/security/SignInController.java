package com.filemailbatch.dashboard.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The sign-in page and the page of a refusal. Spring Security handles the sign-in's POST itself; a failed one comes
 * back here with {@code ?error}, and the page says the same whether the name or the password was wrong.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInController {

    private final boolean usersConfigured;

    SignInController(DashboardProperties properties) {
        this.usersConfigured = !properties.users().isEmpty();
    }

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("usersConfigured", usersConfigured);
        return "dashboard/login";
    }

    /** Forwarded to on any refusal (a role too low, a missing or stale CSRF token, an unknown proxied user). */
    @RequestMapping(DashboardSecurityConfiguration.DENIED_PAGE)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "dashboard/denied";
    }
}
