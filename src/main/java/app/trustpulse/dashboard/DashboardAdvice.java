package app.trustpulse.dashboard;

import app.trustpulse.insight.NotAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A team the viewer may not see answers 403 with a page that says so; its settings, for someone in the team who is no
 * admin, answer 403 with a page that says settings are for admins and points to the team page. An expired sign-in goes
 * back to the sign-in page.
 */
@ControllerAdvice(
        assignableTypes = {
            DashboardController.class,
            ExportController.class,
            SettingsController.class,
            DoctorController.class,
            NudgeEffectsController.class
        })
class DashboardAdvice {

    @ExceptionHandler(NotAllowed.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "dashboard/forbidden";
    }

    /** A member or leader of the team opening its settings: those are for admins; the team page is theirs. */
    @ExceptionHandler(AdminsOnly.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String adminsOnly(AdminsOnly refused, Model model) {
        model.addAttribute("adminsOnly", true);
        model.addAttribute("teamId", refused.teamId());
        model.addAttribute("teamName", refused.teamName());
        return "dashboard/forbidden";
    }

    @ExceptionHandler(SignInExpired.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:" + DashboardSecurity.LOGIN;
    }
}
