package io.tributary.agent.processor.builtin.expression;

import io.tributary.agent.processor.builtin.FieldPaths;
import io.tributary.record.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A node of a compiled filter expression; evaluates to a field value or a {@link Boolean}. Immutable. */
sealed interface Node {
    Object eval(Map<String, Object> fields);

    /** Whether a value counts as true where a condition is expected: only {@link Boolean#TRUE} does. */
    static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value);
    }

    record Literal(Object value) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return value;
        }
    }

    record Field(FieldPath path) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return path.get(fields);
        }
    }

    record Exists(FieldPath path) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return FieldPaths.exists(fields, path);
        }
    }

    record Or(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return truthy(left.eval(fields)) || truthy(right.eval(fields));
        }
    }

    record And(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return truthy(left.eval(fields)) && truthy(right.eval(fields));
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return !truthy(operand.eval(fields));
        }
    }

    record Compare(Comparison.Op op, Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return Comparison.test(op, left.eval(fields), right.eval(fields));
        }
    }

    record In(Node operand, List<Object> values) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            Object v = operand.eval(fields);
            for (Object candidate : values) {
                if (Comparison.test(Comparison.Op.EQ, v, candidate)) return true;
            }
            return false;
        }
    }

    record Matches(Node operand, Pattern pattern) implements Node {
        @Override
        public Object eval(Map<String, Object> fields) {
            return operand.eval(fields) instanceof String s && pattern.matcher(s).find();
        }
    }
}
