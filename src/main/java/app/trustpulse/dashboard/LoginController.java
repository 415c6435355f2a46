package app.trustpulse.dashboard;

import app.trustpulse.chat.LocalPeople;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: Slack and Microsoft when configured, and, only while the playground is on, a local
 * sign-in as any playground person (the playground is a local demo with no real people in it).
 */
@Controller
class LoginController {

    private final SignInProviders providers;
    private final ObjectProvider<LocalPeople> localPeople;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    LoginController(SignInProviders providers, ObjectProvider<LocalPeople> localPeople) {
        this.providers = providers;
        this.localPeople = localPeople;
    }

    @GetMapping(DashboardSecurity.LOGIN)
    String page(Model model) {
        LocalPeople people = localPeople.getIfAvailable();
        model.addAttribute("providers", providers.ids());
        model.addAttribute("playgroundOn", people != null);
        model.addAttribute("playgroundPeople", people == null ? List.of() : people.all());
        return "dashboard/login";
    }

    @PostMapping(DashboardSecurity.LOGIN + "/playground")
    String asPlaygroundPerson(
            @RequestParam("person") String userId, HttpServletRequest request, HttpServletResponse response) {
        LocalPeople people = localPeople.getIfAvailable();
        if (people == null) {
            return "redirect:" + DashboardSecurity.LOGIN;
        }
        Optional<LocalPeople.LocalPerson> person = people.find(userId);
        if (person.isEmpty()) {
            return "redirect:" + DashboardSecurity.LOGIN + "?unknown";
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        PreAuthenticatedAuthenticationToken token = new PreAuthenticatedAuthenticationToken(
                person.get(), "playground", AuthorityUtils.createAuthorityList("ROLE_PLAYGROUND"));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(token);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/dashboard";
    }
}
