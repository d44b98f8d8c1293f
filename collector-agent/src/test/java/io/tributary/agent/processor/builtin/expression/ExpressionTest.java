package io.tributary.agent.processor.builtin.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static final Record R = record();

    private static Record record() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("l", 5L);
        f.put("d", 5.0);
        f.put("dec", new BigDecimal("5.00"));
        f.put("tenth", 0.1);
        f.put("big", 9_007_199_254_740_993L); // 2^53 + 1: not a double
        f.put("neg", -70L);
        f.put("zero", -0.0);
        f.put("nan", Double.NaN);
        f.put("inf", Double.POSITIVE_INFINITY);
        f.put("s", "beacon");
        f.put("five", "5");
        f.put("t", true);
        f.put("f", false);
        f.put("nul", null);
        f.put("ts", Instant.parse("2024-05-01T12:00:00Z"));
        f.put("bytes", Bytes.of(new byte[] {1, 2}));
        f.put("readings", new ArrayList<>(List.of(Map.of("v", 1.5), Map.of("v", 2L))));
        f.put("device", Map.of("type", "tag", "mac", "AA:BB:CC:00:11:22"));
        f.put("tags", new ArrayList<>(Arrays.asList("a", "b")));
        f.put("sensor.id", "s-1");
        return Record.of(f);
    }

    private static boolean eval(String expression) {
        return Expression.compile(expression).test(R);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // every comparison operator, long against long
        "/l == 5 => true", "/l != 5 => false", "/l < 6 => true", "/l <= 5 => true", "/l > 5 => false",
        "/l >= 5 => true",
        "/neg > -71 => true", "/neg<-69 => true", "5 == /l => true", "6 > /l => true",
        // numbers mix long, double and decimal by value
        "/l == /d => true", "/l == /dec => true", "/d == /dec => true", "/dec == 5 => true", "/d == 5.000 => true",
        "/d < 5.5 => true", "/dec > 4.99 => true", "/tenth == 0.1 => true", "/tenth < 0.10000000000000001 => true",
        "/big == 9007199254740992.0 => false", "/big > 9007199254740992.0 => true", "/big == 9007199254740993 => true",
        "/zero == 0 => true", "/zero == 0.0 => true", "/l == 5e0 => true", "/l < 1e400 => true",
        "/l == 99999999999999999999 => false", "/l < 99999999999999999999 => true",
        // NaN compares false with everything, infinity is above everything
        "/nan == /nan => false", "/nan != 1 => false", "/nan < 1 => false", "/inf > 99999999999999999999 => true",
        "/inf > /d => true", "/inf == /inf => true",
        // strings
        "/s == 'beacon' => true", "/s == \"beacon\" => true", "/s != 'tag' => true", "/s < 'c' => true",
        "/s >= 'beacon' => true", "'a' < 'b' => true",
        // incompatible types compare false, != included; no coercion
        "/five == 5 => false", "/five != 5 => false", "/l == '5' => false", "/t == 1 => false", "/t < false => false",
        "/s > 1 => false",
        // booleans
        "/t == true => true", "/f != true => true", "/t => true", "/f => false", "true => true", "/s => false",
        // null and missing
        "/nul == null => true", "/missing == null => true", "/l != null => true", "/missing != null => false",
        "/nul != null => false", "/missing == 5 => false", "/missing != 5 => true", "/missing < 5 => false",
        "null == null => true",
        // timestamps against timestamps and ISO strings
        "/ts == '2024-05-01T12:00:00Z' => true", "/ts > '2024-05-01T11:59:59.999Z' => true",
        "'2024-05-01T14:00:00+02:00' == /ts => true", "/ts == 'yesterday' => false", "/ts == /ts => true",
        // bytes, lists and maps compare by equality only
        "/bytes == /bytes => true", "/tags == /tags => true", "/device == /device => true", "/tags < /tags => false",
        // nested paths, list indexes and bare names
        "/readings/0/v == 1.5 => true", "/readings/1/v == 2 => true", "/readings/2/v == null => true",
        "/device/type == 'tag' => true", "l == 5 => true", "sensor.id == 's-1' => true", "/sensor.id == 's-1' => true",
    })
    void comparisons(String testCase) {
        check(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/t and /t => true", "/t and /f => false", "/f or /t => true", "/f or /f => false", "not /f => true",
        "/t && /t => true", "/t || /f => true", "!/t => false", "! /f => true", "NOT /f AND /t => true",
        // and binds tighter than or; not binds looser than comparison, tighter than and
        "/t or /f and /f => true", "(/t or /f) and /f => false", "/f and /f or /t => true",
        "not /l == 6 => true", "not /l == 5 or /t => true", "not (/l == 5 or /t) => false", "!(/l == 5) => false",
        "not not /t => true", "/f or not /f and /t => true",
        // operands that are not booleans count as false
        "/l and /t => false", "not /l => true", "/missing or /t => true",
    })
    void logic(String testCase) {
        check(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "exists(/nul) => true", "exists(/missing) => false", "exists(/readings/1/v) => true",
        "exists(/readings/5) => false", "exists(l) => true", "not exists(/missing) => true",
        "/s in ['tag', 'beacon'] => true", "/s in [] => false", "/l in [1, 5.0] => true", "/l in ['5'] => false",
        "/missing in [null] => true", "/s not in ['tag'] => true", "/s not in ['beacon'] => false",
        "/t in [true] => true",
        "/device/mac matches '^AA:BB' => true", "/device/mac matches 'cc' => false",
        "/device/mac matches '(?i)cc' => true", "/five matches '\\d' => true", "/five matches '^\\\\d$' => true",
        "/l matches '5' => false", "/missing matches '.*' => false",
        "/device/type in ['tag'] and /l >= 5 and not /missing != null => true",
    })
    void existsInAndMatches(String testCase) {
        check(testCase);
    }

    /** Checks {@code "<expression> => <true|false>"}. */
    private static void check(String testCase) {
        String[] parts = testCase.split(" => ");
        assertEquals(2, parts.length, testCase);
        assertEquals(Boolean.parseBoolean(parts[1]), eval(parts[0]), parts[0]);
    }

    @Test
    void quotesCanBeEscaped() {
        Record r = Record.of(Map.of("q", "it's \"x\"\\"));
        assertTrue(Expression.compile("/q == 'it\\'s \"x\"\\\\'").test(r));
        assertTrue(Expression.compile("/q == \"it's \\\"x\\\"\\\\\"").test(r));
    }

    @Test
    void pathsUseJsonPointerEscapes() {
        Record r = Record.of(Map.of("a/b", 1L, "c~d", 2L));
        assertTrue(Expression.compile("/a~1b == 1 and /c~0d == 2").test(r));
    }

    @Test
    void deepNestingWithinTheLimit() {
        String nested = "(".repeat(60) + "/t" + ")".repeat(60);
        assertTrue(eval(nested));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        " => 1 => expression is empty",
        "    => 4 => expression is empty",
        "/l = 5 => 4 => compare with '=='",
        "/l == => 6 => unexpected end of expression",
        "/l == 5 and => 12 => unexpected end of expression",
        "/l & /t => 4 => use '&&'",
        "/l | /t => 4 => use '||'",
        "(/l == 5 => 9 => expected ')' to close '(' at column 1",
        "/l == 5) => 8 => unexpected ')'",
        "/l == 5 /t => 9 => expected 'and', 'or' or the end",
        "/l < 5 < 6 => 8 => unexpected '<'",
        "/s == 'open => 7 => string is not closed",
        "/s matches '[' => 12 => invalid regular expression",
        "/s matches /t => 12 => 'matches' needs a quoted regular expression",
        "/s in 'a' => 7 => 'in' needs a list",
        "/s in ['a' 'b'] => 12 => expected ',' or ']'",
        "/s in [/t] => 8 => a list holds only",
        "exists /x => 8 => expected '(' after 'exists'",
        "exists(5) => 8 => 'exists' needs a field path",
        "exists(/x => 10 => expected ')' to close 'exists(' at column 1",
        "/ == 1 => 1 => names no field",
        "/a~x == 1 => 1 => '~' must be followed by 0 or 1",
        "5abc == 1 => 2 => after a number",
        "1e == 1 => 2 => exponent has no digits",
        "/l == 1e999999 => 7 => out of range",
        "/l == # => 7 => unexpected character '#'",
        "and == 1 => 1 => unexpected 'and'",
        "/l == in => 7 => unexpected 'in'",
        "/a not /b => 4 => unexpected 'not'",
    })
    void parseErrorsNameTheColumn(String testCase) {
        String[] parts = testCase.split(" => ");
        assertEquals(3, parts.length, testCase);
        String source = parts[0];
        int column = Integer.parseInt(parts[1]);
        String reason = parts[2];
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class, () -> Expression.compile(source));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith("at column " + column + ": "), e.getMessage());
    }

    @Test
    void nestingTooDeepIsAParseErrorNotAStackOverflow() {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> Expression.compile("(".repeat(10_000) + "/t" + ")".repeat(10_000)));
        assertEquals(65, e.column());
        assertThrows(ExpressionSyntaxException.class, () -> Expression.compile("not ".repeat(10_000) + "/t"));
    }

    @Test
    void keepsItsSource() {
        assertEquals("/l == 5", Expression.compile("/l == 5").toString());
    }
}
