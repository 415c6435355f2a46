package app.trustpulse.playground;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the playground page at {@code /playground}; its script and style are served beside it. */
@Controller
@Conditional(PlaygroundSwitch.class)
class PlaygroundPageController {

    static final String PAGE_LOCATION = "classpath:/playground/";

    private final Resource page = new ClassPathResource("playground/index.html");

    @GetMapping({"/playground", "/playground/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
