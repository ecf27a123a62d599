package dev.tributary.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link RequiresProgram}: disables (or, in CI, fails) tests whose program is missing.
 */
final class RequiresProgramCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    Optional<AnnotatedElement> element = context.getElement();
    if (element.isPresent()) {
      for (RequiresProgram p :
          AnnotationSupport.findRepeatableAnnotations(element.get(), RequiresProgram.class)) {
        if (ExternalPrograms.find(p.value()).isEmpty()) {
          missing.add("'" + p.value() + "' (Debian package " + p.debianPackage() + ")");
        }
      }
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("every program it needs is installed");
    }
    String message = "not installed: " + String.join(", ", missing);
    if (ExternalPrograms.required()) {
      throw new IllegalStateException(
          message + "; " + ExternalPrograms.REQUIRE_ENV + " says CI must not skip this test");
    }
    return ConditionEvaluationResult.disabled(
        message + ". Install it, or run .ci/run, to run this test.");
  }
}
