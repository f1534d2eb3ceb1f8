package com.filemailbatch.dashboard;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /actions}: the operators' actions and their results; and the actions themselves, POSTed by the pages'
 * forms (the operator role only, with a CSRF token: see the security configuration), each answered by a redirect
 * back to the page it came from with what became of it.
 */
@Controller
class ActionsPage {

    static final int SHOWN = 200;

    private final OperatorActions actions;
    private final ActionLog log;

    ActionsPage(OperatorActions actions, ActionLog log) {
        this.actions = actions;
        this.log = log;
    }

    @GetMapping("/actions")
    String actions(Model model) {
        model.addAttribute("actions", log.latest(SHOWN));
        return "dashboard/actions";
    }

    @PostMapping("/actions/runs/{id}/restart")
    String restart(@PathVariable long id, Principal user, RedirectAttributes flash) {
        return answer(actions.restart(name(user), id), "/runs/" + id, flash);
    }

    @PostMapping("/actions/runs/{id}/stop")
    String stop(@PathVariable long id, Principal user, RedirectAttributes flash) {
        return answer(actions.stop(name(user), id), "/runs/" + id, flash);
    }

    @PostMapping("/actions/runs/{id}/recover")
    String recover(@PathVariable long id, Principal user, RedirectAttributes flash) {
        return answer(actions.recover(name(user), id), "/runs/" + id, flash);
    }

    @PostMapping("/actions/definitions/{name}/launch")
    String launch(@PathVariable String name, Principal user, RedirectAttributes flash) {
        return answer(actions.launchNow(name(user), name), "/", flash);
    }

    @PostMapping("/actions/transfers/{id}/cancel")
    String cancel(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam String reference,
            Principal user, RedirectAttributes flash) {
        return answer(actions.cancel(name(user), reference), "/transfers/" + id, flash);
    }

    private static String answer(OperatorActions.Answer answer, String back, RedirectAttributes flash) {
        flash.addFlashAttribute(answer.accepted() ? "notice" : "refusal", answer.message());
        return "redirect:" + back;
    }

    private static String name(Principal user) {
        return user == null ? "anonymous" : user.getName();
    }
}
