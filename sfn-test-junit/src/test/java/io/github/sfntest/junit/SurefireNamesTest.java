package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sfntest.junit.examples.NamingExamples;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.surefire.api.report.ReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.Stoppable;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What Maven Surefire writes as {@code <testcase name="...">} for each test form, asked of
 * Surefire's own JUnit Platform adapter ({@code RunListenerAdapter}, the class that names the
 * entries the XML reporter writes with its default configuration), not of a copy of its rules.
 */
class SurefireNamesTest {

  /** One finished test as Surefire reports it: outcome, class name, test name. */
  record Reported(String outcome, String className, String name) { }

  static List<Reported> reportedBySurefire(Class<?> testClass) throws Exception {
    List<Reported> reported = new CopyOnWriteArrayList<>();
    Object listener = Proxy.newProxyInstance(SurefireNamesTest.class.getClassLoader(),
        new Class<?>[] {TestReportListener.class, Stoppable.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (args != null && args.length == 1 && args[0] instanceof ReportEntry entry
              && List.of("testSucceeded", "testFailed", "testError", "testSkipped", "testAssumptionFailure").contains(name)) {
            reported.add(new Reported(name, entry.getSourceName(), entry.getName()));
          }
          return defaultValue(method);
        });
    Class<?> adapterClass = Class.forName("org.apache.maven.surefire.junitplatform.RunListenerAdapter");
    Constructor<?> constructor = adapterClass.getDeclaredConstructor(TestReportListener.class, Stoppable.class);
    constructor.setAccessible(true);
    Object adapter = constructor.newInstance(listener, listener);
    Method setRunMode = adapterClass.getMethod("setRunMode", RunMode.class);
    setRunMode.setAccessible(true);
    setRunMode.invoke(adapter, RunMode.NORMAL_RUN);
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
        .configurationParameter(StateMachineExtension.PRINT_HISTORY_PROPERTY, "false").build(),
        (TestExecutionListener) adapter);
    return reported;
  }

  private static Object defaultValue(Method method) {
    Class<?> type = method.getReturnType();
    if (type == boolean.class) {
      return false;
    }
    if (method.getName().equals("hashCode")) {
      return 0;
    }
    if (method.getName().equals("toString")) {
      return "listener";
    }
    return type.isPrimitive() && type != void.class ? 0 : null;
  }

  @Test
  void testCasesAreReportedByTheirNamesAndFieldInjectedTestsByTheirMethodNames() throws Exception {
    List<Reported> reported = reportedBySurefire(NamingExamples.EveryForm.class);

    assertThat(reported).extracting(Reported::outcome).containsOnly("testSucceeded");
    assertThat(reported).extracting(Reported::className).containsOnly(NamingExamples.EveryForm.class.getName());
    assertThat(reported).extracting(Reported::name).containsExactlyInAnyOrder(
        // a parameter puts JUnit's legacy name in the report; fields do not
        "withParameters(StateMachineUnderTest)",
        "withFields",
        // a @TestTemplate invocation always has the legacy name "method()[n]"
        "template()[1]",
        // TestCases: the test case names
        "HappyPathTest", "NegativeSentimentTest", "CustomValidationFailedCatchTest",
        "ValidationExceptionCatchTest", "RetryOnServiceExceptionTest");
    assertThat(NamingExamples.EveryForm.RAN).containsExactly("HappyPathTest", "NegativeSentimentTest",
        "CustomValidationFailedCatchTest", "ValidationExceptionCatchTest", "RetryOnServiceExceptionTest");
  }

  @Test
  void aFailingCaseIsReportedAsFailedUnderItsName() throws Exception {
    assertThat(reportedBySurefire(NamingExamples.FailingCase.class)).containsExactly(
        new Reported("testSucceeded", NamingExamples.FailingCase.class.getName(), "HappyPathTest"),
        new Reported("testFailed", NamingExamples.FailingCase.class.getName(), "NegativeSentimentTest"));
  }
}
