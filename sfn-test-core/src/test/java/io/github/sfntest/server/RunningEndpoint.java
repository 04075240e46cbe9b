package io.github.sfntest.server;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Starts one endpoint for a test class and closes it after the last test: the class's static
 * {@link SfnServer} field gets the server and its static {@link SfnClient} field a real AWS SDK v2
 * client of it ({@link Clients#sfn}), so endpoint tests share no lifecycle code.
 */
final class RunningEndpoint implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    SfnServer server = SfnServer.start();
    SfnClient sfn = Clients.sfn(server.endpoint());
    // closed by JUnit when the class's context ends, client first
    context.getStore(ExtensionContext.Namespace.create(RunningEndpoint.class)).put("endpoint",
        (AutoCloseable) () -> {
          sfn.close();
          server.close();
        });
    for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && (field.getType() == SfnServer.class || field.getType() == SfnClient.class)) {
        field.setAccessible(true);
        field.set(null, field.getType() == SfnServer.class ? server : sfn);
      }
    }
  }
}
