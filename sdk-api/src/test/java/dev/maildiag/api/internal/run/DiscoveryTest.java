package dev.maildiag.api.internal.run;

import dev.maildiag.api.spi.DiagnosticsProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {
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
  void aBrokenEntryInTheContextLoadersServiceFileHidesNothingElse(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(DiagnosticsProvider.class.getName()), "com.example.NoSuchProvider\n");
    try (URLClassLoader broken = new URLClassLoader(new URL[] {dir.toUri().toURL()}, DiscoveryTest.class.getClassLoader())) {
      List<DiagnosticsProvider> found = withContextLoader(broken, Discovery::providers);

      assertThat(found).extracting(DiagnosticsProvider::id).containsExactly("core");
    }
  }

  @Test
  void aProviderSeenThroughBothLoadersIsKeptOnce() throws Exception {
    try (URLClassLoader child = new URLClassLoader(new URL[0], DiscoveryTest.class.getClassLoader())) {
      assertThat(withContextLoader(child, Discovery::providers)).extracting(DiagnosticsProvider::id).containsExactly("core");
      assertThat(withContextLoader(child, Discovery::interpreters)).extracting(i -> i.getClass().getSimpleName())
          .containsExactly("GenericSignatures");
    }
  }
}
