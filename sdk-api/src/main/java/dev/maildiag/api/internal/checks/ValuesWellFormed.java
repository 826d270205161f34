package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.net.WireText;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every setting that goes on the wire can be sent as it is: the host is a host name, and no login, mailbox,
 * folder, id, password or token holds a control character (a CR LF in a login becomes a second command
 * on the server). The live checks require this one, so a value like that never reaches a server.
 */
public final class ValuesWellFormed implements Check {
  public static final String ID = "config.values";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Settings sent to servers are well-formed").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    List<String> problems = new ArrayList<>();
    String host = WireText.hostProblem(c.server().host());
    if (host != null) {
      problems.add("the host is not a host name: " + host);
    }
    Map<String, String> control = WireText.controlCharacters(c);
    control.remove("host"); // said above
    control.forEach((setting, what) -> problems.add("the " + setting + " holds " + what));
    if (problems.isEmpty()) {
      return Finding.ok("The settings sent to servers hold no control characters, and the host is a host name").build();
    }
    Finding.Builder b = Finding.error("Settings cannot be sent to a server: " + String.join("; ", problems))
        .rootCause(RootCause.INVALID_CONFIGURATION, 0.95)
        .detail("Mail protocols end a command at a line break, so such a value would be read by the server as more than "
            + "one command. maildiag sends nothing until it is fixed. A stray line break usually comes from a file "
            + "holding the value with two lines, or from copying it out of a document.")
        .step("Remove line breaks, tabs and other control characters from the settings named above; give the host "
            + "as a plain name such as outlook.office365.com, without imaps:// or a path.");
    control.keySet().forEach(setting -> b.evidence(setting, "control character"));
    return b.build();
  }
}
