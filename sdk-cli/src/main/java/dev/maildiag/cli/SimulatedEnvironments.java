package dev.maildiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code maildiag demo} finds its simulated environments. The testkit and the servers it simulates with
 * (WireMock, GreenMail) lie in {@code lib/} beside {@code maildiag.jar} but are not on its class path: every other
 * command would open their jars (WireMock's alone holds some 10,000 entries) each time it looks for a service or
 * a resource, and a real diagnosis has no use for them. The demo runs the command line again in a class loader
 * that sees every jar in {@code lib/}.
 */
final class SimulatedEnvironments {
  private static final String TESTKIT = "dev/maildiag/testkit/Scenarios.class";

  private SimulatedEnvironments() {}

  /** Whether the testkit is already on the class path (tests, an IDE, an application's own class path). */
  static boolean onClassPath() {
    return DemoCommand.class.getClassLoader().getResource(TESTKIT) != null;
  }

  /** Runs the command line in a class loader that sees maildiag.jar and every jar beside it in lib/. */
  static int runCommandLine(List<String> args, PrintWriter out, PrintWriter err) {
    List<URL> jars = jars();
    ClassLoader parent = ClassLoader.getPlatformClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("maildiag-demo", jars.toArray(URL[]::new), parent)) {
      if (loader.getResource(TESTKIT) == null) {
        throw new UsageProblem("the demo needs the simulated environments: sdk-testkit and its libraries in lib/ beside maildiag.jar");
      }
      thread.setContextClassLoader(loader);
      Class<?> main = Class.forName(Main.class.getName(), true, loader);
      return (Integer) main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class)
          .invoke(null, args.toArray(String[]::new), out, err);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the simulated environments: " + e, e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static List<URL> jars() {
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path lib = jar.resolveSibling("lib");
      if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
        throw new UsageProblem("the demo needs the simulated environments: sdk-testkit and its libraries in lib/ beside maildiag.jar");
      }
      List<URL> urls = new ArrayList<>();
      urls.add(jar.toUri().toURL());
      try (Stream<Path> files = Files.list(lib)) {
        for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
          urls.add(p.toUri().toURL());
        }
      }
      return urls;
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalStateException("cannot find maildiag.jar: " + e, e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list lib/ beside maildiag.jar: " + e, e);
    }
  }
}
