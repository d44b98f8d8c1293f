package io.tributary.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @ExtendWith(LocalStackExtension.class)} injects {@link LocalStack#shared()} into any test,
 * lifecycle method or constructor parameter of type {@link LocalStack}. The shared stack outlives the test
 * class (a shutdown hook stops it); a test that stops or kills the broker starts its own with
 * {@link LocalStack#start()} instead.
 */
public final class LocalStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return LocalStack.shared();
    }
}
