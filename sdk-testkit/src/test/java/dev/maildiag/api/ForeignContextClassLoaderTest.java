package dev.maildiag.api;

import dev.maildiag.api.spi.DiagnosticsProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a plug-in system, an OSGi container or an application server, the thread's context class loader may
 * see none of maildiag's jars. Discovery through it alone found no provider, ran no check, and called a
 * broken configuration OK.
 */
class ForeignContextClassLoaderTest {
  /** A Microsoft 365 handler asking for Graph's Mail.Read: the Microsoft provider's offline checks must say so. */
  private static DiagnosticContext graphScopes() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
        .login("helpdesk@contoso.com")
        .provider("microsoft").tenant("5f1c8a3e-2b7d-4c9a-9e61-0d4b7a2c8f13").clientId("client-1")
        .scopes(List.of("https://graph.microsoft.com/Mail.Read", "offline_access"))
        .refreshToken(Secret.of("a-refresh-token"))
        .network(DiagnosticContext.NetworkSettings.direct())
        .build();
  }

  private static List<String> outline(Report report) {
    return report.findings().stream().map(f -> f.checkId() + " " + f.severity() + " " + f.rootCause()).toList();
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.call();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void aContextLoaderThatSeesNoneOfMaildiagsJarsGetsTheSameFindings() throws Exception {
    Report normal = Maildiag.create().preflight(graphScopes());

    try (URLClassLoader foreign = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      // the setting is what it claims to be: ServiceLoader through this loader finds nothing
      assertThat(withContextLoader(foreign, () -> ServiceLoader.load(DiagnosticsProvider.class).stream().count())).isZero();

      Report underForeign = withContextLoader(foreign, () -> Maildiag.create().preflight(graphScopes()));

      assertThat(outline(underForeign)).isEqualTo(outline(normal));
    }
    assertThat(outline(normal)).anyMatch(line -> line.startsWith("microsoft.scopes ERROR scopes"));
    assertThat(normal.topRootCause()).get().extracting(RankedRootCause::id).isEqualTo(RootCause.SCOPES);
    assertThat(normal.verdict()).isEqualTo(Verdict.ERROR);
  }

  @Test
  void explicitlyRegisteredProvidersDiagnoseAsDiscoveredOnes() {
    Maildiag explicit = Maildiag.builder().discoverProviders(false)
        .provider(new dev.maildiag.google.GoogleDiagnostics()).provider(new dev.maildiag.microsoft.MicrosoftDiagnostics())
        .build();

    assertThat(explicit.providers()).extracting(DiagnosticsProvider::id).containsExactly("core", "google", "microsoft");
    assertThat(outline(explicit.preflight(graphScopes()))).isEqualTo(outline(Maildiag.create().preflight(graphScopes())));
  }

  @Test
  void aRunnerBuiltUnderAForeignLoaderKnowsEveryProviderAndInterpreter() throws Exception {
    try (URLClassLoader foreign = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      Maildiag runner = withContextLoader(foreign, Maildiag::create);

      assertThat(runner.providers()).extracting(DiagnosticsProvider::id).contains("core", "microsoft", "google");
      assertThat(runner.explainer().interpreters()).extracting(i -> i.getClass().getSimpleName())
          .contains("GenericSignatures", "MicrosoftSignatures", "GoogleSignatures");
    }
  }
}
