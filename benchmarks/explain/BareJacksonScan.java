import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor for reading a HAR: Jackson's streaming parser walking every token and reading no value.
 * maildiag's HAR reader is compared with this. Usage: java -cp jackson-core.jar BareJacksonScan.java FILE.har
 */
public final class BareJacksonScan {
  public static void main(String[] args) throws Exception {
    long tokens = 0;
    try (InputStream in = Files.newInputStream(Path.of(args[0])); JsonParser p = new JsonFactory().createParser(in)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    System.out.println(tokens + " tokens");
  }
}
