package io.gatepass.core.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The base condition operators (without set prefix or {@code IfExists} suffix) and how each compares one request
 * value with one policy value. A negated operator ({@code StringNotEquals}, ...) is the negation of its positive
 * twin over all policy values: "the request value equals none of them".
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, ConditionOperator::like),
    STRING_NOT_LIKE("StringNotLike", true, ConditionOperator::like),
    NUMERIC_EQUALS("NumericEquals", false, numeric(c -> c == 0)),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, numeric(c -> c == 0)),
    NUMERIC_LESS_THAN("NumericLessThan", false, numeric(c -> c < 0)),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, numeric(c -> c <= 0)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, numeric(c -> c > 0)),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, numeric(c -> c >= 0)),
    DATE_EQUALS("DateEquals", false, date(c -> c == 0)),
    DATE_NOT_EQUALS("DateNotEquals", true, date(c -> c == 0)),
    DATE_LESS_THAN("DateLessThan", false, date(c -> c < 0)),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, date(c -> c <= 0)),
    DATE_GREATER_THAN("DateGreaterThan", false, date(c -> c > 0)),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, date(c -> c >= 0)),
    BOOL("Bool", false, String::equalsIgnoreCase),
    // IAM documents ArnEquals and ArnLike alike: case-sensitive, with * and ? wildcards.
    ARN_EQUALS("ArnEquals", false, ConditionOperator::like),
    ARN_LIKE("ArnLike", false, ConditionOperator::like),
    ARN_NOT_EQUALS("ArnNotEquals", true, ConditionOperator::like),
    ARN_NOT_LIKE("ArnNotLike", true, ConditionOperator::like),
    /** Tests presence, not values: see {@link ConditionEvaluator}. */
    NULL("Null", false, (request, policy) -> false);

    /** How an operator treats a key that has several values in the request. */
    enum SetQualifier {
        /** No prefix: the key is treated as single-valued (any request value may satisfy it). */
        NONE(""),
        /** {@code ForAnyValue:} at least one request value satisfies the operator. */
        FOR_ANY_VALUE("ForAnyValue:"),
        /** {@code ForAllValues:} every request value satisfies the operator (true when there are none). */
        FOR_ALL_VALUES("ForAllValues:");

        final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }
    }

    /** An operator name taken apart: {@code ForAllValues:StringLikeIfExists} → (FOR_ALL_VALUES, STRING_LIKE, true). */
    record Parsed(SetQualifier qualifier, ConditionOperator base, boolean ifExists) {
    }

    private static final Map<String, ConditionOperator> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(op -> op.wireName, Function.identity()));
    private static final String IF_EXISTS = "IfExists";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,19}(\\.\\d{1,9})?");

    final String wireName;
    final boolean negated;
    private final BiPredicate<String, String> positiveTest;

    ConditionOperator(String wireName, boolean negated, BiPredicate<String, String> positiveTest) {
        this.wireName = wireName;
        this.negated = negated;
        this.positiveTest = positiveTest;
    }

    /**
     * Takes an operator name apart. Names are case-sensitive, as in IAM. {@code Null} takes neither a set prefix nor
     * {@code IfExists}.
     *
     * @return empty for an unknown operator
     */
    static Optional<Parsed> parse(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix)) {
                qualifier = q;
                rest = rest.substring(q.prefix.length());
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        ConditionOperator base = BY_NAME.get(rest);
        if (base == null || (base == NULL && (ifExists || qualifier != SetQualifier.NONE))) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(qualifier, base, ifExists));
    }

    /** The positive comparison of one request value with one policy value (negation is applied by the caller). */
    boolean positiveMatch(String requestValue, String policyValue) {
        return positiveTest.test(requestValue, policyValue);
    }

    boolean isDate() {
        return name().startsWith("DATE_");
    }

    /**
     * A date as IAM accepts it: epoch seconds (optionally with a fraction), or ISO-8601 — a date-time with offset,
     * a date-time without offset (read as UTC), or a date alone (midnight UTC).
     *
     * @return null when the text is not a date
     */
    static Instant parseDate(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (EPOCH_SECONDS.matcher(s).matches()) {
                BigDecimal seconds = new BigDecimal(s);
                BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            }
            if (s.indexOf('T') < 0) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean like(String requestValue, String policyPattern) {
        return Glob.matches(policyPattern, requestValue, false);
    }

    /** Compares request value to policy value; text that is not a number matches nothing. */
    private static BiPredicate<String, String> numeric(IntPredicate test) {
        return (request, policy) -> {
            BigDecimal r = parseNumber(request);
            BigDecimal p = parseNumber(policy);
            return r != null && p != null && test.test(Integer.signum(r.compareTo(p)));
        };
    }

    /** Compares request date to policy date; text that is not a date matches nothing. */
    private static BiPredicate<String, String> date(IntPredicate test) {
        return (request, policy) -> {
            Instant r = parseDate(request);
            Instant p = parseDate(policy);
            return r != null && p != null && test.test(Integer.signum(r.compareTo(p)));
        };
    }
}
