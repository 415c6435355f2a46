package app.trustpulse.dashboard;

import app.trustpulse.doctor.Doctor;
import app.trustpulse.insight.NotAllowed;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The install check for service admins: the same lines as {@code /pulse doctor}, linked from the admins' overview. */
@Controller
class DoctorController {

    static final String PATH = "/dashboard/doctor";

    private final Doctor doctor;
    private final SignedIn signedIn;

    DoctorController(Doctor doctor, SignedIn signedIn) {
        this.doctor = doctor;
        this.signedIn = signedIn;
    }

    @GetMapping(PATH)
    String doctor(Authentication auth, Model model) {
        Viewer viewer = signedIn.viewer(auth);
        if (!viewer.admin()) {
            throw new NotAllowed("admins only");
        }
        Optional<String> workspace =
                viewer.platform() == Platform.SLACK ? Optional.of(viewer.workspaceId()) : Optional.empty();
        List<Doctor.Line> lines = doctor.examine(PageLanguage.current(), workspace);
        model.addAttribute("viewer", viewer);
        model.addAttribute("doctorLines", lines);
        model.addAttribute("doctorOk", doctor.allOk(lines));
        return "dashboard/doctor";
    }
}
