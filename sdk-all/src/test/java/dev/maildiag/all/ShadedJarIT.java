package dev.maildiag.all;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.all.driver.DiagnosisDriver;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar: nothing outside dev.maildiag in it, and a diagnosis next to a host's older libraries. */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("maildiag.all.jar"));

  @BeforeAll
  static void trust() {
    Settings.trustTestCa();
  }

  @Test
  void holdsNoClassOutsideMaildiag() throws Exception {
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        if (e.getName().endsWith(".class")) {
          classes.add(e.getName());
        }
      }
    }
    assertThat(classes).isNotEmpty()
        .allSatisfy(name -> assertThat(name).startsWith("dev/maildiag/"))
        // the relocated libraries really are inside
        .anySatisfy(name -> assertThat(name).startsWith("dev/maildiag/shaded/okhttp3/"))
        .anySatisfy(name -> assertThat(name).startsWith("dev/maildiag/shaded/com/fasterxml/jackson/"))
        .anySatisfy(name -> assertThat(name).startsWith("dev/maildiag/shaded/org/eclipse/angus/mail/imap/"));
    try (JarFile jar = new JarFile(JAR.toFile())) {
      // the relocated SLF4J finds its provider (java.util.logging) under the relocated service name
      assertThat(jar.getEntry("META-INF/services/dev.maildiag.shaded.org.slf4j.spi.SLF4JServiceProvider")).isNotNull();
      assertThat(jar.getEntry("META-INF/services/dev.maildiag.api.spi.DiagnosticsProvider")).isNotNull();
    }
  }

  @Test
  void diagnosesNextToOlderJacksonOkHttpAndKotlin() throws Exception {
    try (Microsoft365Simulation sim = Microsoft365Simulation.failing("mailbox-permission").start()) {
      Map<String, String> settings = Settings.of(sim.context());
      String normally = DiagnosisDriver.diagnose(settings);

      URL[] old = oldLibraries();
      try (URLClassLoader host = new URLClassLoader(old, ClassLoader.getPlatformClassLoader());
           URLClassLoader addOn = new URLClassLoader(new URL[] {JAR.toUri().toURL(), driverClasses()}, host)) {
        // the host's own libraries are there, and older than the SDK's
        assertThat(host.loadClass("okhttp3.OkHttpClient")).isNotNull();
        assertThat(host.loadClass("com.fasterxml.jackson.databind.ObjectMapper")).isNotNull();
        assertThat(host.loadClass("kotlin.KotlinVersion")).isNotNull();
        Class<?> driver = addOn.loadClass(DiagnosisDriver.class.getName());
        assertThat(driver.getClassLoader()).isSameAs(addOn);
        assertThat(addOn.loadClass("dev.maildiag.api.Maildiag").getProtectionDomain().getCodeSource().getLocation())
            .isEqualTo(JAR.toUri().toURL());
        Method diagnose = driver.getMethod("diagnose", Map.class);
        String isolated = (String) diagnose.invoke(null, settings);

        assertThat(isolated).isEqualTo(normally).contains("top=mailbox-permission");
      }
    }
  }

  private static URL[] oldLibraries() throws Exception {
    File[] jars = new File(System.getProperty("maildiag.all.oldlibs")).listFiles((d, n) -> n.endsWith(".jar"));
    assertThat(jars).hasSizeGreaterThanOrEqualTo(6);
    List<URL> urls = new ArrayList<>();
    for (File f : jars) {
      urls.add(f.toURI().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /** The test classes folder, for the driver only: it names dev.maildiag types, which the shaded jar keeps. */
  private static URL driverClasses() {
    return DiagnosisDriver.class.getProtectionDomain().getCodeSource().getLocation();
  }
}
