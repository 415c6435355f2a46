package app.trustpulse.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's worth of HTTP: its own cookies, redirects not followed, forms posted with their CSRF token. */
final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    HttpSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "en");
    }

    /** A GET from a browser set to this language. */
    HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Language", language)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a browser sends it: asking for HTML, in this language. */
    HttpResponse<String> getPage(String path, String language) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .header("Accept-Language", language)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form the way the page at {@code formPage} would, with that page's CSRF token. */
    HttpResponse<String> postForm(String formPage, String action, Map<String, ?> fields)
            throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(formPage).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        // A list stands for a field sent once per value, as checked boxes of one name are.
        String body = fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> values
                                ? values.stream()
                                : java.util.stream.Stream.of(e.getValue()))
                        .map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&", "_csrf=" + enc(m.group(1)) + "&", ""));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postUrlEncoded(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpSession signInAs(String playgroundPerson) throws IOException, InterruptedException {
        HttpResponse<String> r =
                postForm("/dashboard/login", "/dashboard/login/playground", Map.of("person", playgroundPerson));
        if (r.statusCode() != 302
                || !r.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
            throw new IllegalStateException("sign-in as " + playgroundPerson + " failed: " + r.statusCode());
        }
        return this;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
