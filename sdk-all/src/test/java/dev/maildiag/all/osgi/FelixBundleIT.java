package dev.maildiag.all.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import dev.maildiag.all.addon.DiagnosingActivator;
import dev.maildiag.all.driver.DiagnosisDriver;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The SDK as a plugin system runs it: a real Apache Felix framework, the SDK's own bundles and their
 * third-party dependencies installed as bundles (the few plain jars among them wrapped by bnd, as a plugin
 * build would), SLF4J provided by the host as Jira provides it, and an add-on bundle that diagnoses.
 */
class FelixBundleIT {
  private static final Path WORK = Path.of(System.getProperty("maildiag.osgi.work", "target/osgi"));
  private Felix felix;
  private Path settingsFile;
  private Path resultFile;

  @BeforeAll
  static void trust() {
    dev.maildiag.all.Settings.trustTestCa();
  }

  @BeforeEach
  void startFramework() throws Exception {
    Files.createDirectories(WORK);
    settingsFile = WORK.resolve("settings.properties");
    resultFile = WORK.resolve("result.txt");
    Files.deleteIfExists(resultFile);
    Map<String, Object> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, WORK.resolve("cache").toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    // The host product provides SLF4J to its plugins from its own class path. Resilience4j's bundles import
    // org.slf4j in [1.7,2): SLF4J 2's logger API is the same, so the host exports it under both versions.
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,org.slf4j;version=1.7.36,"
        + "org.slf4j.event;version=2.0.17,org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17");
    config.put("maildiag.test.settings", settingsFile.toString());
    config.put("maildiag.test.result", resultFile.toString());
    felix = new Felix(config);
    felix.start();
  }

  @AfterEach
  void stopFramework() throws Exception {
    felix.stop();
    felix.waitForStop(10_000);
  }

  @Test
  void anAddOnBundleDiagnosesASimulatedFailure() throws Exception {
    List<Bundle> installed = new ArrayList<>();
    for (File jar : sdkBundles()) {
      installed.add(felix.getBundleContext().installBundle(jar.toURI().toString()));
    }
    for (File jar : dependencies()) {
      installed.add(felix.getBundleContext().installBundle(jar.toURI().toString(), Files.newInputStream(asBundle(jar))));
    }
    Bundle addOn = felix.getBundleContext().installBundle("add-on", Files.newInputStream(addOnBundle()));

    try (Microsoft365Simulation sim = Microsoft365Simulation.failing("mailbox-permission").start()) {
      Map<String, String> settings = dev.maildiag.all.Settings.of(sim.context());
      Properties p = new Properties();
      p.putAll(settings);
      try (Writer out = Files.newBufferedWriter(settingsFile, StandardCharsets.UTF_8)) {
        p.store(out, null);
      }
      addOn.start();
      String inBundle = Files.readString(resultFile);

      assertThat(inBundle).contains("top=mailbox-permission").isEqualTo(DiagnosisDriver.diagnose(settings));
    }
    // the SDK ran from its bundles, not from the test's class path
    assertThat(addOn.loadClass("dev.maildiag.api.Maildiag").getClassLoader())
        .isNotSameAs(getClass().getClassLoader());
  }

  @Test
  void internalPackagesAreNotExported() throws Exception {
    Bundle api = felix.getBundleContext().installBundle(sdkBundles().get(0).toURI().toString());
    for (File jar : dependencies()) {
      felix.getBundleContext().installBundle(jar.toURI().toString(), Files.newInputStream(asBundle(jar)));
    }
    api.start();
    List<String> exported = new ArrayList<>();
    for (BundleCapability c : api.adapt(BundleRevision.class).getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
      exported.add((String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE));
    }
    assertThat(exported).containsExactlyInAnyOrder("dev.maildiag.api", "dev.maildiag.api.spi");

    Bundle intruder = felix.getBundleContext().installBundle("intruder", Files.newInputStream(
        manifestOnlyBundle("intruder", "dev.maildiag.api.internal.run")));
    assertThatThrownBy(intruder::start)
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("dev.maildiag.api.internal.run");
  }

  private static List<File> sdkBundles() {
    List<File> jars = new ArrayList<>();
    for (String module : List.of("sdk-api", "sdk-microsoft", "sdk-google")) {
      jars.add(new File(System.getProperty("maildiag.osgi.sdk"), module + "/target/" + module + "-"
          + System.getProperty("maildiag.version") + ".jar"));
    }
    assertThat(jars).allSatisfy(f -> assertThat(f).isFile());
    return jars;
  }

  private static List<File> dependencies() {
    File[] jars = new File(System.getProperty("maildiag.osgi.deps")).listFiles((d, n) -> n.endsWith(".jar"));
    assertThat(jars).isNotEmpty();
    return List.of(jars);
  }

  private static final Map<File, Path> WRAPPED = new HashMap<>();

  /** The jar itself when it is a bundle; otherwise wrapped by bnd (once), exporting its packages. */
  private static synchronized Path asBundle(File jar) throws Exception {
    Path known = WRAPPED.get(jar);
    if (known == null) {
      known = wrap(jar);
      WRAPPED.put(jar, known);
    }
    return known;
  }

  private static Path wrap(File jar) throws Exception {
    try (Jar j = new Jar(jar)) {
      Manifest m = j.getManifest();
      if (m != null && m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) != null) {
        return jar.toPath();
      }
      try (Analyzer a = new Analyzer()) {
        a.setJar(j);
        String name = jar.getName().replaceAll("-\\d.*", "");
        String version = jar.getName().replaceAll("^.*?-(\\d[\\w.]*?)(-\\d+)?\\.jar$", "$1");
        a.setProperty(Constants.BUNDLE_SYMBOLICNAME, "wrapped." + name);
        a.setProperty(Constants.BUNDLE_VERSION, version);
        a.setProperty(Constants.EXPORT_PACKAGE, "*;version=" + version);
        a.setProperty(Constants.IMPORT_PACKAGE, "*;resolution:=optional");
        j.setManifest(a.calcManifest());
        Path out = WORK.resolve("wrapped-" + jar.getName());
        j.write(out.toFile());
        return out;
      }
    }
  }

  /** The add-on: the activator and the driver, importing only what bnd finds they use. */
  private static Path addOnBundle() throws Exception {
    try (Builder b = new Builder()) {
      b.addClasspath(new File(DiagnosingActivator.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
      b.addClasspath(new File(org.osgi.framework.Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
      for (File f : sdkBundles()) {
        b.addClasspath(f);
      }
      b.setProperty(Constants.BUNDLE_SYMBOLICNAME, "add-on");
      b.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
      b.setProperty(Constants.BUNDLE_ACTIVATOR, DiagnosingActivator.class.getName());
      b.setProperty("Private-Package", DiagnosingActivator.class.getPackageName() + "," + DiagnosisDriver.class.getPackageName());
      b.setProperty(Constants.IMPORT_PACKAGE, "*");
      Jar jar = b.build();
      assertThat(b.getErrors()).isEmpty();
      Path out = WORK.resolve("add-on.jar");
      jar.write(out.toFile());
      return out;
    }
  }

  private static Path manifestOnlyBundle(String name, String imports) throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().putValue("Manifest-Version", "1.0");
    m.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    m.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, name);
    m.getMainAttributes().putValue(Constants.IMPORT_PACKAGE, imports);
    Path out = WORK.resolve(name + ".jar");
    try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(out), m)) {
      jar.flush();
    }
    return out;
  }
}
