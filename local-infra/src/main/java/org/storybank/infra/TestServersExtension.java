package org.storybank.infra;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @ExtendWith(TestServersExtension.class)} injects {@link TestServers#shared()}
 * into test constructors, lifecycle methods and test methods that declare a {@link TestServers}
 * parameter.
 */
public final class TestServersExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == TestServers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return TestServers.shared();
  }
}
