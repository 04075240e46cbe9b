package io.github.sfntest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Java functions of a SAM/CloudFormation template, for {@code MockedResponses.invokeHandlers}. */
class CloudFormationTemplateLambdaTest {

  @Test
  void java_functions_by_function_name_or_logical_id_with_global_runtime() {
    CloudFormationTemplate template = CloudFormationTemplate.load("lambda/handlers.template.yaml");

    assertThat(template.lambdaHandlers()).containsExactly(
        org.assertj.core.api.Assertions.entry("price-calculator-us-east-1",
            "io.github.sfntest.mock.LambdaHandlerTest$PriceHandler::handleRequest"),
        org.assertj.core.api.Assertions.entry("AuditFunction", "com.example.Audit::handleRequest"),
        org.assertj.core.api.Assertions.entry("PlainFunction", "com.example.Plain"));
  }
}
