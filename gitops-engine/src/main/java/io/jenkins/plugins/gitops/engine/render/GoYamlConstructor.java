package io.jenkins.plugins.gitops.engine.render;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor with go-yaml's values where they differ: integers in Go's notation
 * ({@code 0o17}, underscores), timestamps as the RFC 3339 string Go's JSON gives a {@code time.Time}
 * ({@code 2001-12-14} is {@code 2001-12-14T00:00:00Z}; go-yaml v3 keeps compose timestamps as written,
 * which {@link GoYamlResolver} does by not resolving them), and {@code !!binary} as the decoded text.
 */
final class GoYamlConstructor extends SafeConstructor {
    GoYamlConstructor(LoaderOptions options, SafeYaml.Schema schema) {
        super(options);
        yamlConstructors.put(Tag.INT, new ConstructGoInt());
        yamlConstructors.put(Tag.BINARY, new ConstructBinaryText());
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructRfc3339());
    }

    private final class ConstructGoInt extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String text = constructScalar((ScalarNode) node).replace("_", "");
            boolean negative = text.startsWith("-");
            if (negative || text.startsWith("+")) {
                text = text.substring(1);
            }
            int radix = 10;
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                radix = 16;
                text = text.substring(2);
            } else if (lower.startsWith("0o")) {
                radix = 8;
                text = text.substring(2);
            } else if (lower.startsWith("0b")) {
                radix = 2;
                text = text.substring(2);
            } else if (text.length() > 1 && text.startsWith("0")) {
                radix = 8;
                text = text.substring(1);
            }
            BigInteger value = new BigInteger(text, radix);
            value = negative ? value.negate() : value;
            if (value.bitLength() < 32) {
                return value.intValue();
            }
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
    }

    private final class ConstructBinaryText extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String encoded = constructScalar((ScalarNode) node).replaceAll("\\s", "");
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
    }

    /**
     * go-yaml's {@code allowedTimestampFormats} ({@code 2006-1-2T15:4:5.999999999Z07:00}, the same with
     * {@code t} or a space and no zone, {@code 2006-1-2}) as Go's {@code time.RFC3339Nano}; anything
     * else that YAML 1.1 calls a timestamp stays the string it was (Go cannot parse it either).
     */
    private final class ConstructRfc3339 extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String text = constructScalar((ScalarNode) node);
            Matcher m = GO_TIMESTAMP.matcher(text);
            if (!m.matches() || m.group(4) != null && m.group(4).equals(" ") != (m.group(9) == null)) {
                return text; // Go: a zone after 'T', none after a space
            }
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (m.group(4) == null) {
                    return date + "T00:00:00Z";
                }
                String fraction = m.group(8) == null ? "" : m.group(8);
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction.substring(1) + "000000000").substring(0, 9));
                LocalDateTime time = date.atTime(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(7)), nanos);
                ZoneOffset zone = m.group(9) == null || m.group(9).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(9));
                return OffsetDateTime.of(time, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return text;
            }
        }
    }

    private static final Pattern GO_TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:([Tt ])(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?)?");
}
