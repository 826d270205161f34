package dev.maildiag.cli;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's boundary, proven on the compiled classes of every module: the embedder package stays small, and
 * the public API of the exported packages names no type of a library maildiag uses inside (OkHttp, Jackson,
 * Jakarta Mail, Angus Mail, Nimbus, Resilience4j) and no internal type. Naming one would make every upgrade
 * of that library, and every refactoring inside, a breaking change for embedders and provider authors.
 */
class ArchitectureTest {
  /** The exported packages: embedders', provider authors', the providers' own and the testkit's. */
  private static final Predicate<String> EXPORTED = pkg -> !pkg.contains(".internal")
      && (pkg.equals("dev.maildiag.api") || pkg.equals("dev.maildiag.api.spi")
          || pkg.equals("dev.maildiag.microsoft") || pkg.equals("dev.maildiag.google")
          || pkg.startsWith("dev.maildiag.testkit"));

  private static final List<String> FORBIDDEN = List.of(
      "okhttp3.", "com.fasterxml.", "jakarta.mail.", "org.eclipse.angus.", "com.nimbusds.", "io.github.resilience4j.");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.maildiag");
  }

  @Test
  void theEmbedderPackageHasAtMostFifteenPublicTypes() {
    List<String> types = classes.stream()
        .filter(c -> c.getPackageName().equals("dev.maildiag.api") && c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getSimpleName).sorted().toList();

    assertThat(types).as("public top-level types of dev.maildiag.api").hasSizeLessThanOrEqualTo(15).contains("Maildiag", "Report");
  }

  @Test
  void theExportedApiNamesNoLibraryOrInternalType() {
    List<JavaClass> exported = classes.stream().filter(ArchitectureTest::isExported).toList();
    assertThat(exported).extracting(JavaClass::getName)
        .contains("dev.maildiag.api.Maildiag", "dev.maildiag.api.spi.Check", "dev.maildiag.microsoft.MicrosoftDiagnostics",
            "dev.maildiag.google.GoogleDiagnostics");

    Set<String> violations = new TreeSet<>();
    for (JavaClass c : exported) {
      List<JavaType> supertypes = new ArrayList<>();
      c.getSuperclass().ifPresent(supertypes::add);
      supertypes.addAll(c.getInterfaces());
      supertypes.forEach(t -> check(violations, c.getName() + " extends", t));
      for (JavaField f : c.getFields()) {
        if (visible(f.getModifiers())) {
          check(violations, c.getName() + "." + f.getName(), f.getType());
        }
      }
      for (JavaCodeUnit u : c.getCodeUnits()) {
        if (!visible(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
          continue;
        }
        String where = c.getName() + "." + u.getName() + "(..)";
        check(violations, where + " returns", u.getReturnType());
        u.getParameterTypes().forEach(t -> check(violations, where + " takes", t));
        u.getThrowsClause().getTypes().forEach(t -> check(violations, where + " throws", t));
      }
    }

    assertThat(violations).as("public signatures in exported packages that name library or internal types").isEmpty();
  }

  /** A public or protected type of an exported package, nested types included when they are visible too. */
  private static boolean isExported(JavaClass c) {
    if (!EXPORTED.test(c.getPackageName()) || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!visible(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void check(Set<String> violations, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      String name = raw.getName();
      boolean internal = name.startsWith("dev.maildiag.") && raw.getPackageName().contains(".internal");
      if (internal || FORBIDDEN.stream().anyMatch(name::startsWith)) {
        violations.add(where + " " + name);
      }
    }
  }
}
