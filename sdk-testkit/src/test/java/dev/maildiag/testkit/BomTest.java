package dev.maildiag.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import static org.assertj.core.api.Assertions.assertThat;

/** sdk-bom has no parent (importing it must not import our build), so what it repeats is checked here. */
class BomTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theBomAlignsJUnitAndAssertJAtTheVersionsTheTestkitIsBuiltWith() throws Exception {
    Document bom = read(ROOT.resolve("sdk-bom/pom.xml"));
    Document build = read(ROOT.resolve("pom.xml"));
    for (String property : List.of("junit.version", "assertj.version")) {
      assertThat(text(bom, property)).as(property).isNotBlank().isEqualTo(text(build, property));
    }
    assertThat(artifacts(bom)).contains("junit-bom", "assertj-core");
  }

  @Test
  void theBomListsEveryModuleOfTheBuild() throws Exception {
    List<String> modules = new ArrayList<>();
    NodeList m = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < m.getLength(); i++) {
      modules.add(m.item(i).getTextContent().strip());
    }
    modules.remove("sdk-bom");
    // test-only modules (real-peers) are never published, so the BOM has nothing to align for them
    modules.removeIf(module -> {
      try {
        return text(read(ROOT.resolve(module).resolve("pom.xml")), "maven.deploy.skip").equals("true");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(artifacts(read(ROOT.resolve("sdk-bom/pom.xml")))).containsAll(modules);
  }

  private static List<String> artifacts(Document pom) {
    List<String> ids = new ArrayList<>();
    NodeList deps = pom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      ids.add(((Element) deps.item(i)).getElementsByTagName("artifactId").item(0).getTextContent().strip());
    }
    return ids;
  }

  private static String text(Document pom, String tag) {
    NodeList n = pom.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }
}
