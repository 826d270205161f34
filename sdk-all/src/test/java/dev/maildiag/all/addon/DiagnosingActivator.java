package dev.maildiag.all.addon;

import dev.maildiag.all.driver.DiagnosisDriver;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The add-on bundle of FelixBundleIT: when started, it diagnoses the settings the framework was given and
 * writes the result where the test reads it. It sees maildiag only through the packages its bundles export.
 */
public final class DiagnosingActivator implements BundleActivator {
  @Override
  public void start(BundleContext context) throws Exception {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(context.getProperty("maildiag.test.settings")), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
    String result = DiagnosisDriver.diagnose(settings);
    try (Writer out = Files.newBufferedWriter(Path.of(context.getProperty("maildiag.test.result")), StandardCharsets.UTF_8)) {
      out.write(result);
    }
  }

  @Override
  public void stop(BundleContext context) {}
}
