package org.ibvadvisor.cli.keys;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --expires}: a count and a unit ({@code 90d}, {@code 12h}, {@code 2w}, {@code 30m}) or an ISO-8601 duration. */
final class ExpiryText {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    private ExpiryText() {
    }

    static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        Duration duration;
        if (matcher.matches()) {
            long count = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(count);
                case "h" -> Duration.ofHours(count);
                case "d" -> Duration.ofDays(count);
                default -> Duration.ofDays(7 * count);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--expires must be like 90d, 12h, 2w or 30m, was \"" + text + "\"");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--expires must be positive, was \"" + text + "\"");
        }
        return duration;
    }
}
