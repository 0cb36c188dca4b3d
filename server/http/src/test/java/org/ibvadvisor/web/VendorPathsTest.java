package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WebJar paths the page names are the versions pinned in the POM (a version bump must update them). */
class VendorPathsTest {

    private static final Pattern WEBJAR = Pattern.compile("/webjars/[\\w.@/-]+");

    @ParameterizedTest
    @ValueSource(strings = {"web/vendor.js", "web/index.html"})
    void every_webjar_path_in_the_page_exists_on_the_classpath(String file) throws IOException {
        try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
            assertNotNull(in, file);
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var paths = WEBJAR.matcher(text).results().map(m -> m.group()).toList();
            assertEquals(2, paths.size(), "marked and DOMPurify are named in " + file + ": " + paths);
            for (var path : paths) {
                assertNotNull(getClass().getClassLoader().getResource("META-INF/resources" + path), path + " is not in a pinned WebJar");
            }
        }
    }
}
