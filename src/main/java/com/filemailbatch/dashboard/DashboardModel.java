package com.filemailbatch.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: who is signed in, and whether the operators' buttons are theirs to press. */
@ControllerAdvice(assignableTypes = {OverviewPage.class, RunsPage.class, RunDetailPage.class, TransfersPage.class,
        ActionsPage.class, ReceiptsPage.class})
class DashboardModel {

    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("operator")
    boolean operator(HttpServletRequest request) {
        return request.isUserInRole("OPERATOR");
    }
}
