package org.storybank.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RunningStack} for every system test class of a run: started by the first class that
 * asks for it ({@code @BeforeAll void up(RunningStack stack)}), stopped when the whole run ends (it
 * lives in the root context's store). Starting the stack is most of a system test class's time, so
 * the classes share it; the browser tests run first ({@code @Order} on the classes), the walking
 * skeleton's tests that stop and restart parts of it last.
 */
final class SharedStack implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedStack.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  private static RunningStack stack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RunningStack.class, key -> Started.up(), Started.class)
        .stack();
  }

  /** The stack as a resource of the store: closed once, when the run's root context closes. */
  private record Started(RunningStack stack) implements ExtensionContext.Store.CloseableResource {

    static Started up() {
      try {
        return new Started(RunningStack.up());
      } catch (Exception e) {
        throw new IllegalStateException("could not start the stack: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws Exception {
      stack.close();
    }
  }
}
