package app.trustpulse.dashboard;

import app.trustpulse.insight.NotAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A team the viewer may not see answers 403 with a plain page; an expired sign-in goes back to the sign-in page. */
@ControllerAdvice(assignableTypes = {DashboardController.class, ExportController.class, SettingsController.class,
        DoctorController.class})
class DashboardAdvice {

    @ExceptionHandler(NotAllowed.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
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
